"""Signatory lists: who signed a document, of what kind, from which country, with what role.

A list opens at a heading ("Signatories", "**Organisations**", "## Co-sponsors (22)",
"Signed by:", "Endorsed by"), after a closing salutation ("Sincerely,"), or after a
sentence that ends with a colon and speaks of signing. It is read line by line and
ends at a vote heading ("In favour"), a footnote, page debris or running text. The
layouts read:

* one name a line, bulleted or numbered or bare, a name wrapping onto an indented line;
* name and country (or an individual's role) on one line: ``Name (Country)``,
  ``Name, Role (Country)``, ``Name – Country``, ``NameCountry`` run together;
* name on one line, its country or role on the next;
* groups under country headings: a country line after a blank line heads the names that
  follow; a first group without a heading gets no country;
* lists of states (every item a country) and a resolution's sponsors and co-sponsors;
* a pipe table whose header names a column of names (and perhaps one of countries).

Lists written into a sentence ("signed by A, B and C", "on behalf of A, B, ... and the
European Union", "associate themselves with this statement: A, B") are read by
:func:`inline_entries`. A country is recorded only where the text states one:
never guessed from a name.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Groups\\nBALAOD MindanawPhilippines\\nLiberty in North Korea (LiNK)\\n"
>>> lists = find_signatories(text, split_passages(text, 0, len(text)))
>>> [(s.name_as_written, s.country) for s in lists.entries]
[('BALAOD Mindanaw', 'Philippines'), ('Liberty in North Korea (LiNK)', '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from ..read.segmenting import Passage
from .countries import find_countries, normalise_country
from .names import (
    ROLE_START,
    Signatory,
    canonical_key,
    canonical_person,
    country_of,
    looks_like_person,
    make_entry,
    split_names,
    split_person_role,
    state_entry,
)
from .sponsors import assign_groups, sponsor_role, sponsor_states

__all__ = ["Signatory", "SignatoryLists", "canonical_key", "canonical_person", "canonicalise_names", "find_signatories"]

_DECOR = r"[\s#*_>•·–-]*"
#: A line that heads a list (or a vote, which ends one), with an optional note, count or inline list.
_HEADING = re.compile(
    _DECOR
    + r"(?:(?P<org>(?:(?:endorsing|supporting|signatory|signing|participating|member|civil[\s-]society|non-governmental"
    r"|international|national|local)\s+)*(?:groups|organi[sz]ations|ngos|coalitions|institutions))"
    r"|(?P<ind>(?:individual|personal|expert)\s+(?:signatories|signers|endorsers|supporters)|individuals|persons|experts)"
    r"|(?P<any>(?:list\s+of\s+)?(?:signatories|co-?signatories|signers|co-?signers|endorsers|supporters)"
    r"|signed(?:\s+by)?|endorsed\s+by|endorsements|supported\s+by|joined\s+by|adopted\s+by|the\s+undersigned)"
    r"|(?P<vote>in\s+favou?r|against|abstaining|abstentions?|abstained|absent|non-voting|did\s+not\s+vote)"
    r"|(?P<sponsor>(?:main\s+)?sponsors?|co-?\s?sponsors?|submitted\s+by))"
    r"(?=[\s*_(:\d]|$)[\s*_]*(?:\((?P<note>[^()]*)\)|(?P<count>\d{1,4}))?[\s*_]*"
    r"(?::[\s*_]*(?P<rest>\S.*?))?[\s*_]*$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"\W*(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:\s+yours)?|(?:with\s+)?(?:best|kind|warm)?\s*regards)"
    r"\s*[,.]?\s*$",
    re.IGNORECASE,
)
#: A sentence ending with a colon that introduces names: "... signed for their organisations by:".
_INTRO = re.compile(r"\b(?:sign(?:ed|atories|atory|ers)|co-?sign\w*|endors\w*|undersigned|joined\s+by|supported\s+by|adopted\s+by"
                    r"|on\s+behalf\s+of)\b",
                    re.IGNORECASE)
#: An introduction to demands, not to names: "The undersigned call on the government to:".
_ASKING = re.compile(r"\b(?:call|urge|ask|request|demand|recommend|appeal)\w*\b|\bto\s*:\s*$", re.IGNORECASE)
_BULLET = re.compile(r"\s*(?:[-•*–·▪◦]|\d{1,3}[.)]|\(\d{1,3}\))(?:\s+|$)")
_FOOTNOTE = re.compile(r"\s*(?:\[\^?\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s|[*†‡]+\s*\S+(?:\s+\S+){5,}|\d{1,3}\s+[A-Z].*\S\s+\S.*[.]$)")
_RULE = re.compile(r"\s*(?:[-=_*~]\s*){3,}$")
#: Lines of page furniture that end a list (generic site words, never a statement's own).
_FURNITURE = re.compile(
    r"\W*(?:share|tags?|related|contacts?|media contact|press contact|for more information|notes?|footnotes?|references"
    r"|sources?|back to top|print|list|posted|last updated|published|read more|click|download|comments?|copyright|©"
    r"|summary|background|annex|about (?:us|the)|page\s+\d+|tel(?:ephone)?\b|e-?mail\b|phone\b|fax\b|website\b)\b",
    re.IGNORECASE,
)
_SMALL = {"a", "an", "the", "of", "for", "and", "or", "on", "in", "to", "by", "at", "with", "from", "de", "&"}


@dataclass
class _Line:
    """One list line (with its wrapped continuations) as offsets into the text."""

    start: int
    end: int
    bullet: bool
    blank_before: bool
    indent: int


@dataclass
class _Section:
    kind: str | None
    role: str | None
    count: int | None
    lines: list[_Line]
    strict: bool = False  # opened by a salutation: only name-like lines belong to it


@dataclass
class SignatoryLists:
    """The signatories found in a document and the passages their lists occupy."""

    entries: list[Signatory]
    passages: set[int]


def _folded(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())


def _is_running_text(line: str) -> bool:
    """Prose rather than a name: long, or mostly lower-case words, or a long sentence.

    >>> _is_running_text("and strengthen the Seoul-based office that gathers evidence for future")
    True
    >>> _is_running_text("Yoon Seo-jin, former member of the National Human Rights Commission")
    False
    """
    words = line.split()
    content = [w for w in words if w.lower().strip(",.;:()") not in _SMALL]
    lower = sum(1 for w in content if w[:1].islower())
    if len(words) > 30 or (len(words) >= 7 and content and lower / len(content) > 0.6):
        return True
    return len(words) >= 10 and line.rstrip().endswith((".", "!", "?")) and lower >= 3


def _looks_like_name(line: str) -> bool:
    """Whether a line may hold a name: starts with a capital or digit, mostly letters, no link."""
    if not line or not (line[0].isupper() or line[0].isdigit() or not line[0].isascii()) or "http" in line or "@" in line:
        return False
    if re.match(r"(?:the\s+)?(?:undersigned|following)\b", line, re.IGNORECASE):
        return False  # "The undersigned organisations": words about the list, not a name in it
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 2 and letters > sum(ch.isdigit() for ch in line) * 2


def _ends_list(line: str) -> bool:
    return bool(_FOOTNOTE.match(line) or _RULE.match(line) or _FURNITURE.match(line) or " | " in line or " · " in line
                or line.lstrip().startswith("#"))


def _line_spans(text: str, passages: list[Passage]) -> list[tuple[int, int, Passage | None]]:
    """Every line of the document between its first and last passage, with the passage it lies in."""
    if not passages:
        return []
    spans, index = [], 0
    ordered = sorted(passages, key=lambda p: p.start)
    position = ordered[0].start
    position = text.rfind("\n", 0, position) + 1
    end = ordered[-1].end
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        while index < len(ordered) and ordered[index].end <= position:
            index += 1
        owner = ordered[index] if index < len(ordered) and ordered[index].start < stop else None
        spans.append((position, stop, owner))
        position = stop + 1
    return spans


def _collect_sections(text: str, passages: list[Passage]) -> tuple[list[_Section], list[tuple], set[int]]:
    """Cut the document's lines into list sections; also return inline lists opened by a heading."""
    sections: list[_Section] = []
    inline: list[tuple[int, int, str | None, str | None]] = []
    used: set[int] = set()
    current: _Section | None = None
    blank = False
    for a, b, passage in _line_spans(text, passages):
        raw = text[a:b]
        line = raw.strip()
        if not line:
            blank = True
            continue
        if passage is None or passage.boilerplate:
            current, blank = None, False
            continue
        heading = _HEADING.match(text, a, b)
        if heading and not heading["vote"] and (heading["count"] is None or heading["sponsor"]):
            kind = "organisation" if heading["org"] else "individual" if heading["ind"] else "state" if heading["sponsor"] else None
            role = sponsor_role(heading["sponsor"]) if heading["sponsor"] else None
            count = int(heading["count"]) if heading["count"] else None
            if heading["rest"]:
                inline.append((heading.start("rest"), passage.end, kind, role))
                current = None
            else:
                current = _Section(kind, role, count, [])
                sections.append(current)
            used.add(passage.n)
            blank = False
            continue
        if heading and heading["vote"]:
            current, blank = None, False
            continue
        if current is None:
            closing = _SALUTATION.match(line)
            intro = (line.endswith(":") and b >= passage.end - 1 and _INTRO.search(passage.text)
                     and not _ASKING.search(passage.text))
            if closing or intro:
                current = _Section(None, None, None, [], strict=bool(closing))
                sections.append(current)
            blank = False
            continue
        start = a + len(raw) - len(raw.lstrip())
        bullet = _BULLET.match(text, start, b)
        previous = current.lines[-1] if current.lines else None
        if previous and not blank and not bullet and not _ends_list(line) and _continues(text, previous, start, line):
            previous.end = b - (len(raw) - len(raw.rstrip()))
        elif _ends_list(line) or _is_running_text(_folded(text, a, b)) or (current.strict and not _looks_like_name(line)):
            current, blank = None, False
            continue
        else:
            current.lines.append(_Line(start, start + len(line), bool(bullet), blank, start - a))
        used.add(passage.n)
        blank = False
    return sections, inline, used


