"""To whom a document is addressed, and the organisation it speaks for, as the text names them.

The addressee, by the first rule that applies:

* ``title_to``: "letter to X" in the title ("Joint Letter to the President of Korea");
* ``header_field``: a ``To:`` field, up to a column a flattened page ran onto its line;
* ``meeting_body``: for a statement, the body in whose meeting it was made ("Human Rights
  Council – 49th session", "UN Security Council: Briefing on ..."; a stakeout is no meeting);
* for a letter: its own heading below a notice in another language (``heading_to``), its
  address block above or below its title (``address_block``: the first line alone where it
  names a person by an honorific, "His Excellency the President of ..."), or a Korean
  salutation that names an office ("대통령님,": ``salutation``).

The organisation is the first issuer that is neither a state nor a UN body
(``issuer:<rule>``). A news report speaks for its agency, and a press release that names no
issuer for its office: for them the organisation is the one whose name the text defines with
an acronym (``defined_acronym``), used again in a news report ("국제의원연맹(IPCNKR)"), or
naming a coalition, network or alliance in a press release ("the International Coalition to
... (ICNK)").

>>> from nkhr.read.segmenting import split_passages
>>> text = "Home > Letters\\n\\nHis Excellency the President of Ruritania\\n\\nThe Presidential Office\\n\\nRE: Detained escapees\\n\\nWe write to ask for their release.\\n\\nRespectfully,\\n"
>>> find_addressee(text, split_passages(text, 0, len(text)), None, "open letter").value
'His Excellency the President of Ruritania'
"""

from __future__ import annotations

import re

from ..extract.countries import find_countries, normalise_country
from ..extract.dates import find_dates
from ..read.segmenting import TITLE_WORDS, Passage
from .facts import Fact
from .headers import COLUMN_GAP, HeaderField, fields_named, first_body

_SALUTATION = re.compile(r"^(?:your excellenc(?:y|ies)|dear\b|to whom|excellenc(?:y|ies)|mr\.? president|madam)", re.I)
#: A Korean letter's salutation naming an office: "대통령님,", "사무총장님께,".
_KOREAN_SALUTATION = re.compile(r"\W*(?P<to>[가-힣][가-힣 ]{0,20}님)(?:께)?\s*[,.]?\s*")
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
#: An acronym defined in parentheses, full-width ones included ("（IPCNKR）").
_DEFINED_ACRONYM = re.compile(r"[(（](?P<acr>[A-Z][A-Z&-]{2,11})[)）]")
_LETTER_OPENING = re.compile(r"\W*(?:joint\s+|open\s+)*letter\s+to\b", re.I)
_BODIES_WORDS = re.compile(r"\b(?:General Assembly|Human Rights Council|Security Council|Commission on Human Rights)\b")
#: An address that names a person by an honorific: its line is the addressee, the office's street below it is not.
_HONORIFIC_ADDRESS = re.compile(r"\W*(?:(?:His|Her|Their)\s+Excellenc(?:y|ies)|H\.\s?E\.|The\s+(?:Right\s+)?Honou?rable)\b", re.I)
#: Words that make a defined name an organisation rather than a body, a report or a country:
#: "International Coalition to Stop Crimes against Humanity in North Korea (ICNK)".
_ORGANISATION_WORDS = re.compile(
    r"\b(?:coalition|network|alliance|federation|association|union|league|forum|solidarity|citizens|committee|centre|center"
    r"|foundation|institute|watch|campaign|caucus|society)\b",
    re.I,
)
_UN_BODY_WORDS = re.compile(r"\b(?:United\s+Nations|UN|Commission\s+of\s+Inquiry|Council|General\s+Assembly|Special\s+Rapporteur)\b")


def _span_fact(text: str, start: int, end: int, rule: str) -> Fact:
    end = start + len(text[start:end].rstrip(" ,."))
    return Fact("addressee", " ".join(text[start:end].split()), start, end, rule)


def _address_block(text: str, passages: list[Passage], title: Fact | None, fields: list[HeaderField]) -> list[Passage]:
    """A letter's address: the headings between its date (or title) and its salutation or subject line."""
    field_starts = {f.passage for f in fields}
    block: list[Passage] = []
    for passage in passages:
        if passage.kind == "body" or _SALUTATION.match(passage.text) or _KOREAN_SALUTATION.fullmatch(text, passage.start, passage.end):
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
        if passage.n in field_starts:  # "RE: ..." ends the address
            if block:
                break
            continue
        if passage.kind == "heading":
            block.append(passage)
    return [p for p in block if not re.search(r"\d{3}|@|\bfax\b|\btel\b", p.text, re.I)]


