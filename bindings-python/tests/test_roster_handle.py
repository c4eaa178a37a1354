"""The roster and the eligibility report kept in the core (issue #25): a DataFrame or a
pyarrow Table read column by column gives what its CSV export gives (roster or first
error), eligibility takes the roster handle and its report stays in the core until read
as a dict, and the plan and the draw take the report as it is held there."""

from __future__ import annotations

import copy
import json
import pathlib
import pickle

import pytest

import shuangsuiji as ssj
from shuangsuiji import _shuangsuiji as _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "huolinguole"

REQUEST = {
    "authority": {"id": "huolinguole-market", "department": "market", "level": "county", "jurisdiction": "150581"},
    "year": 2026,
    "date": "2026-03-02",
    "items": ["market.food_production", "market.food_label"],
    "policy": {"preset": {"name": "neimenggu_bayannaoer_2022"}},
}


def frame():
    pd = pytest.importorskip("pandas")
    return pd.read_csv(DATA / "enterprises-gbk.csv", dtype=str, keep_default_na=False, encoding="gbk")


def by_csv(df, options=None):
    """The old route: the frame's CSV export read by the core."""
    opts = {"format": "csv", "encoding": "utf-8", "file_name": "<DataFrame>", **(options or {})}
    return ssj.Roster(df.to_csv(index=False).encode("utf-8"), opts)


def first_error(f):
    with pytest.raises(ssj.ShuangsuijiError) as info:
        f()
    e = info.value
    return (e.code, type(e).__name__, {k: v for k, v in e.details.items() if k != "index"})


def test_a_frame_reads_by_columns_as_its_csv():
    df = frame()
    roster = ssj.read_enterprises(df)
    assert len(roster) == len(df) == 2000
    assert roster._data is None and roster._json is None  # len() built nothing
    assert roster.to_json() == by_csv(df).to_json()
    assert roster.enterprises == json.loads(roster.to_json())
    assert roster.enterprises == ssj.read_enterprises(DATA / "enterprises-gbk.csv").enterprises
    again = pickle.loads(pickle.dumps(roster))
    assert len(again) == 2000 and again.to_json() == roster.to_json()
    assert copy.deepcopy(roster).enterprises == roster.enterprises


def test_arrow_tables_and_arrow_backed_frames_read_alike():
    pa = pytest.importorskip("pyarrow")
    df = frame()
    want = by_csv(df).to_json()
    table = pa.Table.from_pandas(df, preserve_index=False)
    assert ssj.read_enterprises(table).to_json() == want
    chunked = pa.concat_tables([table.slice(0, 700), table.slice(700)])
    assert ssj.read_enterprises(chunked).to_json() == want
    large = table.cast(pa.schema([(n, pa.large_string()) for n in table.column_names]))
    assert ssj.read_enterprises(large).to_json() == want
    assert ssj.read_enterprises(df.astype("string[pyarrow]")).to_json() == want


def test_the_columnar_route_is_taken_and_falls_back_only_where_to_csv_decides(monkeypatch):
    df = frame()
    calls = []
    real = _core.read_enterprise_columns
    monkeypatch.setattr(_core, "read_enterprise_columns", lambda *a: calls.append(1) or real(*a))
    ssj.read_enterprises(df)
    assert calls == [1]
    numeric = df.copy()
    numeric["投诉举报数"] = range(len(df))  # numbers: to_csv writes them, the CSV route reads them
    assert ssj.read_enterprises(numeric).to_json() == by_csv(numeric).to_json()
    assert calls == [1]


def test_errors_are_those_of_the_csv_route():
    df = frame()
    cases = []
    bad = df.copy()
    bad.loc[4, "信用风险分类"] = "Z"
    cases.append(bad)
    empty = df.copy()
    empty.loc[7, "企业名称"] = None  # a missing cell: to_csv writes it empty
    cases.append(empty)
    dup = df.copy()
    dup.loc[9, "统一社会信用代码"] = dup.loc[3, "统一社会信用代码"]
    cases.append(dup)
    quoted = df.copy()
    quoted.loc[11, "行政区划"] = 'a,"b"'
    cases.append(quoted)
    cases.append(df.drop(columns=["登记状态"]))
    cases.append(df.rename(columns={"企业名称": "公司"}))
    for case in cases:
        got = first_error(lambda: ssj.read_enterprises(case))
        assert got == first_error(lambda: by_csv(case)), got
    with pytest.raises(ssj.ValidationError) as info:
        ssj.read_enterprises(bad.set_index(bad.index + 100))
    assert (info.value.code, info.value.row, info.value.details["index"]) == ("credit_class_unknown", 6, "104")
    limited = first_error(lambda: ssj.read_enterprises(df, {"limits": {"max_rows": 10}}))
    assert limited == first_error(lambda: by_csv(df, {"limits": {"max_rows": 10}}))
    assert limited[0] == "too_many_rows"


