"""Signatory lists: who signed a document, of what kind, from which country, with what role.

This module finds where a document's lists are and gathers what they hold. A list opens
at a heading ("Signatories", "First signatories", "**Organisations**", "## Co-sponsors (22)",
"Signed by:", "Endorsed by"), after a closing salutation ("Sincerely,"), or after a sentence
that ends with a colon and speaks of signing. It runs line by line, a line indented under
the one before or left dangling ("... and") carrying it on, and ends at a vote heading
("In favour"), a footnote, a note on the marks glued to its entries ("* Institutions
listed for identification only."), page debris or running text. A country written as a
Markdown heading ("**Japan**", "### Japan") does not end a list: it heads the names below.

The lines of each list, and pipe tables of signatories, are read in
:mod:`nkhr.extract.list_layouts`; lists written into a sentence ("signed by A, B and C",
"on behalf of A, B, ... and the European Union", "associate themselves with this
statement: A, B") in :mod:`nkhr.extract.inline`. A country is recorded only where the
text states one: never guessed from a name.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Groups\\nBALAOD MindanawPhilippines\\nLiberty in North Korea (LiNK)\\n"
>>> lists = find_signatories(text, split_passages(text, 0, len(text)))
>>> [(s.name_as_written, s.country) for s in lists.entries]
[('BALAOD Mindanaw', 'Philippines'), ('Liberty in North Korea (LiNK)', '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..read.segmenting import Passage
from .countries import normalise_country
from .inline import inline_entries
from .list_layouts import (
    BULLET,
    ListLine,
    ListSection,
    emphasised,
    folded,
    line_spans,
    looks_like_name,
    read_sections,
    read_tables,
)
from .names import Signatory, canonical_key, canonical_person, country_of, state_entry
from .sponsors import sponsor_role, sponsor_states

__all__ = ["Signatory", "SignatoryLists", "canonical_key", "canonical_person", "canonicalise_names", "find_signatories"]

_DECOR = r"[\s#*_>•·–-]*"
#: A line that heads a list (or a vote, which ends one), with an optional note, count or inline list.
_HEADING = re.compile(
    _DECOR
    + r"(?:(?P<org>(?:(?:endorsing|supporting|signatory|signing|participating|member|civil[\s-]society|non-governmental"
    r"|international|national|local)\s+)*(?:groups|organi[sz]ations|ngos|coalitions|institutions))"
    r"|(?P<ind>(?:individual|personal|expert)\s+(?:signatories|signers|endorsers|supporters)|individuals|persons|experts)"
    r"|(?P<any>(?:list\s+of\s+|(?:first|initial|original|founding|additional|further|new|latest)\s+)?"
    r"(?:signatories|co-?signatories|signers|co-?signers|endorsers|supporters)"
    r"|signed(?:\s+by)?|endorsed\s+by|endorsements|supported\s+by|joined\s+by|adopted\s+by|the\s+undersigned)"
    r"|(?P<vote>in\s+favou?r|against|abstaining|abstentions?|abstained|absent|non-voting|did\s+not\s+vote)"
    r"|(?P<sponsor>(?:main\s+)?sponsors?|co-?\s?sponsors?|submitted\s+by))"
    r"(?=[\s*_(:\d]|$)[\s*_]*(?:\((?P<note>[^()]*)\)|(?P<count>\d{1,4}))?[\s*_]*"
    r"(?::[\s*_]*(?P<rest>\S.*?)?)?[\s*_]*$",
    re.IGNORECASE,
)
#: A count of signers as a label over their names: "14 Civil Society Organizations in ROK:".
_COUNT_LABEL = re.compile(
    _DECOR + r"(?P<count>\d{1,4})\s+(?:[A-Za-z’'-]+\s+){0,4}?(?:(?P<org>organi[sz]ations|groups|NGOs|associations)"
    r"|(?P<ind>individuals|persons)|signatories|signers)"
    r"(?:\s+(?:in|from|of|based\s+in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})?"
    r"\s*:[\s*_]*(?P<rest>\S.*?)?[\s*_]*$",
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
_FOOTNOTE = re.compile(r"\s*(?:\[\^?\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s|[*†‡]+\s*\S+(?:\s+\S+){5,}|\d{1,3}\s+[A-Z].*\S\s+\S.*[.]$)")
_RULE = re.compile(r"\s*(?:[-=_*~]\s*){3,}$")
#: Lines of page furniture that end a list (generic site words, never a statement's own).
_FURNITURE = re.compile(
    r"\W*(?:share|tags?|related|contacts?|media contact|press contact|for more information|notes?|footnotes?|references"
    r"|sources?|back to top|print|list|posted|last updated|published|read more|click|download|comments?|copyright|©"
    r"|summary|background|annex|about (?:us|the)|page\s+\d+|tel(?:ephone)?\b|e-?mail\b|phone\b|fax\b|website\b"
    r"|add\s+your\s+(?:name|signature|voice)|sign\s+(?:now|here|up|the\s+(?:petition|appeal|letter)))\b",
    re.IGNORECASE,
)
_SMALL = {"a", "an", "the", "of", "for", "and", "or", "on", "in", "to", "by", "at", "with", "from", "de", "&"}


@dataclass
class SignatoryLists:
    """The signatories found in a document and the passages their lists occupy."""

    entries: list[Signatory]
    passages: set[int]


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


def _ends_list(line: str) -> bool:
    """A line after which a list does not go on; a country written as a heading ("### Japan") heads a group of it."""
    title = line.strip().lstrip("#").strip()
    heading = line.lstrip().startswith("#") and not country_of(title, 0, len(title))
    return bool(_FOOTNOTE.match(line) or _RULE.match(line) or _FURNITURE.match(line) or " | " in line or " · " in line
                or heading)


def _collect_sections(text: str, passages: list[Passage]) -> tuple[list[ListSection], list[tuple], set[int]]:
    """Cut the document's lines into list sections; also return inline lists opened by a heading."""
    sections: list[ListSection] = []
    inline: list[tuple[int, int, str | None, str | None]] = []
    used: set[int] = set()
    current: ListSection | None = None
    blank = False
    for a, b, passage in line_spans(text, passages):
        raw = text[a:b]
        line = raw.strip()
        if not line:
            blank = True
            continue
        if passage is None or passage.boilerplate:
            current, blank = None, False
            continue
        label = _COUNT_LABEL.match(text, a, b)
        if label:  # "14 Civil Society Organizations in ROK:" heads the names that follow it
            kind = "organisation" if label["org"] else "individual" if label["ind"] else None
            if label["rest"]:
                inline.append((label.start("rest"), passage.end, kind, None))
                current = None
            else:
                current = ListSection(kind, None, int(label["count"]), [])
                sections.append(current)
            used.add(passage.n)
            blank = False
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
                current = ListSection(kind, role, count, [])
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
                current = ListSection(None, None, None, [], strict=bool(closing))
                sections.append(current)
            blank = False
            continue
        start = a + len(raw) - len(raw.lstrip())
        bullet = BULLET.match(text, start, b)
        previous = current.lines[-1] if current.lines else None
        if _explains_marks(text, current, line):
            current, blank = None, False
            continue
        if previous and not blank and not bullet and not _ends_list(line) and _continues(text, previous, start, line):
            previous.end = b - (len(raw) - len(raw.rstrip()))
        elif _ends_list(line) or _is_running_text(folded(text, a, b)) or (
                current.strict and not _may_be_signed(text[bullet.end():b].strip() if bullet else line)):
            current, blank = None, False
            continue
        else:
            current.lines.append(ListLine(start, start + len(line), bool(bullet), blank, start - a))
        used.add(passage.n)
        blank = False
    return sections, inline, used