def find_addressee(text: str, passages: list[Passage], title: Fact | None, kind: str, fields: list[HeaderField] = ()) -> Fact | None:
    """To whom the document is addressed, with its evidence; None when it names no one."""
    fields = list(fields)
    letter = kind == "open letter"
    if title is not None and title.start is not None:
        to = _ADDRESSED_TO.search(text, title.start, title.end)
        if to:
            return _span_fact(text, to.start("to"), to.end("to"), "title_to")
    for field in fields_named(fields, "to", "addressed to", "recipient", "recipients", "attn"):
        # "To : His Excellency ... President of the Council   April 2019": a flattened page's next column is not the addressee
        gap = COLUMN_GAP.search(text, field.start, field.end)
        end = gap.start() if gap else field.end
        return Fact("addressee", " ".join(text[field.start : end].split()), field.start, end, "header_field")
    if kind in ("statement", "joint statement"):
        return _meeting_body(text, passages, title)
    if not letter:
        return None
    # A page that introduces a letter in one language and gives it in another: the letter's own heading.
    for passage in passages[:15]:
        if passage.boilerplate or not _LETTER_OPENING.match(passage.text):
            continue
        to = _ADDRESSED_TO.search(text, passage.start, passage.end)
        if to:
            return _span_fact(text, to.start("to"), to.end("to"), "heading_to")
    block = _address_block(text, passages, title, fields)
    if block and _HONORIFIC_ADDRESS.match(block[0].text):
        return _span_fact(text, block[0].start, block[0].end, "address_block")
    if block:
        block = block[:2]
        start, end = block[0].start, block[-1].end
        return Fact("addressee", ", ".join(p.text for p in block), start, end, "address_block")
    for passage in passages[:first_body(passages) + 2]:
        salutation = _KOREAN_SALUTATION.fullmatch(text, passage.start, passage.end)
        if salutation and not passage.boilerplate:
            return Fact("addressee", salutation["to"], salutation.start("to"), salutation.end("to"), "salutation")
    return None


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


def _defined_organisation(text: str, passages: list[Passage], uses: int = 2) -> Fact | None:
    """The organisation a report is about: an acronym the text defines ("국제의원연맹(IPCNKR)", also in
    full-width parentheses) and uses again."""
    counted = [p for p in passages if p.counted]
    if not counted:
        return None
    start, end = counted[0].start, counted[-1].end
    best: tuple[int, re.Match[str]] | None = None
    for match in _DEFINED_ACRONYM.finditer(text, start, end):
        found = len(re.findall(rf"(?<![A-Za-z]){re.escape(match['acr'])}(?![A-Za-z])", text[start:end]))
        if found >= uses and (best is None or found > best[0]):
            best = (found, match)
    if best is None:
        return None
    match = best[1]
    return Fact("organisation", match["acr"], match.start("acr"), match.end("acr"), "defined_acronym")


def _press_release_organisation(text: str, passages: list[Passage]) -> Fact | None:
    """The coalition a press release speaks of: the first name it defines with an acronym that names an organisation.

    "... by members of the International Coalition to Stop Crimes against Humanity in North Korea
    (ICNK)": a coalition, network or alliance, never a UN body, report or state.
    """
    for passage in passages:
        if not passage.counted or passage.boilerplate:
            continue
        for match in _DEFINED_ACRONYM.finditer(text, passage.start, passage.end):
            line_start = max(passage.start, text.rfind(".", passage.start, match.start()) + 1)
            before = text[line_start : match.start()]
            name = re.search(r"(?:[A-Z][\w’'-]*(?:\s+(?:of|for|to|against|in|on|and|the|&))*\s+)*[A-Z][\w’'-]*\s*$", before)
            if not name or not _ORGANISATION_WORDS.search(name.group()) or _UN_BODY_WORDS.search(name.group()):
                continue
            if normalise_country(name.group().strip()):
                continue
            return Fact("organisation", match["acr"], match.start("acr"), match.end("acr"), "defined_acronym")
    return None


def find_organisation(issuers: list[Fact], text: str = "", passages: list[Passage] = (), kind: str = "") -> Fact | None:
    """The coalition or organisation a document speaks for: its first issuer that is neither a state nor a UN body.

    A news report speaks for its agency, not for the organisation it reports on; for it the
    organisation is the one whose acronym the report defines and uses again. A press release
    that names no issuer speaks of the coalition it defines with an acronym.
    """
    if issuers and all(fact.rule == "news_credit" for fact in issuers) and text:
        return _defined_organisation(text, list(passages))
    if not issuers and kind == "press release" and text:
        return _press_release_organisation(text, list(passages))
    for fact in issuers:
        # a byline's person and an office's ministry speak for a state, not for an organisation
        if normalise_country(fact.value) or _BODIES_WORDS.search(fact.value) or fact.rule in ("news_credit", "byline", "office_of"):
            continue
        if find_countries(fact.value) and len(fact.value.split()) <= 3:
            continue
        return Fact("organisation", fact.value, fact.start, fact.end, f"issuer:{fact.rule}")
    return None
