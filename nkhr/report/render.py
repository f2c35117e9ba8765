"""Render executed notebooks as HTML pages: prose, tables and charts, no code.

Every page with charts embeds the Vega, Vega-Lite and Vega-Embed JavaScript
once, taken from vl-convert-python's bundle and compressed, so charts render
offline and the page requests nothing from another host. Chart outputs are replaced by a container and the
chart's specification; one small script draws them all. Element ids are
numbered in page order, so the same notebook gives the same bytes.

>>> page_filename("00-summarise-findings.ipynb", 0), page_filename("01-survey-corpus.ipynb", 1)
('index.html', '01-survey-corpus.html')
>>> slugify("Who signed, and where?")
'who-signed-and-where'
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import html
import json
import os
import re
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import paths
from ..errors import NotebookFormatError, ReportError
from .styles import INLINE_STYLE

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "nkhr"
#: Title of the whole report, shown in every page's header.
REPORT_TITLE = "The international movement for North Korean human rights"
_VEGALITE_MIME = re.compile(r"^application/vnd\.vegalite\.v(\d+)(\.\d+)*\+json$")
#: How the libraries are packed; part of the cache key, so a change here never reads an old file.
_PACKING = "gzip9-base64-v1"
#: Where a page's chart libraries go: filled in after nbconvert, whose HTML clean-up
#: parses the whole page and would otherwise walk through 400 KB of encoded script.
#: Attributes in name order, as nbconvert writes them back.
_LIBRARY_SLOT = '<script data-encoding="gzip+base64" id="nkhr-chart-library" type="application/octet-stream"></script>'
_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    """One page of the report: the notebook it comes from, its file and its title."""

    notebook: str
    filename: str
    title: str


def page_filename(notebook_name: str, position: int) -> str:
    """The first notebook (the summary) is the front page ``index.html``; the rest keep their names."""
    return "index.html" if position == 0 else Path(notebook_name).stem + ".html"


def slugify(text: str) -> str:
    """Make a stable, readable element id from heading text."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _strip_markdown(text: str) -> str:
    return re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text).strip()


def notebook_headings(nb) -> list[tuple[int, str]]:
    """Return (level, text) of the ``#``-``###`` headings in the notebook's Markdown cells."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            in_fence = False
            for line in cell.source.splitlines():
                if line.lstrip().startswith("```"):
                    in_fence = not in_fence
                    continue
                match = _HEADING.match(line)
                if match and not in_fence:
                    found.append((len(match.group(1)), _strip_markdown(match.group(2))))
    return found


def page_title(nb, fallback: str) -> str:
    """The first level-1 heading of the notebook, or ``fallback``."""
    for level, text in notebook_headings(nb):
        if level == 1:
            return text
    return fallback


@lru_cache(maxsize=1)
def javascript_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script, from vl-convert-python (no network).

    The bundle's Vega-Lite version follows Altair's schema, so specs Altair
    writes are compiled by the matching library.
    """
    import vl_convert

    bundle = vl_convert.javascript_bundle(vl_version=_vegalite_version())
    # Inside an inline <script>, "</script" would end the element early.
    return bundle.replace("</script", "<\\/script")


def _vegalite_version() -> str | None:
    import vl_convert

    from .charts import alt

    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


