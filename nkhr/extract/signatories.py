"""Signatory lists: who signed a document, of what kind, from which country, with what role.

A list starts at a heading such as "Groups", "Organisations", "Individuals" or
"Signatories" and runs until page debris, another document or running text. Three
layouts are read:

* name and country (or an individual's role) run together on one line:
  ``BALAOD MindanawPhilippines``, ``Sonja BiserkoFormer Commission of Inquiry member``;
* name on one line, country or role on the next;
* bullets under a country heading (``Japan`` then ``- Org A``, ``- Org B``).

A sentence "signed by A, B, and C" is read as an inline list. A country is recorded
only where the text states one: never guessed from a name.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Groups\\nBALAOD MindanawPhilippines\\nLiberty in North Korea (LiNK)\\n"
>>> lists = find_signatories(text, split_passages(text, 0, len(text)))
>>> [(s.name_as_written, s.country) for s in lists.entries]
[('BALAOD Mindanaw', 'Philippines'), ('Liberty in North Korea (LiNK)', '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..read.segmenting import Passage
from .countries import normalise_country

_SECTION = re.compile(
    r"^(?:(?P<org>groups|organi[sz]ations|ngos|civil society organi[sz]ations|(?:endorsing|supporting|signatory) organi[sz]ations)"
    r"|(?P<ind>individuals|individual signatories|persons|experts)"
    r"|(?P<any>signatories|signed|signed by|co-?signatories|co-?signers|endorsed by|endorsements|list of signatories))\s*:?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,3}[.)])\s+")
_ORG_WORDS = re.compile(
    r"\b(?:association|cent(?:er|re)|foundation|institut(?:e|ion)|network|group|committee|coalition|council|union|alliance"
    r"|project|initiative|watch|society|organi[sz]ation|church|university|campaign|fund|federation|league|academy"
    r"|solidarity|forum|partners|international|service|agency|movement|friends|citizens|rights|justice|media"
    r"|commission|party|parliament|ministry|office|team)\b",
    re.IGNORECASE,
)
_PARTICLES = {"van", "von", "de", "del", "da", "di", "du", "la", "le", "bin", "binti", "al", "el", "der", "den", "ter"}
_LEADING_TITLES = re.compile(
    r"^(?:(?:Lord|Lady|Baroness|Baron|Sir|Dame|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Rev\.?|Hon\.?|Senator|Ambassador|Judge)\s+)+"
)
_TRAILING_TITLES = re.compile(
    r"(?:,?\s+(?:Lord|Baroness|Ph\.?\s?D\.?|Dr\.?|Prof\.?|MP|MEP|OBE|CBE|KBE|MBE|QC|KC|M\.?D\.?|Esq\.?))+\s*$"
)
_ROLE_START = re.compile(
    r"^(?:Former|Current|Chair|Co-?chair|Director|Member|President|Vice|Professor|Executive|Founder|Co-?founder|Senior"
    r"|Special|Secretary|Head|Lead|Coordinator|Representative|Researcher|Lecturer|Advisor|Adviser|Board|Independent)\b"
)
_INLINE = re.compile(r"\b(?:signed|endorsed|co-signed|supported) by\s+(?P<list>[^.;:\n]+)")


@dataclass
class Signatory:
    """One signatory as written, with the span of its whole entry."""

    name_as_written: str
    kind: str
    start: int
    end: int
    country: str = ""
    iso3: str = ""
    roles: list[str] = field(default_factory=list)
    #: where the country is written (it may stand outside the entry, as a heading)
    country_start: int | None = None
    country_end: int | None = None

    def set_country(self, as_written: str, iso3: str, start: int) -> None:
        self.country, self.iso3 = as_written, iso3
        self.country_start, self.country_end = start, start + len(as_written)

    @property
    def role(self) -> str:
        return "; ".join(self.roles)


def canonical_person(name: str) -> str:
    """Drop honorifics and degrees: 'David Alton, Lord' -> 'David Alton'.

    >>> canonical_person("Yanghee Lee, Ph.D.")
    'Yanghee Lee'
    >>> canonical_person("Dr. Jane Roe")
    'Jane Roe'
    """
    name = _TRAILING_TITLES.sub("", " ".join(name.split()))
    return _LEADING_TITLES.sub("", name).strip(" ,")


def canonical_key(name: str) -> str:
    """A key under which spellings of one organisation meet: case, quotes and a trailing acronym folded.

    >>> canonical_key("Now Action & Unity for Human Rights (NAUH)") == canonical_key("Now Action & Unity for Human rights")
    True
    """
    name = re.sub(r"\s*\([^()]*\)\s*$", "", " ".join(name.split()))
    return name.replace("’", "'").casefold().strip(" .,")


def _looks_like_person(line: str) -> bool:
    if _ORG_WORDS.search(line) or any(ch.isdigit() for ch in line):
        return False
    words = [w.strip(",") for w in canonical_person(line).split()]
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words if w)


def _country_line(line: str) -> tuple[str, str, int] | None:
    """The whole line is a country: return (as written, iso3, offset of the country in the line)."""
    stripped = line.strip(" ()[],;:")
    found = normalise_country(stripped)
    return (stripped, found[1], line.index(stripped)) if found and found[1] else None


def _split_country_suffix(line: str) -> tuple[str, str, str, int] | None:
    """Split 'NameCountry', 'Name, Country', 'Name (Country)' or 'Name – Country' into (name, country, iso3, where)."""
    for position in range(1, len(line)):
        if not line[position].isupper():
            continue
        before = line[:position]
        # "KoreaSouth Korea" is glued; "DPRK" is one word, not "D" + "PRK".
        glued = (before[-1].isalpha() or before[-1] in ").’'") and any(ch.islower() for ch in line[position:])
        separated = re.search(r"(?:,|\s[-–—]|\()\s*$", before) is not None
        if not (glued or separated):
            continue
        candidate = line[position:].rstrip(" )")
        found = normalise_country(candidate)
        if found and found[1]:
            name = re.sub(r"(?:,|\s[-–—]|\()\s*$", "", before).strip()
            if name:
                return name, candidate, found[1], position
    return None


#: Where a role runs on from a name: before a word that starts roles ("Nadia BaeFormer ..."), or
#: after three lower-case letters ("BiserkoIndependent"), so "McDonald" is never split.
_RUN_ON = re.compile(
    r"(?<=[A-Za-z])(?=" + _ROLE_START.pattern.lstrip("^") + r")|(?<=[a-z]{3})(?=[A-Z])|(?<=[A-Za-z]\.)(?=[A-Z](?:[a-z]|[A-Z]+\b))"
)


def _split_person_role(line: str) -> tuple[str, str] | None:
    """Split 'Sonja BiserkoFormer Commission ... member' where a role runs on from the name."""
    for match in _RUN_ON.finditer(line):
        name, role = line[: match.start()].strip(), line[match.start() :].strip()
        if _looks_like_person(name) and len(role.split()) >= 2:
            return name, role
    return None


def _section_kind(match: re.Match[str]) -> str | None:
    return "organisation" if match["org"] else "individual" if match["ind"] else None


def _entry(line: str, start: int, end: int, kind: str | None) -> Signatory:
    """Read one name line, splitting off a country or role written on the same line."""
    if kind == "individual":
        person = _split_person_role(line)
        if person:
            return Signatory(person[0], "individual", start, end, roles=[person[1]])
    split = _split_country_suffix(line)
    if split:
        name, country, iso3, position = split
        entry = Signatory(name, kind or ("individual" if _looks_like_person(name) else "organisation"), start, end)
        entry.set_country(country, iso3, start + position)
        return entry
    if kind != "organisation":
        person = _split_person_role(line)
        if person:
            return Signatory(person[0], "individual", start, end, roles=[person[1]])
    guessed = kind or ("individual" if _looks_like_person(line) else "organisation")
    return Signatory(line, guessed, start, end)


def _read_section(text: str, lines: list[tuple[int, int]], kind: str | None) -> list[Signatory]:
    entries: list[Signatory] = []
    heading_country: tuple[str, str, int] | None = None
    for index, (a, b) in enumerate(lines):
        line = text[a:b].strip()
        a += len(text[a:b]) - len(text[a:b].lstrip())
        bullet = _BULLET.match(line)
        body = line[bullet.end():] if bullet else line
        country = _country_line(body) if not bullet else None
        following = text[lines[index + 1][0]:lines[index + 1][1]] if index + 1 < len(lines) else ""
        if country and _BULLET.match(following):
            heading_country = (country[0], country[1], a + country[2])
            continue
        if country and entries and not entries[-1].country and not bullet:
            entries[-1].set_country(country[0], country[1], a + country[2])
            entries[-1].end = a + country[2] + len(country[0])
            continue
        is_role = (
            not bullet and entries and kind != "organisation"
            and (_ROLE_START.match(body) or not (_looks_like_person(body) or _split_person_role(body)))
        )
        if is_role:
            entries[-1].roles.append(body)
            entries[-1].end = b
            continue
        offset = a + (bullet.end() if bullet else 0)
        entry = _entry(body, offset, a + len(line), kind)
        if heading_country and bullet and not entry.country:
            entry.set_country(*heading_country)
        entries.append(entry)
    return entries


@dataclass
class SignatoryLists:
    """The signatories found in a document and the passages their lists occupy."""

    entries: list[Signatory]
    passages: set[int]


def find_signatories(text: str, passages: list[Passage], sponsor_spans: list[tuple[int, int]] = ()) -> SignatoryLists:
    """Find every listed or inline signatory among a document's passages.

    ``sponsor_spans`` are spans of a draft resolution's list of sponsoring states.

    A list ends at the next section heading, at page debris (a boilerplate
    passage), or at a long passage of running text.
    """
    found: list[Signatory] = []
    in_list: set[int] = set()
    section: list[tuple[int, int]] = []
    kind: str | None = None
    listing = False

    def close() -> None:
        if listing and section:
            found.extend(_read_section(text, section, kind))
        section.clear()

    for passage in passages:
        heading = _SECTION.match(passage.text)
        if heading:
            close()
            listing, kind = True, _section_kind(heading)
            in_list.add(passage.n)
            continue
        if listing and (passage.boilerplate or (len(passage.text.split()) > 30 and passage.text.endswith("."))):
            close()
            listing = False
        if listing:
            section.append((passage.start, passage.end))
            in_list.add(passage.n)
        elif passage.kind == "body":
            for match in _INLINE.finditer(text, passage.start, passage.end):
                found.extend(_inline_entries(text, match))
    close()
    return SignatoryLists(found, in_list)


def _inline_entries(text: str, match: re.Match[str]) -> list[Signatory]:
    """'signed by A, B, and C' -> three entries, each with its own offsets."""
    entries = []
    list_start = match.start("list")
    parts = list(re.finditer(r"[^,]+", match["list"]))
    for part in parts:
        raw = part.group()
        item = re.sub(r"^\s*(?:and|&)\s+", "", raw)
        item = re.sub(r"\s+and\s+", "\0", item).split("\0")
        position = list_start + part.start() + raw.index(item[0].lstrip()[:1] or " ") if item[0].strip() else None
        for piece in item:
            piece_stripped = piece.strip()
            if not piece_stripped or not piece_stripped[0].isupper():
                return []  # not a list of names after all
            offset = text.index(piece_stripped, position if position is not None else list_start)
            entries.append(_entry(piece_stripped, offset, offset + len(piece_stripped), None))
            position = offset + len(piece_stripped)
    return entries if len(entries) >= 2 else []


def canonicalise_names(signatories: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose ``name`` is one canonical spelling per organisation or person.

    Organisations written two ways meet under :func:`canonical_key`; the spelling that
    carries an acronym wins (it is the most complete), then the most frequent.
    Individuals lose honorifics and degrees.
    """
    frame = signatories.copy()
    if frame.empty:
        return frame
    people = frame["kind"] == "individual"
    frame.loc[people, "name"] = frame.loc[people, "name_as_written"].map(canonical_person)
    organisations = frame.loc[~people, "name_as_written"]
    keys = organisations.map(canonical_key)
    best: dict[str, str] = {}
    for key, group in organisations.groupby(keys):
        ranked = sorted(group.value_counts().items(), key=lambda kv: (not re.search(r"\([^()]+\)\s*$", kv[0]), -kv[1]))
        best[key] = ranked[0][0]
    frame.loc[~people, "name"] = keys.map(best)
    return frame
