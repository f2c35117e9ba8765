"""A document's title: the heading that names it, whole, without the page furniture around it.

Real pages put a lot above a statement: a site's name and menu, a breadcrumb
("Home > Information > Releases"), a category tag ("Statement | October 21, 2024"),
a table's borders, a database's symbol ("RES/31/18"), a resolution's number
("34/24."). The rules, in order:

1. ``un_numbered_title``: a line numbered like a resolution ("73/180. Situation of
   human rights ...", on a draft "10/…  Situation ..."), the number left out of the title; ``un_draft_title``: on a draft,
   the words between ": draft resolution" and "The General Assembly,";
2. ``title_heading``: the last heading before the text begins that names a statement,
   letter, declaration, resolution or appeal (in English, or in Korean by its last word:
   "... 국제연대 공동성명"), so a page's own heading gives way to the document's when both
   stand above it; also a statement's heading after a page's short introduction;
3. ``subject_line``: a letter's "Re:" line, or a ``Title:`` field;
4. ``first_heading``: otherwise the first heading of at least three words that is
   neither furniture, nor a date line, nor a labelled field.

Furniture is never a title: menus, breadcrumbs (also "› Page" left at a line's start and
the full-width "뉴스 ＞ 정치"), a line of nothing but links or an image ("![alt](/x.jpg)"),
a press office's "FOR IMMEDIATE RELEASE" or "Press Statement", a site's section
("Meetings Coverage and Press Releases"), a UN masthead's bodies and session lines
("General Assembly / Third Committee", "46th & 47th Meetings (AM & PM)"), a dateline
leading into the text ("14 June 2022, New York -- Statement ..."), category tags
("[공지][공동서한]"), a footnote line under the title and a place and date in parentheses
after it. A headline such as "China: End Forced Returns" or "한국: ..." is a title, not a
field labelled with a country.

A title wrapped over several lines is joined (``Joint Statement on the Human Rights
Situation in the Democratic`` + ``People's Republic of Korea``; a line filled to the width
the text was wrapped at; a line broken after its colon), and a Korean headline whose last
line names the document keeps the line above it. It ends where a page ran something else
into it: a date line, a byline block ("Press Statement" / name / office), a labelled field
("입력 2010-06-08 11:02"), a column a flattened page set after a run of spaces, or the same
title in another script (the Latin one is kept). A sentence is never a title: a preamble
in parentheses or a passage of running text is passed over.

>>> from nkhr.read.segmenting import split_passages
>>> text = "Home > News\\n\\nJOINT STATEMENT ON THE HUMAN RIGHTS SITUATION\\nIN NORTH KOREA\\n\\nStatement | 21 October 2024\\n\\nWe urge all states to act now.\\n"
>>> fact = find_title(text, split_passages(text, 0, len(text)))
>>> fact.value, fact.rule
('JOINT STATEMENT ON THE HUMAN RIGHTS SITUATION IN NORTH KOREA', 'title_heading')
"""

from __future__ import annotations

import re

from ..extract.countries import normalise_country
from ..extract.dates import find_dates
from ..read.segmenting import DEBRIS, TITLE_WORDS, Passage
from .facts import Fact
from .headers import COLUMN_GAP, HeaderField, fields_named, first_body
from .un_documents import NUMBERED_TITLE, SYMBOL, UnHeader, un_title_span

