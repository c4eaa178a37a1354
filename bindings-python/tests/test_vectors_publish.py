"""tests/vectors/publish through the binding (as core/tests/publish_vectors.rs)."""

import copy
from typing import Any, Dict, Optional, Tuple

import pytest

import shuangsuiji as ssj
from vectors import load

V = load("publish/ceremony.json")
C = V["ceremony"]


def check(d: Dict[str, Any], target: str, index: int) -> Optional[Tuple[str, str]]:
    """`draw` = verify_draw, `receipt` = verify_receipt of receipt `index`; the error's
    (code, field) or None."""
    try:
        if target == "draw":
            ssj.verify_draw(d["plan"], d["plan_hash"], d["catalog"], d["log"], d["log_head"], d["eligible"], d["result"])
        else:
            ssj.verify_receipt(d["receipts"][index], d["plan"], d["result"])
    except ssj.ShuangsuijiError as e:
        return e.code, str(e.details.get("field") or "")
    return None


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def patch(d: Dict[str, Any], p: Dict[str, Any]) -> None:
    """`{doc, pointer, op: replace|remove, value}`, pointer per RFC 6901."""
    tokens = [unescape(t) for t in p["pointer"].split("/")[1:]]
    target: Any = d[p["doc"]]
    for t in tokens[:-1]:
        target = target[int(t)] if isinstance(target, list) else target[t]
    last = tokens[-1]
    key: Any = int(last) if isinstance(target, list) else last
    if p["op"] == "replace":
        target[key] = p["value"]
    elif p["op"] == "remove":
        del target[key]
    else:
        raise AssertionError(f"unknown op {p['op']}")


def docs() -> Dict[str, Any]:
    keys = ["plan", "plan_hash", "catalog", "eligible", "log", "log_head", "result", "receipts"]
    return {k: copy.deepcopy(C[k]) for k in keys}


def test_ceremony_verifies():
    assert check(docs(), "draw", 0) is None
    assert ssj.plan_hash(C["plan"]) == C["plan_hash"]
    assert ssj.Catalog(C["catalog"]).content_hash == C["catalog_hash"]
    for receipt, want in zip(C["receipts"], C["verdicts"]):
        assert ssj.verify_receipt(receipt, C["plan"], C["result"]) == want


def test_summary_of_verify_draw():
    s = ssj.verify_draw(C["plan"], C["plan_hash"], C["catalog"], C["log"], C["log_head"], C["eligible"], C["result"])
    assert s["plan_hash"] == C["plan_hash"]
    assert s["log_head"] == C["log_head"]
    assert s["seed"] == C["seed"]
    assert s["visits"] == len(C["result"]["draw"]["visits"])


def test_publishing_again_gives_the_published_files():
    """Receipts and the result are recomputed from the published inputs."""
    assert ssj.receipts(C["plan"], C["eligible"], C["excluded"], C["result"]) == C["receipts"]
    log = {"entries": C["log"]["entries"][:-1]}
    draw_event = C["log"]["entries"][-1]["event"]
    result, new = ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], log, draw_event["attempt"], C["seed"])
    assert result == C["result"]
    assert new == C["log"]


def test_enough_tampered_cases():
    assert len(V["tampered"]) >= 18


@pytest.mark.parametrize("case", V["tampered"], ids=lambda c: c["name"])
def test_tampered(case: Dict[str, Any]):
    d = docs()
    patch(d, case["patch"])
    got = check(d, case["verify"], case["receipt_index"])
    assert got == (case["code"], case["field"])
