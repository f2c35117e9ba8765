"""What a document is: title, date, kind, who issues it and to whom it is addressed.

Rules read the document's own words: the title is the last heading that names a
statement or letter before the text begins; the date is the first full date of the
heading block; issuers come from "Joint Statement by A, B and C", "from the Nth
Conference of <organisation>", "in conjunction with <organisation>" or "on behalf
of ..."; the addressee from "letter to X" or a letter's address block.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Joint Statement by Albania, Japan, and the United States on Human Rights\\n2023/12/15\\nWe call on all states to act.\\n"
>>> meta = describe_document(text, split_passages(text, 0, len(text)))
>>> meta.title, meta.date.iso, meta.kind, meta.issuers
('Joint Statement by Albania, Japan, and the United States on Human Rights', '2023-12-15', 'joint statement', ['Albania', 'Japan', 'United States'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.dates import DateMatch, find_dates
from ..read.segmenting import TITLE_WORDS, Passage

_SALUTATION = re.compile(r"^(?:your excellenc(?:y|ies)|dear\b|to whom|excellenc(?:y|ies)|mr\.? president|madam)", re.I)
_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z&.\- ]{1,30}?)\)")
_NAME_WORD = r"(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&)"
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+")
_ISSUED_BY = re.compile(
    r"\b(?:statement|declaration|letter|communiqu[eé]|resolution)\s+(?:issued\s+on\s+.{0,40}?\s+)?by\s+(?P<list>.+?)"
    r"(?=\s+(?:on|at|regarding|concerning|about|to|following|in)\s|\*|\s*$)",
    re.I | re.S,
)
_FROM_MEETING = re.compile(
    r"\b(?:from|by|of)\s+(?:the\s+|its\s+)?(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+(?:General\s+|Annual\s+)?(?:Assembly\s+)?"
    r"(?:Meeting|Conference|Congress|Session)\s+of\s+(?:the\s+)?(?P<org>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*)",
)
_CONJUNCTION = re.compile(
    r"\b(?:in\s+conjunction|together|jointly|co-issued)\s+with\s+(?:the\s+)?(?P<org>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")*)"
)
_ON_BEHALF = re.compile(r"\bon behalf of\s+(?P<list>[^.;:]+?)(?=\s+(?:to|in order to|from|who|which|that)\s|[.;:]|$)", re.I)
_ADDRESSED_TO = re.compile(
    r"\b(?:letter|statement|appeal|petition|submission)s?\s+to\s+(?:the\s+)?(?P<to>.+?)"
    r"(?=\s+(?:concerning|about|on|regarding|ahead|for|calling|urging|in)\s|$)",
    re.I,
)


@dataclass
class DocumentMeta:
    """A document's descriptive fields; spans are offsets into the source text."""

    title: str = ""
    title_start: int | None = None
    title_end: int | None = None
    date: DateMatch | None = None
    kind: str = "document"
    issuers: list[str] = field(default_factory=list)
    issuer_spans: list[tuple[int, int]] = field(default_factory=list)
    addressee: str = ""


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def acronyms(text: str, start: int = 0, end: int | None = None) -> dict[str, str]:
    """Map each long name defined as 'Long Name (ACR)' in the window to its acronym (keys folded).

    >>> acronyms("the UK All-Party Parliamentary Group on North Korea (APPG North Korea) met")
    {'uk all-party parliamentary group on north korea': 'APPG North Korea', 'all-party parliamentary group on north korea': 'APPG North Korea'}
    """
    found: dict[str, str] = {}
    end = len(text) if end is None else end
    for match in _ACRONYM.finditer(text, start, end):
        words = re.findall(r"\S+", text[max(start, match.start() - 300) : match.start()])
        name: list[str] = []
        for word in reversed(words):
            if re.fullmatch(_NAME_WORD + r"[,]?", word) and not word.endswith(","):
                name.insert(0, word)
            else:
                break
        while name and name[0] in ("of", "for", "and", "the", "on", "in", "&"):
            name.pop(0)
        if sum(w[:1].isupper() for w in name) < 2:
            continue
        found.setdefault(_fold(" ".join(name)), match["acr"].strip())
        # A leading qualifier such as "UK" is often dropped when the name is reused.
        if len(name) > 2 and re.fullmatch(r"[A-Z.]{2,5}", name[0]):
            found.setdefault(_fold(" ".join(name[1:])), match["acr"].strip())
    return found


def _with_acronym(name: str, known: dict[str, str]) -> str:
    name = " ".join(name.split()).strip(" ,*")
    defined = _ACRONYM.search(name)
    if defined:
        return defined["acr"].strip()
    return known.get(_fold(name), name)


