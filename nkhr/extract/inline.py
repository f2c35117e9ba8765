"""Signatory lists written into a sentence rather than laid out line by line.

The cues read: "signed by A, B and C" (or endorsed by, or "the statement was supported
by"), "signed ... by the following: A, B", "delivered on behalf of A, B, ... and the
European Union", "Joint Statement by A, B and C", "released by the Governments of A, B
and C", "the following countries associate themselves with this statement: A, B", and a
count of signers before a colon ("14 Civil Society Organizations in ROK : A, B, ...",
read only when the names written are no more than the count and at least half of it).
A list of states must name at least two; a list of names ends with its sentence, and a
lower-case piece that is no individual's role makes the whole run no list. Where a count
comes before the names ("signed by 35 groups, including A, B and C") only the names
written are read. A role after the last name runs to the end of the list ("... and Jane
Roe, a former prisoner and founder of the Circle"), and a page number left after the last
name of a flattened page ("... Ulsan Peace Committee 1") is no part of the name.

>>> text = "Joint Statement by Chile, Ghana and Peru on the Situation in the Region"
>>> [(e.name_as_written, e.kind) for e in inline_entries(text, 0, len(text), None)]
[('Chile', 'state'), ('Ghana', 'state'), ('Peru', 'state')]
"""

from __future__ import annotations

import re

from .countries import find_countries
from .names import Signatory, country_of, make_entry, split_names, state_entry
from .numbers import NUMBER, parse_number

__all__ = ["inline_entries"]

#: Cues that open a list of any names, of states only, or of states aligning with a statement.
_NAMES_CUE = re.compile(
    r"(?:\b(?:co-?)?signed|\bendorsed|\b(?:statement|letter|appeal|declaration|petition)\s+(?:is|was|has\s+been)\s+"
    r"(?:supported|joined))\s+by\s+(?:the\s+following(?:\s+\w+)?\s*:?\s*)?",
    re.IGNORECASE,
)
#: Lists of states: "delivered by ... on behalf of A, B", "Joint Statement by A, B and C", "released by the
#: Governments of A, B and C". A narrative "the statement by China" is no joint statement.
_STATES_CUE = re.compile(
    r"\bon\s+behalf\s+of\s+|\bjoint\s+(?:press\s+)?(?:statement|declaration|communiqu[eé]|letter)\s+(?:issued\s+|released\s+)?by\s+"
    r"|\b(?:text|statement)\s+(?:was\s+|is\s+)?(?:issued|released|delivered)\s+by\s+",
    re.IGNORECASE,
)
_ALIGN_CUE = re.compile(r"\b(?:associate|align)[sd]?\s+(?:themselves|itself)\s+with\s+(?:this|the)\s+statement\s*:?\s*", re.IGNORECASE)
_COLON_CUE = re.compile(r"\b(?:sign\w*|endors\w*|undersigned|co-?sign\w*)\b[^.:;\n]{0,80}:\s*", re.IGNORECASE)
#: A count of signers and a colon, the names following: "14 Civil Society Organizations in ROK : A, B".
_COUNT_COLON_CUE = re.compile(
    rf"(?<![\w,.])(?P<n>{NUMBER.pattern})\s+(?:[\w’'-]+\s+){{0,4}}?(?:organi[sz]ations|groups|NGOs|associations"
    r"|individuals|persons|signatories|signers)\b(?:\s+(?:in|from|of|based\s+in)\s+[^.:;\n]{1,40}?)?\s*:\s*",
    re.IGNORECASE,
)
#: A word or mark every cue above holds: a passage without one lists no one inline.
_ANY_CUE = re.compile(r"sign|endors|support|join|behalf|joint|issued|released|delivered|associat|align|:", re.IGNORECASE)
#: A page number left after the last name when a page's text was flattened onto one line.
_PAGE_NUMBER = re.compile(r"\s+\d{1,3}\s*$")
#: An apposition that begins an individual's role: ", a former prisoner", ", founder of ...".
_ROLE_APPOSITION = re.compile(r",\s+(?!(?:and|or|as\s+well\s+as|including|namely|together\s+with|who|whom|whose|which|that"
                              r"|all|both|each|respectively)\b)(?=(?:an?|the)\s+[a-z]|[a-z])")
