"""Cutting a source text into documents and passages, keeping exact offsets.

A file may hold several documents separated by a horizontal rule (a line of three or
more ``=``, ``-``, ``_``, ``*`` or ``~``). A document is cut into passages:

* in ordinary text, every non-blank line is a passage (paragraphs are lines);
* in hard-wrapped text (short lines, most not ending a sentence), lines are joined
  until a sentence ends at a line end, a list item starts, or a heading gives way to
  running text.

Each passage is classified as ``heading`` (short, no closing punctuation),
``body``, ``list`` (set later by the signatory parser) or ``boilerplate`` (web-page
debris: share buttons, menus, image notes, site footers). A passage repeating an
earlier one of the same document is kept and marked ``duplicate_of``.

>>> text = "Joint Statement\\n\\nWe urge all states to act.\\nWe urge all states to act.\\nShare This"
>>> for p in split_passages(text, 0, len(text)):
...     print(p.n, p.kind, p.duplicate_of, text[p.start:p.end])
1 heading None Joint Statement
2 body None We urge all states to act.
3 body 2 We urge all states to act.
4 boilerplate None Share This
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass

_RULE = re.compile(r"^[ \t]*([=_*~-])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]*\n?")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|\(\w{1,4}\)|[-•*–]|[ivxIVX]{1,4}\.)\s")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|\(\w{1,4}\)|[ivxIVX]{1,4}\.)\s")
_TERMINAL = ".;!?"
_SMALL_WORDS = {"a", "an", "the", "of", "for", "and", "or", "on", "in", "to", "by", "at", "with", "from", "de", "&"}

#: Web-page debris, matched against a whole passage (case-insensitive). Generic site
#: furniture only: nothing here names a particular statement.
DEBRIS = re.compile(
    r"^(?:share(?: this| on \w+)?|tweet|print(?: this)?|email this|search(?: website| this site| the site)?|site search"
    r"|recent posts|related posts|categories|archives|tags(?:\s*:.*)?|social media|follow us(?: on \w+)?|share\s*:.*"
    r"|subscribe(?: to (?:our )?(?:blog|newsletter|updates))?|enter your email address.*|this image has an empty alt attribute.*"
    r"|skip to (?:main )?content|menu|home|contact us|about us|read more|leave a comment|previous post|next post"
    r"|posted in .*|filed under .*|copyright .*|©.*|all rights reserved\.?"
    # Korean site furniture: skip links, menus, search, log-in, list navigation
    r"|(?:본문|주메뉴|메뉴|전체\s?메뉴)\s*바로\s?가기|바로\s?가기\s*메뉴|전체\s?메뉴|검색(?:창)?\s*(?:열기|닫기)?|로그인|회원가입"
    r"|사이트\s?맵|공유하기|인쇄하기|목록(?:보기)?|이전\s?글.*|다음\s?글.*|맨\s?위로"
    # UN job numbers printed at the foot of each page ('GE.16-05512(E)', '18-22577 (E) 230119')
    r"|(?:GE\.)?\d{2}-\d{5}\s*\*?\s*\(E\)(?:\s+\d{6})?\s*\*?)$",
    re.IGNORECASE,
)


#: Words that make a heading a title candidate rather than site navigation.
TITLE_WORDS = re.compile(r"\b(?:statement|letter|declaration|resolution|communiqu[eé]|appeal|petition|submission)s?\b", re.I)


@dataclass
class Passage:
    """A passage of a document: its number, kind and half-open offsets into the source text."""

    n: int
    kind: str
    start: int
    end: int
    line: int
    text: str
    duplicate_of: int | None = None
    boilerplate: bool = False

    @property
    def counted(self) -> bool:
        return self.duplicate_of is None and not self.boilerplate


def split_documents(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each rule-separated part of ``text`` that holds any words.

    >>> t = "Letter one.\\n=====\\nLetter two.\\n"
    >>> [t[a:b].strip() for a, b in split_documents(t)]
    ['Letter one.', 'Letter two.']
    """
    bounds, position = [], 0
    for rule in _RULE.finditer(text):
        bounds.append((position, rule.start()))
        position = rule.end()
    bounds.append((position, len(text)))
    return [(a, b) for a, b in bounds if any(ch.isalnum() for ch in text[a:b])]


