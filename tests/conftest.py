"""Shared fixtures: reports built once per test session, in temporary folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from nkhr import load_corpus, paths

FIXTURES = Path(__file__).parent / "fixtures"


def _build(tmp_path_factory: pytest.TempPathFactory, name: str, corpus: Path) -> Path:
    from nkhr.report import build_report

    out = tmp_path_factory.mktemp(name) / "reports"
    build_report(corpus=corpus, out=out, log=lambda line: None)
    return out


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory) -> Path:
    """The report built from the project's seeds (read-only: do not modify it in a test)."""
    return _build(tmp_path_factory, "seeds-report", paths.SEEDS)


@pytest.fixture(scope="session")
def fixture_report(tmp_path_factory) -> Path:
    """The report built from the small fixture corpus in tests/fixtures/report_corpus."""
    return _build(tmp_path_factory, "fixture-report", FIXTURES / "report_corpus")


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory) -> Path:
    """The report built from a corpus whose document holds script tags and an onerror image."""
    return _build(tmp_path_factory, "hostile-report", FIXTURES / "hostile_corpus")


@pytest.fixture(scope="session")
def seeds():
    """The seed corpus, parsed once per test session (read-only: do not modify it)."""
    from seeds_corpus import seeds as parsed_seeds

    return parsed_seeds()


@pytest.fixture(scope="session")
def phrasings():
    """Statements whose themes, asks and claims are phrased unlike the seeds'."""
    return load_corpus(FIXTURES / "themes" / "corpus", cache=False)
