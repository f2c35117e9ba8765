"""The report pipeline: safe, locked, deterministic regeneration from any corpus."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nkhr import paths, schema
from nkhr.corpus import Corpus
from nkhr.errors import NotebookExecutionError, ReportLockedError
from nkhr.report import (
    STAMP_NAME,
    add_report_arguments,
    build_report,
    list_notebooks,
    lock_output,
    parse_parameter,
    run_report_command,
    select_years,
)

FIXTURES = Path(__file__).parent / "fixtures"
FAILING = FIXTURES / "failing_notebooks"


def _tree(folder: Path) -> dict[str, bytes]:
    """Every published file below ``folder`` (the tables included), by relative path; dot-files and folders left out,
    and the record of the last run (build.json), which every run rewrites."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.name != "build.json"
    }


def test_every_notebook_becomes_a_page_beside_its_executed_notebook(seeds_report):
    names = [nb.stem for nb in list_notebooks()]
    files = set(_tree(seeds_report))
    assert "index.html" in files and STAMP_NAME in files
    for position, stem in enumerate(names):
        assert f"{stem}.ipynb" in files
        assert (position == 0) or f"{stem}.html" in files
    assert not list(seeds_report.glob(".staging-*")), "the staging folder is cleaned up"


@pytest.mark.slow
def test_two_regenerations_give_identical_bytes(seeds_report, tmp_path):
    again = tmp_path / "reports"
    build_report(corpus=paths.SEEDS, out=again, log=lambda line: None)
    assert _pages_and_notebooks(again) == _pages_and_notebooks(seeds_report)


def _pages_and_notebooks(folder: Path) -> dict[str, bytes]:
    # The stamp also hashes the package code, which may change between builds; pages and notebooks may not.
    return {name: data for name, data in _tree(folder).items() if name != STAMP_NAME}


def test_pages_show_fingerprint_and_date_range_instead_of_a_time(seeds_report):
    stamp = (seeds_report / STAMP_NAME).read_text()
    page = (seeds_report / "index.html").read_text()
    assert "corpus fingerprint" in page and "2005-08-01" in page and "2023-12-15" in page
    assert "papermill" not in (seeds_report / "01-survey-corpus.ipynb").read_text()
    assert "start_time" not in stamp


def test_an_unchanged_report_is_up_to_date_within_two_seconds(tmp_path):
    out, notebooks = tmp_path / "reports", _tiny_notebooks(tmp_path, "00-front.ipynb")
    corpus = FIXTURES / "report_corpus"
    build_report(corpus=corpus, out=out, notebooks_dir=notebooks, log=lambda line: None)
    command = [sys.executable, "-m", "nkhr.report", "--corpus", str(corpus), "--out", str(out), "--notebooks", str(notebooks)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(paths.ROOT), os.environ.get("PYTHONPATH", "")])}
    began = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=paths.ROOT, check=True)
    assert time.monotonic() - began < 2.0
    assert "up to date" in done.stdout


def test_the_report_follows_the_corpus_it_is_pointed_at(fixture_report, seeds_report):
    fixture_pages = (fixture_report / "index.html").read_text()
    assert "3 documents" in fixture_pages
    assert "6 documents" in (seeds_report / "index.html").read_text()
    assert "2011-05-12" in fixture_pages and "2023-12-15" not in fixture_pages
    for page in fixture_report.glob("*.html"):
        assert "<code>report_corpus</code>" in page.read_text(), f"{page.name} was not computed from the fixture corpus"


def _tiny_notebooks(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FAILING / name, folder / name)
    return folder


def test_a_failing_notebook_leaves_the_previous_report_untouched(tmp_path, capsys):
    out = tmp_path / "reports"
    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None)
    before = _tree(out)

    _tiny_notebooks(tmp_path, "01-broken.ipynb")
    args = argparse.Namespace(
        corpus=FIXTURES / "report_corpus", out=out, parameter=[], notebooks=notebooks, jobs=None, force=False, wait=0.0,
    )
    assert run_report_command(args) != 0
    message = capsys.readouterr().err
    assert "01-broken.ipynb" in message and "cell 3" in message and "ValueError" in message
    assert "the membership table is empty" in message
    assert _tree(out) == before, "the previous report survives a failed build"
    kept = out / ".failed" / "01-broken.ipynb"
    assert kept.is_file() and "the membership table is empty" in kept.read_text()
    assert not list(out.glob(".staging-*"))


def test_the_error_names_notebook_cell_and_error(tmp_path):
    notebooks = _tiny_notebooks(tmp_path, "01-broken.ipynb")
    with pytest.raises(NotebookExecutionError) as caught:
        build_report(corpus=FIXTURES / "report_corpus", out=tmp_path / "out", notebooks_dir=notebooks, log=lambda line: None)
    error = caught.value
    assert (error.notebook, error.cell_index, error.error_name) == ("01-broken.ipynb", 3, "ValueError")
    assert error.kept_at == tmp_path / "out" / ".failed" / "01-broken.ipynb"