def _continues(text: str, previous: _Line, start: int, line: str) -> bool:
    """A line carries on the one before: indented under it, a parenthesis alone, or after a dangling word."""
    indent = start - (text.rfind("\n", 0, start) + 1)
    last = _folded(text, previous.start, previous.end)
    if line.startswith("(") and line.endswith(")"):
        return True
    if last.count("(") > last.count(")"):
        return True
    dangling = last.endswith((",", "&", "-")) or last.rsplit(" ", 1)[-1].lower() in {"and", "of", "for", "in", "the", "on", "to"}
    return indent > previous.indent or dangling


def _body(text: str, line: _Line) -> tuple[int, int]:
    """Offsets of a line's text after its bullet or number."""
    bullet = _BULLET.match(text, line.start, line.end)
    return (bullet.end() if bullet else line.start), line.end


def _read_section(text: str, section: _Section) -> list[Signatory]:
    entries: list[Signatory] = []
    affiliated: set[int] = set()
    heading_country: tuple[str, str, int, int] | None = None
    lines = [line for line in section.lines if _body(text, line)[1] > _body(text, line)[0]]
    for index, line in enumerate(lines):
        a, b = _body(text, line)
        country = country_of(text, a, b)
        if line.blank_before:
            heading_country = None
        several = _several_states(text, a, b) if not country else []
        if several:  # "Albania, Andorra, Australia," on one line of a list
            entries += [state_entry(text, state, section.role) for state in several]
            continue
        if section.kind == "state":
            if country:
                entries.append(state_entry(text, country, section.role))
            continue
        if country:
            following = lines[index + 1] if index + 1 < len(lines) else None
            previous = entries[-1] if entries else None
            right_after_name = previous is not None and not previous.roles_from_lines
            if (previous and right_after_name and previous.kind != "state" and not previous.country
                    and not line.blank_before and not line.bullet):
                previous.set_country(text[country[2]:country[3]], country[1], country[2])
                previous.end = country[3]
                continue
            if following and not following.blank_before and not country_of(text, *_body(text, following)):
                heading_country = country
                continue
            entries.append(state_entry(text, country, section.role))
            continue
        body = _folded(text, a, b)
        previous = entries[-1] if entries else None
        if (previous and previous.kind == "individual" and not line.bullet and not line.blank_before
                and section.kind != "organisation" and _is_role_line(body, section.kind)):
            if previous.roles and not previous.roles_from_lines and ROLE_START.match(body) \
                    and not ROLE_START.match(previous.roles[0]):
                previous.roles.clear()  # "Name, Party" over "Member of Parliament": the office is the role
            previous.roles.append(body)
            previous.roles_from_lines = True
            previous.end = b
            continue
        if previous and previous.roles_from_lines and not line.blank_before and len(body.split()) == 1:
            previous.roles[-1] += " " + body  # "Member of the National" / "Assembly"
            previous.end = b
            continue
        if (section.strict and previous and previous.roles_from_lines and len(previous.roles) == 1
                and id(previous) not in affiliated and not line.blank_before and not looks_like_person(body)):
            previous.roles[-1] += ", " + body  # a signature block: name, post, then the post's organisation
            previous.end = b
            affiliated.add(id(previous))
            continue
        if not _looks_like_name(body):
            continue
        entry = make_entry(text, a, b, section.kind)
        if heading_country and not entry.country:
            entry.set_country(text[heading_country[2]:heading_country[3]], heading_country[1], heading_country[2])
        entries.append(entry)
    return entries