#: Korean words that name a statement, letter, declaration, resolution or appeal.
KOREAN_TITLE_WORDS = re.compile(r"성명|서한|편지|선언|결의|호소문|청원|탄원")
#: Japanese words that name a document, at the very end of a heading ("... 共同声明", "... 公開書簡"): Japanese
#: writes no spaces, so "人権決議を採択" (an adoption reported) is told apart by where the word stands.
JAPANESE_TITLE_END = re.compile(r"(?:声明|書簡|宣言|決議|アピール|要請書|要望書)(?:文)?$")
#: Category tags before a heading: "[공지][공동서한] ...", "[Statement] ...".
_TAGS = re.compile(r"(?:\[[^\[\]\n]{1,20}\]\s*)+(?=\S)")
#: A breadcrumb's separator between words, or one left at the start of a line where a page broke the trail.
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/|＞)\s|\s\|\s.*\s\|\s|^(?:>|›|»|＞)\s")
#: A markdown image or link line ("![alt text](/uploads/letter.jpg)", "[Read more](/news)"): never a title.
_MARKUP_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)[^\w\[!]*")
_LEADING_MARKS = "#*• \t"
_TRAILING_MARKS = " *#†‡"
_SUBJECT = re.compile(r"(?:re|subject|subj|title)\s*:\s*", re.I)
#: A symbol or a number before the title ("RES/31/18 ", "A/C.3/77/L.26 — ", "34/24. ").
_LEADING_SYMBOL = re.compile(r"(?:" + SYMBOL.pattern + r")\s*(?:[—–-]\s*)?|" + NUMBERED_TITLE.pattern)
#: A press office's slug above the headline: never the title itself.
_PRESS_SLUG = re.compile(
    r"(?:for\s+immediate\s+release|(?:joint\s+)?press\s+(?:release|statement)|news\s+release|media\s+(?:note|advisory)|embargoed\b.*"
    r"|보도자료)\W*",
    re.I,
)
#: A site's section named by a kind in the plural ("Statements", "Press Releases"): a category, not a title.
#: Also a section named for several ("Meetings Coverage and Press Releases", "News and Statements").
_CATEGORY = re.compile(
    r"(?:(?:[\w-]+\s+){1,3}(?:and|&)\s+)?(?:(?:press|news|joint|open|recent|latest|all|related|more|other)\s+)?"
    r"(?:statements|letters|declarations|resolutions|releases|communiqu[eé]s|appeals|petitions|submissions)\W*",
    re.I,
)
#: A masthead line naming only UN bodies ("General Assembly", "General Assembly Third Committee") or a
#: session and meeting line ("Sixty-seventh session 46th & 47th Meetings (AM & PM)"): a press release's furniture.
_BODY_LINE = re.compile(
    r"(?:(?:UN|United\s+Nations)\s+)?(?:(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee)\W*){1,3}",
    re.I,
)
_SESSION_LINE = re.compile(
    r"(?:[\w-]+\s+)?(?:regular\s+|special\s+)?session\b\W*(?:\d+(?:st|nd|rd|th)\b[\s&,and]*)*(?:meetings?\b.*)?"
    r"|(?:\d+(?:st|nd|rd|th)\b[\s&,and]*)+meetings?\b.*",
    re.I,
)
#: A link's words ("Read the full statement", "Download the letter (PDF)").
_LINK_TEXT = re.compile(r"(?:read|download|see|click|view|watch|share|print|listen|subscribe)\b", re.I)
#: A footnote line under a title ("*International Parliamentarians' Coalition ...").
_FOOTNOTE_LINE = re.compile(r"[*†‡]+\s*\S")
_INTRODUCES_NAMES = re.compile(r"\b(?:by|following|undersigned|signed|endorsed|below|include|including)\W*$", re.I)
#: Places a Korean headline opens with before a colon ("한국: ...", "북한: ..."): a headline, not a labelled field.
_HEADLINE_PLACES = frozenset(("dprk", "korea", "한국", "북한", "남한", "중국", "일본", "미국", "러시아", "몽골", "유엔", "남북"))
_CONNECTOR_END = re.compile(r"\b(?:of|the|in|on|for|and|to|by|at|with|from|a|an|its|their)$|[’'-]$", re.I)


def _names_a_document(text: str) -> bool:
    """Whether a heading names a statement, letter, declaration ...: in Korean its last word does, in Japanese its end.

    Korean headings end on their head noun: "... 국제연대 공동성명" names a statement, while
    "세계인권선언 63주년에 ..." only mentions the Universal Declaration.

    >>> _names_a_document("세계인권의 날을 맞아 발표하는 국제연대 공동성명")
    True
    >>> _names_a_document("세계인권선언 63주년에 행동을 촉구한다")
    False
    >>> _names_a_document("拉致被害者家族会の共同声明"), _names_a_document("国連が人権決議を採択")
    (True, False)
    """
    if TITLE_WORDS.search(text):
        return True
    main = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\W*$", "", _TAGS.sub("", text.strip())).rstrip(" .!?\"'”’")
    words = main.split()
    return bool(words) and (bool(KOREAN_TITLE_WORDS.search(words[-1])) or bool(JAPANESE_TITLE_END.search(words[-1])))


def _first_line_is_menu(source: str, passage: Passage) -> bool:
    """A run of menu items joined into one heading ("MENU / Home / About Us / ...")."""
    newline = source.find("\n", passage.start, passage.end)
    return newline != -1 and bool(DEBRIS.fullmatch(source[passage.start : newline].strip(" \t|")))


