"""What the seed corpus must yield, and the guarantees every table keeps."""

import pandas as pd
import pytest
from seeds_corpus import doc_id_of, seeds

from nkhr import load_corpus, paths, schema
from nkhr.errors import CorpusNotFoundError, EmptyCorpusError


def test_six_documents_with_their_dates_and_kinds():
    documents = seeds().documents.sort_values("date")
    assert list(documents["date"]) == ["2005-08-01", "2007-08-29", "2020-10-14", "2020-10-14", "2023-04-20", "2023-12-15"]
    assert list(documents["kind"]) == ["joint statement", "joint statement", "open letter", "open letter",
                                       "joint statement", "joint statement"]


def test_the_2020_file_holds_two_letters_with_distinct_addressees():
    letters = seeds().documents.query("kind == 'open letter'")
    assert letters["source"].nunique() == 1
    addressees = sorted(letters["addressee"])
    assert "General Assembly" in addressees[1] or "General Assembly" in addressees[0]
    assert any("High Representative" in a for a in addressees)
    assert any(a == "UN General Assembly" for a in addressees)


def test_issuers_of_each_statement():
    documents = seeds().documents.set_index("date")
    assert documents.loc["2023-04-20", "issuers"] == "IPCNKR; APPG North Korea"
    assert documents.loc["2005-08-01", "issuers"] == "IPCNKR"
    assert documents.loc["2007-08-29", "issuers"] == "IPCNKR"
    assert documents.loc["2023-12-15", "issuers"] == "Albania; Japan; Republic of Korea; United States"


def test_titles_name_the_meeting_or_the_states():
    titles = seeds().documents.set_index("date")["title"]
    assert "19th Conference" in titles["2023-04-20"]
    assert titles["2005-08-01"] == "Joint Statement by IPCNKR"
    assert "4th General Meeting" in titles["2007-08-29"]
    assert titles["2023-12-15"].startswith("Joint Statement by Albania, Japan, the Republic of Korea")


def test_december_2023_statement_repeats_four_paragraphs():
    corpus = seeds()
    doc = corpus.documents.query("date == '2023-12-15'")["doc_id"].iloc[0]
    body = corpus.passages.query("doc_id == @doc and kind == 'body'")
    assert body["duplicate_of"].notna().sum() == 4
    assert body["counted"].sum() == 5
    assert corpus.documents.query("doc_id == @doc")["n_passages"].iloc[0] == 5


def test_duplicates_are_kept_and_point_to_an_identical_earlier_passage():
    passages = seeds().passages
    duplicates = passages[passages["duplicate_of"].notna()]
    for row in duplicates.itertuples():
        first = passages[(passages["doc_id"] == row.doc_id) & (passages["n"] == row.duplicate_of)].iloc[0]
        assert first["text"].casefold() == row.text.casefold()
        assert first["n"] < row.n


def test_web_debris_is_marked_boilerplate():
    passages = seeds().passages
    for debris in ("Share This", "Search Website", "Site Search", "Recent Posts", "Contact Us"):
        rows = passages[passages["text"] == debris]
        assert len(rows) >= 1 and rows["boilerplate"].all(), debris
    statement_text = passages[passages["text"].str.startswith("1. Expresses its deep concern")]
    assert not statement_text["boilerplate"].any()


def test_membership_keeps_both_founding_accounts():
    membership = seeds().membership
    founding = membership.query("event == 'founding' and countries.notna()")
    by_year = {row.doc_id: (row.countries, row.members, row.as_of) for row in founding.itertuples()}
    values = sorted(by_year.values(), key=lambda v: v[0])
    assert values[0] == (5, 35, "2003-04")
    assert values[1][0] == 6 and pd.isna(values[1][1]) and values[1][2] == "2003"
    six = founding[founding["countries"] == 6].iloc[0]
    assert "AUS" in six["countries_listed"].split("; ")
    five = founding[founding["countries"] == 5].iloc[0]
    assert "AUS" not in five["countries_listed"].split("; ")


def test_membership_in_2007_is_111_members_from_36_countries():
    membership = seeds().membership
    row = membership.query("event == 'membership'").iloc[0]
    assert (row["members"], row["countries"], row["as_of"]) == (111, 36, "2007-08-29")
    attendance = membership.query("event == 'attendance'").iloc[0]
    assert attendance["members"] == 111 and "Representatives" in attendance["quote"]


def test_meetings_numbers_years_and_places():
    meetings = seeds().meetings
    def rows(number):
        return meetings[meetings["number"] == number]
    assert {(r.year, r.place) for r in rows(2).itertuples()} >= {(2005, "Tokyo")}
    assert (2006, "Mongolia") in {(r.year, r.place) for r in rows(3).itertuples()}
    seoul = rows(4)[rows(4)["place"].fillna("").str.startswith("Seoul")].iloc[0]
    assert (seoul["date"], seoul["end_date"]) == ("2007-08-28", "2007-08-30")
    assert 2023 in set(rows(19)["year"].dropna())


