"""Meetings named by their ordinal ("the 3rd General Meeting"), with date and place where stated.

One row per meeting a document records: when a document names one meeting several
times (a heading, a preface, a closing line), the mention that says most (place and
date) is kept, and repeats that add nothing are dropped; a mention that places or
dates the meeting otherwise stays, as do the mentions of two documents describing one
meeting, so a reader can see where accounts agree and where they do not.

The place comes from "held in X", "took place in X", "met in X for the Nth ...",
"Meeting in X", a heading "Nth General Meeting, City, Date" or a heading line
"... Meeting of the Forum" followed by a dateline "City, Date"; when the mention's own
sentence names no place, a next sentence that speaks of "the conference ... held in
X" is read too. A date is read only between the mention and the next meeting named
in the same sentence ("its 2nd General Meeting followed in Japan in August 2005, and
its 3rd in Mongolia in 2006"). A planned meeting without a date ("will hold its second
meeting in Ulaanbaatar next year") is not a meeting held, and is left out, as are
meetings that are plainly not a coalition's ("the first meeting between the two
leaders", "the 3rd meeting of the Security Council").

A row names the coalition meeting (``organisation``) where its sentence does: by an
acronym the document defines ("... Coalition for North Korean Refugees (IPCNKR)"), by
the full name so defined, or by a possessive acronym ("the IPCNKR's 15th General
Meeting"); otherwise the document's organisation applies.

>>> text = "The 3rd General Meeting of IPCNKR was held in Mongolia in 2006."
>>> [(r["number"], r["year"], r["place"], r["iso3"]) for r in find_meetings(text, [(0, len(text))])]
[(3, 2006, 'Mongolia', 'MNG')]
"""

from __future__ import annotations

import re

from ..read.sentences import sentence_spans
from .countries import find_countries, normalise_country
from .dates import _MONTHS, DateMatch, find_dates

_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
# "twenty-first" to "thirty-ninth", and "thirtieth": compounds come first in the pattern.
_ORDINAL_WORDS = {
    **{f"{tens}-{unit}": base + value
       for tens, base in (("twenty", 20), ("thirty", 30))
       for unit, value in list(_ORDINAL_WORDS.items())[:9]},
    "thirtieth": 30,
    **_ORDINAL_WORDS,
}
#: A coalition's first meeting is often called by what it did, not by its number.
_FIRST_WORDS = {"inaugural": 1, "founding": 1}
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(word.replace("-", r"[-\s]") for word in _ORDINAL_WORDS)
_MEETING = re.compile(
    r"\b(?P<ordinal>" + _ORDINAL + "|" + "|".join(_FIRST_WORDS) + r")\s+"
    r"(?:(?:[Gg]eneral|[Aa]nnual|[Pp]lenary)\s+)?(?:[Aa]ssembly\s+)?(?:Meeting|Conference|Congress|meeting|conference|congress)\b",
    re.I,
)
# "its 2nd General Meeting followed in Japan ..., and its 3rd in Mongolia": an ordinal
# standing alone after a named meeting is the next meeting of the same series.
_ELLIPTICAL = re.compile(r"\b(?i:its|the|our|their|a)\s+(?P<ordinal>(?i:" + _ORDINAL + r"))\s+(?=(?:in|at)\s+[A-Z])")
# A place as written: capitalised words, joined by spaces, commas or "of" ("Seoul, Republic of Korea").
_PLACE = r"(?P<place>[A-Z][\w’'-]+(?:(?:,[ \t]*|[ \t]+|[ \t]+of[ \t]+)[A-Z][\w’'-]+)*)"
_THE = r"(?:the\s+)?"
_HELD_IN = re.compile(r"\bheld\s+(?:in|at)\s+" + _THE + _PLACE)
# Verbs that put a meeting in a place, searched after the mention: "took place in Vienna",
# "followed in Japan", "has brought us to Seoul".
_OCCURRED_IN = re.compile(
    r"\b(?:held|took\s+place|followed|convened|reconvened|opened|met|gathered|assembled)\s+(?:in|at)\s+" + _THE + _PLACE
    + r"|\bbrought\s+(?:us|them|members|delegates|parliamentarians|lawmakers)\s+to\s+" + _PLACE.replace("place>", "place2>")
)
# "... met in Seoul for the first General Meeting": the place just before the mention.
_MET_IN_BEFORE = re.compile(
    r"\b(?:met|meet|meeting|gathered|convened|assembled)\s+in\s+" + _PLACE + r"\s+(?:for|at)\s+(?:the|this|its|our|their)\s+\Z"
)
# Used with .match(text, position): anchored at the end of the meeting's name.
# "Meeting in Seoul", "meeting of the Network in Jakarta".
_MEETING_IN = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|for|of|on|and|the))*?)?\s+(?:in|at)\s+" + _THE + _PLACE
)
_HEADING_PLACE = re.compile(r",\s*" + _PLACE)
# What may follow a heading's place: its date, or the end of the line ("13th General Meeting, / Seoul, August 25").
_AFTER_HEADING_PLACE = re.compile(r"[ \t]*(?:\n|\Z)|[\s,–—-]*")
# A heading line "Adopted at the Inaugural Meeting of the Forum" over a dateline "Seoul, 22 November 2013".
_DATELINE_PLACE = re.compile(r"(?:[ \t]+of[ \t]+[^\n.;]{0,120})?[ \t]*\n\s*" + _PLACE + r"\s*[,–—-]?\s*")
_ANAPHOR = re.compile(r"\b(?i:conference|meeting|gathering|congress)\b[^.]*?\bheld\s+(?:in|at)\s+" + _PLACE)
# A meeting still to come: planned, not held.
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to)\s+(?:hold|host|convene|meet|be\s+held|take\s+place)\b|\bto\s+be\s+held\b"
    r"|\bnext\s+(?:year|month|spring|summer|autumn|fall|winter)\b|\b(?:upcoming|forthcoming|planned)\b",
    re.I,
)