#: Words of an office or post: a line holding one under a person's name is that person's role.
_ROLE_WORDS = re.compile(
    r"\b(?:director|coordinator|chair(?:man|woman|person)?|president|officer|researcher|professor|lecturer|representative"
    r"|secretary|executive|advis[eo]r|founder|manager|head|member|attorney|lawyer|journalist|author|rapporteur|senator"
    r"|ambassador|minister|MP|MEP|editor|pastor|priest|fellow|scholar|activist|survivor|student)\b",
    re.IGNORECASE,
)


def _several_states(text: str, a: int, b: int) -> list[tuple[str, str, int, int]]:
    """The states of a line that names two or more of them and nothing else."""
    pieces = split_names(text, a, b)
    if len(pieces) < 2:
        return []
    states = [country_of(text, *piece) for piece in pieces]
    return states if all(states) else []  # type: ignore[return-value]


def _is_role_line(body: str, kind: str | None) -> bool:
    if ROLE_START.match(body) or (_ROLE_WORDS.search(body) and not split_person_role(body)):
        return True
    return kind == "individual" and not (looks_like_person(body) or split_person_role(body))


def _read_stacked_sponsors(text: str, sections: list[_Section]) -> list[Signatory]:
    """Labels stacked with counts and no names ("- Main sponsors2", "- Co-sponsors16"), then lists
    separated by empty bullets: each list takes the label whose count it fits."""
    labels = [(s.role, s.count) for s in sections[:-1]]
    last = sections[-1]
    labels.append((last.role, last.count))
    groups: list[list[_Line]] = [[]]
    for line in last.lines:
        a, b = _body(text, line)
        if b <= a:
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(line)
    groups = [g for g in groups if g]
    entries = []
    for role, group in zip(assign_groups(labels, [len(g) for g in groups]), groups):
        entries += _read_section(text, _Section("state", role, None, group))
    return entries


