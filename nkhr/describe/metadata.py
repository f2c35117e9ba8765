"""What a document is: its title, date, kind, issuers, addressee, language and organisation, each with evidence.

:func:`describe_document` runs the rules of the modules beside this one on a
document's passages and returns a :class:`DocumentDescription`: one
:class:`~nkhr.describe.facts.Fact` per value, each quoting the words it rests on and
naming its rule, and a warning for every field the text does not support.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Joint Statement by Albania, Japan, and the United States on Human Rights\\n2023/12/15\\nWe call on all states to act.\\n"
>>> about = describe_document(text, split_passages(text, 0, len(text)))
>>> about.value("title"), about.value("date"), about.value("kind"), about.issuers
('Joint Statement by Albania, Japan, and the United States on Human Rights', '2023-12-15', 'joint statement', ['Albania', 'Japan', 'United States'])
>>> [(f.field, f.rule) for f in about.facts if f.field in ("date", "kind")]
[('date', 'dateline'), ('kind', 'title_word')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.dates import DateMatch
from ..read.languages import main_language
from ..read.segmenting import Passage
from .dating import find_date
from .facts import MISSING, Fact, resolve
from .headers import header_fields
from .addressees import find_addressee, find_organisation
from .issuers import acronyms, find_issuers
from .kinds import find_kind
from .titles import find_title
from .un_documents import UnHeader, read_un_header

__all__ = ["DocumentDescription", "acronyms", "describe_document"]


@dataclass
class DocumentDescription:
    """A document's facts, the date they resolve to, and what the text left unsaid."""

    facts: list[Fact] = field(default_factory=list)
    date: DateMatch | None = None
    un_header: UnHeader = field(default_factory=UnHeader)
    #: fields the text supports no value for, each with the message a reader is shown
    missing: dict[str, str] = field(default_factory=dict)

    def value(self, name: str) -> str:
        """The resolved value of a field ('' when it has none); list fields '; '-separated."""
        return resolve(self.facts).get(name, "")

    @property
    def issuers(self) -> list[str]:
        value = self.value("issuers")
        return value.split("; ") if value else []

    def spans(self, name: str) -> list[tuple[int, int]]:
        """Offsets of the evidence of a field's parsed values."""
        return [(f.start, f.end) for f in self.facts if f.field == name and f.start is not None]


def describe_document(text: str, passages: list[Passage], languages: list[str] | None = None) -> DocumentDescription:
    """Read a document's fields from its passages; ``languages`` gives each passage's language."""
    about = DocumentDescription()
    if not passages:
        about.missing = dict(MISSING)
        return about
    fields = header_fields(text, passages)
    about.un_header = read_un_header(text, passages[0].start, passages[-1].end)
    title = find_title(text, passages, fields, about.un_header)
    issuers = find_issuers(text, passages, title, fields, about.un_header)
    kind = find_kind(text, passages, title, issuers, fields, about.un_header)
    dated = find_date(text, passages, title, fields, about.un_header)
    addressee = find_addressee(text, passages, title, kind.value if kind else "", fields)
    organisation = find_organisation(issuers, text, passages, kind.value if kind else "")
    about.facts = [fact for fact in (title, dated[0] if dated else None, kind) if fact] + issuers
    about.facts += [fact for fact in (addressee, organisation) if fact]
    about.date = dated[1] if dated else None
    if languages:
        counted = [(p, language) for p, language in zip(passages, languages) if p.counted and p.kind in ("body", "heading", "list")]
        language = main_language([p.text for p, _ in counted], [lang for _, lang in counted])
        evidence = next((p for p, lang in counted if lang == language and p.kind == "body"), None)
        evidence = evidence or next((p for p, lang in counted if lang == language), None)
        if language and evidence:
            about.facts.append(Fact("language", language, evidence.start, evidence.end, "script_and_words"))
    present = {fact.field for fact in about.facts}
    about.missing = {name: message for name, message in MISSING.items() if name not in present}
    return about
