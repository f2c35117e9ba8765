"""Membership counts as documents state them: at the founding, at a date, at a meeting.

Each observation is one row with the words it rests on. Rules read the language of
counts, not any one statement's sentence:

* "N members from M (different) countries", "N of them, from M countries" (a count
  at a date, at the founding, or attendance, as the sentence's words say);
* "N founding countries (A, B, ...) and M of their parliamentarians", or "M lawmakers
  from N founding countries (A, B, ...)";
* "Parliamentarians of A, B, ... and F formed the coalition two years ago";
* "the original N members", "the coalition now has N member organisations", "the coalition
  ... now gathers more than forty groups";
* "Representatives numbered N and came from M countries", "representatives from M
  countries attended" (attendance at a meeting, kept apart from membership);
* in Korean, "N개국 (국회)의원 M명" with 출범/창립 (founding) or 참석 (attendance),
  "N개 이상의 단체가 참여하는" (member organisations), and "창립총회에는 ... 120여 명이
  자리했다" (attendance, on the day the report gives that meeting: "28일 ... 창립총회").

Which event a count records follows the words of its sentence: founding words
("founded", "set up", "was born", "today found the Forum") make it the founding,
unless a word of the present ("now", "today") speaks of the count ("Founded in 2003,
the caucus now has 250 members"), or the count itself says "founding"; words of taking
part ("attended", "gathered", "taking part", "at the 4th General Meeting") make it
attendance; otherwise it is the membership at a date. A count of a letter's signers or
of a statement's authors ("We, 35 lawmakers from 12 countries, call on ...") and a
count of a UN body's members are not a coalition's membership, and give no row.

An attendance count holds on the day of the meeting attended: the meeting its sentence
names by number, or the meeting the document reports (the highest-numbered it dates);
a meeting of several days gives the month. A count repeated word for word (a caption
printed twice) is one observation. When a founding sentence lists the countries, the
number stated is compared with the list and the comparison recorded in
``stated_counts``. A row names the coalition counted (``organisation``) where its
sentence does, by the acronym the document defines for it.

>>> text = "As of today, the coalition consists of 111 members from 36 different countries."
>>> [(r["event"], r["members"], r["countries"]) for r in find_membership(text, [(0, len(text))], "2007-08-29")[0]]
[('membership', 111, 36)]
"""

from __future__ import annotations

import re

from ..read.sentences import sentence_spans
from .countries import find_countries
from .dates import find_dates
from .meetings import (
    coalition_names,
    find_meetings,
    meeting_numbers,
    organisation_named,
)
from .numbers import NUMBER, parse_number

_NUM = NUMBER.pattern
_PEOPLE = (r"(?:members|parliamentarians|legislators|lawmakers|MPs|deputies|senators|parliamentary\s+members"
           r"|member\s+(?:organi[sz]ations|groups|NGOs|parliaments))")
_COUNTRIES = r"(?:different\s+|separate\s+)?(?:founding\s+)?(?:countries|nations|states)"
_FOUNDING_WORDS = re.compile(
    r"\b(?:found(?:ed|ing|ers?)|found\s+(?:the|a|an|our)|established|formed|launched|created|inaugura\w+"
    r"|set\s+up|was\s+born|were\s+born)\b|출범|창립|결성|설립",
    re.I,
)
_NOW_WORDS = re.compile(r"\b(?:as of today|today|currently|now|at present|to date)\b", re.I)
# "today found the Forum": a word of the present that dates the founding itself.
_NOW_FOUNDING = re.compile(r"\b(?:today|now)\s+(?:found|founded|establish|established|launch|launched|form|formed)\b", re.I)
_ATTENDING_WORDS = re.compile(
    r"\b(?:attend(?:ed|ing|s|ance)?|took\s+part|taking\s+part|take\s+part|participat(?:ed|ing|e)|gathered"
    r"|brought\s+together|present\s+at)\b|참석|참가",
    re.I,
)
# Searched up to a count: "has 142 members", "now counts", "stands at", "has grown to": the membership itself.
_MEMBERSHIP_VERB = re.compile(
    r"\b(?:has|have|counts|consists\s+of|comprises|numbers|stands\s+at|(?:has|have)\s+grown\s+to|brings\s+together"
    r"|unites|includes)\s+(?:(?:more\s+than|over|some|about|around|nearly|almost)\s+)?\Z",
    re.I,
)
# A count of a UN body's members ("the Council has 47 members") is not a coalition's.
_UN_BODY = re.compile(r"\b(?:Security\s+Council|Human\s+Rights\s+Council|General\s+Assembly|United\s+Nations|Member\s+States)\b")
# Used with .match(text, position) after a count: "111 lawmakers from 36 countries at the 4th General Meeting".
_AT_MEETING = re.compile(r"\s+(?:at|in|for)\s+(?:the|this|its|our|their)\s+(?:[\w’'-]+\s+){0,3}(?:meeting|conference|congress)\b",
                         re.I)
