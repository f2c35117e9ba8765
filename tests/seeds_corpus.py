"""The seed corpus parsed once per test session, shared by the library tests."""

from functools import lru_cache

from nkhr import load_corpus, paths


@lru_cache(maxsize=None)
def seeds():
    return load_corpus(paths.SEEDS, cache=False)


@lru_cache(maxsize=None)
def fixtures():
    return load_corpus(paths.ROOT / "tests" / "fixtures" / "documents", cache=False)


def doc_id_of(corpus, title_words: str) -> str:
    """The one document whose title contains ``title_words`` (tests name documents by title, not file)."""
    matches = corpus.documents[corpus.documents["title"].str.contains(title_words, regex=False)]
    assert len(matches) == 1, f"expected one document titled with {title_words!r}, found {len(matches)}"
    return matches["doc_id"].iloc[0]
