"""A clerk's pipeline from Python (issue #25 goal 1): a roster as a pandas DataFrame (of
``object`` columns, and of ``string[pyarrow]`` columns as pandas 3 reads text by default)
and as a pyarrow Table → eligibility with quotas and reasons → the joint draw of several items
→ the selected list, the new route (the roster and the report kept in the core, the
frame read column by column) against the old one in the same run (the frame's CSV
export read into roster JSON, eligibility over JSON, the report as a dict, ``draw()`` on
the report's eligible lists, the result as a dict).

    pip install ./bindings-python pandas pyarrow
    python bindings-python/bench/bench_pipeline.py [--n 1000000] [--reps 3] [--shuffle]

Prints the median wall (and process CPU) time of each step and of the whole, new and
old, and the ratio. The plan (its Merkle commitments over every eligible entry) is
committed before any randomness and is timed apart, not in the pipeline. Synthetic
county: valid USCCs, credit classes A–D (30/55/12/3 %), 2 % outside the jurisdiction and
1 % deregistered and 10 % retailers outside the items' scope (excluded, with reasons),
two items drawn jointly. The rows are in USCC order unless ``--shuffle`` puts them in a
random order, as a registration system's export usually is (by date or by name): the
roster then moves every record once into code order. With pandas 3 installed, a frame
of its default text dtype (``str``, Arrow-backed: what ``pd.read_csv`` gives) is timed
too.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import statistics
import time
from typing import Any, Callable, Dict, List, Tuple

import shuangsuiji as ssj
from shuangsuiji import _shuangsuiji as _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "huolinguole"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
REQUEST = {
    "authority": {"id": "huolinguole-market", "department": "market", "level": "county", "jurisdiction": "150581"},
    "year": 2026,
    "date": "2026-03-02",
    "items": ["market.food_production", "market.food_label"],
    "policy": {"preset": {"name": "neimenggu_bayannaoer_2022"}},
}
SEED = "5a" * 32


def uscc(i: int) -> str:
    """A valid code (GB 11714 and GB 32100 check characters computed here: test data)."""
    body = f"{i:08d}"
    s = sum(ORG_CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    first17 = "91150581" + body + ("X" if c == 10 else "0" if c == 11 else str(c))
    t = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - t % 31) % 31]


def frame(n: int, shuffle: bool = False) -> Any:
    import pandas as pd

    rng = random.Random(20260302)  # test data only
    codes = [uscc(i) for i in range(n)]
    if shuffle:
        rng.shuffle(codes)
    classes = rng.choices(["A类", "B类", "C类", "D类"], weights=[30, 55, 12, 3], k=n)
    division = rng.choices(["150581", "150502"], weights=[98, 2], k=n)
    status = rng.choices(["存续", "注销"], weights=[99, 1], k=n)
    category = rng.choices(["food_production:grain", "food_production:dairy", "retail"], weights=[60, 30, 10], k=n)
    risk = rng.choices(["A级", "B级", "C级", "D级"], weights=[40, 40, 15, 5], k=n)
    return pd.DataFrame({
        "统一社会信用代码": codes,
        "企业名称": [f"示例食品有限公司{i}" for i in range(n)],
        "行政区划": division,
        "信用风险分类": classes,
        "食品安全风险等级": risk,
        "行业类别": category,
        "登记状态": status,
    }, dtype=object)


def draw_input(report: Dict[str, Any], catalog: ssj.Catalog) -> Dict[str, Any]:
    """The old route's draw input: the report's eligible lists and quotas, as a user
    wrote it (the departments from the catalog)."""
    dept = {i["id"]: i["department"] for i in catalog.items}
    return {"algorithm": "v1", "task_id": "HLGL-2026-SP-01", "seed": SEED, "mode": "fixed", "items": [
        {"item_id": it["item"], "department": dept[it["item"]], "strata": [
            {"key": s["key"], "eligible": s["eligible"], "quota": s["quota"]} for s in it["strata"]]}
        for it in report["items"]]}


def old_route(df: Any, catalog: ssj.Catalog) -> Tuple[Dict[str, float], List[str]]:
    t = {}
    s = time.perf_counter()
    opts = json.dumps({"format": "csv", "encoding": "utf-8", "file_name": "<DataFrame>"})
    roster_json = _core.read_enterprises(df.to_csv(index=False).encode("utf-8"), opts)
    t["read"] = time.perf_counter() - s
    s = time.perf_counter()
    report = json.loads(_core.eligibility(ssj._dumps(REQUEST), catalog.to_json(), roster_json, "[]"))
    t["eligibility"] = time.perf_counter() - s
    s = time.perf_counter()
    result = ssj.draw(draw_input(report, catalog))
    selected = [v["uscc"] for v in result["visits"]]
    t["draw + list"] = time.perf_counter() - s
    return t, selected


def new_route(source: Any, catalog: ssj.Catalog, plan: Any) -> Tuple[Dict[str, float], List[str]]:
    t = {}
    s = time.perf_counter()
    roster = ssj.read_enterprises(source)
    t["read"] = time.perf_counter() - s
    s = time.perf_counter()
    report = ssj.eligibility(REQUEST, catalog, roster, ())
    t["eligibility"] = time.perf_counter() - s
    s = time.perf_counter()
    plan_doc = plan(report)
    t["(plan, apart)"] = time.perf_counter() - s
    s = time.perf_counter()
    selected = ssj.draw_eligible(report, catalog, plan_doc, SEED).selection_columns()["visits"]["uscc"]
    t["draw + list"] = time.perf_counter() - s
    return t, selected


def median_table(name: str, runs: List[Dict[str, float]]) -> Dict[str, float]:
    keys = list(runs[0])
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    total = statistics.median(sum(v for k, v in r.items() if not k.startswith("(")) for r in runs)
    med["total"] = total
    cells = "  ".join(f"{k} {v:6.3f}" for k, v in med.items())
    print(f"{name:<31} {cells}")
    return med


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--shuffle", action="store_true", help="rows in no USCC order")
    args = ap.parse_args()
    import pandas as pd
    import pyarrow as pa

    catalog = ssj.read_catalog(DATA / "catalog.json")
    inspectors = ssj.read_inspectors(DATA / "inspectors.csv")
    meta = {"task_id": "HLGL-2026-SP-01", "reveal_order": "after_beacon",
            "beacons": [{"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2026025"}],
            "parties": [{"party_id": "notary", "commitment": ssj.commitment("notary", "11" * 32)}]}

    def plan(report: Any) -> Any:
        return ssj.plan_from_eligibility(report, catalog, inspectors, meta)

    t = time.perf_counter()
    df = frame(args.n, args.shuffle)
    table = pa.Table.from_pandas(df, preserve_index=False)
    sources = {"new, DataFrame": df, "new, DataFrame string[pyarrow]": df.astype("string[pyarrow]")}
    if int(pd.__version__.split(".")[0]) >= 3:
        # pandas 3's own text dtype (Arrow-backed, NaN for a missing cell): what
        # ``pd.read_csv`` gives.
        sources["new, DataFrame str (pandas 3)"] = df.astype("str")
    sources["new, pyarrow Table"] = table
    order = "in no USCC order" if args.shuffle else "in USCC order"
    print(f"{args.n} enterprises ({order}) generated in {time.perf_counter() - t:.1f} s; "
          f"pandas {pd.__version__}, pyarrow {pa.__version__}; load {os.getloadavg()[0]:.1f}")
    runs: Dict[str, List[Dict[str, float]]] = {"old (to_csv, JSON)": [], **{name: [] for name in sources}}
    sizes = {}
    for _ in range(args.reps):  # alternately, so that the machine's load falls on each alike
        tt, sel_old = old_route(df, catalog)
        runs["old (to_csv, JSON)"].append(tt)
        for name, source in sources.items():
            tt, sel = new_route(source, catalog, plan)
            runs[name].append(tt)
            sizes[name] = len(sel)
        sizes["old (to_csv, JSON)"] = len(sel_old)
    print(f"medians of {args.reps} (s); load {os.getloadavg()[0]:.1f}; selected {sizes}")
    meds = {name: median_table(name, r) for name, r in runs.items()}
    old = meds["old (to_csv, JSON)"]["total"]
    for name in sources:
        print(f"{name}: {old / meds[name]['total']:.1f}x the old route's speed (total without the plan)")


if __name__ == "__main__":
    main()
