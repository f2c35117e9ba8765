"""Meetings named by their ordinal ("the 3rd General Meeting"), with date and place where stated.

Every mention is a row: two documents describing one meeting give two rows, so a
reader can see where they agree and where they do not. The place comes from "held
in X", "Meeting in X" or a heading "Nth General Meeting, City, Date"; when the
mention's own sentence names no place, a next sentence that speaks of "the
conference ... held in X" is read too.

>>> text = "The 3rd General Meeting of IPCNKR was held in Mongolia in 2006."
>>> [(r["number"], r["year"], r["place"], r["iso3"]) for r in find_meetings(text, [(0, len(text))])]
[(3, 2006, 'Mongolia', 'MNG')]
"""

from __future__ import annotations

import re

from ..read.sentences import sentence_spans
from .countries import find_countries, normalise_country
from .dates import _MONTHS, find_dates

_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_MEETING = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + r")\s+"
    r"(?:(?:[Gg]eneral|[Aa]nnual|[Pp]lenary)\s+)?(?:[Aa]ssembly\s+)?(?:Meeting|Conference|Congress|meeting|conference|congress)\b",
    re.I,
)
_PLACE = r"(?P<place>[A-Z][\w’'-]+(?:(?:,[ \t]*|[ \t]+)[A-Z][\w’'-]+)*)"
_HELD_IN = re.compile(r"\bheld\s+(?:in|at)\s+" + _PLACE)
# Used with .match(text, position): anchored at the end of the meeting's name.
_MEETING_IN = re.compile(r"\s+(?:in|at)\s+" + _PLACE)
_HEADING_PLACE = re.compile(r",\s*" + _PLACE)
_ANAPHOR = re.compile(r"\b(?:conference|meeting|gathering|congress)\b[^.]*?\bheld\s+(?:in|at)\s+" + _PLACE, re.I)


_CUE = re.compile(r"meeting|conference|congress", re.I)


def _ordinal(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else _ORDINAL_WORDS[text.lower()]


def _clean_place(text: str, match: re.Match[str]) -> tuple[str, int, int] | None:
    """Cut a place at the first month name ('Tokyo, August 1' -> 'Tokyo')."""
    start = match.start("place")
    words = re.finditer(r"[\w’'-]+", match["place"])
    end = match.end("place")
    for word in words:
        if word.group().lower().rstrip(".") in _MONTHS:
            end = start + word.start()
            break
    place = text[start:end].rstrip(" ,")
    return (place, start, start + len(place)) if place else None


def _place_iso3(place: str) -> str:
    whole = normalise_country(place)
    if whole:
        return whole[1]
    mentions = find_countries(place)
    return mentions[-1].iso3 if mentions else ""


def _date_of_mention(text: str, a: int, b: int, position: int):
    """The first date after the mention in its sentence, else the last one before it.

    "its 6th General Meeting was held in Tokyo in 2015" dates the meeting 2015 even
    when an earlier clause names another year.
    """
    dates = find_dates(text, a, b)
    after = [d for d in dates if d.start >= position]
    before = [d for d in dates if d.start < position]
    return after[0] if after else before[-1] if before else None


def find_meetings(text: str, spans: list[tuple[int, int]]) -> list[dict]:
    """Return one row per meeting mention in the given passage spans."""
    rows: list[dict] = []
    # Sentences are cut only where a meeting is named, or follows one (for "held in X").
    spans = [
        span for index, span in enumerate(spans)
        if _CUE.search(text, *span) or (index and _CUE.search(text, *spans[index - 1]))
    ]
    sentences = [s for start, end in spans for s in sentence_spans(text, start, end)]
    for index, (a, b) in enumerate(sentences):
        for match in _MEETING.finditer(text, a, b):
            place = None
            for pattern, where in ((_MEETING_IN, match.end()), (_HEADING_PLACE, match.end())):
                found = pattern.match(text, where, b)
                if found:
                    place = _clean_place(text, found)
                    break
            if place is None:
                held = _HELD_IN.search(text, match.end(), b) or _HELD_IN.search(text, a, match.start())
                if held:
                    place = _clean_place(text, held)
            if place is None and index + 1 < len(sentences):
                following = sentences[index + 1]
                if not _MEETING.search(text, *following):
                    anaphor = _ANAPHOR.search(text, *following)
                    place = _clean_place(text, anaphor) if anaphor else None
            date = _date_of_mention(text, a, b, match.start())
            quote_end = max(match.end(), place[2] if place else 0, date.end if date else 0)
            quote_start = min(match.start(), date.start if date else match.start())
            rows.append({
                "number": _ordinal(match["ordinal"]),
                "date": date.iso if date else None,
                "end_date": date.end_iso or None if date else None,
                "year": date.year if date else None,
                "place": place[0] if place else None,
                "iso3": _place_iso3(place[0]) if place else None,
                "quote": text[quote_start:quote_end],
                "start": quote_start,
                "end": quote_end,
            })
    return rows
