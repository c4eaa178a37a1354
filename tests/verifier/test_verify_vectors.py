"""Runs the independent checker ssj_verify_v1.py over tests/vectors/verify/*.json.

    python3 -m pytest tests/verifier -q
"""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import ssj_verify_v1 as v  # noqa: E402

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors" / "verify"


def load(name: str) -> dict:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def test_tagged_hash_matches_canonical_rs_doc_example():
    # core/src/canonical.rs: LP(b"ab") = 00 00 00 02 61 62
    assert v.lp(b"ab") == b"\x00\x00\x00\x02ab"


def test_leaves():
    data = load("leaves.json")
    for kind in ("eligible", "excluded", "inspector"):
        enc, _ = v.LEAF_TYPES[kind]
        for c in data[kind]:
            b = enc(c["leaf"])
            assert b.hex() == c["leaf_bytes"]
            assert v.leaf_hash(b).hex() == c["leaf_hash"]
            if kind == "inspector":
                assert v.conflicts_hash(c["leaf"]["conflicts"]).hex() == c["conflicts_hash"]
    for c in data["invalid"]:
        with pytest.raises(v.VerifyError) as e:
            v.LEAF_TYPES[c["type"]][0](c["leaf"])
        assert e.value.code == c["code"]
        assert e.value.field == c["field"]
    for c in data["duplicate_trees"]:
        with pytest.raises(v.VerifyError) as e:
            v.build_tree(c["type"], c["leaves"])
        assert e.value.code == c["code"]


def test_merkle_trees_and_proofs():
    data = load("merkle.json")
    assert v.mth([]).hex() == data["empty_root"]
    assert [t["size"] for t in data["trees"]] == [0, 1, 2, 3, 5, 8, 13]
    for t in data["trees"]:
        leaves, hashes = v.build_tree("eligible", t["leaves"])
        assert [b.hex() for b in leaves] == t["sorted_leaf_bytes"]
        root = v.mth(hashes)
        assert root.hex() == t["root"]
        for i, p in enumerate(t["proofs"]):
            assert p["leaf_index"] == i and p["tree_size"] == t["size"]
            assert [x.hex() for x in v.audit_path(i, hashes)] == p["audit_path"]
            v.verify_inclusion(leaves[i], p, root, t["size"])
    for c in data["invalid_proofs"]:
        with pytest.raises(v.VerifyError) as e:
            v.verify_inclusion(bytes.fromhex(c["leaf_bytes"]), c["proof"], bytes.fromhex(c["root"]), c["tree_size"])
        assert e.value.code == c["code"], c["name"]


def test_commitments():
    data = load("commitments.json")
    for c in data["cases"]:
        assert v.commitment(c["party_id"], bytes.fromhex(c["secret"])).hex() == c["commitment"]
    for c in data["invalid"]:
        with pytest.raises(v.VerifyError) as e:
            v.commitment(c["party_id"], bytes(32))
        assert e.value.code == c["code"]


def test_beacon_values():
    data = load("beacons.json")
    for c in data["valid"]:
        v.validate_value(c["kind"], c["value"])
    for c in data["invalid"]:
        with pytest.raises(v.VerifyError) as e:
            v.validate_value(c["kind"], c["value"])
        assert (e.value.code, e.value.field, e.value.details.get("reason")) == (
            c["code"], c["field"], c["reason"]), c
    for c in data["invalid_specs"]:
        with pytest.raises(v.VerifyError) as e:
            v.validate_spec(c["spec"])
        assert (e.value.code, e.value.field) == (c["code"], c["field"])
    # canonicalize cases: outputs must at least be canonical (canonicalisation itself is
    # an input convenience, not part of verification).
    for c in data["canonicalize"]:
        if "output" in c:
            v.validate_value(c["kind"], c["output"])


def test_seeds():
    data = load("seeds.json")
    seen: dict[str, str] = {}
    for c in data["cases"]:
        seed = v.derive_seed(
            bytes.fromhex(c["plan_hash"]),
            c["attempt"],
            [(b["source"], b["value"]) for b in c["beacons"]],
            [(s["party"], bytes.fromhex(s["secret"])) for s in c["secrets"]],
        ).hex()
        assert seed == c["seed"], c["name"]
        if "same_as" in c:
            assert seen[c["same_as"]] == seed
        else:
            assert seed not in seen.values(), c["name"]
        seen[c["name"]] = seed


