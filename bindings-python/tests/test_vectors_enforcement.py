"""tests/vectors/{calendar,deadlines,leniency,discretion,credit_repair} through the
binding (as core/tests/all/enforcement_*.rs)."""

import datetime as dt

import pytest

import shuangsuiji as ssj
from vectors import case_id, load

CAL = load("calendar/cases.json")
TABLE = load("calendar/workdays-2024-2026.json")
DEADLINES = load("deadlines/deadlines.json")
LENIENCY = load("leniency/cases.json")["cases"]
BANDS = load("discretion/bands.json")["cases"]
REPAIR = load("credit_repair/cases.json")["cases"]
LISTS = load("credit_repair/lists.json")["cases"]


@pytest.fixture(scope="module")
def cal():
    return ssj.Calendar()


def test_committed_table(cal):
    days = TABLE["days"]
    assert len(days) == 366 + 365 + 365
    assert cal.table() == days
    for d, s in days.items():
        assert cal.status(d) == s, d
        assert cal.is_working_day(dt.date.fromisoformat(d)) == (s in ("workday", "makeup_workday"))


@pytest.mark.parametrize("case", CAL["data_cases"], ids=case_id)
def test_data_cases(case):
    if "error" in case:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            ssj.Calendar.from_years([case["year_data"]])
        assert info.value.code == case["error"]
    else:
        ssj.Calendar.from_years([case["year_data"]])


@pytest.mark.parametrize("case", DEADLINES["kind_cases"], ids=case_id)
def test_deadline_kinds(cal, case):
    if "error" in case:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            cal.deadline(case["kind"], case["start"])
        assert info.value.code == case["error"]
        return
    d = cal.deadline(case["kind"], case["start"])
    assert d["due"] == case["due"]
    assert cal.is_working_day(d["due"])


@pytest.mark.parametrize("case", DEADLINES["period_cases"], ids=case_id)
def test_deadline_periods(cal, case):
    period = {"unit": case["unit"], "count": case["count"]}
    if "error" in case:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            cal.due_date(case["start"], period)
        assert info.value.code == case["error"]
    else:
        assert cal.due_date(case["start"], period).isoformat() == case["due"]


def test_every_deadline_kind_has_provenance():
    kinds = ssj.deadline_kinds()
    assert kinds
    for k in kinds:
        assert k["provenance"].get("article") and k["provenance"].get("effective_from")


@pytest.mark.parametrize("case", LENIENCY, ids=case_id)
def test_leniency(case):
    def run():
        return ssj.decide(case.get("entry"), case["facts"], case.get("history", []), case["on"])

    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            run()
        assert info.value.code == expect["error"]
        return
    dec = run()
    assert dec["outcome"] == expect["outcome"]
    assert dec["deciding_rule"] == expect["deciding_rule"]
    if "education" in expect:
        assert (dec.get("education_note") is not None) == expect["education"]
    for rule, kinds in expect.get("unmet", {}).items():
        r = next(r for r in dec["rules"] if r["rule"] == rule)
        assert [x["condition"]["kind"] for x in r["conditions"] if not x["met"]] == kinds
    for want in expect.get("basis", []):
        assert any(all(b.get(k) == v for k, v in want.items()) for b in dec["basis"]), (want, dec["basis"])


def test_bundled_menus():
    menus = {m["id"]: m for m in ssj.bundled_menus()}
    assert len(menus["samr-2025-first-offence"]["entries"]) == 8
    assert len(menus["samr-2025-minor"]["entries"]) == 4
    assert ssj.bundled_menu_entry("samr-2025-first-offence-5")["id"] == "samr-2025-first-offence-5"
    assert menus["samr-2025-minor"]["scope"]["territory"] == "national"
    assert menus["shandong-2021-food"]["scope"]["territory"] == {"division": "370000"}
    assert all(e["scope"] == menus["shandong-2021-food"]["scope"] for e in menus["shandong-2021-food"]["entries"])


@pytest.mark.parametrize("case", BANDS, ids=case_id)
def test_discretion(case):
    preset = None
    if "preset" in case:
        preset = ssj.default_discretion_preset()
        preset["lighter_upper"] = case["preset"]["lighter_upper"]
        preset["ordinary_upper"] = case["preset"]["ordinary_upper"]
    e = case["expect"]
    if "error" in e:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            ssj.discretion_band(case["range"], case["band"], preset)
        assert info.value.code == e["error"]
        return
    r = ssj.discretion_band(case["range"], case["band"], preset)
    assert r.get("min_fen") == e["min_fen"] and r.get("max_fen") == e["max_fen"]


def check_assessment(run, e, keys):
    """An expected error code, or the listed keys (absent = None) and the unmet conditions."""
    if "error" in e:
        with pytest.raises(ssj.ShuangsuijiError) as info:
            run()
        assert info.value.code == e["error"]
        return
    a = run()
    for key in keys:
        if key in e:
            assert a.get(key) == e[key], key
    if "unmet" in e:
        assert [x["condition"] for x in a["conditions"] if not x["met"]] == e["unmet"]


@pytest.mark.parametrize("case", REPAIR, ids=case_id)
def test_credit_repair(case):
    check_assessment(
        lambda: ssj.credit_repair_assess(case["record"], case["facts"], case["on"], case.get("policy")),
        case["expect"],
        ["regime", "published", "eligible_now", "publicity_last_day", "earliest_repair_application",
         "favourable_terms", "terms"],
    )


@pytest.mark.parametrize("case", LISTS, ids=case_id)
def test_list_removal(case):
    check_assessment(
        lambda: ssj.list_removal_assess(case["record"], case["facts"], case["on"]),
        case["expect"],
        ["earliest_removal_application", "last_day_listed", "decision_working_days", "mandatory_removal",
         "eligible_now"],
    )
