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
        "from nkhr.report.charts import alt\n"
        "skipped = 'rfc3987_syntax' not in sys.modules\n"
        "chart = alt.Chart(alt.Data(values=[{'a': 1}])).mark_bar().encode(x='a:Q').to_dict()\n"
        "import rfc3987_syntax\n"
        "print(json.dumps({'skipped': skipped, 'mark': chart['mark'], 'later': 'rfc3987_syntax' in sys.modules}))"
    )
    assert seen == {"skipped": True, "mark": {"type": "bar"}, "later": True}


@pytest.mark.skipif(not _EXTRA_INSTALLED, reason="rfc3987_syntax is not installed, so there is nothing to skip")
def test_once_jsonschema_is_loaded_nothing_is_hidden_any_more():
    # a process that imported jsonschema itself keeps every format checker it chose
    seen = _in_fresh_interpreter(
        "import json, sys\n"
        "import jsonschema\n"
        "from nkhr.imports import lean_import\n"
        "lean_import('altair')\n"
        "print(json.dumps({'extra': type(sys.modules.get('rfc3987_syntax')).__name__}))"
    )
    assert seen == {"extra": "module"}
