"""Where the project keeps things: the one place that knows the layout.

>>> (ROOT / "nkhr").is_dir()
True
"""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder holding ``seeds/``, ``notebooks/`` and ``reports/``).
ROOT = Path(os.environ.get("NKHR_ROOT", Path(__file__).resolve().parent.parent))
#: The raw corpus, kept byte-identical to its sources and never written to.
SEEDS = ROOT / "seeds"
#: The parameterised notebooks that make up the report, run in name order.
NOTEBOOKS = ROOT / "notebooks"
#: The generated report: HTML pages and executed notebooks.
REPORTS = ROOT / "reports"
#: Parsed corpora cached by content hash, so one report run parses once.
CACHE = Path(os.environ.get("NKHR_CACHE", ROOT / ".cache"))
#: ``NKHR_CACHE`` set to one of these turns the cache off: everything is computed afresh.
CACHE_OFF = ("off", "0", "no")
#: The ``nkhr`` package itself: its code, rule files and templates.
PACKAGE = Path(__file__).resolve().parent
#: Data files shipped inside the package (theme taxonomy, world geometry).
PACKAGE_DATA = PACKAGE / "data"
#: The theme taxonomy: edit this file to add or change a theme.
TAXONOMY = PACKAGE_DATA / "themes.yml"


def cache_enabled() -> bool:
    """Whether the cache folder may be read and written (``NKHR_CACHE=off`` says no)."""
    return os.environ.get("NKHR_CACHE", "").lower() not in CACHE_OFF
