"""Unattended builds: exit codes, the record of each run (``build.json``) and clearing a dead build's debris.

A scheduled ``nkhr report`` must tell cron or systemd three things apart: the report
was built or was already up to date (exit 0), the input is wrong, or the build
failed. Each kind of failure has its own exit status (:data:`EXIT_CODES`), and every
run writes ``build.json`` beside the pages (status, fingerprint, duration, row
counts, a summary of the changes, the error), checked against
``nkhr/data/build.schema.json``. A build killed mid-way (``kill -9``, power loss)
leaves its staging folder behind; the next build removes it.

>>> exit_code(None), exit_code(ReportLockedError(Path("reports/.lock")))
(0, 3)
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .. import paths
from ..errors import (
    CorpusNotFoundError,
    EmptyCorpusError,
    NotebookExecutionError,
    NotebookFormatError,
    PageRenderError,
    ParameterError,
    ReportError,
    ReportLockedError,
)

BUILD_RECORD = "build.json"
BUILD_SCHEMA = paths.PACKAGE_DATA / "build.schema.json"
STAGING_PREFIX = ".staging-"

#: Exit status of ``nkhr report`` per outcome, documented in the README and ``nkhr report --help``.
EXIT_CODES = {
    "built or up to date": 0,
    "failed for another reason": 1,
    "the input is wrong (corpus folder, notebook file, parameter)": 2,
    "another build holds the lock": 3,
    "a notebook failed to run or its page to render": 4,
    "the report could not be written (tables, disk, permissions)": 5,
}


def exit_code(error: BaseException | None) -> int:
    """The exit status for a run that ended with ``error`` (None: success)."""
    if error is None:
        return 0
    if isinstance(error, (CorpusNotFoundError, EmptyCorpusError, NotebookFormatError, ParameterError)):
        return 2
    if isinstance(error, ReportLockedError):
        return 3
    if isinstance(error, (NotebookExecutionError, PageRenderError)):
        return 4
    if isinstance(error, (OSError, ReportError)):
        return 5
    return 1


def exit_codes_help() -> str:
    """The exit codes as the lines of ``nkhr report --help``'s epilogue."""
    return "exit status:\n" + "\n".join(f"  {code}  {meaning}" for meaning, code in EXIT_CODES.items())


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def remove_debris(out: Path) -> list[Path]:
    """Remove staging folders of builds that died; return what was removed.

    Call it holding the build lock: a live build's staging folder names a live process
    and is kept.
    """
    removed = []
    if not Path(out).is_dir():
        return removed
    for path in Path(out).iterdir():
        if not path.name.startswith(STAGING_PREFIX):
            continue
        owner = path.name[len(STAGING_PREFIX):].removeprefix("old-").split("-")[0]
        if owner.isdigit() and int(owner) != os.getpid() and _pid_alive(int(owner)):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def write_record(out: Path, record: dict) -> Path:
    """Write ``build.json`` atomically (a reader never sees half a record)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / BUILD_RECORD
    temporary = out / f".{BUILD_RECORD}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return target


def read_record(out: Path) -> dict | None:
    """The last run's record, or None when there is none or it cannot be read."""
    try:
        return json.loads((Path(out) / BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
