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
as written, without "the". A speaker named in the title ("by Ambassador X") gives way to
the states named "on behalf of", and only the states a list names after "including" are
issuers.

The addressee comes from "letter to X" in the title (``title_to``), a ``To:`` field, the
body in whose meeting a statement was made (``meeting_body``: "Human Rights Council –
49th session", "UN Security Council: Briefing on ..."; a stakeout is no meeting), a
letter's own heading below a notice in another language (``heading_to``), or a letter's
address block above or below its title.

The organisation is the first issuer that is neither a state nor a UN body; for a news
report, the organisation whose acronym the report defines and uses again.
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
    r"(?=\s+(?:on|at|regarding|concerning|about|to|following)\s|\s+(?:in|for)\s+(?-i:(?![A-Z]))|\s*[(*–—:]|\s*$)",
    re.I | re.S,
)
_STATEMENT_OF = re.compile(
    r"\b(?i:statement|declaration|letter|communiqu[eé]|appeal|resolution)\s+of\s+(?:the\s+)?(?P<org>" + _NAME_WORD
    + r"(?:\s+" + _NAME_WORD + r")*?)"
    # "for" and "in" end the name unless a capitalised word follows ("Coalition for Northern Families")
    r"(?=\s+(?:on|at|regarding|concerning|about|to|following)\s|\s+(?:in|for)\s+(?![A-Z])|\s*[(*–—:,]|\s*$)",
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
_INCLUDING = re.compile(r"\b(?:a\s+group\s+of|\d+)\b[^.;:]*?,?\s+(?:including|among\s+them)\s+", re.I)
_RELEASED_BY = re.compile(
    r"\b(?:released|issued|made|delivered|adopted)\s+(?:jointly\s+)?by\s+the\s+(?:Governments?|Foreign\s+Ministers?|Ministers?)\s+of\s+"
    r"(?P<list>[^.;:]+?)(?=\s+(?:on|at|in|to|following|after|during)\s|\s*[.;:]|\s*$)",
    re.I,
)
#: "On October 18, 2024, the United States, the Republic of Korea and Japan convened ...".
_CONVENED = re.compile(
    r"^\W*On\s+[^.;\n]{4,30}?\d{4},\s+(?:the\s+)?(?P<list>[^.;:]+?)\s+(?:convened|met|held|gathered)\b", re.I | re.M,
)
_WE_THE = re.compile(r"\bWe,\s+(?:the\s+)?(?P<org>(?!undersigned|members\b|signatories)" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*?)\s*(?:\([A-Z][\w&.\- ]{1,20}\))?,", re.I)
#: "GCAN, together with 31 other organisations" or "The Global Coalition Against Atrocities in North Korea
#: (GCAN), together with ...": the name may hold small words and wrap over lines.
_TOGETHER_WITH = re.compile(
    r"(?<![\w’'-])(?P<org>[A-Z][\w&.’'-]*(?:\s+(?:of|for|in|on|against|and|the|&)?\s*[A-Z][\w&.’'-]*){0,10})"
    r"(?:\s*\([A-Z][\w&.\- ]{1,20}\))?,?\s+(?:together|along)\s+with\s+\S+\s+other\b"
)
#: A news agency's credit: "(서울=가람일보)", "[서울=가람일보] 기자 =", "[한누리통신 2022-03-24]".
_NEWS_CREDIT = re.compile(
    r"[(\[][가-힣A-Za-z ]{1,12}=\s*(?P<org>[가-힣A-Za-z][가-힣A-Za-z ]{0,20}?)\s*[)\]]"
    r"|\[\s*(?P<dated>[가-힣A-Za-z][가-힣A-Za-z ]{0,20}?)\s+(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\.?\s*\]"
)
_HONORIFIC = re.compile(
    r"(?:H\.?\s?E\.?|His\s+Excellency|Her\s+Excellency|Ambassador|Minister|Foreign\s+Minister|Secretary|Mr\.?|Ms\.?|Mrs\.?|Dr\.?"
    r"|Prof\.?|Permanent\s+Representative|Deputy\s+Permanent\s+Representative|Special\s+Rapporteur)\s",
)
_NEXT_WORD = re.compile(r"\s+(\S+)")
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:undersigned|ngos?|organi[sz]ations|groups|members|signatories|civil\s+society|participants|"
    r"following|we\b|our\b|\d)", re.I,
)
_ISSUER_FIELDS = ("from", "issued by", "author", "authors", "body", "organisation", "organization", "issuer")
_SALUTATION = re.compile(r"^(?:your excellenc(?:y|ies)|dear\b|to whom|excellenc(?:y|ies)|mr\.? president|madam)", re.I)
_ADDRESSED_TO = re.compile(
    r"\b(?:letter|statement|appeal|petition|submission)s?\s+to\s+(?:the\s+)?(?P<to>.+?)"
    # "for" ends the addressee unless a name goes on ("the UN High Commissioner for Refugees")
    r"(?=\s+(?:concerning|about|on|regarding|ahead|calling|urging|in\s+support|to\s+urge|over)\s|\s+for\s+(?-i:(?![A-Z]))"
    r"|\s*[:(–—]|\s*$)",
    re.I,
)
#: A statement made in a body's meeting is addressed to it: "Human Rights Council – 49th session",
#: "UN Security Council: Briefing on the DPRK". A stakeout or press encounter is not a meeting.
_AT_MEETING = re.compile(
    r"(?P<body>(?:(?:UN|United\s+Nations)\s+)?(?:Security\s+Council|Human\s+Rights\s+Council|General\s+Assembly|Third\s+Committee))"
    r"\s*(?:[–—:-]\s*|\s+)(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+(?:regular\s+|special\s+)?session|(?:open\s+)?briefing|(?:open\s+)?debate"
    r"|interactive\s+dialogue)\b",
    re.I,
)
#: Words that put a statement outside the meeting it names: "Joint statement following the Security Council briefing".
_OUTSIDE_MEETING = re.compile(r"\b(?:after|following|ahead\s+of|before|on|about|regarding)\s+(?:the\s+)?$", re.I)
_DEFINED_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Z&-]{2,11})\)")
_LETTER_OPENING = re.compile(r"\W*(?:joint\s+|open\s+)*letter\s+to\b", re.I)
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
    """An organisation named in a match, as its acronym where the text defines one right after it.

    A name the text defines in full elsewhere ("Northern Pacific Parliamentarians' Forum on
    Human Rights in North Korea (NPPF)") is read whole where the match stopped short at "on".
    """
    start, end = match.start("org"), match.end("org")
    end = _extend_to_defined(text, start, end, known)
    following = text[end : end + 40]
    acronym = _ACRONYM.match(following.lstrip())
    value = acronym["acr"].strip() if acronym else _with_acronym(text[start:end], known)
    return Fact("issuers", value, start, end, rule)


