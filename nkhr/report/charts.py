"""Altair charts for the report: aggregated data, titles, labelled axes, text alternatives.

Every helper takes a tidy frame, aggregates it to what the chart shows (so a
page embeds summaries, never raw rows) and requires a title and a description:
the description is the chart's text alternative. Colours come from the
Okabe-Ito palette, which stays distinguishable for the common forms of colour
blindness (https://jfly.uni-koeln.de/color/).

Importing this module registers and enables the report's Altair theme and a
renderer that emits the Vega-Lite spec as a plain mime bundle (JupyterLab draws
it; :mod:`nkhr.report.render` turns it into an offline chart).

>>> import pandas as pd
>>> count_by(pd.DataFrame({"kind": ["a", "b", "a"]}), "kind")
  kind  count
0    a      2
1    b      1
"""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd
import pycountry

from .. import paths
from ..imports import lean_import
from ..offline import enable as enable_offline

alt = lean_import("altair")  # the Altair module, as ``import altair as alt`` would give

#: Okabe & Ito's colour-blind-safe hues, darkened where needed so every colour keeps at least
#: 3:1 contrast against the white page (WCAG 2.1 non-text contrast): blue 5.2, orange 4.3,
#: green 5.4, purple 5.4, olive 5.1, vermillion 4.8, grey 7.5, black 21.
PALETTE = ["#0072B2", "#B06A00", "#00795A", "#A8487B", "#7A6F00", "#C24E00", "#555555", "#000000"]
#: Sequential ranges whose lightest end keeps 3:1 against white (3.5 and 3.9): zero cells are not drawn,
#: so the page's white is "none" and the lightest colour is one, told apart from it.
BLUES = ["#4F8FC0", "#08306B"]
ORANGES = ["#C8671A", "#7F2704"]
#: Colour of countries and marks that carry no category.
NEUTRAL = "#dcdcdc"
WORLD_GEOMETRY = paths.PACKAGE_DATA / "countries-110m.json"
#: Country roles in the order a map shows them when a country has several.
ROLE_ORDER = ["founder", "host", "issuer", "signatory_country", "member", "addressee", "subject"]


def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            # Marks and axes stay out of the accessibility tree: each chart is one image whose
            # text alternative is its description (a map's thousands of paths have no names).
            "aria": False,
            "mark": {"aria": False},
            "font": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            "range": {"category": PALETTE},
            "title": {"anchor": "start", "fontSize": 15, "subtitleColor": "#57606a"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "view": {"continuousWidth": 560, "continuousHeight": 300, "stroke": None},
        }
    }


alt.theme.register("nkhr", enable=True)(_theme)


# The spec is offered under v6's name and JupyterLab's v5, so charts draw in JupyterLab offline.
enable_offline(alt)


def count_by(frame: pd.DataFrame, by: str | list[str], name: str = "count") -> pd.DataFrame:
    """Count rows per value of ``by``: the summary a bar chart plots."""
    by = [by] if isinstance(by, str) else list(by)
    if frame.empty:
        return pd.DataFrame({**{b: pd.Series(dtype="string") for b in by}, name: pd.Series(dtype="Int64")})
    counted = frame.groupby(by, dropna=False, sort=True).size().rename(name).reset_index()
    return counted.astype({name: "Int64"})


def _require(title: str, description: str) -> None:
    if not title or not description:
        raise ValueError("every chart needs a title and a description (its text alternative)")


def _nothing_to_plot(title: str):
    """What a chart helper returns for an empty summary: a sentence, not an empty frame of axes."""
    from .provenance import paragraph

    return paragraph(f"{title}: nothing to plot for this corpus and year range.")


