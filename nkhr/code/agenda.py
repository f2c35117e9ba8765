"""How the agenda moves: themes by document and over time, asks by addressee and strength.

Summaries of the ``themes`` and ``asks`` tables for the report; every function takes
tables and returns a new tidy frame.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "year": [2005, 2023], "date": ["2005", "2023"]})
>>> coded = pd.DataFrame({"doc_id": ["a", "b", "b"], "passage": [1, 1, 2], "theme": ["x", "x", "y"]})
>>> theme_trajectories(coded, docs)[["theme", "first_year", "last_year", "trajectory"]].values.tolist()
[['x', 2005, 2023, 'persists'], ['y', 2023, 2023, 'appears']]
"""

from __future__ import annotations

import pandas as pd

from .themes import Taxonomy, load_taxonomy

TRAJECTORIES = ("persists", "appears", "fades", "comes and goes")


def theme_presence(themes: pd.DataFrame, documents: pd.DataFrame, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """One row per document and theme, zeros included: passages and matches coded.

    Documents come in date order, themes in taxonomy order, so a heatmap reads left to
    right through time and top to bottom through the taxonomy file.
    """
    taxonomy = taxonomy or load_taxonomy()
    labels = {t.key: t.label for t in taxonomy.themes}
    order = [t.key for t in taxonomy.themes] + sorted(set(themes["theme"]) - set(labels))
    docs = documents.sort_values(["date", "doc_id"], kind="stable", na_position="last")
    counted = themes.groupby(["doc_id", "theme"]).agg(passages=("passage", "nunique"), matches=("theme", "size"))
    # Every (document, theme) pair at once, absent pairs counted as zero.
    pairs = pd.MultiIndex.from_product([docs["doc_id"].tolist(), order], names=["doc_id", "theme"])
    filled = counted.reindex(pairs, fill_value=0).reset_index()
    repeat = len(order)
    frame = pd.DataFrame({
        "doc_id": filled["doc_id"],
        "date": docs["date"].to_numpy().repeat(repeat),
        "year": docs["year"].to_numpy().repeat(repeat),
        "order": [position for position in range(1, len(docs) + 1) for _ in range(repeat)],
        "theme": filled["theme"],
        "label": [labels.get(theme, theme) for theme in filled["theme"]],
        "passages": filled["passages"],
        "matches": filled["matches"],
    })
    return frame.astype({"passages": "Int64", "matches": "Int64", "order": "Int64", "year": "Int64"})


def theme_trajectories(themes: pd.DataFrame, documents: pd.DataFrame, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """One row per coded theme: the documents and years it appears in, and its trajectory.

    Relative to the corpus's first and last document years a theme ``persists`` (coded in
    both), ``appears`` (absent from the first year, coded in the last), ``fades`` (coded in
    the first year, absent from the last) or ``comes and goes`` (in neither).
    """
    keys = [t.key for t in (taxonomy or load_taxonomy()).themes]
    years = documents.set_index("doc_id")["year"]
    corpus_years = years.dropna()
    if corpus_years.empty or themes.empty:
        return pd.DataFrame(columns=["theme", "documents", "years", "first_year", "last_year", "trajectory"])
    first, last = int(corpus_years.min()), int(corpus_years.max())
    rows = []
    for theme, group in themes.groupby("theme", sort=False):
        coded_years = sorted({int(y) for y in years.reindex(group["doc_id"].unique()).dropna()})
        if not coded_years:
            continue
        starts, ends = coded_years[0] == first, coded_years[-1] == last
        trajectory = TRAJECTORIES[0] if starts and ends else TRAJECTORIES[1] if ends else TRAJECTORIES[2] if starts else TRAJECTORIES[3]
        rows.append({"theme": theme, "documents": group["doc_id"].nunique(), "years": ", ".join(map(str, coded_years)),
                     "first_year": coded_years[0], "last_year": coded_years[-1], "trajectory": trajectory})
    frame = pd.DataFrame(rows)
    rank = {k: i for i, k in enumerate(keys)}
    frame = frame.sort_values("theme", key=lambda s: s.map(lambda k: rank.get(k, len(rank))), kind="stable")
    return frame.reset_index(drop=True).astype({"documents": "Int64", "first_year": "Int64", "last_year": "Int64"})


def first_and_last_matches(themes: pd.DataFrame, documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each theme's earliest and latest match in document date order, as two frames indexed by theme.

    The rows keep every column of ``themes`` (quote and offsets included), so each can be cited.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2005", "2023"]})
    >>> coded = pd.DataFrame({"doc_id": ["b", "a", "b"], "theme": ["x", "x", "y"], "start": [9, 4, 1], "quote": ["p", "q", "r"]})
    >>> earliest, latest = first_and_last_matches(coded, docs)
    >>> sorted(earliest["quote"].items()), sorted(latest["quote"].items())
    ([('x', 'q'), ('y', 'r')], [('x', 'p'), ('y', 'r')])
    """
    dated = themes.merge(documents[["doc_id", "date"]], on="doc_id").sort_values(["date", "doc_id", "start"], kind="stable")
    return (dated.drop_duplicates("theme", keep="first").set_index("theme"),
            dated.drop_duplicates("theme", keep="last").set_index("theme"))


def ask_matrix(asks: pd.DataFrame) -> pd.DataFrame:
    """Count asks by addressee and strength, one row per pair; an ask to several addressees counts for each.

    >>> asks = pd.DataFrame({"addressee": ["China", "China; all states", "legislatures (Japan)"], "strength": [4, 5, 4]})
    >>> ask_matrix(asks).values.tolist()
    [['China', 4, 1], ['China', 5, 1], ['all states', 5, 1], ['legislatures', 4, 1]]
    """
    if asks.empty:
        return pd.DataFrame({"addressee": pd.Series(dtype="string"), "strength": pd.Series(dtype="Int64"),
                             "asks": pd.Series(dtype="Int64")})
    split = asks.assign(addressee=asks["addressee"].astype("string").str.split("; ")).explode("addressee")
    # "legislatures (South Korea, Japan)" counts with every other address to legislatures
    split["addressee"] = split["addressee"].str.replace(r"\s*\(.*\)$", "", regex=True)
    counted = split.groupby(["addressee", "strength"]).size().rename("asks").reset_index()
    return counted.astype({"addressee": "string", "strength": "Int64", "asks": "Int64"})
