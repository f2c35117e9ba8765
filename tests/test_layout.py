"""The package's layout shows the pipeline: imports run only forward, from reading to the report."""

import ast
from pathlib import Path

from nkhr import paths

#: Each stage may import from its own stage and from earlier ones, never from a later one.
ORDER = {
    "paths": 0, "errors": 0, "schema": 0, "imports": 0, "offline": 0,
    "read": 1, "extract": 2, "describe": 3, "code": 4,
    "parsing": 5, "corpus": 5, "evaluate": 6, "synthetic": 6, "report": 7, "cli": 8,
}


def _stage(module: str) -> str:
    """'nkhr.extract.dates' -> 'extract'; 'nkhr.corpus' -> 'corpus'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(path: Path) -> list[str]:
    package = ".".join(("nkhr",) + path.relative_to(paths.PACKAGE).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                names = [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
                found += names
            elif node.module and node.module.startswith("nkhr"):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("nkhr")]
    return [name for name in found if name.startswith("nkhr.") and name != "nkhr"]


def test_every_module_imports_only_its_own_stage_or_earlier_ones():
    backwards = []
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        own = _stage(".".join(("nkhr",) + path.relative_to(paths.PACKAGE).with_suffix("").parts))
        if own in ("__init__", "__main__"):
            continue
        for imported in _imports(path):
            if ORDER[_stage(imported)] > ORDER[own]:
                backwards.append(f"{path.relative_to(paths.ROOT)} imports {imported}")
    assert backwards == []


def test_every_stage_is_a_subpackage_and_every_module_belongs_to_a_known_stage():
    stages = {p.name for p in paths.PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert {"read", "extract", "describe", "code", "report"} <= stages
    modules = {p.stem for p in paths.PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert modules | stages <= set(ORDER), f"not placed in the pipeline: {sorted((modules | stages) - set(ORDER))}"
