"""A curator's metadata.csv: corrected fields replace parsed ones, are marked, and every mistake is reported."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkhr import load_corpus, schema
from nkhr.cli import main
from nkhr.describe.curation import TEMPLATE_COLUMNS, apply_curation, parse_curation

COALITION = """Joint Statement by the Northern Lights Coalition

Seoul, March 3, 2019

The Northern Lights Coalition, founded in 2010, now has 80 members from 12 countries.

We urge all governments to stop the forced return of people who have fled.
"""
LETTERS = """Open Letter to the Secretary-General

May 5, 2021

Dear Secretary-General,

We write to ask you to raise the fate of detained families with every delegation.

Sincerely,
Friends of Families
=====
Open Letter to the Foreign Ministers

June 6, 2021

Dear Ministers,

We ask you to speak for the families separated by the border.

Sincerely,
Friends of Families
"""
UNDATED = """Statement on Detention Camps

We condemn the camps and ask that observers be admitted without delay.
"""


def write_corpus(folder, metadata: str | bytes | None = None):
    (folder / "coalition.txt").write_text(COALITION, encoding="utf-8")
    (folder / "letters.txt").write_text(LETTERS, encoding="utf-8")
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    if metadata is not None:
        data = metadata.encode("utf-8") if isinstance(metadata, str) else metadata
        (folder / "metadata.csv").write_bytes(data)
    return folder


def curated_corpus(tmp_path, metadata):
    return load_corpus(write_corpus(tmp_path, metadata), cache=False)


def curation_problems(corpus) -> list[tuple[int | None, str, str]]:
    rows = corpus.problems[corpus.problems["source"] == "metadata.csv"]
    return [(None if pd.isna(r.line) else int(r.line), r.severity, r.message) for r in rows.itertuples()]


def document(corpus, doc_id):
    return corpus.documents.set_index("doc_id").loc[doc_id]


# --- curated values replace parsed ones, and say so -------------------------------------------------------------

def test_curated_fields_replace_parsed_ones_and_are_marked(tmp_path):
    corpus = curated_corpus(tmp_path, (
        "source,doc_id,date,issuers,title\n"
        "undated.txt,,2018-11-02,Camp Watch; Families United,\n"
        "letters.txt,letters-1,,Friends of Families,\n"
    ))
    assert curation_problems(corpus) == []
    undated = document(corpus, "undated")
    assert (undated["date"], undated["year"], undated["issuers"]) == ("2018-11-02", 2018, "Camp Watch; Families United")
    assert undated["curated"] == "date; issuers"
    assert undated["title"] == "Statement on Detention Camps"  # an empty cell keeps the parsed value
    assert document(corpus, "letters-1")["curated"] == "issuers"
    assert document(corpus, "letters-2")["curated"] == "" and document(corpus, "coalition")["curated"] == ""

    facts = corpus.document_facts
    curated = facts[facts["curated"]]
    assert sorted(zip(curated["doc_id"], curated["field"], curated["value"])) == [
        ("letters-1", "issuers", "Friends of Families"),
        ("undated", "date", "2018-11-02"),
        ("undated", "issuers", "Camp Watch"),
        ("undated", "issuers", "Families United"),
    ]
    assert (curated["rule"] == "curator").all()
    assert curated[["quote", "start", "end"]].isna().all().all()
    # the parsed evidence stays beside the curated value
    assert len(facts[(facts["doc_id"] == "undated") & ~facts["curated"]]) == 3


def test_warnings_for_fields_the_curator_filled_go_away(tmp_path):
    corpus = curated_corpus(tmp_path, "source,doc_id,date,issuers\nundated.txt,,2018-11-02,Camp Watch\n")
    messages = corpus.problems[corpus.problems["source"] == "undated.txt"]["message"]
    assert not messages.str.contains("no date of its own").any()
    assert not messages.str.contains("no issuer named").any()
    # the letters were not curated: their warnings stay
    assert corpus.problems["message"].str.startswith("letters-1: no issuer named").any()


def test_a_value_equal_to_the_parsed_one_confirms_it_and_curates_nothing(tmp_path):
    corpus = curated_corpus(tmp_path, "source,date,kind,title\ncoalition.txt,2019-03-03,Joint Statement,"
                                      "Joint  Statement by the Northern Lights Coalition\n")
    assert curation_problems(corpus) == []
    assert document(corpus, "coalition")["curated"] == ""
    assert not corpus.document_facts["curated"].any()


def test_a_curated_organisation_fills_the_documents_counts(tmp_path):
    corpus = curated_corpus(tmp_path, "source,organisation\ncoalition.txt,Northern Lights Network\n")
    assert document(corpus, "coalition")["organisation"] == "Northern Lights Network"
    assert set(corpus.membership.query("doc_id == 'coalition'")["organisation"]) == {"Northern Lights Network"}


def test_a_dash_clears_a_wrong_value(tmp_path):
    corpus = curated_corpus(tmp_path, "source,doc_id,date,addressee\nletters.txt,letters-2,-,-\n")
    letter = document(corpus, "letters-2")
    assert pd.isna(letter["date"]) and pd.isna(letter["year"]) and pd.isna(letter["addressee"])
    assert letter["curated"] == "date; addressee"
    cleared = corpus.document_facts.query("doc_id == 'letters-2' and curated")
    assert list(cleared["field"]) == ["date", "addressee"] and cleared["value"].isna().all()
    # clearing what the text states deserves a second look
    assert [severity for _, severity, _ in curation_problems(corpus)] == ["warning", "warning"]


# --- a curated value that contradicts the text --------------------------------------------------------------------

def test_a_date_contradicting_the_text_is_applied_with_a_warning_showing_both(tmp_path, capsys):
    write_corpus(tmp_path, "source,doc_id,date\nundated.txt,,2018\nletters.txt,letters-1,2021-05-06\n")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert ('metadata.csv:3: warning: date 2021-05-06 set by the curator contradicts 2021-05-05 stated in the text '
            '("May 5, 2021")') in out
    corpus = load_corpus(tmp_path, cache=False)
    assert document(corpus, "letters-1")["date"] == "2021-05-06"


@pytest.mark.parametrize("field, value, contradicts", [
    ("date", "2019-03", False),           # less precise, same month
    ("date", "2019-03-03", False),        # the same
    ("date", "2019-04", True),
    ("issuers", "Northern Lights Coalition; Hope Fund", False),  # adds an issuer the parser missed
    ("issuers", "Hope Fund", True),                                # drops the one the text names
    ("title", "JOINT STATEMENT BY THE NORTHERN LIGHTS COALITION", False),
    ("kind", "declaration", True),
    ("language", "ko", True),
])
def test_only_values_that_disagree_with_the_text_are_contradictions(tmp_path, field, value, contradicts):
    corpus = curated_corpus(tmp_path, f"source,{field}\ncoalition.txt,{value}\n")
    warnings = [m for _, severity, m in curation_problems(corpus) if severity == "warning"]
    assert bool(warnings) == contradicts, warnings
    if warnings:
        assert warnings[0].startswith(f"{field} {value} set by the curator contradicts ")


# --- every mistake in metadata.csv is a problem with its line -----------------------------------------------------

@pytest.mark.parametrize("metadata, line, severity, expected", [
    ("source,date\nmissing.txt,2020\n", 2, "error", "found 'missing.txt', which is not there"),
    ("source,date\ncoalitoin.txt,2020\n", 2, "error", "(did you mean 'coalition.txt'?)"),
    ("source,doc_id,date\nletters.txt,letters-3,2020\n", 2, "error",
     "expected letters-1 or letters-2, found 'letters-3', which is no document of the corpus"),
    ("source,doc_id,date\nletters.txt,undated,2020\n", 2, "error", "found 'undated', a document of undated.txt"),
    ("source,date\nletters.txt,2020\n", 2, "error", "letters.txt holds 2 documents: expected a doc_id"),
    ("source,date\n\nundated.txt,2020-13-01\n", 3, "error", "date '2020-13-01' of undated.txt: expected YYYY, YYYY-MM"),
    ("source,date\nundated.txt,14/10/2020\n", 2, "error", "expected YYYY, YYYY-MM or YYYY-MM-DD and a real date"),
    ("source,date\nundated.txt,2021-02-29\n", 2, "error", "date '2021-02-29'"),
    ("source,tittle\nundated.txt,Camps\n", 1, "error", "unknown column 'tittle' (did you mean 'title'?)"),
    ("file,date\nundated.txt,2020\n", 1, "error", "expected a 'source' column naming each statement's file"),
    ("source,date,date\nundated.txt,2020,2021\n", 1, "error", "column 'date' appears twice"),
    ("source,date\nundated.txt,2020,extra\n", 2, "error", "found 1 more (first 'extra'); they are not applied"),
    ("source,date\n,2020\n", 2, "error", "expected the file name of a statement in 'source'"),
    ("source,language\nundated.txt,English\n", 2, "error", "expected an ISO 639-1 code"),
    ("source,date\nundated.txt,2020\nundated.txt,2020\n", 3, "warning", "found undated again (first on line 2)"),
    ("source,date\nundated.txt,2020\nundated.txt,2021\n", 3, "error",
     "found a second row for undated (first on line 2) with other values; this row is not applied"),
    ('source,title\nundated.txt,"Camps\nundated.txt,2020\n', 2, "error", "expected CSV"),
    ("", 1, "warning", "found no rows; nothing is curated"),
])
def test_each_mistake_is_reported_with_its_line(tmp_path, metadata, line, severity, expected):
    corpus = curated_corpus(tmp_path, metadata)
    problems = curation_problems(corpus)
    assert len(problems) == 1, problems
    assert problems[0][:2] == (line, severity)
    assert expected in problems[0][2]


def test_a_kind_the_parser_never_assigns_is_applied_with_a_warning(tmp_path):
    corpus = curated_corpus(tmp_path, "source,kind\nundated.txt,Press Release\n")
    assert document(corpus, "undated")["kind"] == "press release"
    messages = [m for line, severity, m in curation_problems(corpus) if (line, severity) == (2, "warning")]
    assert any("none of the kinds the parser assigns" in m for m in messages)


@pytest.mark.parametrize("data, expected", [
    (b"source,title\nundated.txt,Caf\xe9 statement\n", "found byte 0xe9 that is not UTF-8"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "found a binary file"),
])
def test_an_unreadable_file_is_one_error_and_nothing_is_applied(tmp_path, data, expected):
    corpus = curated_corpus(tmp_path, data)
    [(_, severity, message)] = curation_problems(corpus)
    assert severity == "error" and expected in message and "none of it is applied" in message
    assert (corpus.documents["curated"] == "").all()


def test_a_row_naming_a_file_that_failed_to_parse_says_so(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    corpus = curated_corpus(tmp_path, "source,date\nscan.pdf,2020\n")
    [(line, severity, message)] = curation_problems(corpus)
    assert (line, severity) == (2, "error") and "in the corpus folder but was not parsed" in message


def test_the_valid_cells_of_a_row_apply_when_another_cell_is_wrong(tmp_path):
    corpus = curated_corpus(tmp_path, "source,date,issuers\nundated.txt,sometime,Camp Watch\n")
    assert document(corpus, "undated")["issuers"] == "Camp Watch"
    assert pd.isna(document(corpus, "undated")["date"])


def test_a_spreadsheet_export_with_semicolons_a_bom_and_crlf_reads(tmp_path):
    metadata = "\ufeffSource;Doc ID;Date\r\nletters.txt;letters-2;2021-06\r\n".encode("utf-8")
    corpus = curated_corpus(tmp_path, metadata)
    assert curation_problems(corpus) == []
    assert document(corpus, "letters-2")["date"] == "2021-06" and document(corpus, "letters-2")["curated"] == "date"


# --- the template ------------------------------------------------------------------------------------------------

def test_the_template_round_trips_to_the_parsed_corpus(tmp_path, capsys):
    write_corpus(tmp_path)
    parsed = load_corpus(tmp_path, cache=False)
    assert main(["check", "--template", str(tmp_path)]) == 0
    assert f"wrote {tmp_path / 'metadata.csv'}" in capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO((tmp_path / "metadata.csv").read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == TEMPLATE_COLUMNS
    assert [(r["source"], r["doc_id"], r["date"]) for r in rows] == [
        ("coalition.txt", "coalition", "2019-03-03"), ("letters.txt", "letters-1", "2021-05-05"),
        ("letters.txt", "letters-2", "2021-06-06"), ("undated.txt", "undated", "")]
    # an untouched template confirms every parsed value: same tables, nothing marked curated, no problem
    reloaded = load_corpus(tmp_path, cache=False)
    for table in ("documents", "document_facts", "membership", "meetings", "problems"):
        pd.testing.assert_frame_equal(getattr(reloaded, table), getattr(parsed, table))


def test_editing_one_cell_of_the_template_curates_that_field_only(tmp_path):
    write_corpus(tmp_path)
    assert main(["check", "--template", str(tmp_path)]) == 0
    template = tmp_path / "metadata.csv"
    template.write_text(template.read_text(encoding="utf-8").replace(",undated,Statement on Detention Camps,,",
                                                                     ",undated,Statement on Detention Camps,2017,"),
                        encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False)
    assert list(corpus.documents["curated"]) == ["", "", "", "date"]
    assert curation_problems(corpus) == []


def test_the_template_never_overwrites_a_curators_file_unless_forced(tmp_path, capsys):
    write_corpus(tmp_path, "source,doc_id,date,addressee\nletters.txt,letters-2,2021-06,-\n")
    before = (tmp_path / "metadata.csv").read_bytes()
    assert main(["check", "--template", str(tmp_path)]) == 2
    refusal = capsys.readouterr().err
    assert "metadata.csv: already exists" in refusal and "--force" in refusal
    assert (tmp_path / "metadata.csv").read_bytes() == before
    assert main(["check", "--template", "--force", str(tmp_path)]) == 0
    rows = {r["doc_id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "metadata.csv").read_text(encoding="utf-8")))}
    # a forced template keeps the corrections made so far, a cleared field as '-'
    assert (rows["letters-2"]["date"], rows["letters-2"]["addressee"]) == ("2021-06", "-")
    corpus = load_corpus(tmp_path, cache=False)
    assert document(corpus, "letters-2")["curated"] == "date; addressee"


# --- whatever metadata.csv holds, the corpus loads --------------------------------------------------------------

_cells = st.one_of(st.sampled_from(["", "-", "2020", "2020-02-30", "2019-03", "coalition.txt", "letters.txt",
                                    "letters-1", "undated", "en", "Joint Statement", "A; ;B", '"', ";", ",", "\n"]),
                   st.text(max_size=12))
_headers = st.lists(st.sampled_from(list(TEMPLATE_COLUMNS) + ["", "Title", "tittle", "notes", "source"]),
                    min_size=1, max_size=6)


@st.composite
def csv_texts(draw) -> bytes:
    header = draw(_headers)
    rows = draw(st.lists(st.lists(_cells, max_size=len(header) + 1), max_size=5))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    writer.writerows([header] + rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def parsed_tables(tmp_path_factory):
    corpus = load_corpus(write_corpus(tmp_path_factory.mktemp("parsed")), cache=False)
    return corpus


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), csv_texts()))
def test_any_content_ends_as_curated_values_or_problems(parsed_tables, data):
    curation = parse_curation(data)
    tables = apply_curation(curation, parsed_tables.tables(), file_names=["coalition.txt", "letters.txt", "undated.txt"])
    for name in ("documents", "document_facts", "membership", "meetings", "problems"):
        assert list(tables[name].columns) == schema.columns_of(name)
    assert len(tables["documents"]) == len(parsed_tables.documents)
    ours = tables["problems"][tables["problems"]["source"] == "metadata.csv"]
    assert set(ours["severity"]) <= {"error", "warning"}
    facts = tables["document_facts"]
    for row in tables["documents"].itertuples():
        marked = set(filter(None, row.curated.split("; ")))
        assert marked == set(facts[(facts["doc_id"] == row.doc_id) & facts["curated"]]["field"])
    # parsed evidence is never touched
    pd.testing.assert_frame_equal(facts[~facts["curated"]].reset_index(drop=True), parsed_tables.document_facts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=120), csv_texts()))
def test_load_corpus_never_crashes_on_metadata_and_offsets_still_hold(tmp_path, data):
    corpus = load_corpus(write_corpus(tmp_path, data), cache=False)
    for table in schema.QUOTED_TABLES:
        for row in getattr(corpus, table).dropna(subset=["start"]).itertuples():
            assert corpus.source_text(row.doc_id)[row.start : row.end] == row.quote


def test_a_count_whose_own_sentence_names_another_coalition_keeps_it():
    documents = schema.build_frame("documents", [{"doc_id": "d", "source": "d.txt", "organisation": "IPCNKR", "curated": ""}])
    membership = schema.build_frame("membership", [
        {"doc_id": "d", "organisation": "IPCNKR", "members": 10},
        {"doc_id": "d", "organisation": "Asia Network", "members": 4},
        {"doc_id": "d", "organisation": None, "members": 3},
    ])
    tables = {"documents": documents, "membership": membership, "meetings": schema.build_frame("meetings", []),
              "document_facts": schema.build_frame("document_facts", [
                  {"doc_id": "d", "field": "organisation", "value": "IPCNKR", "rule": "issuer:title_by", "curated": False}]),
              "problems": schema.build_frame("problems", [])}
    curated = apply_curation(parse_curation(b"source,organisation\nd.txt,Parliamentarians' Coalition\n"), tables)
    assert list(curated["membership"]["organisation"]) == [
        "Parliamentarians' Coalition", "Asia Network", "Parliamentarians' Coalition"]
    assert list(membership["organisation"].fillna("")) == ["IPCNKR", "Asia Network", ""]  # the input is not modified
