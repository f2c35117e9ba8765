"""The synthetic corpus: deterministic, seed-sized, and built from the structures the parser reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nkhr
from nkhr import synthetic
from nkhr.code import themes

SEEDS_BYTES = sum(p.stat().st_size for p in nkhr.corpus.paths.SEEDS.iterdir() if p.is_file())
COUNTRY_NAMES = [name for name, _ in synthetic._SIGNATORY_COUNTRIES]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "scale-4"
    synthetic.write_synthetic_corpus(folder, scale=4)
    return folder


@pytest.fixture(scope="module")
def texts(corpus_dir) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus_dir.iterdir())}


@pytest.fixture(scope="module")
def everything(texts) -> str:
    return "\n".join(texts.values())


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    first = synthetic.write_synthetic_corpus(tmp_path / "a", scale=2)
    again = synthetic.write_synthetic_corpus(tmp_path / "b", scale=2)
    other = synthetic.write_synthetic_corpus(tmp_path / "c", scale=2, seed=1)
    assert [p.name for p in first] == [p.name for p in again]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_a_larger_scale_extends_a_smaller_one(tmp_path):
    small = synthetic.write_synthetic_corpus(tmp_path / "small", scale=1)
    large = synthetic.write_synthetic_corpus(tmp_path / "large", scale=3)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:5]]


@pytest.mark.parametrize("scale", [1, 3])
def test_scale_one_is_about_the_seeds_size_and_size_grows_linearly(tmp_path, scale):
    files = synthetic.write_synthetic_corpus(tmp_path, scale=scale)
    assert len(files) == 5 * scale
    per_unit = sum(p.stat().st_size for p in files) / scale
    assert 0.75 * SEEDS_BYTES < per_unit < 1.25 * SEEDS_BYTES


def test_scale_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="positive"):
        synthetic.write_synthetic_corpus(tmp_path, scale=0)


def test_titles_name_a_meeting_ordinal_and_an_acronym_or_a_letter(everything):
    assert re.search(r"^Joint Statement from the \d+(?:st|nd|rd|th) (?:General Meeting|Conference) of the "
                     r"[A-Z][\w’ -]+ \([A-Z-]{3,}\)$", everything, re.M)
    assert re.search(r"^\s*Joint open letter to the [A-Z]", everything, re.M)
    assert re.search(r"^Joint Statement by [A-Z].*, and .+ on the Human Rights Situation", everything, re.M)


def test_dates_come_in_several_formats(everything):
    months = "|".join(synthetic._MONTHS)
    assert re.search(rf"^(?:{'|'.join(m[:3] for m in synthetic._MONTHS)}) \d{{1,2}}, \d{{4}} \| News$", everything, re.M)
    assert re.search(rf"\b\d{{1,2}} (?:{months}) \d{{4}}\b", everything)
    assert re.search(rf"\b(?:{months}) \d{{1,2}}, \d{{4}}\b", everything)
    assert re.search(r"^\d{4}/\d{2}/\d{2}$", everything, re.M)


def test_counts_ordinals_and_operative_paragraphs_are_stated(everything):
    assert re.search(r"consists of \d+ members from \d+ different\s+countries", everything)
    assert re.search(r"on behalf of \d+ [\w ,-]+ from \d+ different countries", everything)
    assert re.search(r"\b(?:four|five|six|seven) founding countries \(", everything)
    # meeting reports are hard-wrapped: any run of whitespace may separate two words
    assert re.search(r"The\s\d+(?:st|nd|rd|th)\sGeneral\sMeeting\sof\s[A-Z-]+\swas\sheld\sin\s[\w\s]+?\sin\s\d{4}\.",
                     everything)
    assert re.search(r"^\d{1,2}\. (?:Urges|Calls upon|Condemns|Strongly condemns|Requests|Supports) .+;", everything, re.M)
    assert re.search(r"^    \d\. We urge ", everything, re.M)


def test_signatory_lists_come_in_both_layouts(texts):
    letters = [text for name, text in texts.items() if name.endswith("_letters.txt")]
    assert letters
    countries = "|".join(re.escape(c) for c in COUNTRY_NAMES)
    for text in letters:
        first, second = text.split("\n===================================\n")
        assert "\nGroups\n" in first and "\nIndividuals\n" in first
        # name and country run together on one line
        assert re.search(rf"^\S.*[a-z)’](?:{countries})$", first, re.M)
        # name on one line, country alone on the next
        assert re.search(rf"^\S.*\n(?:{countries})\n", second[second.index("\nGroups\n"):], re.M)


def test_stated_signatory_count_matches_the_list_written(texts):
    for name, text in texts.items():
        if not name.endswith("_letters.txt"):
            continue
        for letter in text.split("\n===================================\n"):
            stated = int(re.search(r"on behalf of (\d+) ", letter).group(1))
            groups = letter[letter.index("\nGroups\n"):letter.index("\nIndividuals\n")]
            people = letter[letter.index("\nIndividuals\n") + len("\nIndividuals\n"):].lstrip("\n")
            named = [line for line in groups.splitlines()[2:] if line.strip() and line.strip() not in COUNTRY_NAMES]
            persons = people.split("\n\n")[0].splitlines()  # the list ends at the first blank line
            run_together = not any(line.strip() in COUNTRY_NAMES for line in groups.splitlines())
            listed = len(named) + (len(persons) if run_together else len(persons) // 2)
            assert listed == stated, name


def test_documents_about_one_coalition_agree_on_its_founding(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in synthetic.write_synthetic_corpus(tmp_path, scale=30)]
    original: dict[str, set[str]] = {}
    for text in texts:
        for acronym, members in re.findall(r"As of today, ([A-Z-]+)\s+consists.*?original\s+(\d+)\s+members", text, re.S):
            original.setdefault(acronym, set()).add(members)
    assert len(original) > 1
    assert all(len(values) == 1 for values in original.values()), original


def test_duplicate_paragraphs_and_web_debris_occur(texts, everything):
    def repeats(text: str) -> bool:
        lines = [line for line in text.splitlines() if len(line) > 80]
        return len(lines) != len(set(lines))

    assert any(repeats(text) for text in texts.values())
    assert "Share This" in everything
    assert "This image has an empty alt attribute" in everything


def test_every_theme_of_the_taxonomy_has_terms_in_the_corpus(everything):
    lowered = everything.replace("’", "'").lower()
    missing = [theme for theme, terms in themes.theme_terms().items()
               if not any(re.search(rf"(?<!\w){re.escape(t.lower())}(?!\w)", lowered) for t in terms)]
    assert missing == []


def test_load_corpus_parses_signatories_membership_and_meetings(corpus_dir, texts):
    corpus = nkhr.load_corpus(corpus_dir)
    assert len(corpus.documents) >= len(texts)
    letters = corpus.documents.loc[corpus.documents["source"].str.endswith("_letters.txt"), "doc_id"]
    assert set(corpus.signatories["doc_id"]) & set(letters)
    assert (corpus.membership["members"].dropna() > 0).any()
    assert (corpus.meetings["number"].dropna() > 1).any()
    for doc_id, group in corpus.signatories.groupby("doc_id"):
        text = corpus.source_text(doc_id)
        assert all(text[s:e] == q for s, e, q in zip(group["start"], group["end"], group["quote"]))
