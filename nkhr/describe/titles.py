"""A document's title: the heading that names it, whole, without the page furniture around it.

Real pages put a lot above a statement: a site's name and menu, a breadcrumb
("Home > Information > Releases"), a category tag ("Statement | October 21, 2024"),
a table's borders, a database's symbol ("RES/31/18"), a resolution's number
("34/24."). The rules, in order:

1. ``un_numbered_title``: a line numbered like a resolution ("73/180. Situation of
   human rights ..."), the number left out of the title; ``un_draft_title``: on a draft,
   the words between ": draft resolution" and "The General Assembly,";
2. ``title_heading``: the last heading before the text begins that names a statement,
   letter, declaration, resolution or appeal (in English, or in Korean by its last word:
   "... 국제연대 공동성명"), so a page's own heading gives way to the document's when both
   stand above it; also a statement's heading after a page's short introduction;
3. ``subject_line``: a letter's "Re:" line, or a ``Title:`` field;
4. ``first_heading``: otherwise the first heading of at least three words that is
   neither furniture, nor a date line, nor a labelled field.

Furniture is never a title: menus, breadcrumbs, a press office's "FOR IMMEDIATE
RELEASE", a dateline leading into the text ("14 June 2022, New York -- Statement ..."),
category tags ("[공지][공동서한]"), a footnote line under the title and a place and date
in parentheses after it. A headline such as "China: End Forced Returns" is a title,
not a field labelled with a country.

A title wrapped over several lines is joined (``Joint Statement on the Human Rights
Situation in the Democratic`` + ``People's Republic of Korea``). A sentence is never a
title: a preamble in parentheses or a passage of running text is passed over.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Home > News\\n\\nJOINT STATEMENT ON THE HUMAN RIGHTS SITUATION\\nIN NORTH KOREA\\n\\nStatement | 21 October 2024\\n\\nWe urge all states to act now.\\n"
>>> fact = find_title(text, split_passages(text, 0, len(text)))
>>> fact.value, fact.rule
('JOINT STATEMENT ON THE HUMAN RIGHTS SITUATION IN NORTH KOREA', 'title_heading')
"""

from __future__ import annotations

import re

from ..extract.countries import normalise_country
from ..extract.dates import find_dates
from ..read.segmenting import DEBRIS, TITLE_WORDS, Passage
from .facts import Fact
from .headers import HeaderField, fields_named, first_body
from .un_documents import NUMBERED_TITLE, SYMBOL, UnHeader, un_title_span

#: Korean words that name a statement, letter, declaration, resolution or appeal.
KOREAN_TITLE_WORDS = re.compile(r"성명|서한|편지|선언|결의|호소문|청원|탄원")
#: Category tags before a heading: "[공지][공동서한] ...", "[Statement] ...".
_TAGS = re.compile(r"(?:\[[^\[\]\n]{1,20}\]\s*)+(?=\S)")
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/)\s|\s\|\s.*\s\|\s")
_LEADING_MARKS = "#*• \t"
_TRAILING_MARKS = " *#†‡"
_SUBJECT = re.compile(r"(?:re|subject|subj|title)\s*:\s*", re.I)
#: A symbol or a number before the title ("RES/31/18 ", "A/C.3/77/L.26 — ", "34/24. ").
_LEADING_SYMBOL = re.compile(r"(?:" + SYMBOL.pattern + r")\s*(?:[—–-]\s*)?|" + NUMBERED_TITLE.pattern)
#: A press office's slug above the headline: never the title itself.
_PRESS_SLUG = re.compile(
    r"(?:for\s+immediate\s+release|(?:joint\s+)?press\s+release|news\s+release|media\s+(?:note|advisory)|embargoed\b.*|보도자료)\W*",
    re.I,
)
#: A site's section named by a kind in the plural ("Statements", "Press Releases"): a category, not a title.
_CATEGORY = re.compile(
    r"(?:(?:press|news|joint|open|recent|latest|all|related|more|other)\s+)?(?:statements|letters|declarations|resolutions|releases|communiqu[eé]s"
    r"|appeals|petitions|submissions)\W*",
    re.I,
)
#: A link's words ("Read the full statement", "Download the letter (PDF)").
_LINK_TEXT = re.compile(r"(?:read|download|see|click|view|watch|share|print|listen|subscribe)\b", re.I)
#: A footnote line under a title ("*International Parliamentarians' Coalition ...").
_FOOTNOTE_LINE = re.compile(r"[*†‡]+\s*\S")
_CONNECTOR_END = re.compile(r"\b(?:of|the|in|on|for|and|to|by|at|with|from|a|an|its|their)$|[’'-]$", re.I)


