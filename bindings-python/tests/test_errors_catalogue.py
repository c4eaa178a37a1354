"""The bad-input catalogue (tests/vectors/errors) through the binding: the same code,
family and locating details as the Rust runner (core/tests/all/errors_catalogue.rs), and a
typed exception — never a crash — for every case."""

import pytest

import shuangsuiji as ssj
from vectors import files, load

LOCATING = ("file", "row", "column", "field")
CASE_KEYS = {"name", "operation", "input", "expected", "description", "xlsx"}
CASES = [c for p in files("errors") for c in load(f"errors/{p.name}")["cases"]]


def test_catalogue_is_large():
    assert len(CASES) >= 60
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_catalogue_case(case):
    assert set(case) <= CASE_KEYS, set(case) - CASE_KEYS
    expected = case["expected"]
    if expected.get("ok") is True:
        ssj.run_operation(case["operation"], case["input"])
        return
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.run_operation(case["operation"], case["input"])
    err = info.value
    assert err.code == expected["code"], str(err)
    assert err.family == expected["family"]
    want = expected.get("details", {})
    for key in set(LOCATING) | set(want):
        assert err.details.get(key) == want.get(key), (key, str(err))
    # The message is Chinese by default (the core's, byte for byte where the case says it).
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.message), err.message
    assert err.message == err.message_zh and str(err) == f"{err.code}: {err.message_zh}"
    assert err.message_en and err.message_en != err.message_zh
    if "message_zh" in expected:
        assert err.message_zh == expected["message_zh"]


def test_english_on_request():
    case = next(c for c in CASES if "message_zh" in c["expected"])
    try:
        ssj.set_language("en")
        with pytest.raises(ssj.ShuangsuijiError) as info:
            ssj.run_operation(case["operation"], case["input"])
        err = info.value
        assert err.message == err.message_en
        assert str(err).startswith(f"{err.code}: {err.message_en}")
        assert err.message_zh == case["expected"]["message_zh"]
        with pytest.raises(ValueError):
            ssj.set_language("fr")
    finally:
        ssj.set_language(None)
    assert ssj.get_language() is None
