"""The stubs type what clerks write by hand (plan request, draw input, staffing, deadline
kinds, preset names): ``mypy --strict`` accepts the READMEs' Python examples and
catches a misspelled deadline kind, preset name or key."""

import pathlib
import subprocess
import sys

import pytest
from test_readme import READMES, ROOT, blocks


def _mypy(tmp_path, name, code):
    path = tmp_path / name
    path.write_text(code, encoding="utf-8")
    # From an empty folder, so that the installed package (and its stubs) is checked.
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"), str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("path", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_examples_pass_mypy_strict(path, tmp_path):
    code = "\n".join(blocks(path))
    proc = _mypy(tmp_path, "readme_examples.py", code)
    assert proc.returncode == 0, proc.stdout + proc.stderr


WRONG = '''
import shuangsuiji as ssj

cal = ssj.Calendar()
cal.deadline("result_publicaton", "2026-03-02")                 # line 5: a kind misspelled
ssj.deadline("decison", "2026-03-02")                           # line 6
ssj.preset("henan_2012", "2026-03-02")                          # line 7: a preset misspelled
ssj.eligibility(
    {"authority": {"id": "a", "department": "market", "level": "county", "jurisdiction": "150581"},
     "year": 2026, "date": "2026-03-02", "items": [],
     "polcy": {"preset": {"name": "henan_2021"}}},              # line 9: a key misspelled
    "catalog.json", "roster.csv",
)
ssj.draw({"algorithm": "v1", "task_id": "T", "seed": "00", "mode": "fixd", "items": []})  # line 14
request: ssj.PlanRequest = {                                    # line 15: the key is named
    "authority": {"id": "a", "department": "market", "level": "county", "jurisdiction": "150581"},
    "year": 2026, "date": "2026-03-02", "items": [],
    "polcy": {"preset": {"name": "henan_2021"}},
}
staffing: ssj.Staffing = {"lead_department": "market", "size": {"market": 2}}  # line 20
'''


def test_mypy_strict_catches_misspelled_kinds_and_keys(tmp_path):
    proc = _mypy(tmp_path, "wrong.py", WRONG)
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    lines = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    assert lines == {5, 6, 7, 9, 14, 15, 20}, out
    assert "'result_publicaton'" in out and "'henan_2012'" in out, out
    assert 'Extra key "polcy" for TypedDict "PlanRequest"' in out, out
    assert 'Extra key "size" for TypedDict "Staffing"' in out, out


def test_the_literals_are_the_cores_lists():
    """``DeadlineKind`` and ``PresetName`` hold exactly the core's names (at run time, and
    in the stubs through ``stubgen.py``)."""
    import typing

    import shuangsuiji as ssj

    def names(union):
        return {typing.get_args(member)[0] for member in typing.get_args(union)}

    assert names(ssj.DeadlineKind) == {k["kind"] for k in ssj.deadline_kinds()}
    assert names(ssj.PresetName) == set(ssj.preset_names())
    stub = (pathlib.Path(ssj.__file__).parent / "__init__.pyi").read_text(encoding="utf-8")
    for kind in names(ssj.DeadlineKind):
        assert f'"{kind}"' in stub
