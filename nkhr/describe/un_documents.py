"""United Nations documents: their symbols, the body that adopts them, the date of adoption, their sponsors.

A UN resolution says what it is in conventions of its own rather than in a heading:
a document symbol (``A/RES/73/180``, ``A/HRC/RES/34/24``, ``A/C.3/71/L.23`` for a
draft in the Third Committee, ``RES/31/18`` in the Council's database), the line
"Resolution adopted by the Human Rights Council on 24 March 2017", a title numbered
``34/24.``, an opening "The General Assembly," and, on a draft, the sponsoring states
listed before ": draft resolution" and the title after it, and a masthead's date of
issue under "Distr.: Limited". The rules here read those conventions and nothing
else: the dates of the resolutions a text recalls ("Recalling its resolution 60/173 of
16 December 2005") are never the date of the document.

>>> text = "A/HRC/RES/34/24\\nResolution adopted by the Human Rights Council on 24 March 2017\\n34/24. Situation of human rights\\n"
>>> header = read_un_header(text, 0, len(text))
>>> header.body, text[header.body_start:header.body_end], header.adopted.iso
('Human Rights Council', 'Human Rights Council', '2017-03-24')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.dates import DateMatch, find_dates

#: How far into a document its UN header may reach.
HEADER_CHARS = 4000
_BODIES = r"General Assembly|Human Rights Council|Security Council|Commission on Human Rights|Economic and Social Council"
SYMBOL = re.compile(
    r"(?<![\w/])(?:A/(?:C\.\d/|HRC/)?(?:RES/)?\d{1,3}/(?:L\.\d+(?:/Rev\.\d+)?|\d+(?:/Add\.\d+)?)"
    r"|(?:HRC/)?RES/\d{1,3}/\d{1,3}|E/CN\.4/(?:RES/)?\d{4}/(?:L\.)?\d+|S/RES/\d+(?:\s*\(\d{4}\))?)\*?(?![\w/])"
)
_ADOPTED_BY = re.compile(rf"\b(?:[Rr]esolution|[Dd]ecision)\s+adopted\s+by\s+the\s+(?P<body>{_BODIES})\b")
_OPENING = re.compile(rf"^\s*The\s+(?P<body>{_BODIES})\s*,\s*$", re.M)
_SESSION_LINE = re.compile(rf"^\s*(?P<body>{_BODIES})\s+[A-Z][a-z]+(?:-[a-z]+)?\s+session\b", re.M)
#: A title numbered by the resolution's symbol: "34/24. Situation of human rights ...".
#: Used with ``.match``, which anchors it where the heading starts.
NUMBERED_TITLE = re.compile(r"\s*(?:(?:A/)?(?:HRC/)?(?:RES/)?)?\d{1,3}/\d{1,4}\.?\s+(?=[A-Z])")
#: The masthead's distribution label, with the date of issue beside or below it ("Distr.: Limited / 31 October 2016").
_DISTRIBUTION = re.compile(r"\bDistr\.?\s*:?\s*(?:General|Limited|Restricted)\b", re.I)
_DRAFT = re.compile(r":\s*(?P<what>(?:revised\s+)?draft\s+(?:resolution|decision))\b", re.I)


@dataclass(frozen=True)
class UnHeader:
    """What a UN document's conventions state; offsets into the source text, None where not stated."""

    symbol: str = ""
    symbol_start: int | None = None
    body: str = ""
    body_start: int | None = None
    body_end: int | None = None
    adopted: DateMatch | None = None
    adopted_rule: str = ""
    distributed: DateMatch | None = None
    draft_start: int | None = None
    draft_end: int | None = None

    @property
    def is_resolution(self) -> bool:
        resolution_symbol = bool(re.search(r"RES/|/L\.", self.symbol))
        return resolution_symbol or self.adopted_rule == "un_adoption" or self.draft_start is not None


def _body_of_symbol(symbol: str) -> str:
    if symbol.startswith(("A/HRC", "HRC/", "RES/")):
        return "Human Rights Council"
    if symbol.startswith("A/"):
        return "General Assembly"
    if symbol.startswith("E/CN.4"):
        return "Commission on Human Rights"
    return "Security Council" if symbol.startswith("S/") else ""


def _symbol_line(text: str, start: int, stop: int) -> re.Match[str] | None:
    """The first symbol that heads a line of its own ('A/HRC/RES/34/24', '| A/RES/63/190 | Distr.: General |',
    'United Nations   A/C.3/71/L.23*').

    A symbol cited inside a sentence ("the report A/HRC/25/63 found") names another document.
    """
    for symbol in SYMBOL.finditer(text, start, stop):
        line_start = text.rfind("\n", start, symbol.start()) + 1
        line_end = text.find("\n", symbol.end(), stop)
        before = text[line_start : symbol.start()]
        after = text[symbol.end() : line_end if line_end != -1 else stop]
        # A masthead puts the organisation's name left of the symbol: "United Nations   A/C.3/71/L.23*".
        masthead = re.fullmatch(r"\W*(?:United\s+Nations)?\W*", before)
        if masthead and len(re.findall(r"[^\W\d_]+", after)) <= 6:
            return symbol
    return None


