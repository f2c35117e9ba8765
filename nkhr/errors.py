"""One exception hierarchy for the package, with structured fields a caller can act on."""

from __future__ import annotations

from pathlib import Path


class NkhrError(Exception):
    """Base class of every error nkhr raises on purpose."""


class CorpusNotFoundError(NkhrError):
    """The corpus directory does not exist or is not a directory."""

    def __init__(self, path: Path | str, looked_in: list[Path] | None = None):
        self.path, self.looked_in = Path(path), [Path(p) for p in (looked_in or [])]
        where = f" (looked in {', '.join(str(p) for p in self.looked_in)})" if len(self.looked_in) > 1 else ""
        super().__init__(f"{self.path}: corpus directory not found{where}; expected a folder of .txt, .md, .html, .pdf or .docx statements")


class EmptyCorpusError(NkhrError):
    """The corpus directory holds no files at all."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        super().__init__(f"{self.path}: corpus directory is empty; expected at least one .txt, .md, .html, .pdf or .docx statement")


class SourceError(NkhrError):
    """A source file could not be read or parsed as expected."""

    def __init__(self, file: str, line: int | None, expected: str, found: str):
        self.file, self.line, self.expected, self.found = file, line, expected, found
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: expected {expected}, found {found}")


class OffsetError(NkhrError):
    """A row's character offsets do not reproduce its quote in the source text."""

    def __init__(self, table: str, doc_id: str, start: int, end: int, quote: str, found: str):
        self.table, self.doc_id, self.start, self.end = table, doc_id, start, end
        self.quote, self.found = quote, found
        super().__init__(
            f"{table}: row of {doc_id} at [{start}:{end}] should quote {quote!r} but the source has {found!r}"
        )


class TaxonomyError(NkhrError):
    """The theme taxonomy file is malformed."""

    def __init__(self, file: Path | str, line: int | None, expected: str, found: str):
        self.file, self.line, self.expected, self.found = Path(file), line, expected, found
        where = f"{self.file}:{line}" if line else str(self.file)
        super().__init__(f"{where}: expected {expected}, found {found}")


class CurationError(NkhrError):
    """A row of a curator's metadata.csv cannot be applied."""

    def __init__(self, file: str, line: int | None, expected: str, found: str):
        self.file, self.line, self.expected, self.found = file, line, expected, found
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: expected {expected}, found {found}")


class TemplateExistsError(NkhrError):
    """A curation template would overwrite a curator's metadata.csv."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        super().__init__(
            f"{self.path}: already exists and may hold a curator's corrections; expected no metadata.csv, "
            "so the template is not written (add --force to replace it)"
        )


class EvaluationError(NkhrError):
    """An evaluation set's expected facts cannot be read or do not fit the parsed corpus."""

    def __init__(self, file: str, expected: str, found: str):
        self.file, self.expected, self.found = file, expected, found
        super().__init__(f"{file}: expected {expected}, found {found}")


class ReportError(NkhrError):
    """Building the report failed; the previous report was left in place."""


class NotebookExecutionError(ReportError):
    """A notebook raised an exception while the report was being built."""

    def __init__(self, notebook: str, cell_index: int | None, error_name: str, error_value: str, kept_at: Path | None = None):
        self.notebook, self.cell_index = notebook, cell_index
        self.error_name, self.error_value, self.kept_at = error_name, error_value, kept_at
        cell = f"cell {cell_index}" if cell_index is not None else "an unknown cell"
        kept = f"; the executed notebook is kept at {kept_at}" if kept_at else ""
        super().__init__(f"{notebook}: {cell} raised {error_name}: {error_value}{kept}")


class NotebookFormatError(ReportError):
    """A file in the notebooks folder is not a readable Jupyter notebook."""

    def __init__(self, notebook: Path | str, reason: str):
        self.notebook, self.reason = Path(notebook).name, reason
        super().__init__(f"{notebook}: not a readable notebook ({reason}); expected a Jupyter notebook in format 4")


class PageRenderError(ReportError):
    """A notebook ran, but its page of the report could not be rendered."""

    def __init__(self, notebook: str, error_name: str, error_value: str, kept_at: Path | None = None):
        self.notebook, self.error_name, self.error_value, self.kept_at = notebook, error_name, error_value, kept_at
        kept = f"; the executed notebook is kept at {kept_at}" if kept_at else ""
        super().__init__(f"{notebook}: ran, but rendering its page failed with {error_name}: {error_value}{kept}")


class ReportLockedError(ReportError):
    """Another report build holds the lock on the output directory."""

    def __init__(self, lock_path: Path):
        self.lock_path = lock_path
        super().__init__(f"{lock_path}: another report build is running; wait for it or remove the lock if it is stale")


class ParameterError(ReportError):
    """A report parameter that no notebook declares, or a value a notebook cannot take."""
