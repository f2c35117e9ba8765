"""Stated counts: the number a statement gives of its own signers, set beside the list it carries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkhr.extract.signatories import Signatory
from nkhr.extract.stated_counts import stated_counts
from nkhr.read.segmenting import Passage, split_passages


def read(text: str, entries: list[Signatory] = ()) -> list[dict]:
    rows = stated_counts(text, split_passages(text, 0, len(text)), list(entries))
    for row in rows:
        assert text[row["start"]:row["end"]] == row["quote"]
    return rows


def counts(text: str, entries: list[Signatory] = ()) -> list[tuple[str, int]]:
    return [(row["counts"], row["stated"]) for row in read(text, entries)]


def entry(name: str, kind: str, iso3: str = "", roles: list[str] | None = None) -> Signatory:
    return Signatory(name, kind, 0, 0, iso3=iso3, roles=roles or [])


@pytest.mark.parametrize("text, expected", [
    ("We write on behalf of 14 civic groups from 6 countries to ask for your help.",
     [("organisations", 14), ("signatory_countries", 6)]),
    ("This appeal is endorsed by 20 organisations and 4 individuals.", [("organisations", 20), ("individuals", 4)]),
    ("We, the undersigned 12 organizations and 3 individuals, ask the Council to meet.",
     [("organisations", 12), ("individuals", 3)]),
    ("We, the 9 undersigned organisations, welcome the report.", [("organisations", 9)]),
    ("We are 13 organizations and individuals from three countries and we write to you.",
     [("signatories", 13), ("signatory_countries", 3)]),
    ("We, eleven legislators from four countries, meet today in Oslo.",
     [("signatories", 11), ("signatory_countries", 4)]),
    (("The Lantern Network, together with 19 other non-governmental organisations and 2 individuals, has written "
      "to the minister."), [("organisations", 20), ("individuals", 2)]),
    ("I speak on behalf of 36 civil society partners in the region.", [("organisations", 36)]),
])
def test_a_count_is_read_with_what_it_counts(text, expected):
    assert counts(text) == expected


def test_states_are_counted_apart_from_the_european_union():
    text = "Thank you. I speak on behalf of 41 Member States and the Delegation of the European Union."
    (row,) = read(text)
    assert (row["counts"], row["stated"]) == ("states", 41)
    assert row["quote"] == "41 Member States and the Delegation of the European Union"
    listed = [entry("Austria", "state", "AUT"), entry("Chile", "state", "CHL"), entry("European Union", "state")]
    assert read(text, listed)[0]["counted"] == 2


def test_a_group_of_states_is_a_count_but_a_group_of_detained_people_is_not():
    assert counts("Delivered by Portugal on behalf of a group of 28 States from every region.") == [("states", 28)]
    assert counts("A cross-regional group of 30 States calls for an inquiry into the camps.") == [("states", 30)]
    assert counts("We ask for the release of the group of seven people held at the border.") == []


def test_a_count_without_a_noun_takes_the_kind_of_the_states_named_before_it():
    text = ("Chile, Ghana and Peru regret that the meeting was cancelled.\n\n"
            "The three of us will continue to raise the matter.")
    assert counts(text) == [("states", 3)]
    council = ("The statement was read on behalf of Chile, Ghana and Peru.\n\n"
               "We, the three members of the Council who made this statement, ask for an open meeting.")
    assert counts(council) == [("states", 3)]
    # with nothing to tell whose count it is, none is recorded
    assert counts("The five of us will continue to raise the matter.") == []


def test_sponsor_labels_of_a_un_page_are_counts_of_sponsors():
    text = "Situation of human rights\n- Main sponsors2\n- Co-sponsors (3)\n- Chile\n- Ghana\n- Peru\n"
    rows = read(text)
    assert [(r["counts"], r["stated"], r["quote"]) for r in rows] == [
        ("sponsors", 2, "Main sponsors2"), ("co-sponsors", 3, "Co-sponsors (3)")]


def test_sponsors_are_counted_by_role_and_nothing_is_counted_without_a_list():
    text = "Draft resolution\n## Co-sponsors (3)\n"
    listed = [entry("Chile", "state", "CHL", ["co-sponsor"]), entry("Ghana", "state", "GHA", ["co-sponsor"]),
              entry("Japan", "state", "JPN", ["sponsor"])]
    assert read(text, listed)[0]["counted"] == 2
    assert read(text)[0]["counted"] is None


def test_counted_compares_with_the_list_by_kind():
    text = "We, the undersigned 3 organisations and 2 individuals, from 2 countries, write to you."
    listed = [entry("Open Door", "organisation", "KOR"), entry("Safe Haven", "organisation", "JPN"),
              entry("Jane Roe", "individual", "JPN")]
    assert [(r["counts"], r["stated"], r["counted"]) for r in read(text, listed)] == [
        ("organisations", 3, 2), ("individuals", 2, 1), ("signatory_countries", 2, 2)]


def test_a_lead_sentence_that_opens_on_its_count_speaks_for_the_document():
    text = ("Joint Statement on the Border Closure\n\n"
            "Fifteen organisations working on refugee protection call on the authorities to reopen the border.")
    assert counts(text) == [("organisations", 15)]
    assert counts("Twenty organisations from five countries have signed this declaration.") == [
        ("organisations", 20), ("signatory_countries", 5)]


@pytest.mark.parametrize("text", [
    "Last year a letter on behalf of 40 organisations asked the same of your predecessor.",
    "In 2019, 60 Member States and the European Union signed a similar statement.",
    "A joint letter signed by 25 organisations was sent to the Council in the spring.",
    "The report was delivered on behalf of 25 million people who cannot speak.",
    "We are 5 minutes from the embassy.",
])
def test_counts_about_other_documents_or_other_things_are_not_read(text):
    assert counts(text) == []


def test_a_count_restated_later_in_the_document_is_recorded_once():
    text = ("We write on behalf of 8 organisations.\n\n"
            "Once more, we write on behalf of 8 organisations to stress the point.")
    assert counts(text) == [("organisations", 8)]


def test_the_signers_of_another_text_are_not_the_document_s_own():
    assert counts("Last session's resolution was supported by 60 States from every region.") == []
    assert counts("We ask you to vote for the resolution, supported by 45 countries.") == []
    assert counts("We write on behalf of the 2,000 people held in the camp.") == []


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.\nWe the undersigned on behalf of organisations States and from "
                                             "countries five together with other Member European Union Co-sponsors")),
               max_size=300))
def test_arbitrary_text_never_crashes_and_every_count_quotes_its_source(text):
    for row in read(text):
        assert row["stated"] >= 0


def test_members_count_the_states_only_in_a_statement_by_states():
    states = ("Chile, Ghana and Peru asked for the meeting.\n\n"
              "We, the three members who made this request, thank the President.")
    assert counts(states) == [("states", 3)]
    coalition = "We, the 40 members of the network, write to the Minister."
    assert counts(coalition, [entry("Open Door", "organisation"), entry("Jane Roe", "individual")]) == []
    assert counts("We urge the Group of Seven countries to act.") == []


@pytest.mark.parametrize("lead", [
    "Twelve organisations urged the government on Monday to reopen the border to aid workers.",
    "Thirty countries remain silent about the forced returns along the northern border.",
])
def test_a_lead_sentence_reporting_an_act_or_a_fact_is_not_a_stated_count(lead):
    assert counts(lead) == []


def test_a_speaker_that_is_itself_a_count_is_added_to_the_others():
    text = "Three regional networks, together with 14 other groups from Asia, today released an appeal."
    rows = read(text)
    assert [(r["counts"], r["stated"]) for r in rows] == [("organisations", 17)]
    assert rows[0]["quote"] == "Three regional networks, together with 14 other groups"


def test_a_document_that_carries_the_names_of_its_signers_states_their_count():
    text = "The appeal carries the names of 22 organisations from 9 countries.  "
    assert counts(text) == [("organisations", 22), ("signatory_countries", 9)]


def test_the_undersigned_counted_without_a_noun_are_signatories():
    text = "We, the seven undersigned, write to you as private persons."
    assert counts(text) == [("signatories", 7)]
    people = [entry("Jane Roe", "individual"), entry("John Doe", "individual")]
    assert [(r["counts"], r["quote"]) for r in read(text, people)] == [("signatories", "seven undersigned")]
    # a noun after the count is read with it
    assert counts("We, the 9 undersigned organisations, welcome the report.") == [("organisations", 9)]


def test_a_korean_letter_states_the_count_of_its_own_signers():
    text = "저희는 아시아와 유럽, 북미 등지의 8개 국가에서 활동하는 23개\n인권단체와 개인 4명을 대표하여 이 서한을 보냅니다."
    paragraph = Passage(1, "body", 0, len(text), 1, text)  # one wrapped paragraph
    assert [(r["counts"], r["stated"], r["quote"]) for r in stated_counts(text, [paragraph], [])] == [
        ("signatory_countries", 8, "8개 국가"), ("organisations", 23, "23개\n인권단체"), ("individuals", 4, "개인 4명")]


def test_a_korean_report_of_someone_else_s_letter_states_no_count_of_its_own():
    text = "지난달 세계 9개국 20개 단체가 정부에 서한을 보냈다고 밝혔습니다.\n"
    assert counts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Yours truly,\n\n5 Civic Groups in Mongolia:\nSteppe Light Forum\nGobi Rights Watch\n", [("organisations", 5)]),
    ("Thank you.  Sincerely Yours, 3 Organizations in ROK : Hill Forum, River Network, Open Gate Circle",
     [("organisations", 3)]),
    # a count inside a sentence that happens to end with a colon is no label
    ("The report names the 4 groups most at risk: farmers, soldiers and students.", []),
])
def test_a_count_standing_as_the_label_of_a_list_is_its_count(text, expected):
    assert counts(text) == expected


def test_speakers_of_two_kinds_together_with_others_are_added_up_by_kind():
    text = "Four organisations and two individuals, together with 30 other groups, wrote to the Council."
    assert counts(text) == [("organisations", 34), ("individuals", 2)]
