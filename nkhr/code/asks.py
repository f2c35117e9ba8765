"""Asks: the operative clauses of a statement, with verb, strength and addressee.

An operative clause is a numbered paragraph, or a sentence led by an action verb: the
verb opens the sentence ("Urges all States ..."), or follows the issuer as subject
("We urge ...", "IPCNKR calls for ...", "We are writing ... to urge ..."). A numbered
paragraph yields one ask, for its first operative verb; a numbered recommendation in
the imperative ("Close all political prison camps") takes the addressee of the clause
that introduces the list. Verbs, their strength on the ordinal scale and the addressee
vocabulary live in ``nkhr/data/asks.yml``.

>>> from nkhr import schema
>>> text = "1. We urge the Chinese government to protect refugees.\\n2. Welcomes the report."
>>> passages = schema.build_frame("passages", [
...     {"doc_id": "d", "n": 1, "kind": "body", "text": "", "start": 0, "end": 54, "counted": True},
...     {"doc_id": "d", "n": 2, "kind": "body", "text": "", "start": 55, "end": len(text), "counted": True}])
>>> asks = extract_asks(passages, {"d": text}, schema.build_frame("themes", []))
>>> asks[["verb", "strength", "addressee"]].values.tolist()
[['urges', 4, 'China'], ['welcomes', 2, 'unspecified']]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import pandas as pd
import yaml

from .. import paths, schema
from ..extract import countries

#: Verbs, strength scale and addressees: edit this file to change how asks are read.
VOCABULARY = paths.PACKAGE_DATA / "asks.yml"
UNSPECIFIED = "unspecified"

# Used with match(text, pos): the match is anchored at pos, so no "^".
_NUMBER = re.compile(r"\s*(?:(?:\d{1,3}|[ivxIVX]{1,4}|[a-z])[.)]|\((?:\d{1,3}|[ivxIVX]{1,4}|[a-z])\))[\s\u00a0]+")
_HEADING = re.compile(r"([^:;.]{2,80}):\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]*[A-Z0-9])")
_SUBJECT = re.compile(
    r"(?:^|\b)(?:[Ww]e|I|(?:[Tt]he\s+)?[A-Z]{2,}[A-Za-z-]*|[Tt]he (?:coalition|group|undersigned|signatories|parliamentarians))"
    r"(?:\s*,[^,]{1,150},)?"
    r"(?:\s+(?:also|further|therefore|again|once again|hereby|jointly|collectively|respectfully))*\s+$",
)
_WRITING_TO = re.compile(r"^\s*we\b.{0,200}\bto\s+$", re.IGNORECASE | re.DOTALL)
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|all\b|its\b|their\b|an?\b)[a-z]|[;:]|\.(?:\s|$)|\bthat\b")
_CONNECTORS = {"and", "or", "as", "well", "including", "the", "its", "their", "other", "especially", "in",
               "particular", "notably", "namely", "also", "all", "both"}


@dataclass(frozen=True)
class _Vocabulary:
    verbs: re.Pattern
    verb_names: tuple[tuple[str, int], ...]
    imperatives: dict[str, int]
    addressees: re.Pattern
    addressee_names: tuple[str, ...]


def extract_asks(
    passages: pd.DataFrame, texts: Mapping[str, str], themes: pd.DataFrame, vocabulary: str | Path = VOCABULARY
) -> pd.DataFrame:
    """Return the ``asks`` table: one row per operative clause of every counted body passage.

    ``themes`` is the themes table (:func:`nkhr.code.themes.code_themes`); the theme keys coded
    inside each clause's span are listed in its ``themes`` column.
    """
    vocab = _vocabulary(str(vocabulary))
    read = passages[passages["counted"].fillna(False) & (passages["kind"] == "body")]
    read = read.sort_values(["doc_id", "start"], kind="stable")
    rows: list[dict] = []
    current, lead_in_addressee = None, None
    for doc_id, n, start, end in zip(read["doc_id"].tolist(), read["n"].tolist(),
                                     read["start"].tolist(), read["end"].tolist()):
        if doc_id != current:
            current, text, lead_in_addressee = doc_id, texts[doc_id], None
        found = _asks_in_passage(text, start, end, vocab, lead_in_addressee)
        for ask in found:
            rows.append({"doc_id": doc_id, "passage": n, **ask})
        if text[start:end].rstrip().endswith(":"):
            # "Recommendations to the Government of North Korea:" names who the list is for.
            named = found[-1]["addressee"] if found else "; ".join(_actors(text, start, end, vocab))
            lead_in_addressee = named if named and named != UNSPECIFIED else None
        elif not _NUMBER.match(text, start, end):
            lead_in_addressee = None
    frame = schema.build_frame("asks", rows)
    frame["themes"] = _themes_of(frame, themes)
    return frame


def _asks_in_passage(text: str, start: int, end: int, vocab: _Vocabulary, lead_in: str | None) -> list[dict]:
    while end > start and text[end - 1].isspace():
        end -= 1
    number = _NUMBER.match(text, start, end)
    if number:
        for s, e in _sentences(text, number.end(), end):
            ask = _operative(text, s, e, vocab, numbered=s == number.end(), clause_end=end)
            if ask:
                return [ask]
        return [ask] if (ask := _imperative(text, number.end(), end, vocab, lead_in)) else []
    found = []
    for s, e in _sentences(text, start, end):
        ask = _operative(text, s, e, vocab, numbered=False, clause_end=e)
        if ask:
            found.append(ask)
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return [(s, e) for s, e in spans if e > s]


def _operative(text: str, s: int, e: int, vocab: _Vocabulary, numbered: bool, clause_end: int) -> dict | None:
    """The first operative verb of the sentence text[s:e], if it leads the sentence."""
    for match in vocab.verbs.finditer(text, s, e):
        before = text[s:match.start()]
        subject = _SUBJECT.search(before)
        if not before.strip():
            # A sentence opening on its verb is operative in the third person ("Urges ...");
            # a bare "Support ..." could be a noun, except where a numbered paragraph opens.
            verb_word = re.sub(r"^(?:strongly|urgently)\s+", "", match.group().lower())
            if not (numbered or verb_word.split()[0].endswith("s")):
                continue
            quote_start = match.start()
        elif subject and (not before[:subject.start()].strip() or before[:subject.start()].rstrip().endswith(",")):
            quote_start = s + subject.start()
        elif _WRITING_TO.match(before):
            quote_start = s
        else:
            continue
        verb, strength = vocab.verb_names[int(match.lastgroup[1:])]
        addressee = _addressee(text, match.end(), e, vocab)
        return {"verb": verb, "strength": strength, "addressee": addressee,
                "quote": text[quote_start:clause_end], "start": quote_start, "end": clause_end}
    return None


def _imperative(text: str, s: int, e: int, vocab: _Vocabulary, lead_in: str | None) -> dict | None:
    heading = _HEADING.match(text, s, e)
    body = heading.end() if heading and len(heading.group(1).split()) <= 8 else s
    word = re.match(r"[A-Z][a-z]+", text[body:e])
    if not word or word.group().lower() not in vocab.imperatives:
        return None
    verb = word.group().lower()
    # The imperative's subject is the reader the list is addressed to, named in its lead-in.
    return {"verb": verb, "strength": vocab.imperatives[verb], "addressee": lead_in or UNSPECIFIED,
            "quote": text[s:e], "start": s, "end": e}


def _addressee(text: str, s: int, e: int, vocab: _Vocabulary) -> str:
    """Normalise who the verb at ``s`` is directed at: the actors right after it."""
    stop = _INFINITIVE.search(text, s, e)
    names = _actors(text, s, stop.start() if stop else e, vocab)
    if not names:
        names = _actors(text, s, e, vocab)
    return "; ".join(names) if names else UNSPECIFIED


def _actors(text: str, s: int, e: int, vocab: _Vocabulary) -> list[str]:
    """The first actor in text[s:e] and those coordinated with it ("X, Y and other Z")."""
    mentions = [(m.start(), m.end(), vocab.addressee_names[int(m.lastgroup[1:])])
                for m in vocab.addressees.finditer(text, s, e)]
    mentions += [(c.start, c.end, _state_name(c.iso3, c.country)) for c in countries.find_countries(text, s, e)]
    mentions.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept, last_end = [], -1
    for mention in mentions:
        if mention[0] >= last_end:
            kept.append(mention)
            last_end = mention[1]
    if not kept:
        return []
    names, members, previous = [kept[0][2]], [], kept[0]
    legislature = kept[0][2] == "legislatures"
    for mention in kept[1:]:
        between = text[previous[1]:mention[0]]
        if legislature and not members and re.fullmatch(r"\s+of\s+(?:the\s+)?", between):
            members.append(mention[2])
        elif _coordinated(between):
            (members if legislature and members else names).append(mention[2])
        else:
            break
        previous = mention
    if members:
        names[0] = f"legislatures ({', '.join(dict.fromkeys(members))})"
    return list(dict.fromkeys(names))


def _coordinated(between: str) -> bool:
    words = re.findall(r"[\w’']+", between)
    return len(words) <= 4 and all(w.lower() in _CONNECTORS for w in words) and not re.search(r"[;:.]", between)


def _state_name(iso3: str, country: str) -> str:
    return {"PRK": "North Korean government", "CHN": "China", "": "European Union"}.get(iso3, country)


def _themes_of(asks: pd.DataFrame, themes: pd.DataFrame) -> pd.Series:
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    columns = (themes[c].tolist() for c in ("doc_id", "start", "end", "theme"))
    for doc_id, start, end, theme in zip(*columns):
        by_doc.setdefault(doc_id, []).append((start, end, theme))
    for matches in by_doc.values():
        matches.sort()
    values = []
    for doc_id, start, end in zip(asks["doc_id"].tolist(), asks["start"].tolist(), asks["end"].tolist()):
        matches = by_doc.get(doc_id, [])
        inside = []
        for s, e, theme in matches[bisect_left(matches, (start,)):]:
            if s >= end:
                break
            if e <= end:
                inside.append(theme)
        values.append("; ".join(dict.fromkeys(inside)))
    return pd.Series(values, index=asks.index, dtype="string")


def _form_regex(form: str) -> str:
    parts = [re.escape(word) if word != "..." else r"(?:[\w’'-]+\s+){0,3}?" for word in form.split()]
    pattern = ""
    for part in parts:
        pattern += part if part.endswith("?") else part + r"\s+"
    return pattern[: -len(r"\s+")] if pattern.endswith(r"\s+") else pattern


def _term_regex(term: str) -> str:
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in term.split())


@lru_cache(maxsize=8)
def _vocabulary(path: str) -> _Vocabulary:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    verb_groups, names = [], []
    for i, entry in enumerate(data["verbs"]):
        forms = sorted(entry["forms"], key=len, reverse=True)
        verb_groups.append(f"(?P<v{i}>{'|'.join(_form_regex(f) for f in forms)})")
        names.append((entry["verb"], int(entry["strength"])))
    imperatives = {verb: int(strength) for strength, verbs in data.get("imperatives", {}).items() for verb in verbs}
    actor_groups, actor_names = [], []
    for i, entry in enumerate(data["addressees"]):
        terms = sorted(entry["terms"], key=len, reverse=True)
        alternatives = [_term_regex(t) if not t.isupper() else f"(?-i:{re.escape(t)})" for t in terms]
        actor_groups.append(f"(?P<a{i}>{'|'.join(alternatives)})")
        actor_names.append(entry["addressee"])
    # A look-ahead on the possible first letters lets the engine skip most positions fast.
    first = "".join(sorted({form.lstrip()[0].lower() for entry in data["verbs"] for form in entry["forms"]}))
    return _Vocabulary(
        verbs=re.compile(rf"(?=[{first}{first.upper()}])\b(?:{'|'.join(verb_groups)})\b", re.IGNORECASE),
        verb_names=tuple(names),
        imperatives=imperatives,
        addressees=re.compile(rf"\b(?:{'|'.join(actor_groups)})(?![\w])", re.IGNORECASE),
        addressee_names=tuple(actor_names),
    )
