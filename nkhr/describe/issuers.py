"""Who issues a document and to whom it is addressed, as the text names them.

Issuers, by the first rule that applies:

* ``un_body``: a resolution's body, from "Resolution adopted by the Human Rights
  Council", its opening "The General Assembly," or its symbol;
* from the title: ``title_by`` ("Joint Statement by Albania, Japan and ..."),
  ``statement_of`` ("Statement of the Steering Committee of X on ..."),
  ``from_meeting`` ("from the 19th Conference of <organisation>"), ``conjunction``
  ("issued in conjunction with <organisation>"), ``actor_statement`` ("EU Statement");
* ``on_behalf_of_states``: "delivered by ... on behalf of A, B, ... and the European
  Union" and "released by the Governments of A, B, and C", when what follows names
  states (a count such as "on behalf of 37 organisations" is not an issuer);
* ``we_the``: "We, the International Parliamentarians' Coalition ..., declare";
* ``header_field``: ``From:``, ``Issued by:``, ``Author:``, ``Body:``;
* ``together_with``: "GCAN, together with 31 other organisations, ...";
* ``news_credit``: a Korean news post's credit "(서울=가람일보)".

A name the text defines with an acronym is given as the acronym ("IPCNKR"); a state
as written, without "the". The addressee comes from "letter to X" in the title, a
``To:`` field, or a letter's address block.
"""

from __future__ import annotations

import re

from ..extract.countries import find_countries, normalise_country
from ..extract.dates import find_dates
from ..extract.names import split_names
from ..read.segmenting import TITLE_WORDS, Passage
from .facts import Fact
from .headers import HeaderField, fields_named, first_body
from .un_documents import UnHeader

_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z&.\- ]{1,30}?)\)")
_NAME_WORD = r"(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&)"
_ISSUED_BY = re.compile(
    r"\b(?:statement|declaration|letter|communiqu[eé]|resolution|appeal)\s+(?:issued\s+on\s+.{0,40}?\s+)?by\s+(?P<list>.+?)"
    r"(?=\s+(?:on|at|regarding|concerning|about|to|following|in|for)\s|\s*[(*–—:]|\s*$)",
    re.I | re.S,
)
_STATEMENT_OF = re.compile(
    r"\b(?:statement|declaration|letter|communiqu[eé]|appeal|resolution)\s+of\s+(?:the\s+)?(?P<org>" + _NAME_WORD
    + r"(?:\s+" + _NAME_WORD + r")*?)(?=\s+(?:on|at|regarding|concerning|about|to|following|in|for)\s|\s*[(*–—:,]|\s*$)",
    re.I,
)
_FROM_MEETING = re.compile(
    r"\b(?:from|by|of)\s+(?:the\s+|its\s+)?(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+(?:General\s+|Annual\s+)?(?:Assembly\s+)?"
    r"(?:Meeting|Conference|Congress|Session)\s+of\s+(?:the\s+)?(?P<org>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*)",
)
_CONJUNCTION = re.compile(
    r"\b(?:in\s+conjunction|together|jointly|co-issued)\s+with\s+(?:the\s+)?(?P<org>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")*)"
)
_ACTOR_STATEMENT = re.compile(r"(?P<actor>[A-Z][A-Za-z.&]{1,12})\s+(?:Joint\s+)?(?:Statement|Declaration)\b")
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<list>[^.;:]+?)(?=\s*[.;:)]|\s+(?:to|in\s+order|who|which|that|at|on\s+the\s+occasion)\b|\s*$)", re.I)
_RELEASED_BY = re.compile(
    r"\b(?:released|issued|made|delivered|adopted)\s+(?:jointly\s+)?by\s+the\s+(?:Governments?|Foreign\s+Ministers?|Ministers?)\s+of\s+"
    r"(?P<list>[^.;:]+?)(?=\s+(?:on|at|in|to|following|after|during)\s|\s*[.;:]|\s*$)",
    re.I,
)
_WE_THE = re.compile(r"\bWe,\s+(?:the\s+)?(?P<org>(?!undersigned|members\b|signatories)" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*?)\s*(?:\([A-Z][\w&.\- ]{1,20}\))?,", re.I)
_TOGETHER_WITH = re.compile(r"\W*(?P<org>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,8}),?\s+(?:together|along)\s+with\s+\S+\s+other\b")
_NEWS_CREDIT = re.compile(r"\([가-힣A-Za-z ]{1,12}=\s*(?P<org>[가-힣A-Za-z][가-힣A-Za-z ]{0,20}?)\s*\)")
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:undersigned|ngos?|organi[sz]ations|groups|members|signatories|civil\s+society|participants|"
    r"following|we\b|our\b|\d)", re.I,
)
_ISSUER_FIELDS = ("from", "issued by", "author", "authors", "body", "organisation", "organization", "issuer")
_SALUTATION = re.compile(r"^(?:your excellenc(?:y|ies)|dear\b|to whom|excellenc(?:y|ies)|mr\.? president|madam)", re.I)
_ADDRESSED_TO = re.compile(
    r"\b(?:letter|statement|appeal|petition|submission)s?\s+to\s+(?:the\s+)?(?P<to>.+?)"
    r"(?=\s+(?:concerning|about|on|regarding|ahead|for|calling|urging|in\s+support|to\s+urge|over)\s|\s*[:(–—]|\s*$)",
    re.I,
)
_BODIES_WORDS = re.compile(r"\b(?:General Assembly|Human Rights Council|Security Council|Commission on Human Rights)\b")


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


