"""A small, fast run of the benchmark code, so ``make bench`` cannot rot unnoticed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest

# benchmarks/ is a folder of the repository, not part of the installed package
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import run  # noqa: E402

ROW_FIELDS = {
    "scale", "files", "megabytes", "load_seconds", "cached_load_seconds", "documents", "passages",
    "docs_per_second", "mb_per_second", "peak_memory_mb", "baseline_rss_mb", "cores_used", "theme_seconds",
    "theme_literal_seconds", "spacy_seconds", "theme_speedup_over_spacy", "theme_agreement", "nkhr_matches",
    "spacy_matches", "common_matches", "differences_total", "differences", "cache_hit",
}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results.json"
    status = run.main(["--quick", "--out", str(out), "--corpora", str(tmp / "corpora")])
    return status, out


def test_quick_run_writes_every_figure_for_sizes_1_and_10(quick_run):
    status, out = quick_run
    assert status == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["sizes"] == [1, 10]
    assert "cold" in results["method"]["cache"]
    # the figures name the code they measured
    assert len(results["code"]["commit"]) == 40 and isinstance(results["code"]["uncommitted_changes"], bool)
    for row in results["rows"]:
        assert "error" not in row, row.get("error")
        assert ROW_FIELDS <= set(row), ROW_FIELDS - set(row)
        assert row["files"] == 5 * row["scale"]
        assert row["load_seconds"] > 0 and row["docs_per_second"] > 0 and row["mb_per_second"] > 0
        # the peak includes the interpreter and pandas, so it cannot be below the baseline
        assert row["peak_memory_mb"] >= row["baseline_rss_mb"] > 0
        assert 0 <= row["theme_agreement"] <= 1
        assert row["common_matches"] <= min(row["nkhr_matches"], row["spacy_matches"])
        assert len(row["differences"]) == min(row["differences_total"], run.MAX_DIFFERENCES)
    ten = results["rows"][1]
    assert ten["documents"] > results["rows"][0]["documents"]
    assert {t["target"] for t in results["targets"]} >= {
        "theme coding speed against spaCy PhraseMatcher", "theme coding agreement with spaCy"}


def test_rows_that_were_not_measured_leave_targets_unjudged():
    targets = run.check_targets([{"scale": 1, "error": "load_corpus: exit 1"}])
    growth = [t for t in targets if t["target"].startswith("growth")]
    assert growth and growth[0]["pass"] is None


def test_targets_are_judged_from_the_measurements_given():
    rows = [
        {"scale": 100, "load_seconds": 1.0, "report_seconds": 30.0, "floor_seconds": 15.0, "floor_notebooks": 4,
         "noop_seconds": 0.5, "noop_says_up_to_date": True},
        {"scale": 1000, "load_seconds": 12.0, "cores_used": 1.8, "peak_memory_mb": 900.0,
         "report_html_bytes": 2_000_000, "spacy_pipeline_seconds": 10.0, "load_over_spacy_pipeline": 1.2},
    ]
    verdicts = {t["target"]: t["pass"] for t in run.check_targets(rows)}
    assert verdicts["growth: load time at 1000x / at 100x"] is False  # 12 > 11
    pipeline = next(name for name in verdicts if name.startswith("whole load_corpus against spaCy"))
    assert verdicts[pipeline] is False  # 1.2 times spaCy's pipeline: slower than the goal
    assert not any("1000x corpus" in name and "load" in name for name in verdicts), "no absolute seconds target"
    assert verdicts["report regeneration at 100x over its floor"] is False  # 2.0 > 1.5
    assert verdicts["`nkhr report` with nothing changed"] is True
    assert verdicts["report HTML from the 1000x corpus"] is True


def test_table_shows_one_line_per_size_and_each_target():
    rows = [{"scale": 1, "files": 5, "megabytes": 0.036, "load_seconds": 0.05}, {"scale": 10, "error": "boom"}]
    targets = [{"target": "x", "wanted": "< 1", "measured": 2, "pass": False}]
    table = run.format_table(rows, targets)
    assert "| 1x | 5 | 0.0 | 0.05 |" in table
    assert "| 10x |  | error: boom |" in table
    assert "| x | < 1 | 2 | FAIL |" in table


def test_floor_notebooks_only_load_the_corpus(tmp_path):
    written = run.write_floor_notebooks(tmp_path, 3)
    assert len(written) == 3
    nb = nbformat.read(written[0], as_version=4)
    tagged = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1 and "corpus_dir" in tagged[0].source
    assert "nkhr.load_corpus(corpus_dir)" in nb.cells[-1].source


@pytest.mark.slow
def test_floor_runs_its_notebooks_through_papermill_and_nbconvert(tmp_path):
    corpus = run.prepare_corpus(1, root=tmp_path / "corpora")
    floor = run.measure_floor(corpus, tmp_path, count=1)
    assert "floor_error" not in floor, floor.get("floor_error")
    assert floor["floor_seconds"] > 0
    assert floor["floor_html_bytes"] > 1000  # one rendered page


def test_cold_run_writes_the_cache_the_second_process_reads(quick_run):
    _, out = quick_run
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert all(row["cache_hit"] for row in rows)
