"""Optional dependencies: pandas DataFrames in and out, numpy / pyarrow columns for the
columnar draw. Skipped when the package is not installed."""

import pathlib

import pytest

import shuangsuiji as ssj
from vectors import load

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "huolinguole"
CASE = next(c for c in load("draw/v1/draws.json")["cases"] if c["name"] == "three_items_fixed")


def columns():
    """The three_items_fixed case as (spec, usccs, classes) — its strata keys are unique
    per pool, so the columnar path applies."""
    usccs, classes, seen = [], [], set()
    for item in CASE["input"]["items"]:
        for st in item["strata"]:
            for u in st["eligible"]:
                if (u, st["key"]) not in seen:
                    seen.add((u, st["key"]))
                    usccs.append(u)
                    classes.append(st["key"])
    spec = {**CASE["input"], "items": [
        {**it, "strata": [{k: v for k, v in st.items() if k != "eligible"} for st in it["strata"]]}
        for it in CASE["input"]["items"]]}
    return spec, usccs, classes


def test_columns_from_lists_and_tuples():
    spec, usccs, classes = columns()
    assert ssj.draw_columns(spec, usccs, classes) == CASE["expected"]
    assert ssj.draw_columns(spec, tuple(usccs), tuple(classes)) == CASE["expected"]


def test_columns_of_different_length_are_refused():
    spec, usccs, classes = columns()
    with pytest.raises(ssj.InputError) as info:
        ssj.draw_columns(spec, usccs, classes[:-1])
    assert info.value.code == "row_too_short"
    assert info.value.field == f"classes[{len(usccs) - 1}]"
    with pytest.raises(ValueError) as info:
        ssj.draw_columns(spec, usccs[:2], classes)
    assert info.value.field == "usccs[2]"


def test_handle_is_lazy_and_converts_once():
    spec, usccs, classes = columns()
    handle = ssj.draw_columns(spec, usccs, classes)
    assert "in Rust" in repr(handle)
    assert handle.selection_columns()["visits"]["uscc"] == [v["uscc"] for v in CASE["expected"]["visits"]]
    assert "in Rust" in repr(handle)  # the columns did not convert the whole result
    first = handle.to_dict()
    assert handle.to_dict() is first and "converted" in repr(handle)
    # A handle is accepted wherever a result is (through to_json()), and by json dumps.
    assert ssj.json.loads(ssj._json_text(handle)) == CASE["expected"]
    assert ssj.json.loads(ssj._dumps({"result": handle}))["result"] == CASE["expected"]


def test_bad_uscc_in_column_names_its_row():
    spec, usccs, classes = columns()
    usccs[3] = usccs[3][:-1] + ("0" if usccs[3][-1] != "0" else "1")
    with pytest.raises(ssj.ValidationError) as info:
        ssj.draw_columns(spec, usccs, classes)
    assert info.value.code == "uscc_check_character"
    assert info.value.field == "usccs[3]"


def test_numpy_columns():
    np = pytest.importorskip("numpy")
    spec, usccs, classes = columns()
    assert ssj.draw_columns(spec, np.array(usccs), np.array(classes, dtype=object)) == CASE["expected"]


def test_pyarrow_columns():
    pa = pytest.importorskip("pyarrow")
    spec, usccs, classes = columns()
    assert ssj.draw_columns(spec, pa.array(usccs), pa.array(classes)) == CASE["expected"]


def test_dataframe_in_and_out():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(DATA / "enterprises.csv", dtype=str, keep_default_na=False)
    roster = ssj.read_enterprises(df)
    assert len(roster) == len(df) == len(ssj.read_enterprises(DATA / "enterprises.csv"))
    assert roster.enterprises == ssj.read_enterprises(DATA / "enterprises.csv").enterprises
    out = roster.to_dataframe()
    assert list(out["uscc"])[:3] == [e["uscc"] for e in roster.enterprises[:3]]
    bad = df.copy()
    bad.loc[4, "credit_class"] = "Z"
    with pytest.raises(ssj.ValidationError) as info:
        ssj.read_enterprises(bad)
    assert (info.value.code, info.value.row, info.value.column) == ("credit_class_unknown", 6, "credit_class")


