"""Cardinal numbers in running text, written in digits or in words, with exact offsets.

>>> parse_number("Fifty-two")
52
>>> parse_number("one hundred and eleven")
111
>>> parse_number("100,000")
100000
>>> parse_number("1.5 million")
1500000
>>> parse_number("nineteenth") is None
True
>>> [(m.text, m.value) for m in find_numbers("In 2003, five countries and 35 members; the 2nd meeting; YS-11.")]
[('2003', 2003), ('five', 5), ('35', 35)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_SCALE = "|".join(SCALES)
_WORD = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT}|{_TEN})"
# "one hundred and eleven", "Fifty-two", "two million": number words joined by spaces,
# hyphens, or "and" after a scale word.
_WORDS = rf"\b{_WORD}(?:(?:\s+|-)(?:{_SCALE})\b(?:\s+and\s+{_WORD}\b|(?:\s+|-){_WORD}\b)?)*\b"
# Digits not glued to letters, slashes or a letter-hyphen (YS-11, COVID-19, A/HRC/25/63)
# and not ordinals (19th): the lookarounds reject those.
_DIGITS = rf"(?<![\w/.,])(?<![A-Za-z]-)(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\w/]|\.\d|,\d{{3}})(?:\s+(?:{_SCALE})\b)?"
_FIRST = "".join(sorted({w[0] for w in [*UNITS, *TENS]}))
# The leading look-ahead lets the engine skip every position that cannot start a number,
# which halves the time of a scan (the pattern is also embedded in other modules' patterns).
NUMBER = re.compile(rf"(?=[\d{_FIRST}{_FIRST.upper()}])(?:{_DIGITS}|{_WORDS})", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    """A cardinal number found in text: half-open offsets, the words and the value."""

    start: int
    end: int
    text: str
    value: int | float


def parse_number(text: str) -> int | float | None:
    """Return the value of a number written in digits or words, or None if it is not one.

    >>> parse_number("thirty-five"), parse_number("five"), parse_number("2,500")
    (35, 5, 2500)
    >>> parse_number("two thousand three hundred")
    2300
    """
    words = text.strip().lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    try:
        value: float = float(words[0])
    except ValueError:
        return _parse_words(words)
    if len(words) == 2 and words[1] in SCALES:
        value *= SCALES[words[1]]
    elif len(words) != 1:
        return None
    return int(value) if value == int(value) else value


def _parse_words(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and" and seen:
            continue
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Find cardinal numbers in ``text[start:end]``, offsets into ``text``.

    >>> [(m.text, m.value) for m in find_numbers("Representatives\\nnumbered 111 from thirty-five countries")]
    [('111', 111), ('thirty-five', 35)]
    """
    end = len(text) if end is None else end
    found = []
    for match in NUMBER.finditer(text, start, end):
        value = parse_number(match.group())
        if value is not None:
            found.append(NumberMatch(match.start(), match.end(), match.group(), value))
    return found