def _split_list(text: str) -> list[str]:
    items = [re.sub(r"^(?:the)\s+", "", item.strip(" *"), flags=re.I) for item in _LIST_SPLIT.split(text)]
    return [item for item in items if item]


def _title(text: str, passages: list[Passage]) -> Passage | None:
    usable = [p for p in passages if p.kind == "heading" and p.duplicate_of is None]
    first_body = next((p.n for p in passages if p.kind == "body"), None)
    candidates = [p for p in usable if TITLE_WORDS.search(p.text)]
    before = [p for p in candidates if first_body is None or p.n < first_body]
    if before:
        return before[-1]
    if candidates:
        return candidates[0]
    return usable[0] if usable else None


def _kind(title: str) -> str:
    lowered = title.lower()
    if "letter" in lowered:
        return "open letter"
    if "declaration" in lowered:
        return "declaration"
    if re.search(r"statement|communiqu", lowered):
        return "joint statement" if "joint" in lowered or " by " in lowered else "statement"
    if "resolution" in lowered:
        return "resolution"
    return "document"


def _date(text: str, passages: list[Passage]) -> DateMatch | None:
    first_body = next((p.n for p in passages if p.kind == "body"), len(passages) + 1)
    header = [p for p in passages if p.n < first_body and not p.boilerplate]
    for window in (header, [p for p in passages if not p.boilerplate]):
        dates = [d for p in window for d in find_dates(text, p.start, p.end)]
        full = [d for d in dates if d.precision == "day"]
        if full or dates:
            return (full or dates)[0]
    return None


def _issuers(text: str, passages: list[Passage], title: Passage | None) -> tuple[list[str], list[tuple[int, int]]]:
    known = acronyms(text, passages[0].start, passages[-1].end) if passages else {}
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    if title is not None:
        by = _ISSUED_BY.search(text, title.start, title.end)
        if by and not _FROM_MEETING.search(text, title.start, title.end):
            names += [_with_acronym(item, known) for item in _split_list(by["list"])]
            spans.append(by.span("list"))
        for pattern in (_FROM_MEETING, _CONJUNCTION):
            for match in pattern.finditer(text, title.start, title.end):
                org = match["org"]
                following = text[match.end("org") : match.end("org") + 40]
                acronym = _ACRONYM.match(following.lstrip())
                names.append(acronym["acr"].strip() if acronym else _with_acronym(org, known))
                spans.append(match.span("org"))
    if not names:
        for passage in [p for p in passages if p.kind == "body"][:3]:
            behalf = _ON_BEHALF.search(text, passage.start, passage.end)
            if behalf:
                listed = behalf["list"].strip()
                names = [listed] if listed[:1].isdigit() or listed.split()[0].lower() in _COUNT_WORDS else _split_list(listed)
                spans.append(behalf.span("list"))
                break
    unique = list(dict.fromkeys(n for n in names if n))
    return unique, spans


_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "more", "over", "some", "several"}


def _addressee(text: str, passages: list[Passage], title: Passage | None, kind: str) -> str:
    if title is not None:
        to = _ADDRESSED_TO.search(" ".join(title.text.split()))
        if to:
            return to["to"].strip(" ,")
    if kind != "open letter":
        return ""
    # A letter's address block: the headings between its date and its title or salutation.
    block: list[str] = []
    for passage in passages:
        if passage.kind == "body" or _SALUTATION.match(passage.text) or (title and passage.n >= title.n):
            break
        if passage.kind == "heading" and not find_dates(text, passage.start, passage.end):
            block.append(passage.text)
    block = [line for line in block if not TITLE_WORDS.search(line)]
    return ", ".join(block[:2])


def describe_document(text: str, passages: list[Passage]) -> DocumentMeta:
    """Read a document's title, date, kind, issuers and addressee from its passages."""
    title = _title(text, passages)
    meta = DocumentMeta()
    if title is not None:
        raw = text[title.start : title.end]
        # Markdown heading marks and footnote stars are layout, not part of the title.
        lead = len(raw) - len(raw.lstrip("#* \t"))
        trimmed = raw[lead:].rstrip(" *#")
        meta.title = " ".join(trimmed.split())
        meta.title_start, meta.title_end = title.start + lead, title.start + lead + len(trimmed)
    meta.kind = _kind(meta.title)
    meta.date = _date(text, passages)
    meta.issuers, meta.issuer_spans = _issuers(text, passages, title)
    meta.addressee = _addressee(text, passages, title, meta.kind)
    return meta
