"""nkhr: tidy, source-linked tables from statements on North Korean human rights.

>>> import nkhr
>>> corpus = nkhr.load_corpus()            # doctest: +SKIP
>>> corpus.signatories.groupby("doc_id").size()   # doctest: +SKIP
"""

from .corpus import Corpus, load_corpus
from .errors import NkhrError
from .offline import enable_when_imported

enable_when_imported()  # the reader's own Altair charts draw offline too

__all__ = ["Corpus", "NkhrError", "load_corpus"]
__version__ = "0.1.0"