class LineIndex:
    """Map offsets to 1-based line numbers."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


#: A line drawn only to frame a table ("+-----+", "|---|---|", "│ │"): no words, so no passage.
_TABLE_RULE = re.compile(r"^[\s|+:=_~*─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬-]*[|+│┃┼╬][\s|+:=_~*─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬-]*$")
#: Characters that draw the border of a table cell at either end of a line: "| Joint Statement |".
_CELL_BORDERS = "|│┃║"


def _inside_borders(text: str, a: int, b: int) -> tuple[int, int]:
    """Narrow a line's span to what stands between table borders, if it has any."""
    while a < b and text[a] in _CELL_BORDERS:
        a += 1
        while a < b and text[a] in " \t":
            a += 1
    while b > a and text[b - 1] in _CELL_BORDERS:
        b -= 1
        while b > a and text[b - 1] in " \t":
            b -= 1
    return a, b


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines in the window: trailing white space, CR and table borders excluded."""
    spans = []
    for match in _LINE.finditer(text, start, end):
        a, b = match.span()
        if a == b:
            break
        content = text[a:b].rstrip()
        stripped = content.lstrip()
        if not stripped or _TABLE_RULE.match(stripped):
            continue
        a, b = _inside_borders(text, a + len(content) - len(stripped), a + len(content))
        if a < b:
            spans.append((a, b))
    return spans


def _title_like(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'.-]*", line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.85


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped text: many short lines of similar length, most not ending a sentence."""
    if len(lines) < 6:
        return False
    lengths = [b - a for a, b in lines]
    open_ended = sum(text[b - 1] not in _TERMINAL for a, b in lines)
    return max(lengths) <= 100 and statistics.median(lengths) >= 30 and open_ended / len(lines) >= 0.5


def _is_double_spaced(text: str, lines: list[tuple[int, int]]) -> bool:
    """Text copied from a PDF often has a blank line after every line, so blank lines mark nothing."""
    if len(lines) < 6:
        return False
    gaps = [text.count("\n", pb, a) for (_, pb), (a, _) in zip(lines, lines[1:])]
    return sum(gap == 2 for gap in gaps) >= 0.8 * len(gaps)


def _group_wrapped(text: str, lines: list[tuple[int, int]], paragraph_gap: int = 2) -> list[tuple[int, int]]:
    """Join wrapped lines into paragraphs; ``paragraph_gap`` line breaks between lines always end one."""
    groups: list[list[tuple[int, int]]] = []
    for a, b in lines:
        if groups:
            pa, pb = groups[-1][-1]
            previous, current = text[pa:pb], text[a:b]
            blank_between = text.count("\n", pb, a) >= paragraph_gap
            sentence_ended = previous[-1] in _TERMINAL + ":" and (current[0].isupper() or current[0].isdigit())
            heading_ended = (
                previous[-1] not in _TERMINAL + ",:" and current[0].isupper()
                and _title_like(previous) and not _title_like(current)
            )
            if not (blank_between or sentence_ended or heading_ended or _LIST_MARKER.match(current)):
                groups[-1].append((a, b))
                continue
        groups.append([(a, b)])
    return [(g[0][0], g[-1][1]) for g in groups]


#: Words a line cannot end on when its sentence goes on: the next line continues it.
_CONNECTORS = frozenset(
    "a an and as at by for from in into of on or that the their to which with its his her our whose than "
    "nor but including between among upon against".split()
)
#: Lines that close a letter: what follows is a signature or a list, never their continuation.
_CLOSING = re.compile(r"^(?:sincerely|yours(?: sincerely| faithfully| truly)?|respectfully|regards|best regards|signed)\b", re.I)


def _indent(text: str, a: int) -> int:
    return a - (text.rfind("\n", 0, a) + 1)


