"""What changed since the last build: documents, signatories, themes, stated counts and conflicts.

Each build compares the tables it is about to publish with the tables the previous
build published (``tables/*.csv`` beside the pages) and writes:

* the ``changes`` table (declared in :mod:`nkhr.schema`), one row per change with its quote;
* a "Since the last build" section on the front page ("First build" the first time);
* an Atom feed, ``changes.xml``, with one entry per build that changed something, so
  a reader can subscribe instead of checking the page.

Documents are compared by content (the ``digest`` of their text), so a corrected
typo is an edit and a renamed file with the same words is not news. Signatories are
compared per document and canonical name, stated counts per document and what they
count, conflicts per topic and documents.

>>> import pandas as pd
>>> old = {"documents": pd.DataFrame({"doc_id": ["a"], "title": ["Letter"], "digest": ["1"], "date": ["2020"]})}
>>> new = {"documents": pd.DataFrame({"doc_id": ["a", "b"], "title": ["Letter", "Appeal"], "digest": ["1", "2"],
...                                   "date": ["2020", "2021"], "start": [0, 0], "end": [6, 6]})}
>>> compare(old, new, "f2", "f1")[["change", "doc_id", "subject"]].values.tolist()
[['added', 'b', 'Appeal']]
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

import pandas as pd

from .. import schema
from .provenance import Figure, Fragment, bullet_list, capped, paragraph, plural

#: Tables compared between builds, and the CSV files they are read back from.
COMPARED = ("documents", "signatories", "themes", "stated_counts", "conflicts")
FEED_NAME = "changes.xml"
#: Entries kept in the feed: enough for a reader who checks monthly on a weekly schedule.
FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
_HEADLINES = {
    ("documents", "added"): "document added", ("documents", "removed"): "document removed",
    ("documents", "edited"): "document edited", ("signatories", "signed"): "new signatory",
    ("signatories", "no longer signed"): "signatory no longer listed", ("themes", "first coded"): "theme coded for the first time",
    ("stated_counts", "new"): "new stated count", ("stated_counts", "changed"): "stated count changed",
    ("stated_counts", "gone"): "stated count gone", ("conflicts", "new"): "new disagreement",
    ("conflicts", "gone"): "disagreement resolved",
}


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def read_previous(tables_dir: Path) -> dict[str, pd.DataFrame] | None:
    """The tables the previous build published, or None when there was none (a first build)."""
    if not (Path(tables_dir) / "documents.csv").is_file():
        return None
    previous = {}
    for name in COMPARED:
        path = Path(tables_dir) / f"{name}.csv"
        try:
            previous[name] = pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else pd.DataFrame()
        except (OSError, ValueError, pd.errors.ParserError):
            previous[name] = pd.DataFrame()  # an unreadable old table: its rows all count as new
    return previous


def _row(change: str, table: str, doc_id: object, subject: object, before: object = "", after: object = "",
         source: Mapping | None = None) -> dict:
    source = source or {}
    start, end = source.get("start"), source.get("end")
    return {"change": change, "table": table, "doc_id": _text(doc_id), "subject": _text(subject),
            "before": _text(before), "after": _text(after), "quote": _text(source.get("quote")) or None,
            "start": None if start is None or _text(start) == "" else int(float(start)),
            "end": None if end is None or _text(end) == "" else int(float(end))}


def _records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return [{k: _text(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _documents(old: list[dict], new: list[dict]) -> list[dict]:
    before = {r["doc_id"]: r for r in old}
    after = {r["doc_id"]: r for r in new}
    rows = []
    for doc_id, row in after.items():
        title_source = {"quote": row.get("title"), "start": row.get("title_start"), "end": row.get("title_end")}
        if doc_id not in before:
            rows.append(_row("added", "documents", doc_id, row.get("title"), after=row.get("date"), source=title_source))
        elif row.get("digest") and before[doc_id].get("digest") and row["digest"] != before[doc_id]["digest"]:
            rows.append(_row("edited", "documents", doc_id, row.get("title"), before[doc_id].get("digest"),
                             row["digest"], source=title_source))
    for doc_id, row in before.items():
        if doc_id not in after:
            rows.append(_row("removed", "documents", doc_id, row.get("title"), before=row.get("date")))
    return rows


def _keyed(rows: list[dict], *keys: str) -> dict[tuple, dict]:
    return {tuple(r.get(k, "") for k in keys): r for r in rows}


def _signatories(old: list[dict], new: list[dict]) -> list[dict]:
    before, after = _keyed(old, "doc_id", "name"), _keyed(new, "doc_id", "name")
    rows = [_row("signed", "signatories", r["doc_id"], r["name"], after=r.get("country"), source=r)
            for key, r in after.items() if key not in before]
    rows += [_row("no longer signed", "signatories", r["doc_id"], r["name"], before=r.get("country"))
             for key, r in before.items() if key not in after]
    return rows


def _themes(old: list[dict], new: list[dict]) -> list[dict]:
    seen = {r["theme"] for r in old}
    rows, first = [], {}
    for r in new:
        first.setdefault(r["theme"], r)
    for theme, r in first.items():
        if theme not in seen:
            rows.append(_row("first coded", "themes", r["doc_id"], theme, after=r.get("term"), source=r))
    return rows


def _number(value: str) -> str:
    try:
        return str(int(float(value)))
    except (TypeError, ValueError):
        return _text(value)


def _stated_counts(old: list[dict], new: list[dict]) -> list[dict]:
    def describe(r: dict) -> str:
        counted = _number(r.get("counted", ""))
        return f"{_number(r.get('stated', ''))} stated" + (f", {counted} in the list" if counted else "")

    before, after = _keyed(old, "doc_id", "counts", "quote"), _keyed(new, "doc_id", "counts", "quote")
    rows = []
    for key, r in after.items():
        if key not in before:
            rows.append(_row("new", "stated_counts", r["doc_id"], r["counts"], after=describe(r), source=r))
        elif describe(before[key]) != describe(r):
            rows.append(_row("changed", "stated_counts", r["doc_id"], r["counts"], describe(before[key]), describe(r), r))
    rows += [_row("gone", "stated_counts", r["doc_id"], r["counts"], before=describe(r))
             for key, r in before.items() if key not in after]
    return rows


def _conflicts(old: list[dict], new: list[dict]) -> list[dict]:
    keys = ("topic", "doc_id_a", "doc_id_b", "value_a", "value_b")
    before, after = _keyed(old, *keys), _keyed(new, *keys)

    def source(r: dict) -> dict:
        return {"quote": r.get("quote_a"), "start": r.get("start_a"), "end": r.get("end_a")}

    rows = [_row("new", "conflicts", r["doc_id_a"], r["topic"], after=f"{r['value_a']} / {r['value_b']}", source=source(r))
            for key, r in after.items() if key not in before]
    rows += [_row("gone", "conflicts", r["doc_id_a"], r["topic"], before=f"{r['value_a']} / {r['value_b']}")
             for key, r in before.items() if key not in after]
    return rows


def compare(previous: Mapping[str, pd.DataFrame] | None, current: Mapping[str, pd.DataFrame],
            build: str, previous_build: str = "") -> pd.DataFrame:
    """The ``changes`` table between the previous build's tables and this build's (empty on a first build)."""
    rows: list[dict] = []
    if previous is not None:
        for name, differ in (("documents", _documents), ("signatories", _signatories), ("themes", _themes),
                             ("stated_counts", _stated_counts), ("conflicts", _conflicts)):
            rows += differ(_records(previous.get(name)), _records(current.get(name)))
    rows = [{"build": build, "previous_build": previous_build, **row} for row in rows]
    return schema.build_frame("changes", rows)


def summary(changes: pd.DataFrame) -> dict[str, int]:
    """How many changes of each kind, in a stable order: {'document added': 1, 'new signatory': 3}."""
    counts: dict[str, int] = {}
    for table, change in _HEADLINES:
        n = int(((changes["table"] == table) & (changes["change"] == change)).sum()) if len(changes) else 0
        if n:
            counts[_HEADLINES[(table, change)]] = n
    return counts


def _sentence(counts: dict[str, int]) -> str:
    return ", ".join(plural(n, what) for what, n in counts.items())


def _item(row: pd.Series, titles: Mapping[str, str]) -> Fragment:
    headline = _HEADLINES.get((row["table"], row["change"]), row["change"])
    document = titles.get(row["doc_id"], row["doc_id"])
    detail = " → ".join(v for v in (_text(row["before"]), _text(row["after"])) if v) if row["table"] != "documents" else ""
    subject = Figure(row["subject"], quote=_text(row["quote"]), doc_id=row["doc_id"], document=document,
                     start=None if pd.isna(row["start"]) else int(row["start"]),
                     end=None if pd.isna(row["end"]) else int(row["end"]))
    parts: list[object] = [f"{headline[:1].upper()}{headline[1:]}: ", subject]
    if detail:
        parts.append(f" ({detail})")
    if row["table"] != "documents":
        parts.append(f", in {document}")
    return paragraph(*parts)


def front_page_section(changes: pd.DataFrame, first_build: bool, documents: pd.DataFrame | None = None) -> str:
    """The "Since the last build" section of the front page, as HTML."""
    heading = '<h2 id="since-the-last-build">Since the last build</h2>'
    if first_build:
        body = "<p>First build: every document, signatory and count below is new to this report.</p>"
    elif changes.empty:
        body = "<p>Nothing changed in the documents, signatories, themes, stated counts or disagreements.</p>"
    else:
        titles = {} if documents is None else dict(zip(documents["doc_id"], documents["title"].fillna("")))
        shown, more = capped(changes, "changes", "changes.csv")
        items = [_item(row, titles) for _, row in shown.iterrows()]
        body = f"<p>{html.escape(_sentence(summary(changes)))}.</p>" + bullet_list(items).html() + (more.html() if more else "")
        body += f'<p class="nkhr-note">Subscribe to <a href="{FEED_NAME}">{FEED_NAME}</a> to hear of the next change.</p>'
    return f'<section class="nkhr-changes" aria-labelledby="since-the-last-build">{heading}{body}</section>'


def update_feed(path: Path, changes: pd.DataFrame, build: str, title: str, when: datetime | None = None) -> bool:
    """Add an entry for this build to the Atom feed at ``path`` when something changed; return whether it did.

    The feed keeps the latest :data:`FEED_ENTRIES` entries. A build that changed nothing
    leaves the feed as it is, byte for byte.
    """
    if changes.empty:
        return False
    when = (when or datetime.now(timezone.utc)).replace(microsecond=0)
    stamp = when.isoformat().replace("+00:00", "Z")
    ElementTree.register_namespace("", ATOM)
    old_entries = []
    if path.is_file():
        try:
            old_entries = ElementTree.parse(path).getroot().findall(f"{{{ATOM}}}entry")
        except ElementTree.ParseError:
            old_entries = []  # a damaged feed starts again rather than failing the build
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    for tag, text in (("title", f"{title}: changes"), ("id", "urn:nkhr:report:changes"), ("updated", stamp)):
        ElementTree.SubElement(feed, f"{{{ATOM}}}{tag}").text = text
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", href="index.html", rel="alternate")
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    ElementTree.SubElement(author, f"{{{ATOM}}}name").text = "nkhr"
    entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
    ElementTree.SubElement(entry, f"{{{ATOM}}}title").text = _sentence(summary(changes)) or "changes"
    ElementTree.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:nkhr:build:{build}"
    ElementTree.SubElement(entry, f"{{{ATOM}}}updated").text = stamp
    ElementTree.SubElement(entry, f"{{{ATOM}}}link", href="index.html#since-the-last-build", rel="alternate")
    lines = []
    for row in changes.itertuples():
        headline = _HEADLINES.get((row.table, row.change), row.change)
        quote = f' — "{row.quote}"' if isinstance(row.quote, str) and row.quote else ""
        lines.append(f"{headline}: {row.subject} ({row.doc_id}){quote}")
    ElementTree.SubElement(entry, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    for old in old_entries[: FEED_ENTRIES - 1]:
        identifier = old.find(f"{{{ATOM}}}id")
        if identifier is not None and identifier.text == f"urn:nkhr:build:{build}":
            continue
        feed.append(old)
    ElementTree.indent(feed)
    path.write_bytes(ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n")
    return True
