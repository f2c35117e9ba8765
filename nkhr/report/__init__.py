"""The report: tables exported, notebooks run, pages rendered with their evidence.

``build`` runs the notebooks and swaps the finished report into place; ``render``
turns an executed notebook into a page; ``charts`` and ``provenance`` are what the
notebooks call to draw and to cite; ``export`` writes the tables.
"""

from .build import (
    STAMP_NAME,
    add_report_arguments,
    build_report,
    ensure_kernel,
    list_notebooks,
    lock_output,
    parse_parameter,
    run_report_command,
    select_years,
)

__all__ = [
    "STAMP_NAME", "add_report_arguments", "build_report", "ensure_kernel", "list_notebooks", "lock_output",
    "parse_parameter", "run_report_command", "select_years",
]
