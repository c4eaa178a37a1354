"""tests/vectors/teams through the binding beyond the operation vectors (test_op_vectors.py):
every expected assignment is explained, and the team request helpers."""

import pytest

import shuangsuiji as ssj
from vectors import VECTORS

ASSIGNED = [
    c
    for p in sorted((VECTORS / "teams").glob("*.ops.json"))
    for c in ssj.json.loads(p.read_text(encoding="utf-8"))["cases"]
    if "expect" in c and c["op"] == "assign_teams"
]


@pytest.mark.parametrize("case", ASSIGNED, ids=lambda c: c["name"])
def test_every_expected_assignment_is_explained(case):
    # The assignments themselves are checked by test_op_vectors.py.
    explained = ssj.explain_teams(case["input"]["request"], case["expect"])
    assert len(explained) == len(case["expect"]["teams"])


def test_team_request_from_a_draw_and_dataframe():
    pd = pytest.importorskip("pandas")
    draw_input = {
        "algorithm": "v1", "task_id": "T1", "mode": "fixed", "seed": "00" * 32,
        "items": [{"item_id": "market.food", "department": "market",
                   "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}],
    }
    result = ssj.draw(draw_input)
    roster = [{"uscc": "91350100M000100Y43", "name": "示例", "division": "150581",
               "credit_class": "B", "status": "active", "avoid_inspectors": ["A3"]}]
    inspectors = [{"id": f"A{i}", "department": "market", "certified": True} for i in range(1, 4)]
    history = [{"task_id": "old", "uscc": "91350100M000100Y43", "date": "2024-05-01", "kind": "random",
                "authority": {"id": "hlgl", "department": "market", "level": "county", "jurisdiction": "150581"},
                "inspectors": ["A1"]}]
    request = ssj.team_request(result, roster, inspectors, history, {"lead_department": "market", "sizes": {"market": 2}})
    assert request["previous"] == [{"inspector": "A1", "uscc": "91350100M000100Y43"}]
    with pytest.raises(ssj.TeamError) as info:
        ssj.assign_teams(request)  # A1 rotated out, A3 withdrawn: one inspector left for two places
    assert info.value.code in {"team_infeasible", "certified_short"}
    request["config"] = {"rotation": False}
    frame = ssj.assign_teams(request).to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert sorted(frame["检查人员编号"]) == ["A1", "A2"]


def test_min_certified_floor_is_enforced():
    request = ssj.json.loads((VECTORS / "teams" / "basic_two_departments.ops.json").read_text(encoding="utf-8"))["cases"][0]["input"]["request"]
    request["config"] = {"min_certified": 1}
    with pytest.raises(ssj.TeamError) as info:
        ssj.assign_teams(request)
    assert info.value.code == "team_size_invalid"


def test_request_errors_have_team_codes():
    base = ssj.json.loads((VECTORS / "teams" / "basic_two_departments.ops.json").read_text(encoding="utf-8"))["cases"][0]["input"]["request"]
    with pytest.raises(ssj.TeamError) as info:
        ssj.assign_teams({**base, "algorithm": "v2"})
    assert info.value.code == "team_algorithm_unknown"
    assert info.value.field == "algorithm"
    twice = {**base, "inspectors": base["inspectors"] + base["inspectors"][:1]}
    with pytest.raises(ssj.TeamError) as info:
        ssj.assign_teams(twice)
    assert info.value.code == "team_request_invalid"
