"""Signatory lists in layouts other than the seeds', and the name rules."""

import pandas as pd
import pytest
from seeds_corpus import (
    assert_entry_offsets,
    fixtures,
    signatory_entries,
    signatory_rows,
)

from nkhr.extract.signatories import (
    canonical_key,
    canonical_person,
    canonicalise_names,
)
from nkhr.read.segmenting import split_passages


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
    listed = "signatories" if "signatories" in counts.index else "organisations"  # "5 organisations" may be read either way
    assert counts.loc[listed, ["stated", "counted"]].tolist() == [5, 5]
    assert counts.loc["signatory_countries", ["stated", "counted"]].tolist() == [3, 3]


def test_a_list_stops_at_running_text():
    text = ("Signatories\nHuman Asia\nOpen North Korea\n"
            "For many years these groups have worked together on the situation of refugees in the region and they will keep doing so.\n")
    assert [e.name_as_written for e in signatory_entries(text)] == ["Human Asia", "Open North Korea"]


def test_canonical_forms():
    assert canonical_person("David Alton, Lord") == "David Alton"
    assert canonical_key("Citizens’ Alliance (NKHR)") == canonical_key("citizens' alliance")


# --- Headings that open a list ---------------------------------------------------------------


@pytest.mark.parametrize("heading", [
    "Signatories", "**Signatories**", "## Signatories (2)", "Signatories:", "List of signatories", "Endorsed by",
    "Signed by:", "SIGNATORIES", "Supporting organisations (in alphabetical order)",
])
def test_headings_open_a_list(heading):
    text = f"We ask for an open meeting.\n\n{heading}\n\nNorth Star Refugee Network\nRiver Crossing Legal Aid\n"
    assert [e.name_as_written for e in signatory_entries(text)] == ["North Star Refugee Network", "River Crossing Legal Aid"]


def test_markdown_sub_headings_set_the_kind_and_restart_numbering():
    text = ("Yours sincerely,\n\n**Organisations**\n\n1. Lantern Aid Society\n2. Harbour Watch\n\n"
            "**Individuals** *(affiliations for identification only)*\n\n1. Mina Park, Director, Seaside Institute\n"
            "2. Tomas Varga, retired judge\n")
    assert signatory_rows(text, "name_as_written", "kind", "role") == [
        ("Lantern Aid Society", "organisation", ""),
        ("Harbour Watch", "organisation", ""),
        ("Mina Park", "individual", "Director, Seaside Institute"),
        ("Tomas Varga", "individual", "retired judge"),
    ]


def test_a_vote_heading_ends_a_sponsor_list_and_is_not_read():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors1\n- Co-sponsors3\n-\n"
            "- In Favour\n- Chile\n- Peru\n- Against\n- Cuba\nThe Council recalls all of its earlier resolutions on the region.\n")
    assert [p.boilerplate for p in split_passages(text, 0, len(text))].count(False) > 3
    assert signatory_entries(text) == []


# --- Lists without a heading -----------------------------------------------------------------


def test_names_after_a_closing_salutation():
    text = "We thank you for your attention to this appeal.\n\nRespectfully,\n\nGreen Valley Refugee Forum\nEast Gate Advocates\n"
    assert signatory_rows(text, "name_as_written", "kind") == [
        ("Green Valley Refugee Forum", "organisation"), ("East Gate Advocates", "organisation")]


def test_names_after_a_sentence_that_introduces_them_with_a_colon():
    text = ("The statement was signed for their groups by:\n\nOcean Bridge Network (Japan)\n"
            "Miriam Hale, Chair of a refugee council (Canada)\n")
    assert signatory_rows(text, "name_as_written", "kind", "role", "country") == [
        ("Ocean Bridge Network", "organisation", "", "Japan"),
        ("Miriam Hale", "individual", "Chair of a refugee council", "Canada"),
    ]


def test_words_about_the_list_are_not_a_name():
    assert signatory_entries("We hope you will act.\n\nSincerely,\nThe undersigned organisations\n") == []


def test_demands_introduced_by_a_colon_are_not_signatories():
    text = "The undersigned organisations call on the government to:\n\n1. Release all detainees\n2. Admit monitors\n"
    assert signatory_entries(text) == []


# --- Layouts of a list -----------------------------------------------------------------------


def test_bullets_whose_country_wraps_onto_an_indented_line():
    text = ("Organizations\n• Coastal Families Support Network\n  (South Korea)\n• Hill Country Legal Clinic (Japan)\n"
            "  \nIndividuals\n• Ana Ruiz, Professor of Law, Valle University\n")
    entries = signatory_entries(text)
    assert [(e.name_as_written, e.kind, e.country, e.role) for e in entries] == [
        ("Coastal Families Support Network", "organisation", "South Korea", ""),
        ("Hill Country Legal Clinic", "organisation", "Japan", ""),
        ("Ana Ruiz", "individual", "", "Professor of Law, Valle University"),
    ]
    assert_entry_offsets(text, entries)


