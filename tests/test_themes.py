"""Theme coding: what each statement talks about, with the words that matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seeds_corpus import one_passage, seed_docs, texts_of

from nkhr import paths
from nkhr.code.themes import (
    _word_characters,
    code_themes,
    describe_themes,
    load_taxonomy,
    theme_terms,
)
from nkhr.errors import TaxonomyError

FIXTURES = Path(__file__).parent / "fixtures" / "themes"

#: The themes issue 4 asks for, by the key the taxonomy file gives each.
REQUIRED_THEMES = {
    "abductions", "refugees_refoulement", "detention_camps", "torture_executions", "crimes_against_humanity",
    "accountability_icc", "information_internet", "cyber", "women_children", "food_aid", "forced_labour",
    "covid19", "china", "six_party_dialogue", "security_wmd", "freedom_of_movement", "expression_thought_religion",
}


def docs_coded(corpus, theme: str) -> set[str]:
    names = {doc_id: name for name, doc_id in seed_docs(corpus).items()}
    return {names[d] for d in corpus.themes.loc[corpus.themes["theme"] == theme, "doc_id"]}


def test_the_taxonomy_file_defines_every_theme_the_issue_lists():
    taxonomy = load_taxonomy()
    assert REQUIRED_THEMES <= set(taxonomy.keys())
    for theme in taxonomy.themes:
        assert theme.label and theme.definition and theme.terms


def test_abductions_are_coded_in_the_five_statements_that_raise_them(seeds):
    assert docs_coded(seeds, "abductions") >= {"ipcnkr_2023", "statement_2005", "joint_2023", "letter_unga", "letter_eu"}


def test_cyberattacks_appear_only_in_the_2023_ipcnkr_statement(seeds):
    assert docs_coded(seeds, "cyber") == {"ipcnkr_2023"}


def test_covid19_appears_only_in_the_2020_letters(seeds):
    assert docs_coded(seeds, "covid19") == {"letter_unga", "letter_eu"}


def test_six_party_talks_appear_only_in_the_2005_and_2007_statements(seeds):
    talks = seeds.themes[seeds.themes["term"].str.contains("Six", case=False)]
    names = {doc_id: name for name, doc_id in seed_docs(seeds).items()}
    assert {names[d] for d in talks["doc_id"]} == {"statement_2005", "statement_2007"}
    assert docs_coded(seeds, "six_party_dialogue") == {"statement_2005", "statement_2007"}


def test_the_icc_is_named_in_the_2023_ipcnkr_statement_and_the_2020_letters(seeds):
    icc = seeds.themes[seeds.themes["term"].isin(["ICC", "International Criminal Court"])]
    names = {doc_id: name for name, doc_id in seed_docs(seeds).items()}
    assert {names[d] for d in icc["doc_id"]} == {"ipcnkr_2023", "letter_unga", "letter_eu"}
    assert set(icc["theme"]) == {"accountability_icc"}


def test_every_coded_row_quotes_its_source_exactly(seeds):
    assert len(seeds.themes) > 100
    for row in seeds.themes.itertuples(index=False):
        assert seeds.source_text(row.doc_id)[row.start:row.end] == row.quote


def test_only_counted_body_passages_are_coded(seeds):
    passages = seeds.passages.set_index(["doc_id", "n"])
    coded = passages.loc[list(zip(seeds.themes["doc_id"], seeds.themes["passage"]))]
    assert coded["counted"].all() and (coded["kind"] == "body").all()
    # the December 2023 statement repeats four paragraphs: the repeats are not coded twice
    joint = seed_docs(seeds)["joint_2023"]
    repeated = seeds.passages[(seeds.passages["doc_id"] == joint) & seeds.passages["duplicate_of"].notna()]
    assert len(repeated) == 4
    assert not set(repeated["n"]) & set(seeds.themes.loc[seeds.themes["doc_id"] == joint, "passage"])


@pytest.mark.parametrize("text", ["The Six Party\nTalks resumed.", "The Six  Party Talks resumed.", "The six party\r\n talks resumed."])
def test_a_term_split_by_line_breaks_or_double_spaces_is_found_with_exact_offsets(text):
    coded = code_themes(one_passage(text), {"d": text})
    talks = coded[coded["term"] == "Six Party Talks"]
    assert len(talks) == 1
    row = talks.iloc[0]
    assert text[row["start"]:row["end"]] == row["quote"]
    assert " ".join(row["quote"].split()).lower() == "six party talks"


def test_terms_match_whole_words_and_acronyms_only_in_capitals(tmp_path):
    taxonomy_file = tmp_path / "themes.yml"
    taxonomy_file.write_text(
        "themes:\n  court:\n    label: Court\n    definition: The court.\n    terms: [ICC, abduction]\n", encoding="utf-8")
    text = "Abductions and the icc; an abduction before the ICC (a Flicc)."
    coded = code_themes(one_passage(text), {"d": text}, load_taxonomy(taxonomy_file))
    assert coded["quote"].tolist() == ["abduction", "ICC"]


def test_letters_beyond_ascii_bound_words_and_offsets_count_characters(tmp_path):
    taxonomy_file = tmp_path / "themes.yml"
    taxonomy_file.write_text(
        "themes:\n  camps:\n    label: Camps\n    definition: Camps.\n    terms: [ICC, Chŏngŏri camp]\n",
        encoding="utf-8")
    # "ICCé" and "éICC" are not the acronym; Hangul and accents before a match shift byte
    # offsets but not character offsets.
    text = "한국 — ICC; ICCé and éICC; the Chŏngŏri camp, near Hoeryŏng (ICC)."
    coded = code_themes(one_passage(text), {"d": text}, load_taxonomy(taxonomy_file))
    assert coded["quote"].tolist() == ["ICC", "Chŏngŏri camp", "ICC"]
    assert all(text[row.start:row.end] == row.quote for row in coded.itertuples())


def test_a_theme_added_to_the_taxonomy_file_is_coded_without_code_changes(tmp_path, seeds, phrasings):
    taxonomy_file = tmp_path / "themes.yml"
    taxonomy_file.write_text(
        paths.TAXONOMY.read_text(encoding="utf-8") + (FIXTURES / "taxonomies" / "new_theme.yml").read_text(encoding="utf-8"),
        encoding="utf-8")
    taxonomy = load_taxonomy(taxonomy_file)
    assert "sports_diplomacy" in taxonomy.keys()
    in_seeds = code_themes(seeds.passages, texts_of(seeds), taxonomy)
    in_fixtures = code_themes(phrasings.passages, texts_of(phrasings), taxonomy)
    sports = in_seeds[in_seeds["theme"] == "sports_diplomacy"]
    assert set(sports["doc_id"]) == {seed_docs(seeds)["statement_2007"]}
    assert "Olympic Games" in set(sports["quote"])
    assert set(in_fixtures.loc[in_fixtures["theme"] == "sports_diplomacy", "doc_id"]) == {"declaration_2025"}
    described = describe_themes(taxonomy).set_index("theme")
    assert described.loc["sports_diplomacy", "definition"].startswith("Sporting events")


def test_regular_expression_patterns_code_what_a_word_list_cannot():
    text = "They lack freedoms of expression, thought, conscience, and religion, and movement."
    coded = code_themes(one_passage(text), {"d": text})
    movement = coded[coded["theme"] == "freedom_of_movement"]
    assert movement["quote"].tolist() == ["freedoms of expression, thought, conscience, and religion, and movement"]


@pytest.mark.parametrize("name, line, expected", [
    ("missing_definition.yml", 7, "a non-empty definition for theme 'refugees'"),
    ("bad_pattern.yml", 7, "a valid regular expression"),
    ("bad_yaml.yml", 6, "valid YAML"),
    ("misspelt_key.yml", 5, "found 'term'"),
])
def test_a_malformed_taxonomy_names_file_line_and_what_was_expected(name, line, expected):
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(FIXTURES / "taxonomies" / name)
    assert error.value.line == line
    assert f"{name}:{line}:" in str(error.value) and expected in str(error.value)


def test_a_theme_defined_twice_is_an_error(tmp_path):
    taxonomy_file = tmp_path / "themes.yml"
    entry = "  a:\n    label: A\n    definition: A.\n    terms: [a]\n"
    taxonomy_file.write_text("themes:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(TaxonomyError, match="each theme key once"):
        load_taxonomy(taxonomy_file)


def test_theme_terms_gives_the_literal_terms_another_matcher_can_use():
    terms = theme_terms()
    assert set(terms) == set(load_taxonomy().keys())
    assert "International Criminal Court" in terms["accountability_icc"]
    assert not any(term.startswith("hold(") for term in terms["accountability_icc"])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ICC\n\u00a0\u2019'-Six Party Talks abduction İ")), max_size=200))
def test_arbitrary_text_never_crashes_and_every_offset_holds(text):
    literal = {term for terms in theme_terms().values() for term in terms}
    for row in code_themes(one_passage(text), {"d": text}).itertuples(index=False):
        assert text[row.start:row.end] == row.quote
        if row.term in literal:  # the quote is the term, up to case, spacing and apostrophes
            assert " ".join(row.quote.split()).lower().replace("\u2019", "'") == row.term.lower()


#: A taxonomy with an acronym, a phrase and plain words, and the regex reference for it.
REFERENCE_TAXONOMY = FIXTURES / "reference_themes.yml"
_REFERENCE_TERMS = ["ICC", "Six Party Talks", "abduction", "camp"]


def _reference_matches(text: str) -> set[tuple[int, int, str]]:
    """What whole-word matching means, written the slow and obvious way with one regex per term."""
    import re

    found = set()
    for term in _REFERENCE_TERMS:
        # NUL counts as a space: it is what separates passages when they are matched together
        words = r"[\s\x00]+".join(re.escape(word) for word in term.split())
        # not preceded or followed by a letter or digit (the underscore is neither); acronyms in capitals only
        pattern = re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", 0 if term.isupper() else re.IGNORECASE)
        found |= {(m.start(), m.end(), term) for m in pattern.finditer(text)}
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["ICC", "icc", "camp", "CAMP", "abduction", "Six", "Party", "Talks", " ", "  ", "\n", "\u00a0", "\t", "-", "_",
     "é", "한", "\U0001d400", "\x00", "1", ".", "\u2160", "ß", "a"]), max_size=40).map("".join))
def test_matches_are_exactly_the_whole_word_occurrences_of_each_term(text):
    assert sorted(t for terms in theme_terms(load_taxonomy(REFERENCE_TAXONOMY)).values() for t in terms) == sorted(_REFERENCE_TERMS)
    coded = code_themes(one_passage(text), {"d": text}, load_taxonomy(REFERENCE_TAXONOMY))
    expected = _reference_matches(text)
    assert set(zip(coded["start"], coded["end"], coded["term"])) == expected
    assert len(coded) == len(expected)


@given(st.text(max_size=60))
def test_word_characters_mark_exactly_the_letters_and_digits(text):
    encoded = text.encode("utf-8", "surrogatepass")
    assert _word_characters(text, encoded).tolist() == [int(c.isalnum()) for c in text]


def test_a_lone_surrogate_neither_breaks_matching_nor_shifts_offsets():
    # A str built in code can hold one (a decoded file cannot); it is one character like any other.
    from nkhr.code.themes import _Matcher

    text = "camp\ud800 ICC\udfff abduction"
    index, term_ids, starts, ends = _Matcher(load_taxonomy(REFERENCE_TAXONOMY)).match([text])
    assert [text[s:e] for s, e in zip(starts, ends)] == ["camp", "ICC", "abduction"]
