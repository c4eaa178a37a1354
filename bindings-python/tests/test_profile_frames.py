"""Profiles (一企一档) and tags in Python (#20): the DataFrame is the core's
``profile_table`` (headers and rows decided in Rust), one row per enterprise; the tag
effects' eligibility report reads back with which tag moved whom. Inputs are the golden
vectors' (tests/vectors/profile)."""

import pytest

import shuangsuiji as ssj
from vectors import load

TABLE = load("profile/profile_table.ops.json")["cases"][0]
TAGGED = next(c for c in load("profile/eligibility_with_tags.ops.json")["cases"] if c["name"] == "tags_focus_ratio_spare")


def test_the_profile_frame_is_the_core_s_table():
    pytest.importorskip("pandas")
    i = TABLE["input"]
    frame = ssj.profiles_dataframe(i["events"], i["as_of"], i.get("tags"), i.get("repair_policy"))
    assert list(frame.columns) == TABLE["expect"]["headers"]
    assert frame.values.tolist() == TABLE["expect"]["rows"]
    assert frame["uscc"].is_unique
    assert "checks_with_findings_12m" in frame.columns and "tag_reasons" in frame.columns


def test_tag_effects_and_which_tag_moved_whom():
    i = TAGGED["input"]
    report = ssj.eligibility_with_tags(i["request"], i["catalog"], i["roster"], i["events"], i["tags"], i["history"])
    assert dict(report) == TAGGED["expect"]
    moves = ssj.tag_moves(report)
    assert [(m["uscc"], m["effect"], m["tag"]) for m in moves] == [
        ("911505810000000190", "focus", "food.serious_violation"),
        ("91150581000000027T", "ratio", "food.poor_credit_record"),
        ("91150581000000043G", "spare", "food.clean_record"),
    ]


def test_a_ratio_outside_its_source_s_range_is_refused_with_a_code():
    i = TAGGED["input"]
    tags = {"effects": {"id": "x", "effects": [dict(i["tags"]["effects"]["effects"][1], ratio="4/5")]}}
    with pytest.raises(ssj.ShuangsuijiError) as e:
        ssj.eligibility_with_tags(i["request"], i["catalog"], i["roster"], i["events"], tags)
    assert e.value.code == "tag_effect_ratio_out_of_range"
    assert e.value.family == "profile"


def test_read_events_from_csv_bytes_gives_the_vector_s_events():
    case = load("profile/read_events.ops.json")["cases"][0]
    events = ssj.read_events(case["input"]["input_text"].encode("utf-8"), case["input"]["options"])
    assert events == case["expect"]
