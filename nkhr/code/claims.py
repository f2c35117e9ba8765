"""Claims: every number a statement gives about the world, with what it counts.

A claim is a cardinal number (digits or words, see :mod:`nkhr.extract.numbers`) tied to a
counted noun: the noun right after it ("five founding countries", "36 different
countries"), after "of their" ("35 of their parliamentarians"), or before
"numbered" ("Representatives numbered 111"). Years, dates, ordinals, identifiers
(A/HRC/25/63, COVID-19) and numbers with no counted noun are not claims. Ranges keep
both bounds ("at least 100,000 (and at most 300,000) citizens"); the words that bound a
number ("at least", "about") are kept in ``qualifier``.

The nouns and their groupings live in ``nkhr/data/claims.yml``.

>>> from nkhr import schema
>>> text = "In April 2003, five founding countries and 35 of their parliamentarians met."
>>> passages = schema.build_frame("passages", [
...     {"doc_id": "d", "n": 1, "kind": "body", "text": "", "start": 0, "end": len(text), "counted": True}])
>>> extract_claims(passages, {"d": text})[["counts", "value", "quote"]].values.tolist()
[['founding countries', 5.0, 'five founding countries'], ['parliamentarians', 35.0, '35 of their parliamentarians']]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import pandas as pd
import yaml

from .. import paths, schema
from ..extract.numbers import NumberMatch, find_numbers

#: The counted-noun vocabulary: edit it to group synonyms or silence noise.
VOCABULARY = paths.PACKAGE_DATA / "claims.yml"

_CODED_KINDS = ("body", "heading")
_TOKEN = re.compile(r"\s*([A-Za-z][\w'’-]*)")
_QUALIFIER = re.compile(
    r"(?:\b(at least|at most|more than|over|nearly|almost|about|around|approximately|up to|fewer than|"
    r"less than|as many as|some))\s+$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*\(?\s*(?:and|to|or|-|–)\s+(?:at most\s+|up to\s+|as many as\s+)?$|^\s*[-–]\s*$", re.IGNORECASE)
_BEFORE_VERB = re.compile(r"([A-Za-z][\w'’-]*)\s+(?:numbered|numbering|totall?ed|totall?ing)\s+$", re.IGNORECASE)
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+([A-Za-z][\w'’-]*)\s+(?:is|was|has\s+reached|had\s+reached|reached|stood\s+at|stands\s+at|"
    r"totals|totalled|totaled|rose\s+to|fell\s+to)\s+$",
    re.IGNORECASE,
)
# A number that signs ("on behalf of 37 organisations and individuals") counts signatories,
# whatever mix of nouns follows it.
_SIGNED_BY = re.compile(r"\b(?:on\s+behalf\s+of|signed\s+by|endorsed\s+by|supported\s+by)\s+$", re.IGNORECASE)
_OF_THEIR = re.compile(r"\s+of\s+(?:their|our|its|whose|these|those)\b", re.IGNORECASE)
_STOP = {
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "from", "by", "for", "with", "that", "which",
    "who", "is", "are", "was", "were", "has", "have", "had", "as", "than", "this", "these", "those", "its",
    "their", "our", "his", "her", "it", "we", "they", "per", "each", "out", "more", "less",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_NOT_PLURAL = {"its", "us", "was", "has", "is", "this", "thus", "whereas", "as", "yes", "always", "across"}


def extract_claims(passages: pd.DataFrame, texts: Mapping[str, str], vocabulary: str | Path = VOCABULARY) -> pd.DataFrame:
    """Return the ``claims`` table: one row per number stated about something counted.

    Only counted passages are read (no duplicates, no boilerplate), and no signatory
    lists: a number in an organisation's name is not a claim.
    """
    counts, ignore = _vocabulary(str(vocabulary))
    read = passages[passages["counted"].fillna(False) & passages["kind"].isin(_CODED_KINDS)]
    rows: list[dict] = []
    for passage in read.itertuples(index=False):
        text = texts[passage.doc_id]
        start, end = int(passage.start), int(passage.end)
        numbers = find_numbers(text, start, end)
        i = 0
        while i < len(numbers):
            low = numbers[i]
            high = numbers[i + 1] if i + 1 < len(numbers) and _joins_range(text, low, numbers[i + 1]) else None
            claim = _claim(text, start, end, low, high, counts, ignore)
            if claim:
                rows.append({"doc_id": passage.doc_id, "passage": passage.n, **claim})
            i += 2 if high and claim else 1
    return schema.build_frame("claims", rows)


def _claim(text, start, end, low: NumberMatch, high: NumberMatch | None, counts, ignore) -> dict | None:
    if _is_year(low) and (high is None or _is_year(high)):
        return None
    last = high or low
    before = text[max(start, low.start - 40):low.start]
    counted, noun_end = _noun_after(text, last.end, end, counts, ignore)
    quote_start = low.start
    if counted is None:
        named = _BEFORE_VERB.search(before) or _NUMBER_OF.search(before)
        if not named:
            return None
        counted = _canonical(named.group(1), counts, ignore)
        if counted is None:
            return None
        quote_start, noun_end = low.start - len(before) + named.start(), last.end
    elif _SIGNED_BY.search(before):
        counted = "signatories"
    qualifier = _QUALIFIER.search(text[max(start, quote_start - 40):quote_start])
    if qualifier and quote_start == low.start:
        quote_start -= len(text[max(start, quote_start - 40):quote_start]) - qualifier.start()
    value = float(low.value)
    return {
        "counts": counted,
        "value": value,
        "value_max": float(high.value) if high else value,
        "qualifier": ("range" if high else (qualifier.group(1).lower() if qualifier else "")),
        "quote": text[quote_start:noun_end],
        "start": quote_start,
        "end": noun_end,
    }


def _noun_after(text: str, pos: int, end: int, counts, ignore) -> tuple[str | None, int]:
    """Find the counted noun a number modifies, within the next few words."""
    after = text[pos:end]
    lead = re.match(r"\s*\)", after)  # the close of "(and at most 300,000)"
    offset = pos + (lead.end() if lead else 0)
    of_their = _OF_THEIR.match(text, offset, end)
    if of_their:
        offset = of_their.end()
    tokens: list[tuple[str, int]] = []
    cursor = offset
    while len(tokens) < 5:
        match = _TOKEN.match(text, cursor, end)
        if not match:
            break
        tokens.append((match.group(1), match.end(1)))
        cursor = match.end()
    words = [t.lower().replace("’", "'") for t, _ in tokens]
    for i, word in enumerate(words):
        for k in (3, 2, 1):
            phrase = " ".join(words[i:i + k])
            if len(words[i:i + k]) == k and phrase in counts:
                return counts[phrase], tokens[i + k - 1][1]
        if word in ignore or word in _STOP or word in _MONTHS:
            return None, pos
        if _plural(tokens[i][0]):
            return word, tokens[i][1]
    return None, pos


def _canonical(noun: str, counts, ignore) -> str | None:
    word = noun.lower().replace("’", "'")
    if word in counts:
        return counts[word]
    if word in ignore or word in _STOP or not _plural(noun):
        return None
    return word


def _plural(token: str) -> bool:
    word = token.lower()
    return (
        token[:1].islower() and word.endswith("s") and not word.endswith("ss") and len(word) > 3
        and word not in _NOT_PLURAL and word.isalpha()
    )


def _is_year(number: NumberMatch) -> bool:
    return number.text.isdigit() and len(number.text) == 4 and 1800 <= number.value <= 2100


def _joins_range(text: str, low: NumberMatch, high: NumberMatch) -> bool:
    return bool(_RANGE_JOIN.match(text[low.end:high.start])) and high.value > low.value


@lru_cache(maxsize=8)
def _vocabulary(path: str) -> tuple[dict[str, str], frozenset[str]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    counts = {}
    for name, variants in (data.get("counts") or {}).items():
        for variant in [name, *(variants or [])]:
            counts[" ".join(str(variant).lower().replace("’", "'").split())] = str(name)
    return counts, frozenset(str(w).lower() for w in data.get("ignore") or [])
