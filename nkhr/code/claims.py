"""Claims: every number a statement gives about the world, with what it counts.

A claim is a cardinal number (digits or words, see :mod:`nkhr.extract.numbers`) tied to a
counted noun: the noun right after it ("five founding countries", "36 different
countries"), after "of their" ("35 of their parliamentarians"), or before
"numbered" ("Representatives numbered 111"). Years, dates, ordinals, identifiers
(A/HRC/25/63, COVID-19) and numbers with no counted noun are not claims. Ranges keep
both bounds ("at least 100,000 (and at most 300,000) citizens"); the words that bound a
number ("at least", "about") are kept in ``qualifier``.

Korean passages (``language == "ko"``) are read by their own rules: a count there is a
number with a counter word ("31곳", "5명", "7개국") and a noun before it ("단체 31곳",
"국회의원 30여명") or after a "개" counter ("33개 비정부기구"); "여" after the number makes
the qualifier "about". A Korean headline's count that the body states again is one claim.

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
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

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
    korean = read["language"].eq("ko").fillna(False) if "language" in read else pd.Series(False, index=read.index)
    headlines: list[int] = []  # rows of Korean headings, kept unless the body states the same count
    for passage, in_korean in zip(read.itertuples(index=False), korean):
        text = texts[passage.doc_id]
        start, end = int(passage.start), int(passage.end)
        if in_korean:
            for claim in _korean_claims(text, start, end, counts):
                if passage.kind == "heading":
                    headlines.append(len(rows))
                rows.append({"doc_id": passage.doc_id, "passage": passage.n, **claim, "_korean": True})
            continue
        numbers = find_numbers(text, start, end)
        i = 0
        while i < len(numbers):
            low = numbers[i]
            high = numbers[i + 1] if i + 1 < len(numbers) and _joins_range(text, low, numbers[i + 1]) else None
            claim = _claim(text, start, end, low, high, counts, ignore)
            if claim:
                rows.append({"doc_id": passage.doc_id, "passage": passage.n, **claim})
            i += 2 if high and claim else 1
    return schema.build_frame("claims", _without_repeated_headlines(rows, set(headlines)))


def _without_repeated_headlines(rows: list[dict], headlines: set[int]) -> list[dict]:
    """Drop a Korean headline's count that the article's body states again, and a body count
    stated again: a news headline sums up its story ("…10개국 의원 30여명 참석") and a report
    restates its lead ("세계 7개국 12개 인권단체가 ..." then "... 등 7개 나라 12개 단체가
    참여했습니다"), so each is one claim, quoted where the body first states it."""
    def key(row: dict) -> tuple:
        return row["doc_id"], row["counts"], row["value"], row["value_max"]

    in_body = {key(row) for i, row in enumerate(rows) if row.get("_korean") and i not in headlines}
    kept, stated = [], set()
    for i, row in enumerate(rows):
        if i in headlines and key(row) in in_body:
            continue
        if row.get("_korean") and i not in headlines:
            if key(row) in stated:
                continue
            stated.add(key(row))
        kept.append({k: v for k, v in row.items() if k != "_korean"})
    return kept


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
    # Korean words are keyed in Hangul, so the English reader (Latin words) never meets them
    for name, variants in (data.get("korean") or {}).items():
        for variant in variants or []:
            counts[" ".join(str(variant).split())] = str(name)
    return counts, frozenset(str(w).lower() for w in data.get("ignore") or [])


# Korean writes a count as a number with a counter word after it ("31곳", "5명", "7개국"),
# the counted noun before the number ("단체 31곳", "국회의원 30여명") or after a "개"
# counter ("33개 비정부기구"). "여" after a number means "more than, about" ("30여명").
# Years (2018년), dates (4월 20일) and ordinals (제15차) carry no counter and are skipped.
_HANGUL = "\uac00-\ud7a3"
_KO_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_KO_AMOUNT = rf"(?:{_KO_DIGITS})(?:[억만천백]{{1,2}}(?:\s?(?:{_KO_DIGITS})[억만천백]{{1,2}})*)?"
_KO_NUMBER = re.compile(
    rf"(?<![\w.,:/-])(?P<low>{_KO_AMOUNT})(?:\s?[~∼〜～-]\s?(?P<high>{_KO_AMOUNT}))?(?P<about>\s?여)?"
    rf"(?:\s?(?P<counter>개국|개|곳|명))?"
)
_KO_PREFIX = re.compile(rf"(?<![{_HANGUL}])(?P<word>약|대략|최소|적어도|최대|무려)\s*$")
_KO_SUFFIX = re.compile(r"\s?(?P<word>이상|가량|정도|남짓|안팎|넘는|넘게|미만)")
_KO_QUALIFIERS = {"약": "about", "대략": "about", "여": "about", "가량": "about", "정도": "about", "안팎": "about",
                  "최소": "at least", "적어도": "at least", "이상": "at least", "최대": "at most", "무려": "as many as",
                  "남짓": "more than", "넘는": "more than", "넘게": "more than", "미만": "fewer than"}
#: Endings that may follow a noun or a counter inside its word: plural 들, the common particles,
#: and the first syllables of the bounds written after a count (이상, 정도, 가량, 남짓, 넘는, 안팎, 미만).
_KO_PARTICLES = "들이가은는을를의와과에로으도만및등씩까부뿐께랑하정남넘안미("
#: Between a counter and its noun: a bound ("40개 이상의 단체"), "의", a breakdown in brackets
#: ("52개(국내 44개, 해외 8개) 단체").
_KO_NOUN_LEAD = re.compile(r"(?:\s?(?P<bound>이상|가량|정도|남짓|안팎))?(?:\s?\([^()\n]{0,60}\))?(?:의)?\s?")
#: The close of a breakdown in brackets, when a number stands inside one ("국내 44개, 해외 8개) 단체").
_KO_BREAKDOWN_END = re.compile(r"[^()\n]{0,40}\)")
_KO_FOUNDING = re.compile(r"출범|창립|창설|설립|결성")
_KO_UNITS = {"백": 100, "천": 1_000, "만": 10_000, "억": 100_000_000}


def _korean_claims(text: str, start: int, end: int, counts: dict[str, str]) -> list[dict]:
    """Claims of a Korean passage: numbers with a counter word or a counted noun from the vocabulary.

    >>> from nkhr.code.claims import VOCABULARY, _vocabulary
    >>> counts, _ = _vocabulary(str(VOCABULARY))
    >>> text = "국제 인권 단체 45곳 및 개인 5명이 2018년 4월 20일 서한을 보냈다."
    >>> [(c["counts"], c["value"], c["quote"]) for c in _korean_claims(text, 0, len(text), counts)]
    [('organisations', 45.0, '단체 45곳'), ('individuals', 5.0, '개인 5명')]
    """
    nouns = sorted((key for key in counts if re.search(f"[{_HANGUL}]", key)), key=len, reverse=True)
    claims = []
    for number in _KO_NUMBER.finditer(text, start, end):
        counter, number_end = number["counter"], number.end()
        if counter and re.match(f"[{_HANGUL}]", text[number_end:number_end + 1]) and text[number_end] not in _KO_PARTICLES:
            # "45 개인", "35 명단": the syllable starts another word; the number stands without a counter
            counter, number_end = None, max(number.end(g) for g in ("low", "high", "about") if number[g])
        if not counter and re.match(rf"[{_HANGUL}\d%]|\.\d", text[number_end:number_end + 2]):
            continue  # "2018년", "4월", "제15차": a number glued to a word other than a counter
        prefix = _KO_PREFIX.search(text, max(start, number.start() - 6), number.start())
        before = _korean_noun_before(text, start, prefix.start() if prefix else number.start(), nouns)
        # "N개 단체" names its noun after the counter; "개인 5명" before it, unless "5명의 국회의원"
        linked = counter == "개" or (counter == "명" and (not before or text.startswith("의", number_end)))
        after = _korean_noun_after(text, number_end, end, nouns) if linked else None
        if counter == "개" and not after and not before and _inside_brackets(text, start, number.start()):
            # a part of a breakdown counts what the whole counts: "52개(국내 44개, 해외 8개) 단체"
            close = _KO_BREAKDOWN_END.match(text, number_end, end)
            found = _korean_noun_after(text, close.end(), end, nouns) if close else None
            after = (found[0], number_end, "") if found else None
        if after:
            name = counts[after[0]]
        elif before:
            name = counts[before[0]]
        elif counter == "개국" or counter == "명":
            name = counts.get("개국" if counter == "개국" else "people", "")
        else:
            continue
        if not name:
            continue
        if counter == "개국" and not before and _KO_FOUNDING.search(re.split(r"[,.;]", text[number_end:end], maxsplit=1)[0]):
            name = counts.get("창립국", name)  # "5개국 국회의원 35명이 ... 출범시킨": the founding countries
        quote_start = before[1] if before and not after else prefix.start() if prefix else number.start()
        quote_end = after[1] if after else number_end
        suffix = _KO_SUFFIX.match(text, quote_end, end)
        bound = after[2] if after and after[2] else suffix["word"] if suffix else ""
        qualifier = ("range" if number["high"] else _KO_QUALIFIERS[prefix["word"]] if prefix
                     else "about" if number["about"] else _KO_QUALIFIERS.get(bound, ""))
        if suffix and not (after and after[2]) and qualifier == _KO_QUALIFIERS[suffix["word"]] and not prefix:
            quote_end = suffix.end()
        low = _korean_value(number["low"])
        high = _korean_value(number["high"]) if number["high"] else low
        if high < low:
            continue
        claims.append({"counts": name, "value": float(low), "value_max": float(high), "qualifier": qualifier,
                       "quote": text[quote_start:quote_end], "start": quote_start, "end": quote_end})
    return claims


def _korean_noun_before(text: str, start: int, pos: int, nouns: list[str]) -> tuple[str, int] | None:
    """The vocabulary noun written just before ``pos`` ('단체 31곳'), with the start of its word."""
    head = text[start:pos].rstrip()
    if len(head) == len(text[start:pos]):
        return None  # the number is glued to the word before it
    head = head.removesuffix("들")
    for noun in nouns:
        if head.endswith(noun):
            word_start = start + len(head) - len(noun)
            while word_start > start and re.match(f"[{_HANGUL}]", text[word_start - 1]):
                word_start -= 1
            if word_start > start and text[word_start - 1].isdigit():
                return None  # "7개국 33개": the word before is itself a count
            return noun, word_start
    return None


def _korean_noun_after(text: str, pos: int, end: int, nouns: list[str]) -> tuple[str, int, str] | None:
    """The vocabulary noun right after a counter ('33개 비정부기구', '5명의 국회의원').

    Returns the noun, its end and any bound written between ('40개 이상의 단체').
    """
    lead = _KO_NOUN_LEAD.match(text, pos, end)
    at = lead.end()
    for noun in nouns:
        if text.startswith(noun, at) and at + len(noun) <= end:
            rest = text[at + len(noun):at + len(noun) + 1]
            if not rest or not re.match(f"[{_HANGUL}]", rest) or rest in _KO_PARTICLES:
                return noun, at + len(noun), lead["bound"] or ""
    return None


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside an open bracket of the same passage."""
    head = text[max(start, pos - 40):pos]
    return head.rfind("(") > head.rfind(")")


def _korean_value(written: str) -> float:
    """The value of a number in digits with Korean units (만 10,000, 억 100,000,000, 천, 백).

    >>> _korean_value("3만 4천"), _korean_value("1,200"), _korean_value("30"), _korean_value("2천5백만")
    (34000.0, 1200.0, 30.0, 25000000.0)
    """
    total, group = 0.0, 0.0
    for digits, units in re.findall(r"([\d,.]+)\s?([억만천백]*)", written):
        value = float(digits.replace(",", ""))
        for unit in units.rstrip("만억"):
            value *= _KO_UNITS[unit]
        group += value
        if units[-1:] in ("만", "억"):  # 만 and 억 close a group: "2천5백만" is 2,500 x 10,000
            total += group * _KO_UNITS[units[-1]]
            group = 0.0
    return total + group
