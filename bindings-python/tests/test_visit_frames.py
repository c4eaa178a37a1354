"""The visit list and the teams as DataFrames are the core's tables (visit_table,
team_table; tests/vectors/export/visit_tables.ops.json), names joined in from the roster,
the inspectors and the catalog; nothing is laid out in the binding."""

import pytest
from vectors import load

import shuangsuiji as ssj

CASES = {c["name"]: c for c in load("export/visit_tables.ops.json")["cases"]}


def test_the_visit_list_frame_is_the_cores_table():
    pd = pytest.importorskip("pandas")
    v = CASES["visit_list_of_a_published_result"]
    result = ssj.DrawResult(v["input"]["result"]["draw"])
    roster = ssj.Roster(v["input"]["roster"])
    frame = result.to_dataframe(lang="zh", roster=roster, catalog=v["input"]["catalog"])
    want = v["expect"]
    assert list(frame.columns) == want["headers"]
    assert frame.values.tolist() == want["rows"]
    assert isinstance(frame, pd.DataFrame)
    assert result.to_table(roster, v["input"]["catalog"]) == want


def test_the_team_frame_is_the_cores_table():
    pytest.importorskip("pandas")
    v = CASES["teams_with_names"]
    a = ssj.TeamAssignment(v["input"]["assignment"])
    frame = a.to_dataframe(inspectors=v["input"]["inspectors"], roster=v["input"]["roster"], catalog=v["input"]["catalog"])
    assert list(frame.columns) == v["expect"]["headers"]
    assert frame.values.tolist() == v["expect"]["rows"]
    assert a.to_table() == CASES["teams_with_codes_only"]["expect"]


def test_only_the_chinese_layout():
    with pytest.raises(ssj.InputError) as e:
        ssj.DrawResult(CASES["visit_list_with_codes_only"]["input"]["result"]).to_dataframe(lang="en")
    assert e.value.code == "argument_type" and e.value.details["field"] == "lang"
