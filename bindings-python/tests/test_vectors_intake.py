"""tests/vectors/intake through the binding (as core/tests/all/intake_vectors.rs)."""

import base64

import pytest

import shuangsuiji as ssj
from vectors import case_id, files, load

CASES = [c for f in files("intake") for c in load(f"intake/{f.name}")["cases"]]


def test_enough_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_intake_vector(case):
    options = {"file_name": case["name"], "encoding": case["encoding"]}
    if case["format"] != "auto":
        options["format"] = case["format"]
    options.update(case.get("options") or {})
    if "input_text" in case:
        data = case["input_text"].encode("utf-8")
    else:
        data = base64.b64decode(case["input_base64"])
    reader = {
        "enterprises": lambda: len(ssj.read_enterprises(data, options)),
        "inspectors": lambda: len(ssj.read_inspectors(data, options)),
        "history": lambda: len(ssj.read_history(data, options)),
    }[case["table"]]
    expected = case["expected"]
    if "code" not in expected:
        assert reader() == expected["records"]
        return
    with pytest.raises(ssj.ShuangsuijiError) as info:
        reader()
    err = info.value
    assert err.code == expected["code"], str(err)
    assert err.row == expected["row"], str(err)
    assert err.column == expected["column"], str(err)
    if "file" in err.details:
        assert err.details["file"] == case["name"]
    # check_* reports the same first problem.
    checker = {"enterprises": ssj.check_enterprises, "inspectors": ssj.check_inspectors,
               "history": ssj.check_history}[case["table"]]
    try:
        problems = checker(data, options)
    except ssj.ShuangsuijiError as e:  # the options themselves are refused
        assert e.code == expected["code"]
        return
    assert problems, "check found nothing where read failed"
    assert any(p["code"] == expected["code"] for p in problems)
