"""The agenda over time: which themes persist, appear and fade; who is asked, how hard."""

from __future__ import annotations

from nkhr.code.agenda import (
    ask_matrix,
    first_and_last_matches,
    theme_presence,
    theme_trajectories,
)
from nkhr.code.themes import load_taxonomy


def test_trajectories_follow_the_seed_statements_through_time(seeds):
    paths_by_theme = theme_trajectories(seeds.themes, seeds.documents).set_index("theme")["trajectory"]
    assert paths_by_theme["abductions"] == "persists"        # 2005 to 2023
    assert paths_by_theme["six_party_dialogue"] == "fades"    # 2005 and 2007 only
    assert paths_by_theme["cyber"] == "appears"               # 2023 only
    assert paths_by_theme["covid19"] == "comes and goes"      # 2020 only


def test_the_presence_grid_has_every_document_and_theme_in_date_order(seeds):
    grid = theme_presence(seeds.themes, seeds.documents)
    assert len(grid) == len(seeds.documents) * len(load_taxonomy().themes)
    firsts = grid.drop_duplicates("doc_id")
    assert firsts["date"].tolist() == sorted(firsts["date"])
    coded = seeds.themes.groupby(["doc_id", "theme"])["passage"].nunique()
    shown = grid[grid["passages"] > 0].set_index(["doc_id", "theme"])["passages"]
    assert shown.sort_index().tolist() == coded.sort_index().tolist()


def test_the_ask_matrix_counts_each_addressee_of_each_ask(seeds):
    matrix = ask_matrix(seeds.asks)
    total = seeds.asks["addressee"].str.split("; ").str.len().sum()
    assert matrix["asks"].sum() == total
    assert "legislatures" in set(matrix["addressee"])
    china = matrix[matrix["addressee"] == "China"]
    assert china[["strength", "asks"]].values.tolist() == [[4, 1]]


def test_each_theme_cites_its_earliest_and_latest_match_by_document_date(seeds):
    earliest, latest = first_and_last_matches(seeds.themes, seeds.documents)
    dates = seeds.documents.set_index("doc_id")["date"]
    assert set(earliest.index) == set(latest.index) == set(seeds.themes["theme"])
    for theme, rows in seeds.themes.groupby("theme"):
        assert dates[earliest.loc[theme, "doc_id"]] == min(dates[rows["doc_id"]])
        assert dates[latest.loc[theme, "doc_id"]] == max(dates[rows["doc_id"]])
    # the rows still quote their source
    assert earliest.loc["abductions", "quote"].lower().startswith("abduct")
