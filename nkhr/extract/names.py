"""Names in a run of text: "A, B, and C" cut into names, with the names of states kept whole.

Lists of signatories, sponsors and issuers are written into sentences: "on behalf of
Albania, Bosnia and Herzegovina, ..., Trinidad and Tobago, the United Kingdom of Great
Britain and Northern Ireland and the European Union". Splitting on every "and" breaks
names of states; splitting only on commas glues the last two names. So the names of
countries are found first (pycountry's names, official names and common names, see
:mod:`nkhr.extract.countries`) and never cut, and of what is left only the commas,
semicolons and the conjunction before the last name separate names.

>>> text = "Albania, Bosnia and Herzegovina, Korea, Republic of, and Trinidad and Tobago"
>>> [text[a:b] for a, b in split_names(text, 0, len(text))]
['Albania', 'Bosnia and Herzegovina', 'Korea, Republic of', 'Trinidad and Tobago']
>>> text = "Amnesty International, the Open Society Group and Jane Roe"
>>> [text[a:b] for a, b in split_names(text, 0, len(text))]
['Amnesty International', 'Open Society Group', 'Jane Roe']
"""

from __future__ import annotations

import re

from .countries import find_countries

_CONJUNCTION = re.compile(r"\s+(?:and|&|as\s+well\s+as|및|과|와)\s+|\s*,\s*(?:and|&)\s+", re.I)
_SEPARATOR = re.compile(r"\s*[,;、]\s*")
_LEADING = re.compile(r"(?:(?:and|&|the|as\s+well\s+as)\s+)+", re.I)  # used with .match: anchored
_TRAILING = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰ .:"


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans that must not be cut: country names (with a parenthesis right after) and parentheses."""
    spans = []
    depth, opened = 0, 0
    for position in range(start, end):
        ch = text[position]
        if ch in "([":
            if depth == 0:
                opened = position
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, position + 1))
    spans += [(m.start, m.end) for m in find_countries(text, start, end)]
    return sorted(spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    lead = _LEADING.match(text, a, b)
    if lead:
        a = lead.end()
    while b > a and (text[b - 1] in _TRAILING or text[b - 1].isspace()):
        b -= 1
    # An unmatched closing parenthesis belongs to the sentence, not to the name.
    if b > a and text[b - 1] == ")" and text.count("(", a, b) < text.count(")", a, b):
        b -= 1
    return a, b


def split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Half-open spans of the names listed in ``text[start:end]``, in order."""
    protected = _protected(text, start, end)
    cuts: list[tuple[int, int]] = [
        m.span() for m in _SEPARATOR.finditer(text, start, end) if not _inside(m.start(), protected)
    ]
    # The conjunction that joins the last name: the first one after the last comma.
    tail = cuts[-1][1] if cuts else start
    for match in _CONJUNCTION.finditer(text, start, end):
        if match.start() >= tail - 1 and not _inside(match.start(), protected) and not _inside(match.end() - 1, protected):
            if not any(a <= match.start() < b for a, b in cuts):
                cuts.append(match.span())
            break
    spans, position = [], start
    for a, b in sorted(cuts):
        spans.append((position, a))
        position = b
    spans.append((position, end))
    names = [_trim(text, a, b) for a, b in spans]
    return [(a, b) for a, b in names if b > a and any(ch.isalnum() for ch in text[a:b])]