def bar_chart(
    summary: pd.DataFrame, category: str, value: str, *, title: str, description: str,
    category_title: str, value_title: str, color: str | None = None, color_title: str | None = None,
    tooltip: list[str] | None = None,
) -> alt.Chart:
    """Horizontal bars of an already aggregated ``summary``, largest first (a sentence when it is empty)."""
    _require(title, description)
    if summary.empty:
        return _nothing_to_plot(title)
    encoding = {
        "y": alt.Y(f"{category}:N", title=category_title, sort="-x"),
        "x": alt.X(f"sum({value}):Q", title=value_title, axis=alt.Axis(tickMinStep=1, format="d")),
        "tooltip": tooltip or [alt.Tooltip(f"{category}:N", title=category_title), alt.Tooltip(f"{value}:Q", title=value_title)],
    }
    if color:
        encoding["color"] = alt.Color(f"{color}:N", title=color_title or color)
    else:
        encoding["color"] = alt.value(PALETTE[0])
    return alt.Chart(summary, title=title, description=description).mark_bar().encode(**encoding)


def as_dates(values: pd.Series) -> pd.Series:
    """Parse ISO dates of any precision (``2005``, ``2005-08``, ``2005-08-01``) to timestamps."""
    return pd.to_datetime(values.astype("string"), format="ISO8601", errors="coerce")


