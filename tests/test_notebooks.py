"""The report notebooks: stored clean, parameterised, and regression-tested on a fixture corpus.

Each notebook is executed on ``tests/fixtures/report_corpus`` and compared, with
pytest-notebook, with its reference outputs. The outputs are stored apart from any
notebook, in ``tests/notebook_references/<notebook>.outputs.json``: one entry per cell
id, each HTML or text output split after every tag, so a change in a figure or a quote
shows as a few changed lines in a diff. The reference notebook is rebuilt from the
stored notebook and those outputs for each comparison. After an intended change,
regenerate the references with ``make references`` and review the diff.
"""

from __future__ import annotations

import ast
import json
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


def _outputs_file(path: Path) -> Path:
    return REFERENCES / f"{path.stem}.outputs.json"


#: Where a long HTML or text output is cut into lines for the stored file: after each tag or line end.
_CUT = re.compile(r"(?<=>)|(?<=\n)")


def _lines(text: str) -> list[str]:
    """``text`` cut into pieces whose concatenation is ``text`` again.

    >>> _lines('<p>a</p><b>b</b>')
    ['<p>', 'a</p>', '<b>', 'b</b>']
    """
    return [piece for piece in _CUT.split(text) if piece]


def _store(executed, path: Path) -> None:
    """Write an executed reference's outputs, by cell id, leaving out what the comparison ignores."""
    maps = set(_map_cells(executed))
    cells = {}
    for index, cell in enumerate(executed.cells):
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            output = json.loads(json.dumps(output))  # a plain copy
            data = output.get("data", {})
            data.pop("application/vnd.vegalite.v5+json", None)
            if index in maps:
                data.pop("application/vnd.vegalite.v6+json", None)
            for mime, value in data.items():
                if isinstance(value, str):
                    data[mime] = _lines(value)
            if isinstance(output.get("text"), str):
                output["text"] = _lines(output["text"])
            outputs.append(output)
        cells[cell["id"]] = {"execution_count": cell.get("execution_count"), "outputs": outputs}
    _outputs_file(path).write_text(json.dumps(cells, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                   encoding="utf-8")


def _stored_outputs(path: Path) -> dict:
    """The stored outputs by cell id, each cut text joined back into one string."""
    cells = json.loads(_outputs_file(path).read_text(encoding="utf-8"))
    for cell in cells.values():
        for output in cell["outputs"]:
            for mime, value in output.get("data", {}).items():
                if isinstance(value, list):
                    output["data"][mime] = "".join(value)
            if isinstance(output.get("text"), list):
                output["text"] = "".join(output["text"])
    return cells


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


def _reference_for(path: Path, outputs: dict | None = None):
    """The reference notebook: the stored notebook with the fixture corpus injected as its
    parameter and, where a cell's id has stored outputs, those outputs."""
    nb = nbformat.read(path, as_version=4)
    # As Papermill does: a cell after the parameters cell overrides the defaults.
    injected = nbformat.v4.new_code_cell(f"corpus_dir = {FIXTURE_CORPUS!r}", metadata={"tags": ["injected-parameters"]})
    injected["id"] = "injected-parameters"
    position = nb.cells.index(_parameters_cells(nb)[0]) + 1
    nb.cells.insert(position, injected)
    for cell in nb.cells:
        stored = (outputs or {}).get(cell.get("id"))
        if cell.cell_type == "code" and stored:
            cell.outputs = [nbformat.from_dict(o) for o in stored["outputs"]]
            cell.execution_count = stored["execution_count"]
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_match_the_reference(path, tmp_path):
    from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

    ensure_kernel()
    stored = _outputs_file(path)
    if not stored.is_file() and os.environ.get("CI") == "true":
        pytest.fail(f"{stored} is missing: generate it locally with make references and commit it")
    regenerate = os.environ.get("NKHR_REGENERATE_REFERENCES") == "1" or not stored.is_file()
    outputs = {} if regenerate else _stored_outputs(path)
    reference = _reference_for(path, outputs)
    code_ids = [c["id"] for c in reference.cells if c.cell_type == "code"]
    assert regenerate or sorted(outputs) == sorted(code_ids), (
        f"{stored} is out of date with {path}; regenerate it with make references")
    rebuilt = tmp_path / path.name
    nbformat.write(reference, rebuilt)
    ignore = DIFF_IGNORE + tuple(f"/cells/{i}/outputs/*/data/application/vnd.vegalite.v6+json" for i in _map_cells(reference))
    fixture = NBRegressionFixture(
        exec_timeout=120, exec_cwd=str(paths.ROOT), diff_ignore=ignore, diff_replace=DIFF_REPLACE,
        diff_use_color=False, force_regen=regenerate,
    )
    if not regenerate:
        fixture.check(str(rebuilt))
        return
    try:
        fixture.check(str(rebuilt))
    except NBRegressionError:
        pass  # pytest-notebook reports a regeneration as a difference; the file now holds the new outputs
    _store(nbformat.read(rebuilt, as_version=4), path)
    assert any(cell["outputs"] for cell in _stored_outputs(path).values())
