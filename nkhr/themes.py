"""Code passages by theme: every match of a taxonomy term, with the words that matched.

The taxonomy lives in ``nkhr/data/themes.yml``; a theme is added by editing that file
alone. Literal terms are found with one Aho-Corasick automaton (a single pass over the
text however many terms there are), regular expressions only for the few patterns a
list of words cannot express. Both run on the text with case, line breaks and runs of
spaces folded, and every match is mapped back to exact offsets in the source text.

>>> import pandas as pd
>>> from nkhr import schema
>>> text = "Talks resumed.\\n\\nThe Six Party\\nTalks and the ICC met."
>>> passages = schema.build_frame("passages", [
...     {"doc_id": "d", "n": 1, "kind": "body", "text": "", "start": 16, "end": len(text), "counted": True}])
>>> coded = code_themes(passages, {"d": text})
>>> coded[["theme", "term", "quote"]].values.tolist()
[['six_party_dialogue', 'Six Party Talks', 'Six Party\\nTalks'], ['accountability_icc', 'ICC', 'ICC']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import ahocorasick
import numpy as np
import pandas as pd
import yaml

from . import paths, schema
from .errors import TaxonomyError

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_THEME_FIELDS = {"label", "definition", "terms", "patterns"}
# Curly apostrophes and quotes are folded to straight ones (same length) so one term
# written "one's" matches "one’s" in the source.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACE_RUN = re.compile(r"\s{2,}")
_SEPARATOR = "\x00"
_LONE_SPACE = re.compile(r"[^\S ]")
_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if c.isspace() and c != " "})


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy, as written in the file."""

    key: str
    label: str
    definition: str
    terms: tuple[str, ...]
    patterns: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Taxonomy:
    """The themes of a taxonomy file, in file order."""

    path: Path
    themes: tuple[Theme, ...]

    def keys(self) -> list[str]:
        """Theme keys in file order."""
        return [theme.key for theme in self.themes]


def load_taxonomy(path: str | Path = paths.TAXONOMY) -> Taxonomy:
    """Read and check a taxonomy file; raise :class:`TaxonomyError` naming file and line.

    >>> taxonomy = load_taxonomy()
    >>> "abductions" in taxonomy.keys()
    True
    """
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TaxonomyError(path, None, "a readable UTF-8 YAML file", str(error)) from error
    try:
        root = yaml.compose(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise TaxonomyError(path, line, "valid YAML", getattr(error, "problem", None) or str(error)) from error
    themes_node = _mapping_item(path, root, "themes")
    if not isinstance(themes_node, yaml.MappingNode) or not themes_node.value:
        raise TaxonomyError(path, _line(themes_node), "a mapping of theme keys under 'themes:'", _kind(themes_node))
    themes, seen = [], set()
    for key_node, value_node in themes_node.value:
        key = key_node.value
        if not _KEY.match(str(key)):
            raise TaxonomyError(path, _line(key_node), "a theme key in lower_snake_case", repr(key))
        if key in seen:
            raise TaxonomyError(path, _line(key_node), "each theme key once", f"a second {key!r}")
        seen.add(key)
        themes.append(_read_theme(path, key, key_node, value_node))
    return Taxonomy(path=path, themes=tuple(themes))


def theme_terms(taxonomy: Taxonomy | None = None) -> dict[str, list[str]]:
    """Return the literal terms of each theme (patterns left out), e.g. to feed another matcher.

    >>> theme_terms()["covid19"][:2]
    ['COVID-19', 'COVID19']
    """
    taxonomy = taxonomy or load_taxonomy()
    return {theme.key: list(theme.terms) for theme in taxonomy.themes}


def describe_themes(taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Return one row per theme: key, label, definition and its terms, for printing.

    >>> describe_themes().columns.tolist()
    ['theme', 'label', 'definition', 'terms']
    """
    taxonomy = taxonomy or load_taxonomy()
    return pd.DataFrame(
        [
            {
                "theme": t.key,
                "label": t.label,
                "definition": t.definition,
                "terms": "; ".join(list(t.terms) + [f"/{p}/" for p in t.patterns]),
            }
            for t in taxonomy.themes
        ],
        columns=["theme", "label", "definition", "terms"],
    ).astype("string")


def code_themes(
    passages: pd.DataFrame, texts: Mapping[str, str], taxonomy: Taxonomy | None = None
) -> pd.DataFrame:
    """Return the ``themes`` table: one row per term matched in a counted body passage.

    ``texts`` maps each ``doc_id`` to the source text its passages' offsets point into.
    Headings, signatory lists, duplicates and boilerplate are not coded.
    """
    taxonomy = taxonomy or load_taxonomy()
    matcher = _Matcher(taxonomy)
    coded = passages[(passages["counted"].fillna(False)) & (passages["kind"] == "body")]
    doc_ids, numbers = coded["doc_id"].tolist(), coded["n"].tolist()
    starts, ends = coded["start"].tolist(), coded["end"].tolist()
    chunks = [texts[d][s:e] for d, s, e in zip(doc_ids, starts, ends)]
    index, term_ids, a, b = matcher.match(chunks)
    offset = np.asarray(starts, dtype=np.int64)[index]
    columns = {
        "doc_id": np.asarray(doc_ids, dtype=object)[index], "passage": np.asarray(numbers, dtype=np.int64)[index],
        "theme": np.asarray(matcher.themes, dtype=object)[term_ids], "term": np.asarray(matcher.terms, dtype=object)[term_ids],
        "quote": [chunks[k][i:j] for k, i, j in zip(index.tolist(), a.tolist(), b.tolist())],
        "start": offset + a, "end": offset + b,
    }
    # Built column-wise rather than through schema.build_frame's row dicts: this is the hot path.
    frame = pd.DataFrame(columns).astype({c.name: c.dtype for c in schema.TABLES["themes"]})
    if matcher.has_patterns:  # a pattern may match the very span a term matched
        frame = frame.drop_duplicates(["doc_id", "theme", "start", "end"]).reset_index(drop=True)
    return frame


class _Folded:
    """Text with runs of whitespace folded to one space, and the way back to source offsets."""

    def __init__(self, text: str):
        # A single tab, newline or no-break space becomes a space in place; only runs of
        # two or more whitespace characters shift offsets, and most passages have none.
        text = _straighten_quotes(text)
        # For ASCII text, str.translate is a table lookup in C; otherwise a regular expression.
        text = text.translate(_ASCII_SPACES) if text.isascii() else _LONE_SPACE.sub(" ", text)
        self.breaks, self.shifts = [0], [0]
        run = text.find("  ")
        if run >= 0:
            pieces, last, folded_pos = [], 0, 0
            while run >= 0:
                end = run + 2
                while end < len(text) and text[end] == " ":
                    end += 1
                pieces.append(text[last:run])
                folded_pos += run - last + 1
                pieces.append(" ")
                last = end
                self.breaks.append(folded_pos)
                self.shifts.append(end - folded_pos)
                run = text.find("  ", end)
            pieces.append(text[last:])
            text = "".join(pieces)
        self.text = text
        self.identity = len(self.shifts) == 1
        lower = text.lower()
        if len(lower) != len(text):  # a few characters lower-case to two; keep offsets aligned
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.lower = lower

    def to_source(self, folded: np.ndarray) -> np.ndarray:
        """Map folded offsets to offsets in the text as given, all at once."""
        if self.identity:
            return folded
        k = np.searchsorted(np.asarray(self.breaks), folded, side="right") - 1
        return folded + np.asarray(self.shifts)[k]


def _straighten_quotes(text: str) -> str:
    # str.replace runs in C; str.translate with a mapping is an order of magnitude slower
    for curly, straight in _QUOTES.items():
        text = text.replace(chr(curly), straight)
    return text


def _fold_term(term: str) -> str:
    return _straighten_quotes(" ".join(term.split()))


class _Matcher:
    """All terms of a taxonomy in one automaton, plus its compiled patterns."""

    def __init__(self, taxonomy: Taxonomy):
        self._automaton = ahocorasick.Automaton()
        # Every (theme, term) has an id; the automaton maps a folded term to the ids it
        # codes, each with the exact spelling an acronym must have (None: any case).
        self.themes: list[str] = []
        self.terms: list[str] = []
        keys: dict[str, list[tuple[int, str | None]]] = {}
        for theme in taxonomy.themes:
            for term in theme.terms:
                folded = _fold_term(term)
                exact = folded if _is_acronym(folded) else None
                listed = keys.setdefault(folded.lower(), [])
                if all(theme.key != self.themes[i] or exact != other for i, other in listed):
                    listed.append((len(self.themes), exact))
                    self.themes.append(theme.key)
                    self.terms.append(term)
        for key, ids in keys.items():
            # most keys code one theme in any case: store the bare id for the fast path
            self._automaton.add_word(key, (len(key), ids[0][0] if len(ids) == 1 and ids[0][1] is None else tuple(ids)))
        if keys:
            self._automaton.make_automaton()
        self._empty = not keys
        self._patterns = []
        for theme in taxonomy.themes:
            for pattern in theme.patterns:
                regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
                self._patterns.append((len(self.themes), regex))
                self.themes.append(theme.key)
                self.terms.append(pattern)
        self.has_patterns = bool(self._patterns)

    def match(self, chunks: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return the chunk index, term id, start and end of every match (offsets into the chunk)."""
        # The chunks are scanned as one text, joined by a character that is neither
        # whitespace nor part of any word or term, so no term runs from one into the next.
        lengths = np.fromiter((len(c) + 1 for c in chunks), dtype=np.int64, count=len(chunks))
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(chunks) else lengths
        joined = _SEPARATOR.join(chunks)
        if joined.count(_SEPARATOR) != max(len(chunks) - 1, 0):  # the source itself holds the separator
            joined = _SEPARATOR.join(c.replace(_SEPARATOR, " ") for c in chunks)
        folded = _Folded(joined)
        lower, original, size = folded.lower, folded.text, len(folded.lower)
        firsts: list[int] = []
        lasts: list[int] = []
        ids: list[int] = []
        add_first, add_last, add_id = firsts.append, lasts.append, ids.append
        if not self._empty:
            # Only word boundaries and acronym case are checked here, per match; mapping
            # back to source offsets is done for all matches at once below.
            for last, (length, entries) in self._automaton.iter(lower):
                first = last + 1 - length
                if (first and lower[first - 1].isalnum()) or (last + 1 < size and lower[last + 1].isalnum()):
                    continue
                if entries.__class__ is int:
                    add_first(first)
                    add_last(last)
                    add_id(entries)
                    continue
                for term_id, exact in entries:
                    if exact is None or original[first:last + 1] == exact:
                        add_first(first)
                        add_last(last)
                        add_id(term_id)
        for term_id, regex in self._patterns:
            for found in regex.finditer(original):
                if found.end() > found.start():
                    add_first(found.start())
                    add_last(found.end() - 1)
                    add_id(term_id)
        starts = folded.to_source(np.asarray(firsts, dtype=np.int64))
        ends = folded.to_source(np.asarray(lasts, dtype=np.int64)) + 1
        index = np.searchsorted(offsets, starts, side="right") - 1
        inside = ends <= offsets[index] + lengths[index] - 1 if len(index) else np.zeros(0, dtype=bool)
        index, starts, ends = index[inside], starts[inside], ends[inside]  # patterns may cross a separator
        ids = np.asarray(ids, dtype=np.int64)[inside]
        # Rows in passage order, then text order, whether a corpus is coded whole or in parts.
        order = np.lexsort((ids, ends, starts, index))
        index, ids, starts, ends = index[order], ids[order], starts[order], ends[order]
        return index, ids, starts - offsets[index], ends - offsets[index]


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _read_theme(path: Path, key: str, key_node, node) -> Theme:
    if not isinstance(node, yaml.MappingNode):
        raise TaxonomyError(path, _line(node), f"a mapping of label, definition and terms for theme {key!r}", _kind(node))
    fields = {k.value: v for k, v in node.value}
    for k, v in node.value:
        if k.value not in _THEME_FIELDS:
            raise TaxonomyError(path, _line(k), f"one of {sorted(_THEME_FIELDS)} in theme {key!r}", repr(k.value))
    for name in ("label", "definition"):
        value = fields.get(name)
        if value is None or not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            raise TaxonomyError(path, _line(value or node), f"a non-empty {name} for theme {key!r}", _kind(value))
    terms = _strings(path, key, "terms", fields.get("terms"), node, required=True)
    patterns = _strings(path, key, "patterns", fields.get("patterns"), node, required=False)
    for pattern, pattern_node in zip(patterns, fields["patterns"].value if patterns else []):
        try:
            re.compile(pattern)
        except re.error as error:
            raise TaxonomyError(path, _line(pattern_node), f"a valid regular expression in theme {key!r}",
                                f"{pattern!r} ({error})") from error
    return Theme(key=key, label=str(fields["label"].value).strip(), definition=str(fields["definition"].value).strip(),
                 terms=terms, patterns=patterns, line=_line(key_node))


def _strings(path: Path, key: str, name: str, node, parent, required: bool) -> tuple[str, ...]:
    if node is None:
        if required:
            raise TaxonomyError(path, _line(parent), f"a list of {name} for theme {key!r}", "none")
        return ()
    if not isinstance(node, yaml.SequenceNode) or (required and not node.value):
        raise TaxonomyError(path, _line(node), f"a non-empty list of {name} for theme {key!r}", _kind(node))
    values = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise TaxonomyError(path, _line(item), f"a non-empty text in {name} of theme {key!r}", _kind(item))
        values.append(str(item.value).strip())
    return tuple(values)


def _mapping_item(path: Path, root, name: str):
    if not isinstance(root, yaml.MappingNode):
        raise TaxonomyError(path, _line(root), f"a mapping with a '{name}:' key at the top", _kind(root))
    for key, value in root.value:
        if key.value == name:
            return value
    raise TaxonomyError(path, _line(root), f"a '{name}:' key at the top", "no such key")


def _line(node) -> int | None:
    return node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else None


def _kind(node) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value) if node.value != "" else "an empty value"
    return {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}.get(type(node), type(node).__name__)
