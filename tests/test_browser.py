"""The rendered report in a real browser: offline, drawn, navigable, and inert to hostile text.

Chromium runs headless with every request that is not a ``file:`` URL aborted
and recorded. In CI (``CI=true``) a missing Chromium fails these tests rather
than skipping them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Visit:
    """A browser page that blocks and records non-file requests, console errors and dialogs."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        self.page.wait_for_function(
            "Array.from(document.querySelectorAll('.nkhr-chart')).every(c => c.querySelector('svg, canvas') || c.textContent)",
            timeout=20_000,
        )
        return self.page

    def close(self):
        self.page.close()


@pytest.fixture
def visit(browser):
    opened = Visit(browser)
    yield opened
    opened.close()


def test_every_page_draws_its_charts_offline_without_errors(seeds_report, visit):
    for path in sorted(seeds_report.glob("*.html")):
        page = visit.open(path)
        containers = page.locator(".nkhr-chart")
        for i in range(containers.count()):
            assert containers.nth(i).locator("svg, canvas").count() >= 1, f"{path.name}: chart {i + 1} did not render"
    assert visit.blocked == [], "the report must request nothing from another host"
    assert visit.errors == []


def test_navigation_reaches_every_page(seeds_report, visit):
    expected = {p.name for p in seeds_report.glob("*.html")}
    seen, queue = set(), ["index.html"]
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        page = visit.open(seeds_report / name)
        for link in page.locator(".nkhr-nav a, .nkhr-pager a").all():
            queue.append(link.get_attribute("href").split("#")[0])
    assert seen == expected
    page = visit.open(seeds_report / "index.html")
    page.locator(".nkhr-pager a[rel=next]").click()
    assert Path(page.url).name != "index.html"


def test_key_figures_are_visible_and_open_onto_their_source(seeds_report, visit):
    page = visit.open(seeds_report / "index.html")
    text = page.locator("main").inner_text()
    for figure in ("35", "111", "36", "37"):
        assert re.search(rf"\b{figure}\b", text), f"{figure} is not visible on the front page"
    summary = page.locator("details.nkhr-source > summary", has_text=re.compile(r"^111$")).first
    quote = summary.locator("xpath=..").locator("blockquote").first
    assert not quote.is_visible()
    summary.click()
    assert quote.is_visible() and "111" in quote.inner_text()


def test_hostile_document_text_shows_as_text_and_runs_nothing(hostile_report, visit):
    shown = ""
    for path in sorted(hostile_report.glob("*.html")):
        page = visit.open(path)
        page.wait_for_timeout(300)  # give an injected onerror handler the chance to fire
        assert page.locator("main img").count() == 0
        assert page.locator("main script:not([type]), main script[type='text/javascript']").count() == 0
        shown += page.locator("main").inner_text()
    assert visit.dialogs == [], "document text was executed"
    assert "<script>alert(1)</script>" in shown or "<img src=x onerror=alert(1)>" in shown
    assert visit.errors == [] and visit.blocked == []


def test_the_signatory_table_filters_and_sorts(seeds_report, visit):
    page = visit.open(seeds_report / "03-map-signatories.html")
    table = page.locator("table.nkhr-searchable").last
    rows = table.locator("tbody tr")
    total = rows.count()
    page.locator(".nkhr-table-search").last.fill("Muntarbhorn")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total and all("Muntarbhorn" in r.inner_text() for r in visible)
    page.locator(".nkhr-table-search").last.fill("")
    table.locator("thead th button").first.click()
    names = [r.locator("td").first.inner_text() for r in rows.all()]
    assert names == sorted(names, key=str.lower)


# -- reading anywhere: print, phone, keyboard, accessibility ---------------------------------------


def test_printing_keeps_the_quotes_of_the_figures(seeds_report, visit):
    page = visit.open(seeds_report / "index.html")
    page.emulate_media(media="print")
    notes = page.locator(".nkhr-print-notes")
    assert notes.count() >= 1 and notes.first.is_visible()
    printed = page.locator("main").inner_text()
    assert "111 members" in printed or "111" in notes.first.inner_text()
    assert "characters" in notes.first.inner_text()  # each note names its document and offsets
    assert not page.locator(".nkhr-nav").is_visible() and not page.locator(".nkhr-pager").is_visible()
    import pypdfium2

    document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    printed = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    quote = notes.first.locator("blockquote").first.inner_text()
    assert " ".join(quote.split())[:40] in " ".join(printed.split()), "a figure's quote is in the printed PDF"


def test_no_page_scrolls_sideways_on_a_phone(seeds_report, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for path in sorted(seeds_report.glob("*.html")):
            page.goto(path.as_uri())
            page.wait_for_function("Array.from(document.querySelectorAll('.nkhr-chart')).every(c => c.querySelector('svg, canvas') || c.textContent)",
                                   timeout=20_000)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path.name} is {width} px wide at 390 px"
    finally:
        page.close()


def test_the_keyboard_reaches_sort_buttons_with_a_ring_and_opens_and_closes_quotes(seeds_report, visit):
    page = visit.open(seeds_report / "03-map-signatories.html")
    button = page.locator("table.nkhr-searchable thead th button").first
    for _ in range(200):  # Tab until the first sort button has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.closest('th') !== null"):
            break
    assert button.evaluate("b => b === document.activeElement")
    ring = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    assert ring.startswith("solid") and not ring.endswith(" 0px")
    summary = page.locator("details.nkhr-source > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open")
    page.keyboard.press("Escape")
    assert not summary.evaluate("s => s.parentElement.open")
    names = page.locator("details.nkhr-source > summary").evaluate_all("ss => ss.map(s => s.getAttribute('aria-label'))")
    assert len(set(names)) > len(names) * 0.9, "quote buttons are named by what they open"


def test_axe_finds_no_accessibility_violation(seeds_report, visit):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for path in sorted(seeds_report.glob("*.html")):
        page = visit.open(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        violations = results.response["violations"]
        if violations:
            found[path.name] = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]
    assert found == {}


def test_with_javascript_off_a_chart_says_it_needs_it(seeds_report, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto((seeds_report / "02-trace-membership.html").as_uri())
        chart = page.locator(".nkhr-chart").first
        assert "drawn with JavaScript" in chart.inner_text()
        assert page.locator(".nkhr-chart-description").first.is_visible()
    finally:
        context.close()