def _names_a_document(text: str) -> bool:
    """Whether a heading names a statement, letter, declaration ...: in Korean, its last word does.

    Korean headings end on their head noun: "... 국제연대 공동성명" names a statement, while
    "세계인권선언 63주년에 ..." only mentions the Universal Declaration.

    >>> _names_a_document("세계인권의 날을 맞아 발표하는 국제연대 공동성명")
    True
    >>> _names_a_document("세계인권선언 63주년에 행동을 촉구한다")
    False
    """
    if TITLE_WORDS.search(text):
        return True
    main = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\W*$", "", _TAGS.sub("", text.strip())).rstrip(" .!?\"'”’")
    words = main.split()
    return bool(words) and bool(KOREAN_TITLE_WORDS.search(words[-1]))


def _first_line_is_menu(source: str, passage: Passage) -> bool:
    """A run of menu items joined into one heading ("MENU / Home / About Us / ...")."""
    newline = source.find("\n", passage.start, passage.end)
    return newline != -1 and bool(DEBRIS.fullmatch(source[passage.start : newline].strip(" \t|")))


def _is_furniture(source: str, passage: Passage) -> bool:
    """Breadcrumbs, menus, labelled fields, date lines, links, preambles: never a title."""
    stripped = passage.text.strip(_LEADING_MARKS)
    tags = _TAGS.match(stripped)
    stripped = stripped[tags.end() :] if tags else stripped
    if not stripped or stripped[0] in "([{<" or "http" in stripped or "www." in stripped or _LINK_TEXT.match(stripped):
        return True
    if _first_line_is_menu(source, passage):
        return True
    if _BREADCRUMB.search(stripped) or _PRESS_SLUG.fullmatch(stripped) or _CATEGORY.fullmatch(stripped):
        return True
    dates = find_dates(source, passage.start, passage.end)
    dated = sum(d.end - d.start for d in dates)
    # "14 June 2022, New York -- Statement delivered by ...": a dateline leading into the text
    opens_with_date = bool(dates) and not source[passage.start : dates[0].start].strip(_LEADING_MARKS + "(")
    return bool(dates) and (len(stripped.split()) <= 6 or dated > 0.4 * len(stripped) or opens_with_date)


def _is_sentence(text: str) -> bool:
    """Running text set as a heading: it ends a sentence or runs long."""
    return text.rstrip(" \"'”’)]*0123456789")[-1:] in (".", "!", "?") or len(text.split()) > 30


def _text_begins(passages: list[Passage]) -> int:
    """Position (n) of the first passage of running text: short numbered links ("1. Ministry ... facebook") are not."""
    for passage in passages:
        if passage.kind == "body" and not passage.boilerplate and (_is_sentence(passage.text) or len(passage.text.split()) >= 12
                                                                    or passage.text.rstrip()[-1:] in ",;:"):
            return passage.n
    return first_body(passages)


def _running_before(passages: list[Passage], index: int) -> int:
    """How many passages of running text come before ``passages[index]``."""
    return sum(1 for p in passages[:index] if p.kind == "body" and not p.boilerplate)


def _clean_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Drop heading marks, footnote stars, a leading symbol or number, and a trailing colon."""
    while start < end and source[start] in _LEADING_MARKS:
        start += 1
    tags = _TAGS.match(source, start, end)
    if tags:
        start = tags.end()
    symbol = _LEADING_SYMBOL.match(source, start, end)
    if symbol and symbol.end() < end:
        start = symbol.end()
    while end > start and source[end - 1] in _TRAILING_MARKS + ":":
        end -= 1
    # "... by Estonia, France and Norway (New York, 10 December 2020)": the place and date are a dateline
    if source[end - 1 : end] == ")":
        opening = source.rfind("(", start, end)
        if opening > start and find_dates(source, opening, end):
            end = opening
            while end > start and source[end - 1] in _TRAILING_MARKS + ":":
                end -= 1
    return start, end


def _is_dateline(source: str, start: int, end: int, dates: list) -> bool:
    """A line that holds a date of its own and at most a place beside it ("Seoul, August 25, 2016").

    A date begun on the line before ("issued on 29 / August 2007") belongs to that line's sentence.
    """
    line = source[start:end]
    own = [d for d in dates if start <= d.start < end]
    if not own or line.rstrip().endswith(")") or any(d.start < start < d.end for d in dates):
        return False
    rest = source[start : own[0].start] + source[own[0].end : end]
    return len(re.findall(r"[^\W\d_]+", rest)) <= 3


def _title_value(source: str, start: int, end: int) -> str:
    """The title's words: its lines joined, table borders between them left out."""
    lines = (line.strip(" \t|│┃║") for line in source[start:end].split("\n"))
    return " ".join(" ".join(line for line in lines if line).split())