def test_eligibility_and_visits_dataframes():
    pytest.importorskip("pandas")
    v = load("eligibility/reasons_forced_in.ops.json")["cases"][0]["input"]
    report = ssj.eligibility(v["request"], v["catalog"], v["roster"], v["history"])
    df = report.to_dataframe()
    n_eligible = sum(len(s["eligible"]) for it in report["items"] for s in it["strata"])
    n_excluded = sum(len(it["excluded"]) for it in report["items"])
    assert len(df) == n_eligible + n_excluded
    assert set(df["status"]) <= {"eligible", "excluded"}
    visits = ssj.draw(CASE["input"]).to_dataframe()
    assert list(visits["统一社会信用代码"]) == [v["uscc"] for v in CASE["expected"]["visits"]]
    assert ssj.draw_columns(*columns()).to_dataframe().equals(visits)


def test_large_columns_equal_draw_and_name_rows():
    """40 000 rows: large enough for the core to read the columns in pieces (on
    threads); the result is still draw()'s on the same lists, and errors still name the
    first bad row."""
    n = 40_000
    # Distinct valid codes: the division digits vary, the organisation code is the
    # (valid) one of 91350100M000100Y43.
    usccs = [ssj.complete_uscc(f"91{i:06d}M000100Y4") for i in range(n)]
    classes = [("A", "B", "C", "other")[(i * 7 + i // 3) % 4] for i in range(n)]
    strata = [{"key": k, "quota": q} for k, q in (("A", 300), ("B", 200), ("C", 100))]
    spec = {"algorithm": "v1", "task_id": "large-columns", "seed": "5a" * 32, "mode": "fixed",
            "items": [{"item_id": "market.food_production", "department": "market", "strata": strata}]}
    pools = {k: [u for u, c in zip(usccs, classes) if c == k] for k in ("A", "B", "C")}
    full = {**spec, "items": [{**spec["items"][0], "strata": [
        {**st, "eligible": pools[st["key"]]} for st in strata]}]}
    assert ssj.draw_columns(spec, usccs, classes) == ssj.draw(full)
    bad = list(usccs)
    # Rows of class "other" join no stratum and are not read: the bad rows are not.
    r1 = next(i for i in range(39_001, n) if classes[i] != "other")
    r2 = next(i for i in range(39_500, n) if classes[i] != "other")
    bad[r1] = bad[r1][:-1] + ("0" if bad[r1][-1] != "0" else "1")
    bad[r2] = "X"
    with pytest.raises(ssj.ValidationError) as info:
        ssj.draw_columns(spec, bad, classes)
    assert (info.value.code, info.value.field) == ("uscc_check_character", f"usccs[{r1}]")
    bad[r1] = usccs[r1]
    with pytest.raises(ssj.ValidationError) as info:
        ssj.draw_columns(spec, bad, classes)
    assert (info.value.code, info.value.field) == ("uscc_length", f"usccs[{r2}]")
    # A bad row in the first half wins over one in the second.
    r0 = next(i for i in range(100, n) if classes[i] != "other")
    bad[r0] = "9115058100000000"
    with pytest.raises(ssj.ValidationError) as info:
        ssj.draw_columns(spec, bad, classes)
    assert (info.value.code, info.value.field) == ("uscc_length", f"usccs[{r0}]")
    with pytest.raises(ssj.InputError) as info:
        ssj.draw_columns(spec, usccs, classes[:-5])
    assert (info.value.code, info.value.field) == ("row_too_short", f"classes[{n - 5}]")


def test_cells_holding_line_breaks_are_refused():
    """Columns travel as newline-joined text: a cell with a line break would read as
    two rows and shift every row after it, so the core refuses the column."""
    spec, usccs, classes = columns()
    bad = list(usccs)
    bad[1] = bad[1] + "\n"
    with pytest.raises(ssj.InputError) as info:
        ssj.draw_columns(spec, bad, classes)
    assert (info.value.code, info.value.field) == ("cell_invalid", "usccs")
    # Two line breaks that would balance each other are refused as well.
    c2 = list(classes)
    c2[0] = c2[0] + "\n" + c2[0]
    bad2 = [usccs[0] + "\n" + usccs[1]] + usccs[2:]
    with pytest.raises(ssj.InputError) as info:
        ssj.draw_columns(spec, bad2, c2)
    assert info.value.code == "cell_invalid"
    # One empty cell is one row (not none): its USCC is read and refused.
    with pytest.raises(ssj.ValidationError) as info:
        ssj.draw_columns(spec, [""], [classes[0]])
    assert (info.value.code, info.value.field) == ("uscc_length", "usccs[0]")
    # Any iterable works.
    assert ssj.draw_columns(spec, iter(usccs), (c for c in classes)) == CASE["expected"]
