"""What kind of document a text is: joint statement, statement, open letter, declaration or resolution.

The kind is read from words that say it, in order:

1. ``un_resolution``: a UN resolution's conventions (a resolution symbol, "Resolution
   adopted by ...", ": draft resolution", a ``Document Type`` field naming one);
2. ``title_word``: the title's own word ("Joint Open Letter", "Declaration",
   "Statement", "성명", "서한"); a statement is joint when the title says so, when it
   is "by" several issuers, or when several issuers are found;
3. ``editorial_note``: "(The following is a joint statement delivered by ...)",
   "The following text was released by the Governments of ...";
4. ``letter_form``: a salutation ("Dear ...", "Your Excellency") and a closing, or
   "We, the undersigned";
5. ``press_release``: "FOR IMMEDIATE RELEASE" or "Press release" (a statement).

A document whose words say none of these has no kind, and a warning says so.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Dear Ambassador,\\n\\nWe write to you about refugees.\\n\\nSincerely,\\n"
>>> find_kind(text, split_passages(text, 0, len(text)), None, []).value
'open letter'
"""

from __future__ import annotations

import re

from ..read.segmenting import Passage
from .facts import Fact
from .headers import HeaderField, fields_named
from .un_documents import UnHeader

_TITLE_KINDS = [
    (re.compile(r"\bletters?\b|\blettre\b|서한|편지", re.I), "open letter"),
    (re.compile(r"\bdeclarations?\b|선언", re.I), "declaration"),
    (re.compile(r"\bresolutions?\b|결의(?:안|문)?", re.I), "resolution"),
    (re.compile(r"\bstatements?\b|\bcommuniqu[eé]s?\b|\bappeals?\b|\bpetitions?\b|성명|호소문|탄원", re.I), "statement"),
]
_JOINT = re.compile(r"\bjoint\b|\bjointly\b|공동", re.I)
_EDITORIAL = re.compile(
    r"\bthe\s+(?:following|below)\s+(?:is\s+)?(?:text\s+)?(?:is\s+|was\s+)?(?:a\s+)?(?P<what>joint\s+statement|statement|joint\s+press\s+statement)"
    r"|\bthe\s+following\s+text\s+was\s+(?:released|issued)\s+by\s+the\s+(?P<govs>Governments)\b",
    re.I,
)
_SALUTATION = re.compile(r"^\W*(?:your excellenc(?:y|ies)|dear\b|excellenc(?:y|ies)\b|to whom it may concern)", re.I)
_CLOSING = re.compile(r"^\W*(?:sincerely|yours(?: sincerely| faithfully| truly)?|respectfully(?: yours)?|with (?:best|kind) regards)\b", re.I)
_UNDERSIGNED = re.compile(r"\bwe,?\s+the\s+undersigned\b", re.I)
_PRESS_RELEASE = re.compile(r"\bfor\s+immediate\s+release\b|\bpress\s+release\b|\bmedia\s+note\b|보도자료", re.I)
_DOCUMENT_TYPE = ("document type", "type", "document", "kind")


def _title_kind(text: str, title: Fact, issuers: int) -> Fact | None:
    for pattern, kind in _TITLE_KINDS:
        match = pattern.search(text, title.start, title.end)
        if not match:
            continue
        if kind == "statement" and (_JOINT.search(text, title.start, title.end) or issuers > 1
                                    or re.search(r"\bby\b[^.]*,", text[title.start : title.end])):
            kind = "joint statement"
        return Fact("kind", kind, match.start(), match.end(), "title_word")
    return None


def find_kind(
    text: str, passages: list[Passage], title: Fact | None, issuers: list[Fact],
    fields: list[HeaderField] = (), un_header: UnHeader | None = None,
) -> Fact | None:
    """The kind of the document with the words that say it, or None when no words do."""
    if un_header and un_header.is_resolution:
        if un_header.adopted_rule and un_header.body_start is not None:
            return Fact("kind", "resolution", un_header.body_start, un_header.body_end, "un_resolution")
        if un_header.draft_start is not None:
            return Fact("kind", "resolution", un_header.draft_start, un_header.draft_end, "un_resolution")
        if un_header.symbol_start is not None:
            return Fact("kind", "resolution", un_header.symbol_start, un_header.symbol_start + len(un_header.symbol), "un_resolution")
    for field in fields_named(list(fields), *_DOCUMENT_TYPE):
        match = re.search(r"resolution", text[field.start : field.end], re.I)
        if match:
            return Fact("kind", "resolution", field.start + match.start(), field.start + match.end(), "header_field")
    if title is not None and title.start is not None:
        found = _title_kind(text, title, len(issuers))
        if found:
            return found
    readable = [p for p in passages if not p.boilerplate]
    for passage in readable[:30]:
        note = _EDITORIAL.search(text, passage.start, passage.end)
        if note:
            what = note["what"] or "joint statement"
            kind = "joint statement" if "joint" in what.lower() or note["govs"] else "statement"
            return Fact("kind", kind, note.start(), note.end(), "editorial_note")
    salutation = next((p for p in readable if _SALUTATION.match(p.text)), None)
    closing = next((p for p in readable if _CLOSING.match(p.text)), None)
    if salutation and closing:
        return Fact("kind", "open letter", salutation.start, salutation.end, "letter_form")
    for passage in readable:
        undersigned = _UNDERSIGNED.search(text, passage.start, passage.end)
        if undersigned:
            return Fact("kind", "open letter" if salutation else "joint statement", undersigned.start(), undersigned.end(), "letter_form")
    for passage in readable[:15]:
        release = _PRESS_RELEASE.search(text, passage.start, passage.end)
        if release:
            return Fact("kind", "statement", release.start(), release.end(), "press_release")
    return None
