"""Build the report: run every notebook with Papermill, render HTML, swap it into place.

A build never leaves a half-written report: notebooks run and render into a
staging folder inside the output directory, and its files replace the old ones
only when every notebook succeeded. A lock file keeps two overlapping builds (a
scheduled job and a person) from interleaving. A stamp records what the report
was built from, so an unchanged corpus is recognised without parsing it.

Heavy imports (papermill, nbformat, the renderer) happen inside functions so
that ``nkhr report`` answers "up to date" quickly.

>>> parse_parameter("2007"), parse_parameter("seeds"), parse_parameter("true")
(2007, 'seeds', True)
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
import threading
import time
from datetime import datetime, timezone
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Mapping

from .. import paths
from ..paths import fingerprint_files
from ..errors import (
    NkhrError,
    NotebookExecutionError,
    PageRenderError,
    ParameterError,
    ReportError,
    ReportLockedError,
)
from ..imports import lean_import

#: The Jupyter kernel the notebooks run on: the interpreter that runs the build.
KERNEL_NAME = "nkhr"
#: What the report was built from; compared to decide whether a build is needed.
STAMP_NAME = "stamp.json"
#: Where a failed build keeps the executed notebook that failed, for debugging.
FAILED_DIR = ".failed"
#: Folder of the report holding every table as CSV and Parquet, with datapackage.json.
TABLES_DIR = "tables"
LOCK_NAME = ".lock"
_STAGING_PREFIX = ".staging-"
#: Files a build writes; only these are replaced or removed in the output directory.
_ARTEFACT_SUFFIXES = (".html", ".ipynb")
_PACKAGE_DIR = paths.PACKAGE


def list_notebooks(notebooks_dir: Path | str = paths.NOTEBOOKS) -> list[Path]:
    """Return the report's notebooks in name order (``NN-verb-noun.ipynb``).

    Any notebook dropped into the folder becomes a page; hidden files and
    checkpoints are ignored.
    """
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise ReportError(f"{folder}: notebooks folder not found; expected the report's .ipynb files")
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith((".", "_")))
    if not found:
        raise ReportError(f"{folder}: no notebooks found; expected at least one NN-verb-noun.ipynb")
    return found


def parse_parameter(text: str) -> object:
    """Turn a ``-p NAME VALUE`` value into an int, float, bool, None or string."""
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "none": None, "null": None}.get(text.lower(), text)


def corpus_fingerprint(corpus: Path | str) -> str:
    """Fingerprint a corpus folder's files and the theme taxonomy, without parsing them."""
    folder = Path(corpus)
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")] if folder.is_dir() else []
    extra = [paths.TAXONOMY] if paths.TAXONOMY.is_file() else []
    return fingerprint_files(files, extra)


def _hash_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def code_fingerprint() -> str:
    """Hash the package's code, templates and data: a change to any of them rebuilds the report."""
    files = [
        p for p in _PACKAGE_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in {".py", ".j2", ".json", ".yml", ".css", ".js"}
    ]
    return _hash_files(files, _PACKAGE_DIR)


def build_stamp(corpus: Path, notebooks: list[Path], parameters: Mapping[str, object]) -> dict:
    """Describe what a report is built from: corpus, notebooks, parameters and code."""
    return {
        "corpus": corpus_fingerprint(corpus),
        "notebooks": {nb.name: hashlib.sha256(nb.read_bytes()).hexdigest()[:16] for nb in notebooks},
        "parameters": {key: parameters[key] for key in sorted(parameters)},
        "code": code_fingerprint(),
    }


