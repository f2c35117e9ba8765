"""Every table's columns, declared once: name, type and a one-line meaning.

The same declarations build empty frames, coerce parsed rows to the right dtypes,
write the README's data dictionary and the ``datapackage.json`` of an export.

Offsets (``start``, ``end``) are half-open character offsets into the *source text*
of the row's document (``Corpus.source_text(doc_id)``): the decoded file for
``.txt`` and ``.md``, the extracted text for ``.html``. For every such row
``source_text[start:end] == quote``.

>>> frame = build_frame("problems", [{"source": "a.txt", "line": 3, "severity": "warning", "message": "odd"}])
>>> list(frame.columns)
['source', 'line', 'severity', 'message']
>>> str(frame["line"].dtype)
'Int64'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, pandas dtype and meaning."""

    name: str
    dtype: str  # "string", "Int64", "boolean" or "Float64"
    meaning: str


def _columns(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_PROVENANCE = (
    ("quote", "string", "the verbatim words of the source this row rests on"),
    ("start", "Int64", "offset of the quote's first character in the source text"),
    ("end", "Int64", "offset one past the quote's last character (half-open)"),
    ("page", "Int64", "page of the source the quote begins on, from 1; empty for formats without pages (.txt, .md, .html, .docx)"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": _columns(
        ("doc_id", "string", "identifier: the file's stem, with -1, -2 ... when a file holds several documents"),
        ("source", "string", "file name in the corpus directory"),
        ("label", "string", "a short readable name, unique within the corpus: kind, issuer or addressee, date"),
        ("title", "string", "the document's title, whitespace normalised"),
        ("date", "string", "date of the document, ISO 8601 at the precision stated (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("year", "Int64", "year of the document"),
        ("kind", "string", "joint statement, statement, open letter, letter, declaration, resolution or press release; empty when the text does not say"),
        ("issuers", "string", "who issues the document, '; '-separated, acronyms where the text defines one"),
        ("addressee", "string", "to whom the document is addressed; empty when it names no one"),
        ("language", "string", "ISO 639-1 code of the language most of the document is written in"),
        ("organisation", "string", "the coalition or organisation the document speaks for or counts; empty when none"),
        ("curated", "string", "fields set by the curator in metadata.csv, '; '-separated; empty when none"),
        ("n_passages", "Int64", "body passages counted: neither duplicate, list nor boilerplate"),
        ("digest", "string", "SHA-256 of the document's text (first 16 hex digits): an edit to the text changes it"),
        ("start", "Int64", "offset where the document begins in its source text"),
        ("end", "Int64", "offset where the document ends in its source text"),
        ("title_start", "Int64", "offset of the title's first character"),
        ("title_end", "Int64", "offset one past the title's last character"),
    ),
    "passages": _columns(
        ("doc_id", "string", "document the passage belongs to"),
        ("n", "Int64", "position of the passage in its document, from 1"),
        ("kind", "string", "heading, body, list (signatory lists) or boilerplate"),
        ("language", "string", "ISO 639-1 code of the passage's language; only English passages are coded"),
        ("text", "string", "the passage's words with line breaks and runs of spaces folded"),
        ("start", "Int64", "offset of the passage's first character in the source text"),
        ("end", "Int64", "offset one past its last character"),
        ("line", "Int64", "line of the source file where the passage begins, from 1"),
        ("duplicate_of", "Int64", "n of an earlier passage of the same document with the same text; empty if first"),
        ("boilerplate", "boolean", "web-page debris (menus, share buttons, image notes, footers)"),
        ("counted", "boolean", "true when the passage is neither a duplicate nor boilerplate"),
    ),
    "document_facts": _columns(
        ("doc_id", "string", "document the fact describes"),
        ("field", "string", "title, date, kind, issuers, addressee, language or organisation"),
        ("value", "string", "the value the rule read (one row per issuer)"),
        ("quote", "string", "the verbatim words of the source the value rests on; empty for a curator's value"),
        ("start", "Int64", "offset of the quote's first character in the source text"),
        ("end", "Int64", "offset one past the quote's last character (half-open)"),
        ("page", "Int64", "page of the source the quote begins on, from 1; empty for formats without pages"),
        ("rule", "string", "the rule that read the value (title_heading, dateline, un_adoption ...) or curator"),
        ("curated", "boolean", "true when a curator set the value in metadata.csv; it then replaces the parsed value"),
    ),
    "membership": _columns(
        ("doc_id", "string", "document stating the observation"),
        ("organisation", "string", "the coalition counted, as the text or the curator names it"),
        ("as_of", "string", "when the count held, ISO 8601 at the precision stated"),
        ("year", "Int64", "year of as_of"),
        ("members", "Int64", "members (or, for attendance, representatives) stated; empty when not stated"),
        ("countries", "Int64", "countries stated or listed; empty when not stated"),
        ("event", "string", "founding, membership (a count at a date) or attendance (at a meeting)"),
        ("countries_listed", "string", "ISO 3166 alpha-3 codes of the countries the sentence lists, '; '-separated"),
        *_PROVENANCE,
    ),
    "meetings": _columns(
        ("doc_id", "string", "document mentioning the meeting"),
        ("organisation", "string", "the coalition meeting, as the text or the curator names it"),
        ("number", "Int64", "the meeting's ordinal (2 for the 2nd General Meeting)"),
        ("date", "string", "first day, ISO 8601 at the precision stated; empty when not stated"),
        ("end_date", "string", "last day when the text gives a range"),
        ("year", "Int64", "year of the meeting; empty when not stated"),
        ("place", "string", "place as written (city or country); empty when not stated"),
        ("iso3", "string", "ISO 3166 alpha-3 code of the host country when the place names one"),
        *_PROVENANCE,
    ),
    "signatories": _columns(
        ("doc_id", "string", "document the signatory signed"),
        ("name", "string", "canonical name: one spelling per organisation or person across the corpus"),
        ("name_as_written", "string", "the name exactly as this document writes it"),
        ("kind", "string", "organisation, individual or state"),
        ("country", "string", "country as the text states it; empty when it states none (never guessed)"),
        ("iso3", "string", "ISO 3166 alpha-3 code of country"),
        ("role", "string", "role or affiliation the text gives an individual; sponsor or co-sponsor for a resolution's states"),
        *_PROVENANCE,
    ),
    "countries": _columns(
        ("doc_id", "string", "document naming the country"),
        ("country", "string", "canonical English short name (pycountry), or the actor's name"),
        ("iso3", "string", "ISO 3166 alpha-3 code; empty for actors without one (European Union)"),
        ("role", "string", "founder, host, issuer, signatory_country, addressee or subject"),
        ("as_written", "string", "how the text writes the country"),
        *_PROVENANCE,
    ),
    "stated_counts": _columns(
        ("doc_id", "string", "document stating its own count"),
        ("counts", "string", "what is counted: signatories, organisations, individuals, states, sponsors, co-sponsors, signatory_countries, founding_countries"),
        ("stated", "Int64", "the number the text states"),
        ("counted", "Int64", "the number nkhr parsed from the document's own list"),
        ("difference", "Int64", "counted minus stated; 0 when they agree"),
        *_PROVENANCE,
    ),
    "problems": _columns(
        ("source", "string", "file name (or path) the problem concerns"),
        ("line", "Int64", "line of the file, from 1; empty when the problem is the whole file"),
        ("severity", "string", "error (the file was not parsed) or warning (parsed, but check it)"),
        ("message", "string", "what was expected and what was found"),
    ),
    "themes": _columns(
        ("doc_id", "string", "document the match is in"),
        ("passage", "Int64", "n of the passage matched"),
        ("theme", "string", "theme key from the taxonomy file"),
        ("term", "string", "the taxonomy term or pattern that matched"),
        *_PROVENANCE,
    ),
    "asks": _columns(
        ("doc_id", "string", "document making the ask"),
        ("passage", "Int64", "n of the passage holding the clause"),
        ("verb", "string", "the operative verb phrase, lower case (calls upon, urges ...)"),
        ("strength", "Int64", "how forceful the verb is, 1 (notes) to 5 (demands, condemns)"),
        ("addressee", "string", "normalised addressee of the ask"),
        ("themes", "string", "theme keys coded in the clause, '; '-separated"),
        *_PROVENANCE,
    ),
    "claims": _columns(
        ("doc_id", "string", "document stating the number"),
        ("passage", "Int64", "n of the passage stating it"),
        ("counts", "string", "what the number counts (founding countries, members, countries, refugees ...)"),
        ("value", "Float64", "the number stated (the lower bound when a range is given)"),
        ("value_max", "Float64", "upper bound when the text gives a range; else equal to value"),
        ("qualifier", "string", "how the text bounds the number: range, at least, about ...; empty when exact"),
        *_PROVENANCE,
    ),
    "conflicts": _columns(
        ("topic", "string", "what the sources disagree about"),
        ("doc_id_a", "string", "document of the first statement"),
        ("value_a", "string", "what the first statement says"),
        ("quote_a", "string", "its verbatim words"),
        ("start_a", "Int64", "offset of quote_a in its source text"),
        ("end_a", "Int64", "end offset of quote_a"),
        ("doc_id_b", "string", "document of the second statement (may equal doc_id_a)"),
        ("value_b", "string", "what the second statement (or the parsed list) says"),
        ("quote_b", "string", "its verbatim words"),
        ("start_b", "Int64", "offset of quote_b in its source text"),
        ("end_b", "Int64", "end offset of quote_b"),
        ("explanation", "string", "one sentence a reader can check"),
    ),
    "pages": _columns(
        ("source", "string", "file name in the corpus directory (a PDF)"),
        ("page", "Int64", "page number, from 1"),
        ("start", "Int64", "offset of the page's first character in the source text"),
        ("end", "Int64", "offset one past the page's last character"),
    ),
    "changes": _columns(
        ("build", "string", "fingerprint of the corpus this build read"),
        ("previous_build", "string", "fingerprint of the corpus the previous build read; empty on a first build"),
        ("change", "string", "added, removed or edited (documents); signed or no longer signed (signatories); "
                             "first coded (themes); new, changed or gone (stated counts, conflicts)"),
        ("table", "string", "the table the change is in: documents, signatories, themes, stated_counts or conflicts"),
        ("doc_id", "string", "document concerned"),
        ("subject", "string", "what changed: a title, a signatory's name, a theme, what a count counts, a conflict's topic"),
        ("before", "string", "the value in the previous build; empty when it is new"),
        ("after", "string", "the value in this build; empty when it is gone"),
        ("quote", "string", "verbatim words of the source (of the previous build's text for what is gone)"),
        ("start", "Int64", "offset of the quote in that text"),
        ("end", "Int64", "offset one past the quote's last character"),
    ),
}

#: Tables a build writes about the report itself, not parsed from the corpus.
BUILD_TABLES = ("changes",)
#: Tables whose rows carry ``quote``, ``start`` and ``end`` into a document's source text.
QUOTED_TABLES = tuple(name for name, cols in TABLES.items()
                      if {"quote", "start", "end"} <= {c.name for c in cols} and name not in BUILD_TABLES)


def columns_of(table: str) -> list[str]:
    """Return the declared column names of ``table`` in order.

    >>> columns_of("problems")
    ['source', 'line', 'severity', 'message']
    """
    return [column.name for column in TABLES[table]]


def build_frame(table: str, rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """Build ``table`` from row dicts: declared columns, declared order, declared dtypes.

    Missing keys become missing values; unknown keys are an error, so a typo in a
    parser cannot add a silent column.
    """
    spec = TABLES[table]
    names = [c.name for c in spec]
    rows = list(rows)
    for row in rows:
        unknown = set(row) - set(names)
        if unknown:
            raise KeyError(f"{table}: unknown column(s) {sorted(unknown)}; declared: {names}")
    frame = pd.DataFrame.from_records(rows, columns=names) if rows else pd.DataFrame(columns=names)
    return frame.astype({c.name: c.dtype for c in spec})


def data_dictionary_markdown() -> str:
    """Render every table's columns as Markdown, for the README and exports."""
    lines: list[str] = []
    for table, spec in TABLES.items():
        lines += [f"### `{table}`", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | {c.dtype} | {c.meaning} |" for c in spec]
        lines.append("")
    return "\n".join(lines)


_FRICTIONLESS_TYPES = {"string": "string", "Int64": "integer", "boolean": "boolean", "Float64": "number"}


def frictionless_schema(table: str) -> dict:
    """Return the Frictionless Table Schema of ``table``.

    >>> frictionless_schema("problems")["fields"][1]
    {'name': 'line', 'type': 'integer', 'description': 'line of the file, from 1; empty when the problem is the whole file'}
    """
    return {
        "fields": [
            {"name": c.name, "type": _FRICTIONLESS_TYPES[c.dtype], "description": c.meaning} for c in TABLES[table]
        ]
    }


if __name__ == "__main__":  # python -m nkhr.schema prints the data dictionary for the README
    print(data_dictionary_markdown(), end="")
