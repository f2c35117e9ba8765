"""Reading a corpus directory: every file ends up either as text to parse or as a problem.

Supported formats are plain text (``.txt``), Markdown (``.md``) and HTML
(``.html``/``.htm``, text extracted with BeautifulSoup, tags dropped). A file that
cannot be read is never fatal: it becomes a row of the ``problems`` table naming
the file and the reason, and the rest of the corpus is parsed.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusNotFoundError, EmptyCorpusError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: A curator's corrections in the corpus folder (read by :mod:`nkhr.describe.curation`, never as a statement).
CURATION_FILE = "metadata.csv"
#: One statement is a few pages; a file this large is almost certainly not one.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Source:
    """One readable file: its name and the text every offset points into."""

    name: str
    text: str
    problems: list[dict] = field(default_factory=list)


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


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Source | None, list[dict]]:
    """Read one file. Returns the source (or None when it cannot be parsed) and its problems."""
    name = path.name
    if path.is_dir():
        return None, [problem(name, None, "error", "is a directory; expected a statement file (subfolders are not read)")]
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        found = f"'{path.suffix}'" if path.suffix else "no extension"
        # a curator's table under another name would otherwise be dropped without a word
        hint = f" (a curator's corrections are read from {CURATION_FILE} only)" if suffix == ".csv" else ""
        return None, [problem(name, None, "error", f"unsupported format: expected .txt, .md or .html, found {found}{hint}")]
    size = path.stat().st_size
    if size > max_bytes:
        return None, [problem(
            name, None, "error",
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one statement: "
            "split it into one file per statement (or raise max_bytes)",
        )]
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
