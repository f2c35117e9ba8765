"""The date of a document: when it was adopted, issued, released, delivered or signed.

A statement names many dates besides its own: resolutions it recalls ("Recalling its
resolution 72/188 of 19 December 2017"), past events ("since 2017", "in February
2014"), footnotes, deadlines and later updates. Only words that date the document
itself are read, by these rules in order of strength:

1. ``un_adoption``: "Resolution adopted by the General Assembly on 17 December 2018";
2. ``issued_on``: "Adopted ... on 20 April, 2023", "Joint Statement issued on 29 August
   2007", "Released on", "Signed on", "Delivered on", "Published on";
3. ``header_field``: a labelled field ``Date:``, ``Issued``, ``Dated``, ``날짜``;
4. ``dateline``: a line that is a date, alone or after a place or a label ("NOVEMBER 4,
   2022", "New York, December 11, 2020", "2nd General Meeting, Tokyo, August 1, 2005",
   "Statement | October 21, 2024"), or a date opening a press release ("(Seoul, April 10,
   2018) –");
5. ``convened_on``: "On October 18, 2024, the United States, the ROK and Japan convened";
6. ``posting_date``: a site's posting line ("Posted", "등록일", "Apr 20, 2023 | News"
   under a page's own heading).

A date inside a sentence that recalls, notes or looks ahead, in a footnote, or after
"updated", is never used; a bare year in running text ("in 2014") never dates a
document. When no rule applies the date stays empty and the document is flagged.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Joint Statement\\n\\nRecalling its resolution 72/188 of 19 December 2017, we urge action.\\n"
>>> find_date(text, split_passages(text, 0, len(text))) is None
True
"""

from __future__ import annotations

import re

from ..extract.dates import DateMatch, find_dates
from ..read.segmenting import Passage
from ..read.sentences import sentence_spans
from .facts import Fact
from .headers import HeaderField, fields_named, first_body
from .un_documents import UnHeader

_ISSUED = re.compile(
    r"\b(?:adopted|issued|released|signed|delivered|published|dated|made\s+public|presented|announced|done)\b"
    r"(?P<between>[^.;\n]{0,160}?)\b(?:on|at|in|of)?\s*$",
    re.I,
)
_ISSUED_WORDS = re.compile(r"\b(?:adopted|issued|released|signed|delivered|published|dated|announced)\b", re.I)
#: Words that make a sentence look back or ahead instead of dating the document.
_NOT_OWN = re.compile(
    r"\W*(?:recalling|reaffirming|recalls|noting|notes|bearing\s+in\s+mind|welcoming|welcomes|taking\s+note|guided|"
    r"having|mindful|recognizing|recognising|acknowledging|deeply|expressing|stressing|emphasizing|emphasising|"
    r"considering|aware|convinced|further\s+recalling)\b",
    re.I,
)
_LOOKS_AHEAD = re.compile(r"\b(?:will|shall|to\s+be|scheduled|expected|upcoming|ahead\s+of|deadline|until|by\s+no\s+later|due)\b", re.I)
_RECALLED = re.compile(r"\b(?:resolutions?|decisions?|report|A/[\w./]+)\s+[\w./() ]{0,20}\bof\s*$", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised|reissued|accessed|retrieved|printed|수정|최종)\b", re.I)
_POSTED = re.compile(r"\b(?:posted|등록일|작성일|입력|게시)\b", re.I)
_FOOTNOTE = re.compile(r"^\s*(?:\[\d+\]|\d{1,2}\s+(?=[A-Z])|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]|_{3,})")
_ON_DATE = re.compile(r"^\W*On\s+$")
_DATE_FIELDS = ("date", "dated", "issued", "date of issue", "date issued", "released", "published", "adopted",
                "date of adoption", "adoption date", "날짜", "일자", "발표일", "date :")
_POSTING_FIELDS = ("posted", "등록일", "작성일", "입력", "게시일", "posting date")
#: At most this many words may stand beside a date on a dateline ("2nd General Meeting, Tokyo,").
_DATELINE_WORDS = 7


def _is_footnote(text: str, passage: Passage) -> bool:
    return bool(_FOOTNOTE.match(passage.text)) or text[max(0, passage.start - 40) : passage.start].count("____") > 0


def _usable(text: str, date: DateMatch, sentence: tuple[int, int]) -> bool:
    """A date that dates its document: not recalled, not a deadline, not an update."""
    before = text[sentence[0] : date.start]
    return not (
        _NOT_OWN.match(text, sentence[0], date.start) or _RECALLED.search(before) or _LOOKS_AHEAD.search(before[-40:])
        or _UPDATED.search(before[-40:])
    )


