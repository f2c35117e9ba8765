"""What changed since the last build: the changes table, the front-page section and the Atom feed."""

import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone

import pandas as pd

from nkhr import schema
from nkhr.report.changes import ATOM, compare, front_page_section, read_previous, summary, update_feed


def _tables(documents, signatories=(), themes=(), stated=(), conflicts=()):
    return {
        "documents": schema.build_frame("documents", documents),
        "signatories": schema.build_frame("signatories", signatories),
        "themes": schema.build_frame("themes", themes),
        "stated_counts": schema.build_frame("stated_counts", stated),
        "conflicts": schema.build_frame("conflicts", conflicts),
    }


LETTER = {"doc_id": "letter", "title": "Open Letter on Detention", "date": "2021-05-05", "digest": "aaa",
          "title_start": 0, "title_end": 24}
APPEAL = {"doc_id": "appeal", "title": "Joint Appeal on Refugees", "date": "2022-01-01", "digest": "bbb",
          "title_start": 0, "title_end": 24}
HOPE = {"doc_id": "letter", "name": "Hope Network", "name_as_written": "Hope Network", "kind": "organisation",
        "quote": "Hope Network", "start": 100, "end": 112}
RIVER = {"doc_id": "appeal", "name": "River Fund", "name_as_written": "River Fund", "kind": "organisation",
         "country": "Japan", "quote": "River Fund", "start": 90, "end": 100}


def _as_published(tables, tmp_path):
    """Write tables as a build publishes them and read them back as the next build does."""
    for name, frame in tables.items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    return read_previous(tmp_path)


def test_a_new_document_and_its_signatories_are_named_with_quotes(tmp_path):
    before = _as_published(_tables([LETTER], [HOPE]), tmp_path)
    changes = compare(before, _tables([LETTER, APPEAL], [HOPE, RIVER]), "new", "old")
    assert changes[["change", "table", "doc_id", "subject"]].values.tolist() == [
        ["added", "documents", "appeal", "Joint Appeal on Refugees"],
        ["signed", "signatories", "appeal", "River Fund"],
    ]
    assert changes.loc[1, "quote"] == "River Fund" and changes.loc[1, "start"] == 90
    assert summary(changes) == {"document added": 1, "new signatory": 1}
    assert set(changes["build"]) == {"new"} and set(changes["previous_build"]) == {"old"}


def test_an_edited_text_a_removed_document_and_a_changed_count(tmp_path):
    stated = {"doc_id": "letter", "counts": "signatories", "stated": 37, "counted": 35, "quote": "37 organisations",
              "start": 10, "end": 26}
    before = _as_published(_tables([LETTER, APPEAL], [HOPE, RIVER], stated=[stated]), tmp_path)
    edited = {**LETTER, "digest": "ccc"}
    after = _tables([edited], [HOPE], stated=[{**stated, "counted": 37}])
    changes = compare(before, after, "new", "old")
    kinds = changes[["change", "table", "subject"]].values.tolist()
    assert ["edited", "documents", "Open Letter on Detention"] in kinds
    assert ["removed", "documents", "Joint Appeal on Refugees"] in kinds
    assert ["no longer signed", "signatories", "River Fund"] in kinds
    count = changes[changes["table"] == "stated_counts"].iloc[0]
    assert (count["change"], count["before"], count["after"]) == ("changed", "37 stated, 35 in the list", "37 stated, 37 in the list")


def test_an_unchanged_corpus_has_no_changes_and_a_first_build_is_said_to_be_one(tmp_path):
    tables = _tables([LETTER], [HOPE])
    assert compare(_as_published(tables, tmp_path), tables, "same", "same").empty
    assert compare(None, tables, "first").empty
    assert "First build" in front_page_section(compare(None, tables, "first"), first_build=True)
    assert "Nothing changed" in front_page_section(compare(None, tables, "x"), first_build=False)


def test_a_theme_coded_for_the_first_time(tmp_path):
    theme = {"doc_id": "letter", "passage": 2, "theme": "abductions", "term": "abduction", "quote": "abduction",
             "start": 40, "end": 49}
    changes = compare(_as_published(_tables([LETTER]), tmp_path), _tables([LETTER], themes=[theme]), "b", "a")
    assert changes[["change", "subject", "quote"]].values.tolist() == [["first coded", "abductions", "abduction"]]


def test_the_front_page_section_opens_each_change_to_its_quote(tmp_path):
    changes = compare(_as_published(_tables([LETTER]), tmp_path), _tables([LETTER, APPEAL], [RIVER]), "b", "a")
    html = front_page_section(changes, first_build=False, documents=pd.DataFrame([LETTER, APPEAL]))
    assert "1 document added, 1 new signatory" in html
    assert "<details" in html and "River Fund" in html and "changes.xml" in html


def test_the_feed_gets_an_entry_per_build_that_changed_something(tmp_path):
    feed = tmp_path / "changes.xml"
    first = compare(_as_published(_tables([LETTER]), tmp_path), _tables([LETTER, APPEAL], [RIVER]), "b", "a")
    when = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    assert update_feed(feed, first, "b", "Report", when)
    assert not update_feed(feed, first.iloc[0:0], "c", "Report", when)  # nothing changed: no entry, no write
    bytes_before = feed.read_bytes()
    second = compare(None, {}, "c").pipe(lambda f: first.assign(build="c"))
    assert update_feed(feed, second, "c", "Report", when.replace(day=12))
    root = ElementTree.parse(feed).getroot()
    assert root.tag == f"{{{ATOM}}}feed"
    entries = root.findall(f"{{{ATOM}}}entry")
    assert [e.find(f"{{{ATOM}}}id").text for e in entries] == ["urn:nkhr:build:c", "urn:nkhr:build:b"]
    for element in ("title", "id", "updated"):
        assert root.find(f"{{{ATOM}}}{element}") is not None
    assert "River Fund" in entries[0].find(f"{{{ATOM}}}content").text
    assert bytes_before != feed.read_bytes()
