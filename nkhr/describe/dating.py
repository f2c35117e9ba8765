"""The date of a document: when it was adopted, issued, released, delivered or signed.

A statement names many dates besides its own: resolutions it recalls ("Recalling its
resolution 72/188 of 19 December 2017"), past events ("since 2017", "in February
2014"), footnotes, deadlines and later updates. Only words that date the document
itself are read, by these rules in order of strength:

1. ``un_adoption``: "Resolution adopted by the General Assembly on 17 December 2018";
2. ``un_distribution``: a UN masthead's date of issue beside or under "Distr.: Limited";
3. ``issued_on``: "Adopted ... on 20 April, 2023", "Joint Statement issued on 29 August
   2007", "Released on", "Signed on", "Delivered on", "Published on" (never the adoption
   of a document the sentence cites: "resolution 79/181, adopted on ...");
4. ``header_field``: a labelled field ``Date:``, ``Issued``, ``Dated``, ``날짜``, also a
   database's "2014 Apr" and an all-digit "07/04/2024" read the one way the text allows;
5. ``dateline``: a line that is a date, alone or after a place or a label ("NOVEMBER 4,
   2022", "New York, December 11, 2020", "2nd General Meeting, Tokyo, August 1, 2005",
   "Statement | October 21, 2024", "*26 February 2018*", "05/03/2013" where the text names
   March beside a day), read line by line where a page ran its head together (and past a
   banner sentence above the title) and column by column where a flattened page ran them
   onto one line, a day ("11 April 2019") preferred to the month it falls in ("April
   2019"); a date opening a press release ("(Seoul, April 10, 2018) –", "14 June 2022, New
   York --"); a place and date closing a heading in parentheses;
6. ``convened_on``: "On October 18, 2024, the United States, the ROK and Japan convened"
   (never a paragraph opening on a past event: "On 17 February 2014 the Commission presented");
7. ``described_on``: a sentence that names the document and ends on its date ("Joint
   statement by Security Council members, 17 August 2022.");
8. ``posting_date``: a site's posting line ("Posted", "등록일", "입력", "Apr 20, 2023 | News"
   under a page's own heading).

A date inside a sentence that recalls, notes or looks ahead, in a footnote, after
"updated" or "수정", at either end of a period ("published from January 20, 2009 to
January 20, 2017") or in an adoption told in the past perfect ("had adopted its first
resolution ... in December 2005") is never used; an all-digit date that reads both ways
is not guessed; a bare year in running text ("in 2014") never dates a document. When no
rule applies the date stays empty and the document is flagged.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Joint Statement\\n\\nRecalling its resolution 72/188 of 19 December 2017, we urge action.\\n"
>>> find_date(text, split_passages(text, 0, len(text))) is None
True
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract.dates import DateMatch, find_dates
from ..read.segmenting import Passage
from ..read.sentences import sentence_spans
from .facts import Fact
from .headers import HeaderField, fields_named, first_body, head_lines, line_cells, passage_lines
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
#: A line set in markdown emphasis ("*26 February 2018*"): a star that opens it is not a footnote mark.
_EMPHASIS = re.compile(r"^\s*(\*{1,2}|_{1,2})\S.*\S\1\s*$")
#: A line that opens in bold ("**Oct 12, 2021** | News"): the stars close on the same line, unlike a footnote's.
_EMPHASIS_OPENS = re.compile(r"^\s*(\*\*|__)\S[^*\n]*\S\1(?!\*)")
#: An all-digit date with slashes ("05/03/2013"), which :func:`find_dates` leaves alone: day or month may come first.
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
#: A month named beside a day in running text ("March 5", "6 April"), which settles which way a numeric date reads.
_MONTH_WITH_DAY = re.compile(
    r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-3]?\d\b"
    r"|\b[0-3]?\d\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
#: The first date of a period ("published from January 20, 2009 to January 20, 2017"): an archive's span, not an issue.
_PERIOD_START = re.compile(r"\b(?:from|between|since)\s*$", re.I)
_PERIOD_LINK = re.compile(r"\s*(?:to|until|till|through|and|[-–—])\s*", re.I)
#: A document named by its number in the words before "adopted on": "resolution 79/181 ..., adopted on".
_CITED = re.compile(r"\b(?:resolutions?|decisions?|reports?|conventions?)\b(?:\s+(?:no\.\s*)?\d+/\d+)?", re.I)
#: A year and a month as databases write them ("2014 Apr"), which :func:`find_dates` leaves alone.
_YEAR_MONTH = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?!\w)"
)
_MONTH_NUMBERS = {name: n for n, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
#: A sentence that names the document and ends on its date: "Joint statement by A and B, 17 August 2022."
_DESCRIBED = re.compile(r"\W*(?:joint\s+|open\s+|press\s+)?(?:statement|letter|declaration|communiqu[eé]|appeal)\b", re.I)
_ON_DATE = re.compile(r"^\W*On\s+$")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+|already\s+|first\s+)?$", re.I)
_CONVENING = re.compile(r"\b(?:convened|met|held|gathered|hosted|issued|released|adopted|signed|agreed|announced)\b", re.I)
_DATE_FIELDS = ("date", "dated", "issued", "date of issue", "date issued", "released", "published", "adopted",
                "date of adoption", "adoption date", "날짜", "일자", "발표일", "date :")
_POSTING_FIELDS = ("posted", "등록일", "작성일", "입력", "게시일", "posting date")
#: At most this many words may stand beside a date on a dateline ("2nd General Meeting, Tokyo,").
_DATELINE_WORDS = 7


def _is_footnote(text: str, passage: Passage) -> bool:
    if _EMPHASIS.match(passage.text) or _EMPHASIS_OPENS.match(passage.text):
        return False
    opening = find_dates(text, passage.start, min(passage.end, passage.start + 40))
    if opening and not text[passage.start : opening[0].start].strip():
        return False  # "14 June 2022, New York": a date, not a footnote numbered 14
    return bool(_FOOTNOTE.match(passage.text)) or text[max(0, passage.start - 40) : passage.start].count("____") > 0


def _ends_a_date(text: str, line: Passage) -> bool:
    """Whether a line opens with the end of a date begun on the line before ("... on 17 February / 2014 in Geneva")."""
    return any(d.start < line.start < d.end for d in find_dates(text, max(0, line.start - 40), line.end))


def _year_month(text: str, start: int, end: int) -> DateMatch | None:
    """A database's "2014 Apr" as a month-precision date.

    >>> _year_month("Date: 2014 Apr", 0, 14).iso
    '2014-04'
    """
    match = _YEAR_MONTH.search(text, start, end)
    if not match:
        return None
    month = _MONTH_NUMBERS[match["month"][:3].lower()]
    return DateMatch(match.start(), match.end(), f"{match['year']}-{month:02d}", "month")


def named_months(text: str, start: int, end: int) -> set[int]:
    """The months a document names beside a day ("March 5, 2013", "on April 6").

    >>> sorted(named_months("Issued on March 5, 2013; the vote on 6 April.", 0, 46))
    [3, 4]
    """
    return {_MONTH_NUMBERS[(match["m1"] or match["m2"])[:3].lower()] for match in _MONTH_WITH_DAY.finditer(text, start, end)}


def _numeric_dates(text: str, start: int, end: int, months: set[int]) -> list[DateMatch]:
    """All-digit dates with slashes, read the one way the text allows.

    "14/06/2022" can only be day first and "06/14/2022" only month first; "05/03/2013" is
    either, and is read as the 5th of March only when the document names March beside a
    day and not May (or the reverse). Otherwise it is not read at all: a guessed date is
    worse than none.

    >>> [d.iso for d in _numeric_dates("05/03/2013", 0, 10, {3})], _numeric_dates("05/03/2013", 0, 10, set())
    (['2013-03-05'], [])
    >>> [d.iso for d in _numeric_dates("06/14/2022", 0, 10, set())]
    ['2022-06-14']
    """
    found = []
    for match in _NUMERIC.finditer(text, start, end):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        readings = {(month, day) for month, day in ((b, a), (a, b)) if 1 <= month <= 12 and 1 <= day <= 31}
        if len(readings) == 2:
            readings = {(month, day) for month, day in readings if month in months}
        if len(readings) != 1:
            continue
        month, day = readings.pop()
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        found.append(DateMatch(match.start(), match.end(), iso, "day"))
    return found


def _dates(text: str, start: int, end: int, months: set[int]) -> list[DateMatch]:
    """The dates :func:`find_dates` reads and the all-digit ones with slashes, in text order."""
    dates = find_dates(text, start, end)
    extra = [d for d in _numeric_dates(text, start, end, months) if not any(d.start < o.end and o.start < d.end for o in dates)]
    return sorted(dates + extra, key=lambda d: d.start)


def _usable(text: str, date: DateMatch, sentence: tuple[int, int]) -> bool:
    """A date that dates its document: not recalled, not a deadline, not an update."""
    before = text[sentence[0] : date.start]
    return not (
        _NOT_OWN.match(text, sentence[0], date.start) or _RECALLED.search(before) or _LOOKS_AHEAD.search(before[-40:])
        or _UPDATED.search(before[-40:])
    )


def _cites_another(text: str, sentence_start: int, verb_start: int) -> bool:
    """Whether "adopted/issued on" follows a document the sentence cites rather than the document itself.

    "... language of General Assembly resolution 79/181, adopted on December 17, 2024" dates
    the resolution; a sentence that opens with its own kind ("Resolution adopted by ...")
    dates itself.
    """
    for cited in _CITED.finditer(text, sentence_start, verb_start):
        if re.search(r"[^\W\d_]", text[sentence_start : cited.start()]):
            return True
    return False


def _fact(date: DateMatch, rule: str) -> tuple[Fact, DateMatch]:
    return Fact("date", date.iso, date.start, date.end, rule), date


def _issued_on(text: str, spans: list[tuple[int, int]]) -> tuple[Fact, DateMatch] | None:
    for start, end in spans:
        for sentence in sentence_spans(text, start, end):
            if not _ISSUED_WORDS.search(text, *sentence) or _NOT_OWN.match(text, *sentence):
                continue
            previous_end = None
            for date in find_dates(text, *sentence):
                # "published from January 20, 2009 to January 20, 2017": both ends of a period, neither an issue
                in_period = bool(_PERIOD_START.search(text, sentence[0], date.start)) or (
                    previous_end is not None and bool(_PERIOD_LINK.fullmatch(text, previous_end, date.start)))
                previous_end = date.end
                lead = _ISSUED.search(text, sentence[0], date.start)
                if in_period or not lead or date.precision == "year" or not _usable(text, date, sentence):
                    continue
                verb = _ISSUED_WORDS.search(text, lead.start(), date.start)
                if verb and _cites_another(text, sentence[0], verb.start()):
                    continue
                # "The Assembly had adopted its first resolution on the country in December 2005": a past
                # event told in the past perfect, or the adoption of a document the sentence names after the verb
                if verb and (_PAST_PERFECT.search(text, sentence[0], verb.start())
                             or _CITED.search(text, verb.end(), date.start)):
                    continue
                return _fact(date, "issued_on")
    return None


def _described_on(text: str, passages: list[Passage]) -> DateMatch | None:
    """A sentence that names the document and ends on a date: "Joint statement by A and B, 17 August 2022."."""
    for passage in passages:
        for sentence in sentence_spans(text, passage.start, passage.end):
            if not _DESCRIBED.match(text, *sentence) or _LOOKS_AHEAD.search(text, *sentence):
                continue
            dates = [d for d in find_dates(text, *sentence) if d.precision == "day"]
            if not dates:
                continue
            last = dates[-1]
            closes = re.fullmatch(r"[\s.)\]]*", text[last.end : sentence[1]])
            if closes and text[sentence[0] : last.start].rstrip().endswith(","):
                return last
    return None


def _dateline(text: str, passage: Passage, months: set[int] = frozenset()) -> DateMatch | None:
    """The date of a line that holds little besides a date."""
    dates = [d for d in _dates(text, passage.start, passage.end, months) if d.precision != "year" or d.start == passage.start]
    if not dates or _is_footnote(text, passage):
        return None
    date = dates[0]
    before = text[passage.start : date.start]
    if _UPDATED.search(before):
        return None
    after = text[date.end : passage.end]
    words_before = re.findall(r"[^\W\d_][\w’'.-]*", before)
    words_after = re.findall(r"[^\W\d_][\w’'.-]*", after.split("|")[0] if "|" in after else after)
    if len(words_before) > _DATELINE_WORDS or len(words_after) > 3:
        return None
    if _LOOKS_AHEAD.search(before) or _NOT_OWN.match(before) or re.search(r"\b(?:next|previous|last)\b", before, re.I):
        return None
    return date


def _press_dateline(text: str, passage: Passage) -> DateMatch | None:
    """A place and a date opening a paragraph before a dash.

    '(Seoul, April 10, 2018) – ...', 'SEOUL, April 10, 2018 — ...' or '14 June 2022, New York -- ...'.
    """
    dates = find_dates(text, passage.start, min(passage.end, passage.start + 60))
    if not dates or dates[0].precision != "day":
        return None
    date = dates[0]
    before = text[passage.start : date.start]
    if re.fullmatch(r"\(?\s*[A-Z][\w .’'-]{1,30},\s*", before):
        tail = text[date.end : date.end + 6]
        if re.match(r"\)?\s*(?:[-–—]|$)", tail):
            return date
    elif re.fullmatch(r"\(?\s*", before):
        # the place is required: "17 February 2014 – the commission reported" is a timeline, not a dateline
        if re.match(r",\s*[A-Z][\w .’'-]{1,30}?\)?\s*(?:--|[–—-]\s)", text[date.end : date.end + 40]):
            return date
    return None


def _parenthesised_dateline(text: str, passage: Passage) -> DateMatch | None:
    """A place and date in parentheses closing a heading: "Joint press statement by A and B (New York, 10 December 2020)"."""
    if not passage.text.endswith(")") or passage.kind != "heading":
        return None
    opening = text.rfind("(", passage.start, passage.end)
    dates = find_dates(text, opening, passage.end) if opening != -1 else []
    if len(dates) != 1 or dates[0].precision != "day":
        return None
    rest = text[opening + 1 : dates[0].start] + text[dates[0].end : passage.end - 1]
    return dates[0] if len(re.findall(r"[^\W\d_]+", rest)) <= 3 else None


def _convened_on(text: str, passages: list[Passage]) -> DateMatch | None:
    """"On October 18, 2024, the United States, Japan and the ROK convened ...": the issuers meeting on the day.

    A paragraph that opens on a past event ("On 17 February 2014 the Commission presented its
    report") is a recalled date, not the document's.
    """
    for passage in passages:
        for date in find_dates(text, passage.start, min(passage.end, passage.start + 40)):
            if not (_ON_DATE.match(text[passage.start : date.start]) and date.precision == "day"):
                continue
            sentence_end = text.find(".", date.end, passage.end)
            sentence_end = passage.end if sentence_end == -1 else sentence_end
            if text[date.end : date.end + 1] == "," and _CONVENING.search(text, date.end, sentence_end):
                return date
    return None


def find_date(
    text: str, passages: list[Passage], title: Fact | None = None, fields: list[HeaderField] = (),
    un_header: UnHeader | None = None,
) -> tuple[Fact, DateMatch] | None:
    """The document's own date as a fact with the matched date, or None when the text states none."""
    if un_header and un_header.adopted:
        return _fact(un_header.adopted, "un_adoption")
    if un_header and un_header.distributed:
        return _fact(un_header.distributed, "un_distribution")
    stop = first_body(passages)
    months = named_months(text, passages[0].start, passages[-1].end) if passages else set()
    readable = [p for p in passages if not p.boilerplate and not _is_footnote(text, p)]
    head = [p for p in readable if p.n < stop]
    lines = [line for line in head_lines(text, passages) if not _is_footnote(text, line) and not _ends_a_date(text, line)]
    # a flattened page's line holds several columns ("Open Letter to ...   11 April 2019"): each is read as a line
    lines = [cell for line in lines for cell in (line_cells(text, line) if line.kind == "heading" else [line])]
    body = [p for p in readable if p.n >= stop and p.kind == "body"][:3]
    opening = {p.n for p in body[:1]}
    title_spans = [(title.start, title.end)] if title and title.start is not None else []
    found = _issued_on(text, title_spans + [(p.start, p.end) for p in head + body])
    if found:
        return found
    for field in fields_named(list(fields), *_DATE_FIELDS):
        dates = _dates(text, field.start, field.end, months) or [d for d in [_year_month(text, field.start, field.end)] if d]
        if dates:
            return _fact(dates[0], "header_field")
    posting: DateMatch | None = None
    month_only: DateMatch | None = None
    # A banner sentence above the title ("This is an archive of ...") is not the text yet: the headings before
    # the second paragraph are read line by line, as the head's are.
    bodies = [p.n for p in readable if p.kind == "body"]
    second_body = bodies[1] if len(bodies) > 1 else len(passages) + 1
    later = [line for p in readable if p.n >= stop and p.kind in ("heading", "body")
             for line in (passage_lines(text, p) if p.kind == "heading" and p.n < second_body else [p])]
    for passage in lines + later:
        date = _dateline(text, passage, months) if passage.kind == "heading" or passage.n < stop else None
        if date is None and (passage.n < stop or passage.n in opening):  # a press dateline leads into the text
            date = _press_dateline(text, passage)
        date = date or _parenthesised_dateline(text, passage)
        if date is None:
            continue
        if _POSTED.search(text, passage.start, date.start) or "|" in text[date.end : passage.end]:
            posting = posting or date
            continue
        # "April 2019" beside the address and "11 April 2019" under the title: the day says more
        if month_only is not None and not (date.precision == "day" and date.iso.startswith(month_only.iso)):
            return _fact(month_only, "dateline")
        if date.precision == "month" and month_only is None and passage.n < stop:
            month_only = date
            continue
        return _fact(date, "dateline")
    if month_only is not None:
        return _fact(month_only, "dateline")
    convened = _convened_on(text, body)
    if convened:
        return _fact(convened, "convened_on")
    described = _described_on(text, body)
    if described:
        return _fact(described, "described_on")
    for field in fields_named(list(fields), *_POSTING_FIELDS):
        dates = find_dates(text, field.start, field.end)
        if dates:
            return _fact(dates[0], "posting_date")
    if posting:
        return _fact(posting, "posting_date")
    return None