def test_an_overlapping_build_is_refused_while_another_holds_the_lock(tmp_path):
    out = tmp_path / "reports"
    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    with lock_output(out):
        with pytest.raises(ReportLockedError, match="another report build is running"):
            build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None)
    assert not (out / "index.html").exists()
    build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None)
    assert (out / "index.html").is_file(), "the lock is released when its holder finishes"


def test_progress_is_reported_per_notebook(tmp_path):
    lines: list[str] = []
    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    build_report(corpus=FIXTURES / "report_corpus", out=tmp_path / "out", notebooks_dir=notebooks, log=lines.append)
    assert any("00-front.ipynb: running" in line for line in lines)
    assert any("00-front.ipynb: done" in line for line in lines)
    lines.clear()
    build_report(corpus=FIXTURES / "report_corpus", out=tmp_path / "out", notebooks_dir=notebooks, log=lines.append)
    assert len(lines) == 1 and "up to date" in lines[0]


def test_report_arguments_accept_corpus_out_and_parameters():
    parser = argparse.ArgumentParser()
    add_report_arguments(parser)
    args = parser.parse_args(["--corpus", "c", "--out", "o", "-p", "first_year", "2005", "-p", "last_year", "2010"])
    assert (args.corpus, args.out) == (Path("c"), Path("o"))
    assert {name: parse_parameter(value) for name, value in args.parameter} == {"first_year": 2005, "last_year": 2010}


def _corpus_of_years(*years: int) -> Corpus:
    docs = schema.build_frame("documents", [
        {"doc_id": f"d{y}", "source": f"d{y}.txt", "title": f"Statement {y}", "date": str(y), "year": y, "kind": "joint statement"}
        for y in years
    ])
    meetings = schema.build_frame("meetings", [{"doc_id": f"d{y}", "number": i + 1, "year": y} for i, y in enumerate(years)])
    tables = {name: schema.build_frame(name, []) for name in Corpus.TABLE_NAMES}
    tables.update(documents=docs, meetings=meetings)
    return Corpus(directory=Path("x"), texts={}, **tables)


def test_select_years_keeps_documents_in_range_and_their_rows():
    corpus = _corpus_of_years(2003, 2007, 2020)
    kept = select_years(corpus, 2005, 2010)
    assert list(kept.documents["doc_id"]) == ["d2007"]
    assert list(kept.meetings["number"]) == [2]
    assert len(corpus.documents) == 3, "the input corpus is not modified"
    assert select_years(corpus, None, None) is corpus
    assert list(select_years(corpus, None, 2007).documents["year"]) == [2003, 2007]


def test_a_build_can_wait_for_the_one_before_it(tmp_path):
    import threading

    out = tmp_path / "reports"
    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    holding, release = threading.Event(), threading.Event()

    def hold():
        with lock_output(out):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(10)
    threading.Timer(0.5, release.set).start()
    build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None, lock_timeout=30)
    holder.join()
    assert (out / "index.html").is_file()


def test_nkhr_report_command_builds_and_reports_failure(tmp_path, capsys):
    from nkhr.cli import main

    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    common = ["--corpus", str(FIXTURES / "report_corpus"), "--out", str(tmp_path / "out"), "--notebooks", str(notebooks)]
    assert main(["report", *common, "-p", "first_year", "2010"]) == 0
    assert "00-front.ipynb: done" in capsys.readouterr().out
    executed = (tmp_path / "out" / "00-front.ipynb").read_text()
    assert "first_year = 2010" in executed
    _tiny_notebooks(tmp_path, "01-broken.ipynb")
    assert main(["report", *common]) == 4  # a notebook failed: its own exit status
    assert "01-broken.ipynb: cell 3 raised ValueError" in capsys.readouterr().err


