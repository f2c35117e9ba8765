"""Document facts: each value of a document field with the words it rests on and the rule that read it.

A document's title, date, kind, issuers, addressee, language and organisation are
facts like any other figure of the report: each is a :class:`Fact` holding the value,
the half-open offsets of its evidence in the source text and the name of the rule
that produced it. A field may hold several values (issuers), one fact each. A field
no words support has no fact, and the document gets a warning instead: an empty date
is a finding, an invented one a defect.

>>> text = "Joint Statement on Refugees\\n15 June 2022\\n"
>>> facts = [Fact("title", "Joint Statement on Refugees", 0, 27, "title_heading"),
...          Fact("date", "2022-06-15", 28, 40, "dateline")]
>>> [row["quote"] for row in fact_rows("d", text, facts)]
['Joint Statement on Refugees', '15 June 2022']
>>> resolve(facts)["date"]
'2022-06-15'
"""

from __future__ import annotations

from dataclasses import dataclass

#: The document fields that facts describe, in the order tables show them.
FIELDS = ("title", "date", "kind", "issuers", "addressee", "language", "organisation")
#: Fields that hold a list of values, '; '-separated in ``documents``.
LIST_FIELDS = ("issuers",)
#: What a reader is told when the text supports no value for a field.
MISSING = {
    "title": "no title found; expected a heading that names the statement, letter or resolution",
    "date": "no date of its own found (dates of recalled documents and past events are not used); "
            "expected a dateline or 'Adopted/Issued on <date>'",
    "kind": "its kind is not stated (statement, letter, declaration, resolution)",
    "issuers": "no issuer named; expected 'Joint Statement by ...', 'on behalf of ...' or the issuing body",
}


@dataclass(frozen=True)
class Fact:
    """One value of one document field, with half-open offsets of its evidence (None when curated)."""

    field: str
    value: str
    start: int | None
    end: int | None
    rule: str
    curated: bool = False


def fact_rows(doc_id: str, text: str, facts: list[Fact]) -> list[dict]:
    """Rows of the ``document_facts`` table for one document; quotes are cut from ``text``."""
    return [
        {"doc_id": doc_id, "field": f.field, "value": f.value,
         "quote": text[f.start : f.end] if f.start is not None else None,
         "start": f.start, "end": f.end, "rule": f.rule, "curated": f.curated}
        for f in facts
    ]


def resolve(facts: list[Fact]) -> dict[str, str]:
    """The value of each field as ``documents`` shows it: a curated value wins over parsed ones.

    >>> resolve([Fact("issuers", "Japan", 0, 5, "title_by"), Fact("issuers", "Canada", 7, 13, "title_by"),
    ...          Fact("date", "2020", 1, 5, "x"), Fact("date", "2020-10-14", None, None, "curator", True)])
    {'issuers': 'Japan; Canada', 'date': '2020-10-14'}
    """
    values: dict[str, list[str]] = {}
    for field in dict.fromkeys(f.field for f in facts):
        of_field = [f for f in facts if f.field == field]
        chosen = [f for f in of_field if f.curated] or of_field
        values[field] = list(dict.fromkeys(f.value for f in chosen if f.value))
    return {field: "; ".join(found) for field, found in values.items()}
