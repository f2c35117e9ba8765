"""Signatory lists in layouts other than the seeds', and the name rules."""

import pandas as pd
import pytest
from seeds_corpus import fixtures

from nkhr.extract.signatories import (
    canonical_key,
    canonical_person,
    canonicalise_names,
    find_signatories,
)
from nkhr.read.segmenting import split_passages


def _entries(text, sponsor_spans=()):
    return find_signatories(text, split_passages(text, 0, len(text)), sponsor_spans).entries


def _rows(text, *attributes):
    """The entries as tuples of the attributes a researcher reads."""
    return [tuple(getattr(e, a) for a in attributes) for e in _entries(text)]


def _assert_offsets(text, entries):
    for entry in entries:
        assert entry.start < entry.end and " ".join(text[entry.start:entry.end].split()).startswith(entry.name_as_written[:3])
        if entry.country_start is not None:
            assert text[entry.country_start:entry.country_end] == entry.country


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


# --- Headings that open a list ---------------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Signatories", "**Signatories**", "## Signatories (2)", "Signatories:", "List of signatories", "Endorsed by",
    "Signed by:", "SIGNATORIES", "Supporting organisations (in alphabetical order)",
])
def test_headings_open_a_list(heading):
    text = f"We ask for an open meeting.\n\n{heading}\n\nNorth Star Refugee Network\nRiver Crossing Legal Aid\n"
    assert [e.name_as_written for e in _entries(text)] == ["North Star Refugee Network", "River Crossing Legal Aid"]


def test_markdown_sub_headings_set_the_kind_and_restart_numbering():
    text = ("Yours sincerely,\n\n**Organisations**\n\n1. Lantern Aid Society\n2. Harbour Watch\n\n"
            "**Individuals** *(affiliations for identification only)*\n\n1. Mina Park, Director, Seaside Institute\n"
            "2. Tomas Varga, retired judge\n")
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("Lantern Aid Society", "organisation", ""),
        ("Harbour Watch", "organisation", ""),
        ("Mina Park", "individual", "Director, Seaside Institute"),
        ("Tomas Varga", "individual", "retired judge"),
    ]


def test_a_vote_heading_ends_a_sponsor_list_and_is_not_read():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors1\n- Co-sponsors3\n-\n"
            "- In Favour\n- Chile\n- Peru\n- Against\n- Cuba\nThe Council recalls all of its earlier resolutions on the region.\n")
    assert [p.boilerplate for p in split_passages(text, 0, len(text))].count(False) > 3
    assert _entries(text) == []


# --- Lists without a heading -----------------------------------------------------------------

def test_names_after_a_closing_salutation():
    text = "We thank you for your attention to this appeal.\n\nRespectfully,\n\nGreen Valley Refugee Forum\nEast Gate Advocates\n"
    assert _rows(text, "name_as_written", "kind") == [
        ("Green Valley Refugee Forum", "organisation"), ("East Gate Advocates", "organisation")]


def test_names_after_a_sentence_that_introduces_them_with_a_colon():
    text = ("The statement was signed for their groups by:\n\nOcean Bridge Network (Japan)\n"
            "Miriam Hale, Chair of a refugee council (Canada)\n")
    assert _rows(text, "name_as_written", "kind", "role", "country") == [
        ("Ocean Bridge Network", "organisation", "", "Japan"),
        ("Miriam Hale", "individual", "Chair of a refugee council", "Canada"),
    ]


def test_a_signature_block_name_post_and_organisation():
    text = "We hope you will act.\n\nSincerely,\n\nJohn Smith\nAsia Director\nRights Watch International\n\n10 April 2018\n"
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("John Smith", "individual", "Asia Director, Rights Watch International")]


def test_words_about_the_list_are_not_a_name():
    assert _entries("We hope you will act.\n\nSincerely,\nThe undersigned organisations\n") == []


def test_demands_introduced_by_a_colon_are_not_signatories():
    text = "The undersigned organisations call on the government to:\n\n1. Release all detainees\n2. Admit monitors\n"
    assert _entries(text) == []