def is_up_to_date(out: Path, stamp: dict) -> bool:
    """True when ``out`` holds a complete report built from exactly ``stamp``."""
    try:
        recorded = json.loads((out / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if recorded != stamp:
        return False
    names = list(stamp["notebooks"])
    from .render import page_filename  # light: no third-party imports at module level

    return all((out / page_filename(name, i)).is_file() and (out / name).is_file() for i, name in enumerate(names))


def _relative_to_root(path: Path) -> str:
    """Name a path relative to the repository when it lies inside it, so outputs do not embed machine paths."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(paths.ROOT.resolve()))
    except ValueError:
        return str(resolved)


@contextmanager
def lock_output(out: Path, timeout: float = 0.0) -> Iterator[Path]:
    """Hold an exclusive lock on ``out`` for the duration of a build.

    The lock is an ``flock`` on ``out/.lock``: the kernel releases it when the
    holder exits, even if it crashes, so a stale lock file is harmless.
    """
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / LOCK_NAME
    handle = open(lock_path, "a+")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReportLockedError(lock_path) from None
                time.sleep(0.2)
        yield lock_path
    finally:
        handle.close()  # closing the descriptor releases the flock


#: Kernel log level: ipykernel warns on every start that local TCP is unencrypted and logs
#: the interrupt Papermill sends at shutdown as an error, which would drown the progress
#: lines. A failing cell is still reported, by Papermill, with its cell and error.
_KERNEL_QUIET = "--IPKernelApp.log_level=CRITICAL"


def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """Make sure a Jupyter kernel called ``name`` runs this interpreter; install it if not.

    The kernel goes into this environment (``sys.prefix``), so a fresh clone
    needs no manual step and JupyterLab offers the same kernel.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(name)
        if spec.argv and spec.argv[0] in {sys.executable, os.path.realpath(sys.executable)} and _KERNEL_QUIET in spec.argv:
            return name
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    folder = Path(install(kernel_name=name, display_name="Python (nkhr)", prefix=sys.prefix))
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    spec["argv"].append(_KERNEL_QUIET)
    spec_file.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return name


def _source_cell_index(source: Path, cell_id: str | None, fallback: int | None) -> int | None:
    """Index of the failing cell in the stored notebook (what a reader opens and edits)."""
    import nbformat

    if cell_id:
        stored = nbformat.read(source, as_version=4)
        for index, cell in enumerate(stored.cells):
            if cell.get("id") == cell_id:
                return index
    return fallback


def execute_notebook(source: Path, target: Path, parameters: Mapping[str, object], kernel: str) -> None:
    """Run one notebook with Papermill into ``target``; raise NotebookExecutionError on failure."""
    import nbformat
    import papermill

    try:
        papermill.execute_notebook(
            str(source), str(target), parameters=dict(parameters), kernel_name=kernel,
            progress_bar=False, log_output=False, cwd=str(paths.ROOT),
        )
    except papermill.PapermillExecutionError as exc:
        cell_id = None
        if target.is_file():
            executed = nbformat.read(target, as_version=4)
            failing = [c for c in executed.cells if c.cell_type == "code" and any(o.get("output_type") == "error" for o in c.get("outputs", []))]
            cell_id = failing[0].get("id") if failing else None
        index = _source_cell_index(source, cell_id, exc.cell_index)
        raise NotebookExecutionError(source.name, index, exc.ename, exc.evalue) from exc
    except Exception as exc:  # the kernel died or the notebook is not valid JSON
        raise NotebookExecutionError(source.name, None, type(exc).__name__, str(exc)) from exc


def strip_volatile(path: Path) -> None:
    """Remove execution times, machine details and random cell ids from an executed notebook."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    kernelspec = nb.metadata.get("kernelspec")
    language = nb.metadata.get("language_info", {}).get("name")
    nb.metadata = nbformat.NotebookNode({"kernelspec": kernelspec} if kernelspec else {})
    if language:
        nb.metadata["language_info"] = {"name": language}
    for index, cell in enumerate(nb.cells):
        for key in ("papermill", "execution", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # Papermill gives the injected cell a random id
        for output in cell.get("outputs", []):
            output.pop("transient", None)
    nbformat.write(nb, path)


def _swap_into_place(staging: Path, out: Path) -> None:
    """Move every staged file over its old copy, then drop pages no longer built.

    Each ``os.replace`` is atomic, so a reader sees each page either old or new.
    """
    staged = sorted(p.name for p in staging.iterdir())
    for name in staged:
        target = out / name
        if (staging / name).is_dir() and target.is_dir():
            # A folder cannot replace a non-empty folder: step the old one aside first.
            retired = out / f"{_STAGING_PREFIX}old-{os.getpid()}-{name}"
            os.replace(target, retired)
            os.replace(staging / name, target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging / name, target)
    for old in out.iterdir():
        if old.is_file() and old.suffix in _ARTEFACT_SUFFIXES and old.name not in staged:
            old.unlink()


def _keep_failed(executed: Path, out: Path) -> Path | None:
    if not executed.is_file():
        return None
    failed_dir = out / FAILED_DIR
    failed_dir.mkdir(exist_ok=True)
    kept = failed_dir / executed.name
    shutil.move(str(executed), kept)
    return kept


def check_parameters(notebooks: list[Path], parameters: Mapping[str, object]) -> None:
    """Refuse a parameter no notebook declares: a misspelt name would otherwise be ignored."""
    papermill = lean_import("papermill")
    from .render import read_notebook

    declared: set[str] = set()
    for notebook in notebooks:
        read_notebook(notebook)  # a broken file is named here, not deep inside Papermill
        declared |= set(papermill.inspect_notebook(str(notebook)))
    unknown = sorted(set(parameters) - declared)
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(unknown)}: expected one of {', '.join(sorted(declared))}"
        )


def build_report(
    corpus: Path | str = paths.SEEDS,
    out: Path | str = paths.REPORTS,
    parameters: Mapping[str, object] | None = None,
    notebooks_dir: Path | str = paths.NOTEBOOKS,
    jobs: int | None = None,
    log: Callable[[str], None] = print,
    force: bool = False,
    lock_timeout: float = 0.0,
) -> Path:
    """Run every notebook on ``corpus`` and publish the rendered report in ``out``.

    Returns the path of ``index.html``. On any failure the previous report is left
    untouched and a :class:`~nkhr.errors.NkhrError` says what failed:
    :class:`~nkhr.errors.NotebookFormatError` (a file in the notebooks folder is not a notebook),
    :class:`NotebookExecutionError` (a notebook raised; the executed notebook is
    kept in ``out/.failed/``), :class:`PageRenderError` (a notebook ran
    but its page could not be rendered; kept likewise), :class:`ReportError` (the
    tables could not be exported), :class:`ReportLockedError` (another build holds
    the lock), or the corpus's own errors (for example a missing folder).

    Every run, successful or not, writes ``out/build.json`` (see :mod:`nkhr.report.runs`);
    a built report also gets the changes since the previous build (:mod:`nkhr.report.changes`).
    """
    from .runs import exit_code, write_record

    corpus, out = Path(corpus), Path(out)
    began = time.monotonic()
    record: dict = {
        "status": "failed", "exit_code": 1, "corpus": _relative_to_root(corpus), "fingerprint": None,
        "started": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "error": None, "error_kind": None,
    }
    try:
        index = _build(corpus, out, parameters, notebooks_dir, jobs, log, force, lock_timeout, record)
        record["exit_code"] = 0
        return index
    except BaseException as exc:
        record.update(status="failed", exit_code=exit_code(exc), error=str(exc) or type(exc).__name__,
                      error_kind=type(exc).__name__)
        raise
    finally:
        record["duration_seconds"] = round(time.monotonic() - began, 3)
        try:
            write_record(out, record)
        except OSError:
            pass  # an unwritable output folder is already the error being reported


def _build(corpus: Path, out: Path, parameters, notebooks_dir, jobs, log, force, lock_timeout, record: dict) -> Path:
    from .runs import remove_debris

    notebooks = list_notebooks(notebooks_dir)
    if parameters:
        check_parameters(notebooks, parameters)
    params = {"corpus_dir": _relative_to_root(corpus), **(parameters or {})}
    stamp = build_stamp(corpus, notebooks, params)
    record["fingerprint"] = stamp["corpus"]
    if not force and is_up_to_date(out, stamp):
        record["status"] = "up to date"
        log(f"report in {out} is up to date (corpus {stamp['corpus']}); nothing to do")
        return out / "index.html"

    with lock_output(out, lock_timeout):
        for removed in remove_debris(out):
            log(f"removed {removed.name}, left by a build that did not finish")
        for heavy in ("nbformat", "papermill", "nbconvert"):
            lean_import(heavy)
        kernel = ensure_kernel()
        staging = out / f"{_STAGING_PREFIX}{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            from ..corpus import load_corpus
            from .changes import compare, read_previous
            from .render import report_pages

            pages = report_pages(notebooks)  # reads every notebook: a malformed one fails here, first
            # Parsed once here, the corpus is in the cache before any notebook asks for it.
            began = time.monotonic()
            log(f"reading the corpus in {corpus}")
            loaded = load_corpus(corpus)
            log(f"corpus ready in {time.monotonic() - began:.1f} s: {len(loaded.documents)} documents")
            previous = read_previous(out / TABLES_DIR)
            changes = compare(previous, loaded.tables(), loaded.fingerprint, _previous_fingerprint(out) if previous else "")
            record.update(documents=len(loaded.documents),
                          rows={name: len(frame) for name, frame in loaded.tables().items()})
            with ThreadPoolExecutor(max_workers=1) as side:
                exported = side.submit(_export_data, loaded, staging / TABLES_DIR, out / TABLES_DIR, changes)
                documents = loaded.documents
                del loaded  # the export holds the corpus only as long as it needs it
                _execute_all(notebooks, pages, staging, params, kernel, jobs, log, out)
                exported.result()
            _publish_changes(staging, out, changes, previous is None, documents, pages)
            (staging / STAMP_NAME).write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            _swap_into_place(staging, out)
            shutil.rmtree(out / FAILED_DIR, ignore_errors=True)  # a success makes kept failures stale
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    from .changes import summary

    record.update(status="built", changes=summary(changes), first_build=previous is None)
    log(f"report written to {out / 'index.html'}")
    return out / "index.html"


def _previous_fingerprint(out: Path) -> str:
    try:
        return str(json.loads((out / STAMP_NAME).read_text(encoding="utf-8")).get("corpus", ""))
    except (OSError, ValueError):
        return ""


#: Where the front page's "Since the last build" section goes: at the end of its content, before the pager.
_FRONT_PAGE_ANCHOR = re.compile(r'<nav[^>]*class="nkhr-pager"')
_TOC_END = re.compile(r'(</ul>\s*</nav>)')


def _publish_changes(staging: Path, out: Path, changes, first_build: bool, documents, pages) -> None:
    """Add the changes to the front page and to the Atom feed (kept as it was when nothing changed)."""
    from .changes import FEED_NAME, front_page_section, update_feed
    from .render import REPORT_TITLE

    feed = out / FEED_NAME
    if feed.is_file():
        shutil.copy2(feed, staging / FEED_NAME)
    update_feed(staging / FEED_NAME, changes, changes["build"].iloc[0] if len(changes) else "", REPORT_TITLE)
    front = staging / pages[0].filename
    if front.is_file():
        page = front.read_text(encoding="utf-8")
        section = front_page_section(changes, first_build, documents)
        anchor = _FRONT_PAGE_ANCHOR.search(page)
        at = anchor.start() if anchor else page.rfind("</main>")
        page = page[:at] + section + "\n" + page[at:]
        if 'class="nkhr-toc"' in page:  # the page's table of contents lists the section too
            toc_at = page.index('class="nkhr-toc"')
            end = _TOC_END.search(page, toc_at)
            if end:
                entry = '<li class="nkhr-toc-level-2"><a href="#since-the-last-build">Since the last build</a></li>\n'
                page = page[: end.start()] + entry + page[end.start() :]
        front.write_text(page, encoding="utf-8")


def _export_data(corpus, folder: Path, published: Path, changes=None) -> None:
    """Ship every table beside the pages, so a capped table on a page can point to all its rows.

    ``folder`` is in the staging area; ``published`` is where the tables will be, the
    folder an error message names.
    """
    from .export import export_tables

    try:
        export_tables(corpus, folder, extra={"changes": changes} if changes is not None else None)
    except Exception as exc:  # a full disk, a permission: the build fails with the reason, not a traceback
        raise ReportError(f"{published}: exporting the tables failed with {type(exc).__name__}: {exc}") from exc


def _serialised(log: Callable[[str], None]) -> Callable[[str], None]:
    """Wrap ``log`` so lines from parallel notebooks never interleave mid-line."""
    guard = threading.Lock()

    def locked(line: str) -> None:
        with guard:
            log(line)

    return locked


def _execute_all(notebooks, pages, staging, params, kernel, jobs, log, out) -> list[Path]:
    """Run and render every notebook, up to ``jobs`` at once; each page is rendered as soon as its notebook is done."""
    from .render import render_notebook

    total = len(notebooks)
    workers = max(1, min(jobs or os.cpu_count() or 1, total))
    targets = {nb: staging / nb.name for nb in notebooks}
    failures: list[NotebookExecutionError | PageRenderError] = []
    log = _serialised(log)

    def run(position: int, nb: Path) -> None:
        log(f"[{position}/{total}] {nb.name}: running")
        began = time.monotonic()
        execute_notebook(nb, targets[nb], params, kernel)
        strip_volatile(targets[nb])
        ran = time.monotonic() - began
        try:
            page = render_notebook(targets[nb], pages[position - 1], pages, staging)
        except Exception as exc:
            raise PageRenderError(nb.name, type(exc).__name__, str(exc)) from exc
        log(f"[{position}/{total}] {nb.name}: done in {ran:.1f} s, page {page.name} in {time.monotonic() - began - ran:.1f} s")

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run, i, nb): nb for i, nb in enumerate(notebooks, start=1)}
        for future in as_completed(futures):
            error = future.exception()
            if error is None:
                continue
            nb = futures[future]
            kept = _keep_failed(targets[nb], out)
            if isinstance(error, PageRenderError):
                error = PageRenderError(error.notebook, error.error_name, error.error_value, kept)
            else:
                if not isinstance(error, NotebookExecutionError):
                    error = NotebookExecutionError(nb.name, None, type(error).__name__, str(error))
                error = NotebookExecutionError(error.notebook, error.cell_index, error.error_name, error.error_value, kept)
            log(f"{nb.name}: FAILED: {error}")
            failures.append(error)
    if failures:
        failures.sort(key=lambda e: e.notebook)
        raise failures[0]
    return [targets[nb] for nb in notebooks]


def select_years(corpus, first_year: int | None = None, last_year: int | None = None):
    """Return ``corpus`` keeping only documents dated within the year range (``Corpus.select``).

    ``None`` leaves that end of the range open; with both open the corpus is returned as
    it is. Every table with a ``doc_id`` keeps the rows of kept documents; problems
    concern files, not documents, and are kept whole. The input corpus is not modified.
    """
    return corpus.select(years=(first_year, last_year))


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``nkhr report`` on ``parser``."""
    parser.add_argument("--corpus", type=Path, default=paths.SEEDS, help="folder of statements (default: seeds/)")
    parser.add_argument("--out", type=Path, default=paths.REPORTS, help="output folder (default: reports/)")
    parser.add_argument(
        "-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
        help="set a notebook parameter, e.g. -p first_year 2005 (repeatable)",
    )
    parser.add_argument("--notebooks", type=Path, default=paths.NOTEBOOKS, help="folder of notebooks (default: notebooks/)")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: number of cores)")
    parser.add_argument("--force", action="store_true", help="rebuild even when the report is up to date")
    parser.add_argument(
        "--wait", type=float, default=0.0, metavar="SECONDS",
        help="if another build is running, wait this long for it before giving up (default: 0)",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors (for cron mail)")


def run_report_command(args: argparse.Namespace) -> int:
    """Run ``nkhr report`` from parsed arguments; return the exit status."""
    from .runs import exit_code

    parameters = {name: parse_parameter(value) for name, value in args.parameter}
    quiet = getattr(args, "quiet", False)
    try:
        build_report(
            corpus=args.corpus, out=args.out, parameters=parameters, notebooks_dir=args.notebooks,
            jobs=args.jobs, force=args.force, lock_timeout=getattr(args, "wait", 0.0),
            log=(lambda line: None) if quiet else (lambda line: print(line, flush=True)),
        )
    except (NkhrError, OSError) as exc:
        print(f"nkhr report: error: {exc}", file=sys.stderr)
        return exit_code(exc)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m nkhr.report`` (the same as ``nkhr report``)."""
    from .runs import exit_codes_help

    parser = argparse.ArgumentParser(prog="nkhr report", description="Build the HTML report from the notebooks.",
                                     epilog=exit_codes_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    add_report_arguments(parser)
    return run_report_command(parser.parse_args(argv))