def test_eligibility_takes_the_handle_and_the_report_is_built_on_first_access():
    roster = ssj.read_enterprises(frame())
    catalog = ssj.read_catalog(DATA / "catalog.json")
    history = ssj.read_history(DATA / "history.csv")
    report = ssj.eligibility(REQUEST, catalog, roster, history)
    assert isinstance(report, ssj.EligibilityReport) and isinstance(report, dict)
    assert not report._filled
    # The former route: the table operation over the roster's JSON, its JSON loaded.
    old = json.loads(_core.eligibility(json.dumps(REQUEST), catalog.to_json(), roster.to_json(), json.dumps(history)))
    assert json.loads(report.to_json()) == old and not report._filled
    assert json.loads(json.dumps(report, ensure_ascii=False)) == old  # the C encoder asks items()
    assert report == old and report._filled
    assert dict(report) == old and {**report} == old and len(report) == len(old)
    assert copy.deepcopy(report) == old and pickle.loads(pickle.dumps(report)) == old
    assert list(report) == list(old) and "items" in report and report.get("year") == 2026
    fresh = ssj.eligibility(REQUEST, catalog, roster, history)
    assert repr(fresh) == repr(old) and fresh.to_dataframe().shape == report.to_dataframe().shape


def test_plan_and_draw_from_the_report_handle_equal_the_published_draw():
    roster = ssj.read_enterprises(frame())
    catalog = ssj.read_catalog(DATA / "catalog.json")
    inspectors = ssj.read_inspectors(DATA / "inspectors.csv")
    report = ssj.eligibility(REQUEST, catalog, roster, ssj.read_history(DATA / "history.csv"))
    secrets = {"notary-hlgl": "11" * 32, "scjgj": "22" * 32}
    beacon = {"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2026025"}
    parties = [{"party_id": p, "commitment": ssj.commitment(p, s)} for p, s in secrets.items()]
    meta = {"task_id": "HLGL-2026-SP-01", "reveal_order": "after_beacon", "beacons": [beacon], "parties": parties}
    plan = ssj.plan_from_eligibility(report, catalog, inspectors, meta)
    assert not report._filled
    assert plan == ssj.plan_from_eligibility(json.loads(report.to_json()), catalog, inspectors, meta)
    plan_hash = ssj.plan_hash(plan)
    value = ssj.beacon_canonicalize("cwl_ssq", "03 07 11 19 26 31 + 09")
    log = ssj.log_append(ssj.new_log(plan_hash), {"kind": "beacon", "attempt": 0, "source": "ssq", "value": value})
    reveals = [{"party": p, "secret": s} for p, s in secrets.items()]
    for r in reveals:
        log = ssj.log_append(log, {"kind": "reveal", "attempt": 0, **r})
    seed = ssj.ceremony_seed(plan_hash, 0, [beacon], parties, reveals, [{"source": "ssq", "value": value}])
    result, _ = ssj.publish_draw(plan, ssj.eligible_leaves(report), catalog, log, 0, seed)
    drawn = ssj.draw_eligible(report, catalog, plan, seed)
    assert not report._filled
    assert isinstance(drawn, ssj.DrawHandle) and drawn.to_dict() == result["draw"]
    assert ssj.draw_eligible(report.to_json(), catalog.to_json(), plan, seed).to_dict() == result["draw"]
    # An edited report (a dict now) is read from its dict, not from the handle.
    report["items"][0]["strata"][0]["key"] = "Z"
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.draw_eligible(report, catalog, plan, seed)
    assert info.value.code == "root_mismatch"


def test_a_write_to_the_unbuilt_report_is_kept_and_reaches_the_core():
    roster = ssj.read_enterprises(frame())
    catalog = ssj.read_catalog(DATA / "catalog.json")
    history = ssj.read_history(DATA / "history.csv")
    old = json.loads(ssj.eligibility(REQUEST, catalog, roster, history).to_json())
    for change in (
        lambda r: r.__setitem__("note", "x"),
        lambda r: r.update(note="x"),
        lambda r: r.setdefault("note", "x"),
        lambda r: r.__ior__({"note": "x"}),
    ):
        report = ssj.eligibility(REQUEST, catalog, roster, history)
        change(report)
        assert report == {**old, "note": "x"} and report["note"] == "x"
        # The plan and the draw take the edited dict, not the core's report: the core
        # refuses the unknown key.
        with pytest.raises(ssj.ShuangsuijiError) as info:
            report._core_handle()
        assert info.value.code == "json_shape"
    report = ssj.eligibility(REQUEST, catalog, roster, history)
    assert report.pop("year") == old["year"] and "year" not in report
    report = ssj.eligibility(REQUEST, catalog, roster, history)
    del report["year"]
    assert "year" not in report and len(report) == len(old) - 1
    report = ssj.eligibility(REQUEST, catalog, roster, history)
    report.clear()
    assert report == {} and not report
    report = ssj.eligibility(REQUEST, catalog, roster, history)
    assert list(reversed(report)) == list(reversed(list(old)))
    assert (report | {"note": "x"}) == {**old, "note": "x"}
