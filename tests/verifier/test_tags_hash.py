"""The independent checker recomputes a plan's `tags_hash` (verify spec §6.4) and the plan
hash of a plan that binds tags, from tests/vectors/profile/tag_moves_verify_tags.ops.json.

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

import ssj_verify_v1 as v  # noqa: E402

CASES = {
    c["name"]: c
    for c in json.loads(
        (HERE.parent / "vectors" / "profile" / "tag_moves_verify_tags.ops.json").read_text(encoding="utf-8")
    )["cases"]
}


def test_tags_hash_is_the_plans():
    i = CASES["verify_tags"]["input"]
    assert v.tags_hash(i["tags"]).hex() == i["plan"]["tags_hash"]
    v.verify_tags(i["plan"], i["tags"])


def test_plan_hash_covers_tags_hash():
    c = CASES["plan_hash_with_tags"]
    assert v.plan_hash(c["input"]["plan"]).hex() == c["expect"]
    other = copy.deepcopy(c["input"]["plan"])
    other["tags_hash"] = "00" * 32
    assert v.plan_hash(other).hex() != c["expect"]


@pytest.mark.parametrize("name", ["error_verify_tags_effect_changed", "error_verify_tags_missing"])
def test_changed_or_missing_tags_are_caught(name):
    c = CASES[name]
    with pytest.raises(v.VerifyError) as e:
        v.verify_tags(c["input"]["plan"], c["input"].get("tags"))
    assert e.value.code == c["expect_error"]["code"]
    assert e.value.field == c["expect_error"]["field"]
