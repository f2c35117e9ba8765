"""A document's title: the heading that names it, whole, without the page furniture around it.

Real pages put a lot above a statement: a site's name and menu, a breadcrumb
("Home > Information > Releases"), a category tag ("Statement | October 21, 2024"),
a table's borders, a database's symbol ("RES/31/18"), a resolution's number
("34/24."). The rules, in order:

1. ``un_numbered_title``: a heading numbered like a resolution ("73/180. Situation of
   human rights ..."), the number left out of the title;
2. ``title_heading``: the last heading before the text begins that names a statement,
   letter, declaration, resolution or appeal (in English or Korean), so a page's own
   heading gives way to the document's when both stand above it;
3. ``subject_line``: a letter's "Re:" line, or a ``Title:`` field;
4. ``first_heading``: otherwise the first heading of at least three words that is
   neither furniture, nor a date line, nor a labelled field.

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

from ..extract.dates import find_dates
from ..read.segmenting import TITLE_WORDS, Passage
from .facts import Fact
from .headers import HeaderField, fields_named, first_body
from .un_documents import NUMBERED_TITLE, SYMBOL

#: Korean words that name a statement, letter, declaration, resolution or appeal.
KOREAN_TITLE_WORDS = re.compile(r"성명|서한|편지|선언|결의|호소문|청원|탄원")
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/)\s|\s\|\s.*\s\|\s")
_LEADING_MARKS = "#*• \t"
_TRAILING_MARKS = " *#†‡"
_SUBJECT = re.compile(r"(?:re|subject|subj|title)\s*:\s*", re.I)
#: A symbol or a number before the title ("RES/31/18 ", "A/C.3/77/L.26 — ", "34/24. ").
_LEADING_SYMBOL = re.compile(r"(?:" + SYMBOL.pattern + r")\s*(?:[—–-]\s*)?|" + NUMBERED_TITLE.pattern)
_CONNECTOR_END = re.compile(r"\b(?:of|the|in|on|for|and|to|by|at|with|from|a|an|its|their)$|[’'-]$", re.I)


def _names_a_document(text: str) -> bool:
    return bool(TITLE_WORDS.search(text) or KOREAN_TITLE_WORDS.search(text))


def _is_furniture(source: str, passage: Passage) -> bool:
    """Breadcrumbs, menus, labelled fields, date lines, links, preambles: never a title."""
    stripped = passage.text.strip(_LEADING_MARKS)
    if not stripped or stripped[0] in "([{<\"“'‘" or "http" in stripped or "www." in stripped:
        return True
    if _BREADCRUMB.search(stripped):
        return True
    dates = find_dates(source, passage.start, passage.end)
    dated = sum(d.end - d.start for d in dates)
    return bool(dates) and (len(stripped.split()) <= 6 or dated > 0.4 * len(stripped))


def _clean_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Drop heading marks, footnote stars, a leading symbol or number, and a trailing colon."""
    while start < end and source[start] in _LEADING_MARKS:
        start += 1
    symbol = _LEADING_SYMBOL.match(source, start, end)
    if symbol and symbol.end() < end:
        start = symbol.end()
    while end > start and source[end - 1] in _TRAILING_MARKS + ":":
        end -= 1
    return start, end


def _join_wrapped(source: str, passages: list[Passage], index: int, fields: set[int]) -> int:
    """Index of the last passage a title wrapped over, starting at ``passages[index]``."""
    last = index
    while last + 1 < len(passages):
        current, following = passages[last], passages[last + 1]
        between = source[current.end : following.start]
        words = following.text.split()
        if between.count("\n") != 1 or following.kind != "heading" or following.n in fields or following.boilerplate:
            break
        if _is_furniture(source, following) or following.text[0] in "*†(" or _names_a_document(following.text):
            break
        same_case = current.text.isupper() == following.text.isupper()
        dangling = bool(_CONNECTOR_END.search(current.text)) or following.text[0].islower()
        indented = following.start - source.rfind("\n", 0, following.start) - 1 > current.start - source.rfind("\n", 0, current.start) - 1
        if not (dangling or indented or (same_case and current.text.isupper() and len(words) >= 2)):
            break
        last += 1
    return last


def find_title(source: str, passages: list[Passage], fields: list[HeaderField] = ()) -> Fact | None:
    """The document's title as a fact with its offsets, or None when no heading names it."""
    stop = first_body(passages)
    field_passages = {f.passage for f in fields}
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
        naming_later = [(i, p) for i, p in usable if _names_a_document(p.text) and len(p.text.split()) >= 3]
        subject = [f for f in fields_named(list(fields), "re", "subject", "title")]
        if subject:
            field = subject[0]
            start, end = _clean_span(source, field.start, field.end)
            return Fact("title", " ".join(source[start:end].split()), start, end, "subject_line")
        plain = [(i, p) for i, p in head if len(p.text.split()) >= 3 or (not p.text.isascii() and len(p.text) >= 8)]
        if plain:
            chosen, rule = plain[0], "first_heading"
        elif naming_later:
            chosen, rule = naming_later[0], "title_heading"
    if chosen is None:
        return None
    index, passage = chosen
    last = _join_wrapped(source, passages, index, field_passages)
    start, end = _clean_span(source, passage.start, passages[last].end)
    subject = _SUBJECT.match(source, start, end)
    if subject:
        start = subject.end()
    if start >= end:
        return None
    return Fact("title", " ".join(source[start:end].split()), start, end, rule)
