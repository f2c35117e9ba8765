"""Importing nkhr makes the reader's own Altair charts draw without the network."""

import json
import subprocess
import sys

import pytest

CHART = """
import altair as alt, pandas as pd
chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x")
bundle = chart._repr_mimebundle_()
bundle = bundle[0] if isinstance(bundle, tuple) else bundle
print(json.dumps({"mimes": sorted(bundle), "text": json.dumps(bundle)}))
"""


@pytest.mark.parametrize("order", ["nkhr first", "altair first"])
def test_a_users_chart_is_a_plain_vega_lite_bundle_with_no_script_from_a_cdn(order):
    imports = "import json, nkhr\n" if order == "nkhr first" else "import json, altair\nimport nkhr\n"
    result = subprocess.run([sys.executable, "-c", imports + CHART], capture_output=True, text=True, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert "application/vnd.vegalite.v5+json" in found["mimes"]
    assert "text/html" not in found["mimes"] and "cdn.jsdelivr" not in found["text"]


def test_nkhr_imports_without_loading_altair():
    probe = "import sys, nkhr; print('altair' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"  # the command line stays quick
