"""Stated counts: the numbers of signatories, organisations, states or sponsors a document says it carries.

Each is compared with the list the document itself holds, so a reader sees where
"on behalf of 37 organisations" and the 35 names listed disagree.

A count is read where the document speaks of itself: after "on behalf of", "signed
by", "endorsed by" (and "a group of"), after "We, the undersigned" / "We are",
after "together with N other" (the speaker makes N + 1), in "N Member States and
the European Union" (the EU is not one of the states), in "the five of us", and in
the sponsor labels of UN pages ("Co-sponsors41", "## Main sponsors (2)"). What the
number counts follows from its noun: organisations, individuals, states, or
signatories when the noun mixes them ("13 organizations and individuals") or names
people who sign as such ("eleven legislators"). "from N countries" after a count
states the signatories' countries. A sentence about another document ("last year",
"in 2019", "a letter sent ...") is not read.

Where the speaker of "together with N other" is itself a count ("Four organisations,
together with 27 other groups"), the two are added (31). "We, the twelve undersigned"
counts signatories, "the letter carries the names of 31 organisations" reads as
"signed by", and a count standing as the label of a list ("14 Civil Society Organizations
in ROK : A, B, ...") is the list's. Korean passages are read by their own rule: the counts of a first-person
sentence that speaks for the letter ("저희는 15개 국가에서 활동하는 41개 단체와 개인
6명을 대표하여 이 서한을 드립니다"), never a news report's count of someone else's letter.

>>> text = "We, the undersigned 12 organizations and 3 individuals, from five countries, write."
>>> passage = Passage(1, "body", 0, len(text), 1, text)
>>> [(r["counts"], r["stated"], r["quote"]) for r in stated_counts(text, [passage], [])]
[('organisations', 12, '12 organizations'), ('individuals', 3, '3 individuals'), ('signatory_countries', 5, 'five countries')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.segmenting import Passage
from ..read.sentences import sentence_spans
from .countries import find_countries
from .numbers import NUMBER, parse_number
from .signatories import Signatory
from .sponsors import sponsor_counts

_NUM = NUMBER.pattern
#: Any number, in digits or words: a passage without one states no count.
_ANY_NUMBER = NUMBER

#: Head nouns of a count and what they count. "signatories" also covers people who sign
#: in a capacity ("legislators") and nouns that mix kinds.
_HEADS = {
    "organisations": r"organi[sz]ations|NGOs|groups|coalitions|networks|associations|institutions",
    # not "people": "on behalf of the 2,000 people held in the camp" speaks for others
    "individuals": r"individuals|experts|activists|scholars|academics",
    "states": r"(?:UN\s+)?Member\s+States|States|countries|governments|delegations|nations",
    "signatories": r"signatories|co-signatories|signers|legislators|parliamentarians|lawmakers|MPs|members\s+of\s+parliament",
    "members": r"members",
}
_HEAD = re.compile(r"(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _HEADS.items()) + r")\b", re.IGNORECASE)
#: "civil society partners" are organisations; "partners" alone may be states or groups.
_PARTNERS = re.compile(r"(?:civil[\s-]+society|non-governmental|NGO)\s+partners\b", re.IGNORECASE)
#: Words that may stand between a number and its noun ("12 undersigned non-governmental ...").
_MODIFIER = re.compile(r"(?!(?:and|or|of|from|to|in|who|which|that|the|have|has|are|were|with|across|for)\b)"
                       r"[a-z][a-z’'-]*\b[ \t\n,]*", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*|as\s+well\s+as\s+)", re.IGNORECASE)
_FROM_COUNTRIES = re.compile(rf"\s*,?\s*(?:coming\s+)?from\s+(?P<c>{_NUM})\s+(?:different\s+)?countries\b", re.IGNORECASE)
_COUNCIL_MEMBERS = re.compile(
    r"\s+of\s+the\s+(?:UN\s+|United\s+Nations\s+)?(?:Security\s+|Human\s+Rights\s+)?Council\b", re.IGNORECASE)
_EUROPEAN_UNION = re.compile(r"\s+and\s+(?:the\s+)?(?:Delegation\s+of\s+the\s+)?(?:European\s+Union|EU)\b", re.IGNORECASE)

#: Where a document speaks of the number it carries; the count phrase starts at the end of the match.
_ANCHORS = [
    ("signed", re.compile(
        r"\b(?:on\s+behalf\s+of|(?:co-?)?signed\s+by|endorsed\s+by|supported\s+by|joined\s+by"
        r"|(?:carries|carried|bears|bore|holds|lists)\s+the\s+(?:names|signatures)\s+of)\s+"
        r"(?:(?:a|the)\s+(?:(?:cross-regional|core|broad|diverse)\s+)?(?-i:group|total|coalition|alliance)\s+of\s+)?(?:the\s+)?",
        re.IGNORECASE)),
    ("we", re.compile(r"\bWe\s*,\s*(?:the\s+)?(?:undersigned\s*,?\s+)?|\bWe\s+are\s+(?:(?:a|the)\s+group\s+of\s+)?"
                      r"|\bThe\s+undersigned\s+", re.IGNORECASE)),
    ("together", re.compile(r"\btogether\s+with\s+(?:the\s+)?", re.IGNORECASE)),
    # lower-case "group": "the Group of Seven countries" is not a group of signers
    ("group", re.compile(r"\b(?:[Aa]|[Tt]he)\s+(?:(?:cross-regional|core|broad|diverse)\s+)?group\s+of\s+")),
]
#: Where a count may stand as the label of a list: a line's start, a sentence's, or after a closing.
_LABEL_OPENS = re.compile(r"(?:\A|\n[ \t]*|[.!?]\s+|(?:sincerely|faithfully|truly|respectfully|regards|yours)\s*,?\s+)\Z",
                          re.IGNORECASE)
#: What may follow a label's count before its colon: "14 Civil Society Organizations in ROK :".
_LABEL_REST = re.compile(r"(?:\s+(?:in|from|of|based\s+in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})?\s*:")
#: "We, the twelve undersigned": a count of the signers with no noun after it.
_N_UNDERSIGNED = re.compile(rf"\b(?:We\s*,\s*)?the\s+(?P<n>{_NUM})\s+undersigned\b", re.IGNORECASE)
#: "The five of us": a count with no noun, whose kind the document's own list or names settle.
_OF_US = re.compile(rf"\b(?:the|all)\s+(?P<n>{_NUM})\s+of\s+us\b", re.IGNORECASE)
#: "59 Member States and the European Union", wherever the document says it.
_STATES_AND_EU = re.compile(
    rf"(?<!\bits\s)(?<!\btheir\s)(?<![\w-])(?P<n>{_NUM})\s+(?:UN\s+)?[Mm]ember\s+States"
    rf"(?=\s+and\s+(?:the\s+)?(?:Delegation\s+of\s+the\s+)?(?:European\s+Union|EU)\b)")
#: A sentence opening on its count speaks for the document when it names "this declaration" or, in the
#: document's first paragraph, when its verb is one a statement makes ("Twelve organisations ... call on").
_THIS_DOCUMENT = re.compile(r"\b(?:this|the\s+present|the\s+following)\s+(?:joint\s+|open\s+)?"
                            r"(?:statement|letter|declaration|appeal|petition|submission|communiqu[eé])\b", re.IGNORECASE)
#: Present-tense verbs only: "Twelve organisations urged ..." reports an earlier act, as news does.
_STATEMENT_VERB = re.compile(r"\b(?:call|calls|urge|urges|mark|marks|ask|asks|write|express|welcome|appeal|appeals|demand|"
                             r"demands|reiterate|renew|have\s+signed|endorse|join\s+in)\b", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:][”\"’)]?(?:\[\^?\w{1,4}\])*\s*$")
_SENTENCE_OPENING = re.compile(r"\W*(?:Today,?\s+|We,?\s+)?")
#: A sentence that tells of another document, earlier or elsewhere.
_ELSEWHERE = re.compile(
    r"\b(?:last\s+(?:year|month|week|session)|previous(?:ly)?|earlier|(?:a|one|two|three|several)\s+years?\s+ago"
    r"|in\s+(?:19|20)\d\d)\b|^\W*(?:A|An|Another)\s+(?:\w+\s+){0,2}(?:letter|statement|declaration|appeal|petition)\b",
    re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,?\s*(?:and\s+)?(?:the\s+)?", re.IGNORECASE)
#: A resolution or report "supported by 60 States" is another text's count, not the document's.
_OTHER_TEXT = re.compile(r"\b(?:resolution|report|petition|campaign|bill|draft)s?\b", re.IGNORECASE)
#: Signed counts above this are populations ("on behalf of 25 million people"), not signatures.
_MAX_SIGNATORIES = 10_000


@dataclass(frozen=True)
class _Count:
    """One number of a count phrase, with the noun it counts."""

    counts: str | None
    stated: int
    start: int
    end: int


def stated_counts(text: str, passages: list[Passage], entries: list[Signatory]) -> list[dict]:
    """Rows of ``stated_counts`` (without doc_id): each number a document states about its own list.

    ``counted`` is the matching number of parsed entries (by kind, or by role for
    sponsors), or None when the document lists no one.
    """
    rows: list[dict] = []
    seen: set[tuple[str, int]] = set()

    def add(counts: str, stated: int, start: int, end: int) -> None:
        if (counts, stated) in seen:  # a count restated later in the document is the same count
            return
        seen.add((counts, stated))
        rows.append({"counts": counts, "stated": stated, "counted": _counted(counts, entries),
                     "quote": text[start:end], "start": start, "end": end})

    korean = [p for p in passages if _in_korean(p.text)]
    for passage in korean:
        if passage.counted and passage.kind in ("body", "heading"):
            for sentence_start, sentence_end in sentence_spans(text, passage.start, passage.end):
                for counts, stated, start, end in _korean_counts(text, sentence_start, sentence_end):
                    add(counts, stated, start, end)
    passages = [p for p in passages if p not in korean]
    # the lead paragraph: the first passage of running text (a wrapped one may be taken for a heading)
    first_body = next((p.n for p in passages if p.counted and p.kind in ("body", "heading")
                       and len(p.text.split()) >= 12 and _ENDS_SENTENCE.search(p.text)), None)
    for passage in passages:
        if not passage.counted:
            continue
        for found in sponsor_counts(text, passage.start, passage.end):
            closed = found.end + (text.startswith(")", found.end) and "(" in text[found.start:found.end])
            add(found.counts, found.stated, found.start, closed)
        # an inline list ("on behalf of a group of 36 States, including A, B and C") is read too
        if not _ANY_NUMBER.search(text, passage.start, passage.end):
            continue  # a count needs a number, in digits or words
        for sentence_start, sentence_end in sentence_spans(text, passage.start, passage.end):
            for counts, stated, start, end in _sentence_counts(text, sentence_start, sentence_end, passages, entries):
                add(counts, stated, start, end)
            if passage.kind not in ("body", "heading"):
                continue
            for counts, stated, start, end in _opening_counts(text, sentence_start, sentence_end, passage.n == first_body):
                add(counts, stated, start, end)
    return rows


def _sentence_counts(text: str, start: int, end: int, passages: list[Passage], entries: list[Signatory]):
    """Yield (counts, stated, start, end) for every count the sentence states about its document."""
    taken: list[tuple[int, int]] = []

    def elsewhere(position: int) -> bool:
        """Whether the words leading up to a count tell of another document."""
        return bool(_ELSEWHERE.search(text[start:position]))

    for match in _STATES_AND_EU.finditer(text, start, end):
        if elsewhere(match.start()):
            continue
        taken.append((match.start(), match.end()))
        eu = _EUROPEAN_UNION.match(text, match.end(), end)
        yield "states", parse_number(match["n"]), match.start(), eu.end() if eu else match.end()
    for name, anchor in _ANCHORS:
        for match in anchor.finditer(text, start, end):
            if any(a <= match.end() < b for a, b in taken) or elsewhere(match.start()):
                continue
            if name == "signed" and not re.match(r"on\s+behalf", match.group(), re.IGNORECASE) and _OTHER_TEXT.search(
                    text[start:match.start()]):
                continue
            phrase = _read_phrase(text, match.end(), end)
            if not phrase:
                continue
            counts, countries = phrase
            if name == "together":
                if not re.match(rf"{_NUM}\s+other\b", text[counts[0].start:counts[0].end], re.IGNORECASE):
                    continue
                first = counts[0]
                speakers = _speaker_counts(text, start, match.start())
                if speakers:  # "Four organisations, together with 27 other groups": 4 + 27
                    counts = _added_up(speakers, counts, speakers[0].start)
                else:  # "The Lantern Network, together with 19 other ...": the speaker is one more
                    counts = [_Count(first.counts, first.stated + 1, match.start(), first.end), *counts[1:]]
            if name == "group" and any(c.counts != "states" for c in counts):
                continue  # "the group of nine people detained": a group of states signs, people may not
            for count in counts:
                kind = count.counts
                if kind is None or kind == "members":
                    # "the eight members" of a statement by states are those states; members of
                    # anything else are not told apart from the signatories
                    kind = _nounless_kind(text, count, passages, entries)
                    kind = kind if kind == "states" or count.counts is None else None
                if kind and count.stated < _MAX_SIGNATORIES:
                    taken.append((count.start, count.end))
                    yield kind, count.stated, count.start, count.end
            if countries and counts:
                yield "signatory_countries", countries.stated, countries.start, countries.end
    for number in NUMBER.finditer(text, start, end):  # "14 Civil Society Organizations in ROK : A, B, ..."
        if not _LABEL_OPENS.search(text[max(0, number.start() - 40):number.start()]):
            continue
        phrase = _read_phrase(text, number.start(), end)
        if phrase and len(phrase[0]) == 1 and not phrase[1] and phrase[0][0].counts not in (None, "members") \
                and _LABEL_REST.match(text, phrase[0][0].end, end) and not elsewhere(number.start()):
            count = phrase[0][0]
            taken.append((count.start, count.end))
            yield count.counts, count.stated, count.start, count.end
    for match in _N_UNDERSIGNED.finditer(text, start, end):
        if elsewhere(match.start()) or _read_phrase(text, match.start("n"), end):
            continue  # "the 9 undersigned organisations" names its noun: read with the anchors
        count = _Count(None, parse_number(match["n"]), match.start("n"), match.end())
        yield _nounless_kind(text, count, passages, entries) or "signatories", count.stated, count.start, count.end
    for match in _OF_US.finditer(text, start, end):
        if elsewhere(match.start()):
            continue
        count = _Count(None, parse_number(match["n"]), match.start("n"), match.end())
        kind = _nounless_kind(text, count, passages, entries)
        if kind:
            yield kind, count.stated, count.start, count.end


_HANGUL = re.compile("[\uac00-\ud7a3]")
#: The writers speaking of themselves: "저희는", "우리는", "저희 단체들은".
_KO_WE = re.compile(r"(?:저희|우리)들?(?:\s?(?:단체|기관|일동)들?)?(?:는|은|가|이|일동)(?![가-힣])")
#: A sentence quoting or reporting someone ('"우리는 ..."라고 밝혔다'): a news report, not the letter itself.
_KO_REPORTED = re.compile(r"[\"“”‘’]|[다라]고\s?(?:밝혔|말했|전했|덧붙|설명했)")
#: Words by which a sentence speaks for the letter it is in: "을 대표하여", "서명", "명의로", "이 서한".
_KO_THIS_LETTER = re.compile(r"대표하여|대표해|대표합니다|서명|명의로|(?:이|본)\s?(?:서한|성명|편지|호소문|청원)")
#: Korean counts with their counters: what each counts.
_KO_COUNTS = [
    ("signatory_countries", re.compile(r"(?<![\d,.])(?P<n>\d{1,3})\s?(?:개\s?(?:국가|나라)|개국)")),
    ("organisations", re.compile(r"(?<![\d,.])(?P<n>\d{1,4})\s?개\s*(?:[가-힣]{0,4}단체|비정부기구|시민사회\s?단체)")),
    ("organisations", re.compile(r"단체\s?(?P<n>\d{1,4})\s?(?:곳|개)(?![가-힣\d])")),
    ("individuals", re.compile(r"개인\s?(?P<n>\d{1,4})\s?명")),
    ("individuals", re.compile(r"(?<![\d,.])(?P<n>\d{1,4})\s?명의\s?개인")),
]


def _in_korean(passage: str) -> bool:
    """Whether a passage is written mostly in Hangul (it is read by the Korean rule only)."""
    hangul = len(_HANGUL.findall(passage))
    return hangul > 0 and hangul >= sum(ch.isascii() and ch.isalpha() for ch in passage)


def _korean_counts(text: str, start: int, end: int):
    """Yield the counts of a Korean sentence in which the writers speak for their letter.

    >>> text = "저희는 15개 국가에서 활동하는 41개\\n단체와 개인 6명을 대표하여 이 서한을 드립니다."
    >>> [(kind, n, text[a:b]) for kind, n, a, b in _korean_counts(text, 0, len(text))]
    [('signatory_countries', 15, '15개 국가'), ('organisations', 41, '41개\\n단체'), ('individuals', 6, '개인 6명')]
    >>> list(_korean_counts("이번 청원에는 7개 나라 12개 단체가 참여했습니다.", 0, 27))
    []
    >>> text = '그는 "우리는 5개 단체를 대표해 서명했다"고 밝혔다.'
    >>> list(_korean_counts(text, 0, len(text)))
    []
    """
    if not (_KO_WE.search(text, start, end) and _KO_THIS_LETTER.search(text, start, end)) \
            or _KO_REPORTED.search(text, start, end):
        return
    found = []
    for kind, pattern in _KO_COUNTS:
        for match in pattern.finditer(text, start, end):
            if not any(a < match.end() and match.start() < b for _, _, a, b in found):
                found.append((kind, int(match["n"]), match.start(), match.end()))
    yield from sorted(found, key=lambda row: row[2])


def _speaker_counts(text: str, start: int, position: int) -> list[_Count]:
    """The counts that end right before ", together with" ('Four international organisations, together with').

    >>> text = "Four international human rights organisations, together with 27 other groups"
    >>> _speaker_counts(text, 0, text.index("together"))
    [_Count(counts='organisations', stated=4, start=0, end=45)]
    """
    for number in NUMBER.finditer(text, start, position):
        phrase = _read_phrase(text, number.start(), position)
        if not phrase or phrase[1]:
            continue
        counts = phrase[0]
        if {count.counts for count in counts} & {None, "members"}:
            continue
        if re.fullmatch(r"\s*,?\s*", text[counts[-1].end:position]):
            return counts
    return []


def _added_up(speakers: list[_Count], others: list[_Count], start: int) -> list[_Count]:
    """One count per kind: the speakers' and the others' of that kind added up, quoted from ``start``.

    >>> speakers = [_Count("organisations", 4, 0, 10), _Count("individuals", 2, 15, 25)]
    >>> [(c.counts, c.stated) for c in _added_up(speakers, [_Count("organisations", 30, 40, 60)], 0)]
    [('organisations', 34), ('individuals', 2)]
    """
    totals: dict[str, int] = {}
    for count in [*speakers, *others]:
        totals[count.counts] = totals.get(count.counts, 0) + count.stated
    end = max(count.end for count in [*speakers, *others])
    return [_Count(kind, stated, start, end) for kind, stated in totals.items()]


def _opening_counts(text: str, start: int, end: int, lead: bool):
    """Yield the counts a sentence opens on when it speaks for the document.

    ('Twenty-three organisations ... have signed this declaration')
    """
    opening = _SENTENCE_OPENING.match(text, start, end)
    phrase = _read_phrase(text, opening.end(), end)
    if not phrase:
        return
    counts, countries = phrase
    rest = text[counts[-1].end:end]
    if re.match(r"\s*,?\s*together\s+with\b", rest, re.IGNORECASE):
        return  # "Four organisations, together with 27 other groups": the sum is read with the others
    if not (_THIS_DOCUMENT.search(rest) or (lead and _STATEMENT_VERB.search(rest))):
        return
    if any(c.counts is None or c.counts == "members" for c in counts):
        return
    for count in counts:
        if count.stated < _MAX_SIGNATORIES:
            yield count.counts, count.stated, count.start, count.end
    if countries:
        yield "signatory_countries", countries.stated, countries.start, countries.end


def _read_phrase(text: str, pos: int, end: int) -> tuple[list[_Count], _Count | None] | None:
    """Read 'N nouns [and M nouns] [from K countries]' at ``pos``; None if no counted noun follows the number."""
    counts: list[_Count] = []
    cursor = pos
    while True:
        number = NUMBER.match(text, cursor, end)
        if not number or parse_number(number.group()) is None:
            break
        noun = _read_nouns(text, number.end(), end)
        if noun is None:
            break
        kind, noun_end = noun
        counts.append(_Count(kind, parse_number(number.group()), number.start(), noun_end))
        join = _JOIN.match(text, noun_end, end)
        cursor = join.end() if join else noun_end
        if not NUMBER.match(text, cursor, end):
            break
    if not counts:
        return None
    countries = _FROM_COUNTRIES.match(text, counts[-1].end, end)
    if not countries:
        return counts, None
    return counts, _Count("signatory_countries", parse_number(countries["c"]), countries.start("c"), countries.end())


def _read_nouns(text: str, pos: int, end: int) -> tuple[str | None, int] | None:
    """The kind counted by the nouns after a number ('non-governmental organizations, coalitions, and individuals')."""
    kinds: list[str] = []
    cursor, noun_end = pos, None
    while True:
        head_at = _skip_modifiers(text, cursor, end)
        if head_at is None:
            break
        kind, head_end = head_at
        kinds.append(kind)
        noun_end = head_end
        join = _JOIN.match(text, head_end, end)
        if not join or join.end() == head_end or NUMBER.match(text, join.end(), end):
            break
        cursor = join.end()
    if noun_end is None:
        return None
    if kinds == ["members"]:
        council = _COUNCIL_MEMBERS.match(text, noun_end, end)
        return ("states", council.end()) if council else ("members", noun_end)
    named = set(kinds) - {"members"}
    return (named.pop() if len(named) == 1 else "signatories"), noun_end


def _skip_modifiers(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """Find the head noun within three modifying words of ``pos``: (kind, end of noun)."""
    cursor = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    for _ in range(4):
        partners = _PARTNERS.match(text, cursor, end)
        if partners:
            return "organisations", partners.end()
        head = _HEAD.match(text, cursor, end)
        if head:
            return head.lastgroup, head.end()
        modifier = _MODIFIER.match(text, cursor, end)
        if not modifier or modifier.end() == cursor:
            return None
        cursor = modifier.end()
    return None


def _nounless_kind(text: str, count: _Count, passages: list[Passage], entries: list[Signatory]) -> str | None:
    """What 'the five of us' counts: the kind of the document's list, or states when an earlier passage names as many."""
    if entries:
        kinds = {entry.kind for entry in entries}
        if kinds == {"state"}:
            return "states"
        return "organisations" if kinds == {"organisation"} else "signatories"
    for passage in passages:
        if passage.start >= count.start:
            break
        if count.stated in _country_runs(text, passage.start, passage.end):
            return "states"
    return None


