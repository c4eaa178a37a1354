"""tests/vectors/eligibility through the binding (as core/tests/all/rules_vectors.rs)."""

import pytest

import shuangsuiji as ssj
from vectors import files, load

FILES = files("eligibility")


def test_enough_vectors():
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_eligibility_vector(path):
    v = load(f"eligibility/{path.name}")

    def run():
        return ssj.eligibility(v["request"], v["catalog"], v.get("roster"), v.get("history"))

    if "expected_error" in v:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            run()
        assert info.value.code == v["expected_error"], str(info.value)
        return
    report = run()
    assert report == v["expected"]
    assert isinstance(report, dict)
