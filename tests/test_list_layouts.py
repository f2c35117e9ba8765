"""A signatory list's lines in each layout, stacked sponsor lists, and pipe tables of signatories.

A list's lines are cut from the document by ``find_signatories``, so the line layouts are
read through it; a pipe table is read on its own.
"""

import pytest
from seeds_corpus import assert_entry_offsets, signatory_entries, signatory_rows

from nkhr.extract.list_layouts import read_tables
from nkhr.extract.signatories import find_signatories
from nkhr.read.segmenting import split_passages

# --- One entry a line, its country or role beside or below it --------------------------------

@pytest.mark.parametrize("line, name, country", [
    ("Human AsiaSouth Korea", "Human Asia", "South Korea"),
    ("LUMENUnited States of America", "LUMEN", "United States of America"),
    ("Justice For North KoreaSouth Korea", "Justice For North Korea", "South Korea"),
    ("Open Society, Mongolia", "Open Society", "Mongolia"),
    ("Free Press (Japan)", "Free Press", "Japan"),
    ("Justice For North Korea", "Justice For North Korea", ""),
])
def test_country_is_split_only_where_the_line_states_one(line, name, country):
    entry = signatory_entries(f"Organisations\n{line}\n")[0]
    assert (entry.name_as_written, entry.country) == (name, country)


@pytest.mark.parametrize("line, name, role, country", [
    ("Keiko Amano, Member of the House of Representatives (Japan)", "Keiko Amano", "Member of the House of Representatives", "Japan"),
    ("Lord Ashby, Member of the House of Lords (United Kingdom)", "Lord Ashby", "Member of the House of Lords", "United Kingdom"),
    ("Clear Water Trust – Australia", "Clear Water Trust", "", "Australia"),
    ("Helena Vos - former member of a panel of experts", "Helena Vos", "former member of a panel of experts", ""),
    ("Ines Valcourt (in a personal capacity)", "Ines Valcourt", "in a personal capacity", ""),
])
def test_one_linesignatory_entries(line, name, role, country):
    entry = signatory_entries(f"Endorsed by:\n{line}\n")[0]
    assert (entry.name_as_written, entry.role, entry.country) == (name, role, country)


def test_name_and_country_in_columns():
    text = "Signatories\nHuman Rights Watch        United States\nOpen Gate Forum\tJapan\nPage 2 of 3\n"
    assert signatory_rows(text, "name_as_written", "country") == [("Human Rights Watch", "United States"), ("Open Gate Forum", "Japan")]


def test_names_on_one_line_and_roles_on_the_next():
    text = "Individuals\nJane Roe\nFormer Special Rapporteur on Myanmar\nRichard Doe, Ph.D.\nDirector of a research centre\n"
    entries = signatory_entries(text)
    assert [(e.name_as_written, e.role) for e in entries] == [
        ("Jane Roe", "Former Special Rapporteur on Myanmar"),
        ("Richard Doe, Ph.D.", "Director of a research centre"),
    ]


def test_run_on_roles_split_after_short_surnames_but_not_inside_names():
    text = ("Individuals\nJane OhFormer Special Rapporteur on Myanmar\nNadia BaeFormer Chairperson of a UN committee\n"
            "John McDonaldDirector of a research centre\nUlrike Nakamura, MPMember of Parliament for Busan\n")
    assert [(e.name_as_written, e.role) for e in signatory_entries(text)] == [
        ("Jane Oh", "Former Special Rapporteur on Myanmar"),
        ("Nadia Bae", "Former Chairperson of a UN committee"),
        ("John McDonald", "Director of a research centre"),
        ("Ulrike Nakamura, MP", "Member of Parliament for Busan"),
    ]


def test_a_signature_block_name_post_and_organisation():
    text = "We hope you will act.\n\nSincerely,\n\nJohn Smith\nAsia Director\nRights Watch International\n\n10 April 2018\n"
    assert signatory_rows(text, "name_as_written", "kind", "role") == [
        ("John Smith", "individual", "Asia Director, Rights Watch International")]


def test_country_headings_after_blank_lines_and_an_unheaded_first_group():
    text = ("Sincerely,\n\nWorld Refugee Watch\nGlobal Asylum Network\n\nJapan\nOsaka Rights Forum\n"
            "Kobe Families Association for Human Rights in\n    Northeast Asia\n\nRepublic of Korea\nHangang Bridge Foundation\n")
    entries = signatory_entries(text)
    assert [(e.name_as_written, e.iso3) for e in entries] == [
        ("World Refugee Watch", ""), ("Global Asylum Network", ""),
        ("Osaka Rights Forum", "JPN"), ("Kobe Families Association for Human Rights in Northeast Asia", "JPN"),
        ("Hangang Bridge Foundation", "KOR"),
    ]
    assert_entry_offsets(text, entries)


