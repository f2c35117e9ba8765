"""Writing every table as CSV and Parquet with a Frictionless Data Package describing them.

A researcher can open the CSV files in a spreadsheet or R; ``datapackage.json``
gives each field's type and meaning (the same text as the README's data dictionary).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

import pandas as pd

from .. import schema
from ..corpus import Corpus


def export_tables(corpus: Corpus, out: str | Path, extra: Mapping[str, pd.DataFrame] | None = None) -> list[Path]:
    """Write ``<table>.csv`` and ``<table>.parquet`` for every table, plus ``datapackage.json``.

    ``extra`` adds tables a build writes about itself (``changes``), declared in the
    schema like the corpus's. Returns the paths written. Rows are written in the
    corpus's order so that two exports of one corpus are identical.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources = []
    for name, frame in {**corpus.tables(), **(extra or {})}.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        frame.to_csv(csv_path, index=False, lineterminator="\n")
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
        resources.append({
            "name": name.replace("_", "-"),
            "path": csv_path.name,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema.frictionless_schema(name),
        })
    package = {
        "name": "nkhr-corpus",
        "title": "Tables parsed from statements on North Korean human rights",
        "description": (
            "Every row with quote/start/end points into the source text of its document: "
            "source_text[start:end] == quote (half-open character offsets)."
        ),
        "version": corpus.fingerprint,
        "resources": resources,
    }
    package_path = out / "datapackage.json"
    package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(package_path)
    return written