def _extend_to_defined(text: str, start: int, end: int, known: dict[str, str]) -> int:
    """The end of the longest name defined in the text that starts with ``text[start:end]`` and stands there whole."""
    name = _fold(text[start:end])
    best = end
    for long_name in known:
        if not long_name.startswith(name + " "):
            continue
        position = end
        for word in long_name.split()[len(name.split()) :]:
            following = _NEXT_WORD.match(text, position)
            if not following or _fold(following.group(1)) != word:
                break
            position = following.end()
        else:
            best = max(best, position)
    return best


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
        for pattern, rule in ((_RELEASED_BY, "released_by_governments"), (_ON_BEHALF, "on_behalf_of_states"),
                              (_CONVENED, "convened_states")):
            for match in pattern.finditer(text, passage.start, passage.end):
                a, b = match.span("list")
                # "a group of 36 States from all regions, including A, B and C": only the named states
                including = _INCLUDING.search(text, a, b)
                if including:
                    a = including.end()
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
    stop = first_body(passages)
    readable = [p for p in passages if not p.boilerplate and p.counted]
    opening = [p for p in readable if p.n < stop] + [p for p in readable if p.n >= stop and p.kind == "body"][:4]
    if title is not None and title.start is not None:
        facts = _from_title(text, title, known)
        # "Joint statement by Ambassador X at the stakeout": a speaker who delivers it for the states named below
        if facts and all(f.rule == "title_by" and _HONORIFIC.match(f.value) for f in facts):
            facts = _states_on_behalf(text, opening, known) or facts
        if facts:
            return _unique(facts)
    facts = _states_on_behalf(text, opening, known)
    if facts:
        return _unique(facts)
    for passage in opening:
        we = _WE_THE.search(text, passage.start, passage.end)
        if we and sum(w[:1].isupper() for w in we["org"].split()) >= 2:
            return [_org(text, we, "we_the", known)]
    for field in fields_named(list(fields), *_ISSUER_FIELDS):
        body = _BODIES_WORDS.search(text, field.start, field.end)
        if body:  # "General Assembly, Third Committee": the committee is the Assembly's own
            return [Fact("issuers", body.group(), body.start(), body.end(), "header_field")]
        return _names(text, field.start, field.end, "header_field", known)
    if opening:
        together = _TOGETHER_WITH.search(text, opening[0].start, opening[-1].end)
        if together:
            return [_org(text, together, "together_with", known)]
    for passage in opening:
        credit = _NEWS_CREDIT.search(text, passage.start, min(passage.end, passage.start + 80))
        if credit:
            group = "org" if credit["org"] else "dated"
            name = credit[group].strip()
            return [Fact("issuers", name, credit.start(group), credit.start(group) + len(name), "news_credit")]
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
    if kind in ("statement", "joint statement"):
        return _meeting_body(text, passages, title)
    if kind != "open letter":
        return None
    # A page that introduces a letter in one language and gives it in another: the letter's own heading.
    for passage in passages[:15]:
        if passage.boilerplate or not _LETTER_OPENING.match(passage.text):
            continue
        to = _ADDRESSED_TO.search(text, passage.start, passage.end)
        if to:
            a = to.start("to")
            b = a + len(text[a : to.end("to")].rstrip(" ,."))
            return Fact("addressee", " ".join(text[a:b].split()), a, b, "heading_to")
    # A letter's address block: the headings between its date (or title) and its salutation.
    block: list[Passage] = []
    for passage in passages:
        if passage.kind == "body" or _SALUTATION.match(passage.text):
            break
        if title is not None and title.start is not None and passage.end > title.start and passage.start < title.end:
            if block:  # an address above the title
                break
            continue
        if passage.boilerplate or find_dates(text, passage.start, passage.end) or TITLE_WORDS.search(passage.text):
            block = []
            continue
        if re.search(r"\s(?:>|›|»|/|\|)\s", passage.text):  # a breadcrumb or a menu, never an address
            continue
        if passage.kind == "heading":
            block.append(passage)
    block = [p for p in block if not re.search(r"\d{3}|@|\bfax\b|\btel\b", p.text, re.I)][:2]
    if not block:
        return None
    start, end = block[0].start, block[-1].end
    return Fact("addressee", ", ".join(p.text for p in block), start, end, "address_block")