def test_a_country_line_right_after_a_name_is_that_names_country():
    text = "Groups\nDawn Harbour Society\nUnited Kingdom\n\n\nPine Ridge Network\nCanada\n"
    assert signatory_rows(text, "name_as_written", "country") == [("Dawn Harbour Society", "United Kingdom"), ("Pine Ridge Network", "Canada")]


def test_country_headings_without_blank_lines_after_an_office_line():
    text = ("Signed by:\nJin Soo-ah, Civic Party\nMember of the National\nAssembly\nMongolia\n"
            "Bold Erdene, Steppe Union\nMember of the State Great Khural\n")
    assert signatory_rows(text, "name_as_written", "role", "country") == [
        ("Jin Soo-ah", "Member of the National Assembly", ""),
        ("Bold Erdene", "Member of the State Great Khural", "Mongolia"),
    ]


# --- Resolutions: sponsors and co-sponsors ---------------------------------------------------

def test_markdown_sponsor_sections_with_wrapped_names():
    text = ("## Main sponsors (2)\n\n- Chile\n- Japan\n\n## Co-sponsors (3)\n\n- Micronesia (Federated\n  States of)\n"
            "- United Kingdom of Great Britain and\n  Northern Ireland\n- Peru\n\n## Summary\n\nThe draft asks for a report.\n")
    assert signatory_rows(text, "name_as_written", "kind", "role") == [
        ("Chile", "state", "sponsor"), ("Japan", "state", "sponsor"),
        ("Micronesia (Federated States of)", "state", "co-sponsor"),
        ("United Kingdom of Great Britain and Northern Ireland", "state", "co-sponsor"),
        ("Peru", "state", "co-sponsor"),
    ]


def test_stacked_sponsor_counts_then_lists_separated_by_empty_bullets():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors2\n- Co-sponsors3\n-\n"
            "- Chile\n- Japan\n-\n- Korea, Republic of\n- Peru\n- Spain\nGE.17-00000(E)\n"
            "The Council recalls all of its earlier resolutions on the situation in the region.\n")
    assert signatory_rows(text, "name_as_written", "role") == [
        ("Chile", "sponsor"), ("Japan", "sponsor"),
        ("Korea, Republic of", "co-sponsor"), ("Peru", "co-sponsor"), ("Spain", "co-sponsor"),
    ]


def test_a_single_list_under_stacked_counts_takes_the_label_it_fits():
    text = ("Situation of human rights in the region\nDocument Type: Final Resolution\n- Main sponsors2\n- Co-sponsors4\n"
            "-\n- Chile\n- Japan\n- Peru\nThe Council recalls all of its earlier resolutions on the situation in the region.\n")
    assert {e.role for e in signatory_entries(text)} == {"co-sponsor"}


def test_co_sponsors_as_a_comma_list_inline_or_under_a_run_together_count():
    prose = "\n\nThe Council recalls its earlier resolutions on the matter today.\n"
    text = "The draft was adopted.\n\nCo-sponsors: Albania, Andorra and Australia." + prose
    assert signatory_rows(text, "name_as_written", "role") == [
        ("Albania", "co-sponsor"), ("Andorra", "co-sponsor"), ("Australia", "co-sponsor")]
    text = "The draft was adopted.\n\nCo-sponsors58\nChile, Bosnia and\nHerzegovina, Korea, Republic of" + prose
    assert signatory_rows(text, "name_as_written", "kind", "role") == [
        ("Chile", "state", "co-sponsor"), ("Bosnia and Herzegovina", "state", "co-sponsor"),
        ("Korea, Republic of", "state", "co-sponsor")]


# --- Pipe tables -----------------------------------------------------------------------------

def test_a_pipe_table_of_signatories_with_a_country_column():
    text = ("## Signatories\n\n| No. | Organisation | Country |\n|---:|---|---|\n| 1 | Tide Line Refugee Aid | Japan |\n"
            "| 2 | Cedar Rights Lab, Inc. | United States |\n\nShare this\n")
    passages = split_passages(text, 0, len(text))
    entries, rows = read_tables(text, passages)
    assert [(e.name_as_written, e.kind, e.iso3) for e in entries] == [
        ("Tide Line Refugee Aid", "organisation", "JPN"), ("Cedar Rights Lab, Inc.", "organisation", "USA")]
    assert_entry_offsets(text, entries)
    # the rows' passages belong to the list, not to the statement's text
    assert rows == {p.n for p in passages if any(p.start <= e.start < p.end for e in entries)} and len(rows) == 2
    assert [e.name_as_written for e in signatory_entries(text)] == ["Tide Line Refugee Aid", "Cedar Rights Lab, Inc."]


