"""The head of a document: the passages before its text begins, and the labelled fields they hold.

Statements reach a researcher with their own metadata above them: a database's
``Document Type: Final Resolution`` and ``Date: 2016 Apr``, a message board's
``Date : December 5, 2022``, a tracker's table row ``| Issued | 2 November 2022 |``,
a letter's ``To:`` and ``Re:``. :func:`header_fields` reads such labelled lines
anywhere in the head, with the offsets of each value, so the rules that describe a
document can cite them.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Date : December 5, 2022\\nDocument Type: Final Resolution\\nWe urge all states to act now.\\n"
>>> [(f.key, text[f.start:f.end]) for f in header_fields(text, split_passages(text, 0, len(text)))]
[('date', 'December 5, 2022'), ('document type', 'Final Resolution')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.segmenting import Passage

#: Characters that draw a table cell's border at either end of a line.
_CELL_BORDERS = "|│┃║"

#: "Key: value" or "Key | value" (a two-cell table row once its borders are gone).
_FIELD = re.compile(r"(?P<key>[^\W\d_][\w .()/&’'-]{0,30}?)[ \t]*(?:[:：]|\s\|)[ \t]*(?P<value>\S[^\n]*?)[ \t|]*$")
#: Columns a flattened page ran onto one line, set apart by a run of spaces or a tab.
COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")
#: How many passages into a document its head may reach, at most.
HEAD_PASSAGES = 40


@dataclass(frozen=True)
class HeaderField:
    """A labelled value in a document's head: the label folded, the value's offsets."""

    key: str
    start: int
    end: int
    passage: int


def first_body(passages: list[Passage]) -> int:
    """Position (n) of the first passage of running text, or one past the last passage."""
    return next((p.n for p in passages if p.kind == "body" and not p.boilerplate), len(passages) + 1)


def first_body_after(passages: list[Passage], position: int) -> int:
    """Position (n) of the first passage of running text that starts at or after ``position`` (a title's end).

    A banner sentence above the title ("This is an archive of ...") does not end the head
    that the title and the lines under it belong to.
    """
    return next((p.n for p in passages if p.kind == "body" and not p.boilerplate and p.start >= position), len(passages) + 1)


def head(passages: list[Passage]) -> list[Passage]:
    """The passages before the first passage of running text, debris excluded."""
    stop = first_body(passages)
    return [p for p in passages if p.n < stop and not p.boilerplate][:HEAD_PASSAGES]


def passage_lines(text: str, passage: Passage) -> list[Passage]:
    """The lines of a passage as passages of their own (same number and kind), borders and blanks left out.

    A page's head is often run together into one passage ("Date : December 14, 2020" over
    a board title over a link); its lines are read one by one.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "| Joint Statement on the Situation in the |\\n| DPRK, New York, June 1, 2020 |\\n"
    >>> [line.text for line in passage_lines(text, split_passages(text, 0, len(text))[0])]
    ['Joint Statement on the Situation in the', 'DPRK, New York, June 1, 2020']
    """
    lines, position = [], passage.start
    while position < passage.end:
        newline = text.find("\n", position, passage.end)
        line_end = passage.end if newline == -1 else newline
        a, b = position, line_end
        while a < b and (text[a].isspace() or text[a] in _CELL_BORDERS):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _CELL_BORDERS):
            b -= 1
        if a < b:
            lines.append(Passage(passage.n, passage.kind, a, b, passage.line, " ".join(text[a:b].split()),
                                 passage.duplicate_of, passage.boilerplate))
        position = line_end + 1
    return lines


def line_cells(text: str, line: Passage) -> list[Passage]:
    """The columns of a line a flattened page (a PDF, a flipbook) ran together, set apart by runs of spaces.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "Open Letter to the Members   Do not forget the detained   11 April 2019\\n"
    >>> [cell.text for cell in line_cells(text, split_passages(text, 0, len(text))[0])]
    ['Open Letter to the Members', 'Do not forget the detained', '11 April 2019']
    """
    cells, position = [], line.start
    for gap in [*COLUMN_GAP.finditer(text, line.start, line.end), None]:
        cell_end = gap.start() if gap else line.end
        if text[position:cell_end].strip():
            cells.append(Passage(line.n, line.kind, position, cell_end, line.line, " ".join(text[position:cell_end].split()),
                                 line.duplicate_of, line.boilerplate))
        position = gap.end() if gap else line.end
    return cells


def head_lines(text: str, passages: list[Passage]) -> list[Passage]:
    """The head's passages with every heading that runs over several lines cut into its lines."""
    lines = []
    for passage in head(passages):
        lines += passage_lines(text, passage) if passage.kind == "heading" else [passage]
    return lines


def header_fields(text: str, passages: list[Passage]) -> list[HeaderField]:
    """Every labelled line among the first passages of a document (its head and a little after)."""
    stop = min(first_body(passages) + 3, HEAD_PASSAGES)
    fields = []
    for passage in passages[:stop]:
        if passage.boilerplate:
            continue
        multiline = "\n" in text[passage.start : passage.end]
        if multiline and passage.kind != "heading":
            continue
        for line in passage_lines(text, passage) if multiline else [passage]:
            fields += _field_of(text, line)
    return fields


def _field_of(text: str, line: Passage) -> list[HeaderField]:
    """The labelled field a single line holds: one field or none."""
    match = _FIELD.fullmatch(text, line.start, line.end)
    if not match or len(match["key"].split()) > 4:
        return []
    key = " ".join(match["key"].split()).casefold()
    return [HeaderField(key, match.start("value"), match.end("value"), line.n)]


def fields_named(fields: list[HeaderField], *names: str) -> list[HeaderField]:
    """The fields whose label is one of ``names`` (folded), in document order."""
    return [f for f in fields if f.key in names]
