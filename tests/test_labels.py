"""Document labels a reader can tell apart."""

import pandas as pd

from nkhr.describe.labels import document_labels


def test_the_seed_documents_have_unique_readable_labels(seeds):
    labels = document_labels(seeds.documents)
    assert labels.is_unique
    assert not labels.str.contains(r"\d{3}_[0-9a-f]{6}").any()  # never a file id
    letters = labels[seeds.documents["kind"] == "open letter"].tolist()
    assert len(letters) == 2 and all(label.startswith("open letter to ") for label in letters)


def test_an_undated_document_says_so_and_many_issuers_are_counted():
    docs = pd.DataFrame({"doc_id": ["a"], "kind": ["joint statement"], "issuers": ["Albania; Japan; Chile; Peru"],
                         "addressee": [None], "date": [None], "title": ["Joint Statement"]})
    assert document_labels(docs).tolist() == ["joint statement by Albania and 3 others, undated"]


def test_identical_documents_are_numbered_rather_than_merged():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["statement"] * 2, "issuers": ["Japan"] * 2,
                         "addressee": [None] * 2, "date": ["2020"] * 2, "title": ["Statement"] * 2})
    assert document_labels(docs).tolist() == ["statement by Japan, 2020 (1)", "statement by Japan, 2020 (2)"]
