"""PDF statements: text in reading order, pages and running headers located, every fault named.

Each PDF is written here from short texts of our own with fpdf2, so nothing
third-party is read.
"""

import pytest

fpdf = pytest.importorskip("fpdf")

from nkhr import load_corpus  # noqa: E402
from nkhr.read.pdf import PAGE_BREAK  # noqa: E402
from nkhr.read.reading import page_of, read_source  # noqa: E402

RUNNING_HEADER = "Open Letter on Forced Repatriation"
BODY = [
    "Dear Minister,",
    "We write to ask your government to stop returning refugees who fled North Korea.",
    "Those returned face detention, torture and forced labour in political prison camps.",
    "We urge you to grant every escapee safe passage and access to the refugee agency.",
]
CLOSING = "We thank you for your attention and await your reply."
SIGNATORIES = [f"Refugee Support Group {n}" for n in range(1, 31)]


class _Letter(fpdf.FPDF):
    """A page layout with a running header and a 'Page N of M' footer."""

    def header(self):
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, RUNNING_HEADER, align="C")
        self.ln(14)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def _line(pdf, text, height=7):
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


@pytest.fixture
def letter(tmp_path):
    """A two-page letter: the body on page 1, the closing on page 2."""
    pdf = _Letter()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for paragraph in BODY:
        _line(pdf, paragraph)
    pdf.add_page()
    _line(pdf, CLOSING)
    path = tmp_path / "letter.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def signatory_list(tmp_path):
    """An appeal whose list of thirty organisations runs over a page break, with page numbers at the foot."""

    class Numbered(fpdf.FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Numbered()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _line(pdf, "Joint Appeal on Abductions")
    _line(pdf, "March 3, 2021")
    _line(pdf, "We call on North Korea to return every abductee to their family without delay.")
    _line(pdf, "Signed by the following organisations:")
    pdf.set_y(150)
    for name in SIGNATORIES:
        _line(pdf, name)
    path = tmp_path / "appeal.pdf"
    pdf.output(str(path))
    return path


def _furniture(source):
    return [source.text[a:b] for a, b in source.furniture]


def test_a_two_page_letter_keeps_its_pages_and_names_its_running_header_and_page_numbers(letter):
    source, problems = read_source(letter)
    assert problems == []
    assert [number for number, _, _ in source.pages] == [1, 2]
    first, second = (source.text[a:b] for _, a, b in source.pages)
    assert all(paragraph in first for paragraph in BODY) and CLOSING in second
    # a form-feed line parts the pages, so no offset points into two pages at once
    assert source.text[source.pages[0][2]:source.pages[1][1]] == PAGE_BREAK
    assert _furniture(source) == [RUNNING_HEADER, "Page 1 of 2", RUNNING_HEADER, "Page 2 of 2"]
    assert page_of(source.pages, source.text.index(BODY[1])) == 1
    assert page_of(source.pages, source.text.index(CLOSING)) == 2
    # the letter's own sentences are never furniture
    for a, b in source.furniture:
        assert not any(sentence in source.text[a:b] for sentence in BODY + [CLOSING])


def test_a_signatory_list_over_a_page_break_reads_every_name_in_order(signatory_list):
    source, _ = read_source(signatory_list)
    positions = [source.text.index(name + "\n") for name in SIGNATORIES]
    assert positions == sorted(positions)
    assert [page_of(source.pages, positions[0]), page_of(source.pages, positions[-1])] == [1, 2]
    assert _furniture(source) == ["1", "2"]
    # the page number at the foot of page 1 sits between two names of the list
    footer_start = source.furniture[0][0]
    assert positions[0] < footer_start < positions[-1]


def test_a_pdf_statement_is_parsed_with_its_date_and_exact_offsets(signatory_list):
    corpus = load_corpus(signatory_list.parent, cache=False)
    document = corpus.documents.iloc[0]
    assert document["source"] == "appeal.pdf"
    assert document["title"] == "Joint Appeal on Abductions"
    assert document["date"] == "2021-03-03"
    text = corpus.texts["appeal.pdf"]
    for row in corpus.passages.itertuples():
        assert text[row.start:row.end] == row.text
    assert set(SIGNATORIES) <= set(corpus.signatories["name"])


def test_a_un_document_s_symbol_job_number_and_page_numbers_are_furniture(tmp_path):
    class Resolution(fpdf.FPDF):
        def header(self):
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, "A/HRC/40/L.21", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(8)

        def footer(self):
            self.set_y(-18)
            self.set_font("Helvetica", size=9)
            self.cell(0, 5, "GE.19-04521(E)", new_x="LMARGIN", new_y="NEXT")
            if self.page_no() > 1:
                self.cell(0, 5, str(self.page_no()), align="C")

    clauses = ["Recalling its earlier resolutions on the situation of human rights,",
               "Condemns the long-standing and ongoing systematic violations,",
               "Decides to extend the mandate of the Special Rapporteur for one year."]
    pdf = Resolution()
    pdf.set_font("Helvetica", size=11)
    for clause in clauses:
        pdf.add_page()
        _line(pdf, clause)
    path = tmp_path / "resolution.pdf"
    pdf.output(str(path))
    source, _ = read_source(path)
    assert sorted(set(_furniture(source))) == ["2", "3", "A/HRC/40/L.21", "GE.19-04521(E)"]
    assert len(source.furniture) == 3 + 3 + 2
    for clause, (number, a, b) in zip(clauses, source.pages):
        assert clause in source.text[a:b] and page_of(source.pages, source.text.index(clause)) == number


def test_a_two_column_page_reads_down_the_left_column_then_the_right(tmp_path):
    left = ["Left one: the commission", "Left two: found crimes", "Left three: against humanity"]
    right = ["Right one: states must", "Right two: refer the case", "Right three: to the court"]
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for x, column in ((10, left), (110, right)):
        pdf.set_xy(x, 40)
        for line in column:
            pdf.set_x(x)
            pdf.cell(90, 7, line, new_x="LEFT", new_y="NEXT")
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    source, problems = read_source(path)
    assert problems == []
    assert source.text.splitlines() == left + right


def test_a_word_hyphenated_at_a_line_end_stays_as_printed(tmp_path):
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 7, "We urge the release of all detain-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "ees held in the camps.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "hyphen.pdf"
    pdf.output(str(path))
    source, _ = read_source(path)
    assert source.text == "We urge the release of all detain-\nees held in the camps.\n"


def _image_page(pdf, tmp_path):
    from PIL import Image, ImageDraw

    picture = tmp_path / "scan.png"
    image = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "A scanned letter", fill=0)
    image.save(picture)
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=180)