# --- Layouts of a list -----------------------------------------------------------------------

def test_bullets_whose_country_wraps_onto_an_indented_line():
    text = ("Organizations\n• Coastal Families Support Network\n  (South Korea)\n• Hill Country Legal Clinic (Japan)\n"
            "  \nIndividuals\n• Ana Ruiz, Professor of Law, Valle University\n")
    entries = _entries(text)
    assert [(e.name_as_written, e.kind, e.country, e.role) for e in entries] == [
        ("Coastal Families Support Network", "organisation", "South Korea", ""),
        ("Hill Country Legal Clinic", "organisation", "Japan", ""),
        ("Ana Ruiz", "individual", "", "Professor of Law, Valle University"),
    ]
    _assert_offsets(text, entries)


def test_numbered_names_wrap_onto_an_indented_line():
    text = "Signatories\n\n1. League of Friends of the\n   Northern Families\n2) Open Door Project\n"
    assert [e.name_as_written for e in _entries(text)] == ["League of Friends of the Northern Families", "Open Door Project"]


def test_country_headings_after_blank_lines_and_an_unheaded_first_group():
    text = ("Sincerely,\n\nWorld Refugee Watch\nGlobal Asylum Network\n\nJapan\nOsaka Rights Forum\n"
            "Kobe Families Association for Human Rights in\n    Northeast Asia\n\nRepublic of Korea\nHangang Bridge Foundation\n")
    entries = _entries(text)
    assert [(e.name_as_written, e.iso3) for e in entries] == [
        ("World Refugee Watch", ""), ("Global Asylum Network", ""),
        ("Osaka Rights Forum", "JPN"), ("Kobe Families Association for Human Rights in Northeast Asia", "JPN"),
        ("Hangang Bridge Foundation", "KOR"),
    ]
    _assert_offsets(text, entries)


def test_a_country_line_right_after_a_name_is_that_names_country():
    text = "Groups\nDawn Harbour Society\nUnited Kingdom\n\n\nPine Ridge Network\nCanada\n"
    assert _rows(text, "name_as_written", "country") == [("Dawn Harbour Society", "United Kingdom"), ("Pine Ridge Network", "Canada")]


def test_country_headings_without_blank_lines_after_an_office_line():
    text = ("Signed by:\nJin Soo-ah, Civic Party\nMember of the National\nAssembly\nMongolia\n"
            "Bold Erdene, Steppe Union\nMember of the State Great Khural\n")
    assert _rows(text, "name_as_written", "role", "country") == [
        ("Jin Soo-ah", "Member of the National Assembly", ""),
        ("Bold Erdene", "Member of the State Great Khural", "Mongolia"),
    ]


@pytest.mark.parametrize("line, name, role, country", [
    ("Keiko Amano, Member of the House of Representatives (Japan)", "Keiko Amano", "Member of the House of Representatives", "Japan"),
    ("Lord Ashby, Member of the House of Lords (United Kingdom)", "Lord Ashby", "Member of the House of Lords", "United Kingdom"),
    ("Clear Water Trust – Australia", "Clear Water Trust", "", "Australia"),
    ("Helena Vos - former member of a panel of experts", "Helena Vos", "former member of a panel of experts", ""),
    ("Ines Valcourt (in a personal capacity)", "Ines Valcourt", "in a personal capacity", ""),
])
def test_one_line_entries(line, name, role, country):
    entry = _entries(f"Endorsed by:\n{line}\n")[0]
    assert (entry.name_as_written, entry.role, entry.country) == (name, role, country)


def test_footnotes_and_page_debris_end_a_list():
    text = ("Signatories\n• Sun Valley Aid\n• Moon Harbour Forum\n\n[1] A report published in the spring of that year.\n"
            "List | Print\n")
    assert [e.name_as_written for e in _entries(text)] == ["Sun Valley Aid", "Moon Harbour Forum"]
    text = "Signatories\nSun Valley Aid\n1 The deadline was announced by the secretariat on 3 March.\nShare this\n"
    assert [e.name_as_written for e in _entries(text)] == ["Sun Valley Aid"]


