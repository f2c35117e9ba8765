"""The parsed corpus: every table of the project, built from one directory of statements."""

from __future__ import annotations

import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from . import paths, schema
from .paths import fingerprint_files
from .code.asks import extract_asks
from .code.claims import extract_claims
from .code.context import in_context, kwic
from .code.conflicts import find_conflicts
from .code.themes import code_themes, load_taxonomy
from .describe.curation import apply_curation, read_curation
from .describe.labels import document_labels
from .errors import CorpusNotFoundError, OffsetError
from .extract.signatories import canonicalise_names
from .parsing import parse_source
from .read.reading import CURATION_FILE, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, list_corpus_files, read_source

#: Below this many bytes a corpus parses faster in one process than it starts a pool.
PARALLEL_THRESHOLD_BYTES = 2_000_000
#: Progress is reported only for corpora at least this large.
PROGRESS_MIN_FILES = 200
_PARSED_TABLES = ("documents", "document_facts", "passages", "membership", "meetings", "signatories", "countries",
                  "stated_counts", "problems", "pages")


@dataclass(frozen=True)
class Corpus:
    """Tidy, source-linked tables parsed from a directory of statements.

    Every table is a pandas DataFrame whose columns are declared in
    :mod:`nkhr.schema`. Rows with ``quote``/``start``/``end`` point into
    ``source_text(doc_id)``.
    """

    directory: Path
    documents: pd.DataFrame
    document_facts: pd.DataFrame
    passages: pd.DataFrame
    membership: pd.DataFrame
    meetings: pd.DataFrame
    signatories: pd.DataFrame
    countries: pd.DataFrame
    stated_counts: pd.DataFrame
    problems: pd.DataFrame
    themes: pd.DataFrame
    asks: pd.DataFrame
    claims: pd.DataFrame
    conflicts: pd.DataFrame
    #: the pages of paged sources (PDF): source, page, start, end
    pages: pd.DataFrame
    #: source file name -> the text that offsets point into
    texts: dict[str, str] = field(repr=False)
    #: content hash of the corpus files and the taxonomy
    fingerprint: str = ""

    TABLE_NAMES = (
        "documents", "document_facts", "passages", "membership", "meetings", "signatories", "countries",
        "stated_counts", "problems", "themes", "asks", "claims", "conflicts", "pages",
    )

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every table by name, in a stable order."""
        return {name: getattr(self, name) for name in self.TABLE_NAMES}

    def source_text(self, doc_id: str) -> str:
        """Return the source text that ``doc_id``'s offsets point into."""
        source = self.documents.loc[self.documents["doc_id"] == doc_id, "source"]
        if source.empty:
            raise KeyError(f"no document {doc_id!r} in the corpus at {self.directory}")
        return self.texts[source.iloc[0]]

    def date_range(self) -> tuple[str, str]:
        """Return the earliest and latest document dates (ISO strings)."""
        dates = self.documents["date"].dropna().sort_values()
        return (dates.iloc[0], dates.iloc[-1]) if len(dates) else ("", "")

    # -- exploring -------------------------------------------------------------------

    def texts_by_doc(self) -> dict[str, str]:
        """Each document's source text (the text its offsets point into), by doc_id."""
        return {doc: self.texts[source] for doc, source in zip(self.documents["doc_id"], self.documents["source"])}

    def kwic(self, pattern, window: int = 8, *, regex: bool = False, counted_only: bool = True) -> pd.DataFrame:
        """Keyword in context: every match of a word, phrase, wildcard (``abduct*``) or regular expression.

        Columns ``doc_id``, ``label``, ``date``, ``passage``, ``left``, ``match``, ``right``,
        ``start``, ``end``, with ``source_text(doc_id)[start:end] == match``. A pattern in
        capitals matches capitals only, as the taxonomy's acronyms do. See :mod:`nkhr.code.context`.
        """
        return kwic(self.passages, self.texts_by_doc(), pattern, window=window, regex=regex,
                    documents=self.documents, counted_only=counted_only)

    def in_context(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (themes, asks, claims or any table with ``doc_id`` and ``start``) with the sentence of each row."""
        return in_context(frame, self.passages, self.texts_by_doc())

    def select(self, years=None, issuers=None, kinds=None, documents=None) -> "Corpus":
        """A Corpus of the documents that match every filter given, each table filtered alike.

        ``years``: a year, or a ``(first, last)`` pair with ``None`` for an open end
        (undated documents drop out once a year is asked for); ``issuers``, ``kinds`` and
        ``documents``: a value or a list of them (issuers match any of a document's
        issuers, case folded; documents are doc_ids or labels). Problems concern files,
        not documents, and are kept whole; with no filter the corpus itself is returned.
        """
        if all(value is None for value in (issuers, kinds, documents)) and (
                years is None or (not isinstance(years, (int, str)) and all(y is None for y in years))):
            return self
        docs = self.documents
        keep = pd.Series(True, index=docs.index)
        first, last = (years, years) if isinstance(years, (int, str)) or years is None else tuple(years)
        if first is not None or last is not None:
            year = docs["year"]
            keep &= year.notna()
            if first is not None:
                keep &= year >= int(first)
            if last is not None:
                keep &= year <= int(last)
        if issuers is not None:
            wanted = {str(i).casefold() for i in ([issuers] if isinstance(issuers, str) else issuers)}
            keep &= docs["issuers"].fillna("").map(lambda value: bool(wanted & {i.casefold() for i in value.split("; ")}))
        if kinds is not None:
            wanted = {str(k).casefold() for k in ([kinds] if isinstance(kinds, str) else kinds)}
            keep &= docs["kind"].fillna("").str.casefold().isin(wanted)
        if documents is not None:
            wanted = {str(d) for d in ([documents] if isinstance(documents, str) else documents)}
            keep &= docs["doc_id"].isin(wanted) | docs["label"].isin(wanted)
        kept = set(docs.loc[keep.fillna(False).astype(bool), "doc_id"])
        sources = set(docs.loc[docs["doc_id"].isin(kept), "source"])
        changes = {}
        for name, frame in self.tables().items():
            if "doc_id" in frame.columns:
                changes[name] = frame[frame["doc_id"].isin(kept)].reset_index(drop=True)
            elif "doc_id_a" in frame.columns:
                changes[name] = frame[frame["doc_id_a"].isin(kept) & frame["doc_id_b"].isin(kept)].reset_index(drop=True)
            elif name == "pages":
                changes[name] = frame[frame["source"].isin(sources)].reset_index(drop=True)
        return replace(self, **changes)

    def summary(self) -> dict:
        """The few facts a reader wants first: documents, dates, kinds, rows per table, problems, fingerprint."""
        first, last = self.date_range()
        kinds = self.documents["kind"].fillna("not stated").value_counts().to_dict()
        problems = self.problems["severity"].value_counts().to_dict() if len(self.problems) else {}
        return {"directory": str(self.directory), "documents": len(self.documents), "first_date": first,
                "last_date": last, "kinds": kinds, "problems": problems, "fingerprint": self.fingerprint,
                "rows": {name: len(frame) for name, frame in self.tables().items()}}

    def __repr__(self) -> str:
        about = self.summary()
        kinds = ", ".join(f"{n} {k}" for k, n in about["kinds"].items()) or "none"
        problems = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in about["problems"].items()) or "none"
        rows = ", ".join(f"{name} {n}" for name, n in about["rows"].items())
        dated = f"dated {about['first_date']} to {about['last_date']}" if about["first_date"] else "undated"
        return (f"<Corpus {about['directory']}: {about['documents']} documents, {dated}\n"
                f"  kinds: {kinds}\n  problems: {problems}\n  rows: {rows}\n  fingerprint {about['fingerprint']}>")

    def _repr_html_(self) -> str:
        import html

        about = self.summary()
        cells = [
            ("documents", f"{about['documents']}"),
            ("dates", f"{about['first_date']} to {about['last_date']}" if about["first_date"] else "undated"),
            ("kinds", ", ".join(f"{n} {k}" for k, n in about["kinds"].items()) or "none"),
            ("problems", ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in about["problems"].items()) or "none"),
            ("rows", ", ".join(f"{name} {n}" for name, n in about["rows"].items())),
            ("fingerprint", about["fingerprint"]),
        ]
        body = "".join(f"<tr><th scope='row' style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>"
                       f"{html.escape(v)}</td></tr>" for k, v in cells)
        return f"<table><caption>Corpus {html.escape(about['directory'])}</caption>{body}</table>"


def _rule_files() -> list[Path]:
    """The editable rule files whose content changes what a corpus parses into."""
    return sorted(paths.PACKAGE_DATA.glob("*.yml"))


def _curation_files(directory: Path) -> list[Path]:
    """The curator's metadata.csv when there is one: a changed correction re-parses the corpus."""
    curation = Path(directory) / CURATION_FILE
    return [curation] if curation.is_file() else []


def corpus_fingerprint(directory: str | Path) -> str:
    """Fingerprint of a corpus directory's files, its metadata.csv and the rule files, computed without parsing.

    The report prints it in place of a generation time, so two builds from the same
    inputs are identical and a changed input shows.
    """
    files = [p for p in list_corpus_files(directory) if p.is_file()]
    return fingerprint_files(files, _curation_files(Path(directory)) + _rule_files())


def _code_fingerprint() -> str:
    """Hash of the package's own source, so a changed parser never reads a stale cache."""
    return fingerprint_files(sorted(paths.PACKAGE.rglob("*.py")))


def _process_chunk(files: list[Path], max_bytes: int, max_pages: int = DEFAULT_MAX_PAGES) -> tuple[dict[str, str], dict[str, pd.DataFrame]]:
    """Read, parse and code a chunk of files: the unit of work of one worker process.

    Everything that needs only one document (parsing, themes, asks, claims) happens
    here, so a large corpus uses every core; conflicts compare documents and are
    found once all chunks are back.
    """
    rows: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    for path in files:
        source, problems = read_source(path, max_bytes, max_pages)
        if source is None:
            rows.setdefault("problems", []).extend(problems)
            continue
        texts[source.name] = source.text
        for table, table_rows in parse_source(source).items():
            rows.setdefault(table, []).extend(table_rows)
    frames = {name: schema.build_frame(name, rows.get(name, [])) for name in _PARSED_TABLES}
    documents = frames["documents"]
    texts_by_doc = {doc: texts[source] for doc, source in zip(documents["doc_id"], documents["source"])}
    # The taxonomy and the asks are English rules: other languages are kept, counted and left uncoded.
    english = frames["passages"][frames["passages"]["language"].fillna("en") == "en"]
    themes = code_themes(english, texts_by_doc, load_taxonomy())
    frames["themes"] = themes
    frames["asks"] = extract_asks(english, texts_by_doc, themes)
    frames["claims"] = extract_claims(frames["passages"], texts_by_doc)
    return texts, frames


def _chunks(files: list[Path], size: int) -> list[list[Path]]:
    return [files[i : i + size] for i in range(0, len(files), size)]


def _process_all(files: list[Path], max_bytes: int, jobs: int, progress: Callable[[str], None] | None,
                 max_pages: int = DEFAULT_MAX_PAGES):
    """Yield each chunk's results in file order, in worker processes when the corpus is large."""
    total_bytes = sum(p.stat().st_size for p in files if p.is_file())
    if jobs > 1 and len(files) > 1 and total_bytes > PARALLEL_THRESHOLD_BYTES:
        chunks = _chunks(files, max(1, -(-len(files) // (jobs * 6))))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(_process_chunk, chunks, [max_bytes] * len(chunks), [max_pages] * len(chunks))
            done = 0
            for chunk, result in zip(chunks, results):
                done += len(chunk)
                if progress and len(files) >= PROGRESS_MIN_FILES:
                    progress(f"parsed {done}/{len(files)} files")
                yield result
    else:
        yield _process_chunk(files, max_bytes, max_pages)


def _combine(results) -> tuple[dict[str, str], dict[str, pd.DataFrame]]:
    texts: dict[str, str] = {}
    parts: dict[str, list[pd.DataFrame]] = {}
    for chunk_texts, chunk_frames in results:
        texts.update(chunk_texts)
        for name, frame in chunk_frames.items():
            parts.setdefault(name, []).append(frame)
    frames = {name: pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] for name, frames in parts.items()}
    frames["signatories"] = canonicalise_names(frames["signatories"])
    counts = frames["stated_counts"]
    frames["stated_counts"] = counts.assign(difference=counts["counted"] - counts["stated"])
    return texts, frames


def _with_pages(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Fill ``page`` of every row with a quote from the pages of its source (PDF); others stay empty."""
    pages = frames["pages"]
    if pages.empty:
        return frames
    source_of = dict(zip(frames["documents"]["doc_id"], frames["documents"]["source"]))
    starts = {src: group.sort_values("start") for src, group in pages.groupby("source")}
    out = dict(frames)
    for table in schema.QUOTED_TABLES:
        frame = frames[table]
        if frame.empty or "page" not in frame.columns:
            continue
        found = []
        for doc_id, start in zip(frame["doc_id"], frame["start"]):
            group = starts.get(source_of.get(doc_id))
            if group is None or pd.isna(start):
                found.append(None)
                continue
            index = int(np.searchsorted(group["start"].to_numpy(), int(start), side="right")) - 1
            found.append(int(group["page"].iloc[index]) if index >= 0 else None)
        out[table] = frame.assign(page=pd.array(found, dtype="Int64"))
    return out


def check_offsets(table: str, frame: pd.DataFrame, texts_by_doc: Mapping[str, str]) -> None:
    """Raise OffsetError unless every row's ``text[start:end]`` equals its quote.

    Rows without offsets (a curator's values, which rest on no words of the text) are skipped.
    """
    for doc_id, start, end, quote in frame[["doc_id", "start", "end", "quote"]].itertuples(index=False):
        if pd.isna(start):
            continue
        found = texts_by_doc[doc_id][start:end]
        if found != quote:
            raise OffsetError(table, doc_id, start, end, quote, found)


def load_corpus(
    path: str | Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    jobs: int | None = None,
    cache: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> Corpus:
    """Parse every statement in ``path`` into a :class:`Corpus`.

    No ``path`` reads the project's seeds; a relative path is looked for from the
    working folder, then from the project root (so ``"seeds"`` works from ``notebooks/``).

    Files that cannot be parsed (unsupported format, binary, empty, too large) are
    listed in ``corpus.problems`` with the reason; only a missing or empty directory
    raises. ``jobs`` worker processes parse large corpora (default: every core).
    A curator's ``metadata.csv`` in ``path`` sets or corrects document fields
    (:mod:`nkhr.describe.curation`); its problems join ``corpus.problems``.
    Parsed corpora are cached under ``paths.CACHE`` by the content hash of the corpus
    files, metadata.csv, the rule files and the package code; set ``cache=False`` or the
    environment variable ``NKHR_CACHE=off`` to parse afresh.

    >>> corpus = load_corpus()
    >>> corpus.documents["kind"].value_counts().to_dict()
    {'joint statement': 4, 'open letter': 2}
    """
    directory = paths.find_corpus(path)
    if not directory.is_dir():
        raise CorpusNotFoundError(directory, paths.candidates(path))
    files = list_corpus_files(directory)
    fingerprint = fingerprint_files([p for p in files if p.is_file()], _curation_files(directory) + _rule_files())
    use_cache = cache if cache is not None else paths.cache_enabled()
    cache_file = paths.CACHE / f"corpus-{fingerprint}-{_code_fingerprint()}-{max_bytes}-{max_pages}.pkl"
    if use_cache and cache_file.exists():
        try:
            with cache_file.open("rb") as handle:
                cached = pickle.load(handle)
            return replace(cached, directory=directory)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a damaged cache entry is rebuilt below
    texts, frames = _combine(_process_all(files, max_bytes, jobs or os.cpu_count() or 1, progress, max_pages))
    # the curator's values come before conflicts, which compare documents' organisations and dates
    frames = apply_curation(read_curation(directory), frames, file_names=[p.name for p in files])
    # labels are unique across the corpus and use curated values, so they are set last
    frames["documents"] = frames["documents"].assign(label=document_labels(frames["documents"]))
    source_of = dict(zip(frames["documents"]["doc_id"], frames["documents"]["source"]))
    texts_by_doc = {doc_id: texts[source] for doc_id, source in source_of.items()}
    frames["conflicts"] = find_conflicts(
        frames["claims"], frames["membership"], frames["meetings"], frames["stated_counts"], texts_by_doc,
        signatories=frames["signatories"], documents=frames["documents"],
    )
    frames = _with_pages(frames)
    for table in schema.QUOTED_TABLES:
        check_offsets(table, frames[table], texts_by_doc)
    corpus = Corpus(directory=directory, texts=texts, fingerprint=fingerprint, **frames)
    if use_cache:
        _write_cache(cache_file, corpus)
    return corpus


def _write_cache(cache_file: Path, corpus: Corpus) -> None:
    """Write atomically, so a concurrent reader never sees half a file."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache_file)
    except OSError:
        pass  # caching is an optimisation; a read-only checkout still parses