def _error(problems):
    assert len(problems) == 1
    row = problems[0]
    assert row["severity"] == "error"
    return row


def test_an_image_only_pdf_is_an_error_that_says_to_run_ocr(tmp_path):
    pdf = fpdf.FPDF()
    _image_page(pdf, tmp_path)
    path = tmp_path / "scanned.pdf"
    pdf.output(str(path))
    source, problems = read_source(path)
    row = _error(problems)
    assert source is None and row["source"] == "scanned.pdf"
    assert row["message"] == "no text layer: a scanned image? run OCR first, for example ocrmypdf"


def test_a_scanned_page_among_text_pages_is_a_warning_naming_the_page(tmp_path):
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _line(pdf, "We urge China to stop forced repatriation.")
    _image_page(pdf, tmp_path)
    path = tmp_path / "mixed.pdf"
    pdf.output(str(path))
    source, problems = read_source(path)
    assert "We urge China" in source.text and [n for n, _, _ in source.pages] == [1, 2]
    [row] = problems
    assert row["severity"] == "warning" and row["message"].startswith("page 2 of 2 without a text layer")


def test_an_encrypted_pdf_is_an_error_asking_for_an_unprotected_copy(tmp_path):
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    _line(pdf, "A confidential appeal.")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    source, problems = read_source(path)
    row = _error(problems)
    assert source is None and row["source"] == "locked.pdf"
    assert "encrypted PDF that needs a password" in row["message"]


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.set_encryption(owner_password="owner")
    _line(pdf, "An appeal anyone may open but not edit.")
    path = tmp_path / "permissions.pdf"
    pdf.output(str(path))
    source, problems = read_source(path)
    assert problems == [] and source.text == "An appeal anyone may open but not edit.\n"


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_a_truncated_pdf_is_an_error_not_a_crash(letter, cut):
    data = letter.read_bytes()
    truncated = letter.with_name("truncated.pdf")
    truncated.write_bytes(data[: int(len(data) * cut)])
    source, problems = read_source(truncated)
    row = _error(problems)
    assert source is None and "corrupt or truncated PDF" in row["message"]


