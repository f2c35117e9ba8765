"""Charts that draw without the network: importing nkhr makes Altair emit plain Vega-Lite mime bundles.

Altair's default renderer in a notebook loads Vega from a CDN ("Error loading script:
https://cdn.jsdelivr.net/npm/vega@6" offline). JupyterLab draws a Vega-Lite mime
bundle with the renderer it ships, and the report's pages embed Vega themselves
(:mod:`nkhr.report.render`), so a plain bundle is all a chart needs, the reader's own
charts included. Importing Altair is slow, so nothing here imports it: when Altair is
already loaded the renderer is enabled at once, otherwise as soon as it is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

RENDERER = "nkhr"
#: JupyterLab 4 draws Vega-Lite up to v5; charts of later schema versions also render under v5.
JUPYTERLAB_MIME = "application/vnd.vegalite.v5+json"


def mimebundle(spec: dict, **_options) -> dict:
    """The chart as Vega-Lite under its own version's mime type and JupyterLab's, with its description as text."""
    import altair as alt

    own = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}+json"
    return {own: spec, JUPYTERLAB_MIME: spec, "text/plain": f"Chart: {spec.get('description', '')}"}


def enable(alt) -> None:
    """Register and enable the offline renderer on the Altair module ``alt``."""
    alt.renderers.register(RENDERER, mimebundle)
    alt.renderers.enable(RENDERER)


class _EnableAfterImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps Altair's loader so the renderer is enabled once Altair has loaded."""

    def find_spec(self, name, path=None, target=None):
        if name != "altair":
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None and spec.loader is not None:
                loader = spec.loader
                original = loader.exec_module

                def exec_module(module, _original=original):
                    _original(module)
                    enable(module)

                loader.exec_module = exec_module
                return spec
        return None


def enable_when_imported() -> None:
    """Enable the offline renderer now if Altair is loaded, else as soon as it is."""
    if "altair" in sys.modules:
        enable(sys.modules["altair"])
    elif not any(isinstance(finder, _EnableAfterImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _EnableAfterImport())
