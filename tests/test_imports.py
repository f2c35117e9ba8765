"""Importing Altair and the Jupyter libraries without a slow optional extra."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from nkhr import paths

_EXTRA_INSTALLED = importlib.util.find_spec("rfc3987_syntax") is not None


def _in_fresh_interpreter(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not _EXTRA_INSTALLED, reason="rfc3987_syntax is not installed, so there is nothing to skip")
def test_charts_import_altair_without_compiling_the_iri_grammar_and_leave_it_importable():
    seen = _in_fresh_interpreter(
        "import json, sys\n"
        "from nkhr.charts import alt\n"
        "skipped = 'rfc3987_syntax' not in sys.modules\n"
        "chart = alt.Chart(alt.Data(values=[{'a': 1}])).mark_bar().encode(x='a:Q').to_dict()\n"
        "import rfc3987_syntax\n"
        "print(json.dumps({'skipped': skipped, 'mark': chart['mark'], 'later': 'rfc3987_syntax' in sys.modules}))"
    )
    assert seen == {"skipped": True, "mark": {"type": "bar"}, "later": True}


def test_a_module_imported_before_is_returned_untouched():
    from nkhr.imports import lean_import

    assert lean_import("json") is json
    assert "rfc3987_syntax" not in sys.modules or sys.modules["rfc3987_syntax"] is not None
