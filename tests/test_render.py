"""Rendering: no code, chart libraries inlined once per page with charts, nothing fetched, stable ids."""

from __future__ import annotations

import base64
import gzip
import json
import re

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from nkhr.report.render import (
    Page,
    chart_html,
    javascript_bundle,
    notebook_headings,
    packed_bundle,
    prepare_for_html,
    render_page,
)

_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def _pages(report):
    return sorted(report.glob("*.html"))


def test_pages_hold_no_code_and_no_prompts(seeds_report):
    for page in _pages(seeds_report):
        text = page.read_text()
        assert "jp-InputArea-editor" not in text and "In&nbsp;[" not in text and "jp-InputPrompt" not in text
        assert "load_corpus(" not in text, f"{page.name} shows code"


_LIBRARY = re.compile(r'<script [^>]*id="nkhr-chart-library"[^>]*>([^<]*)</script>')


def test_the_chart_libraries_are_inlined_once_per_page_with_charts_and_nothing_is_fetched(seeds_report):
    with_charts = 0
    for page in _pages(seeds_report):
        text = page.read_text()
        packed = _LIBRARY.findall(text)
        if 'class="nkhr-chart-spec"' in text:
            with_charts += 1
            assert len(packed) == 1, page.name
            # the compressed payload is exactly the libraries vl-convert ships
            assert gzip.decompress(base64.b64decode(packed[0])).decode() == javascript_bundle()
        else:
            assert packed == [], f"{page.name} has no chart but carries the libraries"
        assert not _EXTERNAL.search(text), f"{page.name} references another host"
        assert "<link" not in text
    assert with_charts >= 3


def test_the_packed_libraries_are_a_fraction_of_the_plain_ones():
    assert len(packed_bundle()) < 0.6 * len(javascript_bundle())


def test_charts_embed_summaries_with_title_and_text_alternative(seeds_report):
    specs = []
    for page in _pages(seeds_report):
        for raw in re.findall(r'<script class="nkhr-chart-spec"[^>]*>(.*?)</script>', page.read_text(), re.DOTALL):
            specs.append(json.loads(raw))
    assert len(specs) >= 6
    for spec in specs:
        assert spec.get("title") and spec.get("description")
        assert "url" not in json.dumps(spec.get("data", {})), "data is inline, never fetched"
        for rows in spec.get("datasets", {}).values():
            assert len(rows) < 100, "charts plot summaries, not raw rows"


def test_every_page_links_to_every_other(seeds_report):
    pages = _pages(seeds_report)
    for page in pages:
        text = page.read_text()
        for other in pages:
            assert f'href="{other.name}"' in text


def test_chart_html_keeps_document_text_inert():
    spec = {"title": "T", "description": "D </script><script>alert(1)</script>", "data": {"values": [{"a": "<img src=x onerror=alert(1)>"}]}}
    markup = chart_html(spec, "nkhr-chart-1")
    assert "<script>alert(1)" not in markup and "<img" not in markup
    body = re.search(r'<script type="application/json"[^>]*>(.*)</script><figcaption', markup).group(1)
    assert json.loads(body) == spec


def _nb_with_chart(description: str):
    spec = {"$schema": "x", "description": description, "title": "T", "mark": "bar"}
    cells = [new_markdown_cell("# Title\n\n## First part\n\n```\n# not a heading\n```")]
    for _ in range(2):
        cells.append(new_code_cell("chart", outputs=[
            new_output("stream", name="stderr", text="a warning"),
            new_output("display_data", data={"application/vnd.vegalite.v6+json": spec, "text/plain": "Chart"}),
        ]))
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i}"  # stored notebooks have fixed ids; new cells get random ones
    return new_notebook(cells=cells)


def test_charts_get_ids_numbered_in_page_order_and_warnings_are_dropped():
    prepared = prepare_for_html(_nb_with_chart("bars"))
    htmls = [o["data"]["text/html"] for c in prepared.cells[1:] for o in c["outputs"]]
    assert ['id="nkhr-chart-1"' in htmls[0], 'id="nkhr-chart-2"' in htmls[1]] == [True, True]
    assert all(o["output_type"] != "stream" for c in prepared.cells[1:] for o in c["outputs"])


def test_headings_feed_the_table_of_contents_and_code_fences_do_not():
    nb = _nb_with_chart("bars")
    assert notebook_headings(nb) == [(1, "Title"), (2, "First part")]
    page = Page("00-x.ipynb", "index.html", "Title")
    html = render_page(nb, page, [page])
    assert '<a href="#first-part">First part</a>' in html and 'id="first-part"' in html
    assert render_page(nb, page, [page]) == html


def test_bundle_cannot_close_its_script_element_early():
    assert "</script" not in javascript_bundle()


def test_repeated_headings_get_distinct_ids():
    nb = new_notebook(cells=[new_markdown_cell("# T\n\n## Notes\n\n## Notes")])
    nb.cells[0]["id"] = "only"
    page = Page("00-x.ipynb", "index.html", "T")
    html = render_page(nb, page, [page])
    assert 'href="#notes"' in html and 'href="#notes-2"' in html
    assert 'id="notes"' in html and 'id="notes-2"' in html


def test_the_packed_libraries_are_kept_in_the_cache_unless_it_is_off(tmp_path, monkeypatch):
    from nkhr import paths

    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    packed_bundle.cache_clear()
    try:
        first = packed_bundle()
        (kept,) = (tmp_path / "cache").glob("chart-library-*.b64")
        assert kept.read_text() == first
        packed_bundle.cache_clear()
        assert packed_bundle() == first  # read back, byte for byte

        monkeypatch.setattr(paths, "CACHE", tmp_path / "elsewhere")
        monkeypatch.setenv("NKHR_CACHE", "off")
        packed_bundle.cache_clear()
        assert packed_bundle() == first
        assert not (tmp_path / "elsewhere").exists()
    finally:
        packed_bundle.cache_clear()


def test_a_damaged_cached_library_is_packed_again(tmp_path, monkeypatch):
    from nkhr import paths

    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    packed_bundle.cache_clear()
    try:
        good = packed_bundle()
        (kept,) = (tmp_path / "cache").glob("chart-library-*.b64")
        kept.write_text(good[: len(good) // 2], encoding="ascii")  # cut short, as by a full disk
        packed_bundle.cache_clear()
        assert packed_bundle() == good
        assert kept.read_text(encoding="ascii") == good
    finally:
        packed_bundle.cache_clear()
