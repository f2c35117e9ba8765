"""Reading a signatory list's lines once they are found: each layout a list is written in.

:func:`read_sections` turns the sections that :mod:`nkhr.extract.signatories` cuts from a
document into entries:

* one name a line, bulleted or numbered or bare (a wrapped name arrives as one line);
* name and country (or an individual's role) on one line, which :func:`~nkhr.extract.names.make_entry` splits;
* name on one line, its country or role on the next; an office broken over two lines;
* a signature block after a closing salutation: name, post, then the post's organisation;
* groups under country headings: a country line followed by names heads them; a first
  group without a heading gets no country; a country in bold or as a Markdown heading
  ("**Japan**") heads every name until the next one, across blank lines;
* a table made text, one cell a line, under a header of column labels ("Name" /
  "Organisation / title" / "Country"): a name, an individual's post on the next line, and
  the country, perhaps after the blank line an empty cell leaves;
* several states on one line, lists of states, and a resolution's stacked sponsor labels
  ("Main sponsors2", "Co-sponsors16") whose lists follow separated by empty bullets.

:func:`read_tables` reads a pipe table whose header names a column of names (and perhaps
one of countries). A country is recorded only where the text states one: never guessed
from a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..read.segmenting import Passage
from .names import (
    ROLE_START,
    Signatory,
    country_of,
    looks_like_person,
    make_entry,
    split_names,
    split_person_role,
    state_entry,
)
from .sponsors import assign_groups

__all__ = ["BULLET", "ListLine", "ListSection", "emphasised", "folded", "line_spans", "looks_like_name", "read_sections",
           "read_tables"]

#: A bullet or number opening a list line: "-", "•", "1.", "2)", "(3)".
BULLET = re.compile(r"\s*(?:[-•*–·▪◦]|\d{1,3}[.)]|\(\d{1,3}\))(?:\s+|$)")


@dataclass
class ListLine:
    """One list line (with its wrapped continuations) as offsets into the text."""

    start: int
    end: int
    bullet: bool
    blank_before: bool
    indent: int


@dataclass
class ListSection:
    """The lines of one list, with the kind and role its heading gives every entry and the count it states."""

    kind: str | None
    role: str | None
    count: int | None
    lines: list[ListLine]
    strict: bool = False  # opened by a salutation: only name-like lines belong to it


def folded(text: str, a: int, b: int) -> str:
    """``text[a:b]`` with each run of spaces and line breaks made one space.

    >>> folded("League of Friends of the\\n   Northern Families", 0, 45)
    'League of Friends of the Northern Families'
    """
    return " ".join(text[a:b].split())


#: Markdown emphasis or heading marks around a line: "**Japan**", "### Japan", "__Canada__".
_EMPHASIS = re.compile(r"\s*(?:#{1,6}\s+)?(?P<marks>\*\*|__)(?P<inner>[^*_\n]+?)(?P=marks)\s*$|\s*#{1,6}\s+(?P<title>\S.*?)\s*$")


def emphasised(line: str) -> str | None:
    """The words of a line written as a Markdown heading or in bold, else None.

    >>> emphasised("**Republic of Korea**"), emphasised("### Japan"), emphasised("Japan")
    ('Republic of Korea', 'Japan', None)
    """
    span = _emphasised_span(line, 0, len(line))
    return line[span[0]:span[1]] if span else None


def _emphasised_span(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Offsets of the words of ``text[a:b]`` inside its heading or bold marks, or None."""
    match = _EMPHASIS.match(text, a, b)
    if not match:
        return None
    group = "inner" if match["inner"] else "title"
    start, end = match.span(group)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def looks_like_name(line: str) -> bool:
    """Whether a line may hold a name: starts with a capital or digit, mostly letters, no link."""
    if not line or not (line[0].isupper() or line[0].isdigit() or not line[0].isascii()) or "http" in line or "@" in line:
        return False
    if re.match(r"(?:the\s+)?(?:undersigned|following)\b", line, re.IGNORECASE):
        return False  # "The undersigned organisations": words about the list, not a name in it
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 2 and letters > sum(ch.isdigit() for ch in line) * 2


def line_spans(text: str, passages: list[Passage]) -> list[tuple[int, int, Passage | None]]:
    """Every line of the document between its first and last passage, with the passage it lies in."""
    if not passages:
        return []
    spans, index = [], 0
    ordered = sorted(passages, key=lambda p: p.start)
    position = ordered[0].start
    position = text.rfind("\n", 0, position) + 1
    # Whole lines: a passage may end before the table border that closes its last line.
    line_end = text.find("\n", ordered[-1].end)
    end = len(text) if line_end < 0 else line_end
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        while index < len(ordered) and ordered[index].end <= position:
            index += 1
        owner = ordered[index] if index < len(ordered) and ordered[index].start < stop else None
        spans.append((position, stop, owner))
        position = stop + 1
    return spans


def _body(text: str, line: ListLine) -> tuple[int, int]:
    """Offsets of a line's text after its bullet or number."""
    bullet = BULLET.match(text, line.start, line.end)
    return (bullet.end() if bullet else line.start), line.end


