"""Sentences inside passages, with offsets: the unit the extraction rules read.

>>> text = "IPCNKR met in Seoul. It had 111 members. The U.S. Congress acted."
>>> [text[a:b] for a, b in sentence_spans(text, 0, len(text))]
['IPCNKR met in Seoul.', 'It had 111 members.', 'The U.S. Congress acted.']
"""

from __future__ import annotations

import re

# A sentence ends at . ! or ? followed by space and a capital, digit or quote, unless the
# period closes a short abbreviation (U.S., Dr., No.).
_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[A-Z0-9“\"(])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms|No|Nos|St|Prof|Rev|Hon|Art|para|paras|cf|e\.g|i\.e|etc|vs)\.)$")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence in ``text[start:end]``, offsets into ``text``."""
    spans, position = [], start
    for boundary in _BOUNDARY.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, boundary.start() - 6), boundary.start()):
            continue
        head = text[position : boundary.start()].rstrip()
        if head:
            spans.append((position, position + len(head)))
        position = boundary.end()
    tail = text[position:end].rstrip()
    if tail:
        spans.append((position, position + len(tail)))
    return spans
