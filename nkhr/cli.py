"""The ``nkhr`` command: check a corpus, export its tables, build the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import NkhrError


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check(args: argparse.Namespace) -> int:
    """Print every problem as ``file:line: severity: message``; non-zero if any is an error."""
    from .corpus import load_corpus

    corpus = load_corpus(args.directory, cache=False, progress=_progress)
    for row in corpus.problems.itertuples(index=False):
        where = f"{row.source}:{row.line}" if row.line is not None and str(row.line) != "<NA>" else row.source
        print(f"{where}: {row.severity}: {row.message}")
    errors = int((corpus.problems["severity"] == "error").sum())
    warnings = len(corpus.problems) - errors
    print(f"{len(corpus.documents)} documents parsed; {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def tables(args: argparse.Namespace) -> int:
    """Export every table as CSV and Parquet with a datapackage.json."""
    from .corpus import load_corpus
    from .report.export import export_tables

    corpus = load_corpus(args.corpus, progress=_progress)
    written = export_tables(corpus, args.out)
    print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``nkhr`` command."""
    from .report.build import add_report_arguments, run_report_command

    parser = argparse.ArgumentParser(prog="nkhr", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check_parser = commands.add_parser("check", help="list the problems of a corpus directory")
    check_parser.add_argument("directory", type=Path, nargs="?", default=paths.SEEDS)
    check_parser.set_defaults(run=check)

    tables_parser = commands.add_parser("tables", help="export every table as CSV, Parquet and datapackage.json")
    tables_parser.add_argument("--corpus", type=Path, default=paths.SEEDS, help="corpus directory (default: seeds/)")
    tables_parser.add_argument("--out", type=Path, default=paths.REPORTS / "tables", help="output directory")
    tables_parser.set_defaults(run=tables)

    report_parser = commands.add_parser("report", help="run the notebooks and render the HTML report")
    add_report_arguments(report_parser)
    report_parser.set_defaults(run=run_report_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; errors print one clear line and exit non-zero."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except NkhrError as error:
        print(f"nkhr: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