_SIGNING_WORDS = re.compile(r"\b(?:sign(?:ed|ing|atories)|undersigned|endorsed|on\s+behalf\s+of)\b", re.I)
# "111 members from ...", "40 member organisations": the words of a membership themselves.
_MEMBERS_WORD = re.compile(r"\bmember", re.I)

_MEMBERS_FROM = re.compile(
    rf"(?P<members>{_NUM})\s+(?:(?:of\s+(?:their|its)\s+)?{_PEOPLE}|of\s+(?:them|us))\s*,?\s+(?:from|in|representing)\s+"
    rf"(?P<countries>{_NUM})\s+{_COUNTRIES}",
    re.I,
)
# "representatives from 10 countries attended": countries without a count of people.
_FROM_COUNTRIES = re.compile(
    rf"\b(?:representatives|participants|delegates|delegations|parliamentarians|legislators|lawmakers|MPs)\s+"
    rf"(?:from|of)\s+(?P<countries>{_NUM})\s+{_COUNTRIES}",
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
# Searched up to the start of "five founding countries": "35 lawmakers from ".
_MEMBERS_BEFORE = re.compile(rf"(?P<members>{_NUM})\s+{_PEOPLE}\s+(?:from|of|in)\s+\Z", re.I)
_FOUNDED_BY_LIST = re.compile(
    rf"\b{_PEOPLE}\s+(?:of|from)\s+(?P<list>.+?)\s+(?:formed|founded|established|launched|created)\b", re.I | re.S
)
_AGO = re.compile(rf"(?P<ago>{_NUM})\s+years?\s+ago", re.I)
_ORIGINAL_MEMBERS = re.compile(rf"\b(?:original|founding)\s+(?P<members>{_NUM})\s+{_PEOPLE}", re.I)
_HAS_MEMBERS = re.compile(
    rf"\b(?:consists\s+of|comprises|counts|has|have|numbers|brings\s+together|unites)\s+"
    rf"(?:(?:more\s+than|over|some|about|around|nearly|almost)\s+)?(?P<members>{_NUM})\s+{_PEOPLE}\b(?!\s+(?:from|in)\s)",
    re.I,
)
# "The coalition ... now gathers more than forty groups": member organisations counted without the word
# "member", read only where the sentence names a coalition and speaks of the present.
_GATHERS_GROUPS = re.compile(
    rf"\b(?:gathers|brings\s+together|unites|comprises|consists\s+of|counts|has|includes)\s+"
    rf"(?:(?:more\s+than|over|some|about|around|nearly|almost)\s+)?(?P<members>{_NUM})\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:organi[sz]ations|groups|NGOs|associations)\b(?!\s+(?:from|in)\s+{_NUM}\s)",
    re.IGNORECASE,
)
_COALITION = re.compile(r"\b(?:coalition|network|alliance|federation|platform|caucus)\b", re.IGNORECASE)
# Korean: "5개국 국회의원 35명", "10개국에서 온 국회의원 30여명" (approximate counts keep their number).
_KO_COUNTRIES_MEMBERS = re.compile(
    r"(?P<countries>\d+)\s*개국\s*(?:에서\s*온|의|출신)?\s*(?:국회)?의원\s*(?P<members>\d+)\s*(?:여\s*)?명"
)
# Korean: "120여 명이 자리했다", "30명이 참석했다" in a sentence naming a meeting: attendance.
_KO_ATTENDED = re.compile(r"(?P<members>\d+)\s*(?:여\s*)?명\s*(?:이|가)?\s*(?:참석|참가|자리)")
_KO_MEETING = re.compile(r"[가-힣]*(?:총회|회의|대회|포럼)")
# Korean: "40개 이상의 인권단체가 참여하는": member organisations.
_KO_MEMBER_GROUPS = re.compile(
    r"(?P<members>\d+)\s*개\s*(?:이상의?|여|의)?\s*(?:[가-힣]*단체)[가-힣]*\s*(?:가|이)?\s*(?:참여|가입|소속)(?:하는|한|해|했)"
)


# "Founded in 2003, ...", "since 2003": a date of the founding, not of a count at present.
# "launched in Tokyo in September 2011": a place may stand between the founding word and its date.
_PAST_DATE = re.compile(r"(?:\b(?:found(?:ed|ing)|established|formed|launched|created|set\s+up|since)\b[^,;]{0,24})\Z", re.I)


def _as_of(text: str, a: int, b: int, document_date: str, event: str = "founding") -> str:
    """The date a count holds: the sentence's first date, else the document's for a count at present.

    A count of members or attendance skips a date that belongs to the founding
    ("Founded in 2003, the caucus now has 250 members") and, for attendance, holds on
    the document's date when the sentence gives none.
    """
    dates = find_dates(text, a, b)
    if event != "founding":
        dates = [d for d in dates if not _PAST_DATE.search(text, max(a, d.start - 30), d.start)]
    if dates:
        return dates[0].iso
    return document_date if event == "attendance" or _speaks_of_present(text, a, b) else ""


def _speaks_of_present(text: str, a: int, b: int) -> bool:
    """Whether the sentence states a count at present: "today", "now", or "has 142 members".

    >>> _speaks_of_present("The caucus has 250 members.", 0, 27), _speaks_of_present("It had 250 members.", 0, 19)
    (True, False)
    """
    return bool(_NOW_WORDS.search(text, a, b)) or any(_MEMBERSHIP_VERB.search(text, a, m.start())
                                                      for m in NUMBER.finditer(text, a, b))


def _row(text: str, start: int, end: int, **values) -> dict:
    return {"quote": text[start:end], "start": start, "end": end, **values}


def _listed(text: str, a: int, b: int) -> list[str]:
    return list(dict.fromkeys(m.iso3 for m in find_countries(text, a, b) if m.iso3))


def _nearest(pattern: re.Pattern[str], text: str, a: int, b: int, span: tuple[int, int],
             skip: list[tuple[int, int]] = ()) -> int | None:
    """Distance from ``span`` to the nearest match of ``pattern`` in the sentence (0 when inside it)."""
    distances = [
        max(m.start() - span[1], span[0] - m.end(), 0)
        for m in pattern.finditer(text, a, b)
        if not any(x <= m.start() < y for x, y in skip)
    ]
    return min(distances) if distances else None


def _event(text: str, a: int, b: int, span: tuple[int, int]) -> str | None:
    """founding, attendance or membership, as the sentence's words around the count say.

    None for a count of signers ("35 lawmakers from 5 countries signed this letter") or
    of a statement's authors ("We, 35 lawmakers from 5 countries, call on ..."), which
    is not a membership.

    >>> text = "Founded in 2003, the caucus now has 250 members from 42 countries."
    >>> _event(text, 0, len(text), (36, 65))
    'membership'
    """
    if _UN_BODY.search(text, a, span[0]):
        return None
    if _MEMBERSHIP_VERB.search(text, max(a, span[0] - 40), span[0]):
        return "membership"
    attached = [m.span() for m in _NOW_FOUNDING.finditer(text, a, b)]
    founding = _nearest(_FOUNDING_WORDS, text, a, b, span)
    now = _nearest(_NOW_WORDS, text, a, b, span, skip=attached)
    attending = _nearest(_ATTENDING_WORDS, text, a, b, span) is not None or bool(_AT_MEETING.match(text, span[1], b))
    if founding is not None and (now is None or founding == 0):
        return "founding"
    if attending:
        return "attendance"
    if now is None and _SIGNING_WORDS.search(text, a, b) and not _HAS_MEMBERS.search(text, a, b):
        return None
    # "We, 35 parliamentarians from 12 countries, call on ...": the authors, not a membership
    if now is None and not _MEMBERS_WORD.search(text, *span):
        return None
    return "membership"


#: Every rule needs one of these words; sentences without any are skipped cheaply.
_CUE = re.compile(
    r"member|parliamentarian|legislator|lawmaker|\bMPs\b|deput|senator|representative|participant|delegate|attendee|founding"
    r"|\bof\s+them\b|coalition|network|alliance|federation|platform|caucus"
    r"|의원|단체",
    re.I,
)


def _sentence_rows(text: str, a: int, b: int, document_date: str) -> tuple[list[dict], list[dict]]:
    rows: list[dict] = []
    counts: list[dict] = []
    if not _CUE.search(text, a, b):
        return rows, counts
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < y and x < span[1] for x, y in taken)

    for match in _ATTENDANCE.finditer(text, a, b):
        members = match["members"] or match["members2"]
        countries = match["countries"] or match["countries2"]
        rows.append(_row(text, *match.span(), event="attendance", members=parse_number(members),
                         countries=parse_number(countries) if countries else None, as_of=document_date))
        taken.append(match.span())
    for match in _FOUNDING_COUNTRIES.finditer(text, a, b):
        before = _MEMBERS_BEFORE.search(text, max(a, match.start() - 80), match.start())
        members = before or next((m for m in _THEIR_MEMBERS.finditer(text, match.end(), b)), None)
        start = before.start() if before else match.start()
        end = match.end() if before or not members else members.end()
        listed = _listed(text, *match.span("list")) if match["list"] else []
        rows.append(_row(text, start, end, event="founding", countries=parse_number(match["countries"]),
                         members=parse_number(members["members"]) if members else None,
                         countries_listed="; ".join(listed), as_of=_as_of(text, a, b, "")))
        if match["list"]:
            counts.append(_row(text, *match.span(), counts="founding_countries",
                               stated=parse_number(match["countries"]), counted=len(listed)))
        taken.append((start, end))
    for match in _MEMBERS_FROM.finditer(text, a, b):
        event = _event(text, a, b, match.span())
        if free(match.span()) and event:
            as_of = _as_of(text, a, b, "" if event == "founding" else document_date, event)
            rows.append(_row(text, *match.span(), event=event, members=parse_number(match["members"]),
                             countries=parse_number(match["countries"]), as_of=as_of))
            taken.append(match.span())
    for match in _FROM_COUNTRIES.finditer(text, a, b):
        event = _event(text, a, b, match.span())
        if free(match.span()) and event in ("founding", "attendance"):
            rows.append(_row(text, *match.span(), event=event, members=None,
                             countries=parse_number(match["countries"]),
                             as_of=_as_of(text, a, b, "" if event == "founding" else document_date, event)))
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
            if free(match.span()) and not _UN_BODY.search(text, a, match.start()):
                as_of = _as_of(text, a, b, document_date, event) if event == "membership" else ""
                rows.append(_row(text, *match.span(), event=event, members=parse_number(match["members"]), as_of=as_of))
                taken.append(match.span())
    for match in _GATHERS_GROUPS.finditer(text, a, b):
        named = _COALITION.search(text, a, match.start())
        if named and free(match.span()) and _NOW_WORDS.search(text, a, b) and not _UN_BODY.search(text, a, match.start()):
            rows.append(_row(text, *match.span(), event="membership", members=parse_number(match["members"]),
                             as_of=_as_of(text, a, b, document_date, "membership")))
            taken.append(match.span())
    rows += _korean_rows(text, a, b, document_date, free, taken)
    return rows, counts


