"""A curator's corrections: ``metadata.csv`` in the corpus folder sets or corrects document fields.

The file is a CSV table with a header row. ``source`` names a statement's file and
``doc_id`` one document of it (needed only where a file holds several); the other
columns are the fields of :data:`~nkhr.describe.facts.FIELDS`. A cell that is empty
keeps the parsed value, ``-`` clears it, anything else replaces it. A value equal to
the parsed one confirms it and changes nothing, so a template filled with the parsed
values (:func:`write_template`) loads into exactly the parsed corpus.

A curated value becomes ``document_facts`` rows with rule ``curator``, no quote and no
offsets; ``documents`` shows it and lists the field in ``curated``. Whatever the file
holds ends as curated values or as rows of ``problems``: an error when something the
curator wrote is not applied, a warning when it is applied but deserves a look (a
value that contradicts what the text states).

>>> curation = parse_curation(b"source,date\\na.txt,2020-10-15\\nb.txt,15 Oct 2020\\n")
>>> [(row.line, row.source, row.values) for row in curation.rows]
[(2, 'a.txt', {'date': '2020-10-15'}), (3, 'b.txt', {})]
>>> curation.problems[0]["message"]
"date '15 Oct 2020' of b.txt: expected YYYY, YYYY-MM or YYYY-MM-DD and a real date; the date is not applied"
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .. import schema
from ..read.reading import CURATION_FILE, problem
from .facts import FIELDS, LIST_FIELDS, MISSING, Fact, fact_rows

#: The columns that say which document a row curates.
KEY_COLUMNS = ("source", "doc_id")
#: Every column of a template, in the order a curator reads them.
TEMPLATE_COLUMNS = ("source", "doc_id", "title", "date", "kind", "issuers", "addressee", "organisation", "language")
#: A cell holding only this clears the parsed value (an empty cell keeps it).
CLEAR = "-"
#: The kinds the parser assigns; a curator may use another, with a warning.
KNOWN_KINDS = ("joint statement", "statement", "open letter", "declaration", "resolution")
#: The rule named on every curated fact.
CURATOR_RULE = "curator"

_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class CuratedRow:
    """One row of metadata.csv: the document it names and the values it sets ('' clears a field)."""

    line: int
    source: str
    doc_id: str
    values: dict[str, str]


@dataclass(frozen=True)
class Curation:
    """What a metadata.csv holds: the rows that can be applied, and what is wrong with it."""

    rows: tuple[CuratedRow, ...] = ()
    problems: tuple[dict, ...] = ()


def read_curation(directory: str | Path) -> Curation:
    """Read ``directory/metadata.csv``; a folder without one has nothing to curate."""
    path = Path(directory) / CURATION_FILE
    if not path.exists():
        return Curation()
    if not path.is_file():
        return Curation(problems=(_error(None, "expected a CSV file, found a folder; none of it is applied"),))
    try:
        data = path.read_bytes()
    except OSError as error:
        return Curation(problems=(_error(None, f"expected a readable CSV file, found {error.strerror or error}; "
                                               "none of it is applied"),))
    return parse_curation(data)


def _error(line: int | None, message: str) -> dict:
    return problem(CURATION_FILE, line, "error", message)


def _warning(line: int | None, message: str) -> dict:
    return problem(CURATION_FILE, line, "warning", message)


def _fold(value: str) -> str:
    """Whitespace folded to single spaces.

    >>> _fold("  Joint\\n Statement ")
    'Joint Statement'
    """
    return " ".join(value.split())


def _column_name(heading: str) -> str:
    """A header cell as a column name: case, spaces and hyphens do not matter.

    >>> _column_name(" Doc ID "), _column_name("doc-id")
    ('doc_id', 'doc_id')
    """
    return re.sub(r"[\s-]+", "_", heading.strip().lower())


def _delimiter(first_line: str) -> str:
    """Commas, or the tabs or semicolons a spreadsheet uses in some locales when the header has no comma.

    >>> _delimiter("source;title"), _delimiter("source,issuers"), _delimiter("source\\ttitle")
    (';', ',', '\\t')
    """
    if "," in first_line:
        return ","
    return next((candidate for candidate in ("\t", ";") if candidate in first_line), ",")


def _decode(data: bytes) -> tuple[str | None, list[dict]]:
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        return None, [_error(line, "expected a UTF-8 CSV table, found a binary file (NUL bytes; a spreadsheet "
                                   "saved in its own format?); none of it is applied")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1].hex()
        return None, [_error(line, f"expected a CSV file saved as UTF-8, found byte 0x{bad} that is not UTF-8; "
                                   "none of it is applied (save it as 'CSV UTF-8')")]


def _valid_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year.

    >>> [_valid_date(v) for v in ("2020", "2020-02", "2020-02-29", "2021-02-29", "2020-13", "20201014", "0000")]
    [True, True, True, False, False, False, False]
    """
    if not _DATE.fullmatch(value):
        return False
    parts = [int(part) for part in value.split("-")] + [1, 1]
    try:
        datetime.date(*parts[:3])
    except ValueError:
        return False
    return True


