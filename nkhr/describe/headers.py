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

#: "Key: value" or "Key | value" (a two-cell table row once its borders are gone).
_FIELD = re.compile(r"(?P<key>[^\W\d_][\w .()/&’'-]{0,30}?)[ \t]*(?:[:：]|\s\|)[ \t]*(?P<value>\S[^\n]*?)[ \t|]*$")
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


def head(passages: list[Passage]) -> list[Passage]:
    """The passages before the first passage of running text, debris excluded."""
    stop = first_body(passages)
    return [p for p in passages if p.n < stop and not p.boilerplate][:HEAD_PASSAGES]


def header_fields(text: str, passages: list[Passage]) -> list[HeaderField]:
    """Every labelled line among the first passages of a document (its head and a little after)."""
    stop = min(first_body(passages) + 3, HEAD_PASSAGES)
    fields = []
    for passage in passages[:stop]:
        if passage.boilerplate or "\n" in text[passage.start : passage.end]:
            continue
        match = _FIELD.fullmatch(text, passage.start, passage.end)
        if match and len(match["key"].split()) <= 4:
            key = " ".join(match["key"].split()).casefold()
            fields.append(HeaderField(key, match.start("value"), match.end("value"), passage.n))
    return fields


def fields_named(fields: list[HeaderField], *names: str) -> list[HeaderField]:
    """The fields whose label is one of ``names`` (folded), in document order."""
    return [f for f in fields if f.key in names]
