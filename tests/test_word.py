"""Word statements: paragraphs in order, lists that stay lists, tables of signatories, faults named.

Each .docx is written here with python-docx from short texts of our own.
"""

import zipfile

import pytest

docx = pytest.importorskip("docx")

from nkhr import load_corpus  # noqa: E402
from nkhr.read.reading import read_source  # noqa: E402

TITLE = "Joint Statement on Political Prison Camps"
DATE = "June 12, 2022"
CALL = "We call on the authorities to close every political prison camp and free those held there."
ORGANISATIONS = ["Camp Watch Network", "Families of the Detained", "Free Voices Coalition"]


def _document(*paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return document


@pytest.fixture
def bulleted(tmp_path):
    document = _document(TITLE, DATE, CALL, "Signed by the following organisations:")
    for name in ORGANISATIONS:
        document.add_paragraph(name, style="List Bullet")
    path = tmp_path / "bulleted.docx"
    document.save(path)
    return path


def test_a_bulleted_signatory_list_reads_as_a_list_of_names(bulleted):
    source, problems = read_source(bulleted)
    assert problems == [] and source.pages == [] and source.furniture == []
    assert source.text == (
        f"{TITLE}\n\n{DATE}\n\n{CALL}\n\nSigned by the following organisations:\n\n"
        "• Camp Watch Network\n• Families of the Detained\n• Free Voices Coalition\n"
    )
    corpus = load_corpus(bulleted.parent, cache=False)
    document = corpus.documents.iloc[0]
    assert (document["title"], document["date"]) == (TITLE, "2022-06-12")
    assert corpus.signatories["name"].tolist() == ORGANISATIONS
    text = corpus.texts["bulleted.docx"]
    for row in corpus.signatories.itertuples():
        assert text[row.start:row.end].startswith(row.name_as_written)


def test_a_table_of_signatories_is_read_row_by_row_with_countries(tmp_path):
    document = _document(TITLE, DATE, CALL, "Endorsed by:")
    rows = [("Organisation", "Country"), ("Camp Watch Network", "Japan"),
            ("Families of the Detained", "Republic of Korea"), ("Free Voices Coalition", "Canada")]
    table = document.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.add_paragraph("Contact: the coalition secretariat.")
    path = tmp_path / "table.docx"
    document.save(path)
    source, _ = read_source(path)
    assert "| Organisation | Country |\n|---|---|\n| Camp Watch Network | Japan |\n" in source.text
    assert source.text.index("Endorsed by:") < source.text.index("| Organisation") < source.text.index("Contact:")
    signatories = load_corpus(tmp_path, cache=False).signatories
    assert signatories[["name", "kind", "iso3"]].values.tolist() == [
        ["Camp Watch Network", "organisation", "JPN"],
        ["Families of the Detained", "organisation", "KOR"],
        ["Free Voices Coalition", "organisation", "CAN"],
    ]


def test_numbered_paragraphs_keep_their_numbers_in_order(tmp_path):
    asks = ["Close the political prison camps.", "Allow monitors into the country.", "Stop forced repatriation."]
    document = _document(TITLE, "The signatories urge the government to:")
    for ask in asks:
        document.add_paragraph(ask, style="List Number")
    document.add_paragraph("These steps are overdue.")
    path = tmp_path / "numbered.docx"
    document.save(path)
    source, _ = read_source(path)
    assert source.text.endswith(
        "The signatories urge the government to:\n\n"
        "1. Close the political prison camps.\n2. Allow monitors into the country.\n3. Stop forced repatriation.\n\n"
        "These steps are overdue.\n"
    )


def _outline_numbering(document) -> str:
    """Add a two-level list definition (1., 2. with (a), (b) beneath) and return its list id."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{shape}"/></w:lvl>'
        for level, fmt, shape in ((0, "decimal", "%1."), (1, "lowerLetter", "(%2)"))
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def test_a_nested_numbered_list_indents_its_points_and_restarts_their_letters(tmp_path):
    document = _document("Recommendations:")
    list_id = _outline_numbering(document)
    for text, level in [("To the government:", 0), ("Free the detained.", 1), ("Open the camps.", 1),
                        ("To other states:", 0), ("Stop returning refugees.", 1)]:
        paragraph = document.add_paragraph(text)
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_numId().val = int(list_id)
        numbering.get_or_add_ilvl().val = level
    path = tmp_path / "nested.docx"
    document.save(path)
    assert read_source(path)[0].text == (
        "Recommendations:\n\n"
        "1. To the government:\n    (a) Free the detained.\n    (b) Open the camps.\n"
        "2. To other states:\n    (a) Stop returning refugees.\n"
    )


def _error(problems):
    [row] = problems
    assert row["severity"] == "error"
    return row


def test_a_truncated_docx_is_an_error_not_a_crash(bulleted):
    data = bulleted.read_bytes()
    broken = bulleted.with_name("cut.docx")
    broken.write_bytes(data[: len(data) // 2])
    source, problems = read_source(broken)
    row = _error(problems)
    assert source is None and row["source"] == "cut.docx" and "corrupt or truncated .docx" in row["message"]


def test_a_zip_without_a_word_body_is_an_error(tmp_path):
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    row = _error(read_source(path)[1])
    assert "no word/document.xml" in row["message"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(bulleted):
    with zipfile.ZipFile(bulleted, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * 30_000_000)
    assert bulleted.stat().st_size < 1_000_000
    source, problems = read_source(bulleted, max_bytes=1_000_000)
    row = _error(problems)
    assert source is None and "zip bomb" in row["message"]
    assert "unpack to 31 MB, over the 20 MB limit" in row["message"]


def test_a_bad_docx_is_listed_and_the_good_one_parsed(bulleted):
    (bulleted.parent / "empty.docx").write_bytes(b"")
    (bulleted.parent / "garbage.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    corpus = load_corpus(bulleted.parent, cache=False)
    assert set(corpus.documents["source"]) == {"bulleted.docx"}
    problems = corpus.problems.set_index("source")["message"]
    assert problems["empty.docx"].startswith("empty file")
    assert "corrupt or truncated .docx" in problems["garbage.docx"]