def _cut_at_furniture(source: str, start: int, end: int) -> int:
    """End of a title before a footnote line or a date line run into the same passage."""
    dates = find_dates(source, start, end)
    position = source.find("\n", start, end)
    while position != -1:
        line_start = position + 1
        line_end = source.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        line = source[line_start:line_end].strip(" \t|")
        if line and (_FOOTNOTE_LINE.match(line) or _is_dateline(source, line_start, line_end, dates)):
            return position
        position = source.find("\n", line_end, end) if line_end < end else -1
    return end


def _join_wrapped(source: str, passages: list[Passage], index: int, fields: set[int]) -> int:
    """Index of the last passage a title wrapped over, starting at ``passages[index]``."""
    last = index
    while last + 1 < len(passages):
        current, following = passages[last], passages[last + 1]
        between = source[current.end : following.start]
        words = following.text.split()
        dangling = bool(_CONNECTOR_END.search(current.text)) or following.text[0].islower()
        # A line break set as a paragraph (an HTML <br>, a PDF copy) still wraps a title that dangles.
        gap = 2 if dangling and not between.strip() else 1
        if between.count("\n") > gap or following.kind != "heading" or following.n in fields or following.boilerplate:
            break
        # "Joint Statement issued on 29 / August 2007 / by ...": a date broken over the lines holds them together
        split_date = any(d.start < current.end and d.end > following.start
                         for d in find_dates(source, current.start, following.end))
        if not split_date and (_is_furniture(source, following) or following.text[0] in "*†(" or _names_a_document(following.text)):
            break
        same_case = current.text.isupper() == following.text.isupper()
        indented = following.start - source.rfind("\n", 0, following.start) - 1 > current.start - source.rfind("\n", 0, current.start) - 1
        if not (dangling or indented or split_date or (same_case and current.text.isupper() and len(words) >= 2)):
            break
        last += 1
    return last


def find_title(
    source: str, passages: list[Passage], fields: list[HeaderField] = (), un_header: UnHeader | None = None,
) -> Fact | None:
    """The document's title as a fact with its offsets, or None when no heading names it."""
    if un_header and passages:
        un_title = un_title_span(source, un_header, passages[0].start, passages[-1].end)
        if un_title:
            start, end, rule = un_title
            return Fact("title", _title_value(source, start, end), start, end, rule)
    stop = _text_begins(passages)
    # "South Korea: Put Victims First" is a headline, not a field labelled with a country
    # and "Joint statement: carry the language of ..." a title, not a field labelled "joint statement"
    field_passages = {f.passage for f in fields
                      if not (normalise_country(f.key) or f.key in ("dprk", "korea") or TITLE_WORDS.search(f.key))}
    usable = [
        (i, p) for i, p in enumerate(passages)
        if p.kind == "heading" and not p.boilerplate and p.duplicate_of is None and p.n not in field_passages
        and not _is_furniture(source, p)
    ]
    head = [(i, p) for i, p in usable if p.n < stop]
    numbered = [(i, p) for i, p in usable if NUMBERED_TITLE.match(p.text) and not SYMBOL.match(p.text)]
    naming = [(i, p) for i, p in head if _names_a_document(p.text)]
    chosen, rule = None, ""
    if numbered:
        chosen, rule = numbered[0], "un_numbered_title"
    elif naming:
        chosen, rule = naming[-1], "title_heading"
    else:
        naming_later = [(i, p) for i, p in usable if _names_a_document(p.text) and len(p.text.split()) >= 3
                        and not _is_sentence(p.text)]
        # A statement's own heading after a page's short introduction ("Our Secretary General spoke at ...")
        after_intro = [(i, p) for i, p in naming_later if _running_before(passages, i) <= 3]
        subject = [f for f in fields_named(list(fields), "re", "subject", "title", "제목")]
        if subject:
            field = subject[0]
            start, end = _clean_span(source, field.start, field.end)
            return Fact("title", " ".join(source[start:end].split()), start, end, "subject_line")
        plain = [(i, p) for i, p in head if len(p.text.split()) >= 3 or (not p.text.isascii() and len(p.text) >= 8)]
        if after_intro:
            chosen, rule = after_intro[0], "title_heading"
        elif plain:
            chosen, rule = plain[0], "first_heading"
        elif naming_later:
            chosen, rule = naming_later[0], "title_heading"
    if chosen is None:
        return None
    index, passage = chosen
    last = _join_wrapped(source, passages, index, field_passages)
    start, end = _clean_span(source, passage.start, _cut_at_furniture(source, passage.start, passages[last].end))
    subject = _SUBJECT.match(source, start, end)
    if subject:
        start = subject.end()
    if start >= end:
        return None
    return Fact("title", _title_value(source, start, end), start, end, rule)
