"""tests/vectors/documents/strict.json: every entry point that reads a published document
goes through the core's one strict committed reader (issue #17 items 1-2); the Node
runner (bindings-wasm/tests/strict-documents.test.mjs) expects the same codes."""

import base64
from typing import Any, Dict, Optional

import pytest

import shuangsuiji as ssj
from vectors import load

C = load("publish/ceremony.json")["ceremony"]
CASES = load("documents/strict.json")["cases"]


def call(entry: str, docs: Dict[str, Any]) -> None:
    if entry == "verify_plan":
        ssj.verify_plan(docs["plan"], C["plan_hash"])
    elif entry == "verify_draw":
        ssj.verify_draw(docs["plan"], C["plan_hash"], C["catalog"], docs["log"], C["log_head"], C["eligible"], C["result"])
    elif entry == "verify_log":
        ssj.verify_log(docs["plan"], docs["log"], C["log_head"])
    elif entry == "verify_receipt":
        ssj.verify_receipt(docs["receipt"], docs["plan"], C["result"])
    else:
        raise AssertionError(entry)


def outcome(entry: str, case: Dict[str, Any]) -> Optional[str]:
    docs: Dict[str, Any] = {"plan": C["plan"], "log": C["log"], "receipt": C["receipts"][0]}
    docs[case["doc"]] = case["text"] if "text" in case else base64.b64decode(case["base64"])
    try:
        call(entry, docs)
    except ssj.ShuangsuijiError as e:
        return e.code
    return None


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_entry_point_reads_published_documents_alike(case: Dict[str, Any]) -> None:
    for entry in case["entries"]:
        assert outcome(entry, case) == case["code"], entry


def test_the_untouched_ceremony_verifies() -> None:
    for entry in ("verify_plan", "verify_draw", "verify_log", "verify_receipt"):
        call(entry, {"plan": C["plan"], "log": C["log"], "receipt": C["receipts"][0]})


def test_publish_refusals_name_the_field() -> None:
    log = {"entries": C["log"]["entries"][:-1]}
    assert log["entries"] and C["log"]["entries"][-1]["event"]["kind"] == "draw"
    with pytest.raises(ssj.VerifyError) as e:
        ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], log, 0, "00" * 32)
    assert (e.value.code, e.value.details.get("field")) == ("result_mismatch", "seed")
    with pytest.raises(ssj.VerifyError) as e:
        ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], log, 1, C["seed"])
    assert (e.value.code, e.value.details.get("field")) == ("log_order", "attempt")
    with pytest.raises(ssj.VerifyError) as e:
        ssj.log_append(C["log"], C["log"]["entries"][-1]["event"])
    assert e.value.code == "log_order"
