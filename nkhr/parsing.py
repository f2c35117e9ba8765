"""Parsing one source file into rows of every per-document table.

The function here is the unit of work that :func:`nkhr.corpus.load_corpus` runs
for each file (in parallel for large corpora): it takes a :class:`Source` and
returns plain row dicts, so results pickle cheaply between processes.
"""

from __future__ import annotations

import hashlib

from .describe.facts import MISSING, fact_rows
from .describe.issuers import acronyms
from .describe.metadata import DocumentDescription, describe_document
from .describe.un_documents import draft_sponsor_span
from .extract.countries import display_name, find_countries, normalise_country
from .extract.dates import DateMatch
from .extract.meetings import find_meetings
from .extract.membership import find_membership
from .extract.signatories import Signatory, find_signatories
from .extract.stated_counts import stated_counts
from .read.languages import passage_languages
from .read.reading import Source, problem
from .read.segmenting import LineIndex, Passage, split_documents, split_passages

_ROLE_PRIORITY = {"issuer": 0, "founder": 1, "host": 2, "subject": 3}


def _doc_ids(stem: str, count: int) -> list[str]:
    return [stem] if count == 1 else [f"{stem}-{k}" for k in range(1, count + 1)]


def _passage_rows(doc_id: str, passages: list[Passage], languages: list[str]) -> list[dict]:
    return [
        {"doc_id": doc_id, "n": p.n, "kind": p.kind, "language": language, "text": p.text, "start": p.start,
         "end": p.end, "line": p.line, "duplicate_of": p.duplicate_of, "boilerplate": p.boilerplate, "counted": p.counted}
        for p, language in zip(passages, languages)
    ]


def _document_row(doc_id: str, source: Source, start: int, end: int, about: DocumentDescription,
                  passages: list[Passage]) -> dict:
    date = about.date
    title = next((f for f in about.facts if f.field == "title"), None)
    return {
        "doc_id": doc_id, "source": source.name, "title": about.value("title") or None,
        "date": date.iso if date else None, "year": date.year if date else None,
        "kind": about.value("kind") or None, "issuers": about.value("issuers"),
        "addressee": about.value("addressee") or None, "language": about.value("language") or None,
        "organisation": about.value("organisation") or None, "curated": "",
        "n_passages": sum(p.counted and p.kind == "body" for p in passages),
        "digest": hashlib.sha256(source.text[start:end].encode("utf-8")).hexdigest()[:16],
        "start": start, "end": end,
        "title_start": title.start if title else None, "title_end": title.end if title else None,
    }


def _mark_furniture(passages: list[Passage], furniture: list[tuple[int, int]]) -> None:
    """A PDF's running headers, footers and page numbers are page furniture, never body, list or title."""
    if not furniture:
        return
    for passage in passages:
        if _is_furniture(passage, furniture):
            passage.boilerplate, passage.kind = True, "boilerplate"


def _is_furniture(passage: Passage, furniture: list[tuple[int, int]]) -> bool:
    return any(a <= passage.start and passage.end <= b for a, b in furniture)


