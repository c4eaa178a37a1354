"""examples/python/county.py runs end to end and writes its outputs."""

import csv
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_county_example(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "python" / "county.py"), str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with open(tmp_path / "visits.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "统一社会信用代码" and len(rows) > 10
    for name in ["plan.json", "plan.hash", "log.json", "log.head", "result.json", "eligible.json", "catalog.json"]:
        assert (tmp_path / name).is_file(), name
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert result["plan_hash"] == (tmp_path / "plan.hash").read_text(encoding="utf-8").strip()
    assert len(list((tmp_path / "receipts").glob("*.json"))) > 10
