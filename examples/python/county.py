"""The bundled sample county (霍林郭勒市, SYNTHETIC data) end to end from Python.

Run it like a notebook, top to bottom:

    pip install ./bindings-python
    python examples/python/county.py [OUT_DIR]

It loads the roster, history and catalog shipped in examples/data/huolinguole/, checks
the files, builds the eligibility report of a food-production task, commits the plan,
holds the seed ceremony (a 双色球 beacon, two parties reveal), publishes the draw and
writes, as examples/rust/county.rs does,

* OUT_DIR/visits.csv — the visit list, UTF-8 with BOM so that Excel opens it directly;
* OUT_DIR/{plan.json, plan.hash, log.json, log.head, result.json, eligible.json,
  catalog.json} and OUT_DIR/receipts/<USCC>.json — the published files, checked at the
  end with verify_draw and verify_receipt.
"""

from __future__ import annotations

import csv
import json
import pathlib
import sys
from typing import Any

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
request: ssj.PlanRequest = {
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


# %% 4. The plan, committed before any randomness exists. In a real task each party draws
# 32 random bytes and publishes only the commitment; the secrets here are demo values.
TASK = "HLGL-2026-SP-01"
secrets = {"notary-hlgl": "11" * 32, "scjgj": "22" * 32}
beacon_spec = {"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2026025"}
parties = [{"party_id": p, "commitment": ssj.commitment(p, s)} for p, s in secrets.items()]
meta = {"task_id": TASK, "reveal_order": "after_beacon", "beacons": [beacon_spec], "parties": parties}
plan = ssj.plan_from_eligibility(report, catalog, inspectors, meta)
plan_hash = ssj.plan_hash(plan)
eligible, excluded = ssj.eligible_leaves(report), ssj.excluded_leaves(report)
print(f"plan {TASK}: hash {plan_hash}")

# %% 5. The ceremony: the beacon is recorded, the parties reveal, the seed follows.
value = ssj.beacon_canonicalize("cwl_ssq", "03 07 11 19 26 31 + 09")
log = ssj.log_append(ssj.new_log(plan_hash), {"kind": "beacon", "attempt": 0, "source": "ssq", "value": value})
reveals = [{"party": p, "secret": s} for p, s in secrets.items()]
for r in reveals:
    log = ssj.log_append(log, {"kind": "reveal", "attempt": 0, **r})
seed = ssj.ceremony_seed(plan_hash, 0, [beacon_spec], parties, reveals, [{"source": "ssq", "value": value}])

# %% 6. The draw, published with its log and one receipt per enterprise.
result, log = ssj.publish_draw(plan, eligible, catalog, log, 0, seed)
log_head = log["entries"][-1]["hash"]
visits = result["draw"]["visits"]
print(f"seed {seed}: {len(visits)} visits")

OUT.mkdir(parents=True, exist_ok=True)
names = {e["uscc"]: e for e in roster.enterprises}
with open(OUT / "visits.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f)
    w.writerow(["统一社会信用代码", "企业名称", "乡镇街道", "检查事项", "部门", "分层", "依据", "签号"])
    for v in visits:
        e = names.get(v["uscc"], {})
        w.writerow([
            v["uscc"], e.get("name", ""), e.get("town", ""),
            "、".join(i["item_id"] for i in v["items"]), "、".join(v["departments"]),
            "、".join(i["stratum"] for i in v["items"]), "、".join(i["basis"] for i in v["items"]), v["ticket"],
        ])


def write(path: pathlib.Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


(OUT / "receipts").mkdir(exist_ok=True)
for name, doc in [("plan.json", plan), ("log.json", log), ("result.json", result), ("eligible.json", eligible)]:
    write(OUT / name, doc)
(OUT / "catalog.json").write_text(catalog.to_json(), encoding="utf-8")
(OUT / "plan.hash").write_text(plan_hash + "\n", encoding="utf-8")
(OUT / "log.head").write_text(log_head + "\n", encoding="utf-8")
for r in ssj.receipts(plan, eligible, excluded, result):
    write(OUT / "receipts" / f"{r['uscc']}.json", r)

# %% 7. Anyone can check the published files: the whole draw, and each receipt.
def read(name: str) -> Any:
    return json.loads((OUT / name).read_text(encoding="utf-8"))


summary = ssj.verify_draw(read("plan.json"), plan_hash, read("catalog.json"), read("log.json"), log_head,
                          read("eligible.json"), read("result.json"))
selected = 0
for path in sorted((OUT / "receipts").glob("*.json")):
    verdict = ssj.verify_receipt(json.loads(path.read_text(encoding="utf-8")), plan, result)
    selected += any(i["selected"] for i in verdict["items"])
print(f"verified: {summary['visits']} visits, {selected} receipts say selected; wrote {OUT}/")
