"""Stated counts: the numbers of signatories, organisations or states a document says it carries.

Each is compared with the list the document itself holds, so a reader sees where
"on behalf of 37 organisations" and the 35 names listed disagree.
"""

from __future__ import annotations

import re

from ..read.segmenting import Passage
from .numbers import NUMBER, parse_number
from .signatories import Signatory

_NUM = NUMBER.pattern
_SIGNATORY_NOUNS = r"(?:non-governmental\s+)?(?:organi[sz]ations|NGOs|groups|individuals|signatories|coalitions|people|persons|experts)"
_STATED_SIGNATORIES = re.compile(
    rf"\b(?:on\s+behalf\s+of|signed\s+by|endorsed\s+by)\s+(?P<n>{_NUM})\s+(?P<what>[^.;]{{0,120}}?{_SIGNATORY_NOUNS})"
    rf"(?=\s+(?:from|to|who|in|across|worldwide|have|has)\b|[.;]|\s*$)"
    rf"(?:\s+from\s+(?P<c>{_NUM})\s+(?:different\s+)?countries)?",
    re.I,
)


def stated_counts(text: str, passages: list[Passage], entries: list[Signatory]) -> list[dict]:
    """Rows of ``stated_counts`` (without doc_id): each number of signatories a document states, beside the count of its list."""
    rows = []
    listed_countries = {s.iso3 for s in entries if s.iso3}
    for passage in passages:
        if passage.kind != "body" or not passage.counted:
            continue
        for match in _STATED_SIGNATORIES.finditer(text, passage.start, passage.end):
            rows.append({"counts": "signatories", "stated": parse_number(match["n"]),
                         "counted": len(entries) if entries else None,
                         "quote": text[match.start("n") : match.end("what")], "start": match.start("n"), "end": match.end("what")})
            if match["c"]:
                rows.append({"counts": "signatory_countries", "stated": parse_number(match["c"]),
                             "counted": len(listed_countries) if entries else None,
                             "quote": text[match.start("c") : match.end()], "start": match.start("c"), "end": match.end()})
    return rows
