"""Every operation-shaped vector (tests/vectors/**/*.ops.json; format in
tests/vectors/README.md) through the binding's ``run_operation``: the same loop as the
Rust runner (core/tests/all/op_vectors.rs) and the Node one
(bindings-wasm/tests/op-vectors.test.mjs)."""

import json

import pytest

import shuangsuiji as ssj
from vectors import VECTORS

CASE_KEYS = {"name", "op", "input", "expect", "expect_error", "reason", "description"}
IGNORED_DETAILS = {"line", "json_column"}
FILES = sorted(VECTORS.glob("**/*.ops.json"))
CASES = [
    (f"{p.relative_to(VECTORS)}: {c.get('name')}", c)
    for p in FILES
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
]


def test_enough_cases():
    assert len(CASES) >= 60
    assert len({name for name, _ in CASES}) == len(CASES), "a name twice in one file"


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_op_vector(case):
    assert set(case) <= CASE_KEYS, set(case) - CASE_KEYS
    assert ("expect" in case) != ("expect_error" in case), "exactly one of expect / expect_error"
    assert ("expect_error" in case) == bool(case.get("reason")), "an expected failure, and only one, says its reason"
    if "expect" in case:
        assert ssj.run_operation(case["op"], case["input"]) == case["expect"]
        return
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.run_operation(case["op"], case["input"])
    err = info.value
    want = dict(case["expect_error"])
    assert err.code == want.pop("code"), str(err)
    if "family" in want:
        assert err.family == want.pop("family")
    got = {k: v for k, v in err.details.items() if k not in IGNORED_DETAILS}
    assert got == want, str(err)
