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
        r"\b(?:on\s+behalf\s+of|(?:co-?)?signed\s+by|endorsed\s+by|supported\s+by|joined\s+by)\s+"
        r"(?:(?:a|the)\s+(?:(?:cross-regional|core|broad|diverse)\s+)?(?-i:group|total|coalition|alliance)\s+of\s+)?(?:the\s+)?",
        re.IGNORECASE)),
    ("we", re.compile(r"\bWe\s*,\s*(?:the\s+)?(?:undersigned\s*,?\s+)?|\bWe\s+are\s+(?:(?:a|the)\s+group\s+of\s+)?"
                      r"|\bThe\s+undersigned\s+", re.IGNORECASE)),
    ("together", re.compile(r"\btogether\s+with\s+(?:the\s+)?", re.IGNORECASE)),
    # lower-case "group": "the Group of Seven countries" is not a group of signers
    ("group", re.compile(r"\b(?:[Aa]|[Tt]he)\s+(?:(?:cross-regional|core|broad|diverse)\s+)?group\s+of\s+")),
]
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
    for match in _OF_US.finditer(text, start, end):
        if elsewhere(match.start()):
            continue
        count = _Count(None, parse_number(match["n"]), match.start("n"), match.end())
        kind = _nounless_kind(text, count, passages, entries)
        if kind:
            yield kind, count.stated, count.start, count.end


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
