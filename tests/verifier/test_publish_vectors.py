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
REVISED = json.loads((VECTORS / "revision.json").read_text(encoding="utf-8"))
FILES = {"ceremony": DATA, "revision": REVISED}
TAMPERED = [(f, c) for f, data in FILES.items() for c in data["tampered"]]


def check(docs: dict, target: str, index: int) -> None:
    if target == "draw":
        p.verify_draw(docs["plan"], docs["plan_hash"], docs["catalog"], docs["log"],
                      docs["log_head"], docs["eligible"], docs["result"])
    else:
        p.verify_receipt(docs["receipts"][index], docs["plan"], docs["result"])


def patch(docs: dict, pt: dict) -> None:
    if pt["pointer"] == "":
        docs[pt["doc"]] = pt["value"]
        return
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


@pytest.mark.parametrize("name", FILES)
def test_hashes(name):
    c = FILES[name]["ceremony"]
    assert p.plan_hash(c["plan"]) == c["plan_hash"]
    assert p.result_hash(c["result"]) == c["result_hash"]
    assert p.catalog_hash(c["catalog"]) == c["catalog_hash"]


@pytest.mark.parametrize("name", FILES)
def test_whole_draw_verifies(name):
    c = FILES[name]["ceremony"]
    s = p.verify_draw(c["plan"], c["plan_hash"], c["catalog"], c["log"], c["log_head"],
                      c["eligible"], c["result"])
    assert s["seed"] == c["seed"]
    assert s["result_hash"] == c["result_hash"]


@pytest.mark.parametrize("name", FILES)
def test_receipts_give_the_published_verdicts(name):
    c = FILES[name]["ceremony"]
    assert len(c["receipts"]) == len(c["verdicts"])
    for r, want in zip(c["receipts"], c["verdicts"]):
        assert p.verify_receipt(r, c["plan"], c["result"]) == want


def test_revision_replaces_and_keeps_attempt_zero_in_the_log():
    c = REVISED["ceremony"]
    assert c["result"]["attempt"] == 1 and c["result"]["revision"] == 2
    kinds = [e["event"]["kind"] for e in c["log"]["entries"]]
    assert kinds.count("draw") == 2 and kinds.count("revision") == 2 and "redraw" in kinds
    replaced = {s["replaced"] for s in c["result"]["draw"]["substitutions"]}
    for verdict in c["verdicts"]:
        if verdict["uscc"] in replaced:
            assert any(i.get("replaced") and not i["selected"] for i in verdict["items"])


def test_forced_in_enterprise_is_committed_and_selected():
    forced = [l for l in C["eligible"] if l["stratum_key"] == p.FORCED_STRATUM]
    assert len(forced) == 1
    verdict = next(x for x in C["verdicts"] if x["uscc"] == forced[0]["uscc"])
    assert any(i["stratum_key"] == "forced" and i["selected"] for i in verdict["items"])


@pytest.mark.parametrize("file,case", TAMPERED, ids=[f"{f}: {c['name']}" for f, c in TAMPERED])
def test_tampered(file, case):
    docs = copy.deepcopy(FILES[file]["ceremony"])
    patch(docs, case["patch"])
    with pytest.raises(VerifyError) as e:
        check(docs, case["verify"], case["receipt_index"])
    assert (e.value.code, e.value.field) == (case["code"], case["field"])
