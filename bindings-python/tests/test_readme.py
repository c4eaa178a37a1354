"""Executes every ```python block of the repository README.md and of
bindings-python/README.md (blocks of one file share a namespace, in order), from the
repository root."""

import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
READMES = [ROOT / "README.md", ROOT / "bindings-python" / "README.md"]
BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)


def blocks(path):
    if not path.exists():
        return []
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def test_readmes_have_python_blocks():
    assert len(blocks(READMES[0])) >= 1
    assert len(blocks(READMES[1])) >= 2


@pytest.mark.parametrize("path", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_python_blocks_run(path, monkeypatch):
    found = blocks(path)
    if not found:
        return  # no Python blocks (yet): nothing to run
    monkeypatch.chdir(ROOT)
    namespace = {"__name__": "__readme__"}
    for i, code in enumerate(found):
        exec(compile(code, f"{path.name}[python block {i}]", "exec"), namespace)
