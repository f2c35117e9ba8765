"""Scheduled builds: what changed between builds, exit codes, --quiet, build.json and a dead build's debris."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pandas as pd

from nkhr import paths
from nkhr.cli import main
from nkhr.report.changes import ATOM
from nkhr.report.runs import BUILD_SCHEMA, EXIT_CODES, remove_debris

FIXTURES = Path(__file__).parent / "fixtures"
NEW_LETTER = """Joint Letter on Forced Repatriation

March 3, 2024

We urge all states to stop forced repatriation to the DPRK.

Signatories

- Harbour Light Foundation (Canada)
- Northern Star Relief (Japan)
"""


def _setup(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "report_corpus", corpus)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(FIXTURES / "failing_notebooks" / "00-front.ipynb", notebooks / "00-front.ipynb")
    out = tmp_path / "out"
    return corpus, out, ["report", "--corpus", str(corpus), "--out", str(out), "--notebooks", str(notebooks)]


def _published(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".") and p.name != "build.json"
            and not any(part.startswith(".") for part in p.relative_to(out).parts)}


def _record(out: Path) -> dict:
    record = json.loads((out / "build.json").read_text())
    jsonschema.validate(record, json.loads(BUILD_SCHEMA.read_text()))
    return record


def test_a_new_statement_is_named_on_the_front_page_in_the_table_and_in_the_feed(tmp_path, capsys):
    corpus, out, command = _setup(tmp_path)
    assert main(command) == 0
    assert "First build" in (out / "index.html").read_text()
    assert _record(out)["first_build"] is True

    (corpus / "letter_2024.txt").write_text(NEW_LETTER, encoding="utf-8")
    assert main(command) == 0
    front = (out / "index.html").read_text()
    assert "Since the last build" in front and "Joint Letter on Forced Repatriation" in front
    assert "Harbour Light Foundation" in front and "Northern Star Relief" in front
    changes = pd.read_csv(out / "tables" / "changes.csv")
    added = changes[changes["change"] == "added"]
    assert added["doc_id"].tolist() == ["letter_2024"]
    signed = set(changes.loc[changes["change"] == "signed", "subject"])
    assert {"Harbour Light Foundation", "Northern Star Relief"} <= signed
    entries = ElementTree.parse(out / "changes.xml").getroot().findall(f"{{{ATOM}}}entry")
    assert len(entries) == 1 and "Harbour Light Foundation" in entries[0].find(f"{{{ATOM}}}content").text
    record = _record(out)
    assert record["status"] == "built" and record["changes"]["document added"] == 1

    before = _published(out)
    capsys.readouterr()
    assert main(command) == 0  # nothing changed: up to date, and not a byte of the report moves
    assert "up to date" in capsys.readouterr().out
    assert _published(out) == before
    assert _record(out)["status"] == "up to date"


def test_quiet_prints_only_errors_and_each_failure_has_its_exit_code(tmp_path, capsys):
    corpus, out, command = _setup(tmp_path)
    assert main([*command, "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert main(["report", "--corpus", str(tmp_path / "missing"), "--out", str(out), "--quiet"]) == 2
    assert "corpus directory not found" in capsys.readouterr().err
    record = _record(out)
    assert (record["status"], record["exit_code"], record["error_kind"]) == ("failed", 2, "CorpusNotFoundError")
    assert (out / "index.html").is_file(), "the last good report stays"
    assert main([*command, "-p", "frist_year", "2005"]) == 2
    assert set(EXIT_CODES.values()) == {0, 1, 2, 3, 4, 5}


def test_a_killed_build_leaves_no_debris_after_the_next_one(tmp_path):
    corpus, out, command = _setup(tmp_path)
    assert main(command) == 0
    good = (out / "index.html").read_bytes()
    # A build killed mid-way: a process that held a staging folder and died.
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = out / f".staging-{victim.pid}"
    dead.mkdir()
    (dead / "index.html").write_text("half a page")
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert (out / "index.html").read_bytes() == good, "a killed build never touches the published report"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    busy = out / f".staging-{running.pid}"  # a build still running keeps its folder
    busy.mkdir()
    try:
        assert remove_debris(out) == [dead]
        assert not dead.exists() and busy.exists()
    finally:
        running.kill()
        running.wait()
    assert main([*command, "--force"]) == 0  # the next build clears what the now-dead one left
    assert not busy.exists()
    assert not list(out.glob(".staging-*"))


def test_the_schedule_files_shipped_in_the_repository_name_the_command():
    service = (paths.ROOT / "deploy" / "nkhr-report.service").read_text()
    timer = (paths.ROOT / "deploy" / "nkhr-report.timer").read_text()
    assert "report ARGS=--quiet" in service and "OnCalendar=" in timer
    if shutil.which("systemd-analyze"):
        for unit in ("nkhr-report.service", "nkhr-report.timer"):
            result = subprocess.run(["systemd-analyze", "verify", str(paths.ROOT / "deploy" / unit)],
                                    capture_output=True, text=True)
            assert result.returncode == 0 and "Unknown" not in result.stderr, (unit, result.stderr)
