"""Import Jupyter's and Altair's libraries without a slow optional extra they never use.

jsonschema, which Altair, nbformat, nbconvert and Papermill all import, loads
``rfc3987_syntax`` when it is installed (Jupyter's event schemas pull it in), and
that module compiles an IRI grammar at import time: about a second in every
process, every notebook kernel included. None of these libraries checks the
"iri" format, so the module is hidden while they are imported; jsonschema then
leaves that one format unchecked in this process.

>>> lean_import("json").__name__
'json'
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

_SLOW_EXTRA = "rfc3987_syntax"


def lean_import(name: str) -> ModuleType:
    """Import module ``name``; if this brings in jsonschema for the first time, without the IRI grammar."""
    hide = _SLOW_EXTRA not in sys.modules and "jsonschema" not in sys.modules
    if hide:
        sys.modules[_SLOW_EXTRA] = None  # makes ``import rfc3987_syntax`` raise ImportError
    try:
        return importlib.import_module(name)
    finally:
        if hide:
            del sys.modules[_SLOW_EXTRA]
