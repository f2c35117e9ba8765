"""Sponsors of a resolution: the stated counts and the role a list heading gives its states.

UN pages label their lists of states "Main sponsors" and "Co-sponsors", often with the
count run into the label ("Co-sponsors41", "## Co-sponsors (22)"). The count is
compared with the list parsed under it (``stated_counts``), and each state listed
takes the role its heading gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPONSOR_COUNT = re.compile(
    r"^[\s#*•–-]*(?P<label>main\s+sponsors?|co-?\s?sponsors?|sponsors?)\s*[:(]?\s*(?P<n>\d{1,3})\s*\)?\s*$", re.I | re.M
)


@dataclass(frozen=True)
class SponsorCount:
    """A stated number of sponsors ('Co-sponsors41', '## Main sponsors (2)') with its offsets."""

    counts: str
    stated: int
    start: int
    end: int


def sponsor_counts(text: str, start: int, end: int) -> list[SponsorCount]:
    """Every labelled count of sponsors on a line of its own.

    >>> text = "- Main sponsors2\\n- Co-sponsors41\\n"
    >>> [(c.counts, c.stated) for c in sponsor_counts(text, 0, len(text))]
    [('sponsors', 2), ('co-sponsors', 41)]
    """
    found = []
    for match in _SPONSOR_COUNT.finditer(text, start, end):
        counts = "co-sponsors" if re.match(r"co", match["label"], re.I) else "sponsors"
        found.append(SponsorCount(counts, int(match["n"]), match.start("label"), match.end("n")))
    return found


def sponsor_role(label: str) -> str | None:
    """'Main sponsors' -> 'sponsor'; 'Co-sponsors' -> 'co-sponsor'; anything else None."""
    label = label.strip(" #*•–-:").casefold()
    if re.match(r"co-?\s?sponsors?\b", label):
        return "co-sponsor"
    if re.match(r"(?:main\s+)?sponsors?\b|submitted by\b", label):
        return "sponsor"
    return None
