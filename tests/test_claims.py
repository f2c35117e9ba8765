"""Claims: the numbers statements give about the world, and what each counts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from seeds_corpus import seed_docs

from nkhr import schema
from nkhr.code.claims import VOCABULARY, extract_claims

FIXTURES = Path(__file__).parent / "fixtures" / "themes"


def stated(corpus, doc_id: str) -> set[tuple[str, float]]:
    rows = corpus.claims[corpus.claims["doc_id"] == doc_id]
    return set(zip(rows["counts"], rows["value"]))


def test_the_2007_statement_s_counts_of_founders_members_and_countries(seeds):
    claims = stated(seeds, seed_docs(seeds)["statement_2007"])
    assert {("founding countries", 5), ("parliamentarians", 35), ("members", 111), ("members", 35),
            ("countries", 36), ("representatives", 111)} <= claims


def test_a_range_keeps_both_bounds(seeds):
    refugees = seeds.claims[seeds.claims["value_max"] > seeds.claims["value"]]
    assert len(refugees) == 1
    row = refugees.iloc[0]
    assert (row["value"], row["value_max"], row["qualifier"]) == (100_000, 300_000, "range")
    assert row["quote"] == "at least 100,000 (and at most 300,000) citizens"


def test_numbers_written_in_words_are_claims(seeds):
    docs = seed_docs(seeds)
    assert ("member states", 52) in stated(seeds, docs["joint_2023"])
    assert ("abductees", 5) in stated(seeds, docs["ipcnkr_2023"])
    letter = seeds.claims[seeds.claims["doc_id"] == docs["letter_unga"]].set_index("counts")
    assert letter.loc["hostages", "value"] == 11
    assert (letter.loc["citizens", "value"], letter.loc["citizens", "qualifier"]) == (6, "at least")
    # "on behalf of 37 non-governmental organizations, coalitions, and concerned individuals"
    assert {("signatories", 37), ("countries", 7)} <= stated(seeds, docs["letter_unga"])


def test_years_dates_ordinals_identifiers_and_list_names_are_not_claims(seeds):
    values = set(seeds.claims["value"])
    # years (2002, 2003 ...), a resolution number (217), a report symbol (A/HRC/25/63),
    # a flight (YS-11), ordinals (75th) and organisation names (1969 KAL ..., The 88 Project)
    assert not values & {2002, 2003, 2005, 2006, 2007, 2014, 2017, 2020, 2023, 217, 25, 63, 19, 75, 1969, 88}
    assert not seeds.claims["quote"].str.contains("years").any()


def test_every_claim_quotes_its_source_exactly(seeds):
    for row in seeds.claims.itertuples(index=False):
        assert seeds.source_text(row.doc_id)[row.start:row.end] == row.quote


def test_claims_in_other_phrasings(phrasings):
    declaration = phrasings.claims[phrasings.claims["doc_id"] == "declaration_2025"].set_index("counts")
    assert (declaration.loc["detainees", "value"], declaration.loc["detainees", "value_max"]) == (80_000, 120_000)
    assert (declaration.loc["refugees", "value"], declaration.loc["refugees", "qualifier"]) == (1_200, "more than")
    assert declaration.loc["organisations", "quote"] == "Twenty-three organisations"
    assert declaration.loc["camps", "value"] == 4
    appeal = phrasings.claims[phrasings.claims["doc_id"] == "appeal_2024"].set_index("quote")
    assert appeal.loc["Some 25 million people", "value"] == 25_000_000
    assert appeal.loc["Participants numbered 40", "counts"] == "representatives"


def test_the_number_of_something_reaching_a_figure_is_a_claim():
    text = "By 2019 the number of defectors reached 33,000, and the EU urges calm."
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "start": 0, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    assert claims[["counts", "value", "quote"]].values.tolist() == [
        ["refugees", 33_000, "number of defectors reached 33,000"]]


def test_the_counted_noun_vocabulary_is_an_editable_file(tmp_path):
    text = "Some 120 political prisoners and 40 detainees were released."
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "start": 0, "end": len(text), "counted": True}])
    assert extract_claims(passages, {"d": text})["counts"].tolist() == ["detainees", "detainees"]
    edited = tmp_path / "claims.yml"
    edited.write_text(VOCABULARY.read_text(encoding="utf-8").replace(
        "  detainees: [detainees, prisoners, political prisoners, inmates]",
        "  detainees: [detainees, prisoners, inmates]\n  political prisoners: [political prisoners]"), encoding="utf-8")
    assert extract_claims(passages, {"d": text}, edited)["counts"].tolist() == ["political prisoners", "detainees"]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789, at least five-two members (and at most) countries\n")), max_size=300))
def test_arbitrary_text_never_crashes_and_every_claim_quotes_its_source(text):
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "start": 0, "end": len(text), "counted": True}])
    for claim in extract_claims(passages, {"d": text}).itertuples(index=False):
        assert text[claim.start:claim.end] == claim.quote
        assert claim.value <= claim.value_max
