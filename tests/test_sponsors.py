"""Sponsors of a resolution: stated counts, the role a heading gives, and a draft's sponsor paragraph."""

import pytest

from nkhr.extract.sponsors import (
    assign_groups,
    sponsor_counts,
    sponsor_role,
    sponsor_states,
)


@pytest.mark.parametrize("line, counts, stated", [
    ("- Main sponsors2", "sponsors", 2), ("Co-sponsors41", "co-sponsors", 41), ("## Co-sponsors (22)", "co-sponsors", 22),
    ("Sponsors: 3", "sponsors", 3),
])
def test_stated_counts_of_sponsors(line, counts, stated):
    [found] = sponsor_counts(line, 0, len(line))
    assert (found.counts, found.stated) == (counts, stated)
    assert line[found.start:found.end].lower().startswith(("main", "co", "spon"))


def test_a_sentence_about_sponsors_is_no_count():
    text = "The draft had 41 co-sponsors this year.\n"
    assert sponsor_counts(text, 0, len(text)) == []


@pytest.mark.parametrize("label, role", [
    ("## Main sponsors", "sponsor"), ("Sponsors:", "sponsor"), ("Co-sponsors", "co-sponsor"), ("Cosponsors", "co-sponsor"),
    ("Submitted by", "sponsor"), ("In favour", None), ("Signatories", None),
])
def test_sponsor_role(label, role):
    assert sponsor_role(label) == role


def test_groups_follow_the_labels_in_order_or_by_the_count_they_fit():
    labels = [("sponsor", 2), ("co-sponsor", 16)]
    assert assign_groups(labels, [2, 14]) == ["sponsor", "co-sponsor"]
    assert assign_groups(labels, [15]) == ["co-sponsor"]
    assert assign_groups(labels, [2]) == ["sponsor"]
    assert assign_groups([], [3]) == []


def test_a_flattened_drafts_paragraph_keeps_only_the_run_of_states():
    text = ("Agenda item 70 (c) Human rights situations Albania, the former Yugoslav Republic of Macedonia, Liechten-\n"
            "stein, Micronesia (Federated States of) and United Kingdom of Great Britain\nand Northern Ireland")
    states = sponsor_states(text, 0, len(text))
    assert [iso3 for _, iso3, _, _ in states] == ["ALB", "MKD", "LIE", "FSM", "GBR"]
    assert [text[a:b] for *_, a, b in states][:2] == ["Albania", "former Yugoslav Republic of Macedonia"]


def test_a_note_in_brackets_after_a_sponsor_leaves_the_state():
    text = ("Austria*, Belgium, Czech Republic (on behalf of the European Union),\n"
            "Denmark*, Japan and United States of America*: draft resolution")
    end = text.index(": draft")
    assert [text[a:b] for _, _, a, b in sponsor_states(text, 0, end)] == [
        "Austria", "Belgium", "Czech Republic", "Denmark", "Japan", "United States of America"]


def test_the_un_s_inverted_names_of_states_are_sponsors_too():
    text = "Andorra, Bolivia (Plurinational State of), Netherlands (Kingdom of the), Norway and Peru"
    assert [iso3 for _, iso3, _, _ in sponsor_states(text, 0, len(text))] == ["AND", "BOL", "NLD", "NOR", "PER"]