def _sponsor_sections(text: str, sections: list[_Section]) -> list[Signatory]:
    """Read sections in order, handing runs of stacked sponsor labels to :func:`_read_stacked_sponsors`."""
    entries: list[Signatory] = []
    pending: list[_Section] = []
    for section in sections:
        if section.role and not section.lines:
            pending.append(section)
            continue
        if section.role and pending:
            entries += _read_stacked_sponsors(text, [*pending, section])
        else:
            entries += _read_section(text, section)
        pending = []
    return entries


_NAME_COLUMN = re.compile(r"(?:(?P<org>organi[sz]ations?|groups?|ngos?)|(?P<ind>individuals?|persons?)"
                          r"|names?|signator(?:y|ies)|signers?|endorsers?)", re.IGNORECASE)
_COUNTRY_COLUMN = re.compile(r"(?:country|countries|country/region|nationality|based in|location)", re.IGNORECASE)
_TABLE_RULE = re.compile(r"\s*\|?[\s:|+-]*-[\s:|+-]*$")


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Offsets of the cells of a pipe-table row, each trimmed of spaces and emphasis marks."""
    bars = [i for i in range(a, b) if text[i] == "|"]
    cells = []
    for left, right in pairwise(bars):
        start, end = left + 1, right
        while start < end and text[start] in " \t*_":
            start += 1
        while end > start and text[end - 1] in " \t*_":
            end -= 1
        cells.append((start, end))
    return cells


def _read_tables(text: str, passages: list[Passage]) -> tuple[list[Signatory], set[int]]:
    """Signatories in a pipe table whose header names a column of names (and perhaps one of countries)."""
    entries: list[Signatory] = []
    used: set[int] = set()
    columns: tuple[int, int | None, str | None] | None = None
    for a, b, passage in _line_spans(text, passages):
        line = text[a:b].strip()
        if _TABLE_RULE.match(line) and "-" in line:
            continue  # the rule under a header row holds no words, so no passage
        if not line.startswith("|") or passage is None or passage.boilerplate:
            columns = None
            continue
        cells = _cells(text, a, b)
        labels = [text[c:d] for c, d in cells]
        names = [i for i, label in enumerate(labels) if _NAME_COLUMN.fullmatch(label)]
        if names:
            heading = _NAME_COLUMN.fullmatch(labels[names[0]])
            kind = "organisation" if heading["org"] else "individual" if heading["ind"] else None
            country = next((i for i, label in enumerate(labels) if _COUNTRY_COLUMN.fullmatch(label)), None)
            columns = (names[0], country, kind)
            continue
        if columns is None or columns[0] >= len(cells):
            continue
        name_at, country_at, kind = columns
        start, end = cells[name_at]
        if end <= start or not _looks_like_name(text[start:end]):
            continue
        entry = make_entry(text, start, end, kind)
        if country_at is not None and country_at < len(cells) and not entry.country:
            country = country_of(text, *cells[country_at])
            if country and country[1]:
                entry.set_country(text[country[2]:country[3]], country[1], country[2])
                entry.end = max(entry.end, country[3])
        entries.append(entry)
        used.add(passage.n)
    return entries, used


def find_signatories(text: str, passages: list[Passage], sponsor_spans: list[tuple[int, int]] = ()) -> SignatoryLists:
    """Find every listed or inline signatory among a document's passages.

    ``sponsor_spans`` are spans of a draft resolution's list of sponsoring states.
    """
    sections, headed_inline, used = _collect_sections(text, passages)
    found = _sponsor_sections(text, sections)
    tabled, in_tables = _read_tables(text, passages)
    found += tabled
    used |= in_tables
    for a, b in sponsor_spans:
        found += [state_entry(text, state, "sponsor") for state in sponsor_states(text, a, b)]
    for start, end, kind, role in headed_inline:
        listed_here = inline_entries(text, start, end, kind, cue="signed")
        for entry in listed_here:
            if role and entry.kind == "state":
                entry.roles = [role]
        found += [e for e in listed_here if e.kind == "state" or kind != "state"]
    listed = [(e.start, e.end) for e in found]
    last = max((p.end for p in passages), default=len(text))
    for passage in passages:
        if passage.kind == "body" or passage.kind == "heading":
            if passage.n in used or passage.boilerplate:
                continue
            for entry in inline_entries(text, passage.start, passage.end, None, limit=last):
                if not any(a <= entry.start < b for a, b in listed):
                    found.append(entry)
    # passages of running text that hold an inline list stay text: only lists of their own are marked
    return SignatoryLists(_unique(found), used)


def _unique(entries: list[Signatory]) -> list[Signatory]:
    """One entry per state and per name: a list restated in the body is not a second signature."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for entry in entries:
        state = normalise_country(entry.name_as_written) if entry.kind == "state" else None
        key = (entry.kind, state[1] if state else canonical_key(entry.name_as_written))
        if key in seen:
            continue
        seen.add(key)
        kept.append(entry)
    return kept


