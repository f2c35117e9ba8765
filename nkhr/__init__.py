"""nkhr: tidy, source-linked tables from statements on North Korean human rights.

>>> import nkhr
>>> corpus = nkhr.load_corpus()            # doctest: +SKIP
>>> corpus.signatories.groupby("doc_id").size()   # doctest: +SKIP
"""

from .errors import NkhrError
from .offline import enable_when_imported

enable_when_imported()  # the reader's own Altair charts draw offline too


def _show(self, frame, columns=None, *, caption: str = "", max_rows: int | None = 200):
    """Render ``frame`` (any table of this corpus) with its quotes openable, as the report does.

    >>> import nkhr
    >>> corpus = nkhr.load_corpus()
    >>> "<details" in corpus.show(corpus.claims.head(3)).html()
    True
    """
    from .report.provenance import show  # the report's renderer, imported only when asked for

    return show(self, frame, columns, caption=caption, max_rows=max_rows)


def __getattr__(name: str):
    """``nkhr.load_corpus`` and ``nkhr.Corpus``, imported on first use.

    The parser and pandas load only when a corpus is asked for, so ``nkhr report``
    answers "up to date" without them. The package assembles its API here: the corpus
    stage itself knows nothing of rendering, and gains ``show`` from the report stage.
    """
    if name in ("Corpus", "load_corpus"):
        from . import corpus

        corpus.Corpus.show = _show
        globals().update(Corpus=corpus.Corpus, load_corpus=corpus.load_corpus)
        return getattr(corpus, name)
    raise AttributeError(f"module 'nkhr' has no attribute {name!r}")

__all__ = ["Corpus", "NkhrError", "load_corpus"]
__version__ = "0.1.0"