def _korean_rows(text: str, a: int, b: int, document_date: str, free, taken: list[tuple[int, int]]) -> list[dict]:
    """Counts in Korean: countries and members of a founding or a meeting, member organisations, attendance."""
    rows: list[dict] = []
    for match in _KO_COUNTRIES_MEMBERS.finditer(text, a, b):
        event = _event(text, a, b, match.span())
        if free(match.span()) and event in ("founding", "attendance"):
            as_of = _as_of(text, a, b, "") if event == "founding" else _as_of(text, a, b, document_date, event)
            rows.append(_row(text, *match.span(), event=event, members=int(match["members"]),
                             countries=int(match["countries"]), as_of=as_of))
            taken.append(match.span())
    for match in _KO_MEMBER_GROUPS.finditer(text, a, b):
        if free(match.span()):
            rows.append(_row(text, *match.span(), event="membership", members=int(match["members"]),
                             as_of=document_date))
            taken.append(match.span())
    meeting = _KO_MEETING.search(text, a, b)
    for match in _KO_ATTENDED.finditer(text, a, b) if meeting else ():
        if free(match.span()):
            row = _row(text, *match.span(), event="attendance", members=int(match["members"]), as_of=document_date)
            rows.append({**row, "meeting_word": meeting.group()})
            taken.append(match.span())
    return rows