def test_the_report_ships_every_table_beside_its_pages(seeds_report):
    import json

    package = json.loads((seeds_report / "tables" / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} >= {"signatories.csv", "membership.csv", "conflicts.csv"}
    assert (seeds_report / "tables" / "signatories.parquet").is_file()


def test_a_misspelt_parameter_is_refused_before_anything_runs(tmp_path):
    from nkhr.errors import ReportError
    from nkhr.report import build_report

    with pytest.raises(ReportError, match="unknown parameter.*year_min.*expected one of.*first_year"):
        build_report(out=tmp_path / "out", parameters={"year_min": 2003}, log=lambda line: None)
    assert not (tmp_path / "out" / "index.html").exists()


def test_notebooks_in_one_build_read_the_corpus_parsed_once_before_them(tmp_path, monkeypatch):
    import nbformat

    cache = tmp_path / "cache"
    monkeypatch.setattr(paths, "CACHE", cache)
    monkeypatch.setenv("NKHR_CACHE", str(cache))  # the kernels read the same cache folder
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("00-first.ipynb", "01-second.ipynb"):
        parameters = nbformat.v4.new_code_cell('corpus_dir = "seeds"', metadata={"tags": ["parameters"]})
        check = nbformat.v4.new_code_cell(
            "import nkhr\nfrom nkhr import paths\n"
            "cached = sorted(paths.CACHE.glob('corpus-*.pkl'))\n"
            "corpus = nkhr.load_corpus(corpus_dir)\n"
            "assert cached and cached == sorted(paths.CACHE.glob('corpus-*.pkl')), 'this notebook parsed the corpus'\n"
            "print(len(corpus.documents), 'documents')"
        )
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}"), parameters, check])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / name)
    lines: list[str] = []
    build_report(corpus=FIXTURES / "report_corpus", out=tmp_path / "out", notebooks_dir=folder, log=lines.append)
    assert len(list(cache.glob("corpus-*.pkl"))) == 1
    assert [line.split(":")[0] for line in lines if "corpus ready" in line or ": running" in line][0].startswith("corpus ready")


def _previous_report(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    out = tmp_path / "reports"
    notebooks = _tiny_notebooks(tmp_path, "00-front.ipynb")
    build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None)
    return out, notebooks, _tree(out)


@pytest.mark.parametrize("content", [
    '{"cells": [',  # cut off mid-write: not JSON
    '{"cells": [{"cell_type": "markdown", "id": "title", "metadata": {}, "source": 5}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
])
@pytest.mark.parametrize("parameters", [None, {"first_year": 2005}])
def test_a_malformed_notebook_is_named_and_the_previous_report_survives(tmp_path, content, parameters, capsys):
    from nkhr.errors import NotebookFormatError

    out, notebooks, before = _previous_report(tmp_path)
    (notebooks / "01-half-written.ipynb").write_text(content, encoding="utf-8")
    with pytest.raises(NotebookFormatError, match=r"01-half-written\.ipynb: not a readable notebook"):
        build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, parameters=parameters,
                     log=lambda line: None)
    assert _tree(out) == before
    assert not list(out.glob(".staging-*"))
    args = argparse.Namespace(corpus=FIXTURES / "report_corpus", out=out, notebooks=notebooks, jobs=None, force=False,
                              wait=0.0, parameter=[[k, str(v)] for k, v in (parameters or {}).items()])
    assert run_report_command(args) == 2  # the input is wrong: a notebook file that is not a notebook
    assert "01-half-written.ipynb: not a readable notebook" in capsys.readouterr().err


def test_a_page_that_cannot_be_rendered_is_named_and_the_previous_report_survives(tmp_path, monkeypatch):
    from nkhr.errors import PageRenderError
    from nkhr.report import render

    out, notebooks, before = _previous_report(tmp_path)

    def broken_template(*args, **kwargs):
        raise KeyError("site")

    monkeypatch.setattr(render, "render_page", broken_template)
    with pytest.raises(PageRenderError, match=r"00-front\.ipynb: ran, but rendering its page failed with KeyError"):
        build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None, force=True)
    assert _tree(out) == before
    assert (out / ".failed" / "00-front.ipynb").is_file(), "the executed notebook is kept to debug the page"


def test_tables_that_cannot_be_exported_fail_the_build_with_the_reason(tmp_path, monkeypatch):
    from nkhr.errors import ReportError
    from nkhr.report import export

    out, notebooks, before = _previous_report(tmp_path)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "export_tables", full_disk)
    with pytest.raises(ReportError, match=r"exporting the tables failed with OSError: .*No space left on device") as raised:
        build_report(corpus=FIXTURES / "report_corpus", out=out, notebooks_dir=notebooks, log=lambda line: None, force=True)
    assert str(raised.value).startswith(str(out / "tables")), "the message names where the tables are published"
    assert _tree(out) == before


def test_pages_use_their_own_stylesheet_not_the_notebook_inline_style(seeds_report):
    for page in seeds_report.glob("*.html"):
        assert 'data-nkhr="inline"' not in page.read_text(encoding="utf-8"), page.name


def test_the_report_builds_from_a_generated_corpus_of_many_coalitions(tmp_path):
    """Documents without a stated kind and counts of several coalitions must not break a page."""
    from nkhr import synthetic

    corpus = tmp_path / "synthetic"
    synthetic.write_synthetic_corpus(corpus, scale=3)
    index = build_report(corpus=corpus, out=tmp_path / "out", log=lambda line: None)
    front = index.read_text(encoding="utf-8")
    assert "Since the last build" in front and "First build" in front
