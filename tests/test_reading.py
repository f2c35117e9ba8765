"""Bad input gets a clear message and nothing is lost: every file is parsed or listed as a problem."""

import pytest

from nkhr import load_corpus
from nkhr.read.reading import read_source

STATEMENT = "Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to stop the forced repatriation of refugees.\n"


@pytest.fixture
def messy_corpus(tmp_path):
    (tmp_path / "good.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "windows.txt").write_bytes(
        "Joint Statement on Detention\r\n\r\nJune 2, 2019\r\n\r\nWe condemn the “re-education” camps.\r\n".encode("cp1252")
    )
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, written sparsely
    (tmp_path / "page.html").write_text(
        "<html><head><title>x</title><script>var tracking = 1;</script></head><body>"
        "<h1>Joint Statement on Abductions</h1><p>March 3, 2018</p>"
        "<p>We <b>demand</b> the return of all abductees.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1 We urge China to act.}")
    return tmp_path


def test_every_file_is_a_document_or_a_problem(messy_corpus):
    corpus = load_corpus(messy_corpus, cache=False)
    parsed = set(corpus.documents["source"])
    listed = set(corpus.problems["source"])
    every_file = {p.name for p in messy_corpus.iterdir()}
    assert parsed | listed == every_file
    assert parsed == {"good.txt", "windows.txt", "page.html"}


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file"),
    ("huge.txt", "over the 10.5 MB limit"),
    ("scan.pdf", "a corrupt or truncated PDF"),
    ("notes.rtf", "unsupported format: expected .txt, .md, .html, .pdf or .docx, found '.rtf'"),
])
def test_unreadable_files_are_errors_with_their_reason(messy_corpus, name, reason):
    problems = load_corpus(messy_corpus, cache=False).problems
    row = problems[problems["source"] == name]
    assert len(row) == 1
    assert row["severity"].iloc[0] == "error"
    assert reason in row["message"].iloc[0]


def test_cp1252_file_decodes_with_a_warning(messy_corpus):
    corpus = load_corpus(messy_corpus, cache=False)
    warning = corpus.problems[corpus.problems["source"] == "windows.txt"].iloc[0]
    assert warning["severity"] == "warning" and "not valid UTF-8" in warning["message"]
    assert warning["line"] == 5
    assert "“re-education”" in corpus.texts["windows.txt"]


def test_html_text_is_extracted_without_tags_or_scripts(messy_corpus):
    corpus = load_corpus(messy_corpus, cache=False)
    text = corpus.texts["page.html"]
    assert "<" not in text and "tracking" not in text
    document = corpus.documents[corpus.documents["source"] == "page.html"].iloc[0]
    assert document["title"] == "Joint Statement on Abductions"
    assert document["date"] == "2018-03-03"


def test_read_source_never_reads_an_oversized_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    source, problems = read_source(big, max_bytes=1000)
    assert source is None and "over the" in problems[0]["message"]


def test_a_subfolder_is_listed_not_silently_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(STATEMENT)
    (tmp_path / "old").mkdir()
    problems = load_corpus(tmp_path, cache=False).problems
    assert "old" in set(problems["source"])


def test_the_curators_metadata_csv_is_not_a_statement_but_another_csv_is_reported(tmp_path):
    from nkhr.read.reading import list_corpus_files

    (tmp_path / "a.txt").write_text(STATEMENT)
    (tmp_path / "metadata.csv").write_text("source,date\na.txt,2019-05-01\n")
    (tmp_path / "corrections.csv").write_text("source,date\n")
    assert [p.name for p in list_corpus_files(tmp_path)] == ["a.txt", "corrections.csv"]
    problems = load_corpus(tmp_path, cache=False).problems
    assert "metadata.csv" not in set(problems["source"])
    message = problems.set_index("source").loc["corrections.csv", "message"]
    assert "found '.csv'" in message and "read from metadata.csv only" in message
