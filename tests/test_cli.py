"""The nkhr command: check and tables."""

import json
import subprocess
import sys

import pandas as pd

from nkhr import paths
from nkhr.cli import main


def test_check_prints_file_line_severity_message_and_fails_on_errors(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to act.\n\nResolutions:\n")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    code = main(["check", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert "b.pdf: error: a corrupt or truncated PDF: download it again or re-save it from a PDF viewer" in out
    assert any(line.startswith("a.txt:7: warning: a looks truncated") for line in out)


def test_check_passes_on_the_seeds_with_warnings_for_what_they_do_not_state(capsys):
    assert main(["check", str(paths.SEEDS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(": warning: " in line for line in out)
    # the 2007 statement ends at a heading; the two 2020 letters name signatories but no issuer
    assert sum("truncated" in line for line in out) == 1
    assert sum("no issuer named" in line and line.startswith("004_") for line in out) == 2
    assert len(out) == 3


def test_missing_directory_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert capsys.readouterr().err.strip().startswith("nkhr: error:")


def test_tables_writes_csv_parquet_and_a_data_package(tmp_path):
    out = tmp_path / "tables"
    assert main(["tables", "--corpus", str(paths.SEEDS), "--out", str(out)]) == 0
    package = json.loads((out / "datapackage.json").read_text())
    names = {resource["name"] for resource in package["resources"]}
    assert {"documents", "signatories", "stated-counts", "problems"} <= names
    signatories = next(r for r in package["resources"] if r["name"] == "signatories")
    fields = {f["name"]: f for f in signatories["schema"]["fields"]}
    assert fields["start"]["type"] == "integer" and "offset" in fields["start"]["description"]
    csv = pd.read_csv(out / "signatories.csv")
    parquet = pd.read_parquet(out / "signatories.parquet")
    assert len(csv) == len(parquet) == 78  # 74 names on the two 2020 letters, 4 states issuing the 2023 statement
    assert list(csv.columns) == [f["name"] for f in signatories["schema"]["fields"]]


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "nkhr.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "check" in result.stdout and "report" in result.stdout


def test_check_lists_the_curators_mistakes_by_line_and_fails_on_errors(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to act.\n")
    (tmp_path / "metadata.csv").write_text("source,date\na.txt,2019-05-02\nb.txt,2019\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert 'metadata.csv:2: warning: date 2019-05-02 set by the curator contradicts 2019-05-01 stated in the text ("May 1, 2019")' in out
    assert any(line.startswith("metadata.csv:3: error: expected the file name of a statement") for line in out)
    # the file is read as corrections, never as a statement in an unsupported format
    assert not any("unsupported format" in line for line in out)


def test_check_template_writes_metadata_csv_and_says_where(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Joint Statement on Refugees\n\nMay 1, 2019\n\nWe urge China to act.\n")
    assert main(["check", "--template", str(tmp_path)]) == 0
    written = tmp_path / "metadata.csv"
    assert f"wrote {written}" in capsys.readouterr().err
    header, row = written.read_text(encoding="utf-8").splitlines()
    assert header == "source,doc_id,title,date,kind,issuers,addressee,organisation,language"
    assert row.startswith("a.txt,a,Joint Statement on Refugees,2019-05-01,joint statement,")
    assert main(["check", "--template", str(tmp_path)]) == 2  # a curator's file is never overwritten silently
    assert "add --force" in capsys.readouterr().err


def test_report_help_lists_the_exit_codes(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "exit status:" in out and "3  another build holds the lock" in out and "--quiet" in out
