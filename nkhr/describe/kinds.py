"""What kind of document a text is: joint statement, statement, open letter, declaration, resolution or press release.

The kind is read from words that say it, in order:

1. ``un_resolution``: a UN resolution's conventions (a resolution symbol, "Resolution
   adopted by ...", ": draft resolution", a ``Document Type`` field naming one);
2. ``title_word``: the title's own word ("Joint Open Letter", "Declaration",
   "Statement", "성명", "서한"), the one that heads the title (English names its kind
   first, Korean last), not a document the title goes on to mention ("Statement ... on the
   Resolution", "Committee Adopts Resolution"); a statement is joint when the title says
   so, when it is "by" several issuers, when several issuers are found, or when a
   "Signed by:" line names several;
3. ``kind_label``: a line of the head that says what the page is: "Press release" (a
   press release), "Press Statement" under a headline (a statement, joint when it says so);
4. ``editorial_note``: "(The following is a joint statement delivered by ...)",
   "The following text was released by the Governments of ...";
5. ``letter_form``: a salutation ("Dear ...", "Your Excellency") and a closing, a subject
   or ``To:`` line ("RE: ...") and a closing, or "We, the undersigned" (a statement the
   undersigned organisations make is joint);
6. ``press_release``: a press office's slug or section above the text ("FOR IMMEDIATE
   RELEASE", "Press Releases": a statement); a link to press releases below the text says
   nothing.

A document whose words say none of these has no kind, and a warning says so. A news
report about a letter or statement (its issuer a news agency's credit) has none either.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Dear Ambassador,\\n\\nWe write to you about refugees.\\n\\nSincerely,\\n"
>>> find_kind(text, split_passages(text, 0, len(text)), None, []).value
'open letter'
"""

from __future__ import annotations

import re

from ..read.segmenting import Passage
from .facts import Fact
from .headers import HeaderField, fields_named, first_body_after, passage_lines
from .un_documents import UnHeader

_TITLE_KINDS = [
    (re.compile(r"\bletters?\b|\blettre\b|서한|편지|書簡", re.I), "open letter"),
    (re.compile(r"\bdeclarations?\b|선언|宣言", re.I), "declaration"),
    (re.compile(r"\bresolutions?\b|결의(?:안|문)?|決議", re.I), "resolution"),
    (re.compile(r"\bstatements?\b|\bcommuniqu[eé]s?\b|\bappeals?\b|\bpetitions?\b|성명|호소문|탄원|声明|アピール|要請書|要望書", re.I),
     "statement"),
]
_JOINT = re.compile(r"\bjoint\b|\bjointly\b|\btrilateral\b|\bbilateral\b|공동|共同", re.I)
#: Kana or kanji: Japanese names a document's kind at the very end of its title.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_EDITORIAL = re.compile(
    r"\bthe\s+(?:following|below)\s+(?:is\s+)?(?:text\s+)?(?:is\s+|was\s+)?(?:a\s+)?(?P<what>joint\s+statement|statement|joint\s+press\s+statement)"
    r"|\bthe\s+following\s+text\s+was\s+(?:released|issued)\s+by\s+the\s+(?P<govs>Governments)\b",
    re.I,
)
_SALUTATION = re.compile(r"^\W*(?:your excellenc(?:y|ies)|dear\b|excellenc(?:y|ies)\b|to whom it may concern)", re.I)
_CLOSING = re.compile(r"^\W*(?:sincerely|yours(?: sincerely| faithfully| truly)?|respectfully(?: yours)?|with (?:best|kind) regards)\b", re.I)
#: "We, the undersigned", also with a count between ("We, the twelve undersigned", "We, the 31 undersigned").
_UNDERSIGNED = re.compile(r"\bwe,?\s+the\s+(?:[\w-]+\s+)?undersigned\b", re.I)
#: A line that says what kind of page this is: "Press Statement", "Statement", "Press release", "Media Note".
_KIND_LABEL = re.compile(
    r"\W*(?:(?P<release>(?:press|news)\s+release)|(?P<joint>joint\s+)?(?:(?:press|media)\s+)*(?P<statement>statement|communiqu[eé])"
    r"|(?:press|media)\s+(?P<note>note))\W*",
    re.I,
)
_PRESS_RELEASE = re.compile(r"\bfor\s+immediate\s+release\b|\bpress\s+releases?\b|\bmedia\s+note\b|보도자료", re.I)
#: Where a title's parts meet: "DPRK – Joint press statement", "EU Statement – UN Security Council: Briefing".
_TITLE_PARTS = re.compile(r"\s[–—-]+\s|:\s|\s\|\s")
#: Lower-case words that may stand before a title's kind word ("Joint press statement", "the final declaration").
_BEFORE_KIND = frozenset("a an the joint open press final draft common public ministerial of and on by for to".split())
_TAGS = re.compile(r"(?:\[[^\[\]\n]{1,20}\]\s*)+")
_SIGNED_BY = re.compile(r"\W*(?:signed|endorsed|co-signed|supported)\s+by\b\W*", re.I)
_DOCUMENT_TYPE = ("document type", "type", "document", "kind")


