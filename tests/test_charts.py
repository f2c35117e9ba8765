"""Charts: colour-blind-safe, titled, described, aggregated, and drawn from shipped geometry."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nkhr.report import charts


def _all_values(spec, key):
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k == key:
                yield v
            yield from _all_values(v, key)
    elif isinstance(spec, list):
        for item in spec:
            yield from _all_values(item, key)


def _spec(chart) -> dict:
    return chart.to_dict()


def test_bar_chart_plots_the_summary_not_the_rows():
    raw = pd.DataFrame({"kind": ["organisation"] * 33 + ["individual"] * 4})
    summary = charts.count_by(raw, "kind")
    assert summary.set_index("kind")["count"].to_dict() == {"individual": 4, "organisation": 33}
    spec = _spec(charts.bar_chart(summary, "kind", "count", title="Signatories", description="33 organisations and 4 individuals",
                                  category_title="Kind", value_title="Signatories"))
    (rows,) = spec["datasets"].values()
    assert len(rows) == 2
    assert spec["title"] == "Signatories" and spec["description"].startswith("33")
    assert spec["encoding"]["x"]["title"] == "Signatories" and spec["encoding"]["y"]["title"] == "Kind"


def test_every_chart_needs_a_title_and_a_text_alternative():
    with pytest.raises(ValueError, match="text alternative"):
        charts.bar_chart(pd.DataFrame({"a": ["x"], "n": [1]}), "a", "n", title="T", description="", category_title="A", value_title="N")


def test_the_theme_uses_the_colour_blind_safe_palette():
    spec = _spec(charts.bar_chart(pd.DataFrame({"a": ["x"], "n": [1], "k": ["y"]}), "a", "n", color="k", title="T",
                                  description="D", category_title="A", value_title="N"))
    assert spec["config"]["range"]["category"] == charts.PALETTE
    assert len(set(charts.PALETTE)) == 8


def test_the_world_map_embeds_its_geometry_and_fetches_nothing():
    countries = pd.DataFrame({"doc_id": ["a", "a", "b"], "country": ["Japan", "Mongolia", "European Union"],
                              "iso3": ["JPN", "MNG", ""], "role": ["founder", "host", "issuer"]})
    roles = charts.summarise_country_roles(countries)
    assert list(roles["iso3"]) == ["JPN", "MNG"], "actors without an ISO code are not on the map"
    spec = _spec(charts.world_map(roles, title="Countries", description="Japan and Mongolia"))
    assert not list(_all_values(spec, "url"))
    geometry = json.dumps(spec)
    assert '"type": "topojson"' in geometry and '"feature": "countries"' in geometry
    ids = {g["id"] for g in json.loads(charts.WORLD_GEOMETRY.read_text())["objects"]["countries"]["geometries"] if "id" in g}
    assert set(roles["id"]) <= ids, "ISO numeric codes match the shipped geometry's ids"


def test_growth_is_computed_between_observed_points_only():
    obs = pd.DataFrame({"as_of": ["2003-04", "2005", "2007-08-29"], "members": [35, 60, 111], "doc_id": ["a", "b", "a"]})
    growth = charts.growth_between(obs)
    assert list(zip(growth["from_value"], growth["to_value"])) == [(35, 60), (60, 111)]
    assert list(growth["change"]) == [25, 51]


def test_observed_counts_leave_out_attendance():
    membership = pd.DataFrame({
        "event": ["founding", "attendance", "membership"], "as_of": ["2003-04", "2007", "2007-08-29"],
        "members": pd.array([35, 111, 111], dtype="Int64"), "doc_id": ["a", "a", "a"], "start": [1, 2, 3],
    })
    assert list(charts.observed_counts(membership)["event"]) == ["founding", "membership"]


def test_timeline_and_growth_charts_label_axes():
    frame = pd.DataFrame({"date": ["2005-08-01", "2007"], "who": ["A", "B"], "kind": ["x", "y"]})
    spec = _spec(charts.timeline_chart(frame, "date", "who", color="kind", title="T", description="D", row_title="Issued by"))
    assert spec["encoding"]["y"]["title"] == "Issued by" and spec["encoding"]["x"]["title"] == "Date"
    growth = _spec(charts.growth_chart(pd.DataFrame({"as_of": ["2003"], "members": [35], "source": ["s"]}), date="as_of",
                                       value="members", label="source", title="T", description="D", value_title="Members"))
    assert "Members" in list(_all_values(growth, "title"))


def test_an_empty_summary_gives_a_sentence_instead_of_empty_axes():
    empty = pd.DataFrame({"kind": pd.Series(dtype="string"), "count": pd.Series(dtype="Int64")})
    shown = charts.bar_chart(empty, "kind", "count", title="Documents by kind", description="D", category_title="K", value_title="N")
    assert "Documents by kind: nothing to plot" in shown._repr_html_()


def test_a_count_restated_at_a_coarser_date_is_one_observation():
    membership = pd.DataFrame({
        "event": ["founding", "founding", "membership"], "as_of": ["2009", "2009-03", "2011-05-12"],
        "members": pd.array([20, 20, 48], dtype="Int64"), "doc_id": ["a", "a", "a"], "start": [1, 2, 3],
    })
    observed = charts.observed_counts(membership)
    assert list(observed["as_of"]) == ["2009-03", "2011-05-12"]
    assert list(charts.growth_between(membership[membership["event"] != "x"])["from_as_of"]) == ["2009-03"]


def test_no_observations_give_empty_summaries_not_errors():
    empty = pd.DataFrame({"event": pd.Series(dtype="string"), "as_of": pd.Series(dtype="string"),
                          "members": pd.Series(dtype="Int64"), "doc_id": pd.Series(dtype="string"), "start": pd.Series(dtype="Int64")})
    assert charts.observed_counts(empty).empty and "event" in charts.observed_counts(empty).columns
    assert charts.growth_between(empty).empty


def test_labels_of_observations_close_in_time_do_not_print_over_each_other():
    observed = pd.DataFrame({
        "as_of": ["2003", "2003-04", "2007-08-29"], "countries": [6, 5, 36],
        "source": ["2005 joint statement", "2007 joint statement", "2007 joint statement"],
    })
    spec = charts.growth_chart(
        observed, date="as_of", value="countries", label="source", title="Countries", description="Counts.",
        value_title="Countries",
    ).to_dict()
    (rows,) = spec["datasets"].values()
    assert [row["label_side"] for row in rows] == ["above", "below", "above"]
    texts = {layer["mark"]["dy"]: layer["transform"] for layer in spec["layer"] if layer["mark"]["type"] == "text"}
    above, below = min(texts), max(texts)
    assert above < 0 < below, "one text layer above the points, one below"
    # each label is drawn once: each layer keeps only its own side
    assert texts[above] == [{"filter": "(datum.label_side === 'above')"}]
    assert texts[below] == [{"filter": "(datum.label_side === 'below')"}]


def test_two_observations_on_the_same_date_are_labelled_on_both_sides():
    same_day = pd.DataFrame({"as_of": ["2007-08-29", "2007-08-29"], "members": [111, 111],
                             "source": ["statement", "introduction"]})
    spec = charts.growth_chart(same_day, date="as_of", value="members", label="source", title="Members",
                               description="Counts.", value_title="Members").to_dict()
    (rows,) = spec["datasets"].values()
    assert [row["label_side"] for row in rows] == ["above", "below"]


def _grid(documents: int) -> pd.DataFrame:
    rows = []
    for position in range(1, documents + 1):
        for theme, passages in (("abductions", position % 2), ("food_aid", 1)):
            rows.append({"doc_id": f"d{position}", "date": f"{2000 + position}-01-01", "year": 2000 + position,
                         "order": position, "theme": theme, "label": theme.replace("_", " "),
                         "passages": passages, "matches": passages, "document": f"doc {position}"})
    return pd.DataFrame(rows)


def test_the_theme_heatmap_plots_coded_cells_only_and_switches_to_years_past_a_screenful():
    few = charts.theme_heatmap(_grid(3)).to_dict()
    (cells,) = few["datasets"].values()
    assert few["encoding"]["x"]["field"] == "document"
    assert len(cells) == 5, "uncoded cells are left out: 2 abductions + 3 food aid"
    assert few["title"] and "3 documents" in few["description"]
    many = charts.theme_heatmap(_grid(40), most_columns=30).to_dict()
    assert many["encoding"]["x"]["field"] == "year" and "40 years" in many["description"]


def test_the_ask_matrix_chart_puts_the_most_asked_addressee_first():
    matrix = pd.DataFrame({"addressee": ["China", "UN", "UN"], "strength": [4, 3, 5], "asks": [1, 2, 2]})
    spec = charts.ask_matrix_chart(matrix).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["UN", "China"]
    assert "China, strength 4: 1" in spec["description"]


def test_two_accounts_of_one_date_that_disagree_are_not_joined_by_a_line():
    observed = pd.DataFrame({"as_of": ["2003-04", "2003-04", "2007-08-29"], "countries": [5, 6, 36],
                             "source": ["statement A", "statement B", "statement C"], "organisation": ["X", "X", "X"]})
    spec = charts.growth_chart(observed, date="as_of", value="countries", label="source", title="Countries",
                               description="Countries over time", value_title="Countries", series="organisation").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [row["joined"] for row in rows] == [False, False, True]
    line = spec["layer"][0]
    assert line["mark"]["type"] == "line" and line["transform"] == [{"filter": "datum.joined"}]


def test_timeline_labels_are_whole_and_years_do_not_crowd():
    meetings = pd.DataFrame({"date": ["2003-04-01", "2023-04-20"], "label": ["1st General Meeting, Seoul", "19th, London"]})
    spec = charts.timeline_chart(meetings, "date", "label", title="Meetings", description="Two meetings", row_title="Meeting").to_dict()
    assert spec["encoding"]["y"]["axis"]["labelLimit"] == 0
    assert spec["encoding"]["x"]["axis"]["tickCount"] == {"interval": "year", "step": 3}
