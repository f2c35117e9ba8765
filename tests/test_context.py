"""Keyword in context and sentences around coded rows, as a researcher reads a word where it stands."""

import pandas as pd
import pytest

from nkhr.code.context import PatternError, in_context, kwic

TEXT = ("Menu\n"
        "Abductions by the DPRK continue. We urge the UPR to act on every abduction case\n"
        "and on forced\nrepatriation.\n"
        "The upr of 2019 said little.")
PASSAGES = pd.DataFrame({
    "doc_id": ["d", "d", "d"], "n": [1, 2, 3], "kind": ["boilerplate", "body", "body"],
    "start": [0, 5, TEXT.index("The upr")], "end": [4, TEXT.index("\nThe upr"), len(TEXT)],
    "counted": [False, True, True],
})
DOCS = pd.DataFrame({"doc_id": ["d"], "label": ["joint statement by A, 2020-01-02"], "date": ["2020-01-02"]})


def _kwic(pattern, **options):
    return kwic(PASSAGES, {"d": TEXT}, pattern, documents=DOCS, **options)


def test_offsets_hold_for_every_match():
    found = _kwic("abduct*")
    assert found["match"].tolist() == ["Abductions", "abduction"]
    assert all(TEXT[s:e] == m for s, e, m in zip(found["start"], found["end"], found["match"]))
    assert found["label"].unique().tolist() == ["joint statement by A, 2020-01-02"]


def test_a_pattern_in_capitals_matches_only_capitals():
    assert _kwic("UPR")["match"].tolist() == ["UPR"]
    assert _kwic("upr")["match"].tolist() == ["UPR", "upr"]


def test_a_phrase_matches_across_a_hard_line_break():
    found = _kwic("forced repatriation")
    assert found["match"].tolist() == ["forced\nrepatriation"]


def test_windows_stop_at_the_edges_of_the_document():
    found = _kwic("Abductions", window=3)
    assert found.loc[0, "left"] == ""  # the menu before it is not part of the statement
    assert found.loc[0, "right"] == "by the DPRK"
    assert _kwic("little", window=8).loc[0, "right"] == "."  # only the full stop follows it


def test_regular_expressions_and_bad_patterns():
    assert _kwic(r"\bDPRK\b", regex=True)["match"].tolist() == ["DPRK"]
    with pytest.raises(PatternError, match="does not compile"):
        _kwic("(unclosed", regex=True)
    with pytest.raises(PatternError, match="non-empty"):
        _kwic("  ")


def test_no_match_in_boilerplate_or_when_nothing_matches():
    assert _kwic("Menu").empty
    assert list(_kwic("zebra").columns) == ["doc_id", "label", "date", "passage", "left", "match", "right", "start", "end"]


def test_in_context_adds_the_sentence_of_each_row():
    rows = _kwic("abduct*")
    placed = in_context(rows, PASSAGES, {"d": TEXT})
    assert placed["sentence"].tolist()[0] == "Abductions by the DPRK continue."
    assert placed["sentence"].tolist()[1].startswith("We urge the UPR")
    assert all(TEXT[a:b] == s for a, b, s in zip(placed["sentence_start"], placed["sentence_end"], placed["sentence"]))
    assert "sentence" not in rows.columns  # the input is not changed
