"""Where the sources disagree: generic rules over the parsed tables, each conflict with both quotes.

Four rules, none tied to a particular statement:

* **Same event, different counts.** Two documents give different numbers for one
  event: the founding (any two accounts), or a count at the same date.
* **Same number, different groups.** One figure is given both for those attending a
  meeting and for the membership (or for two groups ``claims.yml`` lists as distinct).
* **Same meeting, different places or years.** Two mentions of the Nth meeting name
  places that cannot be the same: two countries, or two cities, or a city (looked up in
  ``places.yml``) in a different country. A place nkhr cannot place is never a conflict.
* **Stated count against the list.** A document's own count differs from the list it
  carries (``stated_counts.difference != 0``).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Mapping

import pandas as pd
import yaml

from .. import paths, schema
from ..extract.countries import display_name, normalise_country

PLACES = paths.PACKAGE_DATA / "places.yml"
CLAIMS_VOCABULARY = paths.PACKAGE_DATA / "claims.yml"


def find_conflicts(
    claims: pd.DataFrame,
    membership: pd.DataFrame,
    meetings: pd.DataFrame,
    stated_counts: pd.DataFrame,
    texts: Mapping[str, str],
    signatories: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the ``conflicts`` table: one row per disagreement, with both quotes and offsets.

    ``texts`` maps doc_id to source text. ``signatories``, when given, lets a stated count
    be quoted against the list itself and its countries be named. ``documents``, when
    given, keeps accounts of different organisations apart: a founding or a meeting is
    compared only between documents that share an issuer (all documents are one
    organisation without it). Each pair of different values is reported once, quoting the
    first document that gives each.
    """
    organisations = _organisations(documents)
    rows = (
        _event_counts(membership, organisations)
        + _same_number(membership, claims, organisations)
        + _meeting_places(meetings, organisations)
        + _meeting_years(meetings, organisations)
        + _stated_against_list(stated_counts, signatories, texts)
    )
    return schema.build_frame("conflicts", rows)


def _organisations(documents: pd.DataFrame | None) -> dict[str, frozenset[str]]:
    """doc_id -> the issuers it names (case folded); documents naming none share one key."""
    if documents is None or "issuers" not in documents:
        return {}
    return {
        doc_id: frozenset(i.strip().casefold() for i in str(issuers).split(";") if i.strip()) or frozenset({""})
        for doc_id, issuers in zip(documents["doc_id"], documents["issuers"].fillna(""))
    }


def _by_organisation(frame: pd.DataFrame, organisations: dict[str, frozenset[str]]):
    """Yield the rows (as records) of each organisation; a document with several issuers is in each."""
    records = list(frame.itertuples(index=False))
    if not organisations:
        yield records
        return
    buckets: dict[str, list] = {}
    for record in records:
        for organisation in organisations.get(record.doc_id, frozenset({""})):
            buckets.setdefault(organisation, []).append(record)
    for organisation in sorted(buckets):
        yield buckets[organisation]


def _by_number(records) -> list[tuple[int, list]]:
    groups: dict[int, list] = {}
    for record in records:
        groups.setdefault(int(record.number), []).append(record)
    return sorted(groups.items())


def _first_of_each(rows, value) -> dict:
    """The first row giving each distinct value (rows in table order)."""
    firsts: dict = {}
    for row in rows:
        firsts.setdefault(value(row), row)
    return firsts


def _side(row, value: str, suffix: str) -> dict:
    return {f"doc_id_{suffix}": row.doc_id, f"value_{suffix}": value, f"quote_{suffix}": row.quote,
            f"start_{suffix}": row.start, f"end_{suffix}": row.end}


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def _listed(row) -> list[str]:
    codes = row.countries_listed if _present(getattr(row, "countries_listed", None)) else ""
    return [c.strip() for c in codes.split(";") if c.strip()]


def _describe_count(row, field: str) -> str:
    noun = "countries" if field == "countries" else "members"
    text = f"{int(getattr(row, field))} {noun}"
    listed = _listed(row)
    if field == "countries" and listed:
        text += f" ({', '.join(display_name(c) for c in listed)})"
    return text


def _event_counts(membership: pd.DataFrame, organisations) -> list[dict]:
    """Different counts for one event: the founding, or a count at the same date."""
    rows, seen = [], set()
    events = membership[membership["event"] != "attendance"]  # attendance at different meetings is not one event
    for group in _by_organisation(events, organisations):
        keys = [("founding",) if r.event == "founding" else (r.event, r.as_of) for r in group]
        for key in dict.fromkeys(keys):
            same_event = [r for r, k in zip(group, keys) if k == key]
            for field in ("countries", "members"):
                firsts = _first_of_each((r for r in same_event if _present(getattr(r, field))), lambda r: int(getattr(r, field)))
                for (va, a), (vb, b) in combinations(firsts.items(), 2):
                    pair = (field, key, frozenset({(a.doc_id, a.start), (b.doc_id, b.start)}))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    rows.append(_count_conflict(key, field, a, va, b, vb))
    return rows


