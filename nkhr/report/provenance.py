"""Prose, figures and tables whose every number opens onto its source.

A :class:`Figure` is a number (or short value) together with the verbatim
quote and document it rests on; in a page it shows as the number, and a click
expands the quote. Everything taken from a document is HTML-escaped here, so a
statement containing ``<script>`` shows as text and runs nothing.

>>> fig = Figure(111, quote="111 members from 36 countries", doc_id="002", document="4th General Meeting <statement>")
>>> "&lt;statement&gt;" in fig.html() and "<statement>" not in fig.html()
True
>>> paragraph("The coalition had ", fig, " members.").html().count("<details")
1
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import pandas as pd

from ..describe.facts import FIELDS
from .styles import INLINE_STYLE


class Fragment:
    """A piece of trusted HTML built by this module; Jupyter and nbconvert display it as HTML."""

    def __init__(self, markup: str, text: str = ""):
        self._markup, self._text = markup, text

    def html(self) -> str:
        return self._markup

    def _repr_html_(self) -> str:
        return INLINE_STYLE + self._markup if "nkhr-source" in self._markup else self._markup

    def __repr__(self) -> str:
        return self._text or "<HTML fragment>"


def _text(value: object) -> str:
    """A cell's text, with missing values (None, NaN, pd.NA) as the empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _escape(value: object) -> str:
    return html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value), quote=True)


def format_number(value: object) -> str:
    """Format a count with thousands separators and a ratio to two significant decimals.

    >>> format_number(1234), format_number(3.1714), format_number(2.0)
    ('1,234', '3.17', '2')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "not stated"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    try:
        return format_number(value.item())  # numpy and pandas scalars
    except AttributeError:
        return str(value)


@dataclass(frozen=True)
class Source:
    """A verbatim quote and the document it comes from."""

    quote: str
    doc_id: str
    document: str = ""
    start: int | None = None
    end: int | None = None
    page: int | None = None

    def html(self) -> str:
        where = _escape(self.document or self.doc_id)
        offsets = f", characters {self.start}–{self.end}" if self.start is not None and self.end is not None else ""
        offsets = (f", page {self.page}" if self.page is not None else "") + offsets
        return (
            f"<blockquote>{_escape(self.quote)}</blockquote>"
            f"<cite>{where} (document {_escape(self.doc_id)}{offsets})</cite>"
        )


@dataclass(frozen=True)
class Figure:
    """A value shown in prose that expands to the source(s) it rests on."""

    value: object
    quote: str = ""
    doc_id: str = ""
    document: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    sources: tuple[Source, ...] = field(default=())
    page: int | None = None

    def all_sources(self) -> tuple[Source, ...]:
        own = (Source(self.quote, self.doc_id, self.document, self.start, self.end, self.page),) if self.quote else ()
        return own + tuple(self.sources)

    def text(self) -> str:
        return format_number(self.value)

    def html(self) -> str:
        body = "".join(s.html() for s in self.all_sources())
        if self.note:
            body = f"<p>{_escape(self.note)}</p>" + body
        if not body:
            return f"<strong>{_escape(self.text())}</strong>"
        return (
            f'<details class="nkhr-source"><summary aria-label="{_escape(self.label())}">{_escape(self.text())}</summary>'
            f'<div class="nkhr-source-body">{body}</div></details>'
        )

    def label(self) -> str:
        """What a screen reader names the button: the value and where its source is, so no two read alike.

        >>> Figure("quote", quote="we urge", doc_id="d", document="Open letter", start=4, end=11).label()
        'quote: source in Open letter, characters 4–11'
        """
        sources = self.all_sources()
        if not sources:
            return f"{self.text()}: {self.note}" if self.note else self.text()
        first = sources[0]
        where = first.document or first.doc_id
        span = f", characters {first.start}–{first.end}" if first.start is not None else ""
        more = f" and {len(sources) - 1} more" if len(sources) > 1 else ""
        return f"{self.text()}: source in {where}{span}{more}"


def figure_from_row(value: object, row: pd.Series | dict, documents: pd.DataFrame | None = None) -> Figure:
    """A Figure for ``value`` citing a table row's ``quote``, ``doc_id``, ``start`` and ``end``."""
    row = dict(row)
    doc_id = _text(row.get("doc_id"))
    return Figure(
        value, quote=_text(row.get("quote")), doc_id=doc_id, document=document_title(documents, doc_id),
        start=_int_or_none(row.get("start")), end=_int_or_none(row.get("end")), page=_int_or_none(row.get("page")),
    )