def _korean_meeting_day(text: str, spans: list[tuple[int, int]], word: str, document_date: str) -> str:
    """The day a Korean report gives its meeting: "28일 서울에서 창립총회를 갖고" in a report of 2023-08-29.

    News reports name the day of the month only; it is read in the month of the
    report's own date, and only when it is not later than that date.

    >>> text = "연합회는 28일 서울에서 창립총회를 갖고 출범했다."
    >>> _korean_meeting_day(text, [(0, len(text))], "창립총회", "2023-08-29")
    '2023-08-28'
    """
    if len(document_date) != 10:
        return document_date
    pattern = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)일[^.\n]{0,40}?" + re.escape(word))
    for start, end in spans:
        found = pattern.search(text, start, end)
        if found and 1 <= int(found["day"]) <= int(document_date[8:]):
            return f"{document_date[:8]}{int(found['day']):02d}"
    return document_date


def _meeting_day(meeting: dict) -> str:
    """The date a count at the meeting holds: its day, or the month (or year) a meeting of several days spans.

    >>> _meeting_day({"date": "2007-08-28", "end_date": "2007-08-30"})
    '2007-08'
    """
    first, last = meeting["date"], meeting.get("end_date") or meeting["date"]
    if first == last:
        return first
    return first[:7] if first[:7] == last[:7] else first[:4] if first[:4] == last[:4] else first


