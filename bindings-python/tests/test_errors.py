"""Error codes for bad input, from Python: each case names the code it must raise,
and the error carries the core's structured details (row, column, field)."""

import base64
import copy
import json

import pytest

import shuangsuiji as ssj
from vectors import load

ENT = "uscc,name,division,credit_class,status,风险等级\n"
HIST = "任务编号,统一社会信用代码,检查日期,检查机关,部门,层级,管辖区划,检查类型\n"
INSP = "执法证号,姓名,部门,持证,在岗\n"
ITEM = {"id": "market.food", "name": "食品", "department": "market", "kind": "key", "form": "joint",
        "provenance": {"document": "d", "verification": "verified"}}
PLAN = load("verify/plan.json")["plan"]
XLSX = base64.b64decode(next(c for c in load("intake/ok.json")["cases"] if c["name"] == "ok_xlsx")["input_base64"])


def catalog(**item):
    return {"id": "c", "version": "1", "items": [dict(ITEM, **item)]}


def plan_with(path, value):
    p = copy.deepcopy(PLAN)
    target = p
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return p


CASES = [
    # (code, callable, expected details subset)
    ("risk_grade_unknown", lambda: ssj.read_enterprises((ENT + "91350100M000100Y43,示例,150581,A,active,zz\n").encode()),
     {"row": 2, "column": "风险等级", "field": "food_risk_grade"}),
    ("status_unknown", lambda: ssj.read_enterprises((ENT + "91350100M000100Y43,示例,150581,A,zz,\n").encode()),
     {"row": 2, "column": "status"}),
    ("division_invalid", lambda: ssj.read_enterprises((ENT + "91350100M000100Y43,示例,1505,A,active,\n").encode()),
     {"row": 2, "column": "division"}),
    ("level_unknown", lambda: ssj.read_history(
        (HIST + "T1,91350100M000100Y43,2024年4月12日,hlgl-market,market,宇宙级,150581,双随机\n").encode()),
     {"row": 2, "column": "层级", "field": "level"}),
    ("check_kind_unknown", lambda: ssj.read_history(
        (HIST + "T1,91350100M000100Y43,2024年4月12日,hlgl-market,market,县级,150581,zz\n").encode()),
     {"row": 2, "column": "检查类型"}),
    ("department_invalid", lambda: ssj.read_history(
        (HIST + "T1,91350100M000100Y43,2024年4月12日,hlgl-market,Market Dept,县级,150581,双随机\n").encode()),
     {"row": 2, "column": "部门"}),
    ("text_empty", lambda: ssj.validate("enterprise", {
        "uscc": "91350100M000100Y43", "name": " ", "division": "150581", "credit_class": "A", "status": "active"}),
     {"field": "name"}),
    ("text_empty", lambda: ssj.plan_hash(plan_with(["authority_id"], " ")), {"field": "authority_id"}),
    ("inspector_id_invalid", lambda: ssj.read_inspectors((INSP + "15058 1,张三,market,是,Y\n").encode()),
     {"row": 2, "column": "执法证号", "field": "id"}),
    ("too_many_bytes", lambda: ssj.read_enterprises(ENT.encode(), {"limits": {"max_bytes": 5}}), {}),
    ("decompressed_too_large", lambda: ssj.read_enterprises(
        XLSX, {"file_name": "a.xlsx", "limits": {"max_decompressed_bytes": 100}}), {"file": "a.xlsx"}),
    ("reference_unknown", lambda: ssj.validate("no_such_kind", {}), {"value": "no_such_kind"}),
    ("catalog_empty", lambda: ssj.Catalog({"id": "c", "version": "1", "items": []}), {"field": "catalog.items"}),
    ("item_kind_unknown", lambda: ssj.Catalog(catalog(kind="zz")), {}),
    ("verification_unknown", lambda: ssj.Catalog(catalog(provenance={"document": "d", "verification": "zz"})), {}),
    ("date_range_invalid", lambda: ssj.Catalog(catalog(provenance={
        "document": "d", "verification": "verified", "effective_from": "2025-01-02", "effective_to": "2025-01-01"})),
     {"field": "catalog.items[0].effective_to"}),
    ("department_unknown", lambda: ssj.Catalog(
        {"id": "c", "version": "1", "departments": [{"code": "fire", "name": "消防"}], "items": [ITEM]}), {}),
    ("item_id_invalid", lambda: ssj.Catalog(catalog(id="Bad Id")), {}),
    ("menu_entry_unknown", lambda: ssj.bundled_menu_entry("nope"), {"value": "nope"}),
    ("menu_invalid", lambda: ssj.parse_menu({
        "id": "local", "title": "t",
        "provenance": {"document": "synthetic example", "verification": "synthetic", "effective_from": "2025-01-01"},
        "scope": {"issuer": "示例", "territory": "national"},
        "entries": [{"id": "local-1", "number": 1, "status": "listed", "violation_type": "t",
                     "conditions": [{"kind": "corrected", "requirement": "immediately"}], "verification": "local"}]}),
     {}),
    ("hex_invalid", lambda: ssj.commitment("a", "XYZ"), {"field": "secret"}),
    ("ticket_invalid", lambda: ssj._core.draw_with_ticket_overrides(
        json.dumps({"algorithm": "v1", "task_id": "t", "seed": "00" * 32, "mode": "fixed", "items": []}),
        json.dumps({"91350100M000100Y43": "xyz"})), {}),
    ("count_invalid", lambda: ssj.plan_hash(plan_with(["items", 0, "strata", 0, "min"], 9)), {}),
    ("json_syntax", lambda: ssj.draw("{not json"), {}),
    ("deadline_unknown", lambda: ssj.Calendar().deadline("no_such_deadline", "2025-01-02"), {}),
]