def derived(value: object, note: str, *figures: Figure) -> Figure:
    """A computed value (a ratio, a difference) that cites every figure it was computed from."""
    sources = tuple(s for f in figures for s in f.all_sources())
    return Figure(value, note=note, sources=sources)


def _int_or_none(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def document_title(documents: pd.DataFrame | None, doc_id: str) -> str:
    """The title of ``doc_id`` with its date, or the id when unknown."""
    if documents is None or documents.empty:
        return doc_id
    match = documents[documents["doc_id"] == doc_id]
    if match.empty:
        return doc_id
    row = match.iloc[0]
    date = row.get("date")
    return f"{row['title']} ({date})" if isinstance(date, str) and date else str(row["title"])


def plural(n: int, noun: str) -> str:
    """``n`` followed by ``noun``, with an "s" unless ``n`` is one.

    >>> plural(1, "document"), plural(4, "open letter"), plural(2, "country")
    ('1 document', '4 open letters', '2 countries')
    """
    if int(n) == 1:
        return f"1 {noun}"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{format_number(n)} {noun[:-1]}ies"
    return f"{format_number(n)} {noun}s"


def document_label(documents: pd.DataFrame, doc_id: str) -> str:
    """A short label for a document in a chart: the corpus's ``label`` where there is one, else its year and kind.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "year": [2007], "kind": ["joint statement"], "title": ["T"], "date": ["2007-08-29"]})
    >>> document_label(docs, "a")
    '2007 joint statement'
    """
    return document_labels(documents, [doc_id])[0]


def document_labels(documents: pd.DataFrame, doc_ids) -> list[str]:
    """:func:`document_label` for many documents at once, e.g. a column of ``doc_id``; unknown ids label themselves.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "year": [2007, None], "kind": ["joint statement", "open letter"]})
    >>> document_labels(docs, ["b", "a", "zz"])
    ['open letter', '2007 joint statement', 'zz']
    """
    first = documents.drop_duplicates("doc_id")
    if "label" in first.columns and first["label"].notna().all():
        # the corpus's own labels: unique, and naming issuer or addressee as well as kind and date
        labels = dict(zip(first["doc_id"], first["label"]))
    else:
        labels = {
            doc_id: ("" if pd.isna(year) else f"{int(year)} ") + f"{kind}"
            for doc_id, year, kind in zip(first["doc_id"], first["year"], first["kind"])
        }
    return [labels.get(doc_id, doc_id) for doc_id in doc_ids]


def members_phrase(row: pd.Series | dict, documents: pd.DataFrame | None = None) -> Fragment:
    """"35 members from 5 countries" for a membership row, each number expandable; the countries only when stated."""
    parts: list[object] = [figure_from_row(row["members"], row, documents), " members"]
    if not pd.isna(row["countries"]):
        parts += [" from ", figure_from_row(row["countries"], row, documents), " countries"]
    inner = paragraph(*parts).html().removeprefix('<div class="nkhr-prose">').removesuffix("</div>")
    return Fragment(inner, repr(paragraph(*parts)))


def paragraph(*parts: object) -> Fragment:
    """A paragraph from strings (escaped), numbers (formatted) and Figures (expandable)."""
    pieces, plain = [], []
    for part in parts:
        if isinstance(part, Figure):
            pieces.append(part.html())
            plain.append(part.text())
        elif isinstance(part, Fragment):
            pieces.append(part.html())
            plain.append(repr(part))
        elif isinstance(part, (int, float)) and not isinstance(part, bool):
            pieces.append(_escape(format_number(part)))
            plain.append(format_number(part))
        else:
            pieces.append(_escape(part))
            plain.append(str(part))
    # A <div>, not a <p>: an HTML parser closes a <p> at the first <details> inside it.
    return Fragment(f'<div class="nkhr-prose">{"".join(pieces)}</div>', "".join(plain))


def bullet_list(items: Iterable[Fragment | str]) -> Fragment:
    """A list whose items are paragraphs or plain strings."""
    rendered = [i.html().replace('<div class="nkhr-prose">', "<div>") if isinstance(i, Fragment) else _escape(i) for i in items]
    return Fragment('<ul class="nkhr-prose">' + "".join(f"<li>{r}</li>" for r in rendered) + "</ul>")


def link(text: str, href: str) -> Fragment:
    """A link to another page of the report (relative, so the report works from any folder)."""
    return Fragment(f'<a href="{_escape(href)}">{_escape(text)}</a>', text)


def corpus_banner(corpus, first_year: int | None = None, last_year: int | None = None) -> Fragment:
    """One line naming what the page was computed from: documents, date range, year filter, fingerprint.

    Shown instead of a generation time, so rebuilding an unchanged corpus changes nothing.
    """
    first, last = corpus.date_range()
    span = f"dated {first} to {last}" if first else "undated"
    n = len(corpus.documents)
    years = ""
    if first_year is not None or last_year is not None:
        years = f" (documents from {first_year if first_year is not None else 'the first year'} to {last_year if last_year is not None else 'the last year'} only)"
    return Fragment(
        f'<p class="nkhr-banner">Computed from {n:,} document{"s" if n != 1 else ""} {_escape(span)}{_escape(years)} '
        f'in <code>{_escape(getattr(corpus.directory, "name", corpus.directory))}</code>; corpus fingerprint '
        f"<code>{_escape(corpus.fingerprint)}</code>.</p>"
    )


def membership_summary(observations: pd.DataFrame, documents: pd.DataFrame | None = None) -> Fragment:
    """The founding count, the latest count and how many times larger the latter is, per coalition.

    ``observations`` is :func:`nkhr.report.charts.observed_counts` of the membership table.
    A founding and a later count are compared only when they count the same organisation;
    each organisation gets its own sentence.

    >>> obs = pd.DataFrame({"event": ["founding", "membership", "membership"], "members": [35, 111, 40],
    ...                     "countries": [5, 36, None], "as_of": ["2003-04", "2007-08-29", "2005"],
    ...                     "organisation": ["A", "A", "B"], "doc_id": ["d", "d", "e"], "quote": ["q", "q", "q"],
    ...                     "start": [0, 0, 0], "end": [1, 1, 1]})
    >>> text = repr(membership_summary(obs))
    >>> "A: at its founding (2003-04)" in text, "3.17" in text, "B: the latest membership count stated" in text
    (True, True, True)
    """
    from .charts import growth_between

    if observations.empty:
        return paragraph("The corpus states no membership counts.")
    if "organisation" in observations.columns:
        named = observations.assign(organisation=observations["organisation"].fillna(""))
    else:
        named = observations.assign(organisation="")
    several = named["organisation"].nunique() > 1
    sentences = []
    for organisation, group in named.groupby("organisation", sort=True):
        lead = f"{organisation}: " if several and organisation else ("Counts naming no coalition: " if several else "")
        founding = group[group["event"] == "founding"]
        counts = group[group["event"] == "membership"]
        step = growth_between(pd.concat([founding.head(1), counts.tail(1)])) if len(founding) and len(counts) else None
        if step is None or step.empty:
            row = group.iloc[-1]
            opener = "the latest membership count stated: " if lead else "The latest membership count stated: "
            sentences.append(paragraph(lead, opener, members_phrase(row, documents), " (", row["as_of"], ")."))
            continue
        start, end, step = founding.iloc[0], counts.iloc[-1], step.iloc[-1]
        ratio = derived(
            step["ratio"], "members at the later date divided by members at the founding",
            figure_from_row(start["members"], start, documents), figure_from_row(end["members"], end, documents),
        )
        opener = "at its founding (" if lead else "At its founding ("
        sentences.append(paragraph(
            lead, opener, start["as_of"], ") the coalition had ", members_phrase(start, documents), ". By ", end["as_of"],
            " it had ", members_phrase(end, documents), ": ", ratio, f" times as many members after {format_number(step['years'])} years.",
        ))
    if len(sentences) == 1:
        return sentences[0]
    return Fragment("".join(s.html() for s in sentences), " ".join(repr(s) for s in sentences))


def growth_sentence(step: pd.Series | dict, documents: pd.DataFrame | None = None, noun: str = "members") -> Fragment:
    """Describe one step of :func:`nkhr.report.charts.growth_between`, each figure opening onto both quotes."""
    start = figure_from_row(step["from_value"], {k[5:]: v for k, v in dict(step).items() if k.startswith("from_")}, documents)
    end = figure_from_row(step["to_value"], {k[3:]: v for k, v in dict(step).items() if k.startswith("to_")}, documents)
    parts: list[object] = [
        "From ", start, f" {noun} (", step["from_as_of"], ") to ", end, " (", step["to_as_of"], "): ",
        derived(step["change"], "the later count minus the earlier", start, end), f" more in {format_number(step['years'])} years",
    ]
    if not pd.isna(step["yearly_rate"]):
        rate = f"{step['yearly_rate']:.0%}"
        parts += [", ", derived(rate, "compound yearly rate: (later / earlier) ** (1 / years) - 1", start, end), " a year"]
    return paragraph(*parts, ".")


#: Stated counts that count a document's own signers.
SIGNER_COUNTS = ("signatories", "organisations", "individuals", "states")


def stated_signers(stated_counts: pd.DataFrame) -> pd.DataFrame:
    """Per document, the number of signers it says it has, with the quote it rests on.

    A count of "signatories" is the document's own total; a document that counts by
    kind ("12 organizations and 3 individuals") states the sum of its parts, quoted
    from the first. Columns: ``doc_id``, ``stated``, ``counts``, ``quote``, ``start``, ``end``.

    >>> counts = pd.DataFrame({"doc_id": ["a", "a", "b"], "counts": ["organisations", "individuals", "signatories"],
    ...                        "stated": [12, 3, 37], "quote": ["12 organizations", "3 individuals", "37 NGOs"],
    ...                        "start": [5, 30, 9], "end": [21, 43, 16]})
    >>> stated_signers(counts)[["doc_id", "stated", "counts"]].values.tolist()
    [['a', 15, 'organisations + individuals'], ['b', 37, 'signatories']]
    """
    rows = []
    signers = stated_counts[stated_counts["counts"].isin(SIGNER_COUNTS)].sort_values(["doc_id", "start"], kind="stable")
    for doc_id, group in signers.groupby("doc_id", sort=False):
        total = group[group["counts"] == "signatories"]
        parts = total.head(1) if len(total) else group.drop_duplicates("counts")
        first = parts.iloc[0]
        rows.append({"doc_id": doc_id, "stated": int(parts["stated"].sum()), "counts": " + ".join(parts["counts"]),
                     "quote": first["quote"], "start": first["start"], "end": first["end"]})
    return pd.DataFrame(rows, columns=["doc_id", "stated", "counts", "quote", "start", "end"])


def letter_sentence(doc_id: str, signatories: pd.DataFrame, stated_counts: pd.DataFrame, documents: pd.DataFrame | None = None) -> Fragment:
    """How many signatories a document lists, by kind, beside the count it states of itself."""
    group = signatories[signatories["doc_id"] == doc_id]
    kinds = group["kind"].value_counts()
    claim = stated_signers(stated_counts[stated_counts["doc_id"] == doc_id])
    note = "counted from the document's list of signatories"
    if claim.empty:
        counted, says = Figure(len(group), note=note), ""
    else:
        stated = claim.iloc[0]
        counted = derived(len(group), note + "; the document states its own count:", figure_from_row(stated["stated"], stated, documents))
        says = f"; it states {format_number(stated['stated'])}"
    by_kind = [plural(int(kinds.get("organisation", 0)), "organisation"), plural(int(kinds.get("individual", 0)), "individual")]
    if kinds.get("state", 0):
        by_kind.append(plural(int(kinds["state"]), "state"))
    listed = ", ".join(by_kind[:-1]) + " and " + by_kind[-1]
    return paragraph(document_title(documents, doc_id), " lists ", counted, " signatories: ", listed, says, ".")


def _number_class(column: str, numeric: set[str]) -> str:
    return ' class="nkhr-number"' if column in numeric else ""


#: A page shows at most this many rows of a table; the report's tables/ folder holds them all.
MAX_TABLE_ROWS = 200
#: Prose lists (disagreements, letters) name at most this many items on a page.
MAX_LIST_ITEMS = 25


def capped(frame: pd.DataFrame, what: str, table_file: str, limit: int = MAX_LIST_ITEMS) -> tuple[pd.DataFrame, Fragment | None]:
    """The first ``limit`` rows to spell out in prose, and a note naming where the rest are.

    >>> rows, more = capped(pd.DataFrame({"x": range(30)}), "disagreements", "conflicts.csv", limit=25)
    >>> len(rows), "5 more disagreements" in more.html()
    (25, True)
    """
    if len(frame) <= limit:
        return frame, None
    rest = len(frame) - limit
    note = (f'<p class="nkhr-note">… and {format_number(rest)} more {_escape(what)}: every one, with its quotes, is in '
            f'<a href="tables/{_escape(table_file)}">tables/{_escape(table_file)}</a>.</p>')
    return frame.head(limit), Fragment(note, f"and {rest} more {what}")


def table(
    frame: pd.DataFrame, columns: Sequence[str] | dict[str, str] | None = None, *,
    quote: str | None = "quote", documents: pd.DataFrame | None = None, searchable: bool = False,
    caption: str = "", max_rows: int | None = MAX_TABLE_ROWS,
) -> Fragment:
    """An escaped HTML table; with ``quote``, a last column expands each row's source quote.

    ``columns`` maps column names to headers (or lists the names to show).
    Searchable tables get a filter box and sortable headers in the page. Past
    ``max_rows`` the first rows are shown and a note says where every row is, so a
    large corpus does not turn a page into megabytes of rows.
    """
    total = len(frame)
    if max_rows is not None and total > max_rows:
        frame = frame.head(max_rows)
        note = (f"Showing the first {format_number(max_rows)} of {format_number(total)} rows. Every row, with its quote "
                'and offsets, is in the CSV and Parquet files of <a href="tables/datapackage.json">tables/</a> beside this page.')
        caption_note = f'<p class="nkhr-note">{note}</p>'
    else:
        caption_note = ""
    headers = dict(columns) if isinstance(columns, dict) else {c: c.replace("_", " ") for c in (columns or frame.columns)}
    has_quote = quote is not None and quote in frame.columns
    numeric = {c for c in headers if c in frame.columns and pd.api.types.is_numeric_dtype(frame[c])}
    head = "".join(
        f"<th scope=\"col\"{_number_class(c, numeric)}>{_escape(h)}</th>"
        for c, h in headers.items()
    )
    if has_quote:
        head += '<th scope="col">source</th>'
    rows = []
    for _, row in frame.iterrows():
        cells = "".join(
            f"<td{_number_class(c, numeric)}>{_escape(format_number(row[c]) if c in numeric and not pd.isna(row[c]) else row[c])}</td>"
            for c in headers
        )
        if has_quote:
            source = figure_from_row("quote", row, documents) if _text(row.get(quote)) else None
            cells += f"<td>{source.html() if source else ''}</td>"
        rows.append(f"<tr>{cells}</tr>")
    classes = "nkhr-table nkhr-searchable" if searchable else "nkhr-table"
    cap = f"<caption>{_escape(caption)}</caption>" if caption else ""
    markup = (
        f'<div class="nkhr-table-wrap"><table class="{classes}">{cap}<thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )
    return Fragment(markup + caption_note, f"<table of {total} rows>")


#: Shown in place of a document field the text does not state: an empty field is a finding.
NOT_STATED = '<span class="nkhr-missing" title="the text does not state it">not stated</span>'
CURATOR_NOTE = "set by the curator in metadata.csv"


def _fact_figure(value: str, facts: pd.DataFrame, documents: pd.DataFrame | None) -> Figure:
    """One value of a document field, opening to the words it rests on or to the curator's note."""
    curated = facts[facts["curated"].fillna(False).astype(bool)]
    if len(curated):
        parsed = facts[~facts["curated"].fillna(False).astype(bool) & facts["quote"].notna()]
        note = CURATOR_NOTE
        if len(parsed):
            note += "; the text states: " + "; ".join(dict.fromkeys(parsed["value"]))
        sources = tuple(Source(_text(r.quote), _text(r.doc_id), document_title(documents, _text(r.doc_id)),
                               _int_or_none(r.start), _int_or_none(r.end), _int_or_none(getattr(r, "page", None)))
                        for r in parsed.itertuples())
        return Figure(value, note=note, sources=sources)
    row = facts.iloc[0]
    figure = figure_from_row(value, row, documents)
    return Figure(value, quote=figure.quote, doc_id=figure.doc_id, document=figure.document, start=figure.start,
                  end=figure.end, page=figure.page, note=f"read by the rule '{_text(row['rule'])}'")


def document_field(doc_id: str, field_name: str, value: object, facts: pd.DataFrame,
                   documents: pd.DataFrame | None = None) -> Fragment:
    """A document's field as a table cell: each value opens to its evidence; an empty field says so.

    >>> facts = pd.DataFrame({"doc_id": ["d"], "field": ["date"], "value": ["2021-05-05"], "quote": ["May 5, 2021"],
    ...                       "start": [10], "end": [21], "rule": ["dateline"], "curated": [False]})
    >>> cell = document_field("d", "date", "2021-05-05", facts).html()
    >>> "May 5, 2021" in cell and "dateline" in cell
    True
    >>> document_field("d", "kind", None, facts).html() == NOT_STATED
    True
    """
    text = _text(value)
    if not text:
        return Fragment(NOT_STATED, "not stated")
    of_field = facts[(facts["doc_id"] == doc_id) & (facts["field"] == field_name)]
    if of_field.empty:
        return Fragment(_escape(text), text)
    if of_field["curated"].fillna(False).astype(bool).any():
        # a curated value shows beside what the text states, so a reader sees both
        return Fragment(_fact_figure(text, of_field, documents).html(), text)
    parts = []
    for item in (text.split("; ") if field_name == "issuers" else [text]):
        same_value = of_field[of_field["value"] == item]
        parts.append(_fact_figure(item, same_value if len(same_value) else of_field, documents).html())
    return Fragment("; ".join(parts), text)


def documents_table(documents: pd.DataFrame, facts: pd.DataFrame, columns: dict[str, str], *,
                    caption: str = "", searchable: bool = True, max_rows: int | None = MAX_TABLE_ROWS) -> Fragment:
    """The documents table with every field opening to its quote ("set by the curator" where curated).

    ``columns`` maps columns of ``documents`` to headers; the document fields among
    them (title, date, kind, issuers, addressee, language, organisation) open to
    their evidence in ``facts`` (the ``document_facts`` table). Past ``max_rows`` the
    first rows are shown and a note says where every row is, as :func:`table` does.
    """
    total = len(documents)
    note = ""
    if max_rows is not None and total > max_rows:
        documents = documents.head(max_rows)
        note = (f'<p class="nkhr-note">Showing the first {format_number(max_rows)} of {format_number(total)} documents. '
                'Every document, and every fact with its quote, is in documents.csv and document_facts.csv of '
                '<a href="tables/datapackage.json">tables/</a> beside this page.</p>')
    facts = facts[facts["doc_id"].isin(set(documents["doc_id"]))]
    numeric = {c for c in columns if c in documents.columns and pd.api.types.is_numeric_dtype(documents[c])}
    head = "".join(f'<th scope="col"{_number_class(c, numeric)}>{_escape(h)}</th>' for c, h in columns.items())
    rows = []
    for _, row in documents.iterrows():
        cells = []
        for column in columns:
            if column in FIELDS:
                cell = document_field(row["doc_id"], column, row[column], facts, documents).html()
            elif column in numeric and not pd.isna(row[column]):
                cell = _escape(format_number(row[column]))
            else:
                cell = _escape(row[column])
            cells.append(f"<td{_number_class(column, numeric)}>{cell}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    classes = "nkhr-table nkhr-searchable" if searchable else "nkhr-table"
    cap = f"<caption>{_escape(caption)}</caption>" if caption else ""
    markup = (f'<div class="nkhr-table-wrap"><table class="{classes}">{cap}<thead><tr>{head}</tr></thead>'
              f'<tbody>{"".join(rows)}</tbody></table></div>')
    return Fragment(markup + note, f"<table of {total} documents>")


def show(corpus, frame: pd.DataFrame, columns: Sequence[str] | dict[str, str] | None = None, *, caption: str = "",
         max_rows: int | None = MAX_TABLE_ROWS) -> Fragment:
    """Any table of ``corpus`` with its quotes openable: the report's renderer, in JupyterLab as on the pages.

    The documents table opens each field to its evidence (:func:`documents_table`); any
    other frame with ``quote``, ``start`` and ``end`` gets a source column. Tables are
    searchable and sortable in the report's pages.
    """
    if {"doc_id", "title", "date"} <= set(frame.columns) and "source" in frame.columns:
        shown = dict(columns) if isinstance(columns, dict) else {c: c.replace("_", " ") for c in (
            columns or ["label", "date", "title", "kind", "issuers", "addressee", "language"])}
        return documents_table(frame.head(max_rows) if max_rows else frame, corpus.document_facts, shown, caption=caption)
    visible = columns or [c for c in frame.columns if c not in ("quote", "start", "end", "page")]
    return table(frame, visible, documents=corpus.documents, searchable=True, caption=caption, max_rows=max_rows)
