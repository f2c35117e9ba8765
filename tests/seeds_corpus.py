"""The seed corpus parsed once per test session, shared by the library tests."""

from functools import cache

from nkhr import load_corpus, paths, schema


@cache
def seeds():
    return load_corpus(paths.SEEDS, cache=False)


@cache
def fixtures():
    return load_corpus(paths.ROOT / "tests" / "fixtures" / "documents", cache=False)


def doc_id_of(corpus, title_words: str) -> str:
    """The one document whose title contains ``title_words`` (tests name documents by title, not file)."""
    matches = corpus.documents[corpus.documents["title"].str.contains(title_words, regex=False)]
    assert len(matches) == 1, f"expected one document titled with {title_words!r}, found {len(matches)}"
    return matches["doc_id"].iloc[0]


def seed_docs(corpus) -> dict[str, str]:
    """Name the seed statements by what they are, not by file name."""
    docs = corpus.documents
    by_date = {date: list(group["doc_id"]) for date, group in docs.groupby("date")}
    letters = docs[docs["date"] == "2020-10-14"]
    to_unga = letters[letters["addressee"].fillna("").str.contains("General Assembly")]["doc_id"].iloc[0]
    to_eu = letters[letters["doc_id"] != to_unga]["doc_id"].iloc[0]
    return {
        "ipcnkr_2023": by_date["2023-04-20"][0], "statement_2005": by_date["2005-08-01"][0],
        "statement_2007": by_date["2007-08-29"][0], "joint_2023": by_date["2023-12-15"][0],
        "letter_unga": to_unga, "letter_eu": to_eu,
    }


def texts_of(corpus) -> dict[str, str]:
    return {doc_id: corpus.source_text(doc_id) for doc_id in corpus.documents["doc_id"]}


def one_passage(text: str, doc_id: str = "d"):
    return schema.build_frame("passages", [
        {"doc_id": doc_id, "n": 1, "kind": "body", "text": " ".join(text.split()), "start": 0, "end": len(text),
         "line": 1, "boilerplate": False, "counted": True}])


def signatory_entries(text, sponsor_spans=()):
    """The signatories :func:`nkhr.extract.signatories.find_signatories` reads from a whole text."""
    from nkhr.extract.signatories import find_signatories
    from nkhr.read.segmenting import split_passages

    return find_signatories(text, split_passages(text, 0, len(text)), sponsor_spans).entries


def signatory_rows(text, *attributes):
    """The entries as tuples of the attributes a researcher reads."""
    return [tuple(getattr(e, a) for a in attributes) for e in signatory_entries(text)]


def assert_entry_offsets(text, entries):
    """Each entry's span starts at its name as written, and its country is quoted where it stands."""
    for entry in entries:
        assert entry.start < entry.end and " ".join(text[entry.start:entry.end].split()).startswith(entry.name_as_written[:3])
        if entry.country_start is not None:
            assert text[entry.country_start:entry.country_end] == entry.country