def test_name_and_country_in_columns():
    text = "Signatories\nHuman Rights Watch        United States\nOpen Gate Forum\tJapan\nPage 2 of 3\n"
    assert _rows(text, "name_as_written", "country") == [("Human Rights Watch", "United States"), ("Open Gate Forum", "Japan")]


def test_a_pipe_table_of_signatories_with_a_country_column():
    text = ("## Signatories\n\n| No. | Organisation | Country |\n|---:|---|---|\n| 1 | Tide Line Refugee Aid | Japan |\n"
            "| 2 | Cedar Rights Lab, Inc. | United States |\n\nShare this\n")
    entries = _entries(text)
    assert [(e.name_as_written, e.kind, e.iso3) for e in entries] == [
        ("Tide Line Refugee Aid", "organisation", "JPN"), ("Cedar Rights Lab, Inc.", "organisation", "USA")]
    _assert_offsets(text, entries)


# --- Inline lists ----------------------------------------------------------------------------

def test_signed_by_list_running_over_lines_with_an_individuals_role():
    text = ("This appeal is signed by the River Aid Clinic, the\nHill Rights Forum, Shelter House Network, and\n"
            "Amara Osei, an independent researcher.\n")
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("River Aid Clinic", "organisation", ""), ("Hill Rights Forum", "organisation", ""),
        ("Shelter House Network", "organisation", ""), ("Amara Osei", "individual", "independent researcher"),
    ]


def test_signed_by_heading_with_the_list_on_the_same_line():
    text = "**Signed by:** Blue Sky Forum (South Korea), Far Shore Aid (Japan) and\nIsland Mission (Philippines).\n"
    assert _rows(text, "name_as_written", "country") == [
        ("Blue Sky Forum", "South Korea"), ("Far Shore Aid", "Japan"), ("Island Mission", "Philippines")]


def test_only_the_named_signers_of_a_larger_number():
    text = "The letter was signed by 35 organisations, including Open Gate Forum, River Aid and Hill Watch.\n"
    assert [e.name_as_written for e in _entries(text)] == ["Open Gate Forum", "River Aid", "Hill Watch"]


def test_lower_case_pieces_make_no_list():
    assert _entries("The letter was signed by several groups, many of them small, and by a few people.\n") == []


def test_a_state_signs_as_itself_with_no_country_of_its_own():
    entry = _entries("Joint statement by Chile and Peru on refugees.\n")[0]
    assert (entry.kind, entry.country, entry.iso3) == ("state", "", "")


def test_a_list_restated_in_the_body_adds_no_second_signature():
    text = ("Delivered on behalf of Chile, Peru and Ghana.\n\nChile, Peru and Ghana regret the decision, and the statement\n"
            "was delivered on behalf of Chile, Peru and Ghana again.\n")
    assert [e.name_as_written for e in _entries(text)] == ["Chile", "Peru", "Ghana"]


def test_states_on_whose_behalf_a_statement_is_delivered():
    text = ("(Delivered by the Ambassador of Chile, on behalf of Chile, Bosnia and Herzegovina, the Republic\n"
            "of Korea, Trinidad and Tobago, and the European Union.)\n\nWe speak on behalf of 4 States and the European Union.\n")
    assert _rows(text, "name_as_written", "kind") == [
        ("Chile", "state"), ("Bosnia and Herzegovina", "state"), ("Republic of Korea", "state"),
        ("Trinidad and Tobago", "state"), ("European Union", "organisation"),
    ]


def test_states_after_a_colon_or_composed_of():
    text = "I speak on behalf of the following 3 States: Chile, Peru and Ghana.\n"
    assert [e.name_as_written for e in _entries(text)] == ["Chile", "Peru", "Ghana"]
    text = "This statement is delivered on behalf of the Core Group, composed of Chile, Peru and Ghana.\n"
    assert [e.name_as_written for e in _entries(text)] == ["Chile", "Peru", "Ghana"]