def canonicalise_names(signatories: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose ``name`` is one canonical spelling per organisation, person or state.

    Organisations written two ways meet under :func:`canonical_key`; the spelling that
    carries an acronym wins (it is the most complete), then the most frequent.
    Individuals lose honorifics and degrees; states take their short English name.
    """
    frame = signatories.copy()
    if frame.empty:
        return frame
    people = frame["kind"] == "individual"
    states = frame["kind"] == "state"
    frame.loc[people, "name"] = frame.loc[people, "name_as_written"].map(canonical_person)
    frame.loc[states, "name"] = frame.loc[states, "name_as_written"].map(
        lambda name: (normalise_country(name) or (name,))[0])
    others = ~people & ~states
    organisations = frame.loc[others, "name_as_written"]
    keys = organisations.map(canonical_key)
    best: dict[str, str] = {}
    for key, group in organisations.groupby(keys):
        ranked = sorted(group.value_counts().items(), key=lambda kv: (not re.search(r"\([^()]+\)\s*$", kv[0]), -kv[1]))
        best[key] = ranked[0][0]
    frame.loc[others, "name"] = keys.map(best)
    return frame


# --- Lists written into a sentence ---------------------------------------------------------

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
    return entries


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
    found: list[Signatory] = []
    taken: list[tuple[int, int]] = []
    for pattern, reader in ((_ALIGN_CUE, "align"), (_NAMES_CUE, "names"), (_COLON_CUE, "names"), (_STATES_CUE, "states")):
        for match in pattern.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in taken):
                continue
            # a sentence may run on past its passage ("... Shelter Network, and" / "Jane Roe, a researcher.")
            stop = _sentence_end(text, match.end(), min(limit or end, match.end() + 4000))
            if reader == "align":
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
