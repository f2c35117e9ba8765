"""Passage languages: nkhr's script-and-function-word rule against lingua-language-detector, side by side.

Both label every counted passage of the evaluation sets; each document's set of
passage languages is scored against the ``languages`` a reader recorded in
``expected.yml`` (precision and recall over the sets), and each labeller is timed on
the same passages (fastest of three runs, alternating, so neither pays alone for a
cold start). lingua sees each passage as nkhr does; passages lingua cannot decide
take the document's commonest language, as nkhr's do.

``python -m benchmarks.languages`` prints the table and writes
``benchmarks/languages.json``; ``make bench`` runs it.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from nkhr import paths
from nkhr.corpus import load_corpus
from nkhr.evaluate import load_expected
from nkhr.read.languages import passage_languages

SETS = [paths.ROOT / "tests" / "fixtures" / "evaluation" / name for name in ("dev", "holdout")]
OUT = Path(__file__).with_name("languages.json")


def _lingua_labeller():
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def label(texts: list[str]) -> list[str]:
        found = []
        for text in texts:
            language = detector.detect_language_of(text)
            found.append(language.iso_code_639_1.name.lower() if language else "")
        common = Counter(code for code in found if code).most_common(1)
        fallback = common[0][0] if common else "en"
        return [code or fallback for code in found]

    return label


def _score(expected: list[dict], labelled: dict[tuple[str, int], set[str]]) -> dict:
    right = wrong = missed = 0
    for entry in expected:
        if "languages" not in entry:
            continue
        wanted = set(entry["languages"])
        found = labelled.get((entry["file"], entry.get("doc", 1)), set())
        right += len(wanted & found)
        wrong += len(found - wanted)
        missed += len(wanted - found)
    return {"precision": round(right / (right + wrong), 3) if right + wrong else 1.0,
            "recall": round(right / (right + missed), 3) if right + missed else 1.0}


def measure() -> dict:
    documents = []  # (set name, file, position, passage texts)
    expected = {}
    for folder in SETS:
        corpus = load_corpus(folder, cache=False)
        expected[folder.name] = load_expected(folder)
        for source, group in corpus.documents.groupby("source", sort=False):
            for position, doc_id in enumerate(group.sort_values("start")["doc_id"], start=1):
                passages = corpus.passages[(corpus.passages["doc_id"] == doc_id) & corpus.passages["counted"]]
                documents.append((folder.name, source, position, list(passages["text"])))
    labellers = {"nkhr (scripts and function words)": passage_languages, "lingua-language-detector": _lingua_labeller()}
    passages = sum(len(texts) for *_, texts in documents)
    timings: dict[str, list[float]] = {name: [] for name in labellers}
    labels: dict[str, dict] = {}
    for _ in range(3):
        for name, label in labellers.items():
            started = time.perf_counter()
            labels[name] = {(s, f, p): set(label(texts)) for s, f, p, texts in documents}
            timings[name].append(time.perf_counter() - started)
    rows = []
    for name in labellers:
        row = {"labeller": name, "passages_per_second": round(passages / min(timings[name]))}
        for set_name, entries in expected.items():
            of_set = {(f, p): found for (s, f, p), found in labels[name].items() if s == set_name}
            row[set_name] = _score(entries, of_set)
        rows.append(row)
    return {"passages": passages, "rows": rows}


def main() -> int:
    results = measure()
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Passage languages on the evaluation sets ({results['passages']} passages)\n")
    print("| labeller | passages per second | dev precision | dev recall | holdout precision | holdout recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in results["rows"]:
        print(f"| {row['labeller']} | {row['passages_per_second']:,} | {row['dev']['precision']:.2f} | "
              f"{row['dev']['recall']:.2f} | {row['holdout']['precision']:.2f} | {row['holdout']['recall']:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