def _clean_value(field: str, raw: str, where: str, line: int) -> tuple[str | None, list[dict]]:
    """The value a cell sets ('' clears the field, None applies nothing) and any problem with it."""
    value = _fold(raw)
    if not value:
        return None, []
    if value == CLEAR:
        return "", []
    if field == "date" and not _valid_date(value):
        return None, [_error(line, f"date {value!r} of {where}: expected YYYY, YYYY-MM or YYYY-MM-DD and a real "
                                   "date; the date is not applied")]
    if field == "language":
        if not _LANGUAGE.fullmatch(value.lower()):
            return None, [_error(line, f"language {value!r} of {where}: expected an ISO 639-1 code such as en, ko "
                                       "or ja; the language is not applied")]
        return value.lower(), []
    if field == "kind":
        value = value.lower()
        if value not in KNOWN_KINDS:
            return value, [_warning(line, f"kind {value!r} of {where} is applied, but is none of the kinds the "
                                          f"parser assigns ({', '.join(KNOWN_KINDS)}); charts group it apart")]
    if field in LIST_FIELDS:
        items = list(dict.fromkeys(_fold(item) for item in value.split(";") if _fold(item)))
        return ("; ".join(items) if items else None), []
    return value, []


def _header(cells: list[str], line: int) -> tuple[dict[int, str], set[int], list[dict]]:
    """Map each usable column index to its name; report unknown and repeated columns (and return their indices)."""
    known = KEY_COLUMNS + FIELDS
    columns: dict[int, str] = {}
    reported: set[int] = set()
    problems: list[dict] = []
    first_index: dict[str, int] = {}
    for index, heading in enumerate(cells):
        name = _column_name(heading)
        if not name:
            continue  # an unnamed column; a row that fills it is reported where it does
        if name not in known or name in first_index:
            reported.add(index)
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(_error(line, f"unknown column {heading.strip()!r}{hint}: expected {', '.join(known)}; "
                                         "its cells are not applied"))
        elif name in first_index:
            problems.append(_error(line, f"column {name!r} appears twice (columns {first_index[name] + 1} and "
                                         f"{index + 1}): expected it once; the second is not applied"))
        else:
            first_index[name] = index
            columns[index] = name
    return columns, reported, problems


