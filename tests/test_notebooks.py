"""The report notebooks: stored clean, parameterised, and regression-tested on a fixture corpus.

Each notebook is compared with a reference copy of its outputs in
``tests/notebook_references/``, executed on ``tests/fixtures/report_corpus``.
After an intended change, regenerate the references with
``NKHR_REGENERATE_REFERENCES=1 pytest tests/test_notebooks.py`` and review the diff.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import nbformat
import pytest

from nkhr import paths
from nkhr.report import ensure_kernel, list_notebooks

REFERENCES = Path(__file__).parent / "notebook_references"
FIXTURE_CORPUS = "tests/fixtures/report_corpus"  # relative to the repository root, where the notebooks run
NOTEBOOKS = list_notebooks(paths.NOTEBOOKS)
REQUIRED_PARAMETERS = {"corpus_dir", "first_year", "last_year"}

# Only what legitimately varies between machines and library versions is masked.
DIFF_IGNORE = (
    "/cells/*/outputs/*/data/application/vnd.vegalite.v5+json",  # a copy of the v6 spec, for JupyterLab
    "/metadata/language_info",
    "/metadata/papermill",
    "/cells/*/metadata/papermill",
    "/cells/*/metadata/execution",
    "/cells/*/outputs/*/traceback",
)
DIFF_REPLACE = (
    # the fingerprint hashes the theme taxonomy too, which changes as themes are refined
    ("/cells/*/outputs", r"corpus fingerprint\s*<code>[0-9a-f]+</code>", "corpus fingerprint <code>FINGERPRINT</code>"),
    ("/cells/*/outputs", r"https://vega\.github\.io/schema/vega-lite/v[0-9.]+\.json", "VEGA-LITE-SCHEMA"),
)


def _map_cells(nb) -> list[int]:
    """Cells drawing the world map: their spec embeds the whole world geometry, which the
    reference leaves out; the country table beside the map carries the same data."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "world_map(" in c.source]


def _slim(reference: Path) -> None:
    """Drop from a reference what the comparison ignores, so the stored copy stays small."""
    nb = nbformat.read(reference, as_version=4)
    maps = set(_map_cells(nb))
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            data.pop("application/vnd.vegalite.v5+json", None)
            if index in maps:
                data.pop("application/vnd.vegalite.v6+json", None)
    # the interpreter's version is ignored by the comparison and would churn the stored copy
    nb.metadata["language_info"] = {"name": nb.metadata.get("language_info", {}).get("name", "python")}
    nbformat.write(nb, reference)


def _parameters_cells(nb):
    return [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_clean_with_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    (cell,) = _parameters_cells(nb)
    tree = ast.parse(cell.source)
    assert all(isinstance(node, ast.Assign) for node in tree.body), "the parameters cell holds plain assignments"
    assigned = {target.id for node in tree.body for target in node.targets}
    assert REQUIRED_PARAMETERS <= assigned
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"[\"'](/|\w+/)", source) and "def " not in source, "no paths or helpers in notebooks"


def _reference_for(path: Path) -> Path:
    """The reference copy: the stored notebook with the fixture corpus injected as its parameter."""
    reference = REFERENCES / path.name
    nb = nbformat.read(path, as_version=4)
    # As Papermill does: a cell after the parameters cell overrides the defaults.
    injected = nbformat.v4.new_code_cell(f"corpus_dir = {FIXTURE_CORPUS!r}", metadata={"tags": ["injected-parameters"]})
    injected["id"] = "injected-parameters"
    position = nb.cells.index(_parameters_cells(nb)[0]) + 1
    nb.cells.insert(position, injected)
    if reference.is_file():
        stored = nbformat.read(reference, as_version=4)
        for cell, old in zip(nb.cells, stored.cells):
            if cell.cell_type == "code" and cell.source == old.source:
                cell.outputs, cell.execution_count = old.outputs, old.execution_count
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_match_the_reference(path):
    from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

    ensure_kernel()
    reference = REFERENCES / path.name
    if not reference.is_file() and os.environ.get("CI") == "true":
        pytest.fail(f"{reference} is missing: generate it locally (see this module's docstring) and commit it")
    regenerate = os.environ.get("NKHR_REGENERATE_REFERENCES") == "1" or not reference.is_file()
    if regenerate:
        REFERENCES.mkdir(exist_ok=True)
        nbformat.write(_reference_for(path), reference)
    stored = nbformat.read(reference, as_version=4)
    current = _reference_for(path)
    assert [c.source for c in stored.cells] == [c.source for c in current.cells], (
        f"{reference} is out of date with {path}; regenerate it (see this module's docstring)"
    )
    ignore = DIFF_IGNORE + tuple(f"/cells/{i}/outputs/*/data/application/vnd.vegalite.v6+json" for i in _map_cells(stored))
    fixture = NBRegressionFixture(
        exec_timeout=120, exec_cwd=str(paths.ROOT), diff_ignore=ignore, diff_replace=DIFF_REPLACE,
        diff_use_color=False, force_regen=regenerate,
    )
    if not regenerate:
        fixture.check(str(reference))
        return
    try:
        fixture.check(str(reference))
    except NBRegressionError:
        pass  # pytest-notebook reports a regeneration as a difference; the file now holds the new outputs
    _slim(reference)
    assert any(c.get("outputs") for c in nbformat.read(reference, as_version=4).cells)
