"""A province's draw on Apache Spark, end to end (SYNTHETIC data; issue #24).

    pip install ./bindings-python pyspark pyarrow 'pandas<3'    # and Java 17
    python examples/python/spark_province.py [OUT_DIR] [--n 20000]

1. generates a wide roster (one row per enterprise: USCC, credit class, which items
   apply) and writes it as Parquet — where a province's roster already is;
2. reads it on a local Spark (``local[2]``) and reshapes it into eligible entries
   (``spark.leaves_from_roster``);
3. commits the plan: populations, quotas and the eligible Merkle root computed on
   Spark (``spark.plan``); publishes the plan hash;
4. holds the seed ceremony (a 双色球 beacon, two parties reveal);
5. draws on Spark and publishes (``spark.publish_draw``): ``plan.json``, ``log.json``,
   ``result.json`` and ``eligible/`` (Parquet by item) in OUT_DIR;
6. makes every enterprise's receipt on the executors (``spark.receipts``), as a
   Parquet dataset by administrative division (``receipts.parquet/``) and as the
   files the verification page fetches (``receipts/<USCC>.json``);
7. reads the published ``eligible/`` Parquet back on Spark (``spark.parquet_leaves``:
   the executors read the files themselves) and gets the same plan and draw; adds the
   files a one-process verifier reads (``plan.hash``, ``log.head``,
   ``catalog.json``, ``eligible.json`` — this roster is small enough) and checks the
   whole folder with the library: ``verify_draw`` and ``verify_publication`` (the draw
   recomputed, every receipt checked).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import sys

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

import shuangsuiji as ssj
from shuangsuiji import spark as S

ROOT = pathlib.Path(__file__).resolve().parents[2]
CATALOG = ROOT / "examples" / "data" / "huolinguole" / "catalog.json"
ITEMS = {"market.food_production": ("food", "credit"), "fire.fire_safety": ("fire", "credit")}
RATIOS = {"credit=A": "1/100", "credit=B": "3/100", "credit=C": "10/100", "credit=D": "30/100"}
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"

ap = argparse.ArgumentParser()
ap.add_argument("out", nargs="?", default=str(ROOT / "out" / "spark-province"))
ap.add_argument("--n", type=int, default=20_000, help="enterprises in the generated roster")
args = ap.parse_args()
OUT = pathlib.Path(args.out)
OUT.mkdir(parents=True, exist_ok=True)


# %% 1. A generated roster of args.n enterprises in three counties, as Parquet.
def org_code(rng: random.Random) -> str:
    """8 characters and their GB 11714 check character."""
    body = "".join(rng.choice(ORG_CHARS) for _ in range(8))
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


rng = random.Random(2026)
usccs: set = set()
while len(usccs) < args.n:
    division = rng.choice(["150581", "150502", "150121"])
    usccs.add(ssj.complete_uscc("92" + division + org_code(rng)))
rows = sorted(usccs)
roster = pa.table(
    {
        "uscc": rows,
        "credit": [f"credit={rng.choice('AABBBBBCCD')}" for _ in rows],
        "food": [rng.random() < 0.4 for _ in rows],
        "fire": [rng.random() < 0.7 for _ in rows],
    }
)
# Some enterprises are out of the draw (deregistered): they are not eligible entries,
# but committed as exclusion leaves, and their receipts say why.
gone = rows[:: max(1, len(rows) // 7)][:7]
excluded = [{"uscc": u, "reasons": sorted(f"{i}:deregistered" for i in ITEMS), "evidence": ""} for u in gone]
roster = roster.filter(pa.array([u not in set(gone) for u in rows]))
pq.write_table(roster, OUT / "roster.parquet")
print(f"roster: {roster.num_rows} enterprises (+{len(gone)} deregistered) -> {OUT / 'roster.parquet'}")

# %% 2. Spark: the roster where it lives, reshaped into eligible entries.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
from pyspark.sql import SparkSession  # noqa: E402

spark = (
    SparkSession.builder.master("local[2]")
    .appName("shuangsuiji-province")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", "8")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
leaves = S.leaves_from_roster(spark.read.parquet(str(OUT / "roster.parquet")), ITEMS).cache()

# %% 3. The plan: everything but the counts and the root from the province's template.
catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
secrets = {"notary-nmg": "11" * 32, "nmg-market": "22" * 32}
beacon = {"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2026025"}
parties = [{"party_id": p, "commitment": ssj.commitment(p, s)} for p, s in secrets.items()]
template = {
    "algorithm": "v1",
    "task_id": "NMG-2026-JOINT-01",
    "authority_id": "nmg-market",
    "year": 2026,
    "plan_date": "2026-03-02",
    "catalog_hash": ssj.read_catalog(CATALOG).content_hash,
    "items": [
        {
            "item_id": item,
            "strata": [{"stratum_key": k, "population": 0, "quota": 0, "ratio": r, "min": 0} for k, r in RATIOS.items()],
        }
        for item in sorted(ITEMS)
    ],
    "excluded": ssj.merkle_tree("excluded", excluded)["commitment"],
    "inspectors": ssj.merkle_tree("inspector", [])["commitment"],
    "reveal_order": "after_beacon",
    "beacons": [beacon],
    "parties": parties,
    "max_substitutions": 0,
}
plan = S.plan(leaves, template)
plan_hash = ssj.plan_hash(plan)
for item in plan["items"]:
    print(item["item_id"] + ": " + ", ".join(f"{s['stratum_key']} {s['quota']}/{s['population']}" for s in item["strata"]))
print(f"plan hash {plan_hash} (eligible entries: {plan['eligible']['size']})")

# %% 4. The ceremony: the beacon is recorded, the parties reveal, the seed follows.
value = ssj.beacon_canonicalize("cwl_ssq", "03 07 11 19 26 31 + 09")
log = ssj.log_append(ssj.new_log(plan_hash), {"kind": "beacon", "attempt": 0, "source": "ssq", "value": value})
reveals = [{"party": p, "secret": s} for p, s in secrets.items()]
for r in reveals:
    log = ssj.log_append(log, {"kind": "reveal", "attempt": 0, **r})
seed = ssj.ceremony_seed(plan_hash, 0, [beacon], parties, reveals, [{"source": "ssq", "value": value}])

# %% 5. The draw on Spark, published.
ceremony_log = log
result, log = S.publish_draw(leaves, plan, catalog, ceremony_log, 0, seed, out_dir=str(OUT))
print(f"seed {seed}: {len(result['draw']['visits'])} visits")

# %% 6. Every enterprise's receipt, made on the executors.
receipts = S.receipts(leaves, plan, result, excluded).cache()
S.write_receipts(receipts, str(OUT / "receipts.parquet"))
S.write_receipt_files(receipts, str(OUT))
print(f"receipts: {receipts.count()} -> {OUT / 'receipts.parquet'} and {OUT / 'receipts'}/<USCC>.json")

# %% 7. Verify the folder with the library, as anyone can.
log_head = log["entries"][-1]["hash"]
# On their own Spark, straight from the published Parquet (eligible/item_id=…/): the
# executors read the files themselves; the same plan and the same draw come out.
published = S.parquet_leaves(spark, str(OUT / "eligible"))
assert S.plan(published, template) == plan, "the published entries give another plan"
again, _ = S.publish_draw(published, plan, catalog, ceremony_log, 0, seed)
assert again == result, "the published entries give another draw"
print(f"spark, from the published Parquet ({len(published.tasks)} tasks): the same plan and the same draw")
eligible = [r.asDict() for r in leaves.collect()]
spark.stop()
(OUT / "plan.hash").write_text(plan_hash + "\n", encoding="utf-8")
(OUT / "log.head").write_text(log_head + "\n", encoding="utf-8")
(OUT / "catalog.json").write_bytes(CATALOG.read_bytes())
(OUT / "eligible.json").write_text(json.dumps(eligible, ensure_ascii=False), encoding="utf-8")
summary = ssj.verify_draw(plan, plan_hash, catalog, log, log_head, eligible, result)
check = ssj.verify_publication(ssj.read_publication_folder(OUT))
print(f"verify_draw: {summary['visits']} visits recomputed; verify_publication: {check['receipts']} receipts checked, "
      f"{check['selected']} say selected")