#: Where a count of signers may open their list: at a line's start, after a sentence, or after a closing
#: ("Sincerely Yours, 14 Civil Society Organizations in ROK : ..."), never inside a sentence's clause.
_COUNT_OPENS = re.compile(r"(?:^|[.!?:]\s+|\n\s*|(?:sincerely|faithfully|truly|respectfully|regards|yours)\s*,?\s+)$",
                          re.IGNORECASE)
#: Inside a list's sentence, where the names themselves begin.
_INNER_CUE = re.compile(
    r"\bincluding\s+|\bnamely\s*:?\s*|\bon\s+behalf\s+of\s+|\b(?:the\s+)?governments?\s+of\s+"
    r"|\b(?:composed|consisting|made\s+up)\s+of\s+|\bcomprising\s+|:\s+",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|Prof|No|Nos|U\.S|U\.K|e\.g|i\.e))\.$")


def _sentence_end(text: str, start: int, end: int) -> int:
    """Where the sentence that runs from ``start`` ends (before its full stop or semicolon)."""
    depth = 0
    for position in range(start, end):
        ch = text[position]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return position  # the parenthesis the list stands in closes
            depth -= 1
        elif ch == ";" and depth == 0:
            return position
        elif ch == "\n" and not text[position + 1 : text.find("\n", position + 1, end) % (end + 1)].strip():
            return position  # a blank line ends the paragraph
        elif ch in ".!?" and depth == 0 and not _ABBREVIATION.search(text[max(start, position - 5) : position + 1]):
            following = text[position + 1 : position + 3]
            if not following.strip() or following[:1].isspace() or following[:1] in "\"'”’)":
                return position
    return end


def _state_list(text: str, a: int, b: int) -> list[Signatory]:
    """States named in ``text[a:b]`` when the list is one of states (at least two, most items states).

    The list is the run of states: it ends at the first other name once two states are read,
    or inside a name the sentence runs on from ("... and the United States on the situation").
    """
    inner = list(_INNER_CUE.finditer(text, a, b))
    if inner:
        a = inner[-1].end()
    found: list[Signatory] = []
    read = 0
    for piece_a, piece_b in split_names(text, a, b):
        country = country_of(text, piece_a, piece_b)
        if country is None:
            lead = next(iter(find_countries(text, piece_a, piece_b)), None)
            if lead and re.match(r"\s+(?:[a-z]|\()", text[lead.end : piece_b]) \
                    and text[piece_a : lead.start].strip().lower() in ("", "the"):
                found.append(state_entry(text, (lead.country, lead.iso3, lead.start, lead.end), None))
                read += 1
                break
            if sum(e.kind == "state" for e in found) >= 2:
                break
        else:
            found.append(state_entry(text, country, None))
        read += 1
    if sum(e.kind == "state" for e in found) < 2 or len(found) < 0.6 * read:
        return []
    return found


def _name_list(text: str, a: int, b: int, kind: str | None) -> list[Signatory]:
    """Names in ``text[a:b]``: lower-case pieces are an individual's role ('Jane Roe, an independent
    researcher') or not names at all, which makes the whole run no list."""
    inner = list(_INNER_CUE.finditer(text, a, b))
    if inner:  # "signed by 35 groups, including A, B and C": the names are those after the cue
        a = inner[-1].end()
    closing_role = _closing_role(text, a, b)
    if closing_role:
        b = closing_role[0]
    entries: list[Signatory] = []
    for start, end in split_names(text, a, b):
        piece = " ".join(text[start:end].split())
        if piece[:1].islower():
            if entries and entries[-1].kind == "individual" and not entries[-1].roles:
                entries[-1].roles.append(re.sub(r"^(?:an?|the)\s+", "", piece))
                entries[-1].end = end
                continue
            return []
        country = country_of(text, start, end)
        entries.append(state_entry(text, country, None) if country else make_entry(text, start, end, kind))
    if closing_role:
        last = entries[-1] if entries else None
        if last is None or last.kind != "individual" or last.roles:
            return []
        role_start, role_end = closing_role[1], closing_role[2]
        bracket = re.search(r"\s*\([^()]+\)$", text[role_start:role_end])
        country = country_of(text, role_start + bracket.start(), role_end) if bracket else None
        if country and country[1] and not last.country:  # "..., former member of the Assembly (Portugal)"
            last.set_country(text[country[2]:country[3]], country[1], country[2])
            role_end = role_start + bracket.start()
        last.roles.append(re.sub(r"^(?:an?|the)\s+", "", " ".join(text[role_start:role_end].split())))
        last.end = closing_role[2]
    return entries


