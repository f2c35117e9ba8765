"""Names: a run of text cut into names, and one name read into its parts.

"A, B, and C" is cut into names with the names of states kept whole
(:func:`split_names`); one entry is read into a person's or organisation's name, the
role an individual is given and the country written beside it (:func:`make_entry`).

Lists of signatories, sponsors and issuers are written into sentences: "on behalf of
Albania, Bosnia and Herzegovina, ..., Trinidad and Tobago, the United Kingdom of Great
Britain and Northern Ireland and the European Union". Splitting on every "and" breaks
names of states; splitting only on commas glues the last two names. So the names of
countries are found first (pycountry's names, official names and common names, see
:mod:`nkhr.extract.countries`) and never cut, and of what is left only the commas,
semicolons and the conjunction before the last name separate names.

>>> text = "Albania, Bosnia and Herzegovina, Korea, Republic of, and Trinidad and Tobago"
>>> [text[a:b] for a, b in split_names(text, 0, len(text))]
['Albania', 'Bosnia and Herzegovina', 'Korea, Republic of', 'Trinidad and Tobago']
>>> text = "Amnesty International, the Open Society Group and Jane Roe"
>>> [text[a:b] for a, b in split_names(text, 0, len(text))]
['Amnesty International', 'Open Society Group', 'Jane Roe']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .countries import find_countries, normalise_country

_CONJUNCTION = re.compile(r"\s+(?:and|&|as\s+well\s+as|및|과|와)\s+|\s*,\s*(?:and|&)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[,;、]\s*")
_LEADING = re.compile(r"(?:(?:and|&|the|as\s+well\s+as)\s+)+", re.IGNORECASE)  # used with .match: anchored
_FOOTNOTE_MARKS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"
_TRAILING = _FOOTNOTE_MARKS + " .:"


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans that must not be cut: country names (with a parenthesis right after) and parentheses."""
    spans = []
    depth, opened = 0, 0
    for position in range(start, end):
        ch = text[position]
        if ch in "([":
            if depth == 0:
                opened = position
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, position + 1))
    spans += [(m.start, m.end) for m in find_countries(text, start, end)]
    return sorted(spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    lead = _LEADING.match(text, a, b)
    if lead:
        a = lead.end()
    while b > a and (text[b - 1] in _TRAILING or text[b - 1].isspace()):
        b -= 1
    # An unmatched closing parenthesis belongs to the sentence, not to the name.
    if b > a and text[b - 1] == ")" and text.count("(", a, b) < text.count(")", a, b):
        b -= 1
    return a, b


def split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Half-open spans of the names listed in ``text[start:end]``, in order."""
    protected = _protected(text, start, end)
    cuts: list[tuple[int, int]] = [
        m.span() for m in _SEPARATOR.finditer(text, start, end) if not _inside(m.start(), protected)
    ]
    # The conjunction that joins the last name: the first one after the last comma.
    tail = cuts[-1][1] if cuts else start
    for match in _CONJUNCTION.finditer(text, start, end):
        if match.start() >= tail - 1 and not _inside(match.start(), protected) and not _inside(match.end() - 1, protected):
            if not any(a <= match.start() < b for a, b in cuts):
                cuts.append(match.span())
            break
    spans, position = [], start
    for a, b in sorted(cuts):
        spans.append((position, a))
        position = b
    spans.append((position, end))
    names = [_trim(text, a, b) for a, b in spans]
    return [(a, b) for a, b in names if b > a and any(ch.isalnum() for ch in text[a:b])]


# --- One name's parts: person or organisation, role, country -----------------------------

_ORG_WORDS = re.compile(
    r"\b(?:association|cent(?:er|re)|foundation|institut(?:e|ion)|network|group|committee|coalition|council|union|alliance"
    r"|project|initiative|watch|society|organi[sz]ation|church|university|campaign|fund|federation|league|academy"
    r"|solidarity|forum|partners|international|service|agency|movement|friends|citizens|rights|justice|media"
    r"|commission|party|parliament|ministry|office|team|archive|archives|inc|ltd|llc|refugees?|support|lab|observatory"
    r"|guild|collective|trust|clinic|mission|house|shelter|circle|aid|radio|press|news|documentation|program(?:me)?"
    r"|research|studies|families|victims|survivors|lawyers|voices|bridge|hope|freedom|liberty|assistance|advocates?)\b",
    re.IGNORECASE,
)
_PARTICLES = {"van", "von", "de", "del", "da", "di", "du", "la", "le", "bin", "binti", "al", "el", "der", "den", "ter", "of"}
_LEADING_TITLES = re.compile(
    r"(?:(?:Lord|Lady|Baroness|Baron|Sir|Dame|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Rev\.?|Hon\.?|Senator|Ambassador|Judge)\s+)+"
)
_TRAILING_TITLES = re.compile(
    r"(?:,?\s+(?:Lord|Baroness|Ph\.?\s?D\.?|Dr\.?|Prof\.?|MP|MEP|OBE|CBE|KBE|MBE|QC|KC|M\.?D\.?|Esq\.?))+\s*$"
)
ROLE_START = re.compile(
    r"(?:Former|Current|Chair|Co-?chair|Director|Member|President|Vice|Professor|Executive|Founder|Co-?founder|Senior"
    r"|Special|Secretary|Head|Lead|Coordinator|Representative|Researcher|Lecturer|Advisor|Adviser|Board|Independent)\b"
)


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
    #: the role was written on lines of its own under the name
    roles_from_lines: bool = field(default=False, repr=False)

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
    return _LEADING_TITLES.sub("", name, count=1) if _LEADING_TITLES.match(name) else name.strip(" ,")


def canonical_key(name: str) -> str:
    """A key under which spellings of one organisation meet: case, punctuation, '&', a leading
    'the' and a trailing acronym folded.

    >>> canonical_key("Now Action & Unity for Human Rights (NAUH)") == canonical_key("Now Action and Unity for Human rights")
    True
    >>> canonical_key("The Citizens’ Alliance - NKHR") == canonical_key("Citizens' Alliance.")
    True
    """
    name = " ".join(name.split()).replace("’", "'").replace("‘", "'")
    name = re.sub(r"\s*(?:\([^()]*\)|[-–—,]\s*[A-Z][A-Za-z]*[A-Z]+)\s*$", "", name)
    name = re.sub(r"\s*&\s*|\s*\+\s*", " and ", name.casefold())
    name = re.sub(r"[^\w\s]", "", name)
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return name


def looks_like_person(line: str) -> bool:
    """Two to five capitalised words and nothing an organisation's name would hold.

    >>> looks_like_person("Sophie Laurent-Diallo"), looks_like_person("Hope Over Borders Network")
    (True, False)
    """
    if _ORG_WORDS.search(line) or any(ch.isdigit() for ch in line):
        return False
    bare = canonical_person(line)
    words = [w.strip(",") for w in bare.split()]
    titled = bare != " ".join(line.split())  # "Lord Whitcombe", "Dr. Roe": a title makes one word a name
    return (2 if not titled else 1) <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words if w)


#: Where a role runs on from a name: before a word that starts roles ("Nadia BaeFormer ..."), or
#: after three lower-case letters ("BiserkoIndependent"), so "McDonald" is never split.
_RUN_ON = re.compile(
    r"(?<=[A-Za-z])(?=" + ROLE_START.pattern + r")|(?<=[a-z]{3})(?=[A-Z])|(?<=[A-Za-z]\.)(?=[A-Z](?:[a-z]|[A-Z]+\b))"
)
#: A role written after a name: "Name, Role", "Name – Role", "Name - role".
_APPOSITION = re.compile(r",\s+|\s+[-–—]\s+")


def split_person_role(line: str) -> tuple[str, str] | None:
    """Split a person's name from a role run on ('Sonja BiserkoFormer member') or written after a
    comma or dash ('Tomas Novak, former diplomat').

    >>> split_person_role("Min-jun Kang, Director, Centre for Transitional Justice Studies")
    ('Min-jun Kang', 'Director, Centre for Transitional Justice Studies')
    >>> split_person_role("Richard Doe, Ph.D.") is None
    True
    """
    for match in _RUN_ON.finditer(line):
        name, role = line[: match.start()].strip(), line[match.start() :].strip()
        if looks_like_person(name) and len(role.split()) >= 2:
            return name, role
    for match in _APPOSITION.finditer(line):
        name, role = line[: match.start()].strip(), line[match.end() :].strip()
        if _TRAILING_TITLES.fullmatch(" " + role.split(",")[0]):
            continue  # "Jane Roe, MP, Member of ..." keeps the title with the name
        if looks_like_person(name) and role and any(ch.isalpha() for ch in role):
            return name, role
        break
    return None


def country_of(text: str, a: int, b: int) -> tuple[str, str, int, int] | None:
    """``(display name, iso3, start, end)`` when ``text[a:b]`` is one country (or the EU) and nothing else.

    >>> text = "(Republic of Korea)"
    >>> country_of(text, 0, len(text))
    ('South Korea', 'KOR', 1, 18)
    """
    while a < b and text[a] in " ()[],;:*†‡\t\n":
        a += 1
    while b > a and text[b - 1] in " ([],;:.*†‡\t\n" or (text[b - 1] == ")" and text.count("(", a, b) < text.count(")", a, b)):
        b -= 1
    mentions = find_countries(text, a, b)
    if len(mentions) == 1:
        head = text[a : mentions[0].start].strip().lower()
        if mentions[0].end == b and head in ("", "the"):
            return mentions[0].country, mentions[0].iso3, mentions[0].start, mentions[0].end
    return None


def _country_suffix(text: str, a: int, b: int) -> tuple[int, tuple[str, str, int, int]] | None:
    """A country ending ``text[a:b]``, written after the name: 'Name (Country)', 'Name, Country',
    'Name – Country', or run together 'NameCountry'. Returns where the name ends and the country."""
    stop = b
    while stop > a and text[stop - 1] in " )].;:*\t\n":
        stop -= 1
    for mention in find_countries(text, a, stop):
        if mention.end != stop:
            continue
        before = text[a : mention.start]
        separated = re.search(r"(?:,|\s[-–—/]|\(|\s\|| {2}|\t)\s*$", before)  # "Name  Country" in columns too
        if separated:
            return a + len(before) - len(separated.group()), (mention.country, mention.iso3, mention.start, mention.end)
    # Run together ("BALAOD MindanawPhilippines", "KoreaSouth Korea"): a country starts at a capital
    # glued to the name; "DPRK" is one word, not "D" + "PRK".
    for position in range(a + 1, stop):
        if not text[position].isupper():
            continue
        previous = text[position - 1]
        if not (previous.isalpha() or previous in ").’'") or not any(ch.islower() for ch in text[position:stop]):
            continue
        found = normalise_country(text[position:stop])
        if found and found[1]:
            return position, (found[0], found[1], position, stop)
    return None


def make_entry(text: str, a: int, b: int, kind: str | None, role: str | None = None) -> Signatory:
    """Read one entry at ``text[a:b]``: a name with, where written, a country and an individual's role."""
    # a footnote marker after the entry ("Calloway University*") is no part of its name or role
    while b > a and (text[b - 1] in _FOOTNOTE_MARKS or text[b - 1].isspace()):
        b -= 1
    name_end = b
    suffix = _country_suffix(text, a, b)
    country = None
    if suffix and _folded(text, a, suffix[0]):
        name_end, country = suffix
    name = _folded(text, a, name_end).rstrip(" ,;:–-")
    roles = [role] if role else []
    person = split_person_role(name) if kind != "organisation" else None
    note = re.fullmatch(r"(?P<name>.+?)\s*\((?P<note>[a-z][^()]*)\)", name)
    if not person and kind != "organisation" and note and looks_like_person(note["name"]):
        person = note["name"], note["note"]  # "Jane Roe (in a personal capacity)"
    if person:
        name, roles = person[0], [person[1], *roles]
        guessed = "individual"
    else:
        guessed = kind or ("individual" if looks_like_person(name) else "organisation")
    entry = Signatory(name, guessed, a, b, roles=roles)
    if country:
        entry.set_country(text[country[2] : country[3]], country[1], country[2])
    return entry


def state_entry(text: str, country: tuple[str, str, int, int], role: str | None) -> Signatory:
    """A state as a signatory, ``country`` being (name, iso3, start, end) of where it is written
    (the European Union, which has no ISO code, as an organisation)."""
    name = _folded(text, country[2], country[3])
    joined = re.sub(r"-\s+", "", name)
    if joined != name and not normalise_country(name) and normalise_country(joined):
        name = joined  # "Liechten-" / "stein" broken over a line
    kind = "state" if country[1] else "organisation"
    # A state's own name is the signatory, not a country it is from: country and iso3 stay empty.
    return Signatory(name, kind, country[2], country[3], roles=[role] if role else [])


def _folded(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())
