"""Membership counts as documents state them: at the founding, at a date, at a meeting.

Each observation is one row with the words it rests on. Rules read the language of
counts, not any one statement's sentence:

* "N members from M (different) countries" (a count at a date, or at the founding
  when the sentence speaks of founding);
* "N founding countries (A, B, ...) and M of their parliamentarians";
* "Parliamentarians of A, B, ... and F formed the coalition two years ago";
* "the original N members";
* "Representatives numbered N and came from M countries" (attendance at a meeting,
  kept apart from membership).

When a founding sentence lists the countries, the number stated is compared with the
list and the comparison recorded in ``stated_counts``.

>>> text = "As of today, the coalition consists of 111 members from 36 different countries."
>>> [(r["event"], r["members"], r["countries"]) for r in find_membership(text, [(0, len(text))], "2007-08-29")[0]]
[('membership', 111, 36)]
"""

from __future__ import annotations

import re

from ..read.sentences import sentence_spans
from .countries import find_countries
from .dates import find_dates
from .numbers import NUMBER, parse_number

_NUM = NUMBER.pattern
_PEOPLE = r"(?:members|parliamentarians|legislators|lawmakers|MPs|parliamentary\s+members)"
_COUNTRIES = r"(?:different\s+|separate\s+)?(?:countries|nations|states)"
_FOUNDING_WORDS = re.compile(r"\b(?:found(?:ed|ing|ers?)|established|formed|launched|created|original|inaugura\w+)\b", re.I)
_NOW_WORDS = re.compile(r"\b(?:as of today|today|currently|now|at present|to date)\b", re.I)

_MEMBERS_FROM = re.compile(
    rf"(?P<members>{_NUM})\s+(?:of\s+(?:their|its)\s+)?{_PEOPLE}\s+(?:from|in|representing)\s+(?P<countries>{_NUM})\s+{_COUNTRIES}",
    re.I,
)
_ATTENDANCE = re.compile(
    rf"\b(?:representatives|participants|delegates|attendees)\s+(?:numbered|totall?ed|totalling|of)\s+(?P<members>{_NUM})"
    rf"(?:\s+(?:and\s+)?(?:came\s+)?from\s+(?P<countries>{_NUM})\s+{_COUNTRIES})?"
    rf"|(?P<members2>{_NUM})\s+(?:representatives|participants|delegates|attendees)\s+from\s+(?P<countries2>{_NUM})\s+{_COUNTRIES}",
    re.I,
)
_FOUNDING_COUNTRIES = re.compile(
    rf"(?P<countries>{_NUM})\s+founding\s+(?:member\s+)?(?:countries|states|nations)(?:\s*\((?P<list>[^)]*)\))?", re.I
)
_THEIR_MEMBERS = re.compile(rf"(?P<members>{_NUM})\s+(?:of\s+(?:their|its|the)\s+)?{_PEOPLE}", re.I)
_FOUNDED_BY_LIST = re.compile(
    rf"\b{_PEOPLE}\s+(?:of|from)\s+(?P<list>.+?)\s+(?:formed|founded|established|launched|created)\b", re.I | re.S
)
_AGO = re.compile(rf"(?P<ago>{_NUM})\s+years?\s+ago", re.I)
_ORIGINAL_MEMBERS = re.compile(rf"\b(?:original|founding)\s+(?P<members>{_NUM})\s+{_PEOPLE}", re.I)
_HAS_MEMBERS = re.compile(rf"\b(?:consists\s+of|comprises|counts|has|have|numbers)\s+(?P<members>{_NUM})\s+{_PEOPLE}\b(?!\s+from)", re.I)


def _as_of(text: str, a: int, b: int, document_date: str) -> str:
    dates = find_dates(text, a, b)
    if dates:
        return dates[0].iso
    return document_date if _NOW_WORDS.search(text, a, b) else ""


def _row(text: str, start: int, end: int, **values) -> dict:
    return {"quote": text[start:end], "start": start, "end": end, **values}


def _listed(text: str, a: int, b: int) -> list[str]:
    return list(dict.fromkeys(m.iso3 for m in find_countries(text, a, b) if m.iso3))


