"""Words in their context: keyword in context over passages, and the sentence around any coded row.

:func:`kwic` finds a word, a phrase, a wildcard (``abduct*``) or a regular expression
in counted passages and returns each match with the words to its left and right,
after quanteda's ``kwic``. Capitals follow the taxonomy's rule: a pattern written in
capitals (an acronym such as ``UPR``) matches those capitals only; any other
pattern matches in any case. A phrase matches across a hard line break.

:func:`in_context` adds the sentence that holds each row of a table with offsets
(themes, asks, claims, signatories ...), so a matched word is read in its sentence.

>>> import pandas as pd
>>> text = "Families of abductees wait.\\nThe abduction of citizens\\ncontinues to this day."
>>> passages = pd.DataFrame({"doc_id": ["d", "d"], "n": [1, 2], "start": [0, 28], "end": [27, len(text)],
...                          "counted": [True, True], "kind": ["body", "body"]})
>>> found = kwic(passages, {"d": text}, "abduct*", window=2)
>>> found[["left", "match", "right"]].values.tolist()
[['Families of', 'abductees', 'wait. The'], ['wait. The', 'abduction', 'of citizens']]
>>> all(text[s:e] == m for s, e, m in zip(found["start"], found["end"], found["match"]))
True
"""

from __future__ import annotations

import re
from typing import Mapping

import pandas as pd

from ..errors import NkhrError
from ..read.sentences import sentence_spans

KWIC_COLUMNS = ["doc_id", "label", "date", "passage", "left", "match", "right", "start", "end"]
_WORD = re.compile(r"\S+")


class PatternError(NkhrError, ValueError):
    """A keyword-in-context pattern that cannot be searched for."""


def _is_capitals(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def compile_pattern(pattern: str | re.Pattern, regex: bool = False) -> re.Pattern:
    """The regular expression a kwic pattern stands for.

    >>> compile_pattern("abduct*").pattern
    '(?<!\\\\w)abduct\\\\w*(?!\\\\w)'
    >>> bool(compile_pattern("UPR").search("the upr")), bool(compile_pattern("upr").search("the UPR"))
    (False, True)
    >>> compile_pattern("forced  repatriation").search("forced\\nrepatriation") is not None
    True
    """
    if isinstance(pattern, re.Pattern):
        return pattern
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError(f"a kwic pattern must be a non-empty word, phrase, wildcard or regular expression; found {pattern!r}")
    flags = 0 if _is_capitals(pattern) else re.IGNORECASE
    if regex:
        try:
            return re.compile(pattern, flags)
        except re.error as error:
            raise PatternError(f"the regular expression {pattern!r} does not compile: {error}") from error
    words = []
    for word in pattern.split():
        piece = re.escape(word).replace(r"\*", r"\w*").replace(r"\?", r"\w")
        words.append(piece)
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)


def _words_before(text: str, start: int, position: int, window: int) -> str:
    words = _WORD.findall(text[start:position])
    return " ".join(words[-window:]) if window else ""


def _words_after(text: str, position: int, end: int, window: int) -> str:
    words = _WORD.findall(text[position:end])
    return " ".join(words[:window]) if window else ""


def kwic(
    passages: pd.DataFrame, texts_by_doc: Mapping[str, str], pattern: str | re.Pattern, *, window: int = 8,
    regex: bool = False, documents: pd.DataFrame | None = None, counted_only: bool = True,
) -> pd.DataFrame:
    """Every match of ``pattern`` with ``window`` words either side, one row per match.

    The context runs over the whole document (a sentence that continues in the next
    passage is not cut), while matches are searched in counted passages only: not in
    duplicates or site menus. ``documents`` supplies each match's ``label`` and ``date``.
    """
    if window < 0:
        raise PatternError(f"window must be 0 or more words; found {window}")
    compiled = compile_pattern(pattern, regex)
    read = passages[passages["counted"].fillna(False).astype(bool)] if counted_only else passages
    bounds = read.groupby("doc_id").agg(first=("start", "min"), last=("end", "max")) if len(read) else None
    about = documents.set_index("doc_id") if documents is not None and len(documents) else None
    rows = []
    for passage in read.itertuples(index=False):
        text = texts_by_doc[passage.doc_id]
        first, last = bounds.loc[passage.doc_id, "first"], bounds.loc[passage.doc_id, "last"]
        for match in compiled.finditer(text, int(passage.start), int(passage.end)):
            if match.end() == match.start():
                continue
            rows.append({
                "doc_id": passage.doc_id,
                "label": _about(about, passage.doc_id, "label"),
                "date": _about(about, passage.doc_id, "date"),
                "passage": passage.n,
                "left": _words_before(text, int(first), match.start(), window),
                "match": match.group(),
                "right": _words_after(text, match.end(), int(last), window),
                "start": match.start(), "end": match.end(),
            })
    frame = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    return frame.astype({"passage": "Int64", "start": "Int64", "end": "Int64"})


def _about(about: pd.DataFrame | None, doc_id: str, column: str):
    if about is None or column not in about.columns or doc_id not in about.index:
        return None
    value = about.loc[doc_id, column]
    return None if pd.isna(value) else value


def in_context(frame: pd.DataFrame, passages: pd.DataFrame, texts_by_doc: Mapping[str, str]) -> pd.DataFrame:
    """A copy of ``frame`` with the sentence holding each row: ``sentence``, ``sentence_start``, ``sentence_end``.

    ``frame`` needs ``doc_id`` and ``start`` (themes, asks, claims, signatories, kwic ...).
    A row outside every passage keeps empty sentence columns.

    >>> text = "We met. We urge an end to forced repatriation now. Thank you."
    >>> passages = pd.DataFrame({"doc_id": ["d"], "n": [1], "start": [0], "end": [len(text)]})
    >>> rows = pd.DataFrame({"doc_id": ["d"], "start": [26], "end": [45]})
    >>> in_context(rows, passages, {"d": text})["sentence"].tolist()
    ['We urge an end to forced repatriation now.']
    """
    out = frame.copy()
    sentences, starts, ends = [], [], []
    by_doc = {doc: group.sort_values("start") for doc, group in passages.groupby("doc_id")}
    for doc_id, start in zip(frame["doc_id"], frame["start"]):
        found = None
        group = by_doc.get(doc_id)
        if group is not None and not pd.isna(start):
            holding = group[(group["start"] <= start) & (group["end"] > start)]
            if len(holding):
                text = texts_by_doc[doc_id]
                passage = holding.iloc[0]
                found = next(((a, b) for a, b in sentence_spans(text, int(passage["start"]), int(passage["end"]))
                              if a <= start < b), None)
                if found:
                    sentences.append(text[found[0] : found[1]])
                    starts.append(found[0])
                    ends.append(found[1])
        if not found:
            sentences.append(None)
            starts.append(None)
            ends.append(None)
    out["sentence"] = pd.array(sentences, dtype="string")
    out["sentence_start"] = pd.array(starts, dtype="Int64")
    out["sentence_end"] = pd.array(ends, dtype="Int64")
    return out
