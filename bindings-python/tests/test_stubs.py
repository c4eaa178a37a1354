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
