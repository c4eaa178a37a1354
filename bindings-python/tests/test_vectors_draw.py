"""tests/vectors/draw/v1 through the binding (as core/tests/all/draw_vectors.rs)."""

import json
import pytest

import shuangsuiji as ssj
from vectors import case_id, load

PRIMS = load("draw/v1/primitives.json")
DRAWS = load("draw/v1/draws.json")["cases"]


def test_enough_cases():
    assert len(DRAWS) >= 10


@pytest.mark.parametrize("case", DRAWS, ids=case_id)
def test_draw_vector(case):
    overrides = case.get("ticket_overrides")

    def run():
        if overrides:
            return json.loads(ssj._core.draw_with_ticket_overrides(ssj._dumps(case["input"]), ssj._dumps(overrides)))
        return ssj.draw(case["input"])

    if "expected_error" in case:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            run()
        assert info.value.code == case["expected_error"], str(info.value)
        return
    got = run()
    assert got == case["expected"]


@pytest.mark.parametrize("case", [c for c in DRAWS if "expected" in c and not c.get("ticket_overrides")],
                         ids=case_id)
def test_columnar_path_equals_draw(case):
    """The columnar fast path gives the same result as the dict path."""
    spec = ssj.json.loads(ssj._dumps(case["input"]))
    usccs, classes = [], []
    seen = {}
    for item in spec["items"]:
        for st in item["strata"]:
            for u in st["eligible"]:
                seen.setdefault((u, st["key"]), None)
            st["eligible"] = []
    # A stratum key shared by two items must hold the same pool for the columnar path.
    pools = {}
    for item in case["input"]["items"]:
        for st in item["strata"]:
            pools.setdefault(st["key"], set()).add(tuple(sorted(st["eligible"])))
    if any(len(p) > 1 for p in pools.values()):
        pytest.skip("stratum keys with different pools per item")
    for key, pool in pools.items():
        for u in next(iter(pool)):
            usccs.append(u)
            classes.append(key)
    handle = ssj.draw_columns(spec, usccs, classes)
    assert handle == case["expected"]
    check_handle(handle, case["expected"])


def check_handle(handle, expected):
    """Every reading of a DrawHandle agrees with the expected DrawResult dict."""
    assert isinstance(handle, ssj.DrawHandle)
    # The objects built straight from Rust have the JSON path's exact shape and types.
    assert handle.to_dict() == ssj.json.loads(handle.to_json()) == expected
    assert handle._core.to_dict() == expected
    assert isinstance(handle.to_dict(), ssj.DrawResult)
    assert dict(handle) == expected and len(handle) == len(expected)
    assert handle["visits"] == expected["visits"]
    cols = handle.selection_columns()
    assert cols == {
        "items": [
            {
                "item_id": item["item_id"],
                "department": item["department"],
                "strata": [
                    {
                        "key": st["key"],
                        "uscc": [p["uscc"] for p in st["selected"]],
                        "ticket": [p["ticket"] for p in st["selected"]],
                        "basis": [p["basis"] for p in st["selected"]],
                    }
                    for st in item["strata"]
                ],
            }
            for item in expected["items"]
        ],
        "visits": {
            "uscc": [v["uscc"] for v in expected["visits"]],
            "ticket": [v["ticket"] for v in expected["visits"]],
        },
    }
    # Fresh lists each call: mutating one reading does not change the next.
    cols["visits"]["uscc"].clear()
    assert handle.selection_columns()["visits"]["uscc"] == [v["uscc"] for v in expected["visits"]]


@pytest.mark.parametrize("case", PRIMS["tickets"], ids=lambda c: c["task_id"][:10] + c["uscc"])
def test_ticket_vector(case):
    assert ssj.ticket(case["seed"], case["task_id"], case["uscc"]) == case["ticket"]


@pytest.mark.parametrize("case", PRIMS["uscc_canonical"], ids=lambda c: c["input"])
def test_uscc_canonical_vector(case):
    if "canonical" in case:
        assert ssj.parse_uscc(case["input"]) == case["canonical"]
    else:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            ssj.parse_uscc(case["input"])
        assert info.value.code == case["error"]


@pytest.mark.parametrize("case", PRIMS["quota"], ids=lambda c: f"{c['eligible']}-{c['ratio']}")
def test_quota_vector(case):
    assert ssj.quota(case["eligible"], case["ratio"], case["min"], case["max"]) == case["quota"]


@pytest.mark.parametrize("case", PRIMS["ticket_key"], ids=lambda c: c["task_id"][:10])
def test_ticket_key_vector(case):
    assert json.loads(ssj._core.ticket_key(case["seed"], case["task_id"])) == case["key"]


@pytest.mark.parametrize("case", PRIMS["uscc_index"], ids=lambda c: c["uscc"])
def test_uscc_index_vector(case):
    assert json.loads(ssj._core.uscc_index(case["uscc"])) == case["index_decimal"]
    m = int(case["index_decimal"])
    assert str(m & (2**64 - 1)) == case["block_counter"] and str(m >> 64) == case["stream_id"]


@pytest.mark.parametrize("case", PRIMS["bernoulli_threshold"], ids=lambda c: c["ratio"])
def test_threshold_vector(case):
    assert json.loads(ssj._core.bernoulli_threshold(case["ratio"])) == case["threshold"]


@pytest.mark.parametrize("case", PRIMS["lp"], ids=lambda c: c["input_utf8"] or "empty")
def test_lp_vector(case):
    assert ssj._core.lp_encode(case["input_utf8"].encode("utf-8")).hex() == case["encoded_hex"]
