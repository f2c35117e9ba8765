"""The project installs the same packages whichever way it is set up."""

import re
import tomllib

import pytest
import yaml

from nkhr import paths


def _names(requirements):
    return {re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in requirements}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    declared = _names(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared |= _names(extra)
    environment = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    conda, pip = set(), set()
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            pip |= _names(line for line in entry["pip"] if not line.startswith("-"))
        else:
            conda |= _names([entry])
    assert "python" in conda
    assert (conda | pip) - {"python", "pip"} - {"nkhr"} == declared


def test_seeds_are_kept_byte_identical_to_the_shared_corpus():
    shared = paths.ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no shared/seeds beside this checkout to compare with")
    for original in shared.iterdir():
        assert (paths.SEEDS / original.name).read_bytes() == original.read_bytes(), original.name


def test_readme_data_dictionary_is_generated_from_the_schema():
    from nkhr import schema

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- data-dictionary:start -->") + len("<!-- data-dictionary:start -->")
    end = readme.index("<!-- data-dictionary:end -->")
    assert readme[start:end].strip() == schema.data_dictionary_markdown().strip(), (
        "README's data dictionary is stale: regenerate it with python -m nkhr.schema"
    )