def year_axis(dates: pd.Series, most_labels: int = 8) -> alt.Axis:
    """A time axis labelled in years, every year or every few, so labels never run together.

    >>> year_axis(pd.to_datetime(pd.Series(["2003-04-01", "2023-12-15"]))).to_dict()["tickCount"]
    {'interval': 'year', 'step': 3}
    """
    known = dates.dropna()
    span = (known.max().year - known.min().year) if len(known) else 0
    step = max(1, -(-span // most_labels))
    return alt.Axis(format="%Y", tickCount={"interval": "year", "step": step}, labelOverlap="greedy", labelAngle=0)


def timeline_chart(
    summary: pd.DataFrame, date: str, row: str, *, title: str, description: str, row_title: str,
    color: str | None = None, color_title: str | None = None, label: str | None = None,
    tooltip: list[str] | None = None, row_order: list[str] | None = None,
) -> alt.Chart:
    """Points on a time axis, one line per value of ``row`` (in ``row_order`` if given), optionally labelled."""
    _require(title, description)
    if summary.empty:
        return _nothing_to_plot(title)
    dates = as_dates(summary[date])
    data = summary.assign(**{date: dates.dt.strftime("%Y-%m-%d")})
    base = alt.Chart(data, title=title, description=description).encode(
        x=alt.X(f"{date}:T", title="Date", axis=year_axis(dates)),
        # whole labels: a cut label hides the place that tells two meetings apart
        y=alt.Y(f"{row}:N", title=row_title, sort=row_order or "ascending", axis=alt.Axis(labelLimit=0)),
        tooltip=tooltip or [alt.Tooltip(f"{row}:N", title=row_title), alt.Tooltip(f"{date}:T", title="Date")],
    )
    colour = alt.Color(f"{color}:N", title=color_title or color) if color else alt.value(PALETTE[0])
    points = base.mark_point(size=120, filled=True, opacity=0.9).encode(color=colour)
    if not label:
        return points
    labels = base.mark_text(align="left", dx=8, dy=-8, fontSize=11, color="#1f2328").encode(text=f"{label}:N")
    return alt.layer(points, labels, title=title, description=description)


def growth_chart(
    observations: pd.DataFrame, *, date: str, value: str, label: str, title: str, description: str,
    value_title: str, series: str | None = None,
) -> alt.LayerChart:
    """Observed counts over time: points joined by a line, each labelled with its source.

    Only observed points are drawn; the line between them is a guide, not data. With
    ``series`` (a column such as ``organisation``), a line joins only the points of
    one series: two coalitions' counts are never drawn as one growing line.
    """
    _require(title, description)
    if observations.empty:
        return _nothing_to_plot(title)
    dates = as_dates(observations[date])
    data = observations.assign(**{date: dates.dt.strftime("%Y-%m-%d"), "label_side": _label_sides(dates)})
    # Two accounts of one date that disagree are drawn as points, never joined: a line between them
    # would show a change that no source reports.
    keys = [series, date] if series else [date]
    data["joined"] = data.groupby(keys)[value].transform("nunique").eq(1)
    base = alt.Chart(data).encode(
        x=alt.X(f"{date}:T", title="Date of observation", axis=year_axis(dates)),
        y=alt.Y(f"{value}:Q", title=value_title, scale=alt.Scale(zero=True)),
        tooltip=[alt.Tooltip(f"{date}:T", title="Date"), alt.Tooltip(f"{value}:Q", title=value_title), alt.Tooltip(f"{label}:N", title="Source")],
    )
    line = base.mark_line(color=PALETTE[0], strokeDash=[4, 3]).transform_filter(alt.datum.joined)
    if series:
        line = line.encode(detail=f"{series}:N")
    points = base.mark_point(size=110, filled=True, color=PALETTE[0])
    above = base.mark_text(align="left", dx=8, dy=-10, fontSize=11).encode(text=f"{label}:N").transform_filter(
        alt.datum.label_side == "above")
    below = base.mark_text(align="left", dx=8, dy=14, fontSize=11).encode(text=f"{label}:N").transform_filter(
        alt.datum.label_side == "below")
    return alt.layer(line, points, above, below, title=title, description=description)


def _label_sides(dates: pd.Series, crowded: float = 0.15) -> list[str]:
    """Put a point's label below when the point before it is close in time and labelled above.

    Two observations months apart (or on the same date) would otherwise print their
    sources over each other. Close means nearer than ``crowded`` of the chart's span.

    >>> _label_sides(pd.to_datetime(pd.Series(["2003-01-01", "2003-04-01", "2007-08-29"])))
    ['above', 'below', 'above']
    >>> _label_sides(pd.to_datetime(pd.Series(["2007-08-29", "2007-08-29"])))
    ['above', 'below']
    """
    when = pd.Series(list(dates))  # by position: the caller's index may repeat
    known = when.dropna()
    span = (known.max() - known.min()) if len(known) > 1 else pd.Timedelta(0)
    sides = ["above"] * len(when)
    previous = None
    for position in when.sort_values(kind="stable", na_position="last").index:
        current = when[position]
        gap = None if previous is None or pd.isna(current) or pd.isna(when[previous]) else current - when[previous]
        close = gap is not None and (gap == pd.Timedelta(0) or gap < span * crowded)
        if close and sides[previous] == "above":
            sides[position] = "below"
        previous = position
    return sides


def theme_heatmap(grid: pd.DataFrame, *, most_columns: int = 30) -> alt.Chart:
    """Passages coded with each theme: themes down in taxonomy order, documents across, oldest first.

    ``grid`` is :func:`nkhr.code.agenda.theme_presence` with a ``document`` label column.
    Past ``most_columns`` documents the columns are years, so the chart stays about a
    screen wide. The title and the text alternative are written from the data.
    """
    from .provenance import plural

    theme_order = list(dict.fromkeys(grid["label"]))
    many = grid["doc_id"].nunique() > most_columns
    column, column_title = ("year", "Year") if many else ("document", "Document (oldest first)")
    cells = grid[grid["passages"] > 0].groupby([column, "label"], as_index=False)[["passages", "matches"]].sum()
    columns = [str(c) for c in dict.fromkeys(grid.sort_values("order")[column])]
    cells[column] = cells[column].astype(str)
    return alt.Chart(
        cells, title="Passages coded with each theme, by " + column_title.split(" ")[0].lower(),
        description=f"Heatmap of {len(theme_order)} themes across {len(columns)} {'years' if many else 'documents'} in date order; "
        + "; ".join(f"{r.label}: {plural(r.passages, 'passage')} in {getattr(r, column)}" for r in cells.itertuples()) + ".",
    ).mark_rect(stroke="white").encode(
        x=alt.X(f"{column}:N", sort=columns, scale=alt.Scale(domain=columns), title=column_title,
                axis=alt.Axis(labelAngle=-30, labelLimit=220)),
        y=alt.Y("label:N", sort=theme_order, scale=alt.Scale(domain=theme_order), title=None),
        color=alt.Color("passages:Q", title="Passages", scale=alt.Scale(range=BLUES, domainMin=1)),
        tooltip=[alt.Tooltip("label:N", title="Theme"), alt.Tooltip(f"{column}:N", title=column_title),
                 alt.Tooltip("passages:Q", title="Passages"), alt.Tooltip("matches:Q", title="Matches")],
    ).properties(width=alt.Step(70), height=alt.Step(18))


def ask_matrix_chart(matrix: pd.DataFrame) -> alt.Chart:
    """Asks by addressee and strength, the most asked addressee first.

    ``matrix`` is :func:`nkhr.code.agenda.ask_matrix`; the text alternative lists every cell.
    """
    order = list(matrix.groupby("addressee")["asks"].sum().sort_values(ascending=False, kind="stable").index)
    return alt.Chart(
        matrix, title="Asks by addressee and strength",
        description="Matrix of asks: " + "; ".join(f"{r.addressee}, strength {r.strength}: {r.asks}" for r in matrix.itertuples()) + ".",
    ).mark_rect(stroke="white").encode(
        x=alt.X("strength:O", title="Strength (1 notes … 5 demands)"),
        y=alt.Y("addressee:N", sort=order, title=None),
        color=alt.Color("asks:Q", title="Asks", scale=alt.Scale(range=ORANGES, domainMin=1)),
        tooltip=["addressee:N", "strength:O", "asks:Q"],
    ).properties(width=alt.Step(48), height=alt.Step(20))


def iso_numeric(iso3: str | None) -> str | None:
    """The ISO 3166 numeric code the world geometry uses as id, from an alpha-3 code.

    >>> iso_numeric("KOR"), iso_numeric("PRK"), iso_numeric(None)
    ('410', '408', None)
    """
    if not iso3 or pd.isna(iso3):
        return None
    country = pycountry.countries.get(alpha_3=str(iso3))
    return country.numeric if country else None


def summarise_country_roles(countries: pd.DataFrame) -> pd.DataFrame:
    """One row per country with an ISO code: its roles, the first role in ``ROLE_ORDER``, and documents.

    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "country": ["Japan", "Japan"], "iso3": ["JPN", "JPN"], "role": ["host", "founder"]})
    >>> summarise_country_roles(frame)[["iso3", "main_role", "roles", "documents"]].to_dict("records")
    [{'iso3': 'JPN', 'main_role': 'founder', 'roles': 'founder, host', 'documents': 2}]
    """
    columns = ["iso3", "id", "country", "main_role", "roles", "documents"]
    known = countries[countries["iso3"].notna() & (countries["iso3"].astype("string") != "")]
    rank = {role: i for i, role in enumerate(ROLE_ORDER)}
    rows = []
    for iso3, group in known.groupby("iso3", sort=True):
        roles = sorted(set(group["role"].dropna()), key=lambda r: (rank.get(r, len(rank)), r))
        rows.append({
            "iso3": iso3, "id": iso_numeric(iso3), "country": group["country"].iloc[0],
            "main_role": roles[0] if roles else "", "roles": ", ".join(roles),
            "documents": int(group["doc_id"].nunique()),
        })
    return pd.DataFrame(rows, columns=columns).astype({"documents": "Int64"})


@lru_cache(maxsize=1)
def _world_topology() -> dict:
    return json.loads(WORLD_GEOMETRY.read_text(encoding="utf-8"))


def world_map(country_roles: pd.DataFrame, *, title: str, description: str) -> alt.LayerChart:
    """A world map colouring each country by its main role; countries not named stay grey.

    ``country_roles`` is the output of :func:`summarise_country_roles`. The
    geometry is Natural Earth 1:110m via the world-atlas package, shipped in
    ``nkhr/data``; it is embedded in the page, never fetched.
    """
    _require(title, description)
    geometry = alt.Data(values=_world_topology(), format=alt.DataFormat(type="topojson", feature="countries"))
    lookup = country_roles.dropna(subset=["id"])[["id", "country", "main_role", "roles", "documents"]]
    background = alt.Chart(geometry).mark_geoshape(fill=NEUTRAL, stroke="white", strokeWidth=0.4)
    roles_present = [r for r in ROLE_ORDER if r in set(lookup["main_role"])] + sorted(set(lookup["main_role"]) - set(ROLE_ORDER))
    named = (
        alt.Chart(geometry)
        .mark_geoshape(stroke="white", strokeWidth=0.4)
        .transform_lookup(lookup="id", from_=alt.LookupData(lookup, "id", ["country", "main_role", "roles", "documents"]))
        .transform_filter("isValid(datum.main_role)")
        .encode(
            color=alt.Color("main_role:N", title="Role (first that applies)", scale=alt.Scale(domain=roles_present, range=PALETTE[: max(1, len(roles_present))])),
            tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("roles:N", title="Roles"), alt.Tooltip("documents:Q", title="Documents")],
        )
    )
    return (
        alt.layer(background, named, title=title, description=description)
        .project(type="equalEarth")
        .properties(width=640, height=340)
    )


def observed_counts(membership: pd.DataFrame, value: str = "members", events: tuple[str, ...] = ("founding", "membership")) -> pd.DataFrame:
    """Membership observations that state ``value``, oldest first, one row per (date, value, document).

    Attendance at a meeting is not membership, so only ``events`` count.
    """
    rows = membership[membership["event"].isin(events) & membership[value].notna()].copy()
    rows["_when"] = as_dates(rows["as_of"])
    rows = rows.sort_values(["_when", "doc_id", "start"], kind="stable").drop(columns="_when")
    rows = rows.drop_duplicates(subset=["as_of", value, "doc_id"])
    return _drop_coarser_restatements(rows, value).reset_index(drop=True)


def _drop_coarser_restatements(rows: pd.DataFrame, value: str) -> pd.DataFrame:
    """Drop a count that another row states with the same value at a finer date ("2009" beside "2009-03").

    Both describe one observation; plotting both would draw a flat step that no source reports.
    """
    keep = []
    for _, row in rows.iterrows():
        when = str(row["as_of"])
        finer = rows[(rows[value] == row[value]) & rows["as_of"].astype("string").str.startswith(when + "-")]
        keep.append(finer.empty)
    return rows[pd.Series(keep, index=rows.index, dtype=bool)]


def stated_points(observed: pd.DataFrame, value: str, labels: dict[str, str]) -> pd.DataFrame:
    """One point per organisation, date, count and event, naming the documents that state it.

    Many documents restating one count are one observation: the point names the first
    document and how many more say the same, so a large corpus gives a readable chart.

    >>> obs = pd.DataFrame({"as_of": ["2007", "2007", "2003"], "members": [111, 111, 35], "event": ["membership"] * 3,
    ...                     "organisation": ["A", "A", "A"], "doc_id": ["x", "y", "z"]})
    >>> stated_points(obs, "members", {"x": "statement X", "y": "statement Y", "z": "letter Z"})["source"].tolist()
    ['statement X and 1 more', 'letter Z']
    """
    if observed.empty:
        return pd.DataFrame(columns=["as_of", value, "event", "organisation", "source"])
    several = observed["organisation"].nunique() > 1 if "organisation" in observed.columns else False
    named = observed.assign(organisation=observed.get("organisation", pd.Series(index=observed.index, dtype="string")).fillna("not named"))
    rows = []
    for (organisation, as_of, count, event), group in named.groupby(["organisation", "as_of", value, "event"], sort=False):
        documents = list(dict.fromkeys(group["doc_id"]))
        source = labels.get(documents[0], documents[0]) + (f" and {len(documents) - 1} more" if len(documents) > 1 else "")
        rows.append({"as_of": as_of, value: count, "event": event, "organisation": organisation,
                     "source": f"{organisation}: {source}" if several else source})
    return pd.DataFrame(rows)


def growth_between(observations: pd.DataFrame, value: str = "members") -> pd.DataFrame:
    """Growth between consecutive observed points of ``value``: change, years elapsed, yearly rate.

    The yearly rate is compound: ``(to / from) ** (1 / years) - 1``. Points on
    the same date are not compared with each other. Each step keeps the document,
    quote and offsets of both its ends, so every figure stays traceable. Where the
    observations carry an ``organisation``, each organisation's counts are compared
    only with its own: two coalitions' counts never make a growth rate.

    >>> obs = pd.DataFrame({"as_of": ["2003-04", "2007-08-29"], "members": [35, 111], "doc_id": ["a", "a"]})
    >>> growth_between(obs)[["from_value", "to_value", "change", "ratio", "years", "yearly_rate"]].to_dict("records")
    [{'from_value': 35, 'to_value': 111, 'change': 76, 'ratio': 3.17, 'years': 4.41, 'yearly_rate': 0.3}]
    >>> two = pd.DataFrame({"as_of": ["2003", "2005", "2007"], "members": [35, 40, 111],
    ...                     "organisation": ["A", "B", "A"], "doc_id": ["a", "b", "c"]})
    >>> growth_between(two)[["organisation", "from_value", "to_value"]].to_dict("records")
    [{'organisation': 'A', 'from_value': 35, 'to_value': 111}]
    """
    ends = ["doc_id", "quote", "start", "end"]
    columns = ["organisation", "from_as_of", "to_as_of", "from_value", "to_value", "change", "ratio", "years", "yearly_rate"]
    columns += [f"{side}_{e}" for side in ("from", "to") for e in ends]
    if "organisation" in observations.columns:
        named = observations.assign(organisation=observations["organisation"].fillna(""))
    else:
        named = observations.assign(organisation="")
    rows = []
    for organisation, group in named.groupby("organisation", sort=True):
        points = _drop_coarser_restatements(group, value)
        points = points.assign(_when=as_dates(points["as_of"])).dropna(subset=["_when", value])
        points = points.sort_values("_when", kind="stable").drop_duplicates(subset=["_when"], keep="last")
        for (_, a), (_, b) in zip(points.iterrows(), points.iloc[1:].iterrows()):
            years = (b["_when"] - a["_when"]).days / 365.25
            start, end = int(a[value]), int(b[value])
            rows.append({
                "organisation": organisation or None,
                "from_as_of": a["as_of"], "to_as_of": b["as_of"], "from_value": start, "to_value": end,
                "change": end - start, "ratio": round(end / start, 2) if start else None, "years": round(years, 2),
                "yearly_rate": round((end / start) ** (1 / years) - 1, 2) if start and years > 0 else None,
                **{f"from_{e}": a.get(e) for e in ends}, **{f"to_{e}": b.get(e) for e in ends},
            })
    return pd.DataFrame(rows, columns=columns)


def summarise_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per General Meeting: the most precise date stated, the places named and the documents.

    >>> m = pd.DataFrame({"number": [2, 2], "date": ["2005-08", "2005-08-01"], "end_date": [None, None], "year": [2005, 2005],
    ...                   "place": ["Japan", "Tokyo"], "doc_id": ["b", "a"]})
    >>> summarise_meetings(m)[["number", "date", "places", "documents"]].to_dict("records")
    [{'number': 2, 'date': '2005-08-01', 'places': 'Japan; Tokyo', 'documents': 'a; b'}]
    """
    columns = ["number", "date", "end_date", "year", "places", "documents", "mentions"]
    rows = []
    for number, group in meetings.dropna(subset=["number"]).groupby("number", sort=True):
        dates = sorted((d for d in group["date"].dropna() if d), key=lambda d: (-len(d), d))
        ends = sorted((d for d in group["end_date"].dropna() if d), key=lambda d: (-len(d), d))
        years = group["year"].dropna()
        places = sorted({p for p in group["place"].dropna() if p})
        rows.append({
            "number": int(number), "date": dates[0] if dates else (str(int(years.min())) if len(years) else ""),
            "end_date": ends[0] if ends else "", "year": int(years.min()) if len(years) else None,
            "places": "; ".join(places), "documents": "; ".join(sorted(set(group["doc_id"]))), "mentions": len(group),
        })
    return pd.DataFrame(rows, columns=columns).astype({"number": "Int64", "year": "Int64", "mentions": "Int64"})


def ordinal(n: int) -> str:
    """English ordinal of ``n``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 19, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '19th', '22nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