@pytest.mark.parametrize("letter", ["General Assembly concerning the resolution", "concerning the UN General Assembly’s"])
def test_each_letter_has_37_signatories(letter):
    corpus = seeds()
    doc = doc_id_of(corpus, letter)
    signatories = corpus.signatories.query("doc_id == @doc")
    assert len(signatories) == 37
    assert signatories["kind"].value_counts().to_dict() == {"organisation": 33, "individual": 4}
    organisations = signatories.query("kind == 'organisation'")
    by_country = organisations["iso3"].fillna("").value_counts().to_dict()
    assert by_country == {"KOR": 20, "USA": 6, "GBR": 4, "PHL": 1, "CAN": 1, "": 1}
    assert organisations.loc[organisations["iso3"].fillna("") == "", "name"].tolist() == ["Liberty in North Korea (LiNK)"]
    individuals = signatories.query("kind == 'individual'").set_index("name")
    assert sorted(individuals.index) == ["David Alton", "Sonja Biserko", "Vitit Muntarbhorn", "Yanghee Lee"]
    assert individuals.loc["David Alton", "role"].startswith("Independent Crossbench Member of the House of Lords")
    assert individuals.loc["Vitit Muntarbhorn", "role"] == "Former UN Special Rapporteur on the situation of human rights in the DPRK"
    assert (individuals["country"].fillna("") == "").all()


def test_one_organisation_written_two_ways_has_one_canonical_name():
    signatories = seeds().signatories
    nauh = signatories[signatories["name_as_written"].str.startswith("Now Action & Unity")]
    assert sorted(nauh["name_as_written"]) == ["Now Action & Unity for Human Rights (NAUH)", "Now Action & Unity for Human rights"]
    assert nauh["name"].nunique() == 1
    letters = signatories[signatories["doc_id"].str.startswith("004_")]  # the two 2020 letters, signed alike
    names = letters.groupby("doc_id")["name"].apply(set)
    assert len(names) == 2 and names.iloc[0] == names.iloc[1]


def test_country_as_written_is_kept_beside_its_code():
    signatories = seeds().signatories
    usa = signatories[signatories["iso3"] == "USA"]
    assert set(usa["country"]) == {"United States of America"}


def test_stated_counts_are_compared_with_the_parsed_lists():
    counts = seeds().stated_counts
    signatories = counts.query("counts == 'signatories'")
    assert set(signatories["stated"]) == {37} and (signatories["difference"] == 0).all()
    countries = counts.query("counts == 'signatory_countries'")
    assert set(zip(countries["stated"], countries["counted"], countries["difference"])) == {(7, 5, -2)}
    founding = counts.query("counts == 'founding_countries'").iloc[0]
    assert (founding["stated"], founding["counted"]) == (5, 5)


def test_december_statement_issuers_map_to_iso_codes():
    corpus = seeds()
    doc = corpus.documents.query("date == '2023-12-15'")["doc_id"].iloc[0]
    issuers = corpus.countries.query("doc_id == @doc and role == 'issuer'")
    assert sorted(issuers["iso3"]) == ["ALB", "JPN", "KOR", "USA"]


def test_founders_differ_between_the_two_accounts():
    countries = seeds().countries.query("role == 'founder'")
    founders = countries.groupby("doc_id")["iso3"].apply(lambda s: frozenset(s))
    assert set(founders) == {frozenset({"KOR", "USA", "GBR", "JPN", "MNG"}), frozenset({"KOR", "USA", "GBR", "JPN", "MNG", "AUS"})}


def test_truncated_2007_statement_is_a_warning():
    problems = seeds().problems
    truncated = problems[problems["message"].str.contains("truncated")]
    assert len(truncated) == 1
    row = truncated.iloc[0]
    assert row["severity"] == "warning" and "Resolutions:" in row["message"]
    source = seeds().texts[row["source"]]
    assert source.splitlines()[row["line"] - 1].startswith("Resolutions:")


@pytest.mark.parametrize("table", schema.QUOTED_TABLES)
def test_every_quote_is_exactly_its_offsets(table):
    corpus = seeds()
    frame = getattr(corpus, table)
    assert len(frame) > 0, f"{table} is empty on the seeds"
    for row in frame.itertuples():
        assert corpus.source_text(row.doc_id)[row.start : row.end] == row.quote


def test_passage_offsets_reproduce_their_text():
    corpus = seeds()
    for row in corpus.passages.itertuples():
        raw = corpus.source_text(row.doc_id)[row.start : row.end]
        assert " ".join(raw.split()) == row.text


@pytest.mark.parametrize("table", ["documents", "passages", "membership", "meetings", "signatories", "countries",
                                   "stated_counts", "problems", "themes", "asks", "claims", "conflicts"])
def test_tables_have_their_declared_columns_and_types(table):
    frame = getattr(seeds(), table)
    assert list(frame.columns) == schema.columns_of(table)
    for column in schema.TABLES[table]:
        assert str(frame[column.name].dtype) == str(pd.Series([], dtype=column.dtype).dtype), column.name


def test_missing_directory_raises_one_clear_error(tmp_path):
    with pytest.raises(CorpusNotFoundError, match="corpus directory not found"):
        load_corpus(tmp_path / "nowhere", cache=False)