def _organisation_names(text: str, start: int, end: int):
    """One spelling per coalition within a document: the acronym where the document defines one.

    A count's sentence may say "APN" while the document is by the "Asia Parliamentary
    Network (APN)"; both must name one organisation, or its growth is split in two.
    """
    defined = acronyms(text, start, end)

    def named(value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            return ""
        folded = " ".join(value.replace("’", "'").split()).casefold().removeprefix("the ")
        return defined.get(folded, value)

    return named


def _missing_warnings(source: Source, doc_id: str, about: DocumentDescription, passages: list[Passage]) -> list[dict]:
    """One warning per field the text does not support: the field stays empty, never invented."""
    line = passages[0].line if passages else None
    return [problem(source.name, line, "warning", f"{doc_id}: {message}")
            for name, message in about.missing.items() if name in MISSING]


def _unread_languages(source: Source, doc_id: str, passages: list[Passage], languages: list[str]) -> list[dict]:
    """A warning for text in a language the English rules do not read (themes, asks, lists)."""
    unread: dict[str, Passage] = {}
    for passage, language in zip(passages, languages):
        if passage.counted and language != "en" and len(passage.text) >= 20:
            unread.setdefault(language, passage)
    return [problem(source.name, passage.line, "warning",
                    f"{doc_id}: {language!r} text (from line {passage.line}) is not read for themes, asks and lists; "
                    "stated counts in Korean are read as claims")
            for language, passage in unread.items()]


def _signatory_rows(doc_id: str, text: str, entries: list[Signatory]) -> list[dict]:
    return [
        {"doc_id": doc_id, "name": s.name_as_written, "name_as_written": s.name_as_written, "kind": s.kind,
         "country": s.country, "iso3": s.iso3, "role": s.role,
         "quote": text[s.start : s.end], "start": s.start, "end": s.end}
        for s in entries
    ]


def _country_rows(doc_id: str, text: str, passages: list[Passage], role_spans: dict[str, list[tuple[int, int]]],
                  entries: list[Signatory], issuers: list[str]) -> list[dict]:
    rows: dict[tuple[int, int], dict] = {}
    # Only a country that is itself an issuer counts as one: "the UK All-Party Group" is not the UK.
    issuing = {found[1] for found in map(normalise_country, issuers) if found}
    readable = [p for p in passages if p.counted and p.kind in ("body", "heading")]
    for passage in readable:
        for mention in find_countries(text, passage.start, passage.end):
            role = "subject"
            for candidate, spans in role_spans.items():
                inside = any(a <= mention.start and mention.end <= b for a, b in spans)
                if candidate == "issuer" and mention.iso3 not in issuing:
                    continue
                if inside and _ROLE_PRIORITY[candidate] < _ROLE_PRIORITY[role]:
                    role = candidate
            rows[(mention.start, mention.end)] = {
                "doc_id": doc_id, "country": mention.country, "iso3": mention.iso3, "role": role,
                "as_written": mention.as_written, "quote": mention.as_written, "start": mention.start, "end": mention.end,
            }
    for entry in entries:
        if entry.country_start is None:
            continue
        rows[(entry.country_start, entry.country_end)] = {
            "doc_id": doc_id, "country": display_name(entry.iso3), "iso3": entry.iso3, "role": "signatory_country",
            "as_written": entry.country, "quote": entry.country, "start": entry.country_start, "end": entry.country_end,
        }
    return [rows[key] for key in sorted(rows)]


def _truncation_warnings(source: Source, doc_id: str, passages: list[Passage], in_lists: set[int]) -> list[dict]:
    text_passages = [p for p in passages if p.counted and p.n not in in_lists and p.kind in ("body", "heading")]
    if not text_passages:
        return [problem(source.name, passages[0].line if passages else None, "warning",
                        f"{doc_id}: no running text found; expected paragraphs of a statement")]
    last = text_passages[-1]
    if last.text.endswith(":"):
        return [problem(source.name, last.line, "warning",
                        f"{doc_id} looks truncated: it ends at {last.text[-60:]!r} with nothing after it")]
    return []


def parse_source(source: Source) -> dict[str, list[dict]]:
    """Parse one source into rows for documents, document_facts, passages, membership, meetings, signatories,
    countries, stated_counts, problems and pages."""
    text = source.text
    tables: dict[str, list[dict]] = {name: [] for name in (
        "documents", "document_facts", "passages", "membership", "meetings", "signatories", "countries", "stated_counts",
        "problems", "pages")}
    tables["problems"] += source.problems
    tables["pages"] += [{"source": source.name, "page": n, "start": a, "end": b} for n, a, b in source.pages]
    lines = LineIndex(text)
    spans = split_documents(text)
    stem = source.name.rsplit(".", 1)[0]
    for doc_id, (start, end) in zip(_doc_ids(stem, len(spans)), spans):
        passages = split_passages(text, start, end, lines)
        languages = passage_languages([p.text for p in passages])
        english = [p for p, language in zip(passages, languages) if language == "en"]
        # a running header or page number is never a title, a date line or an issuer
        described = [(p, language) for p, language in zip(passages, languages) if not _is_furniture(p, source.furniture)]
        about = describe_document(text, [p for p, _ in described], [language for _, language in described])
        sponsors = draft_sponsor_span(text, about.un_header, start)
        # a page number between two names does not end a list: the lists are read before furniture is marked
        lists = find_signatories(text, english, sponsor_spans=[sponsors] if sponsors else [])
        for passage in passages:
            if passage.n in lists.passages and not passage.boilerplate:
                passage.kind = "list"
        _mark_furniture(passages, source.furniture)
        date: DateMatch | None = about.date
        readable = [(p.start, p.end) for p in passages if p.counted and p.kind in ("body", "heading")]
        membership, founding_counts = find_membership(text, readable, date.iso if date else "")
        meetings = find_meetings(text, readable)
        role_spans = {
            "issuer": about.spans("issuers"),
            "founder": [(r["start"], r["end"]) for r in membership if r["event"] == "founding"],
            "host": [(r["start"], r["end"]) for r in meetings if r["place"]],
        }
        tables["documents"].append(_document_row(doc_id, source, start, end, about, passages))
        tables["document_facts"] += fact_rows(doc_id, text, about.facts)
        tables["passages"] += _passage_rows(doc_id, passages, languages)
        named = _organisation_names(text, start, end)
        organisation = named(about.value("organisation")) or None
        # a count names its coalition in its own sentence where it can; else it is the document's
        tables["membership"] += [{"doc_id": doc_id, **row, "organisation": named(row.get("organisation")) or organisation}
                                 for row in membership]
        tables["meetings"] += [{"doc_id": doc_id, **row, "organisation": named(row.get("organisation")) or organisation}
                               for row in meetings]
        tables["signatories"] += _signatory_rows(doc_id, text, lists.entries)
        tables["countries"] += _country_rows(doc_id, text, passages, role_spans, lists.entries, about.issuers)
        tables["stated_counts"] += [{"doc_id": doc_id, **row} for row in founding_counts]
        tables["stated_counts"] += [{"doc_id": doc_id, **row} for row in stated_counts(text, passages, lists.entries)]
        tables["problems"] += _truncation_warnings(source, doc_id, passages, lists.passages)
        tables["problems"] += _missing_warnings(source, doc_id, about, passages)
        tables["problems"] += _unread_languages(source, doc_id, passages, languages)
    if not spans:
        tables["problems"].append(problem(source.name, None, "error", "no text found: expected at least one paragraph"))
    return tables