def read_un_header(text: str, start: int, end: int) -> UnHeader:
    """Read the UN conventions in the first part of ``text[start:end]``; an empty header when there are none."""
    stop = min(end, start + HEADER_CHARS)
    symbol = _symbol_line(text, start, stop)
    adopted = _ADOPTED_BY.search(text, start, stop)
    opening = _OPENING.search(text, start, stop) or _SESSION_LINE.search(text, start, stop)
    draft = _DRAFT.search(text, start, stop)
    if not (symbol or adopted or draft):
        return UnHeader()
    body_match = adopted or opening
    values: dict = {}
    if symbol:
        values.update(symbol=symbol.group().rstrip("*"), symbol_start=symbol.start())
    if body_match:
        values.update(body=body_match["body"], body_start=body_match.start("body"), body_end=body_match.end("body"))
    elif symbol and _body_of_symbol(values["symbol"]):
        values.update(body=_body_of_symbol(values["symbol"]), body_start=symbol.start(), body_end=symbol.end())
    if adopted:
        line_end = text.find("\n", adopted.end(), stop)
        dates = find_dates(text, adopted.end(), line_end if line_end != -1 else stop)
        if dates and dates[0].start - adopted.end() < 12:
            values.update(adopted=dates[0], adopted_rule="un_adoption")
        else:
            values.update(adopted_rule="un_adoption")
    distribution = _DISTRIBUTION.search(text, start, stop) if symbol else None
    if distribution:
        # The date stands right of the label or on the masthead's next line, before "Original:".
        window_end = min(stop, distribution.end() + 160)
        original = re.search(r"\bOriginal\s*:", text[distribution.end() : window_end])
        window_end = distribution.end() + original.start() if original else window_end
        dates = [d for d in find_dates(text, distribution.end(), window_end) if d.precision == "day"]
        if dates:
            values.update(distributed=dates[0])
    if draft:
        values.update(draft_start=draft.start("what"), draft_end=draft.end("what"))
    return UnHeader(**values)


#: A numbered title at the start of a line: "31/18. Situation of human rights ...", or on a draft whose number
#: is not yet given, "10/…  Situation of ..." / "10/...".
_NUMBERED_LINE = re.compile(
    r"^[ \t]*(?:(?:A/)?(?:HRC/)?(?:RES/)?)?\d{1,3}/(?:\d{1,4}\.|…|\.{3}|_+)[ \t]+(?=[A-Z])", re.M)
_LINE = re.compile(r"[^\n]+")
_SPACES = re.compile(r"\s*")
#: A preamble paragraph's opening participle: "Recalling", "Reaffirming", "Guided by".
_PREAMBLE_WORD = re.compile(r"[A-Z][a-z]+ing\b|Guided\b|Mindful\b|Deeply\b|Noting\b")
#: Where a resolution's title gives way to its text: "The General Assembly," (on its own line or run on).
_TITLE_END = re.compile(rf"\s*\bThe\s+(?:{_BODIES})\s*,|\n[ \t]*\n|\s*$")


def _title_from(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The title that starts at ``start``: up to the body's opening, a blank line, a preamble line or three lines at most."""
    end_match = _TITLE_END.search(text, start, stop)
    end = end_match.start() if end_match else stop
    kept = 0
    for line in _LINE.finditer(text, start, end):
        words = line.group().strip()
        # "Recalling its earlier resolutions," opens the preamble: the title has ended
        if kept and (words.endswith((",", ";")) or _PREAMBLE_WORD.match(words)) or kept == 3:
            end = text.rfind("\n", start, line.start())
            break
        kept += 1
    end = start + len(text[start:end].rstrip(" \t\n.,;:"))
    words = len(text[start:end].split())
    return (start, end) if 2 <= words <= 40 else None


def un_title_span(text: str, header: UnHeader, start: int, end: int) -> tuple[int, int, str] | None:
    """The offsets of a UN resolution's title and the rule that found it, or None.

    The title follows the resolution's number ("34/24. Situation of ...") or, on a draft,
    the words ": draft resolution"; it ends where "The General Assembly," opens the text.

    >>> text = "A/C.3/71/L.23\\nJapan: draft resolution\\n\\nSituation of human rights in the\\nDPRK\\n\\nThe General Assembly,\\n"
    >>> a, b, rule = un_title_span(text, read_un_header(text, 0, len(text)), 0, len(text))
    >>> " ".join(text[a:b].split()), rule
    ('Situation of human rights in the DPRK', 'un_draft_title')
    """
    if not (header.symbol or header.adopted_rule or header.draft_start is not None):
        return None
    stop = min(end, start + HEADER_CHARS)
    numbered = _NUMBERED_LINE.search(text, start, stop)
    if numbered:
        span = _title_from(text, numbered.end(), stop)
        if span:
            return (*span, "un_numbered_title")
    if header.draft_end is not None:
        after = _SPACES.match(text, header.draft_end).end()
        if after < stop and text[after].isupper():
            span = _title_from(text, after, stop)
            if span:
                return (*span, "un_draft_title")
    return None


def draft_sponsor_span(text: str, header: UnHeader, start: int) -> tuple[int, int] | None:
    """The sponsors' list of a draft: the paragraph that ends with ': draft resolution'."""
    if header.draft_start is None:
        return None
    colon = text.rfind(":", start, header.draft_start)
    paragraph = max(text.rfind("\n\n", start, colon), text.rfind("\n \n", start, colon), start - 1) + 1
    # In flattened text the list starts after the agenda item's words: take the run of names
    # back from the colon, which the caller checks are states.
    return (paragraph, colon) if colon > paragraph else None