def _names(text: str, start: int, end: int, rule: str, known: dict[str, str]) -> list[Fact]:
    facts = []
    for a, b in split_names(text, start, end):
        value = _with_acronym(text[a:b], known)
        if value and not _GENERIC.match(value):
            facts.append(Fact("issuers", value, a, b, rule))
    return facts


def _mostly_states(text: str, start: int, end: int) -> bool:
    """Whether a list names states: most of its names are countries (or the European Union)."""
    names = split_names(text, start, end)
    states = sum(1 for a, b in names if normalise_country(text[a:b]))
    return bool(names) and states >= max(1, 0.6 * len(names))


def _org(text: str, match: re.Match[str], rule: str, known: dict[str, str]) -> Fact:
    """An organisation named in a match, as its acronym where the text defines one right after it."""
    following = text[match.end("org") : match.end("org") + 40]
    acronym = _ACRONYM.match(following.lstrip())
    value = acronym["acr"].strip() if acronym else _with_acronym(match["org"], known)
    return Fact("issuers", value, match.start("org"), match.end("org"), rule)


def _from_title(text: str, title: Fact, known: dict[str, str]) -> list[Fact]:
    facts: list[Fact] = []
    meeting = list(_FROM_MEETING.finditer(text, title.start, title.end))
    by = _ISSUED_BY.search(text, title.start, title.end)
    if by and not meeting:
        facts += _names(text, by.start("list"), by.end("list"), "title_by", known)
    for match in meeting:
        facts.append(_org(text, match, "from_meeting", known))
    if not facts:
        of = _STATEMENT_OF.search(text, title.start, title.end)
        if of and not _GENERIC.match(of["org"]) and sum(w[:1].isupper() for w in of["org"].split()) >= 2:
            facts.append(_org(text, of, "statement_of", known))
    if not facts:
        actor = _ACTOR_STATEMENT.match(text, title.start, title.end)
        if actor and (normalise_country(actor["actor"]) or actor["actor"].isupper()):
            facts.append(Fact("issuers", actor["actor"], actor.start("actor"), actor.end("actor"), "actor_statement"))
    for match in _CONJUNCTION.finditer(text, title.start, title.end):
        facts.append(_org(text, match, "conjunction", known))
    return facts


def _states_on_behalf(text: str, passages: list[Passage], known: dict[str, str]) -> list[Fact]:
    for passage in passages:
        for pattern, rule in ((_RELEASED_BY, "released_by_governments"), (_ON_BEHALF, "on_behalf_of_states")):
            for match in pattern.finditer(text, passage.start, passage.end):
                a, b = match.span("list")
                if text[a:b].lstrip()[:1].isdigit() or not _mostly_states(text, a, b):
                    continue
                facts = _names(text, a, b, rule, known)
                if facts:
                    return facts
    return []