def test_only_the_named_states_of_a_larger_group():
    text = "Delivered on behalf of a group of 30 States, including Chile, Japan and the United Kingdom.\n"
    assert [e.name_as_written for e in _entries(text)] == ["Chile", "Japan", "United Kingdom"]


def test_states_aligning_themselves_with_a_statement():
    text = ("The following countries associate themselves with this statement: the candidate countries Serbia*,\n"
            "Albania* and Ukraine, the EFTA country Norway, member of the European Economic Area, as well as Georgia.\n")
    assert [e.name_as_written for e in _entries(text)] == ["Serbia", "Albania", "Ukraine", "Norway", "Georgia"]


def test_joint_statement_by_states_in_a_title_stops_where_the_sentence_goes_on():
    text = "Joint Statement by Chile, Ghana, and the United States on the Situation in the Region\n2023/11/02\n"
    assert [e.name_as_written for e in _entries(text)] == ["Chile", "Ghana", "United States"]


def test_a_narrative_mention_of_states_is_no_list():
    text = "We call on the governments of China and Russia to stop returning refugees, as the statement by China claims.\n"
    assert _entries(text) == []


# --- Resolutions: sponsors and co-sponsors -----------------------------------------------------

def test_markdown_sponsor_sections_with_wrapped_names():
    text = ("## Main sponsors (2)\n\n- Chile\n- Japan\n\n## Co-sponsors (3)\n\n- Micronesia (Federated\n  States of)\n"
            "- United Kingdom of Great Britain and\n  Northern Ireland\n- Peru\n\n## Summary\n\nThe draft asks for a report.\n")
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("Chile", "state", "sponsor"), ("Japan", "state", "sponsor"),
        ("Micronesia (Federated States of)", "state", "co-sponsor"),
        ("United Kingdom of Great Britain and Northern Ireland", "state", "co-sponsor"),
        ("Peru", "state", "co-sponsor"),
    ]


def test_stacked_sponsor_counts_then_lists_separated_by_empty_bullets():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors2\n- Co-sponsors3\n-\n"
            "- Chile\n- Japan\n-\n- Korea, Republic of\n- Peru\n- Spain\nGE.17-00000(E)\n"
            "The Council recalls all of its earlier resolutions on the situation in the region.\n")
    assert _rows(text, "name_as_written", "role") == [
        ("Chile", "sponsor"), ("Japan", "sponsor"),
        ("Korea, Republic of", "co-sponsor"), ("Peru", "co-sponsor"), ("Spain", "co-sponsor"),
    ]


def test_a_single_list_under_stacked_counts_takes_the_label_it_fits():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors2\n- Co-sponsors4\n"
            "-\n- Chile\n- Japan\n- Peru\nThe Council recalls all of its earlier resolutions on the situation in the region.\n")
    assert {e.role for e in _entries(text)} == {"co-sponsor"}


def test_co_sponsors_as_a_comma_list_inline_or_under_a_run_together_count():
    prose = "\n\nThe Council recalls its earlier resolutions on the matter today.\n"
    text = "The draft was adopted.\n\nCo-sponsors: Albania, Andorra and Australia." + prose
    assert _rows(text, "name_as_written", "role") == [
        ("Albania", "co-sponsor"), ("Andorra", "co-sponsor"), ("Australia", "co-sponsor")]
    text = "The draft was adopted.\n\nCo-sponsors58\nChile, Bosnia and\nHerzegovina, Korea, Republic of" + prose
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("Chile", "state", "co-sponsor"), ("Bosnia and Herzegovina", "state", "co-sponsor"),
        ("Korea, Republic of", "state", "co-sponsor")]


def test_a_drafts_sponsor_paragraph():
    text = ("Agenda item 68\n\n   Albania, Antigua and Barbuda, Micronesia (Federated States of), Republic of\n"
            "   Korea and United States of America: draft resolution\n")
    span = (text.index("Albania"), text.index(":"))
    assert [(e.name_as_written, e.role) for e in _entries(text, [span])] == [
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