def test_empty_directory_raises_one_clear_error(tmp_path):
    with pytest.raises(EmptyCorpusError, match="is empty"):
        load_corpus(tmp_path, cache=False)


def test_cached_corpus_equals_a_fresh_parse(tmp_path, monkeypatch):
    from nkhr import paths
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    first = load_corpus(paths.SEEDS, cache=True)
    assert list((tmp_path / "cache").glob("corpus-*.pkl"))
    second = load_corpus(paths.SEEDS, cache=True)
    for name in first.TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))
    assert first.fingerprint == second.fingerprint


def test_parallel_parse_equals_serial_parse(tmp_path, monkeypatch):
    import nkhr.corpus as corpus_module
    for source in seeds().texts:
        (tmp_path / source).write_text(seeds().texts[source], encoding="utf-8")
    monkeypatch.setattr(corpus_module, "PARALLEL_THRESHOLD_BYTES", 0)
    parallel = load_corpus(tmp_path, cache=False, jobs=2)
    serial = load_corpus(tmp_path, cache=False, jobs=1)
    for name in serial.TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name))


def test_a_changed_metadata_csv_changes_the_fingerprint_and_reparses(tmp_path, monkeypatch):
    from nkhr import paths
    from nkhr.corpus import corpus_fingerprint

    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to act.\n")
    bare = corpus_fingerprint(corpus_dir)
    assert load_corpus(corpus_dir, cache=True).documents["date"].iloc[0] == "2019-05-01"
    (corpus_dir / "metadata.csv").write_text("source,date\na.txt,2019-05\n", encoding="utf-8")
    first = corpus_fingerprint(corpus_dir)
    assert first != bare
    assert load_corpus(corpus_dir, cache=True).documents["date"].iloc[0] == "2019-05"
    (corpus_dir / "metadata.csv").write_text("source,date\na.txt,2019\n", encoding="utf-8")
    assert corpus_fingerprint(corpus_dir) not in (bare, first)
    reloaded = load_corpus(corpus_dir, cache=True)
    assert reloaded.documents["date"].iloc[0] == "2019" and reloaded.fingerprint == corpus_fingerprint(corpus_dir)


# -- exploring: paths from any folder, a short display, kwic, context, select, labels --------------------


def test_a_relative_corpus_path_works_from_the_notebooks_folder(monkeypatch):
    monkeypatch.chdir(paths.NOTEBOOKS)
    assert load_corpus("seeds").directory.resolve() == paths.SEEDS.resolve()
    assert len(load_corpus().documents) == len(seeds().documents)


def test_a_missing_corpus_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusNotFoundError) as caught:
        load_corpus("no-such-folder", cache=False)
    message = str(caught.value)
    assert str(tmp_path / "no-such-folder") in message and str(paths.ROOT / "no-such-folder") in message


def test_a_corpus_displays_as_a_few_lines():
    shown = repr(seeds())
    assert len(shown.splitlines()) <= 6 and "6 documents" in shown and "dated 2005-08-01 to 2023-12-15" in shown
    assert "<table>" in seeds()._repr_html_() and len(seeds()._repr_html_()) < 2000


def test_kwic_over_the_seeds_keeps_offsets_exact():
    corpus = seeds()
    found = corpus.kwic("abduct*", window=4)
    assert len(found) >= 3 and found["match"].str.lower().str.startswith("abduct").all()
    texts = corpus.texts_by_doc()
    assert all(texts[d][s:e] == m for d, s, e, m in zip(found["doc_id"], found["start"], found["end"], found["match"]))
    assert found["label"].notna().all()


def test_in_context_gives_each_theme_its_sentence():
    corpus = seeds()
    placed = corpus.in_context(corpus.themes.head(20))
    texts = corpus.texts_by_doc()
    for row in placed.itertuples():
        assert row.sentence_start <= row.start < row.sentence_end
        assert texts[row.doc_id][row.sentence_start : row.sentence_end] == row.sentence


def test_select_filters_every_table_alike():
    corpus = seeds()
    picked = corpus.select(years=(2005, 2010))
    kept = set(picked.documents["doc_id"])
    assert set(picked.documents["year"]) == {2005, 2007}
    for name, frame in picked.tables().items():
        if "doc_id" in frame.columns:
            assert set(frame["doc_id"]) <= kept, name
    assert set(corpus.select(kinds="open letter").documents["kind"]) == {"open letter"}
    assert len(corpus.select(issuers="japan").documents) == 1
    label = corpus.documents["label"].iloc[0]
    assert corpus.select(documents=label).documents["label"].tolist() == [label]
    assert len(corpus.documents) == 6, "the corpus selected from is unchanged"


def test_every_document_has_a_unique_label():
    labels = seeds().documents["label"]
    assert labels.notna().all() and labels.is_unique


def test_show_renders_any_table_with_its_quotes_openable():
    corpus = seeds()
    documents = corpus.show(corpus.documents).html()
    assert documents.count("<tr>") == 1 + len(corpus.documents) and "dateline" in documents
    signatories = corpus.show(corpus.signatories, ["name", "country"]).html()
    assert "nkhr-searchable" in signatories and signatories.count("<details") == len(corpus.signatories)
