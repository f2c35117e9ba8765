"""Sponsors of a resolution: the stated counts, the role a list heading gives its states, and the
sponsoring states a draft names in its opening paragraph.

UN pages label their lists of states "Main sponsors" and "Co-sponsors", often with the
count run into the label ("Co-sponsors41", "## Co-sponsors (22)"). The count is
compared with the list parsed under it (``stated_counts``), and each state listed
takes the role its heading gives. Database pages stack the labels ("- Main sponsors2",
"- Co-sponsors16") and then give the lists one after another, separated by empty
bullets: :func:`assign_groups` gives each list the label whose count it fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .countries import find_countries
from .names import split_names

_SPONSOR_COUNT = re.compile(
    r"^[\s#*•–-]*(?P<label>main\s+sponsors?|co-?\s?sponsors?|sponsors?)\s*[:(]?\s*(?P<n>\d{1,3})\s*\)?\s*$", re.IGNORECASE | re.MULTILINE
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
        counts = "co-sponsors" if re.match(r"co", match["label"], re.IGNORECASE) else "sponsors"
        found.append(SponsorCount(counts, int(match["n"]), match.start("label"), match.end("n")))
    return found


def sponsor_role(label: str) -> str | None:
    """'Main sponsors' -> 'sponsor'; 'Co-sponsors' -> 'co-sponsor'; anything else None.

    >>> sponsor_role("## Co-sponsors"), sponsor_role("Main sponsors"), sponsor_role("In favour")
    ('co-sponsor', 'sponsor', None)
    """
    label = label.strip(" #*•–-:").casefold()
    if re.match(r"co-?\s?sponsors?\b", label):
        return "co-sponsor"
    if re.match(r"(?:main\s+)?sponsors?\b|submitted by\b", label):
        return "sponsor"
    return None


def assign_groups(labels: list[tuple[str, int | None]], sizes: list[int]) -> list[str]:
    """The role of each of ``sizes`` lists given stacked ``labels`` (role, stated count or None).

    As many lists as labels: in order. Fewer lists: each takes the label whose stated count
    is nearest its length (a later label on a tie), as a database page may list only one.

    >>> assign_groups([("sponsor", 2), ("co-sponsor", 16)], [2, 14])
    ['sponsor', 'co-sponsor']
    >>> assign_groups([("sponsor", 2), ("co-sponsor", 41)], [40])
    ['co-sponsor']
    """
    if not labels:
        return []
    if len(sizes) == len(labels):
        return [role for role, _ in labels]
    roles = []
    for size in sizes:
        ranked = sorted(enumerate(labels), key=lambda il: (abs((il[1][1] if il[1][1] is not None else size) - size), -il[0]))
        roles.append(ranked[0][1][0])
    return roles


def sponsor_states(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """The states a draft resolution's sponsor paragraph names, in order: ``(country, iso3, start, end)``.

    The paragraph may begin with the agenda item's words when the text was flattened, so
    only the run of names before the colon that are all states is kept.

    A note in brackets after a name says in what capacity the state sponsors: the state is
    the name before it ("Czech Republic (on behalf of the European Union)").

    >>> text = "Agenda item 68 (c) Human rights Albania, Bosnia and Herzegovina and Liechten-\\nstein"
    >>> [(text[a:b], iso3) for _, iso3, a, b in sponsor_states(text, 0, len(text))]
    [('Albania', 'ALB'), ('Bosnia and Herzegovina', 'BIH'), ('Liechten-\\nstein', 'LIE')]
    """
    names = [_without_note(text, a, b) for a, b in split_names(text, start, end)]
    kept: list[tuple[str, str, int, int]] = []
    for a, b in reversed(names):
        state = _whole_state(text, a, b)
        if state is not None:
            kept.append((*state, a, b))
            continue
        tail = [m for m in find_countries(text, a, b) if m.end == b and m.iso3]
        if not tail:
            break
        prefix = text[a : tail[-1].start].split()
        # "the former Yugoslav Republic of Macedonia" is one name; "Human rights Albania" is
        # the agenda's words run into the first name: keep the name and stop there.
        if prefix and len(prefix) <= 4 and prefix[0][:1].islower() and not any(ch.isdigit() for ch in text[a:b]):
            kept.append((tail[-1].country, tail[-1].iso3, a, b))
            continue
        kept.append((tail[-1].country, tail[-1].iso3, tail[-1].start, b))
        break
    return kept[::-1]


#: A note in brackets after a sponsor's name, starting in lower case: "(on behalf of the European Union)".
_NOTE = re.compile(r"\s*\([a-z][^()]*\)\s*$")


def _without_note(text: str, a: int, b: int) -> tuple[int, int]:
    """The span of a name without the note in brackets written after it.

    >>> text = "Czech Republic (on behalf of the European Union)"
    >>> text[slice(*_without_note(text, 0, len(text)))]
    'Czech Republic'
    """
    note = _NOTE.search(text, a, b)
    return (a, note.start()) if note and note.start() > a else (a, b)


#: The UN's inverted form of a state's name: "Netherlands (Kingdom of the)".
_UN_INVERTED = re.compile(r"\s*\([A-Z][^()]*\)$")


def _whole_state(text: str, a: int, b: int) -> tuple[str, str] | None:
    """``(country, iso3)`` if ``text[a:b]`` is one state's name (a hyphen broken over a line allowed,
    and the UN's inverted form "Netherlands (Kingdom of the)").

    >>> text = "Netherlands (Kingdom of the)"
    >>> _whole_state(text, 0, len(text))
    ('Netherlands', 'NLD')
    """
    inverted = _UN_INVERTED.search(text, a, b)
    if inverted and inverted.start() > a and not find_countries(text, inverted.start(), b):
        state = _whole_state(text, a, inverted.start())
        if state:
            return state
    mentions = find_countries(text, a, b)
    if len(mentions) == 1 and mentions[0].start == a and mentions[0].end == b and mentions[0].iso3:
        return mentions[0].country, mentions[0].iso3
    joined = re.sub(r"-\s*\n\s*", "", text[a:b])
    found = find_countries(joined) if joined != text[a:b] else []
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(joined) and found[0].iso3:
        return found[0].country, found[0].iso3
    return None