@pytest.mark.parametrize("code, call, details", CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_error_code(code, call, details):
    with pytest.raises(ssj.ShuangsuijiError) as info:
        call()
    err = info.value
    assert err.code == code, str(err)
    assert isinstance(err, ValueError)
    family = {c["code"]: c["family"] for c in ssj.error_codes()}
    assert err.family == family[code]
    for key, value in details.items():
        assert err.details.get(key) == value, (key, err.details)


def test_check_returns_every_problem_with_rows():
    csv = (ENT + "91350100M000100Y43,,150581,Z,active,\n91350100M000100Y44,x,150581,A,active,\n").encode()
    problems = ssj.check_enterprises(csv, {"file_name": "r.csv"})
    assert [p["code"] for p in problems] == ["cell_empty", "credit_class_unknown", "uscc_check_character"]
    assert [p["details"]["row"] for p in problems] == [2, 2, 3]
    assert all(p["details"]["file"] == "r.csv" for p in problems)


def test_check_lists_at_most_max_problems_then_counts_the_rest():
    # 1 500 rows whose USCC has 17 characters: the first 1 000 problems are listed, then
    # one too_many_problems that says how many were left out (memory stays flat).
    rows = "91350100M000100Y4,n,150581,A,active,\n" * 1500
    problems = ssj.check_enterprises((ENT + rows).encode(), {"file_name": "r.csv"})
    assert len(problems) == 1001
    assert {p["code"] for p in problems[:1000]} == {"uscc_length"}
    last = problems[-1]
    assert (last["code"], last["family"]) == ("too_many_problems", "limit")
    assert int(last["details"]["omitted"]) == 500


def test_error_classes_per_family():
    with pytest.raises(ssj.InputError):
        ssj.draw("{not json")
    with pytest.raises(ssj.DrawError):
        ssj.draw({"algorithm": "v2", "task_id": "t", "seed": "00" * 32, "mode": "fixed", "items": []})
    with pytest.raises(ssj.VerifyError):
        ssj.commitment("a b", "00" * 32)
    with pytest.raises(ssj.EnforcementError):
        ssj.Calendar().status("2023-06-01")
    with pytest.raises(ssj.RulesError):
        ssj.preset("no_such_preset", "2025-01-01")


def test_errors_the_facade_finds_itself_speak_chinese_like_the_core():
    """A wrong argument type and a cell that is not text are found in Python, not the
    core; their message is still the core's Chinese one for the code and details, with
    the facade's English sentence as ``message_en``."""
    import re

    with pytest.raises(ssj.ShuangsuijiError) as e:
        ssj.read_enterprises("")
    assert e.value.code == "argument_type"
    assert re.search(r"[\u4e00-\u9fff]", e.value.message_zh)
    assert e.value.message == e.value.message_zh
    assert "neither JSON text nor the path" in e.value.message_en
    with pytest.raises(ssj.ShuangsuijiError) as e:
        ssj.draw_columns({"seed": "00" * 32}, ["x", float("nan")], ["A", "A"])
    assert e.value.code == "cell_invalid"
    assert re.search(r"[\u4e00-\u9fff]", e.value.message_zh)
    assert "第 2 行" in e.value.message_zh
