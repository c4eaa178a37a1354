"""Issue #15 item 10: ssj.quota refuses min > max with the policy path's code."""

import pytest

import shuangsuiji as ssj


def test_quota_refuses_min_above_max():
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.quota(10, "3/100", 5, 3)
    assert info.value.code == "min_above_max"
    assert ssj.quota(10, "3/100", 3, 3) == 3
    assert ssj.quota(101, "3/100") == 4
