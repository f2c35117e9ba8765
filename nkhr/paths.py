"""Where the project keeps things: the one place that knows the layout.

>>> (ROOT / "nkhr").is_dir()
True
"""

from __future__ import annotations

import hashlib
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


def find_corpus(path: str | Path | None = None) -> Path:
    """The corpus folder ``path`` names, from wherever Python runs.

    No path means the seeds. A relative path is tried from the working folder first,
    then from the project root, so ``load_corpus("seeds")`` works in a notebook whose
    kernel starts in ``notebooks/``. A path found nowhere is returned as given: the
    caller's error names it and :func:`candidates` says where it was looked for.

    >>> find_corpus() == SEEDS, find_corpus("seeds").resolve() == SEEDS.resolve()
    (True, True)
    """
    if path is None:
        return SEEDS
    for candidate in candidates(path):
        if candidate.is_dir():
            return candidate
    return Path(path)


def candidates(path: str | Path) -> list[Path]:
    """Where a corpus path is looked for: as given (from the working folder), then from the project root."""
    path = Path(path).expanduser()
    if path.is_absolute():
        return [path]
    return list(dict.fromkeys([Path.cwd() / path, ROOT / path]))


def cache_enabled() -> bool:
    """Whether the cache folder may be read and written (``NKHR_CACHE=off`` says no)."""
    return os.environ.get("NKHR_CACHE", "").lower() not in CACHE_OFF


def fingerprint_files(files: list[Path], extra: list[Path] = ()) -> str:
    """Hash file names and contents (and any extra files) into a short hex digest.

    It lives here, with nothing heavy imported, so ``nkhr report`` can tell an
    up-to-date report without loading the parser.

    >>> len(fingerprint_files([]))
    16
    """
    digest = hashlib.sha256()
    for path in sorted(files) + list(extra):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
