"""Reading the text layer of a PDF, page by page, and finding its running headers and footers.

Text comes from PDFium (through ``pypdfium2``), which keeps the order in which the
document draws its text: a two-column page reads down the left column, then the
right, where a reader sorting words by position would interleave the columns
(``python -m benchmarks.pdf`` compares the readers). The extracted text *is* the
source text: pages are joined by a line holding a form feed, and nothing is
rejoined, so a word hyphenated across a line end stays ``detain-`` / ``ees``.

Running headers and footers ("furniture") are found by :func:`find_furniture`:
page numbers, UN job numbers and lines repeated at the top or foot of most pages.
They stay in the text (every offset must index it as is) and are reported as spans
for the parser to skip.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError

#: A statement is a few pages; a file over this is a book or a report, not one statement.
DEFAULT_MAX_PAGES = 2000
#: Pages are joined by a line holding only a form feed: blank to every line reader.
PAGE_BREAK = "\f\n"
#: How many lines at the top and at the foot of a page may be running headers or footers.
EDGE_LINES = 3

NO_TEXT_LAYER = "no text layer: a scanned image? run OCR first, for example ocrmypdf"

_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:page|p\.|pg\.?)?\s*(?:\d{1,3}|[ivx]{1,5})(?:\s*(?:of|/)\s*\d{1,3})?[-–—\s]*",
    re.IGNORECASE,
)
# UN job numbers at the foot of each page ('GE.17-05284(E)', '18-22577 (E) 230119') and their barcodes ('*1705284*').
_JOB_NUMBER = re.compile(r"(?:GE\.)?\d{2}-\d{5}\s*\*?\s*\([A-Z]\)(?:\s+\d{6})*\s*\*?|\*\d{7}\*", re.IGNORECASE)
#: A running title is short: a heading or a document symbol, never a paragraph.
_RUNNING_TITLE_CHARS = 90


@dataclass
class PdfText:
    """The text of a PDF with the spans of its pages and of its running headers and footers."""

    text: str
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)
    #: Problems that leave the text readable (a page without a text layer), one message each.
    warnings: list[str] = field(default_factory=list)


def clean_page_text(raw: str) -> str:
    """Normalise PDFium's page text: ``\\n`` line ends, no trailing spaces, line-end hyphens kept.

    PDFium marks a word hyphenated across a line end with U+FFFE and drops the line
    break; both are put back, so the word stays split as the page prints it.

    >>> clean_page_text("We urge the release of all detain\\ufffeees held.\\r\\nPage 1  \\r\\n")
    'We urge the release of all detain-\\nees held.\\nPage 1\\n'
    >>> clean_page_text("  \\r\\n")
    ''
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")
    text = text.replace("\f", "\n").replace("\0", "")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines) + "\n" if lines else ""


def join_pages(page_texts: list[str]) -> tuple[str, list[tuple[int, int, int]]]:
    """Join page texts with a form-feed line; return the text and ``(page, start, end)`` of each page.

    >>> text, pages = join_pages(["One\\n", "", "Three\\n"])
    >>> text, pages
    ('One\\n\\x0c\\n\\x0c\\nThree\\n', [(1, 0, 4), (2, 6, 6), (3, 8, 14)])
    >>> [text[a:b] for _, a, b in pages]
    ['One\\n', '', 'Three\\n']
    """
    parts, pages, offset = [], [], 0
    for number, page_text in enumerate(page_texts, start=1):
        if number > 1:
            parts.append(PAGE_BREAK)
            offset += len(PAGE_BREAK)
        pages.append((number, offset, offset + len(page_text)))
        parts.append(page_text)
        offset += len(page_text)
    return "".join(parts), pages


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines between ``start`` and ``end``, without their line ends."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            a = start + match.start() + len(match.group()) - len(match.group().lstrip())
            spans.append((a, start + match.end()))
    return spans


