"""Integer arguments are checked, never coerced (issue #17 item 5): a bool, a float, a
negative or too large int, a string give the typed ``argument_type`` error naming the
argument — no OverflowError, no TypeError, no silent True == 1."""

from typing import Any

import pytest

import shuangsuiji as ssj
from vectors import load

C = load("publish/ceremony.json")["ceremony"]
SEED = "00" * 32
WRONG_U32 = [-1, 2**32, 2**32 + 1, True, False, 1.0, 1.9, float("nan"), "1", None, b"1"]


def refused(f: Any, field: str) -> None:
    with pytest.raises(ssj.InputError) as e:
        f()
    assert e.value.code == "argument_type"
    assert e.value.details.get("field") == field


@pytest.mark.parametrize("attempt", WRONG_U32, ids=repr)
def test_publish_draw_attempt(attempt: Any) -> None:
    log = {"entries": C["log"]["entries"][:-1]}
    refused(lambda: ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], log, attempt, C["seed"]), "attempt")


def test_publish_draw_with_a_good_attempt_still_works() -> None:
    log = {"entries": C["log"]["entries"][:-1]}
    _, drawn = ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], log, 0, C["seed"])
    assert drawn == C["log"]


@pytest.mark.parametrize("attempt", WRONG_U32, ids=repr)
def test_derive_seed_attempt(attempt: Any) -> None:
    refused(lambda: ssj.derive_seed(SEED, attempt, [], []), "attempt")


@pytest.mark.parametrize("n", [-1, True, 2.0, "3", 2**64], ids=repr)
def test_quota_counts(n: Any) -> None:
    refused(lambda: ssj.quota(n, "1/10"), "eligible")
    refused(lambda: ssj.quota(10, "1/10", min=n), "min")
    refused(lambda: ssj.quota(10, "1/10", max=n), "max")
    assert ssj.quota(10, "1/10", min=None, max=None) == 1


@pytest.mark.parametrize(
    "text",
    ["", "not a file.json", "统一社会信用代码,名称\n91350100M000100Y43,甲\n", "a\0b", "x" * 5000],
    ids=["empty", "missing", "csv_text", "nul", "long"],
)
def test_a_str_that_is_neither_json_nor_a_file_is_a_typed_error(text: str) -> None:
    refused(lambda: ssj.verify_plan(text, SEED), "source")
    refused(lambda: ssj.read_enterprises(text), "source")


def test_json_text_with_a_bom_is_text_not_a_path() -> None:
    import json

    with pytest.raises(ssj.VerifyError) as e:
        ssj.verify_plan("\ufeff" + json.dumps(C["plan"]), SEED)
    assert e.value.code == "plan_hash_mismatch"
    ssj.verify_plan("\ufeff" + json.dumps(C["plan"]), C["plan_hash"])


# Issue #17 item 7: content and argument mistakes that surfaced as bare ValueError or
# TypeError, or were ignored, are typed errors of their family.


def test_leaf_hash_bad_hex_is_hex_invalid():
    with pytest.raises(ssj.VerifyError) as e:
        ssj.leaf_hash("zz")
    assert e.value.code == "hex_invalid"
    assert e.value.details["field"] == "leaf_bytes"
    with pytest.raises(ssj.InputError) as e:
        ssj.leaf_hash(12)  # type: ignore[arg-type]
    assert e.value.code == "argument_type"


def test_read_enterprises_options_not_a_dict_names_the_encoding_option():
    with pytest.raises(ssj.InputError) as e:
        ssj.read_enterprises(b"uscc,name\n", "gbk")  # type: ignore[arg-type]
    assert e.value.code == "argument_type"
    assert e.value.details["field"] == "options"
    assert "{'encoding': 'gbk'}" in str(e.value)


def test_draw_columns_nan_cell_is_cell_invalid_naming_the_row():
    spec = {"algorithm": "v1", "task_id": "t", "seed": "00" * 32, "mode": "fixed",
            "items": [{"item": "x", "strata": [{"key": "A", "quota": 1}]}]}
    with pytest.raises(ssj.InputError) as e:
        ssj.draw_columns(spec, ["91350100M000100Y43", float("nan")], ["A", "A"])
    assert e.value.code == "cell_invalid"
    assert e.value.details["row"] == 2


def test_decide_entry_of_another_type_is_refused_not_ignored():
    with pytest.raises(ssj.InputError) as e:
        ssj.decide(5, {}, [], "2025-01-01")  # type: ignore[arg-type]
    assert e.value.code == "argument_type"
    assert e.value.details["field"] == "entry"
