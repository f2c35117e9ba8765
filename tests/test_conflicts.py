"""Conflicts: where two statements, or a statement and its own list, disagree."""

from __future__ import annotations

from pathlib import Path

import pytest
from seeds_corpus import seed_docs, texts_of

from nkhr import schema
from nkhr.code.conflicts import find_conflicts

FIXTURES = Path(__file__).parent / "fixtures" / "themes"


def conflicts_on(corpus, topic: str):
    return corpus.conflicts[corpus.conflicts["topic"] == topic]


def test_the_founding_countries_five_in_2007_against_six_in_2005(seeds):
    docs = seed_docs(seeds)
    founding = conflicts_on(seeds, "founding countries")
    assert len(founding) == 1
    row = founding.iloc[0]
    sides = {row["doc_id_a"]: row["value_a"], row["doc_id_b"]: row["value_b"]}
    assert sides[docs["statement_2005"]].startswith("6 countries") and "Australia" in sides[docs["statement_2005"]]
    assert sides[docs["statement_2007"]].startswith("5 countries")
    assert "Australia" in row["explanation"]


def test_the_4th_meeting_in_seoul_against_held_in_japan(seeds):
    place = conflicts_on(seeds, "place of the 4th meeting")
    assert len(place) == 1
    values = {place.iloc[0]["value_a"], place.iloc[0]["value_b"]}
    assert "Japan" in values and any(v.startswith("Seoul") for v in values)
    # Tokyo and Japan, both given for the 2nd meeting, can be one place
    assert conflicts_on(seeds, "place of the 2nd meeting").empty


def test_37_signatories_from_7_countries_against_the_list(seeds):
    stated = conflicts_on(seeds, "stated signatory countries against the list")
    docs = seed_docs(seeds)
    assert set(stated["doc_id_a"]) == {docs["letter_unga"], docs["letter_eu"]}
    assert set(stated["value_a"]) == {"7 stated"}
    assert all(v.startswith("5 in the list") for v in stated["value_b"])


def test_the_list_side_names_the_countries_and_the_organisation_that_states_none(seeds):
    conflicts = find_conflicts(seeds.claims, seeds.membership, seeds.meetings, seeds.stated_counts, texts_of(seeds),
                               signatories=seeds.signatories)
    stated = conflicts[conflicts["topic"] == "stated signatory countries against the list"]
    assert len(stated) == 2
    for row in stated.itertuples(index=False):
        assert "5 countries: South Korea" in row.value_b and "1 organisation states none" in row.value_b
        assert "Liberty in North Korea" in row.quote_b
        assert seeds.source_text(row.doc_id_b)[row.start_b:row.end_b] == row.quote_b


def test_representatives_numbered_111_against_111_members(seeds):
    same = conflicts_on(seeds, "same number for attendance and membership")
    assert len(same) == 1
    row = same.iloc[0]
    assert "numbered 111" in row["quote_a"] and row["quote_b"].startswith("111 members")


def test_every_conflict_carries_both_quotes_with_exact_offsets(seeds):
    assert len(seeds.conflicts) >= 5
    for row in seeds.conflicts.itertuples(index=False):
        assert seeds.source_text(row.doc_id_a)[row.start_a:row.end_a] == row.quote_a
        assert seeds.source_text(row.doc_id_b)[row.start_b:row.end_b] == row.quote_b
        assert row.explanation


def test_conflicts_in_other_phrasings(phrasings):
    founding = conflicts_on(phrasings, "founding countries").iloc[0]
    assert {founding["value_a"], founding["value_b"]} == {"3 countries", "4 countries"}
    place = conflicts_on(phrasings, "place of the 5th meeting").iloc[0]
    assert {place["value_a"], place["value_b"]} == {"Manila", "Bangkok"}
    assert "different countries" in place["explanation"]
    assert conflicts_on(phrasings, "place of the 6th meeting").empty  # Tokyo is in Japan
    assert len(conflicts_on(phrasings, "same number for attendance and membership")) == 1


def _meetings(*places):
    return schema.build_frame("meetings", [
        {"doc_id": f"d{i}", "number": 7, "place": place, "quote": place, "start": 0, "end": len(place)}
        for i, place in enumerate(places)])


@pytest.mark.parametrize("places, conflict", [
    (("Tokyo", "Japan"), False),
    (("Seoul, Korea", "Japan"), True),
    (("Seoul", "Busan"), True),
    (("Seoul", "Republic of Korea"), False),
    (("Atlantis", "Japan"), False),  # a place nkhr cannot place is never called a conflict
])
def test_a_city_conflicts_with_a_place_only_when_they_cannot_be_one_country(places, conflict):
    empty = {name: schema.build_frame(name, []) for name in ("claims", "membership", "stated_counts")}
    found = find_conflicts(empty["claims"], empty["membership"], _meetings(*places), empty["stated_counts"], {})
    assert (len(found) == 1) is conflict


def test_accounts_of_different_organisations_are_not_compared(phrasings):
    texts = texts_of(phrasings)
    tables = (phrasings.claims, phrasings.membership, phrasings.meetings, phrasings.stated_counts, texts)
    apart = phrasings.documents.assign(issuers=["Network A", "Network B"])
    together = phrasings.documents.assign(issuers=["Network A", "Network A; Network C"])
    topics_apart = set(find_conflicts(*tables, documents=apart)["topic"])
    topics_together = set(find_conflicts(*tables, documents=together)["topic"])
    assert "founding countries" not in topics_apart and "place of the 5th meeting" not in topics_apart
    assert {"founding countries", "place of the 5th meeting"} <= topics_together
    # one document's own figures are still compared with each other
    assert "same number for attendance and membership" in topics_apart


def test_many_documents_repeating_two_values_give_one_conflict():
    rows = [{"doc_id": f"d{i}", "event": "founding", "countries": 5 if i % 2 else 6, "quote": "x", "start": 0, "end": 1}
            for i in range(40)]
    empty = {name: schema.build_frame(name, []) for name in ("claims", "meetings", "stated_counts")}
    found = find_conflicts(empty["claims"], schema.build_frame("membership", rows), empty["meetings"],
                           empty["stated_counts"], {})
    assert len(found) == 1
    assert {found.iloc[0]["doc_id_a"], found.iloc[0]["doc_id_b"]} == {"d0", "d1"}
