"""Cutting a run of text into names, and reading one name's parts (person, role, country)."""

import pytest

from nkhr.extract.names import (
    canonical_key,
    canonical_person,
    country_of,
    looks_like_person,
    make_entry,
    split_names,
    split_person_role,
)


def _names(text):
    return [text[a:b] for a, b in split_names(text, 0, len(text))]


def test_states_with_and_or_a_comma_stay_whole():
    text = "Antigua and Barbuda, Korea, Republic of, Saint Vincent and the Grenadines and Trinidad and\n  Tobago"
    assert _names(text) == ["Antigua and Barbuda", "Korea, Republic of", "Saint Vincent and the Grenadines",
                            "Trinidad and\n  Tobago"]


def test_a_parenthesis_is_never_cut_and_the_last_and_joins_the_last_name():
    text = "Blue Sky Forum (South Korea), Far Shore Aid (Japan) and Island Mission (Philippines)."
    assert _names(text) == ["Blue Sky Forum (South Korea)", "Far Shore Aid (Japan)", "Island Mission (Philippines)"]


def test_a_leading_the_is_not_part_of_a_name():
    assert _names("the River Aid Clinic, the Hill Rights Forum") == ["River Aid Clinic", "Hill Rights Forum"]


@pytest.mark.parametrize("name, person", [
    ("Sophie Laurent-Diallo", True), ("Lord Whitcombe", True), ("Daniel R. Kessler", True),
    ("Hope Over Borders Network", False), ("The 88 Project", False), ("East Sea Testimony Archive", False),
    ("Han River Refugee Support, Inc.", False),
])
def test_person_or_organisation(name, person):
    assert looks_like_person(name) is person


@pytest.mark.parametrize("line, split", [
    ("Tomas Novak, former diplomat", ("Tomas Novak", "former diplomat")),
    ("Helena Vos – Former UN official", ("Helena Vos", "Former UN official")),
    ("Sonja BiserkoFormer member of a commission", ("Sonja Biserko", "Former member of a commission")),
    ("Jane Roe, MP", None),
    ("Open Gate Forum, Seoul office", None),
])
def test_split_person_role(line, split):
    assert split_person_role(line) == split


def test_country_of_a_whole_line_only():
    text = "the Republic of Korea"
    assert country_of(text, 0, len(text))[:2] == ("South Korea", "KOR")
    text = "Citizens of Japan"
    assert country_of(text, 0, len(text)) is None


@pytest.mark.parametrize("line, name, country", [
    ("Free Press (Japan)", "Free Press", "Japan"),
    ("Open Society, Mongolia", "Open Society", "Mongolia"),
    ("Clear Water Trust – Australia", "Clear Water Trust", "Australia"),
    ("BALAOD MindanawPhilippines", "BALAOD Mindanaw", "Philippines"),
    ("Justice For North Korea", "Justice For North Korea", ""),
])
def test_make_entry_splits_a_written_country_and_points_at_it(line, name, country):
    entry = make_entry(line, 0, len(line), "organisation")
    assert (entry.name_as_written, entry.country) == (name, country)
    if country:
        assert line[entry.country_start:entry.country_end] == country


def test_make_entry_reads_a_wrapped_entry_with_folded_white_space():
    text = "Akiko Mori, Professor, Kansai\n   Institute of Law (Japan)"
    entry = make_entry(text, 0, len(text), None)
    assert (entry.name_as_written, entry.kind, entry.role, entry.iso3) == (
        "Akiko Mori", "individual", "Professor, Kansai Institute of Law", "JPN")
    assert (entry.start, entry.end) == (0, len(text))


def test_canonical_forms_of_people_and_organisations():
    assert canonical_person("Dr. Jane Roe, Ph.D.") == "Jane Roe"
    assert canonical_key("The Open Gate & Friends Forum (OGFF)") == canonical_key("open gate and friends forum")


@pytest.mark.parametrize("line, name, role", [
    ("Jo Park, Professor of History, Lakeside University*", "Jo Park", "Professor of History, Lakeside University"),
    ("Ann Lee, founder, Bridge Fund†", "Ann Lee", "founder, Bridge Fund"),
])
def test_a_footnote_mark_after_an_entry_is_no_part_of_its_role(line, name, role):
    entry = make_entry(line, 0, len(line), None)
    assert (entry.name_as_written, entry.kind, entry.role) == (name, "individual", role)