def _continues(text: str, previous: tuple[int, int], first: tuple[int, int], line: tuple[int, int], width: int) -> bool:
    """Whether ``line`` carries on the passage whose last line is ``previous`` (and first line ``first``).

    A line continues the one before when that one stops mid-sentence and either the line
    starts in lower case, the one before ends on a word such as "of" or "the" (or a
    hyphen), the one before was full (the next word would not have fitted the width the
    text is wrapped at), or the passage is a bullet and the line is indented under its text.
    """
    before, current = text[previous[0] : previous[1]], text[line[0] : line[1]]
    if _LIST_MARKER.match(current) or before[-1] in _TERMINAL + ":" or _CLOSING.match(before):
        return False
    if current[0].islower():
        return True
    last_word = re.search(r"[\w’'-]+$", before)
    if before[-1] == "-" or (last_word and last_word.group().lower() in _CONNECTORS):
        return True
    bullet = _LIST_MARKER.match(text[first[0] : first[1]])
    if bullet and _indent(text, line[0]) >= _indent(text, first[0]) + max(2, len(bullet.group()) - 1):
        return True
    next_word = len(current.split(maxsplit=1)[0])
    return 0 < width <= 130 and len(before) >= 40 and len(before) + 1 + next_word > width


def _group_local(text: str, lines: list[tuple[int, int]], paragraph_gap: int = 2) -> list[tuple[int, int]]:
    """Join lines into passages only where a line visibly carries on the one before (see :func:`_continues`)."""
    if not lines:
        return []
    lengths = sorted(b - a for a, b in lines)
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    # A wrap width is only believed when several lines reach it: a few long lines prove nothing.
    if sum(0.8 * width <= n <= width for n in lengths) < 5:
        width = 0
    groups: list[list[tuple[int, int]]] = [[lines[0]]]
    for line in lines[1:]:
        previous = groups[-1][-1]
        if text.count("\n", previous[1], line[0]) < paragraph_gap and _continues(text, previous, groups[-1][0], line, width):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [(g[0][0], g[-1][1]) for g in groups]


def _classify(text: str) -> str:
    words = text.split()
    last = text.rstrip("”’\"')]* ")[-1:] or "."
    if _NUMBERED.match(text):
        return "body"
    if text.startswith("#"):
        return "heading"
    if len(words) <= 6 and last == ",":
        return "heading"
    if len(words) <= 40 and last not in _TERMINAL + ":,":
        return "heading"
    return "body"


def _mark_boilerplate(passages: list[Passage]) -> None:
    debris = [bool(DEBRIS.match(p.text)) for p in passages]
    # A site footer: after the text has begun, a debris passage from which on at least
    # half of what follows is debris.
    first_body = next((i for i, p in enumerate(passages) if p.kind == "body" and not debris[i]), len(passages))
    for i, is_debris in enumerate(debris):
        if i > first_body and is_debris and sum(debris[i:]) * 2 >= len(debris) - i:
            for j in range(i, len(passages)):
                debris[j] = True
            break
    # A navigation menu: a leading run of three or more short headings holding debris.
    run = 0
    while (
        run < len(passages) and passages[run].kind == "heading"
        and len(passages[run].text.split()) <= 5 and not TITLE_WORDS.search(passages[run].text)
    ):
        run += 1
    if run >= 3 and any(debris[:run]):
        for j in range(run):
            debris[j] = True
    for passage, is_debris in zip(passages, debris):
        if is_debris:
            passage.boilerplate = True
            passage.kind = "boilerplate"


def _mark_duplicates(passages: list[Passage]) -> None:
    first_seen: dict[str, int] = {}
    for passage in passages:
        if passage.kind not in ("body", "heading") or len(passage.text) < 20:
            continue
        key = passage.text.casefold()
        if key in first_seen:
            passage.duplicate_of = first_seen[key]
        else:
            first_seen[key] = passage.n


def split_passages(text: str, start: int, end: int, lines: LineIndex | None = None) -> list[Passage]:
    """Cut ``text[start:end]`` into classified passages with offsets into ``text``."""
    lines = lines or LineIndex(text)
    spans = _lines(text, start, end)
    gap = 3 if _is_double_spaced(text, spans) else 2
    spans = _group_wrapped(text, spans, gap) if _is_wrapped(text, spans) else _group_local(text, spans, gap)
    passages = []
    for n, (a, b) in enumerate(spans, start=1):
        folded = " ".join(text[a:b].split())
        passages.append(Passage(n, _classify(folded), a, b, lines.line_of(a), folded))
    _mark_boilerplate(passages)
    _mark_duplicates(passages)
    return passages
