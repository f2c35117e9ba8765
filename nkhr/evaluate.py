"""Score the parser against documents whose facts a person recorded by hand.

An evaluation set is a folder of statements and an ``expected.yml`` beside them: one
entry per document, with the title, date, kind, issuers, addressee, language,
organisation, signatories, stated counts, claims, membership counts and meetings a
careful reader records (the format is described in ``tests/fixtures/evaluation/README.md``).
The folder is parsed as any corpus is, and every field is scored:

* a single-valued field (title, date, kind ...) is right when the parsed value equals
  the expected one, or one of several acceptable forms; a value where the text states
  none (``null``) is counted as a false positive: an invented date is an error;
* a list (issuers, signatories, languages, stated counts ...) is scored item by item;
* a signatory's country, kind and role are scored on the signatories both sides share.

Comparison folds case, white space, curly quotes and a leading "the", and treats two
spellings of one country as equal ("Republic of Korea" and "South Korea").

``python -m nkhr.evaluate DIR`` prints precision and recall per field and every miss;
``make evaluate`` runs it on the project's sets, and a test keeps each field at or
above the level recorded in ``tests/fixtures/evaluation/levels.yml``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .corpus import Corpus, load_corpus
from .errors import EvaluationError
from .extract.countries import normalise_country

#: Fields scored as one value per document.
SCALAR_FIELDS = ("title", "date", "kind", "addressee", "language", "organisation")
#: Fields scored item by item.
LIST_FIELDS = ("issuers", "languages", "signatories", "stated_counts", "claims", "membership", "meetings")
#: Attributes of a signatory scored on the signatories both sides share.
SIGNATORY_ATTRIBUTES = ("country", "kind", "role")
#: Every field reported, in the order of the table.
REPORTED = (*SCALAR_FIELDS[:3], "issuers", *SCALAR_FIELDS[3:], "languages", "signatories",
            *(f"signatory_{a}" for a in SIGNATORY_ATTRIBUTES), "stated_counts", "claims", "membership", "meetings")


def fold(value: object) -> str:
    """Fold a value for comparison: case, quotes, white space, a leading 'the', trailing punctuation.

    >>> fold("  The  Republic of Korea’s ") == fold("republic of korea's")
    True
    """
    text = str(value).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("_", " ")
    text = " ".join(text.split())
    text = text.casefold().strip(" .,;:")
    return text[4:] if text.startswith("the ") else text


def same(expected: object, found: object) -> bool:
    """Whether a parsed value matches an expected one (or any of a list of acceptable forms).

    >>> same(["United States", "USA"], "the United States of America")
    True
    >>> same("2023-12-15", "2023-12")
    False
    """
    if isinstance(expected, list):
        return any(same(option, found) for option in expected)
    if expected is None or found is None:
        return expected is None and found is None
    if fold(expected) == fold(found):
        return True
    a, b = normalise_country(str(expected)), normalise_country(str(found))
    return bool(a and b and a[1] == b[1] and (a[1] or fold(a[0]) == fold(b[0])))


@dataclass
class Score:
    """Counts of one field: right, invented or wrong (false positive), missed (false negative)."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or str(value).strip() == ""


def _score_scalar(score: Score, where: str, name: str, expected: object, found: object) -> None:
    found = None if _blank(found) else str(found)
    if expected is None:
        if found is not None:
            score.false_positive += 1
            score.misses.append(f"{where}: {name} should be empty (the text states none), found {found!r}")
        return
    if found is None:
        score.false_negative += 1
        score.misses.append(f"{where}: {name} missing, expected {expected!r}")
    elif same(expected, found):
        score.true_positive += 1
    else:
        score.false_positive += 1
        score.false_negative += 1
        score.misses.append(f"{where}: {name} expected {expected!r}, found {found!r}")


def _match_items(expected: list, found: list, equal) -> tuple[list[tuple[object, object]], list, list]:
    """Pair expected with found items greedily; return the pairs, the unmatched expected and found."""
    remaining = list(found)
    pairs, missed = [], []
    for item in expected:
        hit = next((candidate for candidate in remaining if equal(item, candidate)), None)
        if hit is None:
            missed.append(item)
        else:
            remaining.remove(hit)
            pairs.append((item, hit))
    return pairs, missed, remaining


