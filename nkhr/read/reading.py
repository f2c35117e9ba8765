"""Reading a corpus directory: every file ends up either as text to parse or as a problem.

Supported formats are plain text (``.txt``), Markdown (``.md``), HTML
(``.html``/``.htm``, text extracted with BeautifulSoup, tags dropped), PDF (the text
layer, page by page: :mod:`nkhr.read.pdf`) and Word ``.docx`` (:mod:`nkhr.read.word`).
A file that cannot be read is never fatal: it becomes a row of the ``problems``
table naming the file and the reason, and the rest of the corpus is parsed.

The extracted text *is* the source text: every offset in the project indexes
``Source.text``. A PDF's ``Source`` also says where each page's text lies
(``pages``) and which spans are running headers and footers (``furniture``).
"""

from __future__ import annotations

import bisect
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusNotFoundError, EmptyCorpusError, SourceError
from .pdf import DEFAULT_MAX_PAGES, read_pdf
from .word import UNPACKED_FACTOR, read_docx

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx")
#: A curator's corrections in the corpus folder (read by :mod:`nkhr.describe.curation`, never as a statement).
CURATION_FILE = "metadata.csv"
#: One statement is a few pages; a file this large is almost certainly not one.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Source:
    """One readable file: its name and the text every offset points into.

    ``pages`` holds ``(page, start, end)`` for each page of a paged format (PDF),
    page numbers from 1, offsets half-open into ``text``; it is empty for formats
    without pages. ``furniture`` holds the ``(start, end)`` spans of running headers
    and footers (page numbers, job numbers, lines repeated on most pages), which are
    part of the text but not of the statement.
    """

    name: str
    text: str
    problems: list[dict] = field(default_factory=list)
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)


def page_of(pages: list[tuple[int, int, int]], offset: int) -> int | None:
    """The page whose text holds ``offset``, or None (no pages, or between pages).

    >>> pages = [(1, 0, 10), (2, 12, 30)]
    >>> [page_of(pages, offset) for offset in (0, 9, 10, 11, 12, 29, 30)]
    [1, 1, None, None, 2, 2, None]
    >>> page_of([], 5) is None
    True
    """
    index = bisect.bisect_right([start for _, start, _ in pages], offset) - 1
    if index < 0:
        return None
    number, start, end = pages[index]
    return number if start <= offset < end else None


def problem(source: str, line: int | None, severity: str, message: str) -> dict:
    """Build one row of the ``problems`` table."""
    return {"source": source, "line": line, "severity": severity, "message": message}


def list_corpus_files(directory: str | Path) -> list[Path]:
    """Return every entry of the corpus directory in name order, or raise if there is none.

    Hidden files are included: nothing in the folder is silently passed over. The
    curator's ``metadata.csv`` is not a statement and is left to the curation step.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusNotFoundError(directory)
    entries = sorted((p for p in directory.iterdir() if p.name != CURATION_FILE), key=lambda p: p.name)
    if not entries:
        raise EmptyCorpusError(directory)
    return entries


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(name: str, data: bytes) -> tuple[str, list[dict]]:
    """Decode UTF-8, falling back to Windows-1252 (then Latin-1) with a warning."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        bad = data[error.start : error.start + 1].hex()
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        message = (
            f"not valid UTF-8 (byte 0x{bad} on line {line}); decoded as {encoding}: "
            "check quotes and accented letters, and save the file as UTF-8"
        )
        return text, [problem(name, line, "warning", message)]
    raise AssertionError("latin-1 decodes every byte string")


def _html_to_text(markup: str) -> str:
    """Extract readable text from HTML: scripts, styles and tags dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    text = soup.get_text("\n")
    lines = [line.strip() for line in text.splitlines()]
    # Block elements give blank lines between paragraphs; collapse long runs.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _read_document(path: Path, suffix: str, max_bytes: int, max_pages: int) -> tuple[Source | None, list[dict]]:
    """Read a PDF or a .docx; a reason it cannot be read becomes one error naming it."""
    name = path.name
    try:
        if suffix == ".pdf":
            extracted = read_pdf(path, max_pages)
            problems = [problem(name, None, "warning", message) for message in extracted.warnings]
            return Source(name, extracted.text, problems, extracted.pages, extracted.furniture), problems
        text = read_docx(path, max_unpacked=UNPACKED_FACTOR * max_bytes)
        return Source(name, text), []
    except SourceError as error:
        return None, [problem(name, None, "error", error.found)]


def read_source(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES
) -> tuple[Source | None, list[dict]]:
    """Read one file. Returns the source (or None when it cannot be parsed) and its problems.

    ``max_bytes`` limits the size of any file; ``max_pages`` the pages of a PDF.
    """
    name = path.name
    if path.is_dir():
        return None, [problem(name, None, "error", "is a directory; expected a statement file (subfolders are not read)")]
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        found = f"'{path.suffix}'" if path.suffix else "no extension"
        # a curator's table under another name would otherwise be dropped without a word
        hint = f" (a curator's corrections are read from {CURATION_FILE} only)" if suffix == ".csv" else ""
        if suffix in (".doc", ".rtf", ".odt"):
            hint = " (save it as .docx or .pdf to have it read)"
        return None, [problem(name, None, "error", f"unsupported format: expected .txt, .md, .html, .pdf or .docx, found {found}{hint}")]
    size = path.stat().st_size
    if size > max_bytes:
        return None, [problem(
            name, None, "error",
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one statement: "
            "split it into one file per statement (or raise max_bytes)",
        )]
    if suffix in (".pdf", ".docx"):
        if size == 0:
            return None, [problem(name, None, "error", "empty file: expected the text of a statement")]
        return _read_document(path, suffix, max_bytes, max_pages)
    data = path.read_bytes()
    if b"\0" in data[:65536]:
        return None, [problem(name, None, "error", "binary file (contains NUL bytes): expected text")]
    if not data.strip():
        return None, [problem(name, None, "error", "empty file: expected the text of a statement")]
    text, problems = _decode(name, data)
    if suffix in (".html", ".htm"):
        text = _html_to_text(text)
        if not text.strip():
            return None, problems + [problem(name, None, "error", "HTML page holds no text once tags are removed")]
    return Source(name, text, problems), problems