@lru_cache(maxsize=1)
def packed_bundle() -> str:
    """:func:`javascript_bundle` gzip-compressed and base64-encoded, as a page carries it.

    Compressed, the libraries take about 400 KB of each page instead of 900 KB;
    ``report.js`` inflates them with the browser's own ``DecompressionStream``.
    Building the bundle takes a second, so the packed text is kept in the cache
    folder, keyed by the packing and the vl-convert and Vega-Lite versions.
    """
    from importlib.metadata import version

    key = f"{_PACKING}-{version('vl-convert-python')}-{_vegalite_version() or 'default'}"
    cached = paths.CACHE / f"chart-library-{re.sub(r'[^A-Za-z0-9.]+', '_', key)}.b64"
    if paths.cache_enabled():
        try:
            kept = cached.read_text(encoding="ascii")
            gzip.decompress(base64.b64decode(kept, validate=True))  # a damaged file fails here and is packed again
            return kept
        except (OSError, ValueError, EOFError, zlib.error):  # gzip.BadGzipFile is an OSError
            pass
    # mtime=0: the same libraries give the same bytes, so pages stay byte-identical
    packed = base64.b64encode(gzip.compress(javascript_bundle().encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")
    if paths.cache_enabled():
        partial = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            paths.CACHE.mkdir(parents=True, exist_ok=True)
            partial.write_text(packed, encoding="ascii")
            os.replace(partial, cached)  # concurrent builds never read half a file
        except OSError:  # a read-only or full cache only costs the second again next time
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
    return packed


def _json_for_script(value: object) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_html(spec: dict, chart_id: str) -> str:
    """A chart container, its text alternative and its spec as inert JSON."""
    description = spec.get("description") or _title_text(spec.get("title")) or "Chart"
    label = html.escape(str(description), quote=True)
    return (
        f'<figure class="nkhr-chart-figure">'
        f'<div class="nkhr-chart" id="{chart_id}" role="img" aria-label="{label}">'
        # With JavaScript off the chart area says so instead of staying blank.
        '<noscript><p class="nkhr-note">This chart is drawn with JavaScript, which is off in this browser: '
        "its description follows, and the data it shows is in the tables of this page and in tables/.</p></noscript>"
        "</div>"
        f'<script type="application/json" class="nkhr-chart-spec" data-target="{chart_id}">{_json_for_script(spec)}</script>'
        f'<figcaption class="nkhr-chart-description">{label}</figcaption>'
        f"</figure>"
    )


def _title_text(title: object) -> str:
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title or "")


def prepare_for_html(nb):
    """Return a copy of ``nb`` ready for the page: charts as containers, no stderr, no code.

    Only what changes is copied (the notebook, its code cells and their chart
    outputs); ``nb`` itself is left as it was.
    """
    from nbformat import NotebookNode

    prepared = NotebookNode(nb)
    prepared["cells"] = []
    counter = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            prepared.cells.append(cell)
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                continue  # warnings belong in the executed notebook, not in front of readers
            data = output.get("data", {})
            versions = {int(_VEGALITE_MIME.match(m).group(1)): m for m in data if _VEGALITE_MIME.match(m)}
            mime = versions[max(versions)] if versions else None
            if mime:
                counter += 1
                output = NotebookNode(output)
                output["data"] = NotebookNode({"text/html": chart_html(data[mime], f"nkhr-chart-{counter}")})
                output["metadata"] = NotebookNode()
            elif isinstance(data.get("text/html"), str) and INLINE_STYLE in data["text/html"]:
                # the page's own stylesheet does what the notebook-only style did
                output = NotebookNode(output)
                output["data"] = NotebookNode({**data, "text/html": data["text/html"].replace(INLINE_STYLE, "")})
            kept.append(output)
        copied = NotebookNode(cell)
        copied["outputs"] = kept
        prepared.cells.append(copied)
    return prepared


#: nbconvert's exporter keeps per-call state, so pages rendered from several threads take turns.
_EXPORTING = threading.Lock()


@lru_cache(maxsize=1)
def _exporter():
    """One exporter for every page: building one compiles the templates, a good part of a page's time."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)], template_name=TEMPLATE_NAME,
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )


def render_page(nb, page: Page, pages: list[Page]) -> str:
    """Render one executed notebook as a complete HTML page of the report."""
    prepared = prepare_for_html(nb)
    has_charts = any(_VEGALITE_MIME.match(mime) for cell in nb.cells if cell.cell_type == "code"
                     for output in cell.get("outputs", []) for mime in output.get("data", {}))
    headings = notebook_headings(prepared)
    ids = unique_ids(text for _, text in headings)
    toc = [{"level": level, "id": id_, "text": text} for (level, text), id_ in zip(headings, ids) if level >= 2]
    position = pages.index(page)
    resources = {
        "nkhr": {
            "report_title": REPORT_TITLE,
            "page": page,
            "pages": pages,
            "previous": pages[position - 1] if position > 0 else None,
            "next": pages[position + 1] if position + 1 < len(pages) else None,
            "toc": toc,
            "css": (TEMPLATES / TEMPLATE_NAME / "report.css").read_text(encoding="utf-8"),
            "script": (TEMPLATES / TEMPLATE_NAME / "report.js").read_text(encoding="utf-8"),
            "library_slot": _LIBRARY_SLOT if has_charts else "",
        }
    }
    with _EXPORTING:
        body, _ = _exporter().from_notebook_node(prepared, resources=resources)
    if has_charts:  # the slot comes first in the page, before any text from the documents
        if _LIBRARY_SLOT not in body:
            raise ReportError(f"{page.notebook}: the page template lost its chart-library slot; expected {_LIBRARY_SLOT}")
        body = body.replace(_LIBRARY_SLOT, _LIBRARY_SLOT.replace("></script>", f">{packed_bundle()}</script>"), 1)
    return _add_heading_ids(body, ids)


_HEADING_TAG = re.compile(r"<h([1-3])(?: id=\"[^\"]*\")?>(.*?)(<a class=\"anchor-link\"[^>]*>.*?</a>)?</h\1>", re.DOTALL)


def unique_ids(texts) -> list[str]:
    """Slugs for headings in page order, numbered from the second use so each id is unique.

    >>> unique_ids(["Notes", "Data", "Notes"])
    ['notes', 'data', 'notes-2']
    """
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        base = slugify(text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _add_heading_ids(body: str, ids: list[str]) -> str:
    """Give the page's headings, in order, the ids its table of contents links to.

    nbconvert's own ids keep spaces and case; these are the stable slugs. A
    heading beyond the Markdown ones (from an output) gets a slug of its own text.
    """
    pending = iter(ids)

    def replace(match: re.Match) -> str:
        level, inner = match.group(1), match.group(2)
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        return f'<h{level} id="{next(pending, None) or slugify(text)}">{inner}</h{level}>'

    return _HEADING_TAG.sub(replace, body)


def report_pages(notebooks: list[Path]) -> list[Page]:
    """The pages a report's notebooks make, in order, titled by each notebook's first heading.

    Titles come from Markdown cells, which running a notebook does not change, so
    the stored notebooks give every page's navigation before any of them has run.
    """
    return [Page(path.name, page_filename(path.name, i), page_title(read_notebook(path), path.stem))
            for i, path in enumerate(notebooks)]


def read_notebook(path: Path):
    """Read and check a stored notebook; raise :class:`NotebookFormatError` naming it if it is not one."""
    import nbformat

    try:
        stored = nbformat.read(path, as_version=4)
        nbformat.validate(stored)
        page_title(stored, path.stem)  # every Markdown cell's source must be text
    except Exception as exc:  # not JSON, not a notebook: name the file rather than fail deep inside nbformat
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise NotebookFormatError(path, reason) from exc
    return stored


def render_notebook(executed: Path, page: Page, pages: list[Page], out_dir: Path) -> Path:
    """Render one executed notebook as its page in ``out_dir``; return the HTML file."""
    import nbformat

    target = Path(out_dir) / page.filename
    target.write_text(render_page(nbformat.read(executed, as_version=4), page, pages), encoding="utf-8")
    return target


def render_report(executed: list[Path], out_dir: Path) -> list[Path]:
    """Render executed notebooks (in report order) into ``out_dir``; return the HTML files.

    The executed notebooks stay beside the pages, for JupyterLab.
    """
    pages = report_pages(executed)
    return [render_notebook(path, page, pages, out_dir) for path, page in zip(executed, pages)]
