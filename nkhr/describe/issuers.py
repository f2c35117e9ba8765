"""Who issues a document, as the text names it.

Issuers, by the first rule that applies:

* ``un_body``: a resolution's body, from "Resolution adopted by the Human Rights
  Council", its opening "The General Assembly," or its symbol;
* from the title: ``title_by`` ("Joint Statement by Albania, Japan and ..."),
  ``statement_of`` ("Statement of the Steering Committee of X on ..."),
  ``from_meeting`` ("from the 19th Conference of <organisation>"), ``conjunction``
  ("issued in conjunction with <organisation>"), ``actor_statement`` ("EU Statement"),
  ``office_of`` (an office holder speaks for the institution: "Press Statement of
  Director-General of Department of ... of DPRK Foreign Ministry");
* ``on_behalf_of_states``: "delivered by ... on behalf of A, B, ... and the European
  Union" and "released by the Governments of A, B, and C", when what follows names
  states (a count such as "on behalf of 37 organisations" is not an issuer);
* ``byline``: the person a press statement's byline block names under its label
  ("Press Statement" / "Maria L. Okafor" / "Minister of Foreign Affairs");
* ``we_the``: "We, the International Parliamentarians' Coalition ..., declare" (a count,
  "We, three civil society organisations of ...", names no one);
* ``header_field``: ``From:``, ``Issued by:``, ``Author:``, ``Body:``;
* ``together_with``: "GCAN, together with 31 other organisations, ...";
* ``news_credit``: a Korean news post's credit "(서울=가람일보)", or a news outlet's
  copyright line at the foot of a report ("Copyright ⓒ 한빛뉴스. 무단전재 및 재배포 금지");
  a campaign's own footer ("© 2020 Rights Network") is no credit.

A name the text defines with an acronym is given as the acronym ("IPCNKR"); a state
as written, without "the". A speaker named in the title ("by Ambassador X") gives way to
the states named "on behalf of", and only the states a list names after "including" are
issuers.

To whom a document is addressed and the organisation it speaks for are read in
:mod:`nkhr.describe.addressees`.
"""

from __future__ import annotations

import re

from ..extract.countries import normalise_country
from ..extract.names import split_names
from ..read.segmenting import Passage
from .facts import Fact
from .headers import HeaderField, fields_named, first_body, first_body_after, passage_lines
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
_COUNT_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|many|some|all)\b"
#: "We, the International Parliamentarians' Coalition ..., declare"; a count ("We, three civil society
#: organisations of ...") describes the signers instead of naming one.
_WE_THE = re.compile(r"\bWe,\s+(?:the\s+)?(?P<org>(?!undersigned|members\b|signatories|\d|" + _COUNT_WORDS + r")" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*?)\s*(?:\([A-Z][\w&.\- ]{1,20}\))?,", re.I)
#: "GCAN, together with 31 other organisations" or "The Global Coalition Against Atrocities in North Korea
#: (GCAN), together with ...": the name may hold small words and wrap over lines.
_TOGETHER_WITH = re.compile(
    r"(?<![\w’'-])(?P<org>[A-Z][\w&.’'-]*(?:\s+(?:of|for|in|on|against|and|the|&)?\s*[A-Z][\w&.’'-]*){0,10})"
    r"(?:\s*\([A-Z][\w&.\- ]{1,20}\))?,?\s+(?:together|along)\s+with\s+\S+\s+other\b"
)
#: A news agency's credit: "(서울=가람일보)", "[서울=가람일보] 기자 =", "[한누리통신 2022-03-24]".
#: A page's copyright line: "< Copyright ⓒ 한빛뉴스. 무단전재 및 재배포 금지 >", "Copyrights(C) ハヌルニュース".
_COPYRIGHT = re.compile(r"\bcopyrights?\s*(?:ⓒ|©|\(c\))?\s*(?:(?:19|20)\d\d\s*)?|(?:ⓒ|©)\s*(?:(?:19|20)\d\d\s*)?", re.I)
#: Words after an outlet's name on its copyright line.
_COPYRIGHT_END = re.compile(r"[.·|<>,]|\s(?:무단|all\s+rights|\d)|\s*$", re.I)
#: What marks a copyright line as a news outlet's: a ban on reprinting, or a name that says news.
_NEWS_OUTLET = re.compile(r"무단\s*전재|재배포|転載|뉴스|일보|신문|통신|방송|ニュース|新聞|通信|\bnews\b|\btimes\b", re.I)
_NEWS_CREDIT = re.compile(
    r"[(\[][가-힣A-Za-z ]{1,12}=\s*(?P<org>[가-힣A-Za-z][가-힣A-Za-z ]{0,20}?)\s*[)\]]"
    r"|\[\s*(?P<dated>[가-힣A-Za-z][가-힣A-Za-z ]{0,20}?)\s+(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\.?\s*\]"
)
#: An office whose holder speaks for an institution: "Statement of Spokesperson for ...", "of Director-General of ...".
_OFFICE = re.compile(r"(?:Vice\s+|Deputy\s+|First\s+)?(?:Director(?:-General)?|Spokes(?:person|man|woman)|Minister|Secretary(?:-General)?"
                     r"|Chairman|Chairperson|Chair|Head|Ambassador|Permanent\s+Representative)\b")
