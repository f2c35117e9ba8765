"""The tutorial notebook runs as written, from its own folder, and is not a page of the report."""

import nbformat
from nbclient import NotebookClient

from nkhr import paths
from nkhr.report import ensure_kernel, list_notebooks

TUTORIAL = paths.NOTEBOOKS / "tutorial" / "explore-the-corpus.ipynb"


def test_the_tutorial_answers_its_questions_without_an_error():
    notebook = nbformat.read(TUTORIAL, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name=ensure_kernel(),
                   resources={"metadata": {"path": str(TUTORIAL.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "<Corpus" in shown and "6 documents" in shown  # found "seeds" from notebooks/tutorial/
    assert "True" in shown  # a quote read back from its source by offsets


def test_the_tutorial_is_not_a_report_page():
    assert TUTORIAL not in list_notebooks()