def _count_conflict(key, field: str, a, va: int, b, vb: int) -> dict:
    event = "founding" if key[0] == "founding" else f"{key[0]} as of {key[1]}"
    extra = ""
    only_a = [c for c in _listed(a) if c not in _listed(b)]
    only_b = [c for c in _listed(b) if c not in _listed(a)]
    if field == "countries" and _listed(a) and _listed(b) and (only_a or only_b):
        named = "; ".join(
            f"only the {side} account names {', '.join(display_name(c) for c in only)}"
            for side, only in (("first", only_a), ("second", only_b)) if only
        )
        extra = f" ({named})"
    return {
        "topic": f"{event} {field}",
        **_side(a, _describe_count(a, field), "a"),
        **_side(b, _describe_count(b, field), "b"),
        "explanation": f"One account gives {va} {field} for the {event}, another {vb}{extra}.",
    }


def _same_number(membership: pd.DataFrame, claims: pd.DataFrame, organisations) -> list[dict]:
    """One figure given for two different groups (attendance and membership)."""
    rows, covered, seen = [], set(), set()
    counted = membership[membership["members"].notna() & membership["event"].isin(["attendance", "membership"])]
    for group in _by_organisation(counted, organisations):
        for a in (r for r in group if r.event == "attendance"):
            for b in (r for r in group if r.event == "membership"):
                if a.members != b.members or (_present(a.year) and _present(b.year) and a.year != b.year):
                    continue
                if (a.doc_id, a.start, b.doc_id, b.start) in seen:
                    continue
                seen.add((a.doc_id, a.start, b.doc_id, b.start))
                same_countries = _present(a.countries) and _present(b.countries) and a.countries == b.countries
                figure = f"{int(a.members)}" + (f" from {int(a.countries)} countries" if same_countries else "")
                rows.append({
                    "topic": "same number for attendance and membership",
                    **_side(a, f"{int(a.members)} attending", "a"),
                    **_side(b, f"{int(b.members)} members", "b"),
                    "explanation": f"The same figure, {figure}, is given for those attending the meeting and for the "
                                   f"whole membership; one of the two is probably misapplied.",
                })
                covered.update({(a.doc_id, int(a.members)), (b.doc_id, int(b.members))})
    for first, second in _distinct_pairs(str(CLAIMS_VOCABULARY)):
        right = {}
        for b in claims[claims["counts"] == second].itertuples(index=False):
            right.setdefault((b.doc_id, b.value), b)
        for a in claims[claims["counts"] == first].itertuples(index=False):
            b = right.get((a.doc_id, a.value))
            if b is None or (a.doc_id, int(a.value)) in covered:
                continue
            covered.add((a.doc_id, int(a.value)))
            rows.append({
                "topic": f"same number for {first} and {second}",
                **_side(a, f"{int(a.value)} {first}", "a"),
                **_side(b, f"{int(b.value)} {second}", "b"),
                "explanation": f"The document gives {int(a.value)} both as {first} and as {second}, "
                               f"which are different groups.",
            })
    return rows


def _meeting_places(meetings: pd.DataFrame, organisations) -> list[dict]:
    """Two mentions of one meeting that place it where it cannot have been both."""
    rows, seen = [], set()
    placed = meetings[meetings["place"].notna() & (meetings["place"].astype("string").str.strip() != "")]
    for group in _by_organisation(placed, organisations):
        for number, mentions in _by_number(group):
            firsts = _first_of_each(mentions, lambda r: r.place.strip().casefold())
            for a, b in combinations(firsts.values(), 2):
                why = _cannot_be_same_place(a.place, b.place)
                if not why or (a.doc_id, a.start, b.doc_id, b.start) in seen:
                    continue
                seen.add((a.doc_id, a.start, b.doc_id, b.start))
                rows.append({
                    "topic": f"place of the {_ordinal(int(number))} meeting",
                    **_side(a, a.place, "a"),
                    **_side(b, b.place, "b"),
                    "explanation": f"The {_ordinal(int(number))} meeting is placed both in {a.place} and in "
                                   f"{b.place}: {why}.",
                })
    return rows


