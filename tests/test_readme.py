"""The README's Python examples run as written from a notebook's folder (notebooks/), where the kernel starts."""

import re

import pytest

from nkhr import paths

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_the_readme_has_python_examples():
    assert EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_runs_from_the_notebooks_folder(example, monkeypatch):
    monkeypatch.chdir(paths.NOTEBOOKS)
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    assert "corpus" not in namespace or len(namespace["corpus"].documents) > 0
