"""Numbers in words and digits: the values every count in the report rests on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkhr.extract.numbers import find_numbers, parse_number

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """Write 0 <= n < 1,000,000 in English words, as statements do ("one hundred and eleven")."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        return _UNITS[n // 100] + " hundred" + (" and " + spell(n % 100) if n % 100 else "")
    return spell(n // 1000) + " thousand" + (" " + spell(n % 1000) if n % 1000 else "")


@pytest.mark.parametrize("text, value", [
    ("five", 5), ("Fifty-two", 52), ("thirty-five", 35), ("one hundred and eleven", 111), ("eleven", 11),
    ("100,000", 100_000), ("300,000", 300_000), ("37", 37), ("1.5 million", 1_500_000), ("two million", 2_000_000),
    ("Twenty-three", 23), ("a hundred", None), ("fifth", None), ("19th", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, found", [
    ("YS-11 hijacking and COVID-19", []),
    ("report A/HRC/25/63 of 2014", [2014]),
    ("the 75th session and the 2nd meeting", []),
    ("between 80,000 and 120,000 prisoners", [80_000, 120_000]),
    ("Representatives\nnumbered 111 and came from 36 countries", [111, 36]),
    ("Fifty-two Member States", [52]),
    ("3.5 per cent", [3.5]),
])
def test_find_numbers_keeps_cardinals_and_skips_ordinals_and_identifiers(text, found):
    assert [m.value for m in find_numbers(text)] == found


@given(st.integers(min_value=0, max_value=999_999))
def test_every_number_spelt_in_words_or_digits_reads_back(n):
    assert parse_number(spell(n)) == n
    assert parse_number(f"{n:,}") == n
    sentence = f"In all, {spell(n)} people and {n:,} others."
    assert [m.value for m in find_numbers(sentence)] == [n, n]


@settings(max_examples=200)
@given(st.text())
def test_arbitrary_text_never_crashes_and_offsets_hold(text):
    for match in find_numbers(text):
        assert text[match.start:match.end] == match.text
        assert parse_number(match.text) == match.value
