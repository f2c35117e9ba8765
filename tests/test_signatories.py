"""Signatory lists in layouts other than the seeds', and the name rules."""

import pytest
from seeds_corpus import fixtures

from nkhr.extract.signatories import canonical_key, canonical_person, find_signatories
from nkhr.read.segmenting import split_passages


def _entries(text):
    return find_signatories(text, split_passages(text, 0, len(text))).entries


def test_bullets_under_country_headings_take_the_heading_country():
    signatories = fixtures().signatories.query("doc_id == 'bullets_by_country'")
    assert signatories[["name", "iso3"]].values.tolist() == [
        ["Life Funds for North Korean Refugees", "JPN"],
        ["Society to Help Returnees to North Korea", "JPN"],
        ["Database Center for North Korean Human Rights (NKDB)", "KOR"],
        ["Transitional Justice Working Group", "KOR"],
        ["HanVoice", "CAN"],
    ]
    assert (signatories["kind"] == "organisation").all()


def test_stated_count_of_a_bulleted_list_agrees():
    counts = fixtures().stated_counts.query("doc_id == 'bullets_by_country'").set_index("counts")
    assert counts.loc["signatories", ["stated", "counted"]].tolist() == [5, 5]
    assert counts.loc["signatory_countries", ["stated", "counted"]].tolist() == [3, 3]


def test_inline_signed_by_list():
    signatories = fixtures().signatories.query("doc_id == 'inline_signed'")
    assert signatories["name"].tolist() == ["Human Rights Watch", "Amnesty International", "Jane Roe"]
    assert signatories["kind"].tolist() == ["organisation", "organisation", "individual"]
    assert signatories["country"].fillna("").tolist() == ["", "", "South Africa"]


@pytest.mark.parametrize("line, name, country", [
    ("Human AsiaSouth Korea", "Human Asia", "South Korea"),
    ("LUMENUnited States of America", "LUMEN", "United States of America"),
    ("Justice For North KoreaSouth Korea", "Justice For North Korea", "South Korea"),
    ("Open Society, Mongolia", "Open Society", "Mongolia"),
    ("Free Press (Japan)", "Free Press", "Japan"),
    ("Justice For North Korea", "Justice For North Korea", ""),
])
def test_country_is_split_only_where_the_line_states_one(line, name, country):
    entry = _entries(f"Organisations\n{line}\n")[0]
    assert (entry.name_as_written, entry.country) == (name, country)


def test_names_on_one_line_and_roles_on_the_next():
    text = "Individuals\nJane Roe\nFormer Special Rapporteur on Myanmar\nRichard Doe, Ph.D.\nDirector of a research centre\n"
    entries = _entries(text)
    assert [(e.name_as_written, e.role) for e in entries] == [
        ("Jane Roe", "Former Special Rapporteur on Myanmar"),
        ("Richard Doe, Ph.D.", "Director of a research centre"),
    ]


def test_a_list_stops_at_running_text():
    text = ("Signatories\nHuman Asia\nOpen North Korea\n"
            "For many years these groups have worked together on the situation of refugees in the region and they will keep doing so.\n")
    assert [e.name_as_written for e in _entries(text)] == ["Human Asia", "Open North Korea"]


def test_canonical_forms():
    assert canonical_person("David Alton, Lord") == "David Alton"
    assert canonical_key("Citizens’ Alliance (NKHR)") == canonical_key("citizens' alliance")


def test_run_on_roles_split_after_short_surnames_but_not_inside_names():
    text = ("Individuals\nJane OhFormer Special Rapporteur on Myanmar\nNadia BaeFormer Chairperson of a UN committee\n"
            "John McDonaldDirector of a research centre\nUlrike Nakamura, MPMember of Parliament for Busan\n")
    assert [(e.name_as_written, e.role) for e in _entries(text)] == [
        ("Jane Oh", "Former Special Rapporteur on Myanmar"),
        ("Nadia Bae", "Former Chairperson of a UN committee"),
        ("John McDonald", "Director of a research centre"),
        ("Ulrike Nakamura, MP", "Member of Parliament for Busan"),
    ]
