"""Benchmark nkhr on synthetic corpora of 1, 10, 100 and 1,000 times the seeds.

Run ``make bench`` (or ``python -m benchmarks.run``). It writes
``benchmarks/results.json`` and prints a table. ``--quick`` measures sizes 1 and
10 only and skips the report, for the test suite.

How each figure is measured:

- Every ``load_corpus`` measurement runs in a fresh Python process with
  ``NKHR_CACHE`` pointing at a new, empty folder, so the load is cold: nothing is
  read from a previous parse. A second fresh process with the same folder gives
  the cached (warm) load time.
- Peak memory is the larger of two readings: the measuring process's peak
  resident set (``VmHWM``) plus the ``ru_maxrss`` of its largest worker
  (``RUSAGE_CHILDREN``), and the resident set of the whole process tree sampled
  every 20 ms from ``/proc``. Both include the interpreter and pandas
  (``baseline_rss_mb``, the peak after importing nkhr).
- Cores used is CPU time (user + system, the process and its workers) divided
  by wall time while ``load_corpus`` runs.
- Theme coding is ``nkhr.code.themes.code_themes`` on the loaded passages. Side by
  side, spaCy's ``PhraseMatcher`` (``spacy.blank("en")``, ``attr="LOWER"``, and
  ``attr="ORTH"`` for acronyms, as the taxonomy matches them in capitals only)
  codes the same passages with the same literal terms; nkhr is run with the
  same literal terms (its few regular-expression patterns left out). The two
  run three times each, alternating, and each one's fastest run counts (the
  first run of either pays for fresh memory). Agreement is matches in common
  over matches found by either, per passage, theme and matched words.
- The report is ``python -m nkhr.report`` in a fresh process on a fresh cache
  and output folder. Its floor is the same number of notebooks that only import
  nkhr and load the same corpus, run with Papermill on the same kernel with the
  same parallelism and rendered to HTML by nbconvert.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so ``python benchmarks/run.py`` finds nkhr without an install
    sys.path.insert(0, str(ROOT))

from nkhr import synthetic  # noqa: E402  (after the path fix above)

SIZES = (1, 10, 100, 1000)
QUICK_SIZES = (1, 10)
REPORT_SCALE = 100
RESULTS = ROOT / "benchmarks" / "results.json"
CORPORA = ROOT / "benchmarks" / "corpora"
#: Longest a single measuring process may run before it is recorded as timed out.
TIMEOUT = 1800
#: How many times each theme coder runs in the comparison; the fastest run counts.
THEME_REPEATS = 3
#: How many differences between the two theme coders results.json lists per size.
MAX_DIFFERENCES = 100

# Targets from the issue. Each is checked against this run's own measurements.
TARGET_THEME_SPEEDUP = 4.0
TARGET_THEME_AGREEMENT = 0.99
TARGET_REPORT_OVER_FLOOR = 1.5
TARGET_GROWTH = 11.0
#: The whole load (read, segment, describe, extract, code) over spaCy tokenising, splitting and matching alone.
TARGET_LOAD_OVER_SPACY = 1.0
TARGET_PEAK_MB = 2048.0
TARGET_HTML_BYTES = 5 * 1024 * 1024
TARGET_NOOP_SECONDS = 2.0


# --- corpora ---------------------------------------------------------------------------------


def prepare_corpus(scale: int, seed: int = 0, root: Path = CORPORA) -> Path:
    """Return a folder holding the synthetic corpus of ``scale``, writing it if missing or stale.

    A stamp file holds a hash of the generator's source: a changed generator
    rewrites the corpus instead of measuring an old one.
    """
    import hashlib

    folder = Path(root) / f"scale-{scale}-seed-{seed}"
    stamp = hashlib.sha256(Path(synthetic.__file__).read_bytes()).hexdigest()[:16]
    stamp_file = folder.parent / f".{folder.name}.stamp"
    if folder.is_dir() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    synthetic.write_synthetic_corpus(folder, scale, seed)
    stamp_file.write_text(stamp)
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


# --- measuring processes ---------------------------------------------------------------------


def _tree_rss_kb(pid: int) -> int:
    """Resident set of ``pid`` and all its descendants, in kB, from /proc (0 where unreadable)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(args: list[str], env: dict[str, str], timeout: float = TIMEOUT) -> dict:
    """Run ``python -m benchmarks.run --child ...`` and return its JSON answer plus the sampled peak."""
    command = [sys.executable, "-m", "benchmarks.run", *args]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"error": f"timed out after {timeout} s"}
    finally:
        done.set()
        sampler.join()
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        tail = stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {process.returncode}: {tail[0]}"}
    answer = json.loads(lines[-1])
    answer["sampled_peak_rss_mb"] = round(peak[0] / 1024, 1)
    return answer


