"""pytest: the independent verifier recomputes every v1 golden vector.

Run from the repository root:  python3 -m pytest tests/verifier -q
"""

from __future__ import annotations

import copy
import json
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ssj_draw_v1 as v  # noqa: E402

VECTORS = HERE.parent / "vectors" / "draw" / "v1"


def load(name: str) -> dict:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


PRIM = load("primitives.json")
DRAWS = load("draws.json")


def test_lp():
    for c in PRIM["lp"]:
        assert v.lp(c["input_utf8"].encode()).hex() == c["encoded_hex"]


def test_uscc_canonical():
    for c in PRIM["uscc_canonical"]:
        if "canonical" in c:
            assert v.canonical_uscc(c["input"]) == c["canonical"]
        else:
            with pytest.raises(v.DrawError) as e:
                v.canonical_uscc(c["input"])
            assert e.value.code == c["error"]


def test_uscc_index():
    for c in PRIM["uscc_index"]:
        m = v.uscc_index(c["uscc"])
        assert str(m) == c["index_decimal"]
        assert str(m % 2**64) == c["block_counter"]
        assert str(m >> 64) == c["stream_id"]


def test_ticket_key_and_tickets():
    for c in PRIM["ticket_key"]:
        assert v.ticket_key(bytes.fromhex(c["seed"]), c["task_id"]).hex() == c["key"]
    for c in PRIM["tickets"]:
        key = v.ticket_key(bytes.fromhex(c["seed"]), c["task_id"])
        assert v.hex32(v.ticket(key, c["uscc"])) == c["ticket"]


def test_quota_and_threshold():
    for c in PRIM["quota"]:
        p, q = v.parse_ratio(c["ratio"])
        assert v.quota(c["eligible"], p, q, c["min"], c["max"]) == c["quota"]
    for c in PRIM["bernoulli_threshold"]:
        p, q = v.parse_ratio(c["ratio"])
        assert v.hex33(v.threshold(p, q)) == c["threshold"]


@pytest.mark.parametrize("case", DRAWS["cases"], ids=lambda c: c["name"])
def test_whole_draw(case):
    v.verify_case(case)


def test_a_tampered_result_is_caught():
    case = copy.deepcopy(next(c for c in DRAWS["cases"] if c["name"] == "three_items_fixed"))
    sel = case["expected"]["items"][0]["strata"][0]["selected"][0]
    sel["ticket"] = "0" * 32
    with pytest.raises(AssertionError):
        v.verify_case(case)


def test_chacha20_matches_the_research_reference():
    # research/verifiable-draw-anchors.md §4: key 0x42×32, block 0, stream 0.
    assert v.chacha20_block_prefix16(b"\x42" * 32, 0, 0).hex() == "a4ddf31f7f32ba696f14ce50ecf3f21e"
