"""联企服务 in Python: the demand register and the follow-up list with DataFrames whose
Chinese headers and cells are the core's tables (``demand_table``, ``follow_up_table``);
refused demand events raise ``ServiceError``. Inputs are the golden vectors'
(tests/vectors/service)."""

import pytest

import shuangsuiji as ssj
from vectors import load


def case(path, name):
    return next(c for c in load(path)["cases"] if c["name"] == name)


REGISTER = case("service/demands.ops.json", "register_2026_03_12")
FOLLOW = case("service/follow_ups.ops.json", "follow_ups_2026_03_30")
DEMAND_TABLE = case("service/tables.ops.json", "demand_table_2026_03_12")
FOLLOW_TABLE = case("service/tables.ops.json", "follow_up_table_2026_03_30")


def register():
    i = REGISTER["input"]
    return ssj.demand_register(i["events"], i["as_of"])


def test_the_register_and_the_follow_up_list_are_the_vectors_answers_with_helpers():
    reg = register()
    assert isinstance(reg, ssj.DemandRegister) and reg == REGISTER["expect"]
    i = FOLLOW["input"]
    listed = ssj.follow_ups(i["request"], i["as_of"])
    assert isinstance(listed, ssj.FollowUpList) and listed == FOLLOW["expect"]


def test_the_demand_frame_is_the_core_s_table():
    pytest.importorskip("pandas")
    frame = register().to_dataframe()
    assert list(frame.columns) == DEMAND_TABLE["expect"]["headers"]
    assert frame.values.tolist() == DEMAND_TABLE["expect"]["rows"]
    assert frame.loc[frame["诉求编号"] == "D3", "办理状态"].tolist() == ["已转办（超期）"]


def test_the_follow_up_frame_is_the_core_s_table():
    pytest.importorskip("pandas")
    i = FOLLOW["input"]
    frame = ssj.follow_ups(i["request"], i["as_of"]).to_dataframe()
    assert list(frame.columns) == FOLLOW_TABLE["expect"]["headers"]
    assert frame.values.tolist() == FOLLOW_TABLE["expect"]["rows"]


def test_closing_without_a_reply_raises_service_error():
    events = case("service/demands.ops.json", "error_close_without_reply")["input"]["events"]
    with pytest.raises(ssj.ServiceError) as e:
        ssj.demand_register(events, "2026-03-10")
    assert e.value.code == "demand_reply_missing"
    assert e.value.family == "service"