def _score_items(score: Score, where: str, name: str, expected: list, found: list, equal, show=repr) -> list:
    pairs, missed, extra = _match_items(expected, found, equal)
    score.true_positive += len(pairs)
    score.false_negative += len(missed)
    score.false_positive += len(extra)
    score.misses += [f"{where}: {name} missed {show(item)}" for item in missed]
    score.misses += [f"{where}: {name} not expected {show(item)}" for item in extra]
    return pairs


def _subset_equal(expected: dict, found: dict) -> bool:
    """Every key the expected item gives matches the found item (numbers exactly, words folded)."""
    for key, value in expected.items():
        got = found.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if _blank(got) or float(got) != float(value):
                return False
        elif value is None:
            if not _blank(got):
                return False
        elif key == "place":
            if _blank(got) or fold(value) not in fold(got):
                return False
        elif _blank(got) or not same(value, got):
            return False
    return True


#: Names of counted things that a reader and the claims vocabulary may word differently.
_COUNT_FAMILIES = (
    {"countries", "states", "member states", "signatory countries", "nations"},
    {"organisations", "groups", "ngos", "signatories", "coalitions"},
    {"individuals", "people", "persons", "signatories", "parliamentarians", "representatives"},
)


def _same_count(expected: object, found: object) -> bool:
    """Whether two names of what a claim counts agree ('signatory_countries' and 'countries' do).

    >>> _same_count("signatory_countries", "countries"), _same_count("individuals", "countries")
    (True, False)
    """
    a, b = fold(expected), fold(found)
    return a == b or any(a in family and b in family for family in _COUNT_FAMILIES)


def _claim_equal(expected: dict, found: dict) -> bool:
    """A claim matches on its number and a compatible name of what it counts."""
    if _blank(found.get("value")) or float(found["value"]) != float(expected.get("value", float("nan"))):
        return False
    return "counts" not in expected or (not _blank(found.get("counts")) and _same_count(expected["counts"], found["counts"]))


def _rows(frame: pd.DataFrame, doc_id: str) -> list[dict]:
    return frame[frame["doc_id"] == doc_id].to_dict("records") if len(frame) else []


def _document_ids(corpus: Corpus) -> dict[tuple[str, int], str]:
    """(file name, position of the document in the file) -> doc_id."""
    ids: dict[tuple[str, int], str] = {}
    for source, group in corpus.documents.groupby("source", sort=False):
        for position, doc_id in enumerate(group.sort_values("start")["doc_id"], start=1):
            ids[(source, position)] = doc_id
    return ids


def score_corpus(corpus: Corpus, expected: list[dict]) -> dict[str, Score]:
    """Score every field of ``corpus`` against the expected entries."""
    scores = {name: Score() for name in REPORTED}
    ids = _document_ids(corpus)
    documents = corpus.documents.set_index("doc_id")
    for entry in expected:
        where = entry["file"] + (f"#{entry['doc']}" if entry.get("doc") else "")
        doc_id = ids.get((entry["file"], entry.get("doc", 1)))
        if doc_id is None:
            raise EvaluationError(entry["file"], f"a document at position {entry.get('doc', 1)} of the file",
                                  "none: the file was not parsed into that many documents")
        document = documents.loc[doc_id]
        for name in SCALAR_FIELDS:
            if name in entry:
                _score_scalar(scores[name], where, name, entry[name], document.get(name))
        if "issuers" in entry:
            found = [] if _blank(document["issuers"]) else document["issuers"].split("; ")
            _score_items(scores["issuers"], where, "issuers", entry["issuers"], found, same)
        if "languages" in entry:
            passages = corpus.passages[(corpus.passages["doc_id"] == doc_id) & corpus.passages["counted"]]
            found = sorted(set(passages["language"].dropna()))
            _score_items(scores["languages"], where, "languages", entry["languages"], found, same)
        if "signatories" in entry:
            found = _rows(corpus.signatories, doc_id)
            pairs = _score_items(
                scores["signatories"], where, "signatories", entry["signatories"], found,
                lambda e, f: same(e["name"], f["name_as_written"]) or same(e["name"], f["name"]),
                show=lambda item: item["name"] if isinstance(item, dict) and "name" in item else item.get("name_as_written"),
            )
            for wanted, got in pairs:
                for attribute in SIGNATORY_ATTRIBUTES:
                    if attribute in wanted:
                        _score_scalar(scores[f"signatory_{attribute}"], where, f"{attribute} of {got['name_as_written']}",
                                      wanted[attribute], got.get(attribute))
        for name, table in (("stated_counts", corpus.stated_counts), ("claims", corpus.claims),
                            ("membership", corpus.membership), ("meetings", corpus.meetings)):
            if name in entry:
                found = _rows(table, doc_id)
                if name == "claims":  # only the numbers a reader listed are scored: other claims are not errors
                    found = [row for row in found if any(row["value"] == item.get("value") for item in entry[name])]
                _score_items(scores[name], where, name, entry[name], found, _claim_equal if name == "claims" else _subset_equal,
                             show=lambda row: {k: row.get(k) for k in ("counts", "stated", "value", "event", "members",
                                                                        "countries", "as_of", "number", "date", "place")
                                               if k in row and not _blank(row.get(k))})
    return scores