def _meeting_years(meetings: pd.DataFrame, organisations) -> list[dict]:
    rows, seen = [], set()
    dated = meetings[meetings["year"].notna()]
    for group in _by_organisation(dated, organisations):
        for number, mentions in _by_number(group):
            firsts = _first_of_each(mentions, lambda r: int(r.year))
            for a, b in combinations(firsts.values(), 2):
                if (a.doc_id, a.start, b.doc_id, b.start) in seen:
                    continue
                seen.add((a.doc_id, a.start, b.doc_id, b.start))
                rows.append({
                    "topic": f"year of the {_ordinal(int(number))} meeting",
                    **_side(a, str(int(a.year)), "a"),
                    **_side(b, str(int(b.year)), "b"),
                    "explanation": f"The {_ordinal(int(number))} meeting is dated both {int(a.year)} and {int(b.year)}.",
                })
    return rows


def _stated_against_list(stated: pd.DataFrame, signatories: pd.DataFrame | None, texts: Mapping[str, str]) -> list[dict]:
    """A document's own count that its list does not bear out."""
    rows = []
    lists = dict(tuple(signatories.groupby("doc_id", sort=False))) if signatories is not None else {}
    for row in stated.itertuples(index=False):
        if not (_present(row.stated) and _present(row.counted)):
            continue
        difference = int(row.difference) if _present(row.difference) else int(row.counted) - int(row.stated)
        if difference == 0:
            continue
        listed = _list_side(row, lists.get(row.doc_id), texts)
        rows.append({
            "topic": f"stated {row.counts.replace('_', ' ')} against the list",
            **_side(row, f"{int(row.stated)} stated", "a"),
            "doc_id_b": row.doc_id,
            "value_b": f"{int(row.counted)} in the list" + (f" ({listed['detail']})" if listed.get("detail") else ""),
            "quote_b": listed.get("quote", row.quote),
            "start_b": listed.get("start", row.start),
            "end_b": listed.get("end", row.end),
            "explanation": f"The document states {int(row.stated)} {row.counts.replace('_', ' ')} but its own list "
                           f"gives {int(row.counted)}" + (f": {listed['detail']}" if listed.get("detail") else "") + ".",
        })
    return rows


def _list_side(row, listed: pd.DataFrame | None, texts: Mapping[str, str]) -> dict:
    """The span of the document's own list, and what it names, to set against a stated count."""
    if listed is None or listed.empty or row.doc_id not in texts:
        return {}
    start, end = int(listed["start"].min()), int(listed["end"].max())
    side = {"quote": texts[row.doc_id][start:end], "start": start, "end": end}
    if "countr" in row.counts:
        organisations = listed[listed["kind"] == "organisation"] if "kind" in listed else listed
        stated_country = organisations["country"].notna() & (organisations["country"].astype("string").str.strip() != "")
        names = list(dict.fromkeys(organisations.loc[stated_country, "country"]))
        unstated = int((~stated_country).sum())
        detail = f"{len(names)} countries: {', '.join(names)}"
        if unstated:
            detail += f"; {unstated} organisation{'s' if unstated > 1 else ''} state{'' if unstated > 1 else 's'} none"
        side["detail"] = detail
    return side


def _cannot_be_same_place(a: str, b: str) -> str | None:
    """Why places a and b cannot be one place, or None when they can (or nkhr cannot tell)."""
    if a.strip().casefold() == b.strip().casefold():
        return None
    where_a, where_b = _locate(a), _locate(b)
    if where_a is None or where_b is None:
        return None
    (city_a, country_a), (city_b, country_b) = where_a, where_b
    if country_a != country_b:
        return f"{_label(city_a, country_a)} and {_label(city_b, country_b)} are in different countries"
    if city_a and city_b and city_a != city_b:
        return f"{city_a} and {city_b} are different cities"
    return None


def _label(city: str | None, iso3: str) -> str:
    return f"{city} ({display_name(iso3)})" if city else display_name(iso3)


def _locate(place: str) -> tuple[str | None, str] | None:
    """(city or None, alpha-3) for a place such as 'Seoul', 'Seoul, Korea' or 'Japan'."""
    cities = _cities(str(PLACES))
    parts = [p.strip() for p in place.split(",") if p.strip()]
    for part in [place.strip(), *parts]:
        if part.casefold() in cities:
            return part, cities[part.casefold()]
    for part in [place.strip(), *reversed(parts)]:
        country = normalise_country(part)
        if country and country[1]:
            return None, country[1]
    return None


def _ordinal(n: int) -> str:
    """
    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 19, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '19th', '22nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@lru_cache(maxsize=4)
def _cities(path: str) -> dict[str, str]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {str(city).casefold(): str(iso3) for city, iso3 in (data.get("cities") or {}).items()}


@lru_cache(maxsize=4)
def _distinct_pairs(path: str) -> tuple[tuple[str, str], ...]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return tuple(tuple(pair) for pair in data.get("distinct") or [] if len(pair) == 2)