def _before_page_number(text: str, start: int, stop: int) -> int:
    """Where a list ends when a flattened page left its number after the last name.

    Only a list of three names or more written on one line that ends without punctuation
    is read so: "... Open Doors League, Ulsan Peace Committee 1" at the end of the line.

    >>> text = "A Forum, B Network, C Peace Committee 1\\n"
    >>> text[:_before_page_number(text, 0, len(text) - 1)]
    'A Forum, B Network, C Peace Committee'
    """
    at_line_end = stop >= len(text) or text[stop] == "\n"
    if not at_line_end or "\n" in text[start:stop] or text.count(",", start, stop) < 2:
        return stop
    number = _PAGE_NUMBER.search(text, start, stop)
    if number and number.end() == stop and not re.search(r"\d", text[start:number.start()]):
        return number.start()
    return stop


def _closing_role(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """The role written after the last name of a list, running to its end: (end of the names, role start, role end).

    Only an apposition after which no capitalised name follows a comma is a closing role,
    so "A, Jane Roe, a researcher, and B" is left to the piece-by-piece reading.

    >>> text = "the Hill Forum and Jane Roe, a former prisoner and founder of the Circle"
    >>> names_end, start, end = _closing_role(text, 0, len(text))
    >>> text[:names_end], text[start:end]
    ('the Hill Forum and Jane Roe', 'a former prisoner and founder of the Circle')
    """
    for match in _ROLE_APPOSITION.finditer(text, a, b):
        rest = text[match.end():b]
        if "," in rest or ";" in rest:
            continue
        if not re.search(r"\s(?:and|&)\s", text[a:match.start()]) and "," not in text[a:match.start()]:
            return None  # a single name with its role is read piece by piece
        end = b
        while end > match.end() and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1
        return match.start(), match.end(), end
    return None


def inline_entries(text: str, start: int, end: int, kind: str | None, cue: str | None = None,
                   limit: int | None = None) -> list[Signatory]:
    """The signatories a sentence lists: 'signed by A, B and C', 'on behalf of A, B, ... and the
    European Union', 'associate themselves with this statement: A, B', or the names after a
    heading's colon when ``cue`` is given.

    >>> text = "This letter is signed by the Open Gate Forum, Haven Street Mission, and Jane Roe, an independent researcher."
    >>> [(e.name_as_written, e.kind, e.role) for e in inline_entries(text, 0, len(text), None)]
    [('Open Gate Forum', 'organisation', ''), ('Haven Street Mission', 'organisation', ''), ('Jane Roe', 'individual', 'independent researcher')]
    """
    if cue:
        entries = _name_list(text, start, _sentence_end(text, start, end), kind)
        return entries if entries else []
    if not _ANY_CUE.search(text, start, end):
        return []  # no cue word: most passages are passed over with one search
    found: list[Signatory] = []
    taken: list[tuple[int, int]] = []
    cues = ((_ALIGN_CUE, "align"), (_NAMES_CUE, "names"), (_COLON_CUE, "names"), (_COUNT_COLON_CUE, "counted"),
            (_STATES_CUE, "states"))
    if text.find(":", start, end) < 0:  # both colon cues need one
        cues = tuple(c for c in cues if c[0] not in (_COLON_CUE, _COUNT_COLON_CUE))
    for pattern, reader in cues:
        for match in pattern.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in taken):
                continue
            # a sentence may run on past its passage ("... Shelter Network, and" / "Jane Roe, a researcher.")
            stop = _sentence_end(text, match.end(), min(limit or end, match.end() + 4000))
            if reader in ("names", "counted"):
                stop = _before_page_number(text, match.end(), stop)
            if reader == "counted":
                if not _COUNT_OPENS.search(text, max(0, match.start() - 40), match.start()):
                    continue
                entries = _name_list(text, match.end(), stop, kind)
                stated = parse_number(match["n"]) or 0
                entries = entries if 2 <= len(entries) <= stated and 2 * len(entries) >= stated else []
            elif reader == "align":
                entries = [state_entry(text, (m.country, m.iso3, m.start, m.end), None)
                           for m in find_countries(text, match.end(), stop) if m.iso3]
                entries = entries if len(entries) >= 2 else []
            elif reader == "states":
                entries = _state_list(text, match.end(), stop)
            else:
                entries = _name_list(text, match.end(), stop, kind)
                entries = entries if len(entries) >= 2 else []
            if entries:
                found += entries
                taken.append((match.start(), stop))
    return sorted(found, key=lambda e: e.start)

