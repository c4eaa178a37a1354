"""The hand-written stubs (__init__.pyi, _shuangsuiji.pyi) match the runtime module."""

import subprocess
import sys


def test_stubtest_passes(tmp_path):
    # Run from an empty folder so that the installed package, not the source tree, is checked.
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "shuangsuiji"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_example_type_checks_against_the_stubs(tmp_path):
    """The example uses the public API as the stubs describe it (mypy, default mode)."""
    import pathlib

    example = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python" / "county.py"
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", str(example)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_stubs_of_table_operations_are_generated_from_the_table():
    """The stubs between the markers are what ``stubgen.py`` writes from the operation
    table; a new or changed operation fails here until the stubs are regenerated."""
    import stubgen

    for path, text in stubgen.files().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} differs from the operation table: run python bindings-python/tests/stubgen.py --write"
        )
