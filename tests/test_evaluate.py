"""The scored evaluation: the parser holds its recorded levels, and the scorer counts what a reader would."""

import pytest
import yaml

from nkhr import paths
from nkhr.errors import EvaluationError
from nkhr.evaluate import evaluate, format_scores, main

EVALUATION = paths.ROOT / "tests" / "fixtures" / "evaluation"
SETS = ("dev", "holdout", "check", "untuned")


@pytest.fixture(scope="module")
def scores():
    return {name: evaluate(EVALUATION / name) for name in SETS}


@pytest.mark.parametrize("name", SETS)
def test_no_field_drops_below_its_recorded_level(scores, name):
    levels = yaml.safe_load((EVALUATION / "levels.yml").read_text(encoding="utf-8"))[name]
    frame = scores[name].set_index("field")
    dropped = []
    for field, level in levels.items():
        for measure in ("precision", "recall"):
            if frame.loc[field, measure] < level[measure]:
                dropped.append(f"{field} {measure} {frame.loc[field, measure]:.3f} < recorded {level[measure]:.3f}")
    misses = "\n".join(scores[name].attrs["misses"])
    assert not dropped, f"{name}: " + "; ".join(dropped) + f"\n(make evaluate shows every miss)\n{misses}"


@pytest.mark.parametrize("name", SETS)
def test_no_date_is_invented_where_the_text_states_none(scores, name):
    invented = [m for m in scores[name].attrs["misses"] if ": date should be empty" in m]
    assert invented == []


def _one_document_set(tmp_path, expected):
    (tmp_path / "letter.txt").write_text(
        "Joint Letter on Detention\n\nMay 5, 2021\n\nWe urge Japan to act.\n\nSignatories\n\nHope Network\nRiver Fund\n",
        encoding="utf-8")
    (tmp_path / "expected.yml").write_text(yaml.safe_dump([{"file": "letter.txt", **expected}]), encoding="utf-8")
    return evaluate(tmp_path).set_index("field")


def test_right_wrong_and_missed_values_are_counted_apart(tmp_path):
    frame = _one_document_set(tmp_path, {
        "title": "Joint Letter on Detention", "date": "2021-05-06",
        "signatories": [{"name": "Hope Network"}, {"name": "River Fund"}, {"name": "Lake Trust"}],
    })
    assert frame.loc["title", ["true_positive", "false_positive", "false_negative"]].tolist() == [1, 0, 0]
    assert frame.loc["date", ["true_positive", "false_positive", "false_negative"]].tolist() == [0, 1, 1]
    assert frame.loc["signatories", ["true_positive", "false_negative"]].tolist() == [2, 1]
    assert frame.loc["signatories", "recall"] == pytest.approx(2 / 3, abs=0.001)


def test_a_value_where_the_text_states_none_is_an_error(tmp_path):
    frame = _one_document_set(tmp_path, {"date": None, "addressee": None})
    assert frame.loc["date", "false_positive"] == 1  # the letter states a date: expecting none makes it invented
    assert frame.loc["addressee", "false_positive"] == 0


def test_acceptable_forms_and_country_spellings_match(tmp_path):
    frame = _one_document_set(tmp_path, {"title": ["Letter", "JOINT LETTER ON DETENTION"], "date": "2021-05-05"})
    assert frame.loc["title", "true_positive"] == 1 and frame.loc["date", "true_positive"] == 1


def test_an_expected_file_that_is_not_a_list_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Statement\n\nWe urge all states to act.\n", encoding="utf-8")
    (tmp_path / "expected.yml").write_text("file: a.txt\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="expected.yml"):
        evaluate(tmp_path)


def test_the_command_prints_a_table_per_set_and_records_levels(tmp_path, capsys):
    _one_document_set(tmp_path, {"title": "Joint Letter on Detention"})
    levels = tmp_path / "levels.yml"
    assert main([str(tmp_path), "--quiet", "--record", str(levels)]) == 0
    out = capsys.readouterr().out
    assert "| title | 1 | 0 | 0 | 1.00 | 1.00 |" in out
    assert yaml.safe_load(levels.read_text())[tmp_path.name]["title"] == {"precision": 1.0, "recall": 1.0}


def test_scores_render_as_a_markdown_table(scores):
    table = format_scores(scores["dev"], "### dev")
    assert table.splitlines()[2].startswith("| field | right |")
    assert len(table.splitlines()) == 4 + len(scores["dev"])


def test_sets_compare_side_by_side(scores):
    from nkhr.evaluate import format_comparison

    table = format_comparison(scores).splitlines()
    assert table[0].startswith("| field | dev: precision / recall | holdout: precision / recall |")
    assert table[2].startswith("| title | ") and len(table) == 2 + len(scores["dev"])