def find_issuers(
    text: str, passages: list[Passage], title: Fact | None, fields: list[HeaderField] = (),
    un_header: UnHeader | None = None,
) -> list[Fact]:
    """Who issues the document, one fact per issuer; empty when the text names no one."""
    if not passages:
        return []
    known = acronyms(text, passages[0].start, passages[-1].end)
    if un_header and un_header.body:
        return [Fact("issuers", un_header.body, un_header.body_start, un_header.body_end, "un_body")]
    if title is not None and title.start is not None:
        facts = _from_title(text, title, known)
        if facts:
            return _unique(facts)
    stop = first_body(passages)
    readable = [p for p in passages if not p.boilerplate and p.counted]
    opening = [p for p in readable if p.n < stop] + [p for p in readable if p.n >= stop and p.kind == "body"][:4]
    facts = _states_on_behalf(text, opening, known)
    if facts:
        return _unique(facts)
    for passage in opening:
        we = _WE_THE.search(text, passage.start, passage.end)
        if we and sum(w[:1].isupper() for w in we["org"].split()) >= 2:
            return [_org(text, we, "we_the", known)]
    for field in fields_named(list(fields), *_ISSUER_FIELDS):
        return _names(text, field.start, field.end, "header_field", known)
    for passage in opening:
        together = _TOGETHER_WITH.match(text, passage.start, passage.end)
        if together:
            return [_org(text, together, "together_with", known)]
        credit = _NEWS_CREDIT.search(text, passage.start, min(passage.end, passage.start + 80))
        if credit:
            return [Fact("issuers", credit["org"].strip(), credit.start("org"), credit.start("org") + len(credit["org"].strip()), "news_credit")]
    return []


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, unique = set(), []
    for fact in facts:
        key = _fold(fact.value)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique


def find_addressee(text: str, passages: list[Passage], title: Fact | None, kind: str, fields: list[HeaderField] = ()) -> Fact | None:
    """To whom the document is addressed, with its evidence; None when it names no one."""
    if title is not None and title.start is not None:
        to = _ADDRESSED_TO.search(text, title.start, title.end)
        if to:
            a = to.start("to")
            b = a + len(text[a : to.end("to")].rstrip(" ,"))
            return Fact("addressee", " ".join(text[a:b].split()), a, b, "title_to")
    for field in fields_named(list(fields), "to", "addressed to", "recipient", "recipients", "attn"):
        return Fact("addressee", " ".join(text[field.start : field.end].split()), field.start, field.end, "header_field")
    if kind != "open letter":
        return None
    # A letter's address block: the headings between its date and its salutation.
    block: list[Passage] = []
    for passage in passages:
        if passage.kind == "body" or _SALUTATION.match(passage.text) or (title and passage.start >= (title.start or 0)):
            break
        if passage.boilerplate or find_dates(text, passage.start, passage.end) or TITLE_WORDS.search(passage.text):
            block = []
            continue
        if passage.kind == "heading":
            block.append(passage)
    block = [p for p in block if not re.search(r"\d{3}|@|\bfax\b|\btel\b", p.text, re.I)][:2]
    if not block:
        return None
    start, end = block[0].start, block[-1].end
    return Fact("addressee", ", ".join(p.text for p in block), start, end, "address_block")


def find_organisation(issuers: list[Fact]) -> Fact | None:
    """The coalition or organisation a document speaks for: its first issuer that is neither a state nor a UN body."""
    for fact in issuers:
        if normalise_country(fact.value) or _BODIES_WORDS.search(fact.value) or fact.rule == "news_credit":
            continue
        if find_countries(fact.value) and len(fact.value.split()) <= 3:
            continue
        return Fact("organisation", fact.value, fact.start, fact.end, f"issuer:{fact.rule}")
    return None