#: Every rule needs one of these words; sentences without any are skipped cheaply.
_CUE = re.compile(
    r"member|parliamentarian|legislator|lawmaker|\bMPs\b|representative|participant|delegate|attendee|founding", re.I
)


def _sentence_rows(text: str, a: int, b: int, document_date: str) -> tuple[list[dict], list[dict]]:
    rows: list[dict] = []
    counts: list[dict] = []
    if not _CUE.search(text, a, b):
        return rows, counts
    taken: list[tuple[int, int]] = []
    founding = bool(_FOUNDING_WORDS.search(text, a, b))

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < y and x < span[1] for x, y in taken)

    for match in _ATTENDANCE.finditer(text, a, b):
        members = match["members"] or match["members2"]
        countries = match["countries"] or match["countries2"]
        rows.append(_row(text, *match.span(), event="attendance", members=parse_number(members),
                         countries=parse_number(countries) if countries else None, as_of=document_date))
        taken.append(match.span())
    for match in _FOUNDING_COUNTRIES.finditer(text, a, b):
        members = next((m for m in _THEIR_MEMBERS.finditer(text, match.end(), b)), None)
        end = members.end() if members else match.end()
        listed = _listed(text, *match.span("list")) if match["list"] else []
        rows.append(_row(text, match.start(), end, event="founding", countries=parse_number(match["countries"]),
                         members=parse_number(members["members"]) if members else None,
                         countries_listed="; ".join(listed), as_of=_as_of(text, a, b, "")))
        if match["list"]:
            counts.append(_row(text, *match.span(), counts="founding_countries",
                               stated=parse_number(match["countries"]), counted=len(listed)))
        taken.append((match.start(), end))
    for match in _MEMBERS_FROM.finditer(text, a, b):
        if free(match.span()):
            event = "founding" if founding and not _NOW_WORDS.search(text, a, b) else "membership"
            rows.append(_row(text, *match.span(), event=event, members=parse_number(match["members"]),
                             countries=parse_number(match["countries"]), as_of=_as_of(text, a, b, document_date)))
            taken.append(match.span())
    for match in _FOUNDED_BY_LIST.finditer(text, a, b):
        listed = _listed(text, *match.span("list"))
        if len(listed) < 2 or not free(match.span()):
            continue
        as_of, end = _as_of(text, a, b, ""), match.end()
        ago = _AGO.search(text, match.end(), b)
        if not as_of and ago and document_date:
            as_of, end = f"{int(document_date[:4]) - parse_number(ago['ago']):04d}", ago.end()
        rows.append(_row(text, match.start(), end, event="founding", countries=len(listed),
                         countries_listed="; ".join(listed), as_of=as_of))
        taken.append(match.span())
    for pattern, event in ((_ORIGINAL_MEMBERS, "founding"), (_HAS_MEMBERS, "membership")):
        for match in pattern.finditer(text, a, b):
            if free(match.span()):
                as_of = _as_of(text, a, b, document_date) if event == "membership" else ""
                rows.append(_row(text, *match.span(), event=event, members=parse_number(match["members"]), as_of=as_of))
                taken.append(match.span())
    return rows, counts


def find_membership(text: str, spans: list[tuple[int, int]], document_date: str) -> tuple[list[dict], list[dict]]:
    """Return membership rows and stated-count rows from the given passage spans.

    A founding row whose sentence gives no date takes the earliest founding date the
    same document states, so both accounts of one founding line up.
    """
    rows: list[dict] = []
    counts: list[dict] = []
    for start, end in spans:
        for a, b in sentence_spans(text, start, end):
            found, stated = _sentence_rows(text, a, b, document_date)
            rows += found
            counts += stated
    founding_dates = sorted(r["as_of"] for r in rows if r["event"] == "founding" and r["as_of"])
    for row in rows:
        if row["event"] == "founding" and not row["as_of"] and founding_dates:
            row["as_of"] = founding_dates[0]
        row["year"] = int(row["as_of"][:4]) if row.get("as_of") else None
    return sorted(rows, key=lambda r: r["start"]), counts