def child_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["NKHR_CACHE"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def _own_peak_mb(field: str = "VmHWM") -> float:
    """This process's peak (VmHWM) or current (VmRSS) resident set, from /proc/self/status.

    Not ``ru_maxrss`` of the process itself: Linux carries that over from the
    parent across ``fork`` and ``exec``, so a child of a large runner would report
    the runner's size. VmHWM starts afresh with the new program.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _maxrss_mb(resource.RUSAGE_SELF)


def _cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _texts_by_doc(corpus) -> dict[str, str]:
    return {doc_id: corpus.texts[source] for doc_id, source in zip(corpus.documents["doc_id"], corpus.documents["source"])}


def child_load(corpus_dir: str) -> dict:
    """In a fresh process: load the corpus cold, then time theme coding on its passages."""
    import nkhr
    from nkhr.code import themes

    baseline = _own_peak_mb()
    cpu0, wall0 = _cpu_seconds(), time.perf_counter()
    corpus = nkhr.load_corpus(corpus_dir)
    load_seconds = time.perf_counter() - wall0
    cpu = _cpu_seconds() - cpu0
    # the workers' ru_maxrss is their own (they are forked from this small process)
    peak = _own_peak_mb() + _maxrss_mb(resource.RUSAGE_CHILDREN)
    texts = _texts_by_doc(corpus)
    taxonomy = themes.load_taxonomy()
    began = time.perf_counter()
    coded = themes.code_themes(corpus.passages, texts, taxonomy)
    theme_seconds = time.perf_counter() - began
    return {
        "load_seconds": load_seconds,
        "cores_used": cpu / load_seconds if load_seconds else None,
        "baseline_rss_mb": round(baseline, 1),
        "process_peak_rss_mb": round(peak, 1),
        "theme_seconds": theme_seconds,
        "theme_matches": len(coded),
        "rows": {name: len(frame) for name, frame in corpus.tables().items()},
    }


def _literal_taxonomy(taxonomy):
    """The taxonomy with its regular-expression patterns removed: the same terms spaCy gets."""
    from dataclasses import replace

    return replace(taxonomy, themes=tuple(replace(theme, patterns=()) for theme in taxonomy.themes))


# Both coders see the same text: runs of whitespace folded to one space and curly
# quotes made straight, as the taxonomy file documents for nkhr's own matching.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _fold(text: str) -> str:
    return " ".join(text.split()).translate(_QUOTES).lower()


def _is_acronym(term: str) -> bool:
    """A term written entirely in capitals (ICC, COI) matches only in capitals, as the taxonomy says."""
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def spacy_theme_matches(passages, terms: dict[str, list[str]]) -> list[tuple[str, int, str, str]]:
    """Code ``passages`` (doc_id, n, text) with spaCy's PhraseMatcher; return (doc_id, n, theme, words).

    Acronyms (every letter a capital) go to an ``ORTH`` matcher, everything else to
    a ``LOWER`` matcher, as nkhr's taxonomy prescribes.
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for theme, words in terms.items():
        folded = [" ".join(w.split()).translate(_QUOTES) for w in words]
        lower.add(theme, [nlp.make_doc(w) for w in folded if not _is_acronym(w)])
        orth.add(theme, [nlp.make_doc(w) for w in folded if _is_acronym(w)])
    found = []
    keys = [(doc_id, n) for doc_id, n, _ in passages]
    texts = (" ".join(text.split()).translate(_QUOTES) for _, _, text in passages)
    for (doc_id, n), doc in zip(keys, nlp.pipe(texts, batch_size=256)):
        spans = {(m, s, e) for matcher in (lower, orth) for m, s, e in matcher(doc)}
        for match_id, start, end in sorted(spans, key=lambda x: (x[1], x[2])):
            found.append((doc_id, n, nlp.vocab.strings[match_id], doc[start:end].text.lower()))
    return found


def spacy_pipeline_seconds(texts: list[str], terms: dict[str, list[str]]) -> float:
    """Time spaCy tokenising, splitting sentences and phrase-matching the taxonomy's terms in whole texts.

    The baseline the whole of ``load_corpus`` is measured against: nkhr reads, segments,
    describes, extracts and codes the same files in that time or less.
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max([nlp.max_length, *(len(t) + 1 for t in texts)])
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for theme, words in terms.items():
        matcher.add(theme, [nlp.make_doc(" ".join(w.split())) for w in words])
    began = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        matcher(doc)
        sum(1 for _ in doc.sents)
    return time.perf_counter() - began


def child_spacy_pipeline(corpus_dir: str) -> dict:
    """In a fresh process, as the cold load runs: spaCy's pipeline over the corpus files' texts."""
    from nkhr.code import themes
    from nkhr.read.reading import list_corpus_files, read_source

    texts = []
    for path in list_corpus_files(corpus_dir):
        source, _ = read_source(path)
        if source is not None:
            texts.append(source.text)
    terms = themes.theme_terms(_literal_taxonomy(themes.load_taxonomy()))
    import spacy  # noqa: F401 - imported before timing: import cost is not pipeline cost

    return {"spacy_pipeline_seconds": spacy_pipeline_seconds(texts, terms)}


def child_compare(corpus_dir: str) -> dict:
    """In a fresh process: load (from the cache the cold run wrote), then code themes both ways."""
    import nkhr
    from nkhr import paths
    from nkhr.code import themes

    before = set(paths.CACHE.glob("*.pkl"))
    began = time.perf_counter()
    corpus = nkhr.load_corpus(corpus_dir)
    cached_seconds = time.perf_counter() - began
    # a new cache entry means the cold run's was not reused (the package code changed in between)
    cache_hit = bool(before) and set(paths.CACHE.glob("*.pkl")) == before
    texts = _texts_by_doc(corpus)
    taxonomy = _literal_taxonomy(themes.load_taxonomy())
    terms = themes.theme_terms(taxonomy)
    passages = corpus.passages
    coded_passages = passages[passages["counted"].fillna(False) & (passages["kind"] == "body")]

    items = [(d, int(n), texts[d][int(s):int(e)]) for d, n, s, e in
             coded_passages[["doc_id", "n", "start", "end"]].itertuples(index=False)]
    import spacy  # imported before timing: import cost is not matching cost

    # Each coder runs THEME_REPEATS times, alternating, and its fastest run counts:
    # the first run of either pays for fresh memory, and the machine is shared.
    nkhr_runs, spacy_runs = [], []
    for _ in range(THEME_REPEATS):
        began = time.perf_counter()
        coded = themes.code_themes(passages, texts, taxonomy)
        nkhr_runs.append(time.perf_counter() - began)
        began = time.perf_counter()
        spacy_found = spacy_theme_matches(items, terms)
        spacy_runs.append(time.perf_counter() - began)
    nkhr_seconds, spacy_seconds = min(nkhr_runs), min(spacy_runs)

    ours = Counter((d, int(n), t, _fold(q)) for d, n, t, q in coded[["doc_id", "passage", "theme", "quote"]].itertuples(index=False))
    theirs = Counter(spacy_found)
    common = sum((ours & theirs).values())
    either = sum((ours | theirs).values())
    differences = []
    for key in sorted(set(ours) | set(theirs)):
        if ours[key] != theirs[key]:
            differences.append({"doc_id": key[0], "passage": key[1], "theme": key[2], "words": key[3],
                                "nkhr": ours[key], "spacy": theirs[key]})
    return {
        "cached_load_seconds": cached_seconds,
        "cache_hit": cache_hit,
        "spacy_version": spacy.__version__,
        "passages_coded": len(items),
        "nkhr_literal_seconds": nkhr_seconds,
        "spacy_seconds": spacy_seconds,
        "nkhr_literal_runs": [round(x, 3) for x in nkhr_runs],
        "spacy_runs": [round(x, 3) for x in spacy_runs],
        "nkhr_matches": sum(ours.values()),
        "spacy_matches": sum(theirs.values()),
        "common_matches": common,
        "agreement": common / either if either else 1.0,
        "differences_total": len(differences),
        "differences": differences[:MAX_DIFFERENCES],
    }


_FLOOR_CELLS = (
    ("parameters", "corpus_dir = \"seeds\""),
    (None, "import nkhr\n\ncorpus = nkhr.load_corpus(corpus_dir)"),
)


def write_floor_notebooks(folder: Path, count: int) -> list[Path]:
    """Write ``count`` notebooks that do nothing but import nkhr and load a corpus."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        nb = nbformat.v4.new_notebook()
        for tag, source in _FLOOR_CELLS:
            cell = nbformat.v4.new_code_cell(source)
            if tag:
                cell.metadata["tags"] = [tag]
            nb.cells.append(cell)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = folder / f"{i:02d}-load-corpus.ipynb"
        nbformat.write(nb, path)
        written.append(path)
    return written


def child_floor(corpus_dir: str, count: int) -> dict:
    """In a fresh process: run ``count`` floor notebooks with Papermill and render them with nbconvert."""
    from concurrent.futures import ThreadPoolExecutor

    began = time.perf_counter()  # the parent times the whole process; this is the part after start-up
    import papermill
    from nbconvert import HTMLExporter

    from nkhr.report import ensure_kernel

    kernel = ensure_kernel()
    with tempfile.TemporaryDirectory(prefix="nkhr-floor-") as tmp:
        notebooks = write_floor_notebooks(Path(tmp) / "in", count)
        out = Path(tmp) / "out"
        out.mkdir()

        def run(nb: Path) -> Path:
            target = out / nb.name
            papermill.execute_notebook(str(nb), str(target), parameters={"corpus_dir": corpus_dir},
                                       kernel_name=kernel, progress_bar=False, log_output=False, cwd=str(ROOT))
            return target

        with ThreadPoolExecutor(max_workers=max(1, min(count, os.cpu_count() or 1))) as pool:
            executed = list(pool.map(run, notebooks))
        exporter = HTMLExporter(exclude_input=True)
        html_bytes = 0
        for target in executed:
            body, _ = exporter.from_filename(str(target))
            target.with_suffix(".html").write_text(body, encoding="utf-8")
            html_bytes += len(body.encode())
    return {"floor_inner_seconds": time.perf_counter() - began, "floor_html_bytes": html_bytes}


# --- the report ------------------------------------------------------------------------------


def report_available() -> bool:
    try:
        from nkhr import report

        return bool(report.list_notebooks())
    except Exception:
        return False


def _embedded_script_bytes(pages: list[Path]) -> int:
    """Bytes of the chart libraries embedded in ``pages`` (once per page that has charts).

    Separates what grows with the corpus (content) from what does not (the
    packed Vega bundle the report embeds so charts render offline).
    """
    try:
        from nkhr.report.render import packed_bundle
    except ImportError:
        return 0
    bundle = packed_bundle()
    probe = bundle[:4000]
    return sum(len(bundle) for page in pages if probe in page.read_text(encoding="utf-8"))


def measure_report(corpus: Path, workdir: Path) -> dict:
    """Build the report from ``corpus`` cold, then again with nothing changed."""
    out, cache = workdir / "report", workdir / "cache"
    command = [sys.executable, "-m", "nkhr.report", "--corpus", str(corpus), "--out", str(out)]
    began = time.perf_counter()
    try:
        first = subprocess.run(command, cwd=ROOT, env=child_env(cache), capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"nkhr report timed out after {TIMEOUT} s"}
    seconds = time.perf_counter() - began
    if first.returncode != 0:
        tail = (first.stderr.strip() or first.stdout.strip()).splitlines()[-1:] or ["no output"]
        return {"error": f"nkhr report exited {first.returncode}: {tail[0]}"}
    html = sorted(out.glob("*.html"))
    script_bytes = _embedded_script_bytes(html)
    began = time.perf_counter()
    again = subprocess.run(command, cwd=ROOT, env=child_env(cache), capture_output=True, text=True, timeout=TIMEOUT)
    noop = time.perf_counter() - began  # an unchanged corpus answers "up to date" without running anything
    return {
        "report_seconds": seconds,
        "report_html_bytes": sum(p.stat().st_size for p in html),
        "report_pages": len(html),
        "largest_page_bytes": max((p.stat().st_size for p in html), default=0),
        "report_page_bytes": {p.name: p.stat().st_size for p in html},
        "report_script_bytes": script_bytes,
        "report_content_bytes": sum(p.stat().st_size for p in html) - script_bytes,
        "noop_seconds": noop,
        "noop_says_up_to_date": "up to date" in again.stdout,
        "noop_exit": again.returncode,
    }


def measure_floor(corpus: Path, workdir: Path, count: int) -> dict:
    """Time the floor as the report is timed: a whole fresh process, interpreter start to exit."""
    began = time.perf_counter()
    answer = run_measured(["--child", "floor", str(corpus), "--count", str(count)], child_env(workdir / "floor-cache"))
    if "error" in answer:
        return {"floor_error": answer["error"]}
    return {"floor_seconds": time.perf_counter() - began, "floor_html_bytes": answer["floor_html_bytes"]}


# --- one size --------------------------------------------------------------------------------


def measure_size(scale: int, seed: int, corpora: Path, with_report: bool, log) -> dict:
    folder = prepare_corpus(scale, seed, corpora)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    size = corpus_bytes(folder)
    # other work on the machine skews every figure: record how busy it was when this size began
    row: dict = {"scale": scale, "files": len(files), "megabytes": round(size / 1e6, 3),
                 "load_average_1min": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(prefix=f"nkhr-bench-{scale}-") as tmp:
        cache = Path(tmp) / "cache"
        log(f"scale {scale}: {len(files)} files, {size / 1e6:.1f} MB: loading cold")
        loaded = run_measured(["--child", "load", str(folder)], child_env(cache))
        if "error" in loaded:
            row["error"] = f"load_corpus: {loaded['error']}"
            return row
        seconds = loaded["load_seconds"]
        documents = loaded["rows"]["documents"]
        row.update(
            load_seconds=round(seconds, 3),
            documents=documents,
            passages=loaded["rows"]["passages"],
            docs_per_second=round(documents / seconds, 1),
            mb_per_second=round(size / 1e6 / seconds, 2),
            peak_memory_mb=max(loaded["process_peak_rss_mb"], loaded["sampled_peak_rss_mb"]),
            process_peak_rss_mb=loaded["process_peak_rss_mb"],
            sampled_peak_rss_mb=loaded["sampled_peak_rss_mb"],
            baseline_rss_mb=loaded["baseline_rss_mb"],
            cores_used=round(loaded["cores_used"], 2),
            theme_seconds=round(loaded["theme_seconds"], 3),
            rows=loaded["rows"],
        )
        log(f"scale {scale}: loaded in {seconds:.2f} s; spaCy's pipeline on the same files")
        piped = run_measured(["--child", "spacy-pipeline", str(folder)], child_env(cache))
        if "error" not in piped:
            row.update(spacy_pipeline_seconds=round(piped["spacy_pipeline_seconds"], 3),
                       load_over_spacy_pipeline=round(seconds / piped["spacy_pipeline_seconds"], 2))
        log(f"scale {scale}: coding themes with nkhr and spaCy")
        compared = run_measured(["--child", "compare", str(folder)], child_env(cache))
        if "error" in compared:
            row["compare_error"] = compared["error"]
        else:
            row.update(
                cached_load_seconds=round(compared["cached_load_seconds"], 3),
                cache_hit=compared["cache_hit"],
                theme_literal_seconds=round(compared["nkhr_literal_seconds"], 3),
                spacy_seconds=round(compared["spacy_seconds"], 3),
                theme_speedup_over_spacy=round(compared["spacy_seconds"] / compared["nkhr_literal_seconds"], 2),
                theme_literal_runs=compared["nkhr_literal_runs"],
                spacy_runs=compared["spacy_runs"],
                theme_agreement=round(compared["agreement"], 5),
                nkhr_matches=compared["nkhr_matches"],
                spacy_matches=compared["spacy_matches"],
                common_matches=compared["common_matches"],
                differences_total=compared["differences_total"],
                differences=compared["differences"],
                spacy_version=compared["spacy_version"],
            )
        if with_report:
            log(f"scale {scale}: building the report")
            built = measure_report(folder, Path(tmp))
            if "error" in built:  # kept apart from "error", which means the size could not be loaded at all
                built = {"report_error": built.pop("error")}
            row.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in built.items()})
            if scale == REPORT_SCALE and "report_error" not in built:
                from nkhr.report import list_notebooks

                count = len(list_notebooks())
                log(f"scale {scale}: running the floor ({count} notebooks that only load the corpus)")
                floor = measure_floor(folder, Path(tmp), count)
                row.update(floor_notebooks=count, **{k: (round(v, 3) if isinstance(v, float) else v)
                                                      for k, v in floor.items()})
    return row