def _title_kind(text: str, title: Fact, issuers: int) -> Fact | None:
    """The kind the title names first: the head word, not a document the title goes on to mention.

    "Statement of the Coalition on the General Assembly Resolution" is a statement.
    """
    found = [(match.start(), match, kind) for pattern, kind in _TITLE_KINDS
             for match in pattern.finditer(text, title.start, title.end)]
    # English names its kind first ("Joint Statement on ..."), Korean last ("... 국제연대 공동성명").
    english = [item for item in found if item[1].group().isascii() and _leads(text, title.start, item[1].start())]
    # a trailing parenthesis says what the document asks ("... 공동서한 (결의안 지지 요청)"), not what it is
    main_end = text.rfind("(", title.start, title.end) if text[title.start : title.end].rstrip().endswith(")") else -1
    main_end = main_end if main_end > title.start else title.end
    # and the kind is its last word: "... 북한인권결의 채택" reports an adoption, "... 국제연대 공동성명" is a statement
    main = text[title.start : main_end].rstrip()
    last_word = title.start + main.rfind(" ") + 1
    korean = [item for item in found if not item[1].group().isascii() and last_word <= item[0] < main_end
              and not _JAPANESE.match(item[1].group())]
    # Japanese writes no spaces: the kind word ends the title ("... 共同声明"), or the title reports on it ("決議を採択")
    japanese_end = title.start + len(main.rstrip(" 。、.!?」』\"'”’"))
    korean += [item for item in found if _JAPANESE.match(item[1].group()) and item[1].end() in (japanese_end, japanese_end - 1)]
    if english:
        _, match, kind = min(english, key=lambda item: item[0])
    elif korean:
        _, match, kind = max(korean, key=lambda item: item[0])
    else:
        return None
    if kind == "statement" and (_JOINT.search(text, title.start, title.end) or issuers > 1
                                or re.search(r"\bby\b[^.]*,", text[title.start : title.end])):
        kind = "joint statement"
    return Fact("kind", kind, match.start(), match.end(), "title_word")


def _tag_kind(text: str, title: Fact) -> Fact | None:
    """The kind a category tag before the title names: "[성명] 중국은 ...", "[Joint Statement] ..."."""
    line_start = text.rfind("\n", 0, title.start) + 1
    tags = _TAGS.search(text, line_start, title.start)
    if not tags:
        return None
    for pattern, kind in _TITLE_KINDS:
        match = pattern.search(text, tags.start(), tags.end())
        if match:
            return Fact("kind", kind, match.start(), match.end(), "title_tag")
    return None


def _leads(text: str, start: int, position: int) -> bool:
    """Whether a word at ``position`` heads the title or one of its parts ("DPRK – Joint press statement by ...").

    A kind word deep in a headline is its object: "Committee Adopts Resolution on ..." is no resolution.

    >>> _leads("DPRK – Joint press statement by A", 0, 12), _leads("Coalition welcomes the new resolution", 0, 28)
    (True, False)
    """
    breaks = [start + m.end() for m in _TITLE_PARTS.finditer(text[start:position])]
    part = breaks[-1] if breaks else start
    words = text[part:position].split()
    # "Coalition welcomes the new resolution": a lower-case verb before the word makes it an object
    return len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w.lower() in _BEFORE_KIND for w in words)


def _undersigned_several(text: str, passages: list[Passage]) -> bool:
    """Whether the text opens "We, the undersigned organisations ...": a statement several sign is a joint one."""
    return any(_UNDERSIGNED.search(text, p.start, p.end) for p in passages[:30])


def _label_kind(text: str, passages: list[Passage], stop: int) -> Fact | None:
    """The kind a line of the head says on its own: "Press Statement" under a headline, "Press release" under its date.

    A press release is a kind of its own only when a line labels the page one ("Press release");
    a press office's slug ("FOR IMMEDIATE RELEASE") or a site's section ("Press Releases") heads
    statements too.
    """
    for passage in passages:
        if passage.n >= stop:
            break
        for line in passage_lines(text, passage) if passage.kind == "heading" else [passage]:
            label = _KIND_LABEL.fullmatch(text, line.start, line.end)
            if label:
                group = next(name for name in ("release", "statement", "note") if label[name])
                kind = "press release" if group == "release" else "joint statement" if label["joint"] else "statement"
                return Fact("kind", kind, label.start(group), label.end(group), "kind_label")
    return None


def _signed_by_several(text: str, passages: list[Passage]) -> bool:
    """Whether a line such as "Signed by: A (Japan), B (Korea) and C" names several signers."""
    for passage in passages:
        signed = _SIGNED_BY.match(text, passage.start, passage.end)
        if signed and re.search(r",|\band\b", text[signed.end() : passage.end]):
            return True
    return False


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
    # A news report about a letter or statement is neither: its title names what it reports on.
    if any(fact.rule == "news_credit" for fact in issuers):
        return None
    readable = [p for p in passages if not p.boilerplate]
    if title is not None and title.start is not None:
        found = _title_kind(text, title, len(issuers))
        if found and found.value == "statement" and (_signed_by_several(text, readable) or _undersigned_several(text, readable)):
            found = Fact("kind", "joint statement", found.start, found.end, "title_word")
        found = found or _tag_kind(text, title)
        if found:
            return found
    head_end = first_body_after(passages, title.end if title is not None and title.end is not None else -1)
    found = _label_kind(text, readable, head_end)
    if found:
        return found
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
    # "RE: ..." or "To: ..." above the text and "Respectfully," below it: a letter without a salutation
    subject = fields_named(list(fields), "re", "subject", "subj", "to")
    if subject and closing:
        field = subject[0]
        return Fact("kind", "open letter", field.start, field.end, "letter_form")
    for passage in readable:
        undersigned = _UNDERSIGNED.search(text, passage.start, passage.end)
        if undersigned:
            return Fact("kind", "open letter" if salutation else "joint statement", undersigned.start(), undersigned.end(), "letter_form")
    # a press office's slug or section above the headline; a "Press releases" link below the text says nothing
    for passage in [p for p in readable if p.n < head_end][:15]:
        release = _PRESS_RELEASE.search(text, passage.start, passage.end)
        if release:
            return Fact("kind", "statement", release.start(), release.end(), "press_release")
    return None