def _may_be_signed(line: str) -> bool:
    """Whether a line under a closing salutation may belong to the signatures: a name, or a country
    written as a heading over the names from it ("**Japan**").

    >>> _may_be_signed("Jo Park, journalist"), _may_be_signed("**Japan**"), _may_be_signed("**Read more**")
    (True, True, False)
    """
    heading = emphasised(line)
    return bool(country_of(heading, 0, len(heading))) if heading else looks_like_name(line)


def _explains_marks(text: str, section: ListSection, line: str) -> bool:
    """A note on the marks glued to entries ("Calloway University*" ... "* Institutions listed for
    identification only.") ends the list: the entries marked are in it, the note is not.

    >>> text = "Jo Lee, Professor, Hill University*\\n"
    >>> _explains_marks(text, ListSection(None, None, None, [ListLine(0, 35, False, False, 0)]), "* Listed for identification.")
    True
    """
    mark = re.match(r"[*†‡]+(?=\s)", line)
    if not mark:
        return False
    words = line[mark.end():].split()
    if len(words) < 3 or sum(w[:1].islower() for w in words[1:]) < 0.5 * len(words[1:]):
        return False  # "* Open Gate Forum": a Markdown bullet holding a name, not a note
    glued = re.compile(r"\w" + re.escape(mark.group()) + r"(?![*†‡])")
    return any(glued.search(text, entry.start, entry.end) for entry in section.lines)


def _continues(text: str, previous: ListLine, start: int, line: str) -> bool:
    """A line carries on the one before: indented under it, a parenthesis alone, or after a dangling word."""
    indent = start - (text.rfind("\n", 0, start) + 1)
    last = folded(text, previous.start, previous.end)
    if line.startswith("(") and line.endswith(")"):
        return True
    if last.count("(") > last.count(")"):
        return True
    dangling = last.endswith((",", "&", "-")) or last.rsplit(" ", 1)[-1].lower() in {"and", "of", "for", "in", "the", "on", "to"}
    return indent > previous.indent or dangling


def find_signatories(text: str, passages: list[Passage], sponsor_spans: list[tuple[int, int]] = ()) -> SignatoryLists:
    """Find every listed or inline signatory among a document's passages.

    ``sponsor_spans`` are spans of a draft resolution's list of sponsoring states.
    """
    sections, headed_inline, used = _collect_sections(text, passages)
    found = read_sections(text, sections)
    tabled, in_tables = read_tables(text, passages)
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
