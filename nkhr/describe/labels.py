"""Short readable labels for documents, unique within a corpus: what, by or to whom, when.

A table or chart names a document by its label instead of its id:
"joint statement by IPCNKR, 2005-08-01", "open letter to UN General Assembly, 2020-10-14".
Where two documents would share a label, the words of their titles that differ are
added, so the label never hides the difference; a document the text leaves undated
says so.

>>> import pandas as pd
>>> docs = pd.DataFrame({
...     "doc_id": ["a", "b", "c"], "kind": ["open letter", "open letter", None],
...     "issuers": ["", "", "Japan; Canada; Chile"], "addressee": ["UN General Assembly", "UN General Assembly", None],
...     "date": ["2020-10-14", "2020-10-14", None],
...     "title": ["Letter on the 75th session resolution", "Letter on the EU draft", "Statement"]})
>>> document_labels(docs).tolist()
['open letter to UN General Assembly, 2020-10-14: 75th session resolution', 'open letter to UN General Assembly, 2020-10-14: EU draft', 'document by Japan and 2 others, undated']
"""

from __future__ import annotations

import pandas as pd

#: Words a title shares with most titles: they do not tell two documents apart.
_COMMON = {"the", "on", "of", "in", "to", "for", "and", "a", "an", "by", "at", "letter", "statement", "joint", "open"}


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _base_label(row: pd.Series) -> str:
    kind = _text(row.get("kind")) or "document"
    issuers = [name for name in _text(row.get("issuers")).split("; ") if name]
    # the addressee's name without the office that follows it ("Jane Roe, Special Envoy ...")
    addressee = _text(row.get("addressee")).split(",")[0].strip()
    if addressee and ("letter" in kind or not issuers):
        who = f" to {addressee}"
    elif len(issuers) > 2:
        who = f" by {issuers[0]} and {len(issuers) - 1} others"
    elif issuers:
        who = " by " + " and ".join(issuers)
    else:
        who = ""
    return f"{kind}{who}, {_text(row.get('date')) or 'undated'}"


def _distinct_words(title: str, others: list[str]) -> str:
    """The words of ``title`` that the other titles lack, in order (at most eight)."""
    theirs = {w.casefold() for other in others for w in other.split()}
    own = [w for w in title.split() if w.casefold() not in theirs and w.casefold() not in _COMMON]
    return " ".join(own[:8])


def document_labels(documents: pd.DataFrame) -> pd.Series:
    """A unique label per row of ``documents``, indexed like it."""
    labels = documents.apply(_base_label, axis=1) if len(documents) else pd.Series([], dtype="string")
    labels = labels.astype("string")
    for label, group in documents.groupby(labels, sort=False):
        if len(group) < 2:
            continue
        titles = [_text(t) for t in group["title"]]
        for position, (index, title) in enumerate(zip(group.index, titles)):
            others = titles[:position] + titles[position + 1 :]
            extra = _distinct_words(title, others)
            labels.loc[index] = f"{label}: {extra}" if extra else label
    # Identical titles too: number them in corpus order, which is file order.
    seen: dict[str, int] = {}
    repeated = labels.duplicated(keep=False)
    for index in labels.index[repeated]:
        seen[labels.loc[index]] = seen.get(labels.loc[index], 0) + 1
        labels.loc[index] = f"{labels.loc[index]} ({seen[labels.loc[index]]})"
    return labels
