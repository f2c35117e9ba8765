"""Reading a Word (.docx) file with python-docx into text the line readers understand.

The body is read in document order. Each paragraph is a line, with a blank line
between paragraphs, so the text reads like a plain-text statement. Items of a
numbered or bulleted list keep a marker (``1.``, ``(a)``, ``i.``, ``•``) and follow
each other without blank lines, so the list reader sees a list. A table is read row
by row as a pipe-table line (``| Name | Country |``), with a rule under the first
row, as in Markdown; the signatory reader takes names from such tables.

A .docx is a zip archive: before anything is unpacked, the sizes its members
declare are added up, so a zip bomb is refused rather than filling the memory.
Headers, footers, footnotes and comments are not read: the statement is the body.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import SourceError

#: A .docx unpacks to at most this many times the size limit of one statement file.
UNPACKED_FACTOR = 20

_BULLET = "•"


def _corrupt(name: str, detail: str) -> SourceError:
    return SourceError(name, None, "a Word .docx document",
                       f"a corrupt or truncated .docx ({detail}): open it in Word and save it again")


def check_archive(path: Path, max_unpacked: int) -> None:
    """Refuse a .docx that is not a zip archive, lacks a document body, or unpacks to over ``max_unpacked`` bytes.

    The sizes are those the archive declares; a member that lies about its size
    fails its checksum when it is read, which is reported as a corrupt file.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _corrupt(path.name, f"not a readable zip archive: {error}") from error
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked:
        raise SourceError(
            path.name, None, f"a .docx that unpacks to at most {max_unpacked / 1e6:.0f} MB",
            f"a zip bomb? its parts unpack to {unpacked / 1e6:.0f} MB, over the {max_unpacked / 1e6:.0f} MB limit "
            f"({UNPACKED_FACTOR} times max_bytes); refused without unpacking",
        )
    if "word/document.xml" not in {member.filename for member in members}:
        raise _corrupt(path.name, "no word/document.xml inside")


def _letters(number: int, upper: bool = False) -> str:
    """Spreadsheet-style letters for a list counter.

    >>> [_letters(n) for n in (1, 2, 26, 27)]
    ['a', 'b', 'z', 'aa']
    """
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out.upper() if upper else out


def _roman(number: int) -> str:
    """Lower-case Roman numerals.

    >>> [_roman(n) for n in (1, 4, 9, 14, 40)]
    ['i', 'iv', 'ix', 'xiv', 'xl']
    """
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, numeral in values:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def list_marker(number_format: str, count: int) -> str:
    """The marker a list item gets, in shapes the list readers recognise.

    >>> [list_marker(f, 3) for f in ("bullet", "decimal", "lowerLetter", "upperLetter", "lowerRoman", "none")]
    ['•', '3.', '(c)', '(C)', 'iii.', '']
    """
    if number_format == "bullet":
        return _BULLET
    if number_format == "none":
        return ""
    if number_format in ("lowerLetter", "upperLetter"):
        return f"({_letters(count, number_format == 'upperLetter')})"
    if number_format in ("lowerRoman", "upperRoman"):
        numeral = _roman(count)
        return (numeral.upper() if number_format == "upperRoman" else numeral) + "."
    return f"{count}."


class _Numbering:
    """The list formats of a document: for a list and a level, its number format and start."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for definition in root.findall(qn("w:abstractNum")):
            levels = {}
            for level in definition.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                start = level.find(qn("w:start"))
                levels[int(level.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstract[definition.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            link = num.find(qn("w:abstractNumId"))
            if link is None:
                continue
            for level, shape in abstract.get(link.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = shape


def _numbering_of(paragraph) -> tuple[str, int] | None:
    """The list (numId) and level of a paragraph, set on it or on its style (or a style it is based on)."""
    from docx.oxml.ns import qn

    elements = [paragraph._p]
    style = paragraph.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    num_id = level = None
    for element in elements:
        properties = element.find(qn("w:pPr"))
        numbering = properties.find(qn("w:numPr")) if properties is not None else None
        if numbering is None:
            continue
        if num_id is None and numbering.find(qn("w:numId")) is not None:
            num_id = numbering.find(qn("w:numId")).get(qn("w:val"))
        if level is None and numbering.find(qn("w:ilvl")) is not None:
            level = int(numbering.find(qn("w:ilvl")).get(qn("w:val"), "0"))
    if num_id is None or num_id == "0":  # numId 0 switches numbering off
        return None
    return num_id, level or 0


def _cell_text(cell) -> str:
    return " ".join(cell.text.split()).replace("|", "/")


def _table_lines(table) -> list[str]:
    """One pipe-table line per row; a merged cell counts once; a rule follows the first row."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if not any(cells):
            continue
        lines.append("| " + " | ".join(cells) + " |")
        if len(lines) == 1:
            lines.append("|" + "|".join("---" for _ in cells) + "|")
    return lines


def _blocks(document):
    """Paragraphs and tables of the body in document order, content controls opened."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, document)
            elif child.tag == qn("w:tbl"):
                yield Table(child, document)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def docx_to_text(document) -> str:
    """The text of a python-docx document: paragraphs, list items with markers, tables as pipe rows."""
    from docx.table import Table

    numbering = _Numbering(document)
    counters: dict[str, list[int]] = {}
    out: list[str] = []
    previous = None  # "paragraph", "list" or "table": what the last line was, to choose the gap

    def add(lines: list[str], kind: str) -> None:
        nonlocal previous
        if out:
            out.append("\n" if kind == previous and kind != "paragraph" else "\n\n")
        out.append("\n".join(lines))
        previous = kind

    for block in _blocks(document):
        if isinstance(block, Table):
            lines = _table_lines(block)
            if lines:
                add(lines, "table")
            continue
        text = "\n".join(line.rstrip() for line in block.text.replace("\r", "\n").split("\n")).strip()
        if not text:
            continue
        numbered = _numbering_of(block)
        if numbered is None:
            add([text], "paragraph")
            continue
        num_id, level = numbered
        number_format, start = numbering.formats.get((num_id, level), ("decimal", 1))
        levels = counters.setdefault(num_id, [])
        levels[:] = levels[: level + 1] + [0] * max(0, level + 1 - len(levels))
        levels[level] += 1
        marker = list_marker(number_format, start - 1 + levels[level])
        add(["    " * level + (f"{marker} " if marker else "") + text], "list")
    return "".join(out) + "\n" if out else ""


def read_docx(path: Path, max_unpacked: int) -> str:
    """Read the body of a .docx as text. Raises :class:`SourceError` for a corrupt file or a zip bomb."""
    path = Path(path)
    check_archive(path, max_unpacked)
    import docx

    try:
        document = docx.Document(str(path))
        text = docx_to_text(document)
    except SourceError:
        raise
    except Exception as error:  # python-docx, lxml and zipfile each raise their own errors on damaged parts
        raise _corrupt(path.name, f"{type(error).__name__}: {error}") from error
    if not text.strip():
        raise SourceError(path.name, None, "a Word document with text", "a .docx with no text in its body")
    return text