# "the first meeting between the two leaders", "the 3rd meeting of the Security Council": not a coalition's.
_OTHERS_MEETING = re.compile(
    r"\s+(?:between|with)\b|\s+of\s+(?:the\s+)?(?:UN\b|United\s+Nations|Security\s+Council|General\s+Assembly"
    r"|Human\s+Rights\s+Council|Six-Party|Commission|Committee|Working\s+Group|States\s+Parties)"
)

_CUE = re.compile(r"meeting|conference|congress", re.I)
# "Founded in 2003, ...", "since 2003": a date that is not the meeting's.
_FOUNDING_DATE = re.compile(r"\b(?:found(?:ed|ing)|established|formed|launched|created|since)\b[^,;]{0,12}\Z", re.I)

# Acronyms a document defines for a coalition: "... Coalition for North Korean Refugees (IPCNKR)".
_DEFINED_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9&]{1,9})\)")
_ORGANISATION_WORD = re.compile(
    r"\b(?:Coalition|Forum|Network|Alliance|Caucus|Association|Federation|League|Campaign|Parliamentarians[’']?)\b"
    r"|연대|연맹|연합회|연합|네트워크|협의회|포럼"
)
_NAME_WORD = re.compile(r"(?:[A-Z][\w’'-]*|for|of|on|and|the|in|against|to)\Z")
# An acronym the sentence ties to the count or meeting: "the IPCNKR's 15th General Meeting",
# "the 3rd General Meeting of IPCNKR", "IPCNKR held its 2nd General Meeting", "IPCNKR was founded".
_POSSESSIVE_ACRONYM = re.compile(
    r"(?<![A-Za-z])(?P<acronym>[A-Z][A-Z0-9&]{2,9})(?:[’']s\b|\s+(?:held|holds|hosted|convened)\s+its\b"
    r"|\s+(?:was|is|has|had|now|counts|consists|comprises|numbers)\b)"
    r"|\b(?:[Mm]eeting|[Cc]onference|[Cc]ongress|[Mm]embers)\s+of\s+(?:the\s+)?(?P<acronym2>[A-Z][A-Z0-9&]{2,9})\b"
)
#: Acronyms of states and UN bodies: never the coalition a count or meeting belongs to.
_NOT_COALITIONS = frozenset(
    "DPRK ROK PRC USA UK US EU UN UNHCR OHCHR UNGA UNSC HRC COI ICC UPR NGO NGOS ASEAN".split()
)