# --- targets, table, results -----------------------------------------------------------------


def _target(name: str, wanted: str, measured, passed: bool | None, note: str = "") -> dict:
    return {"target": name, "wanted": wanted, "measured": measured, "pass": passed, "note": note}


def check_targets(rows: list[dict]) -> list[dict]:
    """Compare this run's measurements with the issue's targets; ``pass`` is None when not measured."""
    by_scale = {row["scale"]: row for row in rows if "error" not in row}
    top = by_scale.get(max(by_scale)) if by_scale else None
    targets = []
    if top and "theme_speedup_over_spacy" in top:
        targets.append(_target(
            "theme coding speed against spaCy PhraseMatcher", f">= {TARGET_THEME_SPEEDUP}x",
            top["theme_speedup_over_spacy"], top["theme_speedup_over_spacy"] >= TARGET_THEME_SPEEDUP,
            f"at {top['scale']}x: nkhr {top['theme_literal_seconds']} s, spaCy {top['spacy_seconds']} s"))
        targets.append(_target(
            "theme coding agreement with spaCy", f">= {TARGET_THEME_AGREEMENT:.0%}",
            top["theme_agreement"], top["theme_agreement"] >= TARGET_THEME_AGREEMENT,
            f"at {top['scale']}x: {top['common_matches']} in common, {top['differences_total']} differences listed"))
    if 100 in by_scale and 1000 in by_scale:
        growth = by_scale[1000]["load_seconds"] / by_scale[100]["load_seconds"]
        targets.append(_target("growth: load time at 1000x / at 100x", f"<= {TARGET_GROWTH}", round(growth, 2),
                               growth <= TARGET_GROWTH))
    else:
        targets.append(_target("growth: load time at 1000x / at 100x", f"<= {TARGET_GROWTH}", None, None, "not measured"))
    if top and "load_over_spacy_pipeline" in top:
        ratio = top["load_over_spacy_pipeline"]
        targets.append(_target(
            "whole load_corpus against spaCy's pipeline (blank English, sentencizer, PhraseMatcher) on the same files",
            f"<= {TARGET_LOAD_OVER_SPACY}", ratio, ratio <= TARGET_LOAD_OVER_SPACY,
            f"at {top['scale']}x: nkhr {top['load_seconds']} s with every core, spaCy {top['spacy_pipeline_seconds']} s in one "
            f"process; measured side by side in this run, so the machine's load affects both"))
    big = by_scale.get(1000)
    if big:
        targets.append(_target("peak memory at 1000x", f"< {TARGET_PEAK_MB:.0f} MB", big["peak_memory_mb"],
                               big["peak_memory_mb"] < TARGET_PEAK_MB))
        if "report_html_bytes" in big:
            targets.append(_target("report HTML from the 1000x corpus", "< 5 MB", big["report_html_bytes"],
                                   big["report_html_bytes"] < TARGET_HTML_BYTES))
    report_row = by_scale.get(REPORT_SCALE)
    if report_row and "floor_seconds" in report_row:
        ratio = report_row["report_seconds"] / report_row["floor_seconds"]
        targets.append(_target(f"report regeneration at {REPORT_SCALE}x over its floor", f"<= {TARGET_REPORT_OVER_FLOOR}",
                               round(ratio, 2), ratio <= TARGET_REPORT_OVER_FLOOR,
                               f"report {report_row['report_seconds']} s, floor {report_row['floor_seconds']} s "
                               f"({report_row['floor_notebooks']} notebooks)"))
    if report_row and "noop_seconds" in report_row:
        ok = report_row["noop_seconds"] < TARGET_NOOP_SECONDS and report_row["noop_says_up_to_date"]
        targets.append(_target("`nkhr report` with nothing changed", f"< {TARGET_NOOP_SECONDS} s, says up to date",
                               report_row["noop_seconds"], ok))
    return targets