def _is_furniture(source: str, passage: Passage) -> bool:
    """Breadcrumbs, menus, labelled fields, date lines, links, preambles: never a title."""
    stripped = passage.text.strip(_LEADING_MARKS)
    tags = _TAGS.match(stripped)
    stripped = stripped[tags.end() :] if tags else stripped
    if not stripped or stripped[0] in "([{<" or "http" in stripped or "www." in stripped or _LINK_TEXT.match(stripped):
        return True
    if _first_line_is_menu(source, passage):
        return True
    if _BREADCRUMB.search(stripped) or _PRESS_SLUG.fullmatch(stripped) or _CATEGORY.fullmatch(stripped):
        return True
    # nothing but links: "![alt](/uploads/x.jpg)", "« [Previous post](/2021/10/05/) | [Next post](/2021/10/19/) »"
    if not re.search(r"[^\W_]", _MARKUP_LINK.sub("", stripped)):
        return True
    if _BODY_LINE.fullmatch(stripped) or _SESSION_LINE.fullmatch(stripped):
        return True
    dates = find_dates(source, passage.start, passage.end)
    dated = sum(d.end - d.start for d in dates)
    # "14 June 2022, New York -- Statement delivered by ...": a dateline leading into the text
    opens_with_date = bool(dates) and not source[passage.start : dates[0].start].strip(_LEADING_MARKS + "(")
    return bool(dates) and (len(stripped.split()) <= 6 or dated > 0.4 * len(stripped) or opens_with_date)


def _is_sentence(text: str) -> bool:
    """Running text set as a heading: it ends a sentence or runs long."""
    return text.rstrip(" \"'”’)]*0123456789")[-1:] in (".", "!", "?") or len(text.split()) > 30


def _heading_broken_at_colon(source: str, passages: list[Passage], index: int) -> bool:
    """A short line naming a document and ending in a colon, with a heading on the very next line: a title
    broken after its colon ("Appeal to the Government of X:" / "No Forced Returns"), not text introducing a list.

    >>> from nkhr.read.segmenting import split_passages
    >>> text = "Appeal to the Government of Ruritania:\\nNo Forced Returns of Escapees\\n\\nWe ask the Government to stop.\\n"
    >>> _heading_broken_at_colon(text, split_passages(text, 0, len(text)), 0)
    True
    """
    passage = passages[index]
    if passage.kind != "body" or passage.boilerplate or not passage.text.endswith(":") or index + 1 >= len(passages):
        return False
    following = passages[index + 1]
    # the kind word heads the line ("Appeal to ...", "Open Letter to ..."); "signed by the following:" introduces names
    kind_word = TITLE_WORDS.search(passage.text)
    return (following.kind == "heading" and source[passage.end : following.start].count("\n") <= 2
            and bool(kind_word) and len(passage.text[: kind_word.start()].split()) <= 2 and len(passage.text.split()) < 15
            and not _INTRODUCES_NAMES.search(passage.text))


def _text_begins(source: str, passages: list[Passage]) -> int:
    """Position (n) of the first passage of running text: short numbered links ("1. Ministry ... facebook") are not."""
    for index, passage in enumerate(passages):
        if passage.kind == "body" and not passage.boilerplate and (_is_sentence(passage.text) or len(passage.text.split()) >= 12
                                                                    or passage.text.rstrip()[-1:] in ",;:"):
            if _heading_broken_at_colon(source, passages, index):
                continue
            return passage.n
    return first_body(passages)


def _running_before(passages: list[Passage], index: int) -> int:
    """How many passages of running text come before ``passages[index]``."""
    return sum(1 for p in passages[:index] if p.kind == "body" and not p.boilerplate)


def _clean_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Drop heading marks, footnote stars, a leading symbol or number, and a trailing colon."""
    while start < end and source[start] in _LEADING_MARKS:
        start += 1
    tags = _TAGS.match(source, start, end)
    if tags:
        start = tags.end()
    symbol = _LEADING_SYMBOL.match(source, start, end)
    if symbol and symbol.end() < end:
        start = symbol.end()
    while end > start and source[end - 1] in _TRAILING_MARKS + ":":
        end -= 1
    # "... by Estonia, France and Norway (New York, 10 December 2020)": the place and date are a dateline
    if source[end - 1 : end] == ")":
        opening = source.rfind("(", start, end)
        if opening > start and find_dates(source, opening, end):
            end = opening
            while end > start and source[end - 1] in _TRAILING_MARKS + ":":
                end -= 1
    return start, end


def _is_dateline(source: str, start: int, end: int, dates: list) -> bool:
    """A line that holds a date of its own and at most a place beside it ("Seoul, August 25, 2016").

    A date begun on the line before ("issued on 29 / August 2007") belongs to that line's sentence.
    """
    line = source[start:end]
    own = [d for d in dates if start <= d.start < end]
    if not own or line.rstrip().endswith(")") or any(d.start < start < d.end for d in dates):
        return False
    rest = source[start : own[0].start] + source[own[0].end : end]
    return len(re.findall(r"[^\W\d_]+", rest)) <= 3


def _title_value(source: str, start: int, end: int) -> str:
    """The title's words: its lines joined, table borders between them left out."""
    lines = (line.strip(" \t|│┃║") for line in source[start:end].split("\n"))
    return " ".join(" ".join(line for line in lines if line).split())