def _ordinal(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    word = "-".join(text.lower().replace("-", " ").split())
    return _ORDINAL_WORDS.get(word) or _FIRST_WORDS[word]


def _clean_place(text: str, match: re.Match[str], group: str = "place") -> tuple[str, int, int] | None:
    """Cut a place at the first month name ('Tokyo, August 1' -> 'Tokyo')."""
    start = match.start(group)
    words = re.finditer(r"[\w’'-]+", match[group])
    end = match.end(group)
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


def _words(text: str) -> str:
    """One space between words and straight apostrophes: how names are compared.

    >>> _words("Parliamentarians’ Coalition\\n  for Refugees")
    "Parliamentarians' Coalition for Refugees"
    """
    return " ".join(text.replace("’", "'").split())


def _name_before(text: str, position: int, floor: int) -> str:
    """The capitalised name ending at ``position``: 'the International ... Coalition for North Korean Refugees'."""
    tokens = list(re.finditer(r"\S+", text[max(floor, position - 200):position]))
    first = len(tokens)
    while first and _NAME_WORD.match(tokens[first - 1].group()):
        first -= 1
    words = [t.group() for t in tokens[first:]]
    while words and (not words[0][:1].isupper() or words[0] == "The"):
        words.pop(0)
    return _words(" ".join(words))


def coalition_names(text: str, spans: list[tuple[int, int]]) -> dict[str, str]:
    """Acronyms the passages define for a coalition, each with the full name it stands for.

    An acronym counts when the words before its parentheses name a coalition, forum,
    network or alliance (or a Korean 연대, 연맹, 연합회 ...); "(UNHCR)" after an agency does not.

    >>> text = "The International Coalition to Stop Crimes (ICSC) met; the refugee agency (UNHCR) came."
    >>> coalition_names(text, [(0, len(text))])
    {'ICSC': 'International Coalition to Stop Crimes'}
    """
    names: dict[str, str] = {}
    for start, end in spans:
        for match in _DEFINED_ACRONYM.finditer(text, start, end):
            acronym = match["acronym"]
            if acronym in _NOT_COALITIONS or acronym in names:
                continue
            before = text[max(start, match.start() - 160):match.start()]
            if not _ORGANISATION_WORD.search(before):
                continue
            names[acronym] = _name_before(text, match.start(), start)
    return names


def organisation_named(text: str, a: int, b: int, position: int, names: dict[str, str]) -> str | None:
    """The coalition the sentence ``text[a:b]`` names nearest ``position``, as its acronym.

    >>> text = "The IPCNKR's 15th General Meeting opened."
    >>> organisation_named(text, 0, len(text), 13, {})
    'IPCNKR'
    """
    found: list[tuple[int, str]] = []
    for acronym, name in names.items():
        for match in re.finditer(rf"(?<![A-Za-z]){re.escape(acronym)}(?![A-Za-z])", text[a:b]):
            found.append((a + match.start(), acronym))
        if name.count(" ") >= 2:  # a full name of three words or more, however the text wraps it
            pattern = r"\s+".join(re.escape(word).replace("'", "['’]") for word in name.split())
            for match in re.finditer(pattern, text[a:b]):
                found.append((a + match.start(), acronym))
    for match in _POSSESSIVE_ACRONYM.finditer(text, a, b):
        acronym, where = (match["acronym"], match.start()) if match["acronym"] else (match["acronym2"], match.start("acronym2"))
        if acronym not in _NOT_COALITIONS and not normalise_country(acronym):
            found.append((where, acronym))
    if not found:
        return None
    return min(found, key=lambda item: abs(item[0] - position))[1]


def _window_date(text: str, low: int, high: int, position: int) -> DateMatch | None:
    """The first date after the mention within its window, else the last one before it.

    "its 6th General Meeting was held in Tokyo in 2015" dates the meeting 2015 even
    when an earlier clause names another year; a date before it that belongs to the
    founding ("Founded in 2003, the coalition held its 2nd General Meeting") is not the
    meeting's.
    """
    dates = find_dates(text, low, high)
    after = [d for d in dates if d.start >= position]
    before = [d for d in dates if d.start < position and not _FOUNDING_DATE.search(text, max(low, d.start - 30), d.start)]
    return after[0] if after else before[-1] if before else None


def meeting_numbers(text: str, a: int, b: int) -> list[int]:
    """The numbers of the meetings ``text[a:b]`` names by ordinal, in text order.

    >>> meeting_numbers("Taking part in this 13th General Meeting are 43 parliamentarians.", 0, 66)
    [13]
    """
    return [_ordinal(m["ordinal"]) for m in _MEETING.finditer(text, a, b)]


def _mentions(text: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """(start, end, number) of every meeting named in the sentence, elliptical ordinals included."""
    named = [(m.start(), m.end(), _ordinal(m["ordinal"])) for m in _MEETING.finditer(text, a, b)]
    if not named:
        return []
    taken = [(s, e) for s, e, _ in named]
    for match in _ELLIPTICAL.finditer(text, named[0][1], b):
        span = match.span("ordinal")
        if not any(s < span[1] and span[0] < e for s, e in taken):
            named.append((span[0], span[1], _ordinal(match["ordinal"])))
    return sorted(named)


def _place(text: str, start: int, end: int, low: int, high: int) -> tuple[str, int, int] | None:
    """Where the meeting named at ``text[start:end]`` took place, read inside its window."""
    found = _MEETING_IN.match(text, end, high)
    if found:
        return _clean_place(text, found)
    heading = _HEADING_PLACE.match(text, end, high)
    place = _clean_place(text, heading) if heading else None
    if place:
        # "the 4th General Meeting, IPCNKR called ..." is no heading: a date or a line end must follow
        rest = _AFTER_HEADING_PLACE.match(text, place[2], high)
        if rest.group().endswith("\n") or rest.end() == len(text) or rest.end() == high or any(
                d.start == rest.end() for d in find_dates(text, rest.end(), high)):
            return place
    dateline = _DATELINE_PLACE.match(text, end, high)
    if dateline and any(d.start == dateline.end() for d in find_dates(text, dateline.end(), high)):
        return _clean_place(text, dateline)
    occurred = _OCCURRED_IN.search(text, end, high)
    if occurred:
        return _clean_place(text, occurred, "place" if occurred["place"] else "place2")
    before = _MET_IN_BEFORE.search(text, low, start) or _HELD_IN.search(text, low, start)
    return _clean_place(text, before) if before else None


def _richness(row: dict) -> int:
    """How much a mention says: 2 with place and date, 1 with either, 0 for a bare number."""
    return (row["place"] is not None) + (row["date"] is not None)


def _same_day_or_within(date: str | None, kept: dict) -> bool:
    """Whether ``date`` agrees with the kept mention's date: absent, one at a coarser or finer precision, or inside its range.

    >>> _same_day_or_within("2007-08-29", {"date": "2007-08-28", "end_date": "2007-08-30"})
    True
    >>> _same_day_or_within("2006", {"date": "2007-08-28", "end_date": None})
    False
    """
    first, last = kept["date"], kept["end_date"] or kept["date"]
    if date is None or first is None:
        return True
    # "2007-08" agrees with "2007-08-28", and "2007-08-28" with "2007-08"
    if first.startswith(date) or date.startswith((first, last)):
        return True
    return first <= date <= last


def _adds_nothing(row: dict, kept: dict) -> bool:
    """Whether a mention repeats what a kept mention of the same meeting says, or says less."""
    if row["number"] != kept["number"]:
        return False
    if row.get("organisation") and kept.get("organisation") and row["organisation"] != kept["organisation"]:
        return False
    place_agrees = row["place"] is None or (kept["place"] is not None and row["place"] in kept["place"])
    return place_agrees and _same_day_or_within(row["date"], kept)


def _one_per_meeting(rows: list[dict]) -> list[dict]:
    """Keep, for each meeting, the mention that says most, and any mention that says otherwise.

    A bare repeat of the number, or a mention whose date and place agree with a kept one,
    is dropped; a mention placing or dating the meeting differently stays, so the
    disagreement can be seen. Mentions naming two different coalitions stay apart.
    """
    kept: list[dict] = []
    for row in sorted(rows, key=lambda r: (-_richness(r), r["start"])):
        if not any(_adds_nothing(row, k) for k in kept):
            kept.append(row)
    return sorted(kept, key=lambda r: r["start"])


def find_meetings(text: str, spans: list[tuple[int, int]]) -> list[dict]:
    """Return one row per meeting the given passage spans (one document's) record."""
    rows: list[dict] = []
    names = coalition_names(text, spans)
    # Sentences are cut only where a meeting is named, or follows one (for "held in X").
    spans = [
        span for index, span in enumerate(spans)
        if _CUE.search(text, *span) or (index and _CUE.search(text, *spans[index - 1]))
    ]
    sentences = [s for start, end in spans for s in sentence_spans(text, start, end)]
    for index, (a, b) in enumerate(sentences):
        mentions = _mentions(text, a, b)
        for position, (start, end, number) in enumerate(mentions):
            low = mentions[position - 1][1] if position else a
            high = mentions[position + 1][0] if position + 1 < len(mentions) else b
            if _OTHERS_MEETING.match(text, end, high):
                continue
            date = _window_date(text, low, high, start)
            if date is None and _FUTURE.search(text, low, high):
                continue
            place = _place(text, start, end, low, high)
            if place is None and index + 1 < len(sentences) and position + 1 == len(mentions):
                following = sentences[index + 1]
                if not _MEETING.search(text, *following):
                    anaphor = _ANAPHOR.search(text, *following)
                    place = _clean_place(text, anaphor) if anaphor else None
            quote_end = max(end, place[2] if place else 0, date.end if date else 0)
            quote_start = min(start, date.start if date else start, place[1] if place else start)
            row = {
                "number": number,
                "date": date.iso if date else None,
                "end_date": date.end_iso or None if date else None,
                "year": date.year if date else None,
                "place": place[0] if place else None,
                "iso3": _place_iso3(place[0]) if place else None,
                "quote": text[quote_start:quote_end],
                "start": quote_start,
                "end": quote_end,
            }
            organisation = organisation_named(text, a, b, start, names)
            if organisation:
                row["organisation"] = organisation
            rows.append(row)
    return _one_per_meeting(rows)