_INSTITUTION = re.compile(r"\b(?:Ministry|Department|Office|Government|Committee|Council|Mission|Embassy|Agency)\b")
#: A label line of a byline block ("Press Statement" / name / office / place / date).
_BYLINE_LABEL = re.compile(r"\W*(?:(?:joint|press|media)\s+)*(?:statement|remarks|note|briefing)\W*", re.I)
#: A person's name alone on a line: "Daniel R. Whitford", "Ji-woo Han".
_PERSON_LINE = re.compile(r"(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.)){1,3}")
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


def _office_of(text: str, start: int, end: int) -> Fact | None:
    """The institution an office holder speaks for: "Director-General of Department of International
    Organizations of DPRK Foreign Ministry" is the ministry's statement.

    >>> text = "Press Statement of Spokesperson of Department of Press of DPRK Foreign Ministry"
    >>> _office_of(text, 19, len(text)).value
    'DPRK Foreign Ministry'
    """
    if not _OFFICE.match(text, start, end):
        return None
    last = None
    for last in re.finditer(r"\s(?:of|for)\s+(?:the\s+)?", text[start:end]):
        pass
    if last is None:
        return None
    institution = start + last.end()
    if not re.match(r"[A-Z]", text[institution:end]) or not _INSTITUTION.search(text, institution, end):
        return None
    return Fact("issuers", " ".join(text[institution:end].split()), institution, end, "office_of")


def _byline(text: str, passages: list[Passage], title: Fact | None) -> list[Fact]:
    """The person a press statement's byline names under its label, below the title.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "Talks Must Include Abductees\\nPress Statement\\nMaria L. Okafor\\nMinister of Foreign Affairs\\n\\nWe welcome the talks.\\n"
    >>> [f.value for f in _byline(text, split_passages(text, 0, len(text)), None)]
    ['Maria L. Okafor']
    """
    after = title.start if title is not None and title.start is not None else -1
    lines = [line for p in passages if p.kind == "heading" and not p.boilerplate and p.end > after
             for line in passage_lines(text, p)]
    for label, name in zip(lines, lines[1:]):
        if (_BYLINE_LABEL.fullmatch(text, label.start, label.end) and _PERSON_LINE.fullmatch(text, name.start, name.end)
                and not _INSTITUTION.search(name.text) and not normalise_country(name.text)):
            return [Fact("issuers", name.text, name.start, name.end, "byline")]
    return []


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
            facts.append(_office_of(text, of.start("org"), of.end("org")) or _org(text, of, "statement_of", known))
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
    title_end = title.end if title is not None and title.end is not None else -1
    under_title = [p for p in readable if p.n < first_body_after(passages, title_end)]
    facts = _states_on_behalf(text, opening, known) or _byline(text, under_title, title)
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
    return _copyright_credit(text, passages)


def _copyright_credit(text: str, passages: list[Passage]) -> list[Fact]:
    """A news outlet's credit on its copyright line at the foot of a report ("Copyright ⓒ 통일소식 무단전재 및 재배포 금지").

    Only an outlet's line counts: one that bans reprinting or whose name says news. A
    campaign's own footer ("© 2020 Human Rights Network") does not make it the issuer.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "Groups meet in Seoul\\n\\nTwelve groups met today.\\n\\nCopyright ⓒ 가람뉴스. 무단전재 금지\\n"
    >>> [f.value for f in _copyright_credit(text, split_passages(text, 0, len(text)))]
    ['가람뉴스']
    """
    for passage in reversed(passages[-6:]):
        mark = _COPYRIGHT.search(text, passage.start, passage.end)
        if not mark or mark.end() == mark.start():
            continue
        end = _COPYRIGHT_END.search(text, mark.end(), passage.end)
        start, stop = mark.end(), end.start() if end else passage.end
        name = text[start:stop].strip()
        if not name or not re.search(r"[^\W\d_]", name) or not _NEWS_OUTLET.search(text, passage.start, passage.end):
            continue
        start = text.find(name, start, stop + 1)
        return [Fact("issuers", name, start, start + len(name), "news_credit")]
    return []


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, unique = set(), []
    for fact in facts:
        key = _fold(fact.value)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique
