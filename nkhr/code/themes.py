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

import gc
import itertools
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import ahocorasick_rs
import numpy as np
import pandas as pd
import pyarrow as pa
import yaml

from .. import paths, schema
from ..errors import TaxonomyError

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
    # Plain arrays rather than a filtered frame: this is the hot path of a large load.
    wanted = passages["counted"].fillna(False).to_numpy(dtype=bool) & (passages["kind"] == "body").to_numpy(dtype=bool)
    doc_ids = pa.array(passages["doc_id"].array).filter(pa.array(wanted))
    numbers = passages["n"].to_numpy(dtype=np.int64, na_value=0)[wanted]
    starts = passages["start"].to_numpy(dtype=np.int64, na_value=0)[wanted]
    ends = passages["end"].to_numpy(dtype=np.int64, na_value=0)[wanted]
    chunks = [texts[d][s:e] for d, s, e in zip(doc_ids.to_pylist(), starts.tolist(), ends.tolist())]
    index, term_ids, a, b = matcher.match(chunks)
    offset = starts[index]
    columns = {
        "doc_id": _strings_at(doc_ids, index),
        "passage": pd.array(numbers[index], dtype="Int64"),
        "theme": _strings_at(pa.array(matcher.themes, type=pa.string()), term_ids),
        "term": _strings_at(pa.array(matcher.terms, type=pa.string()), term_ids),
        "quote": pd.array([chunks[k][i:j] for k, i, j in zip(index.tolist(), a.tolist(), b.tolist())], dtype="string"),
        "start": pd.array(offset + a, dtype="Int64"), "end": pd.array(offset + b, dtype="Int64"),
        "page": pd.array([None] * len(index), dtype="Int64"),  # filled from the source's pages by the corpus
    }
    frame = pd.DataFrame(columns, columns=[c.name for c in schema.TABLES["themes"]])
    if matcher.has_patterns:  # a pattern may match the very span a term matched
        frame = frame.drop_duplicates(["doc_id", "theme", "start", "end"]).reset_index(drop=True)
    return frame


def _strings_at(values: pa.Array, positions: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """The strings of ``values`` at ``positions``, as a pandas string array, without Python objects."""
    taken = values.take(pa.array(positions, type=pa.int64()))
    if isinstance(taken, pa.ChunkedArray):
        taken = taken.combine_chunks()
    return pd.array(taken.cast(pa.large_string()), dtype="string")


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
        # Every (theme, term) has an id; each folded, lower-case term is one key of the
        # automaton and codes one or more ids, each with the exact spelling an acronym
        # must have (None: any case).
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
        self._keys = list(keys)
        # Most keys code one theme in any case: their id, else -1 and the list in _entries.
        self._single = np.asarray([ids[0][0] if len(ids) == 1 and ids[0][1] is None else -1
                                   for ids in keys.values()], dtype=np.int64)
        self._entries = list(keys.values())
        # Matching runs on UTF-8 bytes: a byte automaton scans several times faster than
        # one over code points, and a key's bytes can only match at a character's start.
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [k.encode("utf-8") for k in self._keys], implementation=ahocorasick_rs.Implementation.DFA) if keys else None
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
        # Quotes are straightened per chunk, and only in the few with a character beyond
        # ASCII, so the joined text is usually pure ASCII: half the memory of a text that
        # holds one curly apostrophe, and every later pass over it faster. Same lengths,
        # so offsets hold; the caller keeps the chunks as written for the quotes.
        chunks = [c if c.isascii() else _straighten_quotes(c) for c in chunks]
        lengths = np.fromiter(map(len, chunks), dtype=np.int64, count=len(chunks)) + 1
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(chunks) else lengths
        joined = _SEPARATOR.join(chunks)
        if joined.count(_SEPARATOR) != max(len(chunks) - 1, 0):  # the source itself holds the separator
            joined = _SEPARATOR.join(c.replace(_SEPARATOR, " ") for c in chunks)
        folded = _Folded(joined)
        firsts, lasts, ids = self._literal_matches(folded)
        extra_firsts: list[int] = []
        extra_lasts: list[int] = []
        extra_ids: list[int] = []
        for term_id, regex in self._patterns:
            for found in regex.finditer(folded.text):
                if found.end() > found.start():
                    extra_firsts.append(found.start())
                    extra_lasts.append(found.end() - 1)
                    extra_ids.append(term_id)
        if extra_ids:
            firsts = np.concatenate((firsts, np.asarray(extra_firsts, dtype=np.int64)))
            lasts = np.concatenate((lasts, np.asarray(extra_lasts, dtype=np.int64)))
            ids = np.concatenate((ids, np.asarray(extra_ids, dtype=np.int64)))
        starts = folded.to_source(firsts)
        ends = folded.to_source(lasts) + 1
        index = np.searchsorted(offsets, starts, side="right") - 1
        inside = ends <= offsets[index] + lengths[index] - 1 if len(index) else np.zeros(0, dtype=bool)
        index, starts, ends, ids = index[inside], starts[inside], ends[inside], ids[inside]  # patterns may cross a separator
        # Rows in passage order, then text order, whether a corpus is coded whole or in parts.
        order = np.lexsort((ids, ends, starts, index))
        index, ids, starts, ends = index[order], ids[order], starts[order], ends[order]
        return index, ids, starts - offsets[index], ends - offsets[index]

    def _literal_matches(self, folded: _Folded) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """First and last folded offsets and term id of every whole-word match of a term."""
        empty = np.zeros(0, dtype=np.int64)
        if self._automaton is None:
            return empty, empty, empty
        lower = folded.lower
        # "surrogatepass": a lone surrogate (possible in a str, never in a decoded file) is
        # three bytes like any other character outside ASCII, so the offset arithmetic holds
        data = lower.encode("utf-8", "surrogatepass")
        with _collector_paused():  # a tuple per hit, all freed below: nothing for the collector to find
            found = self._automaton.find_matches_as_indexes(data, overlapping=True)
            hits = np.fromiter(itertools.chain.from_iterable(found), dtype=np.int64, count=3 * len(found)).reshape(-1, 3)
            del found
        if not len(hits):
            return empty, empty, empty
        keys, firsts, ends = hits[:, 0], hits[:, 1], hits[:, 2]
        if len(data) != len(lower):  # some characters took several bytes: count back to characters
            following = np.flatnonzero((np.frombuffer(data, dtype=np.uint8) & 0xC0) == 0x80)
            firsts = firsts - np.searchsorted(following, firsts)
            ends = ends - np.searchsorted(following, ends)
        lasts = ends - 1
        # Word boundaries: the character before and after a match must not be a letter or digit.
        word = _word_characters(lower, data)
        before = word[np.maximum(firsts - 1, 0)] == 0
        after = word[np.minimum(lasts + 1, len(word) - 1)] == 0
        whole = ((firsts == 0) | before) & ((lasts + 1 == len(word)) | after)
        keys, firsts, lasts = keys[whole], firsts[whole], lasts[whole]
        ids = self._single[keys]
        simple = ids >= 0
        if simple.all():
            return firsts, lasts, ids
        # The few keys with an acronym's exact case or several themes are resolved one by one.
        more_firsts, more_lasts, more_ids = [], [], []
        original = folded.text
        for key, first, last in zip(keys[~simple].tolist(), firsts[~simple].tolist(), lasts[~simple].tolist()):
            for term_id, exact in self._entries[key]:
                if exact is None or original[first:last + 1] == exact:
                    more_firsts.append(first)
                    more_lasts.append(last)
                    more_ids.append(term_id)
        return (np.concatenate((firsts[simple], np.asarray(more_firsts, dtype=np.int64))),
                np.concatenate((lasts[simple], np.asarray(more_lasts, dtype=np.int64))),
                np.concatenate((ids[simple], np.asarray(more_ids, dtype=np.int64))))


@contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector, which would otherwise scan the heap many times over."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


_ASCII_WORD = bytes(1 if chr(c).isalnum() else 0 for c in range(256))
# \w is str.isalnum() plus the underscore; excluding ASCII leaves the non-ASCII letters and digits
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]+")


def _word_characters(text: str, encoded: bytes) -> np.ndarray:
    """One value per character of ``text``, 1 where it is a letter or digit; ``encoded`` is its UTF-8.

    >>> _word_characters("é x-1", "é x-1".encode()).tolist()
    [1, 0, 1, 0, 1]
    """
    if len(encoded) == len(text):  # ASCII: the bytes are the characters
        return np.frombuffer(encoded.translate(_ASCII_WORD), dtype=np.uint8)
    # Encoding with "replace" keeps one byte per character; the few non-ASCII letters
    # (accents, Hangul) are then marked from a regular expression, still in C.
    word = bytearray(text.encode("ascii", "replace").translate(_ASCII_WORD))
    for run in _NON_ASCII_WORD.finditer(text):
        word[run.start():run.end()] = b"\1" * (run.end() - run.start())
    return np.frombuffer(bytes(word), dtype=np.uint8)


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
