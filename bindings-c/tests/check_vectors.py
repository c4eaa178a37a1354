#!/usr/bin/env python3
"""Runs every operation-shaped vector (tests/vectors/**/*.ops.json) and the bad-input
catalogue (tests/vectors/errors/*.json) through a driver process and compares each
answer exactly as the Rust runners do (core/tests/all/op_vectors.rs and
errors_catalogue.rs): results by strict JSON equality (types included: 1 is not 1.0,
true is not 1), errors by code, family and details.

The drivers are the C program (bindings-c/tests/driver.c) and the Java example
(bindings-c/java), both over the C ABI, and the command line's `shuangsuiji ops`.

    check_vectors.py tsv CMD...   # requests "OP<TAB>INPUT", answers "STATUS<TAB>JSON"
    check_vectors.py ops CMD...   # requests {"op","input"}, answers {"result"}|{"error"}

Python standard library only (no virtual environment needed).
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "tests" / "vectors"
IGNORED_DETAILS = ("line", "json_column")
LOCATING = ("file", "row", "column", "field")
OPS_KEYS = {"name", "op", "input", "expect", "expect_error", "reason", "description"}
CATALOGUE_KEYS = {"name", "operation", "input", "expected", "description", "xlsx"}


def strict_equal(a, b):
    """JSON equality with types: Python's == says 1 == 1.0 == True; serde_json does not."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    return a == b


def cases():
    """(where, op, input, check) for every case; check(ok, value) -> None or a complaint."""
    out = []
    for path in sorted(ROOT.rglob("*.ops.json")):
        rel = path.relative_to(ROOT)
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            assert set(case) <= OPS_KEYS, f"{rel}: unknown key in {case.get('name')}"
            out.append((f"{rel}: {case['name']}", case["op"], case["input"], op_check(case)))
    for path in sorted((ROOT / "errors").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            assert set(case) <= CATALOGUE_KEYS, f"{path.name}: unknown key in {case.get('name')}"
            out.append((f"errors/{path.name}: {case['name']}", case["operation"], case["input"],
                        catalogue_check(case["expected"])))
    return out


def flat_error(e):
    flat = {"code": e["code"], "family": e["family"]}
    for k, v in e.get("details", {}).items():
        if k not in IGNORED_DETAILS:
            flat[k] = v
    return flat


def op_check(case):
    def check(ok, value):
        if "expect" in case:
            if not ok:
                return f"expected a result, got {value}"
            return None if strict_equal(value, case["expect"]) else f"expected {case['expect']}, got {value}"
        if ok:
            return f"expected {case['expect_error']}, got {value}"
        want = dict(case["expect_error"])
        got = flat_error(value)
        want.setdefault("family", got["family"])
        return None if strict_equal(got, want) else f"expected {want}, got {got}"
    return check


def catalogue_check(expected):
    def check(ok, value):
        if "code" not in expected:
            if expected.get("ok") is True:
                return None if ok else f"expected success, got {value}"
            return 'expected must have "code" or "ok": true'
        if ok:
            return f"expected {expected['code']}, got success"
        for k in ("code", "family"):
            if not strict_equal(value.get(k), expected.get(k)):
                return f"{k}: expected {expected.get(k)}, got {value.get(k)}"
        want, got = expected.get("details", {}), value.get("details", {})
        for k in sorted(set(LOCATING) | set(want)):
            if not strict_equal(want.get(k), got.get(k)):
                return f"details.{k}: expected {want.get(k)}, got {got.get(k)}"
        # The Chinese message (and the English one beside it), as in every language.
        if not any("\u4e00" <= ch <= "\u9fff" for ch in value.get("message", "")):
            return f"message: no Chinese in {value.get('message')!r}"
        if not isinstance(value.get("message_en"), str):
            return "message_en: missing"
        if "message_zh" in expected and value["message"] != expected["message_zh"]:
            return f"message: expected {expected['message_zh']!r}, got {value['message']!r}"
        return None
    return check


def request(protocol, op, inp):
    text = json.dumps(inp, ensure_ascii=False, separators=(",", ":"))
    if protocol == "tsv":
        return f"{op}\t{text}"
    return json.dumps({"op": op, "input": inp}, ensure_ascii=False, separators=(",", ":"))


def answer(protocol, line):
    """(ok, value) of one answer line."""
    if protocol == "tsv":
        status, _, text = line.partition("\t")
        assert status in ("0", "1"), f"status {status!r}"
        return status == "0", json.loads(text)
    doc = json.loads(line)
    assert set(doc) in ({"result"}, {"error"}), f"answer keys {sorted(doc)}"
    return ("result" in doc), doc.get("result", doc.get("error"))


def main():
    protocol, cmd = sys.argv[1], sys.argv[2:]
    assert protocol in ("tsv", "ops"), protocol
    all_cases = cases()
    stdin = "".join(request(protocol, op, inp) + "\n" for _, op, inp, _ in all_cases)
    run = subprocess.run(cmd, input=stdin.encode("utf-8"), capture_output=True, check=False)
    err = run.stderr.decode("utf-8", "replace")
    sys.stderr.write(err)
    if run.returncode != 0:
        sys.exit(f"{cmd[0]} exited with {run.returncode}")
    # A panic caught inside the library must not print either (it did for the xlsx
    # catalogue case with calamine's overflow in debug builds).
    if "panicked" in err:
        sys.exit(f"{cmd[0]} printed a panic on stderr")
    # split("\n"), not splitlines(): JSON may hold a raw U+2028, which is not a line end.
    lines = run.stdout.decode("utf-8").split("\n")
    assert lines[-1] == "", "the last answer must end with a newline"
    lines = lines[:-1]
    if len(lines) != len(all_cases):
        sys.exit(f"{len(all_cases)} requests, {len(lines)} answers")
    failed = []
    for (where, _, _, check), line in zip(all_cases, lines):
        why = check(*answer(protocol, line))
        if why:
            failed.append(f"{where}: {why}")
    ops = sum(1 for c in all_cases if not c[0].startswith("errors/"))
    print(f"{Path(cmd[0]).name}: {ops} operation vectors and {len(all_cases) - ops} catalogue "
          f"cases, {len(failed)} failing")
    if failed:
        sys.exit("\n".join(failed[:50]))
    # The runners must not shrink to nothing unnoticed (the Rust runners hold >= 60 each).
    assert ops >= 60 and len(all_cases) - ops >= 60, (ops, len(all_cases) - ops)


if __name__ == "__main__":
    main()