def test_ceremony():
    data = load("ceremony.json")
    for c in data["cases"]:
        args = (bytes.fromhex(c["plan_hash"]), c["attempt"], c["sources"], c["parties"], c["reveals"], c["beacons"])
        if "seed" in c:
            assert v.ceremony_seed(*args).hex() == c["seed"]
        else:
            with pytest.raises(v.VerifyError) as e:
                v.ceremony_seed(*args)
            assert e.value.code == c["code"], c["name"]
            assert e.value.details.get("party") == c["party"], c["name"]
            assert e.value.details.get("source") == c["source"], c["name"]


def test_plan_hash():
    data = load("plan.json")
    assert v.canonical_json(v.canonical_plan(data["plan"])) == data["canonical_json"]
    assert v.plan_hash(data["plan"]).hex() == data["plan_hash"]
    assert v.plan_hash(data["reordered_plan"]).hex() == data["plan_hash"]
    with pytest.raises(v.VerifyError) as e:
        v.plan_hash(data["float_plan"])
    assert e.value.code == "number_not_integer"
    assert data["tampered"]
    for c in data["tampered"]:
        assert v.plan_hash(c["plan"]).hex() != data["plan_hash"], c["field"]
    for c in data["defaults"]:
        assert v.plan_hash(c["plan"]).hex() == c["plan_hash"], c["name"]
    for c in data["non_canonical"]:
        with pytest.raises(v.VerifyError) as e:
            v.check_published("plan", c["plan"])
        assert (e.value.code, e.value.field) == (c["code"], c["field"]), c["name"]


def test_logs():
    data = load("logs.json")
    for c in data["cases"]:
        plan = json.loads(json.dumps(data["plan"]))
        if c["name"] == "plan_substituted":
            plan["task_id"] += "x"
        if c["name"] == "wrong_reveal_order":
            plan["reveal_order"] = "before_beacon"
        if "head" in c:
            out = v.verify_log(plan, c["log"], c.get("expected_head"))
            assert out["head"] == c["head"], c["name"]
            assert out["seeds"] == c["seeds"], c["name"]
        else:
            with pytest.raises(v.VerifyError) as e:
                v.verify_log(plan, c["log"], c.get("expected_head"))
            got = (e.value.code, e.value.index, e.value.field)
            assert got == (c["code"], c["index"], c["field"]), c["name"]
            if "party" in c:
                assert e.value.details.get("party") == c["party"], c["name"]


def _append(log: dict, event: dict) -> dict:
    """The log with `event` appended, chained with this checker's own hash."""
    out = json.loads(json.dumps(log))
    prev = bytes.fromhex(out["entries"][-1]["hash"])
    out["entries"].append({"event": event, "hash": v.chain_hash(prev, event).hex()})
    return out


def test_outcomes_event_after_the_draw():
    """docs/outcomes-spec-v1.md §4: an `outcomes` event follows the draw of its attempt and
    names the attempt's current revision; it changes no seed."""
    data = load("logs.json")
    case = next(c for c in data["cases"] if c["name"] == "valid_full")
    attempt = case["log"]["entries"][-1]["event"]["attempt"]  # the last event is a draw
    event = {"kind": "outcomes", "attempt": attempt, "revision": 0, "outcomes_hash": "ab" * 32}
    out = v.verify_log(data["plan"], _append(case["log"], event))
    assert out["seeds"] == case["seeds"]
    wrong = dict(event, revision=1)
    with pytest.raises(v.VerifyError) as e:
        v.verify_log(data["plan"], _append(case["log"], wrong))
    assert (e.value.code, e.value.field) == ("log_order", f"entries[{len(case['log']['entries'])}].event.revision")
    undrawn = {"entries": case["log"]["entries"][:-1]}
    with pytest.raises(v.VerifyError) as e:
        v.verify_log(data["plan"], _append(undrawn, event))
    assert (e.value.code, e.value.field) == ("log_order", f"entries[{len(undrawn['entries'])}].event.kind")