def test_a_pdf_over_the_page_limit_is_refused_with_its_page_count(letter):
    source, problems = read_source(letter, max_pages=1)
    row = _error(problems)
    assert source is None and row["message"].startswith("2 pages") and "max_pages" in row["message"]


def test_a_bad_pdf_is_one_problem_row_and_the_rest_of_the_corpus_is_parsed(letter):
    (letter.parent / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (letter.parent / "note.txt").write_text("Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to act.\n")
    corpus = load_corpus(letter.parent, cache=False)
    assert set(corpus.documents["source"]) == {"letter.pdf", "note.txt"}
    problems = corpus.problems.set_index("source")
    assert problems.loc["broken.pdf", "severity"] == "error"
    assert "corrupt or truncated PDF" in problems.loc["broken.pdf", "message"]


def test_every_quote_from_a_pdf_knows_its_page_and_the_report_says_it(signatory_list):
    from nkhr.report import provenance as pv

    corpus = load_corpus(signatory_list.parent, cache=False)
    pages = corpus.pages
    assert pages["page"].tolist() == [1, 2] and (pages["source"] == "appeal.pdf").all()
    signed = corpus.signatories.set_index("name")
    first, last = signed.loc[SIGNATORIES[0], "page"], signed.loc[SIGNATORIES[-1], "page"]
    assert (first, last) == (1, 2)
    assert corpus.document_facts.loc[corpus.document_facts["field"] == "title", "page"].tolist() == [1]
    row = corpus.signatories[corpus.signatories["name"] == SIGNATORIES[-1]].iloc[0]
    assert "page 2" in pv.figure_from_row("quote", row, corpus.documents).html()
    numbers = corpus.passages[corpus.passages["text"].isin(["1", "2"])]
    assert (numbers["kind"] == "boilerplate").all(), "page numbers are furniture, not list entries"


def test_the_fingerprint_follows_a_pdfs_bytes(signatory_list, tmp_path):
    from nkhr.corpus import corpus_fingerprint

    before = corpus_fingerprint(signatory_list.parent)
    assert corpus_fingerprint(signatory_list.parent) == before  # unchanged bytes: the report is up to date
    signatory_list.write_bytes(signatory_list.read_bytes() + b"\n% re-saved\n")  # any change of its bytes
    assert corpus_fingerprint(signatory_list.parent) != before


@pytest.mark.browser
def test_a_report_from_a_corpus_with_a_pdf_says_which_page_a_quote_is_on(signatory_list, tmp_path):
    """The report built from a PDF opens a signatory's quote box with its page (Chromium)."""
    import os
    from pathlib import Path

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium not found: install Debian's chromium package")
        pytest.skip("/usr/bin/chromium not found")
    from playwright.sync_api import sync_playwright

    from nkhr.report import build_report

    out = tmp_path / "report"
    build_report(corpus=signatory_list.parent, out=out, log=lambda line: None)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=args)
        page = browser.new_page()
        page.goto((out / "03-map-signatories.html").as_uri())
        row = page.locator("table.nkhr-searchable tr", has_text=SIGNATORIES[-1]).filter(has=page.locator("details")).last
        box = row.locator("details.nkhr-source").first
        box.locator("summary").click()
        assert "page 2" in box.locator("cite").inner_text()
        browser.close()