def _records(text: str) -> Iterable[tuple[int, list[str] | None, str | None]]:
    """Yield (first line, cells, None) per CSV record, or (line, None, reason) where the CSV breaks."""
    first_line = next(iter(text.splitlines()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=True)
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield last + 1, None, str(error)
            return
        start, last = last + 1, reader.line_num
        yield start, cells, None


def parse_curation(data: bytes) -> Curation:
    """Parse the bytes of a metadata.csv into rows to apply and problems; never raises."""
    text, problems = _decode(data)
    if text is None:
        return Curation(problems=tuple(problems))
    rows: list[CuratedRow] = []
    columns: dict[int, str] | None = None
    reported: set[int] = set()
    for line, cells, broken in _records(text):
        if broken is not None:
            problems.append(_error(line, f"expected CSV (cells separated by commas, quotes closed), found {broken}; "
                                         f"rows from line {line} on are not applied"))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines and empty rows a spreadsheet leaves
        if columns is None:
            columns, reported, header_problems = _header(cells, line)
            if "source" not in columns.values():
                found = ", ".join(repr(cell.strip()) for cell in cells if cell.strip())
                problems.append(_error(line, f"expected a 'source' column naming each statement's file, found "
                                             f"columns {found}; none of it is applied"))
                return Curation(problems=tuple(problems))
            problems += header_problems
            continue
        row, row_problems = _row(cells, columns, reported, line)
        problems += row_problems
        if row is not None:
            rows.append(row)
    if columns is None and not problems:
        problems.append(_warning(1, f"expected a header row ({', '.join(TEMPLATE_COLUMNS)}) and a row per document, "
                                    "found no rows; nothing is curated"))
    return Curation(tuple(rows), tuple(problems))


def _row(cells: list[str], columns: dict[int, str], reported: set[int], line: int) -> tuple[CuratedRow | None, list[dict]]:
    """One data row; cells beyond the header or under an unnamed heading are reported here."""
    named = {name: cells[index].strip() if index < len(cells) else "" for index, name in columns.items()}
    problems = []
    ignored = [cell.strip() for index, cell in enumerate(cells)
               if index not in columns and index not in reported and cell.strip()]
    if ignored:
        problems.append(_error(line, f"expected cells under the header's columns only, found {len(ignored)} more "
                                     f"(first {ignored[0][:60]!r}); they are not applied"))
    source = named.get("source", "")
    if not source:
        problems.append(_error(line, "expected the file name of a statement in 'source', found an empty cell; "
                                     "the row is not applied"))
        return None, problems
    doc_id = named.get("doc_id", "")
    where = doc_id or source
    values: dict[str, str] = {}
    for field in FIELDS:
        if field in named:
            value, cell_problems = _clean_value(field, named[field], where, line)
            problems += cell_problems
            if value is not None:
                values[field] = value
    return CuratedRow(line, source, doc_id, values), problems


def _document_of(row: CuratedRow, docs_of_source: Mapping[str, list[str]], source_of: Mapping[str, str],
                 file_names: set[str]) -> tuple[str | None, list[dict]]:
    """The doc_id a row curates, or None with the reason it names no document."""
    docs = docs_of_source.get(row.source)
    if docs is None:
        if row.source in file_names:
            return None, [_error(row.line, f"expected a statement nkhr parsed, found {row.source!r}, which is in the "
                                           "corpus folder but was not parsed (see its own problem); the row is not applied")]
        close = difflib.get_close_matches(row.source, list(docs_of_source), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return None, [_error(row.line, f"expected the file name of a statement in the corpus folder, found "
                                       f"{row.source!r}, which is not there{hint}; the row is not applied")]
    if not row.doc_id:
        if len(docs) == 1:
            return docs[0], []
        return None, [_error(row.line, f"{row.source} holds {len(docs)} documents: expected a doc_id naming one of "
                                       f"them ({', '.join(docs)}), found none; the row is not applied")]
    if row.doc_id in docs:
        return row.doc_id, []
    elsewhere = source_of.get(row.doc_id)
    found = f"{row.doc_id!r}, a document of {elsewhere}" if elsewhere else f"{row.doc_id!r}, which is no document of the corpus"
    return None, [_error(row.line, f"doc_id of {row.source}: expected {' or '.join(docs)}, found {found}; "
                                   "the row is not applied")]


def _values_of(field: str, value: str) -> list[str]:
    """The values a curated cell sets: one per issuer, none when the field is cleared."""
    if not value:
        return []
    return value.split("; ") if field in LIST_FIELDS else [value]


def _contradicted(field: str, parsed: list[str], curated: list[str]) -> list[str]:
    """The parsed values a curated value contradicts; none when it confirms, refines or adds to them.

    A date contradicts only when it names another day, month or year (2020-10 refines 2020);
    a list contradicts when it leaves out a value the text names; other fields when they differ
    beyond case and spacing.

    >>> _contradicted("date", ["2020-10-14"], ["2020-10-15"]), _contradicted("date", ["2020"], ["2020-10-15"])
    (['2020-10-14'], [])
    >>> _contradicted("issuers", ["IPCNKR"], ["IPCNKR", "APPG"]), _contradicted("title", ["A  Title"], ["a title"])
    ([], [])
    """
    if not curated:
        return parsed
    if field == "date":
        return [value for value in parsed if not (value.startswith(curated[0]) or curated[0].startswith(value))]
    kept = {_fold(value).casefold() for value in curated}
    return [value for value in parsed if _fold(value).casefold() not in kept]


def _shorten(quote: str, limit: int = 70) -> str:
    """
    >>> _shorten("one  two\\nthree", 7)
    'one tw…'
    """
    folded = _fold(quote)
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


def _contradiction_warning(line: int, field: str, value: str, evidence: list[_Evidence], contradicted: list[str]) -> dict:
    first = next((item for item in evidence if item.value == contradicted[0]), _Evidence(contradicted[0], "", ""))
    # a language is detected from the words, not stated by them
    how = "detected in" if first.rule == "script_and_words" else "stated in"
    shown = f'("{_shorten(first.quote)}")' if first.quote else ""
    stated = "; ".join(contradicted)
    what = f"{field} {value}" if value else f"{field} cleared"
    return _warning(line, f"{what} set by the curator contradicts {stated} {how} the text {shown}".rstrip())


@dataclass(frozen=True)
class _Evidence:
    """A parsed value of a field and the words it rests on."""

    value: str
    quote: str
    rule: str


def _parsed_evidence(facts: pd.DataFrame) -> dict[tuple[str, str], list[_Evidence]]:
    """The parsed (not curated) facts by document and field, read in one pass."""
    evidence: dict[tuple[str, str], list[_Evidence]] = {}
    columns = facts[["doc_id", "field", "value", "quote", "rule", "curated"]]
    for doc_id, field, value, quote, rule, curated in columns.itertuples(index=False):
        if (not pd.isna(curated) and bool(curated)) or pd.isna(value) or not value:
            continue
        evidence.setdefault((doc_id, field), []).append(
            _Evidence(value, "" if pd.isna(quote) else quote, "" if pd.isna(rule) else rule))
    return evidence


def _choose_rows(curation: Curation, documents: pd.DataFrame, file_names: set[str]) -> tuple[dict[str, CuratedRow], list[dict]]:
    """One row per document: rows naming no document, and second rows for a document, become problems."""
    docs_of_source: dict[str, list[str]] = {}
    for doc_id, source in zip(documents["doc_id"], documents["source"]):
        docs_of_source.setdefault(source, []).append(doc_id)
    source_of = dict(zip(documents["doc_id"], documents["source"]))
    chosen: dict[str, CuratedRow] = {}
    problems: list[dict] = []
    for row in curation.rows:
        doc_id, row_problems = _document_of(row, docs_of_source, source_of, file_names)
        problems += row_problems
        if doc_id is None:
            continue
        first = chosen.get(doc_id)
        if first is None:
            chosen[doc_id] = row
        elif first.values == row.values:
            problems.append(_warning(row.line, f"expected one row per document, found {doc_id} again (first on line "
                                               f"{first.line}) with the same values; it is applied once"))
        else:
            problems.append(_error(row.line, f"expected one row per document, found a second row for {doc_id} (first "
                                             f"on line {first.line}) with other values; this row is not applied"))
    return chosen, problems


def apply_curation(curation: Curation, tables: Mapping[str, pd.DataFrame], file_names: Iterable[str] = ()) -> dict[str, pd.DataFrame]:
    """Return new tables with the curator's values applied and every problem of metadata.csv listed.

    ``tables`` holds at least documents, document_facts, membership, meetings and problems (none is
    modified); ``file_names`` are the files of the corpus folder, so a row naming a file that failed
    to parse is told apart from one naming no file at all.
    """
    tables = dict(tables)
    if not curation.rows and not curation.problems:
        return tables
    documents, facts = tables["documents"], tables["document_facts"]
    chosen, problems = _choose_rows(curation, documents, set(file_names))
    problems = list(curation.problems) + problems
    evidence = _parsed_evidence(facts)
    changes: dict[str, dict[str, str]] = {}
    curated_rows: list[dict] = []
    shown = {field: dict(zip(documents["doc_id"], documents[field])) for field in FIELDS}
    for doc_id, row in chosen.items():
        for field, value in row.values.items():
            of_field = evidence.get((doc_id, field), [])
            # what documents shows is what a template holds, so it is what a curator confirms or corrects
            before = shown[field].get(doc_id)
            parsed = _values_of(field, "" if pd.isna(before) else str(before))
            curated = _values_of(field, value)
            if [_fold(v) for v in parsed] == curated:
                continue  # the curator confirms what the text states
            changes.setdefault(doc_id, {})[field] = value
            new_facts = [Fact(field, v, None, None, CURATOR_RULE, True) for v in curated] or [
                Fact(field, "", None, None, CURATOR_RULE, True)]
            curated_rows += [{**r, "value": r["value"] or None} for r in fact_rows(doc_id, "", new_facts)]
            contradicted = _contradicted(field, parsed, curated)
            if contradicted:
                problems.append(_contradiction_warning(row.line, field, value, of_field, contradicted))
    tables["documents"] = _curated_documents(documents, changes)
    tables["document_facts"] = _with_curated_facts(facts, curated_rows, list(documents["doc_id"]))
    organisations = {doc_id: fields["organisation"] for doc_id, fields in changes.items() if "organisation" in fields}
    parsed_organisation = dict(zip(documents["doc_id"], documents["organisation"]))
    for table in ("membership", "meetings"):
        tables[table] = _with_organisation(tables[table], organisations, parsed_organisation)
    tables["problems"] = _curated_problems(tables["problems"], documents, changes, problems)
    return tables


def _curated_documents(documents: pd.DataFrame, changes: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    records = documents.to_dict("records")
    for record in records:
        fields = changes.get(record["doc_id"])
        if not fields:
            continue
        for field, value in fields.items():
            record[field] = value if value or field in LIST_FIELDS else None
        if "date" in fields:
            record["year"] = int(fields["date"][:4]) if fields["date"] else None
        if "title" in fields:
            # the offsets point at the parsed title, which the curated one replaces
            record["title_start"] = record["title_end"] = None
        record["curated"] = "; ".join(field for field in FIELDS if field in fields)
    return schema.build_frame("documents", records)


def _with_curated_facts(facts: pd.DataFrame, curated_rows: list[dict], doc_order: list[str]) -> pd.DataFrame:
    """Curated facts follow each document's parsed facts; documents keep their order."""
    if not curated_rows:
        return facts
    combined = pd.concat([facts, schema.build_frame("document_facts", curated_rows)], ignore_index=True)
    position = {doc_id: n for n, doc_id in enumerate(doc_order)}
    order = combined["doc_id"].map(position).fillna(len(position))
    return combined.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _with_organisation(frame: pd.DataFrame, organisations: Mapping[str, str], parsed: Mapping[str, object]) -> pd.DataFrame:
    """A curated organisation replaces the document's organisation on its counts and meetings.

    A row whose own sentence names another coalition keeps it, as it does in parsing.
    """
    if not organisations or frame.empty:
        return frame
    curated = frame["doc_id"].map(organisations)
    before = frame["doc_id"].map(parsed)
    took_document_value = frame["organisation"].isna() | (frame["organisation"] == before).fillna(False)
    replace = frame["doc_id"].isin(list(organisations)) & took_document_value
    return frame.assign(organisation=frame["organisation"].mask(replace, curated.replace("", pd.NA)).astype("string"))


def _curated_problems(problems: pd.DataFrame, documents: pd.DataFrame, changes: Mapping[str, Mapping[str, str]],
                      new: list[dict]) -> pd.DataFrame:
    """The parsed problems less the 'field not found' warnings the curator answered, then metadata.csv's own."""
    source_of = dict(zip(documents["doc_id"], documents["source"]))
    answered = {(source_of[doc_id], f"{doc_id}: {MISSING[field]}")
                for doc_id, fields in changes.items() for field, value in fields.items() if value and field in MISSING}
    keep = [(source, message) not in answered for source, message in zip(problems["source"], problems["message"])]
    kept = problems[keep].reset_index(drop=True)
    if not new:
        return kept
    in_file_order = sorted(new, key=lambda row: row["line"] or 0)  # the whole file's problems first
    return pd.concat([kept, schema.build_frame("problems", in_file_order)], ignore_index=True)


def template_rows(documents: pd.DataFrame) -> list[dict[str, str]]:
    """One row per document with the values ``documents`` shows: a template a curator edits.

    A field the curator cleared is written as ``-``, so the template keeps it cleared.
    """
    rows = []
    for record in documents.to_dict("records"):
        curated = set((record.get("curated") or "").split("; ")) if not pd.isna(record.get("curated")) else set()
        row = {"source": record["source"], "doc_id": record["doc_id"]}
        for field in TEMPLATE_COLUMNS[2:]:
            value = record.get(field)
            value = "" if value is None or pd.isna(value) else str(value)
            row[field] = CLEAR if field in curated and not value else value
        rows.append(row)
    return rows


def write_template(documents: pd.DataFrame, path: str | Path) -> Path:
    """Write ``template_rows(documents)`` to ``path`` as UTF-8 CSV, atomically; return the path."""
    path = Path(path)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TEMPLATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(template_rows(documents))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(temporary, path)
    return path
