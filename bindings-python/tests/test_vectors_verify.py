"""tests/vectors/verify through the binding (as core/tests/all/verify_vectors.rs)."""

import pytest

import shuangsuiji as ssj
from vectors import load

LEAVES = load("verify/leaves.json")
MERKLE = load("verify/merkle.json")
COMMIT = load("verify/commitments.json")
BEACONS = load("verify/beacons.json")
SEEDS = load("verify/seeds.json")
CEREMONY = load("verify/ceremony.json")
PLAN = load("verify/plan.json")
LOGS = load("verify/logs.json")


def raises(fn, *args):
    with pytest.raises(ssj.ShuangsuijiError) as info:
        fn(*args)
    return info.value


@pytest.mark.parametrize("kind", ["eligible", "excluded", "inspector"])
def test_leaves(kind):
    for c in LEAVES[kind]:
        b = ssj.leaf_bytes(kind, c["leaf"])
        assert b == c["leaf_bytes"]
        assert ssj.leaf_hash(b) == c["leaf_hash"]
        if kind == "inspector":
            assert ssj.conflict_list_hash(c["leaf"]["conflicts"]) == c["conflicts_hash"]


@pytest.mark.parametrize("case", LEAVES["invalid"], ids=lambda c: c["type"])
def test_invalid_leaves(case):
    e = raises(ssj.leaf_bytes, case["type"], case["leaf"])
    assert e.code == case["code"] and e.field == case["field"]


@pytest.mark.parametrize("case", LEAVES["duplicate_trees"], ids=lambda c: c["type"])
def test_duplicate_trees(case):
    assert raises(ssj.merkle_tree, case["type"], case["leaves"]).code == case["code"]


def test_empty_root():
    assert ssj.merkle_tree("eligible", [])["commitment"]["root"] == MERKLE["empty_root"]


@pytest.mark.parametrize("tree", MERKLE["trees"], ids=lambda t: str(t["size"]))
def test_merkle_trees(tree):
    t = ssj.merkle_tree("eligible", tree["leaves"])
    assert t["commitment"] == {"root": tree["root"], "size": tree["size"]}
    assert t["proofs"] == tree["proofs"]
    for leaf, proof in zip(tree["sorted_leaf_bytes"], tree["proofs"]):
        assert ssj.verify_inclusion(leaf, proof, t["commitment"]) == {"ok": True}


@pytest.mark.parametrize("case", MERKLE["invalid_proofs"], ids=lambda c: c["name"])
def test_invalid_proofs(case):
    committed = {"root": case["root"], "size": case["tree_size"]}
    e = raises(ssj.verify_inclusion, case["leaf_bytes"], case["proof"], committed)
    assert e.code == case["code"]


def test_commitments():
    for c in COMMIT["cases"]:
        assert ssj.commitment(c["party_id"], c["secret"]) == c["commitment"]
    for c in COMMIT["invalid"]:
        assert raises(ssj.commitment, c["party_id"], "00" * 32).code == c["code"]


def test_beacons():
    for c in BEACONS["valid"]:
        ssj.beacon_validate(c["kind"], c["value"])
        assert ssj.beacon_canonicalize(c["kind"], c["value"]) == c["value"]
    for c in BEACONS["invalid"]:
        e = raises(ssj.beacon_validate, c["kind"], c["value"])
        assert (e.code, e.field, e.details.get("reason")) == (c["code"], c["field"], c["reason"]), c
    for c in BEACONS["canonicalize"]:
        if "output" in c:
            assert ssj.beacon_canonicalize(c["kind"], c["input"]) == c["output"]
        else:
            assert raises(ssj.beacon_canonicalize, c["kind"], c["input"]).code == c["code"]
    for c in BEACONS["invalid_specs"]:
        e = raises(ssj.beacon_spec, c["spec"])
        assert (e.code, e.field) == (c["code"], c["field"])


def test_seeds():
    seen = {}
    for c in SEEDS["cases"]:
        seed = ssj.derive_seed(c["plan_hash"], c["attempt"], c["beacons"], c["secrets"])
        assert seed == c["seed"], c["name"]
        if "same_as" in c:
            assert seen[c["same_as"]] == seed
        else:
            assert seed not in seen.values()
        seen[c["name"]] = seed


@pytest.mark.parametrize("case", CEREMONY["cases"], ids=lambda c: c["name"])
def test_ceremony(case):
    args = (case["plan_hash"], case["attempt"], case["sources"], case["parties"], case["reveals"], case["beacons"])
    if "seed" in case:
        assert ssj.ceremony_seed(*args) == case["seed"]
        return
    e = raises(ssj.ceremony_seed, *args)
    assert e.code == case["code"]
    assert e.details.get("party") == case["party"]
    assert e.details.get("source") == case["source"]


def test_plan():
    assert ssj.plan_canonical_json(PLAN["plan"]) == PLAN["canonical_json"]
    assert ssj.plan_hash(PLAN["plan"]) == PLAN["plan_hash"]
    ssj.verify_plan(PLAN["plan"], PLAN["plan_hash"])
    ssj.verify_plan(PLAN["reordered_plan"], PLAN["plan_hash"])
    assert raises(ssj.plan_hash, PLAN["float_plan"]).code == "number_not_integer"
    assert PLAN["tampered"]
    for c in PLAN["tampered"]:
        assert raises(ssj.verify_plan, c["plan"], PLAN["plan_hash"]).code == c["code"], c["field"]


@pytest.mark.parametrize("case", LOGS["cases"], ids=lambda c: c["name"])
def test_logs(case):
    plan = dict(LOGS["plan"])
    if case["name"] == "plan_substituted":
        plan["task_id"] = plan["task_id"] + "x"
    elif case["name"] == "wrong_reveal_order":
        plan["reveal_order"] = "before_beacon"
    head = case.get("expected_head")
    if "head" in case:
        s = ssj.verify_log(plan, case["log"], head)
        assert s["head"] == case["head"]
        assert [a["seed"] for a in s["attempts"]] == case["seeds"]
        return
    e = raises(ssj.verify_log, plan, case["log"], head)
    assert e.code == case["code"]
    index = e.details.get("index")
    assert (int(index) if index is not None else None) == case.get("index")
    assert e.field == case.get("field")
    if "party" in case:
        assert e.details.get("party") == case["party"]
