"""Signatory lists written into a sentence: signed by, on behalf of, joint statements, states aligning."""

import pytest
from seeds_corpus import fixtures

from nkhr.extract.inline import inline_entries


def _entries(text):
    return inline_entries(text, 0, len(text), None)


def _rows(text, *attributes):
    """The entries as tuples of the attributes a researcher reads."""
    return [tuple(getattr(e, a) for a in attributes) for e in _entries(text)]


def test_inline_signed_by_list():
    signatories = fixtures().signatories.query("doc_id == 'inline_signed'")
    assert signatories["name"].tolist() == ["Human Rights Watch", "Amnesty International", "Jane Roe"]
    assert signatories["kind"].tolist() == ["organisation", "organisation", "individual"]
    assert signatories["country"].fillna("").tolist() == ["", "", "South Africa"]


def test_signed_by_list_running_over_lines_with_an_individuals_role():
    text = ("This appeal is signed by the River Aid Clinic, the\nHill Rights Forum, Shelter House Network, and\n"
            "Amara Osei, an independent researcher.\n")
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("River Aid Clinic", "organisation", ""), ("Hill Rights Forum", "organisation", ""),
        ("Shelter House Network", "organisation", ""), ("Amara Osei", "individual", "independent researcher"),
    ]


def test_only_the_named_signers_of_a_larger_number():
    text = "The letter was signed by 35 organisations, including Open Gate Forum, River Aid and Hill Watch.\n"
    assert [e.name_as_written for e in _entries(text)] == ["Open Gate Forum", "River Aid", "Hill Watch"]


def test_lower_case_pieces_make_no_list():
    assert _entries("The letter was signed by several groups, many of them small, and by a few people.\n") == []


def test_a_state_signs_as_itself_with_no_country_of_its_own():
    entry = _entries("Joint statement by Chile and Peru on refugees.\n")[0]
    assert (entry.kind, entry.country, entry.iso3) == ("state", "", "")


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


def test_a_count_of_signers_before_a_colon_opens_a_list_on_a_flattened_page():
    # a PDF page flattened onto one line: closing, count, colon, names, and the page number after the last one
    text = ("Thank you for your attention  Yours truly, 4 Civic Groups in Mongolia : Steppe Light Forum, "
            "Gobi Rights Watch, River Hope Network, Altai Families' Circle 2\n\nMake a flipbook\n")
    assert _rows(text, "name_as_written", "kind") == [
        ("Steppe Light Forum", "organisation"), ("Gobi Rights Watch", "organisation"),
        ("River Hope Network", "organisation"), ("Altai Families' Circle", "organisation"),
    ]
    for entry in _entries(text):
        assert text[entry.start:entry.end] == entry.name_as_written


@pytest.mark.parametrize("text", [
    # more names than the count: the colon does not introduce the signers
    "We are 2 groups of volunteers: Steppe Light Forum, Gobi Rights Watch, River Hope Network and Altai Circle.\n",
    # demands after the colon, not names
    "We, 3 organisations, ask the Government: to stop returns, to open the camps, and to free the detained.\n",
])
def test_a_count_before_a_colon_without_its_names_gives_no_list(text):
    assert _entries(text) == []


def test_a_role_after_the_last_name_runs_to_the_end_of_the_list():
    text = ("This appeal is endorsed by the Harbour Light Mission, the Centre for Lost Families and Min-ji Oh, "
            "a former detainee and founder of the Pine Hill Survivors' Group.\n")
    assert _rows(text, "name_as_written", "kind", "role") == [
        ("Harbour Light Mission", "organisation", ""), ("Centre for Lost Families", "organisation", ""),
        ("Min-ji Oh", "individual", "former detainee and founder of the Pine Hill Survivors' Group"),
    ]


def test_a_country_in_brackets_after_the_closing_role_is_the_person_s_country():
    text = ("This letter is signed by the Lake Road Archive (Japan) and Dr. Tomas Vid, "
            "former member of the National Assembly (Slovenia).\n")
    last = _entries(text)[-1]
    assert (last.name_as_written, last.role, last.country) == (
        "Dr. Tomas Vid", "former member of the National Assembly", "Slovenia")
    assert text[last.country_start:last.country_end] == "Slovenia"


def test_a_list_without_a_role_keeps_its_last_name_after_and():
    text = "The statement is signed by Hill Watch, River Aid, and Open Gate Forum\n"
    assert [e.name_as_written for e in _entries(text)] == ["Hill Watch", "River Aid", "Open Gate Forum"]


def test_a_count_inside_a_sentence_does_not_open_a_list():
    text = "The report names the 4 groups most at risk: Farmers, Soldiers, Students and Returnees.\n"
    assert _entries(text) == []
