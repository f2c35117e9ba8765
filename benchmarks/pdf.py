"""PDF text readers side by side: pypdfium2, pypdf and pdfplumber on speed and reading order.

Every test document is written here with fpdf2 from lines of our own, so the right
reading order is known:

- ``two_column``: a title over two columns, the text drawn down the left column
  and then down the right, as word processors and LaTeX write a page;
- ``two_column_by_rows``: the same page drawn row by row (left line, right line),
  as some converters write it; only a reader that finds columns gets it right;
- ``furniture_drawn_first``: a running header, three paragraphs and a page number
  at the foot, the header and the page number drawn before the body;
- ``furniture_drawn_last``: the same page with the header and the page number drawn
  after the body (the order in which some producers add them).

Reading order is the share of expected lines in the longest run of them that
comes out in the right order (a missing line counts as out of order). Lines intact is
the share of expected lines that come out as one line of their own (a reader
that sorts words by position merges the two columns' lines into one). Speed is
pages per second over a generated 120-page letter, the fastest of three runs of
each reader, alternating. ``nkhr`` is :func:`nkhr.read.pdf.read_pdf`: pypdfium2
plus cleaning and running header detection.

``python -m benchmarks.pdf`` prints the table and writes ``benchmarks/pdf.json``.
Needs the ``test`` and ``bench`` extras (fpdf2, pypdf, pdfplumber).
"""

from __future__ import annotations

import bisect
import json
import platform
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).with_name("pdf.json")
SPEED_PAGES = 120
RUNS = 3

TITLE = "Bulletin of the Camp Monitoring Network"
LEFT = [f"Left line {n}: the inquiry heard witnesses" for n in range(1, 13)]
RIGHT = [f"Right line {n}: states should act now" for n in range(1, 13)]
HEADER = "Monitoring Network Bulletin"
PARAGRAPHS = [
    "First paragraph: the network records reports of detention.",
    "Second paragraph: families ask for news of the disappeared.",
    "Third paragraph: the network urges access for monitors.",
]
FOOTER = "Page 1 of 1"


def _pdf():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)  # lines are placed by hand, the footer too
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    return pdf


def _text(pdf, x, y, line):
    pdf.set_xy(x, y)
    pdf.cell(85, 6, line)


def _two_column(path: Path, by_rows: bool) -> list[str]:
    pdf = _pdf()
    _text(pdf, 10, 15, TITLE)
    if by_rows:
        for row, (left, right) in enumerate(zip(LEFT, RIGHT)):
            _text(pdf, 10, 30 + 7 * row, left)
            _text(pdf, 110, 30 + 7 * row, right)
    else:
        for x, column in ((10, LEFT), (110, RIGHT)):
            for row, line in enumerate(column):
                _text(pdf, x, 30 + 7 * row, line)
    pdf.output(str(path))
    return [TITLE, *LEFT, *RIGHT]


def _running_header(path: Path, drawn_last: bool) -> list[str]:
    pdf = _pdf()

    def furniture():
        _text(pdf, 10, 10, HEADER)
        _text(pdf, 95, 280, FOOTER)

    if not drawn_last:
        furniture()
    for row, line in enumerate(PARAGRAPHS):
        _text(pdf, 10, 30 + 10 * row, line)
    if drawn_last:
        furniture()
    pdf.output(str(path))
    return [HEADER, *PARAGRAPHS, FOOTER]


def _long_letter(path: Path) -> None:
    from fpdf import FPDF

    class Letter(FPDF):
        def header(self):
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, HEADER, align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Letter()
    pdf.set_font("Helvetica", size=11)
    for page in range(SPEED_PAGES):
        pdf.add_page()
        for n in range(30):
            pdf.multi_cell(0, 7, f"{page + 1}.{n + 1}: {PARAGRAPHS[n % 3]}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def read_pypdfium2(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def read_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def read_pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as document:
        return [page.extract_text() for page in document.pages]


def read_nkhr(path: Path) -> list[str]:
    from nkhr.read.pdf import read_pdf

    extracted = read_pdf(path)
    return [extracted.text[a:b] for _, a, b in extracted.pages]


READERS = {
    "pypdfium2": (read_pypdfium2, "pypdfium2"),
    "pypdf": (read_pypdf, "pypdf"),
    "pdfplumber": (read_pdfplumber, "pdfplumber"),
    "nkhr": (read_nkhr, "pypdfium2"),
}


def order_score(text: str, expected: list[str]) -> float:
    """Share of expected lines in reading order: the longest run of them that comes out in order.

    >>> order_score("a\\nb\\nc\\nd", list("abcd")), order_score("a\\nc\\nb\\nd", list("abcd"))
    (1.0, 0.75)
    >>> order_score("a1 b1\\na2 b2", ["a1", "a2", "b1", "b2"])
    0.75
    """
    positions = [text.find(line) for line in expected if line in text]
    longest: list[int] = []  # patience sorting: the longest increasing run of positions
    for position in positions:
        at = bisect.bisect_left(longest, position)
        longest[at:at + 1] = [position]
    return round(len(longest) / len(expected), 3)


def intact_score(text: str, expected: list[str]) -> float:
    """Share of expected lines that come out as a line of their own.

    >>> intact_score("a\\nb c", ["a", "b", "c"])
    0.333
    """
    lines = {line.strip() for line in text.replace("\r", "\n").split("\n")}
    return round(sum(line in lines for line in expected) / len(expected), 3)


def measure(folder: Path) -> dict:
    documents = {
        "two_column": lambda p: _two_column(p, by_rows=False),
        "two_column_by_rows": lambda p: _two_column(p, by_rows=True),
        "furniture_drawn_first": lambda p: _running_header(p, drawn_last=False),
        "furniture_drawn_last": lambda p: _running_header(p, drawn_last=True),
    }
    expected = {}
    for name, write in documents.items():
        expected[name] = write(folder / f"{name}.pdf")
    letter = folder / "letter.pdf"
    _long_letter(letter)
    timings = {name: [] for name in READERS}
    for _ in range(RUNS):
        for name, (read, _) in READERS.items():
            started = time.perf_counter()
            pages = read(letter)
            timings[name].append(time.perf_counter() - started)
            assert len(pages) == SPEED_PAGES
    rows = []
    for name, (read, package) in READERS.items():
        texts = {doc: "\n".join(read(folder / f"{doc}.pdf")) for doc in documents}
        rows.append({
            "reader": name,
            "package_version": version(package),
            "pages_per_second": round(SPEED_PAGES / min(timings[name]), 1),
            "reading_order": {doc: order_score(texts[doc], expected[doc]) for doc in documents},
            "lines_intact": {doc: intact_score(texts[doc], expected[doc]) for doc in documents},
        })
    return {
        "method": __doc__.split("\n\n", 1)[1].strip(),
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "speed_document_pages": SPEED_PAGES,
        "rows": rows,
    }


def table(results: dict) -> str:
    documents = list(results["rows"][0]["reading_order"])
    header = ["reader", "pages/s"] + [f"order:{d}" for d in documents] + [f"intact:{d}" for d in documents]
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for row in results["rows"]:
        cells = [row["reader"], f"{row['pages_per_second']:.0f}"]
        cells += [f"{row['reading_order'][d]:.2f}" for d in documents]
        cells += [f"{row['lines_intact'][d]:.2f}" for d in documents]
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def main(out: Path = OUT) -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = measure(Path(folder))
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