def load_expected(folder: Path) -> list[dict]:
    """Read a set's ``expected.yml``: a list of entries naming a file of the folder."""
    path = Path(folder) / "expected.yml"
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvaluationError(str(path), "a readable YAML list of expected facts", str(error)) from error
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "file" in e for e in entries):
        raise EvaluationError(str(path), "a list of entries, each with a 'file' key", type(entries).__name__)
    return entries


def evaluate(folder: str | Path) -> pd.DataFrame:
    """Parse ``folder`` and score it against its ``expected.yml``: one row per field.

    Columns: ``field``, ``true_positive``, ``false_positive``, ``false_negative``,
    ``precision``, ``recall``; ``frame.attrs["misses"]`` lists every miss.
    """
    folder = Path(folder)
    scores = score_corpus(load_corpus(folder, cache=False), load_expected(folder))
    frame = pd.DataFrame([
        {"field": name, "true_positive": s.true_positive, "false_positive": s.false_positive,
         "false_negative": s.false_negative, "precision": round(s.precision, 3), "recall": round(s.recall, 3)}
        for name, s in scores.items()
    ])
    frame.attrs["misses"] = [miss for s in scores.values() for miss in s.misses]
    return frame


def format_scores(frame: pd.DataFrame, title: str) -> str:
    """The scores as a Markdown table, as the README shows them."""
    lines = [f"{title}", "", "| field | right | wrong or invented | missed | precision | recall |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r.field} | {r.true_positive} | {r.false_positive} | {r.false_negative} | {r.precision:.2f} | {r.recall:.2f} |"
              for r in frame.itertuples()]
    return "\n".join(lines)


def format_comparison(results: dict[str, pd.DataFrame]) -> str:
    """One Markdown table with a column per set: precision / recall of each field (as the README shows them)."""
    names = list(results)
    lines = ["| field | " + " | ".join(f"{name}: precision / recall" for name in names) + " |",
             "| --- | " + " | ".join("---:" for _ in names) + " |"]
    fields = list(next(iter(results.values()))["field"]) if results else []
    for name in fields:
        cells = []
        for frame in results.values():
            row = frame.set_index("field").loc[name]
            scored = row["true_positive"] + row["false_positive"] + row["false_negative"]
            cells.append(f"{row['precision']:.2f} / {row['recall']:.2f}" if scored else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def record_levels(results: dict[str, pd.DataFrame], path: Path) -> None:
    """Write each set's precision and recall per field: the floor the tests hold the parser to."""
    levels = {name: {r.field: {"precision": float(r.precision), "recall": float(r.recall)} for r in frame.itertuples()}
              for name, frame in results.items()}
    header = "# Precision and recall per field that `make test` holds the parser to; `make evaluate-record` rewrites it.\n"
    path.write_text(header + yaml.safe_dump(levels, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m nkhr.evaluate DIR [DIR ...]``: print the scores of each set and its misses."""
    parser = argparse.ArgumentParser(prog="python -m nkhr.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="evaluation sets: folders holding expected.yml")
    parser.add_argument("--quiet", action="store_true", help="print the tables only, not every miss")
    parser.add_argument("--record", type=Path, help="write the scores to this levels file")
    parser.add_argument("--compare", action="store_true", help="end with one table of every set side by side")
    args = parser.parse_args(argv)
    results = {}
    for folder in args.folders:
        frame = evaluate(folder)
        results[folder.name] = frame
        print(format_scores(frame, f"### {folder.name} ({len(load_expected(folder))} documents)"))
        print()
        if not args.quiet:
            print("\n".join(f"- {miss}" for miss in frame.attrs["misses"]) or "no misses")
            print()
    if args.compare:
        print(format_comparison(results))
    if args.record:
        record_levels(results, args.record)
        print(f"recorded in {args.record}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