#: A line that only says what kind of page it is ("Press Statement", "Media Note", "Speech"): a byline block begins.
_KIND_LABEL = re.compile(
    r"(?:(?:joint|press|media|news|official)\s+)*(?:statement|remarks|speech|readout|communiqu[eé])s?\W*"
    r"|(?:press|media|news)\s+(?:release|note|advisory|briefing)s?\W*",
    re.I,
)


def _script(line: str) -> str:
    """The script most of a line's letters are written in: 'hangul', 'kana-han' or 'latin' ('' without letters).

    >>> _script("북한 인권 성명"), _script("Statement of the Network"), _script("2024")
    ('hangul', 'latin', '')
    """
    counts = {"hangul": 0, "kana-han": 0, "latin": 0}
    for ch in line:
        if "\uac00" <= ch <= "\ud7a3":
            counts["hangul"] += 1
        elif "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff":
            counts["kana-han"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["latin"] += 1
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else ""


def _cut_at_furniture(source: str, start: int, end: int, field_lines: frozenset[int] = frozenset()) -> tuple[int, int]:
    """End of a title before what a page ran into it: a footnote line, a date line, a byline block opened by
    a kind label ("Press Statement" / name / office), a labelled field, the same title in another script,
    or a column a flattened page set on the same line after a run of spaces."""
    dates = find_dates(source, start, end)
    first_end = source.find("\n", start, end)
    first_end = end if first_end == -1 else first_end
    gap = COLUMN_GAP.search(source, start, first_end)
    # "Open Letter to the Members   Detained families must not be forgotten   11 April 2019"
    if gap and len(source[start : gap.start()].split()) >= 3 and source[gap.end() : first_end].strip(" \t|│┃║"):
        if "|" not in source[start:first_end]:
            return start, gap.start()
    first_script = _script(source[start:first_end])
    position = first_end if first_end < end else -1
    while position != -1:
        line_start = position + 1
        line_end = source.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        line = source[line_start:line_end].strip(" \t|")
        script = _script(line)
        if script and first_script and script != first_script:
            # the same title in two scripts: the Latin one is the one the rules for issuers and kinds read
            if script == "latin":
                return line_start + len(source[line_start:line_end]) - len(source[line_start:line_end].lstrip(" \t|")), end
            return start, position
        # "Defending Freedom of" / "Speech" is one title: a label ends it only after a line that does not dangle
        label = (_KIND_LABEL.fullmatch(line) or _PRESS_SLUG.fullmatch(line)) and not _CONNECTOR_END.search(
            source[start:position].rstrip())
        if line and (_FOOTNOTE_LINE.match(line) or _is_dateline(source, line_start, line_end, dates) or label
                     or line_start in field_lines):
            return start, position
        position = source.find("\n", line_end, end) if line_end < end else -1
    return start, end


def _join_wrapped(source: str, passages: list[Passage], index: int, fields: set[int]) -> int:
    """Index of the last passage a title wrapped over, starting at ``passages[index]``."""
    last = index
    # the width running text was wrapped at (menus and footers run wider)
    width = max((len(line.rstrip()) for p in passages if p.kind == "body" and not p.boilerplate
                 for line in source[p.start : p.end].split("\n")), default=0)
    while last + 1 < len(passages):
        current, following = passages[last], passages[last + 1]
        between = source[current.end : following.start]
        words = following.text.split()
        dangling = bool(_CONNECTOR_END.search(current.text)) or following.text[0].islower()
        # "Appeal to the Government of X:" / "No Forced Returns": a title broken right after its colon
        dangling = dangling or (_heading_broken_at_colon(source, passages, last) and not between.strip())
        # A line break set as a paragraph (an HTML <br>, a PDF copy) still wraps a title that dangles.
        gap = 2 if dangling and not between.strip() else 1
        if between.count("\n") > gap or following.kind != "heading" or following.n in fields or following.boilerplate:
            break
        # "Joint Statement issued on 29 / August 2007 / by ...": a date broken over the lines holds them together
        split_date = any(d.start < current.end and d.end > following.start
                         for d in find_dates(source, current.start, following.end))
        if not split_date and (_is_furniture(source, following) or following.text[0] in "*†(" or _names_a_document(following.text)):
            break
        same_case = current.text.isupper() == following.text.isupper()
        indented = following.start - source.rfind("\n", 0, following.start) - 1 > current.start - source.rfind("\n", 0, current.start) - 1
        # a line filled to the page's width whose next word would not have fitted: the text was hard-wrapped
        current_line = source[max(current.start, source.rfind("\n", current.start, current.end) + 1) : current.end].rstrip()
        filled = (width > 0 and between.count("\n") == 1 and len(current_line) >= 0.85 * width
                  and len(current_line) + 1 + len(words[0]) > width)
        if not (dangling or indented or split_date or filled or (same_case and current.text.isupper() and len(words) >= 2)):
            break
        last += 1
    return last


def find_title(
    source: str, passages: list[Passage], fields: list[HeaderField] = (), un_header: UnHeader | None = None,
) -> Fact | None:
    """The document's title as a fact with its offsets, or None when no heading names it."""
    if un_header and passages:
        un_title = un_title_span(source, un_header, passages[0].start, passages[-1].end)
        if un_title:
            start, end, rule = un_title
            return Fact("title", _title_value(source, start, end), start, end, rule)
    stop = _text_begins(source, passages)
    # "South Korea: Put Victims First" is a headline, not a field labelled with a country
    # and "Joint statement: carry the language of ..." a title, not a field labelled "joint statement"
    labelled = [f for f in fields if not (normalise_country(f.key) or f.key in _HEADLINE_PLACES or TITLE_WORDS.search(f.key))]
    field_lines = frozenset(source.rfind("\n", 0, f.start) + 1 for f in labelled)
    # A heading is a field when its first line is one; a field on a later line only ends the title above it.
    starts = {p.n: p.start for p in passages}
    field_passages = {f.passage for f in labelled if source.rfind("\n", 0, f.start) < starts.get(f.passage, -1)}
    usable = [
        (i, p) for i, p in enumerate(passages)
        if (p.kind == "heading" or _heading_broken_at_colon(source, passages, i)) and not p.boilerplate
        and p.duplicate_of is None and p.n not in field_passages and not _is_furniture(source, p)
    ]
    head = [(i, p) for i, p in usable if p.n < stop]
    numbered = [(i, p) for i, p in usable if NUMBERED_TITLE.match(p.text) and not SYMBOL.match(p.text)]
    naming = [(i, p) for i, p in head if _names_a_document(p.text)]
    chosen, rule = None, ""
    if numbered:
        chosen, rule = numbered[0], "un_numbered_title"
    elif naming:
        chosen, rule = naming[-1], "title_heading"
    else:
        naming_later = [(i, p) for i, p in usable if _names_a_document(p.text) and len(p.text.split()) >= 3
                        and not _is_sentence(p.text)]
        # A statement's own heading after a page's short introduction ("Our Secretary General spoke at ...")
        after_intro = [(i, p) for i, p in naming_later if _running_before(passages, i) <= 3]
        subject = [f for f in fields_named(list(fields), "re", "subject", "title", "제목")]
        if subject:
            field = subject[0]
            start, end = _clean_span(source, field.start, field.end)
            return Fact("title", " ".join(source[start:end].split()), start, end, "subject_line")
        plain = [(i, p) for i, p in head if len(p.text.split()) >= 3 or (not p.text.isascii() and len(p.text) >= 8)]
        if after_intro:
            chosen, rule = after_intro[0], "title_heading"
        elif plain:
            chosen, rule = plain[0], "first_heading"
        elif naming_later:
            chosen, rule = naming_later[0], "title_heading"
    if chosen is None:
        return None
    index, passage = chosen
    last = _join_wrapped(source, passages, index, field_passages)
    # "한국: 탈북민 강제송환 중단해야" / "외교부 장관께 보내는 공동서한": a Korean headline names its kind on its last line
    if rule == "title_heading" and _script(passage.text) == "hangul" and index > 0:
        above = passages[index - 1]
        if ((index - 1, above) in usable and _script(above.text) == "hangul" and not _names_a_document(above.text)
                and source[above.end : passage.start].count("\n") == 1):
            passage = above
    start, end = _clean_span(source, *_cut_at_furniture(source, passage.start, passages[last].end, field_lines))
    subject = _SUBJECT.match(source, start, end)
    if subject:
        start = subject.end()
    if start >= end:
        return None
    return Fact("title", _title_value(source, start, end), start, end, rule)