def _read_section(text: str, section: ListSection) -> list[Signatory]:
    header = _column_header(text, section.lines)
    if header:
        return _read_columns(text, section, header)
    entries: list[Signatory] = []
    affiliated: set[int] = set()
    heading_country: tuple[str, str, int, int] | None = None
    # a country written as a heading ("**Japan**", "### Japan") heads every group until the next one,
    # across the blank lines a Markdown list keeps between a heading and its bullets
    heading_marked = False
    lines = [line for line in section.lines if _body(text, line)[1] > _body(text, line)[0]]
    for index, line in enumerate(lines):
        a, b = _body(text, line)
        marks = _emphasised_span(text, a, b) if not line.bullet else None
        country = country_of(text, *(marks or (a, b)))
        if line.blank_before and not heading_marked:
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
            marked = marks is not None
            if (previous and right_after_name and previous.kind != "state" and not previous.country
                    and not line.blank_before and not line.bullet and not marked):
                previous.set_country(text[country[2]:country[3]], country[1], country[2])
                previous.end = country[3]
                continue
            if following and (marked or not following.blank_before) and not country_of(text, *_body(text, following)):
                heading_country, heading_marked = country, marked
                continue
            entries.append(state_entry(text, country, section.role))
            continue
        body = folded(text, a, b)
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
        if not looks_like_name(body):
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


def _read_stacked_sponsors(text: str, sections: list[ListSection]) -> list[Signatory]:
    """Labels stacked with counts and no names ("- Main sponsors2", "- Co-sponsors16"), then lists
    separated by empty bullets: each list takes the label whose count it fits."""
    labels = [(s.role, s.count) for s in sections[:-1]]
    last = sections[-1]
    labels.append((last.role, last.count))
    groups: list[list[ListLine]] = [[]]
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
        entries += _read_section(text, ListSection("state", role, None, group))
    return entries


def read_sections(text: str, sections: list[ListSection]) -> list[Signatory]:
    """Read sections in order, handing runs of stacked sponsor labels to :func:`_read_stacked_sponsors`."""
    entries: list[Signatory] = []
    pending: list[ListSection] = []
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


#: The label of a column beside the names that holds an individual's post or affiliation.
_ROLE_COLUMN = re.compile(r"(?:organi[sz]ation|affiliation|institution|title|position|role|function|post)"
                          r"(?:\s*[/,&]\s*(?:organi[sz]ation|affiliation|institution|title|position|role|function))?",
                          re.IGNORECASE)


@dataclass
class _Columns:
    """A table whose cells arrive one a line (an HTML table made text): its header lines and columns."""

    header_lines: int
    kind: str | None
    role_columns: int
    has_country: bool


def _column_header(text: str, lines: list[ListLine]) -> _Columns | None:
    """The column labels a list opens with, one a line ("Name" / "Organisation / title" / "Country").

    The first label names the column of names; at least one more label follows.
    """
    labels = []
    for line in lines[:4]:
        if labels and line.blank_before:
            break
        labels.append(folded(text, line.start, line.end).strip(" *_:"))
    if len(labels) < 2 or not _NAME_COLUMN.fullmatch(labels[0]):
        return None
    count, role_columns, has_country = 1, 0, False
    for label in labels[1:]:
        if _COUNTRY_COLUMN.fullmatch(label) and not has_country:
            has_country = True
        elif _ROLE_COLUMN.fullmatch(label):
            role_columns += 1
        else:
            break
        count += 1
    if count < 2:
        return None
    heading = _NAME_COLUMN.fullmatch(labels[0])
    kind = "organisation" if heading["org"] else "individual" if heading["ind"] else None
    return _Columns(count, kind, role_columns, has_country)


def _read_columns(text: str, section: ListSection, columns: _Columns) -> list[Signatory]:
    """Rows of a table whose cells stand one a line: a name, then (on the next line) a post or
    affiliation, and the country, which may come after a blank line left by an empty cell.

    A row begins after a blank line; a country closes it. A post is kept for an individual only.
    """
    entries: list[Signatory] = []
    current: Signatory | None = None
    roles_read = 0
    for line in section.lines[columns.header_lines:]:
        a, b = _body(text, line)
        country = country_of(text, a, b) if columns.has_country else None
        if current is not None and country and not current.country:
            current.set_country(text[country[2]:country[3]], country[1], country[2])
            current.end = country[3]
            current = None
            continue
        body = folded(text, a, b)
        if current is not None and not line.blank_before and roles_read < columns.role_columns:
            roles_read += 1  # "Director" / "Harbour Institute": a post and its organisation make one role
            if current.kind == "individual" or (columns.kind is None and looks_like_person(current.name_as_written)):
                current.kind = "individual"
                current.roles[-1:] = [", ".join([*current.roles[-1:], body])]
                current.end = b
            continue
        if not looks_like_name(body):
            current = None
            continue
        current = make_entry(text, a, b, section.kind or columns.kind)
        roles_read = 0
        entries.append(current)
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


def read_tables(text: str, passages: list[Passage]) -> tuple[list[Signatory], set[int]]:
    """Signatories in a pipe table whose header names a column of names (and perhaps one of countries),
    and the passages the table's rows occupy.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "| No. | Organisation | Country |\\n|---|---|---|\\n| 1 | Tide Line Aid | Japan |\\n\\nShare this\\n"
    >>> entries, rows = read_tables(text, split_passages(text, 0, len(text)))
    >>> [(e.name_as_written, e.kind, e.country) for e in entries]
    [('Tide Line Aid', 'organisation', 'Japan')]
    """
    entries: list[Signatory] = []
    used: set[int] = set()
    columns: tuple[int, int | None, str | None] | None = None
    for a, b, passage in line_spans(text, passages):
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
        if end <= start or not looks_like_name(text[start:end]):
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
