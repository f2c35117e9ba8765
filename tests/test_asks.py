"""Asks: who each statement asks to act, how forcefully, on what."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from seeds_corpus import seed_docs

from nkhr import schema
from nkhr.code.asks import VOCABULARY, extract_asks

FIXTURES = Path(__file__).parent / "fixtures" / "themes"


def asks_of(corpus, doc_id: str):
    return corpus.asks[corpus.asks["doc_id"] == doc_id].sort_values("start")


def test_the_2023_ipcnkr_statement_makes_eight_asks_one_per_numbered_paragraph(seeds):
    asks = asks_of(seeds, seed_docs(seeds)["ipcnkr_2023"])
    assert asks["verb"].tolist() == [
        "expresses concern", "calls upon", "urges", "condemns", "supports", "urges", "strongly condemns", "urges"]
    assert asks["passage"].is_unique


def test_the_2005_statement_makes_five_asks_with_normalised_addressees(seeds):
    asks = asks_of(seeds, seed_docs(seeds)["statement_2005"])
    assert asks["addressee"].tolist() == [
        "North Korean government",
        "China",
        "United Nations; international organisations",
        "legislatures (South Korea, Japan, other states)",
        "Six-Party Talks members",
    ]
    assert asks["verb"].tolist() == ["demands", "urges", "demands", "urges", "urges"]


def test_strength_follows_the_documented_scale(seeds):
    scale = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    strength = {entry["verb"]: entry["strength"] for entry in scale["verbs"]}
    assert strength["demands"] == strength["condemns"] == 5
    assert strength["notes"] == 1
    assert strength["demands"] > strength["urges"] > strength["calls upon"] > strength["supports"] > strength["notes"]
    assert "upr-info.org" in VOCABULARY.read_text(encoding="utf-8")
    assert seeds.asks["strength"].between(1, 5).all()


def test_repeated_paragraphs_do_not_repeat_asks(seeds):
    asks = asks_of(seeds, seed_docs(seeds)["joint_2023"])
    assert asks["verb"].tolist() == ["calls upon", "calls upon", "calls upon"]
    assert asks["addressee"].tolist() == ["all states", "North Korean government", "all states"]


def test_reported_concern_is_not_the_statement_s_own_ask(seeds):
    joint = asks_of(seeds, seed_docs(seeds)["joint_2023"])
    assert not joint["quote"].str.contains("UN experts and reports have expressed concern").any()


def test_imperative_recommendations_take_the_addressee_of_their_lead_in(seeds):
    letter = asks_of(seeds, seed_docs(seeds)["letter_unga"])
    listed = letter[letter["verb"].isin(["close", "end", "promote", "ensure", "return", "respect"])]
    assert listed["verb"].tolist() == ["close", "end", "promote", "ensure", "return", "respect"]
    assert set(listed["addressee"]) == {"North Korean government"}
    assert letter.iloc[0]["addressee"] == "UN General Assembly"


def test_every_ask_quotes_its_clause_and_lists_the_themes_inside_it(seeds):
    for ask in seeds.asks.itertuples(index=False):
        assert seeds.source_text(ask.doc_id)[ask.start:ask.end] == ask.quote
        inside = seeds.themes[(seeds.themes["doc_id"] == ask.doc_id) & (seeds.themes["start"] >= ask.start)
                              & (seeds.themes["end"] <= ask.end)]
        assert set(filter(None, ask.themes.split("; "))) == set(inside["theme"])
    cyber = asks_of(seeds, seed_docs(seeds)["ipcnkr_2023"]).iloc[6]
    assert "cyber" in cyber["themes"].split("; ")


def test_asks_in_other_phrasings_are_found(phrasings):
    declaration = asks_of(phrasings, "declaration_2025")
    assert declaration[["verb", "strength", "addressee"]].values.tolist() == [
        ["demands", 5, "North Korean government"],
        ["welcomes", 2, "UN Special Rapporteur"],
        ["calls upon", 3, "China"],
        ["encourages", 2, "European Union"],
        ["urges", 4, "all states"],
    ]
    # "Support for the victims' families ..." opens with a noun, not an ask
    assert not declaration["quote"].str.startswith("Support for").any()
    appeal = asks_of(phrasings, "appeal_2024")
    assert appeal[["verb", "addressee"]].values.tolist() == [
        ["recommends", "legislatures"],
        ["strongly condemns", "North Korean government"],
        ["repeal", "North Korean government"],
        ["provide", "North Korean government"],
    ]


def test_a_resolution_style_list_and_a_subject_led_sentence_in_one_text():
    text = ("The Assembly,\n\n(a) Deplores the use of forced labour;\n\n"
            "The undersigned, having met in Seoul, also invite the High Commissioner to report.")
    spans = [(0, 13), (15, 52), (54, len(text))]
    passages = schema.build_frame("passages", [
        {"doc_id": "r", "n": n, "kind": "body", "start": a, "end": b, "counted": True}
        for n, (a, b) in enumerate(spans, start=1)])
    asks = extract_asks(passages, {"r": text}, schema.build_frame("themes", []))
    assert asks[["verb", "addressee"]].values.tolist() == [
        ["deplores", "unspecified"], ["invites", "UN High Commissioner for Human Rights"]]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("1. We urge the DPRK, China and all states to act; Calls upon EU:\n")), max_size=300))
def test_arbitrary_text_never_crashes_and_every_ask_quotes_its_source(text):
    passages = schema.build_frame("passages", [
        {"doc_id": "d", "n": 1, "kind": "body", "start": 0, "end": len(text), "counted": True}])
    for ask in extract_asks(passages, {"d": text}, schema.build_frame("themes", [])).itertuples(index=False):
        assert text[ask.start:ask.end] == ask.quote
        assert 1 <= ask.strength <= 5