def test_numbered_names_wrap_onto_an_indented_line():
    text = "Signatories\n\n1. League of Friends of the\n   Northern Families\n2) Open Door Project\n"
    assert [e.name_as_written for e in signatory_entries(text)] == ["League of Friends of the Northern Families", "Open Door Project"]


def test_footnotes_and_page_debris_end_a_list():
    text = ("Signatories\n• Sun Valley Aid\n• Moon Harbour Forum\n\n[1] A report published in the spring of that year.\n"
            "List | Print\n")
    assert [e.name_as_written for e in signatory_entries(text)] == ["Sun Valley Aid", "Moon Harbour Forum"]
    text = "Signatories\nSun Valley Aid\n1 The deadline was announced by the secretariat on 3 March.\nShare this\n"
    assert [e.name_as_written for e in signatory_entries(text)] == ["Sun Valley Aid"]


# --- Inline lists opened by a heading, and lists restated in the body -------------------------


def test_signed_by_heading_with_the_list_on_the_same_line():
    text = "**Signed by:** Blue Sky Forum (South Korea), Far Shore Aid (Japan) and\nIsland Mission (Philippines).\n"
    assert signatory_rows(text, "name_as_written", "country") == [
        ("Blue Sky Forum", "South Korea"), ("Far Shore Aid", "Japan"), ("Island Mission", "Philippines")]


def test_a_list_restated_in_the_body_adds_no_second_signature():
    text = ("Delivered on behalf of Chile, Peru and Ghana.\n\nChile, Peru and Ghana regret the decision, and the statement\n"
            "was delivered on behalf of Chile, Peru and Ghana again.\n")
    assert [e.name_as_written for e in signatory_entries(text)] == ["Chile", "Peru", "Ghana"]


# --- Resolutions: sponsors and co-sponsors -----------------------------------------------------


def test_a_drafts_sponsor_paragraph():
    text = ("Agenda item 68\n\n   Albania, Antigua and Barbuda, Micronesia (Federated States of), Republic of\n"
            "   Korea and United States of America: draft resolution\n")
    span = (text.index("Albania"), text.index(":"))
    assert [(e.name_as_written, e.role) for e in signatory_entries(text, [span])] == [
        ("Albania", "sponsor"), ("Antigua and Barbuda", "sponsor"), ("Micronesia (Federated States of)", "sponsor"),
        ("Republic of Korea", "sponsor"), ("United States of America", "sponsor")]


# --- Canonical names -------------------------------------------------------------------------


@pytest.mark.parametrize("one, other", [
    ("Now Action & Unity for Human Rights", "Now Action and Unity for Human Rights"),
    ("The 88 Project", "88 Project"),
    ("Citizens’ Alliance for Rights (CAR)", "citizens' alliance for rights"),
    ("Open Gate Forum - OGF", "Open Gate Forum."),
    ("Network for Peace, Inc", "Network for Peace Inc."),
])
def test_canonical_key_survives_small_spelling_differences(one, other):
    assert canonical_key(one) == canonical_key(other)


def test_canonical_key_keeps_different_organisations_apart():
    assert canonical_key("Open Gate Forum") != canonical_key("Open Gate Foundation")


def test_canonicalise_names_gives_one_spelling_per_organisation_and_state():
    frame = pd.DataFrame({
        "name_as_written": ["Now Action & Unity (NAUH)", "Now Action and Unity", "Korea, Republic of", "Dr. Jane Roe"],
        "kind": ["organisation", "organisation", "state", "individual"],
    })
    names = canonicalise_names(frame)["name"].tolist()
    assert names == ["Now Action & Unity (NAUH)", "Now Action & Unity (NAUH)", "South Korea", "Jane Roe"]
    assert "name" not in frame.columns  # the input is not changed


@pytest.mark.parametrize("label", ["Organisations:", "Organisations (3):", "3 Civil Society Organizations in ROK:"])
def test_a_label_ending_in_a_colon_heads_the_names_below_it(label):
    text = f"We urge the Council to act now on this matter.\n\nSincerely,\n\n{label}\nHill Forum\nRiver Network\nOpen Gate Circle\n"
    assert signatory_rows(text, "name_as_written", "kind") == [
        ("Hill Forum", "organisation"), ("River Network", "organisation"), ("Open Gate Circle", "organisation")]


def test_a_clause_ending_in_a_colon_is_no_label():
    text = "Two groups in Seoul have asked:\n\nthat the camps close\n"
    assert signatory_entries(text) == []