def _fact(date: DateMatch, rule: str) -> tuple[Fact, DateMatch]:
    return Fact("date", date.iso, date.start, date.end, rule), date


def _issued_on(text: str, spans: list[tuple[int, int]]) -> tuple[Fact, DateMatch] | None:
    for start, end in spans:
        for sentence in sentence_spans(text, start, end):
            if not _ISSUED_WORDS.search(text, *sentence) or _NOT_OWN.match(text, *sentence):
                continue
            for date in find_dates(text, *sentence):
                lead = _ISSUED.search(text, sentence[0], date.start)
                if lead and date.precision != "year" and _usable(text, date, sentence):
                    return _fact(date, "issued_on")
    return None


def _dateline(text: str, passage: Passage) -> DateMatch | None:
    """The date of a line that holds little besides a date."""
    dates = [d for d in find_dates(text, passage.start, passage.end) if d.precision != "year" or d.start == passage.start]
    if not dates or _UPDATED.search(passage.text) or _is_footnote(text, passage):
        return None
    date = dates[0]
    before = text[passage.start : date.start]
    after = text[date.end : passage.end]
    words_before = re.findall(r"[^\W\d_][\w’'.-]*", before)
    words_after = re.findall(r"[^\W\d_][\w’'.-]*", after.split("|")[0] if "|" in after else after)
    if len(words_before) > _DATELINE_WORDS or len(words_after) > 3:
        return None
    if _LOOKS_AHEAD.search(before) or _NOT_OWN.match(before) or re.search(r"\b(?:next|previous|last)\b", before, re.I):
        return None
    return date


def _press_dateline(text: str, passage: Passage) -> DateMatch | None:
    """'(Seoul, April 10, 2018) – ...' or 'SEOUL, April 10, 2018 — ...' opening a paragraph."""
    opening = re.match(r"\(?\s*[A-Z][\w .’'-]{1,30},\s*", passage.text)
    if not opening:
        return None
    dates = find_dates(text, passage.start, min(passage.end, passage.start + 60))
    if dates and dates[0].precision == "day":
        tail = text[dates[0].end : dates[0].end + 6]
        if re.match(r"\)?\s*[-–—]|\)?\s*$", tail):
            return dates[0]
    return None


def _convened_on(text: str, passages: list[Passage]) -> DateMatch | None:
    for passage in passages:
        for date in find_dates(text, passage.start, min(passage.end, passage.start + 40)):
            if _ON_DATE.match(text[passage.start : date.start]) and date.precision == "day":
                return date
    return None


def find_date(
    text: str, passages: list[Passage], title: Fact | None = None, fields: list[HeaderField] = (),
    un_header: UnHeader | None = None,
) -> tuple[Fact, DateMatch] | None:
    """The document's own date as a fact with the matched date, or None when the text states none."""
    if un_header and un_header.adopted:
        return _fact(un_header.adopted, "un_adoption")
    stop = first_body(passages)
    readable = [p for p in passages if not p.boilerplate and not _is_footnote(text, p)]
    head = [p for p in readable if p.n < stop]
    body = [p for p in readable if p.n >= stop and p.kind == "body"][:3]
    title_spans = [(title.start, title.end)] if title and title.start is not None else []
    found = _issued_on(text, title_spans + [(p.start, p.end) for p in head + body])
    if found:
        return found
    for field in fields_named(list(fields), *_DATE_FIELDS):
        dates = find_dates(text, field.start, field.end)
        if dates:
            return _fact(dates[0], "header_field")
    posting: DateMatch | None = None
    for passage in head + [p for p in readable if p.n >= stop and p.kind in ("heading", "body")]:
        date = _dateline(text, passage) if passage.kind == "heading" or passage.n < stop else None
        date = date or (_press_dateline(text, passage) if passage.kind == "body" else None)
        if date is None:
            continue
        if _POSTED.search(text, passage.start, date.start) or "|" in text[date.end : passage.end]:
            posting = posting or date
            continue
        return _fact(date, "dateline")
    convened = _convened_on(text, body)
    if convened:
        return _fact(convened, "convened_on")
    for field in fields_named(list(fields), *_POSTING_FIELDS):
        dates = find_dates(text, field.start, field.end)
        if dates:
            return _fact(dates[0], "posting_date")
    if posting:
        return _fact(posting, "posting_date")
    return None