def test_a_table_without_a_column_of_names_is_no_list():
    text = "| Year | Country | Returned |\n|---|---|---|\n| 2019 | Japan | 12 |\n| 2020 | Peru | 3 |\n\nShare this\n"
    assert read_tables(text, split_passages(text, 0, len(text))) == ([], set())


def test_the_last_row_of_a_table_at_the_end_of_the_text_keeps_its_country():
    from nkhr.read.segmenting import split_passages

    text = "Signatories\n\n| Organisation | Country |\n|---|---|\n| Hope Network | Japan |\n| River Fund | Canada |"
    entries = find_signatories(text, split_passages(text, 0, len(text))).entries
    assert [(e.name_as_written, e.country) for e in entries] == [("Hope Network", "Japan"), ("River Fund", "Canada")]


# --- Markdown country headings, tables made text, notes on marked entries ---------------------

def test_bold_country_headings_head_the_bullets_below_them_across_blank_lines():
    text = ("We urge the Assembly to act.\n\nYours faithfully,\n\n**Mongolia**\n\n- Steppe Light Forum\n- Gobi Rights Watch\n\n"
            "**Japan**\n\n- Harbour Mission Osaka\n- Aiko Sato, lawyer\n\n*More signers are listed online.*\n")
    assert signatory_rows(text, "name_as_written", "kind", "country", "role") == [
        ("Steppe Light Forum", "organisation", "Mongolia", ""), ("Gobi Rights Watch", "organisation", "Mongolia", ""),
        ("Harbour Mission Osaka", "organisation", "Japan", ""), ("Aiko Sato", "individual", "Japan", "lawyer"),
    ]
    assert_entry_offsets(text, signatory_entries(text))


def test_markdown_heading_countries_do_not_end_the_list():
    text = "## Signatories\n\n### Canada\n\n- Maple Aid Circle\n\n### Norway\n\n- Fjord Refugee Help\n"
    assert signatory_rows(text, "name_as_written", "country") == [("Maple Aid Circle", "Canada"), ("Fjord Refugee Help", "Norway")]


def test_a_plain_country_line_before_a_blank_line_is_still_a_signing_state():
    text = "Signed by:\n\nChile\n\nPeru\n"
    assert signatory_rows(text, "name_as_written", "kind") == [("Chile", "state"), ("Peru", "state")]


def test_a_table_made_text_reads_one_cell_a_line():
    # an HTML table turned into text: a header row of labels, an empty cell left as a blank line
    text = ("First signatories\n\nName\nOrganisation / title\nCountry\n\nLantern Aid Society\n\nThailand\n\n"
            "Rosa Kwon\nSenior Fellow, Harbour Institute\nCanada\n\nOpen Road Shelter\n\nJapan\n\nAdd your name\n\nShare:\n")
    assert signatory_rows(text, "name_as_written", "kind", "role", "country") == [
        ("Lantern Aid Society", "organisation", "", "Thailand"),
        ("Rosa Kwon", "individual", "Senior Fellow, Harbour Institute", "Canada"),
        ("Open Road Shelter", "organisation", "", "Japan"),
    ]
    assert_entry_offsets(text, signatory_entries(text))


def test_a_note_on_the_marks_after_entries_ends_the_list():
    text = ("Sincerely,\n\nJo Park, Professor of History, Lakeside University*\nAnn Lee, journalist\n\n"
            "* Institutions named for identification only.\n")
    assert signatory_rows(text, "name_as_written", "role") == [("Jo Park", "Professor of History, Lakeside University"),
                                                      ("Ann Lee", "journalist")]


def test_a_markdown_star_bullet_after_a_marked_name_is_still_an_entry():
    # UN lists mark non-members with a glued asterisk; "* " is also a Markdown bullet
    text = "Signatories:\n\n* Open Gate Forum*\n* River Aid Society\n* Hill Watch\n"
    assert [e.name_as_written for e in signatory_entries(text)] == ["Open Gate Forum", "River Aid Society", "Hill Watch"]


def test_a_bold_line_that_is_no_country_is_no_signatory():
    text = "Signatories\n\n**Faith groups**\n\nHill Chapel Mission\nRiver Church Aid\n"
    assert [e.name_as_written for e in signatory_entries(text)] == ["Hill Chapel Mission", "River Church Aid"]


def test_a_table_made_text_with_a_post_and_an_organisation_column():
    text = ("Signatories\n\nSignatory\nPosition\nOrganisation\nCountry\n\nRosa Kwon\nSenior Fellow\nHarbour Institute\nCanada\n\n"
            "Lantern Aid Society\n\n\nThailand\n")
    assert signatory_rows(text, "name_as_written", "kind", "role", "country") == [
        ("Rosa Kwon", "individual", "Senior Fellow, Harbour Institute", "Canada"),
        ("Lantern Aid Society", "organisation", "", "Thailand"),
    ]
