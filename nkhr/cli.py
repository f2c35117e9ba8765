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
    """Print every problem as ``file:line: severity: message``; non-zero if any is an error.

    With ``--template``, write the curator's metadata.csv filled with the parsed values instead.
    """
    from .corpus import load_corpus

    if args.template:
        return write_curation_template(args.directory, force=args.force)
    corpus = load_corpus(args.directory, cache=False, progress=_progress)
    for row in corpus.problems.itertuples(index=False):
        where = f"{row.source}:{row.line}" if row.line is not None and str(row.line) != "<NA>" else row.source
        print(f"{where}: {row.severity}: {row.message}")
    errors = int((corpus.problems["severity"] == "error").sum())
    warnings = len(corpus.problems) - errors
    print(f"{len(corpus.documents)} documents parsed; {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def write_curation_template(directory: Path, force: bool = False) -> int:
    """Write ``directory/metadata.csv`` with every document's values, for a curator to edit.

    An existing metadata.csv is kept unless ``force``: it may hold a curator's work. With
    ``force`` the template shows the values as curated so far, so no correction is lost.
    """
    from .corpus import load_corpus
    from .describe.curation import write_template
    from .errors import TemplateExistsError
    from .read.reading import CURATION_FILE

    target = Path(directory) / CURATION_FILE
    if target.exists() and not force:
        raise TemplateExistsError(target)
    corpus = load_corpus(directory, cache=False, progress=_progress)
    write_template(corpus.documents, target)
    print(f"wrote {target} with {len(corpus.documents)} documents; edit a cell to correct a field, "
          "leave it as it is (or empty) to keep the parsed value, '-' clears it; then run: nkhr check "
          f"{directory}", file=sys.stderr)
    return 0


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
    check_parser.add_argument("--template", action="store_true",
                              help="write DIR/metadata.csv filled with the parsed values, for a curator to correct")
    check_parser.add_argument("--force", action="store_true", help="with --template, replace an existing metadata.csv")
    check_parser.set_defaults(run=check)

    tables_parser = commands.add_parser("tables", help="export every table as CSV, Parquet and datapackage.json")
    tables_parser.add_argument("--corpus", type=Path, default=paths.SEEDS, help="corpus directory (default: seeds/)")
    tables_parser.add_argument("--out", type=Path, default=paths.REPORTS / "tables", help="output directory")
    tables_parser.set_defaults(run=tables)

    from .report.runs import exit_codes_help

    report_parser = commands.add_parser("report", help="run the notebooks and render the HTML report",
                                        epilog=exit_codes_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
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