_COLUMNS = (
    ("scale", "size", "{}x"), ("files", "files", "{}"), ("megabytes", "MB", "{:.1f}"),
    ("load_seconds", "load s", "{:.2f}"), ("cached_load_seconds", "cached s", "{:.2f}"),
    ("docs_per_second", "docs/s", "{:.0f}"), ("mb_per_second", "MB/s", "{:.2f}"),
    ("peak_memory_mb", "peak MB", "{:.0f}"), ("cores_used", "cores", "{:.2f}"),
    ("spacy_pipeline_seconds", "spaCy pipe s", "{:.2f}"), ("load_over_spacy_pipeline", "load/pipe", "{:.2f}"),
    ("theme_seconds", "themes s", "{:.2f}"), ("spacy_seconds", "spaCy s", "{:.2f}"),
    ("theme_speedup_over_spacy", "vs spaCy", "{:.1f}x"), ("theme_agreement", "agree", "{:.2%}"),
    ("report_html_bytes", "report HTML", "{}"), ("report_seconds", "report s", "{:.1f}"),
)


def _cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    if value is None:
        return "–"
    if key == "report_html_bytes":
        return f"{value / 1e6:.2f} MB"
    if key == "cached_load_seconds" and row.get("cache_hit") is False:
        return "miss"
    return fmt.format(value)