def _shape(line: str, page: int) -> str:
    """A line with its own page number masked, so 'Report, page 2' and 'Report, page 3' repeat.

    Other numbers stay: 'Group 17' and 'Group 29' are two lines, not one repeated.

    >>> _shape("Report  of the Rapporteur, 3", 3), _shape("Group 13", 3)
    ('report of the rapporteur, #', 'group 13')
    """
    return re.sub(rf"(?<!\d){page}(?!\d)", "#", " ".join(line.lower().split()))


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number.

    >>> [is_page_number(s) for s in ["3", "Page 3 of 5", "- 4 -", "2/7", "iv", "32 states", "Page"]]
    [True, True, True, True, True, False, False]
    """
    return bool(_PAGE_NUMBER.fullmatch(line.strip())) and any(c.isalnum() for c in line) and line.strip().lower() != "page"


def is_job_number(line: str) -> bool:
    """True for a UN document's job number or its barcode.

    >>> [is_job_number(s) for s in ["GE.17-05284(E)", "18-22577 (E) 230119", "*1705284*", "17-05-2019"]]
    [True, True, True, False]
    """
    return bool(_JOB_NUMBER.fullmatch(line.strip()))


def find_furniture(text: str, pages: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Spans of running headers and footers among the first and last lines of each page.

    A line is furniture when it is a page number, a UN job number, or a short line
    (its page number masked) found at the top or foot of at least two pages and of at least
    half of them. Lines in the middle of a page are never furniture.

    >>> page = "Joint Letter\\n{}\\nPage {} of 2\\n"
    >>> text, pages = join_pages([page.format("We urge China to act.", 1), page.format("Signed:", 2)])
    >>> [text[a:b] for a, b in find_furniture(text, pages)]
    ['Joint Letter', 'Page 1 of 2', 'Joint Letter', 'Page 2 of 2']
    """
    edges: list[list[tuple[int, int]]] = []
    for number, start, end in pages:
        lines = _line_spans(text, start, end)
        if len(lines) <= 2 * EDGE_LINES:
            edges.append(lines)
        else:
            edges.append(lines[:EDGE_LINES] + lines[-EDGE_LINES:])
    seen_on = Counter()
    for (number, _, _), lines in zip(pages, edges):
        seen_on.update({_shape(text[a:b], number) for a, b in lines if b - a <= _RUNNING_TITLE_CHARS})
    needed = max(2, (len(pages) + 1) // 2)
    furniture = []
    for (number, _, _), lines in zip(pages, edges):
        for a, b in lines:
            line = text[a:b]
            repeated = b - a <= _RUNNING_TITLE_CHARS and seen_on[_shape(line, number)] >= needed
            if repeated or is_page_number(line) or is_job_number(line):
                furniture.append((a, b))
    return furniture


def _open(path: Path):
    """Open a PDF with PDFium, turning its load errors into a :class:`SourceError` naming the reason."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            found = "an encrypted PDF that needs a password: save an unprotected copy (or decrypt it, for example with qpdf --decrypt)"
        elif code == pdfium_c.FPDF_ERR_FILE:
            found = "a file that cannot be opened"
        else:
            found = "a corrupt or truncated PDF: download it again or re-save it from a PDF viewer"
        raise SourceError(path.name, None, "a readable PDF", found) from error
    except OSError as error:
        raise SourceError(path.name, None, "a readable PDF", f"a file that cannot be opened ({error.strerror})") from error


def read_pdf(path: Path, max_pages: int = DEFAULT_MAX_PAGES) -> PdfText:
    """Read the text layer of a PDF. Raises :class:`SourceError` when there is nothing to read.

    Reasons: encrypted, corrupt or truncated, over ``max_pages`` pages, or no text
    layer at all (a scan). A scanned page among pages of text is a warning.
    """
    document = _open(Path(path))
    try:
        count = len(document)
        if count > max_pages:
            raise SourceError(path.name, None, f"at most {max_pages} pages for one statement",
                              f"{count} pages: split the file or raise max_pages")
        if count == 0:
            raise SourceError(path.name, None, "a PDF with pages", "a PDF with no pages: a corrupt or truncated file?")
        page_texts = []
        for index in range(count):
            try:
                page = document[index]
                textpage = page.get_textpage()
                page_texts.append(clean_page_text(textpage.get_text_range()))
                textpage.close()
                page.close()
            except Exception as error:  # PDFium raises plain errors on damaged page objects
                raise SourceError(path.name, None, "a readable PDF",
                                  f"a corrupt PDF: page {index + 1} cannot be read ({error})") from error
    finally:
        document.close()
    if not any(page.strip() for page in page_texts):
        raise SourceError(path.name, None, "a PDF with a text layer", NO_TEXT_LAYER)
    text, pages = join_pages(page_texts)
    empty = [str(number) for number, (_, a, b) in enumerate(pages, start=1) if not text[a:b].strip()]
    warnings = []
    if empty:
        which = "page " + empty[0] if len(empty) == 1 else "pages " + ", ".join(empty)
        warnings.append(f"{which} of {count} without a text layer (scanned images?): their words are missing; "
                        "run OCR first, for example ocrmypdf")
    return PdfText(text, pages, find_furniture(text, pages), warnings)
