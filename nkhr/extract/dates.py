"""Dates as statements write them, kept at the precision the text gives.

A statement may say "20 April, 2023", "Apr 20, 2023", "2023/12/15", "20.04.2023",
"2023년 4월 20일", "in August of 2005", "in 2006", "27 February–24 March 2017" or "From
the 28th to the 30th of August 2007". Each becomes an ISO 8601 string of the stated
precision (YYYY-MM-DD, YYYY-MM or YYYY), never padded with a guessed day. Line breaks
inside a date are allowed: wrapped text splits them. All-digit dates are read only
year first or day first with dots (the forms used outside the United States); a
month-first "12/11/2020" is ambiguous and is not read.

>>> [(d.iso, d.precision) for d in find_dates("Adopted on 20 April, 2023 and Apr 20, 2023.")]
[('2023-04-20', 'day'), ('2023-04-20', 'day')]
>>> d = find_dates("From the 28th to the 30th of August 2007, the meeting")[0]
>>> (d.iso, d.end_iso, d.precision)
('2007-08-28', '2007-08-30', 'day')
>>> [(d.iso, d.precision) for d in find_dates("in August of 2005 and again in 2006")]
[('2005-08', 'month'), ('2006', 'year')]
>>> d = find_dates("Thirty-fourth session, 27 February–24 March 2017")[0]
>>> (d.iso, d.end_iso)
('2017-02-27', '2017-03-24')
>>> [d.iso for d in find_dates("2023년 4월 20일 서울에서, 2020. 10. 14. 발표")]
['2023-04-20', '2020-10-14']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
# Month names as headings and datelines write them: "April", "Apr." or "APRIL".
_MONTH = r"(?P<month>" + "|".join(
    sorted({form for m in _MONTHS for form in (m.capitalize(), m.upper())}, key=len, reverse=True)
) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

# Most precise patterns first: a range beats a single day, a day beats a month.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(
        r"(?:[Ff]rom\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:to|until|through)\s+the\s+"
        r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+of\s+" + _MONTH + r",?\s+" + _YEAR)),
    ("range", re.compile(
        r"(?P<day>[0-3]?\d)\s*[-–]\s*(?P<day2>[0-3]?\d)\s+" + _MONTH + r",?\s+" + _YEAR)),
    ("range", re.compile(
        _MONTH + r"\s+(?P<day>[0-3]?\d)\s*[-–]\s*(?P<day2>[0-3]?\d),?\s+" + _YEAR)),
    ("range", re.compile(
        r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"\s*[-–—]\s*(?P<day2>[0-3]?\d)\s+" + _MONTH2 + r",?\s+" + _YEAR + r"\b")),
    ("day", re.compile(_YEAR + r"\s*년\s*(?P<monthnum>[01]?\d)\s*월\s*(?P<day>[0-3]?\d)\s*일")),
    ("day", re.compile(r"(?<![\d.])" + _YEAR + r"\.\s?(?P<monthnum>[01]?\d)\.\s?(?P<day>[0-3]?\d)\.?(?![\d.])")),
    ("day", re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<monthnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])")),
    ("day", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")),
    ("day", re.compile(r"\b" + _YEAR + r"[/-](?P<monthnum>[01]?\d)[/-](?P<day>[0-3]?\d)\b")),
    ("month", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    ("month", re.compile(_YEAR + r"\s*년\s*(?P<monthnum>[01]?\d)\s*월")),
    ("year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Uu]ntil|[Bb]y)\s+" + _YEAR + r"\b")),
]


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: offsets, ISO value at its precision, and the last day of a range."""

    start: int
    end: int
    iso: str
    precision: str  # "day", "month" or "year"
    end_iso: str = ""

    @property
    def year(self) -> int:
        return int(self.iso[:4])


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _month_of(match: re.Match[str]) -> int | None:
    if match.groupdict().get("monthnum"):
        return int(match["monthnum"])
    if match.groupdict().get("month"):
        return _MONTHS[match["month"].lower()]
    return None


_DIGIT = re.compile(r"\d")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Find dates in ``text[start:end]`` without overlaps, in text order, offsets into ``text``."""
    end = len(text) if end is None else end
    if not _DIGIT.search(text, start, end):
        return []  # every date has a year in digits: most passages are passed over at once
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            span = match.span()
            if any(span[0] < b and a < span[1] for a, b in taken):
                continue
            year, month = int(match["year"]), _month_of(match)
            day = int(match["day"]) if match.groupdict().get("day") else None
            iso = _iso(year, month, day)
            if iso is None:
                continue
            end_iso = ""
            if kind == "range":
                month2 = _MONTHS[match["month2"].lower()] if match.groupdict().get("month2") else month
                end_iso = _iso(year, month2, int(match["day2"])) or ""
            # The year pattern keeps its preposition out of the quoted date.
            date_start = match.start("year") if kind == "year" else span[0]
            precision = "year" if kind == "year" else "month" if kind == "month" else "day"
            taken.append(span)
            found.append(DateMatch(date_start, span[1], iso, precision, end_iso))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, start: int = 0, end: int | None = None, precision: str | None = None) -> DateMatch | None:
    """Return the first date in the window, optionally only of one precision.

    >>> first_date("2023/12/15").iso
    '2023-12-15'
    """
    for date in find_dates(text, start, end):
        if precision is None or date.precision == precision:
            return date
    return None
