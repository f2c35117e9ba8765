"""Country names normalise to ISO codes; the EU is an actor without one."""

import pytest

from nkhr.extract.countries import find_countries, normalise_country


@pytest.mark.parametrize("written, iso3", [
    ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("ROK", "KOR"), ("the Republic of Korea", "KOR"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("Democratic People’s Republic of Korea", "PRK"),
    ("United States of America", "USA"), ("UK", "GBR"), ("Mongolia", "MNG"), ("European Union", ""),
])
def test_normalise(written, iso3):
    assert normalise_country(written)[1] == iso3


def test_lowercase_words_are_not_acronyms():
    assert normalise_country("us") is None and normalise_country("eu") is None


def test_find_prefers_the_longest_name_and_respects_word_edges():
    text = "the Democratic People’s Republic of Korea, North Korean refugees, the United\nStates and Korea’s neighbours"
    found = [(m.as_written, m.iso3) for m in find_countries(text)]
    assert found == [("Democratic People’s Republic of Korea", "PRK"), ("United\nStates", "USA")]


def test_a_lone_surrogate_does_not_break_finding_or_shift_offsets():
    text = "a\ud800 Japan and\udfffMongolia, Republic of Korea"
    found = find_countries(text)
    assert [(m.iso3, text[m.start:m.end]) for m in found] == [("JPN", "Japan"), ("MNG", "Mongolia"), ("KOR", "Republic of Korea")]
