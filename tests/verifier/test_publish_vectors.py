"""Runs the independent checker ssj_publish_v1.py over tests/vectors/publish/*.json.

    python3 -m pytest tests/verifier -q
"""

from __future__ import annotations

import copy
import json
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import ssj_publish_v1 as p  # noqa: E402
from ssj_verify_v1 import VerifyError  # noqa: E402

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors" / "publish"
DATA = json.loads((VECTORS / "ceremony.json").read_text(encoding="utf-8"))
C = DATA["ceremony"]


def check(docs: dict, target: str, index: int) -> None:
    if target == "draw":
        p.verify_draw(docs["plan"], docs["plan_hash"], docs["catalog"], docs["log"],
                      docs["log_head"], docs["eligible"], docs["result"])
    else:
        p.verify_receipt(docs["receipts"][index], docs["plan"], docs["result"])


def patch(docs: dict, pt: dict) -> None:
    doc = docs[pt["doc"]]
    parts = pt["pointer"].split("/")[1:]
    for key in parts[:-1]:
        doc = doc[int(key)] if isinstance(doc, list) else doc[key]
    last = parts[-1]
    key = int(last) if isinstance(doc, list) else last
    if pt["op"] == "replace":
        doc[key] = pt["value"]
    else:
        del doc[key]


def test_hashes():
    assert p.plan_hash(C["plan"]) == C["plan_hash"]
    assert p.result_hash(C["result"]) == C["result_hash"]
    assert p.catalog_hash(C["catalog"]) == C["catalog_hash"]


def test_whole_draw_verifies():
    s = p.verify_draw(C["plan"], C["plan_hash"], C["catalog"], C["log"], C["log_head"],
                      C["eligible"], C["result"])
    assert s["seed"] == C["seed"]
    assert s["result_hash"] == C["result_hash"]


def test_receipts_give_the_published_verdicts():
    assert len(C["receipts"]) == len(C["verdicts"])
    for r, want in zip(C["receipts"], C["verdicts"]):
        assert p.verify_receipt(r, C["plan"], C["result"]) == want


def test_forced_in_enterprise_is_committed_and_selected():
    forced = [l for l in C["eligible"] if l["stratum_key"] == p.FORCED_STRATUM]
    assert len(forced) == 1
    verdict = next(x for x in C["verdicts"] if x["uscc"] == forced[0]["uscc"])
    assert any(i["stratum_key"] == "forced" and i["selected"] for i in verdict["items"])


@pytest.mark.parametrize("case", DATA["tampered"], ids=[c["name"] for c in DATA["tampered"]])
def test_tampered(case):
    docs = copy.deepcopy(C)
    patch(docs, case["patch"])
    with pytest.raises(VerifyError) as e:
        check(docs, case["verify"], case["receipt_index"])
    assert (e.value.code, e.value.field) == (case["code"], case["field"])