def _meeting_body(text: str, passages: list[Passage], title: Fact | None) -> Fact | None:
    """The body in whose meeting a statement was made, from the title or the lines above the text."""
    spans = [(title.start, title.end)] if title is not None and title.start is not None else []
    spans += [(p.start, p.end) for p in passages[: first_body(passages) - 1] if not p.boilerplate]
    for start, end in spans:
        meeting = _AT_MEETING.search(text, start, end)
        if meeting and not _OUTSIDE_MEETING.search(text, max(start, meeting.start() - 20), meeting.start()):
            a, b = meeting.span("body")
            return Fact("addressee", " ".join(text[a:b].split()), a, b, "meeting_body")
    return None


def _defined_organisation(text: str, passages: list[Passage]) -> Fact | None:
    """The organisation a report is about: an acronym the text defines ("국제의원연맹(IPCNKR)") and uses again."""
    counted = [p for p in passages if p.counted]
    if not counted:
        return None
    start, end = counted[0].start, counted[-1].end
    best: tuple[int, re.Match[str]] | None = None
    for match in _DEFINED_ACRONYM.finditer(text, start, end):
        uses = len(re.findall(rf"(?<![A-Za-z]){re.escape(match['acr'])}(?![A-Za-z])", text[start:end]))
        if uses >= 2 and (best is None or uses > best[0]):
            best = (uses, match)
    if best is None:
        return None
    match = best[1]
    return Fact("organisation", match["acr"], match.start("acr"), match.end("acr"), "defined_acronym")


def find_organisation(issuers: list[Fact], text: str = "", passages: list[Passage] = ()) -> Fact | None:
    """The coalition or organisation a document speaks for: its first issuer that is neither a state nor a UN body.

    A news report speaks for its agency, not for the organisation it reports on; for it the
    organisation is the one whose acronym the report defines and uses again.
    """
    if issuers and all(fact.rule == "news_credit" for fact in issuers) and text:
        return _defined_organisation(text, list(passages))
    for fact in issuers:
        if normalise_country(fact.value) or _BODIES_WORDS.search(fact.value) or fact.rule == "news_credit":
            continue
        if find_countries(fact.value) and len(fact.value.split()) <= 3:
            continue
        return Fact("organisation", fact.value, fact.start, fact.end, f"issuer:{fact.rule}")
    return None