def _country_runs(text: str, start: int, end: int) -> set[int]:
    """The lengths of the runs of country names listed one after another ('Estonia, France and Norway' is 3)."""
    runs, run, last_end = set(), set(), None
    for mention in find_countries(text, start, end):
        if not mention.iso3:
            continue
        if last_end is not None and not _LIST_GAP.fullmatch(text[last_end:mention.start]):
            runs.add(len(run))
            run = set()
        run.add(mention.iso3)
        last_end = mention.end
    runs.add(len(run))
    return runs - {0}


def _is_state(entry: Signatory) -> bool:
    return entry.kind == "state" and not re.search(r"European\s+Union|\bEU\b", entry.name_as_written)


def _has_role(entry: Signatory, role: str) -> bool:
    return any(r.strip().casefold() in ({"co-sponsor", "cosponsor"} if role == "co-sponsor" else {"sponsor", "main sponsor"})
               for r in entry.roles)


def _counted(counts: str, entries: list[Signatory]) -> int | None:
    """How many parsed entries answer to a stated count (None when the document lists no one)."""
    if not entries:
        return None
    if counts in ("sponsors", "co-sponsors"):
        if not any(_has_role(e, "sponsor") or _has_role(e, "co-sponsor") for e in entries):
            return None
        return sum(_has_role(e, counts[:-1]) for e in entries)
    chosen = {
        "organisations": [e for e in entries if e.kind == "organisation"],
        "individuals": [e for e in entries if e.kind == "individual"],
        "states": [e for e in entries if _is_state(e)],
    }
    if counts == "signatory_countries":
        return len({e.iso3 for e in entries if e.iso3})
    return len(chosen.get(counts, entries))