def format_table(rows: list[dict], targets: list[dict]) -> str:
    """Render the measurements and targets as Markdown, for the terminal and the README."""
    lines = ["| " + " | ".join(title for _, title, _ in _COLUMNS) + " |",
             "|" + "|".join(" ---: " for _ in _COLUMNS) + "|"]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['scale']}x | {row.get('files', '')} | error: {row['error']} |")
            continue
        lines.append("| " + " | ".join(_cell(row, key, fmt) for key, _, fmt in _COLUMNS) + " |")
    if targets:
        lines += ["", "| target | wanted | measured | result |", "| --- | --- | --- | --- |"]
        for t in targets:
            result = {True: "pass", False: "FAIL", None: "not measured"}[t["pass"]]
            lines.append(f"| {t['target']} | {t['wanted']} | {t['measured']} | {result} |")
    return "\n".join(lines)


def _code_version() -> dict:
    """The commit measured, and whether the working tree differed from it, so a figure can be traced to code."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--untracked-files=no", "--", "nkhr", "notebooks", "benchmarks/run.py")
    return {"commit": git("rev-parse", "HEAD"), "uncommitted_changes": None if status is None else bool(status)}


def run_benchmarks(sizes, seed: int, corpora: Path, with_report: bool, out: Path, log=print) -> dict:
    """Measure every size, check the targets, write ``out`` and return the results."""
    rows = []
    with_report = with_report and report_available()
    for scale in sizes:
        rows.append(measure_size(scale, seed, corpora, with_report, log))
    targets = check_targets(rows)
    results = {
        "command": "python -m benchmarks.run" + ("" if with_report and tuple(sizes) == SIZES else " (partial)"),
        "sizes": list(sizes),
        "seed": seed,
        "report_measured": with_report,
        "code": _code_version(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "method": {
            "cache": "cold: every load runs in a fresh process with NKHR_CACHE set to a new empty folder; "
                     "cached_load_seconds is a second fresh process reading that folder",
            "peak_memory": "max of (VmHWM of the process + ru_maxrss of its largest worker) and the process "
                           "tree's resident set sampled every 20 ms from /proc; includes the interpreter and pandas",
            "cores_used": "CPU seconds (user + system, process and reaped workers) / wall seconds of load_corpus",
            "theme_comparison": "same counted body passages, same literal terms (nkhr's regex patterns left out); "
                                "spaCy blank('en') PhraseMatcher, attr LOWER, and ORTH for all-capital acronyms; "
                                "whitespace and curly quotes folded for both; each coder run 3 times, alternating, "
                                "fastest run of each compared; agreement = common / union of "
                                "(doc, passage, theme, matched words)",
            "report_floor": "same number of notebooks that only import nkhr and load the corpus, run by Papermill "
                            "on the same kernel and parallelism, rendered by nbconvert's HTMLExporter",
        },
        "rows": rows,
        "targets": targets,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1 and 10 only, no report (for tests)")
    parser.add_argument("--sizes", type=int, nargs="+", help="scales to measure (default 1 10 100 1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--no-report", action="store_true", help="skip building the report")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"results file (default {RESULTS.relative_to(ROOT)})")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="where synthetic corpora are kept")
    parser.add_argument("--child", choices=("load", "compare", "floor", "spacy-pipeline"), help=argparse.SUPPRESS)
    parser.add_argument("corpus", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        answer = {"load": lambda: child_load(args.corpus), "compare": lambda: child_compare(args.corpus),
                  "spacy-pipeline": lambda: child_spacy_pipeline(args.corpus),
                  "floor": lambda: child_floor(args.corpus, args.count)}[args.child]()
        print(json.dumps(answer))
        return 0

    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    results = run_benchmarks(sizes, args.seed, args.corpora, not (args.quick or args.no_report), args.out,
                             log=lambda line: print(line, file=sys.stderr, flush=True))
    print(format_table(results["rows"], results["targets"]))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
