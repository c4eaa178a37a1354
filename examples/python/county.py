"""The bundled sample county (霍林郭勒市, SYNTHETIC data) end to end from Python.

Run it like a notebook, top to bottom:

    pip install ./bindings-python
    python examples/python/county.py [OUT_DIR]

It loads the roster, history and catalog shipped in examples/data/huolinguole/, checks
the files, builds the eligibility report of a joint food-production task, runs the v1
draw and writes

* OUT_DIR/visits.csv — the visit list, UTF-8 with BOM so that Excel opens it directly;
* OUT_DIR/receipt/ — a JSON receipt folder: the request, the eligibility report, the
  draw input and the draw result, plus a manifest of SHA-256 hashes of those files.

The publish area (plans from eligibility, signed receipts, verify_draw) is added to
the binding later; this script then switches to it. Until then the draw input is built
here from the report by plain field copying (see `draw_input`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import pathlib
import sys

import shuangsuiji as ssj

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "huolinguole"
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "python-county"

# %% 1. Check the files: every problem at once, with file, row and column.
for name, check in [("enterprises.csv", ssj.check_enterprises), ("history.csv", ssj.check_history),
                    ("inspectors.csv", ssj.check_inspectors), ("enterprises-gbk.csv", ssj.check_enterprises)]:
    problems = check(DATA / name)
    print(f"{name}: {len(problems)} problems")
    for p in problems[:5]:
        print("   ", p["code"], p["details"])

# %% 2. Load (handles are prepared once and reused).
roster = ssj.read_enterprises(DATA / "enterprises-gbk.csv")  # GBK, Chinese headers, as Excel exports it
catalog = ssj.read_catalog(DATA / "catalog.json")
history = ssj.read_history(DATA / "history.csv")
inspectors = ssj.read_inspectors(DATA / "inspectors.csv")
print(roster, catalog, f"{len(history)} history rows, {len(inspectors)} inspectors")

# %% 3. Eligibility: who may be drawn, who not, and why.
request = {
    "authority": {"id": "huolinguole-market", "department": "market", "level": "county", "jurisdiction": "150581"},
    "year": 2026,
    "date": "2026-03-02",
    "items": ["market.food_production", "market.food_label"],
    "policy": {"preset": {"name": "neimenggu_bayannaoer_2022"}},
}
report = ssj.eligibility(request, catalog, roster, history)
for item in report["items"]:
    strata = ", ".join(f"{s['key']}: {s['quota']}/{s['population']}" for s in item["strata"])
    print(f"{item['item']}: {strata}; excluded {len(item['excluded'])}, forced in {len(item['forced_in'])}")


# %% 4. The draw. In a real task the seed comes from the public ceremony
# (ssj.ceremony_seed: beacons + party secrets bound to the plan hash).
def draw_input(report: dict, seed: str, task_id: str) -> dict:
    department = {i["id"]: i["department"] for i in catalog.items}
    return {
        "algorithm": "v1",
        "task_id": task_id,
        "seed": seed,
        "mode": "fixed",
        "items": [
            {
                "item_id": it["item"],
                "department": department[it["item"]],
                "strata": [{"key": s["key"], "eligible": s["eligible"], "quota": s["quota"]} for s in it["strata"]],
            }
            for it in report["items"]
        ],
    }


seed = ssj.derive_seed(
    catalog.content_hash,  # stands in for the plan hash until publish is bound
    0,
    [{"source": "ssq", "value": "03.07.11.19.26.31+09"}],
    [{"party": "notary-hlgl", "secret": "11" * 32}, {"party": "scjgj", "secret": "22" * 32}],
)
draw_in = draw_input(report, seed, "HLGL-2026-SP-01")
result = ssj.draw(draw_in)
print(f"{len(result['visits'])} visits")

# %% 5. Outputs: an Excel-friendly CSV of the visit list and a JSON receipt folder.
OUT.mkdir(parents=True, exist_ok=True)
names = {e["uscc"]: e for e in roster.enterprises}
with open(OUT / "visits.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f)
    w.writerow(["统一社会信用代码", "企业名称", "乡镇街道", "检查事项", "部门", "分层", "依据", "签号"])
    for v in result["visits"]:
        e = names.get(v["uscc"], {})
        w.writerow([
            v["uscc"], e.get("name", ""), e.get("town", ""),
            "、".join(i["item_id"] for i in v["items"]), "、".join(v["departments"]),
            "、".join(i["stratum"] for i in v["items"]), "、".join(i["basis"] for i in v["items"]), v["ticket"],
        ])

receipt = OUT / "receipt"
receipt.mkdir(exist_ok=True)
manifest = {}
for name, value in [("request.json", request), ("eligibility.json", report),
                    ("draw_input.json", draw_in), ("draw_result.json", result)]:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (receipt / name).write_text(text, encoding="utf-8")
    manifest[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
manifest["catalog_content_hash"] = catalog.content_hash
(receipt / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")

# Anyone can re-run the draw from the receipt and get the same result.
again = ssj.draw(json.loads((receipt / "draw_input.json").read_text(encoding="utf-8")))
assert again == result
print(f"wrote {OUT / 'visits.csv'} and {receipt}/")
