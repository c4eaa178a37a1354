"""tests/vectors/publish through the binding (as core/tests/all/publish_vectors.rs)."""

import copy
from typing import Any, Dict, Optional, Tuple

import pytest

import shuangsuiji as ssj
from vectors import load

V = load("publish/ceremony.json")
C = V["ceremony"]
R = load("publish/revision.json")
FILES = {"ceremony": V, "revision": R}
TAMPERED = [(f, c) for f, v in FILES.items() for c in v["tampered"]]


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
    if p["pointer"] == "":
        d[p["doc"]] = p["value"]
        return
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


def docs(c: Dict[str, Any] = C) -> Dict[str, Any]:
    keys = ["plan", "plan_hash", "catalog", "eligible", "log", "log_head", "result", "receipts"]
    return {k: copy.deepcopy(c[k]) for k in keys}


@pytest.mark.parametrize("name", FILES)
def test_ceremony_verifies(name: str):
    c = FILES[name]["ceremony"]
    assert check(docs(c), "draw", 0) is None
    assert ssj.plan_hash(c["plan"]) == c["plan_hash"]
    assert ssj.Catalog(c["catalog"]).content_hash == c["catalog_hash"]
    for receipt, want in zip(c["receipts"], c["verdicts"]):
        assert ssj.verify_receipt(receipt, c["plan"], c["result"]) == want


def test_revisions_are_republished_from_the_log():
    """Replaying the logged substitutions through publish_substitutions gives the
    published revisions and log byte for byte."""
    c = R["ceremony"]
    entries = c["log"]["entries"]
    kinds = [e["event"]["kind"] for e in entries]
    first_sub = kinds.index("substitution")
    log: Dict[str, Any] = {"entries": entries[:first_sub]}
    result = R["results"][1]
    revision = 0
    while len(log["entries"]) < len(entries):
        k = len(log["entries"])
        batch = []
        while entries[k]["event"]["kind"] == "substitution":
            ev = entries[k]["event"]
            batch.append(ev)
            k += 1
        # one request per revision: the replaced enterprise, in its item or whole visit
        items = {ev["item_id"] for ev in batch}
        req: Dict[str, Any] = {"uscc": batch[0]["replaced"], "reason": batch[0]["reason"],
                               "evidence": batch[0]["evidence"]}
        if len(items) == 1 and len(batch) == 1:
            req["item_id"] = batch[0]["item_id"]
        result, log = ssj.publish_substitutions(c["plan"], c["eligible"], c["catalog"], log, result, [req])
        revision += 1
        assert result == R["results"][1 + revision]
    assert log == c["log"]
    assert result == c["result"]
    with pytest.raises(ssj.ShuangsuijiError) as e:
        ssj.publish_substitutions(c["plan"], c["eligible"], c["catalog"], log, R["results"][2], [req])
    assert e.value.code == "result_mismatch"


def test_summary_of_verify_draw():
    s = ssj.verify_draw(C["plan"], C["plan_hash"], C["catalog"], C["log"], C["log_head"], C["eligible"], C["result"])
    assert s["plan_hash"] == C["plan_hash"]
    assert s["log_head"] == C["log_head"]
    assert s["seed"] == C["seed"]
    assert s["visits"] == len(C["result"]["draw"]["visits"])
    assert (s["attempt"], s["revision"], s["substitutions"]) == (0, 0, 0)
    c = R["ceremony"]
    s = ssj.verify_draw(c["plan"], c["plan_hash"], c["catalog"], c["log"], c["log_head"], c["eligible"], c["result"])
    assert (s["attempt"], s["revision"], s["substitutions"]) == (1, 2, 4)


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
    assert len(R["tampered"]) >= 12


@pytest.mark.parametrize("file,case", TAMPERED, ids=[f"{f}: {c['name']}" for f, c in TAMPERED])
def test_tampered(file: str, case: Dict[str, Any]):
    d = docs(FILES[file]["ceremony"])
    patch(d, case["patch"])
    got = check(d, case["verify"], case["receipt_index"])
    assert got == (case["code"], case["field"])


@pytest.mark.parametrize("name", FILES)
def test_receipt_verifier_gives_the_verdicts_of_verify_receipt(name: str):
    c = FILES[name]["ceremony"]
    rv = ssj.ReceiptVerifier(c["plan"], c["result"])
    assert rv.plan_hash == c["plan_hash"] and rv.result_hash == c["result_hash"]
    for receipt, want in zip(c["receipts"], c["verdicts"]):
        assert rv.verify(receipt) == want == ssj.verify_receipt(receipt, c["plan"], c["result"])


@pytest.mark.parametrize("file,case", [t for t in TAMPERED if t[1]["verify"] == "receipt"],
                         ids=lambda x: x["name"] if isinstance(x, dict) else x)
def test_receipt_verifier_refuses_the_tampered_receipts(file: str, case: Dict[str, Any]):
    d = docs(FILES[file]["ceremony"])
    patch(d, case["patch"])
    try:
        rv = ssj.ReceiptVerifier(d["plan"], d["result"])
        rv.verify(d["receipts"][case["receipt_index"]])
    except ssj.ShuangsuijiError as e:
        got = (e.code, str(e.details.get("field") or ""))
    else:
        got = None
    assert got == (case["code"], case["field"])
