"""Claims: the numbers statements give about the world, and what each counts."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    # "at least six South Korean citizens": citizens are counted as people
    citizens = letter[letter["quote"].str.contains("citizens")]
    assert citizens.loc["people", ["value", "qualifier"]].tolist() == [6, "at least"]
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


def korean(text: str) -> list[tuple]:
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "language": "ko", "start": 0, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    for claim in claims.itertuples(index=False):
        assert text[claim.start:claim.end] == claim.quote
    return [(c.counts, c.value, c.qualifier, c.quote) for c in claims.itertuples(index=False)]


@pytest.mark.parametrize("text, expected", [
    # organisations and individuals named before the number, counted with 곳 and 명
    ("지난 3일 인권 단체 27곳 및 개인 6명이 서한을 보냈다.",
     [("organisations", 27, "", "단체 27곳"), ("individuals", 6, "", "개인 6명")]),
    # countries by the counter 개국; organisations after a 개 counter
    ("9개국 41개 비정부기구(NGO)가 참여했다.",
     [("countries", 9, "", "9개국"), ("organisations", 41, "", "41개 비정부기구")]),
    # a bare number after the noun
    ("참여 단체 45, 개인 7", [("organisations", 45, "", "단체 45"), ("individuals", 7, "", "개인 7")]),
    # '여' after the number: about
    ("회의에는 국회의원 20여명이 참석했다.", [("parliamentarians", 20, "about", "국회의원 20여명")]),
    # people by the counter alone; the noun after a 명 counter wins
    ("행사에 120명이 모였고, 12명의 국회의원이 연설했다.",
     [("people", 120, "", "120명"), ("parliamentarians", 12, "", "12명의 국회의원")]),
    # bounds written around the number
    ("약 3만 명의 탈북민과 50개 이상의 단체", [("refugees", 30_000, "about", "약 3만 명의 탈북민"),
                                         ("organisations", 50, "at least", "50개 이상의 단체")]),
    # Korean units inside a number
    ("북한 주민 2천5백만 명", [("people", 25_000_000, "", "주민 2천5백만 명")]),
    # a syllable after the number that starts another word is no counter
    ("참여 단체 45 개인 6", [("organisations", 45, "", "단체 45"), ("individuals", 6, "", "개인 6")]),
    ("개인 5명 국회의원 3명", [("individuals", 5, "", "개인 5명"), ("parliamentarians", 3, "", "국회의원 3명")]),
])
def test_korean_counts_take_their_noun_from_either_side_of_the_number(text, expected):
    assert korean(text) == expected


def test_a_korean_range_keeps_both_bounds():
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "language": "ko", "start": 0, "end": 14, "counted": True}])
    text = "수감자 8만~12만 명이 있다."
    row = extract_claims(passages, {"d": text}).iloc[0]
    assert (row["counts"], row["value"], row["value_max"], row["qualifier"]) == ("detainees", 80_000, 120_000, "range")


def test_korean_founding_countries_are_told_by_the_verb_of_their_clause():
    text = "연맹은 2003년 4월 5개국 의원 35명이 도쿄에서 출범시켰고, 지금은 20개국이 참여한다."
    assert [(c, v) for c, v, _, _ in korean(text)] == [
        ("founding countries", 5), ("parliamentarians", 35), ("countries", 20)]


def test_korean_parts_of_a_breakdown_count_what_the_whole_counts():
    assert [(c, v) for c, v, _, _ in korean("지금까지 30개(국내 21개, 해외 9개) 단체가 서명했다.")] == [
        ("organisations", 30), ("organisations", 21), ("organisations", 9)]


@pytest.mark.parametrize("text", [
    "2018년 4월 20일 제15차 총회가 열렸다.",
    "입력 2018.11.21 14:05 수정 2018.11.21 16:30",
    "지난 3년 동안 5차례 회의를 열었다.",
    "[통신 2022-03-24] 24일 보도",
    "계약 30 명단을 받았다.",
])
def test_korean_years_dates_ordinals_and_times_are_not_claims(text):
    assert korean(text) == []


def test_english_passages_are_read_as_before_beside_korean_ones():
    text = "Twelve groups wrote. 단체 12곳이 서한을 보냈다."
    split = text.index("단")
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "language": "en", "start": 0, "end": split - 1, "counted": True},
        {"doc_id": "d", "n": 2, "kind": "body", "language": "ko", "start": split, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    assert claims[["passage", "counts", "quote"]].values.tolist() == [
        [1, "organisations", "Twelve groups"], [2, "organisations", "단체 12곳"]]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.~-() 여개국곳명의단체개인국회의원약이상년월일제차출범")),
               max_size=200))
def test_arbitrary_korean_text_never_crashes_and_every_claim_quotes_its_source(text):
    for _, value, _, _ in korean(text):
        assert value >= 0


def test_a_korean_headline_repeating_the_body_s_count_is_one_claim():
    headline, body = "단체 52곳 연합회 출범", "지금까지 단체 52곳과 개인 3명이 참여했다."
    text = f"{headline}\n\n{body}"
    at = text.index(body)
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "heading", "language": "ko", "start": 0, "end": len(headline), "counted": True},
        {"doc_id": "d", "n": 2, "kind": "body", "language": "ko", "start": at, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    assert claims[["passage", "counts", "value"]].values.tolist() == [[2, "organisations", 52], [2, "individuals", 3]]


def test_a_korean_report_restating_its_lead_s_count_is_one_claim():
    lead, later = "세계 6개국 18개 인권단체가 지난 2일 서한을 보냈다.", "이번 서한에는 미국의 한 재단 등 6개 나라 18개 단체가 참여했다."
    text = f"{lead}\n\n{later}"
    at = text.index(later)
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "language": "ko", "start": 0, "end": len(lead), "counted": True},
        {"doc_id": "d", "n": 2, "kind": "body", "language": "ko", "start": at, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    assert claims[["passage", "counts", "value", "quote"]].values.tolist() == [
        [1, "countries", 6, "6개국"], [1, "organisations", 18, "18개 인권단체"]]


def test_citizens_and_nationals_are_counted_as_people():
    text = "More than 1,200 citizens took part, among them 14 foreign nationals."
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "start": 0, "end": len(text), "counted": True}])
    claims = extract_claims(passages, {"d": text})
    assert claims[["counts", "value", "qualifier", "quote"]].values.tolist() == [
        ["people", 1200, "more than", "More than 1,200 citizens"], ["people", 14, "", "14 foreign nationals"]]