def _date_by_meetings(text: str, rows: list[dict], spans: list[tuple[int, int]]) -> None:
    """Date each attendance row by the meeting attended, where the document dates that meeting.

    A count "today" in a document with no date of its own is dated by the meeting the
    document reports. Only rows built by this module are updated.
    """
    undated = [row for row in rows if row["event"] == "membership" and not row["as_of"]
               and _speaks_of_present(text, *row["sentence"])]
    attending = [row for row in rows if row["event"] == "attendance"]
    dated = [m for m in find_meetings(text, spans) if m["date"]] if undated or attending else []
    if not dated:
        return
    reported = max(dated, key=lambda m: m["number"])
    for row in undated:
        # an undated statement of a meeting speaks on the day of the meeting it reports
        row["as_of"] = _meeting_day(reported)
    for row in attending:
        a, b = row["sentence"]
        named = meeting_numbers(text, a, b)
        meeting = next((m for m in dated if named and m["number"] == named[0]), None)
        if (meeting is None and not named and not find_dates(text, a, b)
                and re.search(r"\b(?:meeting|conference|congress|here)\b|총회", text[a:b], re.I)):
            meeting = reported
        if meeting is not None:
            row["as_of"] = _meeting_day(meeting)


def find_membership(text: str, spans: list[tuple[int, int]], document_date: str) -> tuple[list[dict], list[dict]]:
    """Return membership rows and stated-count rows from the given passage spans (one document's).

    A founding row whose sentence gives no date takes the earliest founding date the
    same document states, so both accounts of one founding line up.
    """
    rows: list[dict] = []
    counts: list[dict] = []
    names = coalition_names(text, spans)
    for start, end in spans:
        for a, b in sentence_spans(text, start, end):
            found, stated = _sentence_rows(text, a, b, document_date)
            for row in found:
                row["sentence"] = (a, b)
                organisation = organisation_named(text, a, b, row["start"], names)
                if organisation:
                    row["organisation"] = organisation
            rows += found
            counts += stated
    _date_by_meetings(text, rows, spans)
    for row in rows:
        if "meeting_word" in row:
            row["as_of"] = _korean_meeting_day(text, spans, row.pop("meeting_word"), document_date)
    founding_dates = sorted(r["as_of"] for r in rows if r["event"] == "founding" and r["as_of"])
    unique: list[dict] = []
    for row in sorted(rows, key=lambda r: r["start"]):
        del row["sentence"]
        if row["event"] == "founding" and not row["as_of"] and founding_dates:
            row["as_of"] = founding_dates[0]
        row["year"] = int(row["as_of"][:4]) if row.get("as_of") else None
        # a count printed twice (a caption repeated, a headline over its story) is one observation
        if not any(_same_observation(row, kept) for kept in unique):
            unique.append(row)
    return unique, counts


def _same_observation(row: dict, kept: dict) -> bool:
    """Whether two rows state one count: same event, figures and date, and no two different coalitions."""
    keys = ("event", "members", "countries", "as_of")
    if any(row.get(key) != kept.get(key) for key in keys):
        return False
    return not (row.get("organisation") and kept.get("organisation") and row["organisation"] != kept["organisation"])
