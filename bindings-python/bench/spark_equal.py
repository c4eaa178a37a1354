"""Issue #24's proof at size: the plan, its hash, the published result and the log made
on Spark ``local[2]`` are identical to the one-process ones, on generated rosters of
100 000 and 5 000 000 enterprises (the test command checks 20 000 and the random
partitionings; this is the large run, a benchmark because of its time and memory).

    pip install ./bindings-python pyspark pyarrow
    python bindings-python/bench/spark_equal.py [--n 100000 5000000] [--dir /tmp/ssj-spark-equal]

For each size: a Parquet table of eligible entries for the test ceremony's plan (each
enterprise eligible for each of its three items with probability 0.8, in a stratum
drawn by :data:`WEIGHTS`), then

* one process: the counts (pyarrow), the quotas (``shuangsuiji.quota``), the eligible
  commitment (the core's tree over the whole table), the plan hash, the ceremony's
  beacon and reveals, the seed, and ``shuangsuiji.publish_draw`` with the eligible
  entries as one JSON document;
* Spark, the Parquet route: ``spark.plan`` and ``spark.publish_draw`` on
  ``spark.parquet_leaves``; at 100 000 also the DataFrame route;

and asserts that the plans (canonical JSON), the plan hashes, the result documents and
the logs are equal. Prints the times and ``identical: yes`` per size.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
import time
from typing import Any, Dict, List

import pyarrow as pa
import pyarrow.parquet as pq

import shuangsuiji as ssj
from shuangsuiji import spark as S

HERE = os.path.dirname(os.path.abspath(__file__))
CEREMONY = os.path.join(HERE, "..", "..", "tests", "vectors", "publish", "ceremony.json")
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def canonical(doc: Any) -> str:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def usccs(n: int, rng: random.Random) -> List[str]:
    out: set = set()
    while len(out) < n:
        body = "".join(rng.choice(CHARS) for _ in range(8))
        c = 11 - sum(int(ch, 36) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
        out.add(ssj.complete_uscc("92150581" + body + ("X" if c == 10 else "0" if c == 11 else str(c))))
    return sorted(out)


WEIGHTS = {"credit=A": 550, "credit=B": 300, "credit=unclassified": 145, "credit=C": 4, "credit=D": 1, "forced": 0}
"""How the generated entries fall into the ceremony plan's strata (per mille): mostly
A and B, few C and D (drawn at 100 %), none forced — about 4 % of the entries drawn."""


def generate(n: int, plan: Dict[str, Any], path: str) -> None:
    rng = random.Random(n)
    items = [(i["item_id"], [s["stratum_key"] for s in i["strata"]]) for i in plan["items"]]
    cols: Dict[str, List[str]] = {c: [] for c in S.LEAF_COLUMNS}
    for u in usccs(n, rng):
        for item, keys in items:
            if rng.random() < 0.8:
                cols["uscc"].append(u)
                cols["item_id"].append(item)
                cols["stratum_key"].append(rng.choices(keys, [WEIGHTS[k] for k in keys])[0])
    pq.write_table(pa.table(cols), path, row_group_size=1 << 18)


def eligible_json(table: Any) -> str:
    """The eligible entries as one JSON document, written without a dict per entry."""
    cols = [table.column(c).to_pylist() for c in S.LEAF_COLUMNS]
    return "[" + ",".join(f'{{"uscc":"{u}","item_id":"{i}","stratum_key":"{s}"}}' for u, i, s in zip(*cols)) + "]"


def one_process(path: str, ceremony: Dict[str, Any]) -> Dict[str, Any]:
    t0 = time.perf_counter()
    table = pq.read_table(path)
    counts = {
        (c["item_id"], c["stratum_key"]): c["uscc_count"]
        for c in table.group_by(["item_id", "stratum_key"]).aggregate([("uscc", "count")]).to_pylist()
    }
    plan = copy.deepcopy(ceremony["plan"])
    for item in plan["items"]:
        for s in item["strata"]:
            s["population"] = counts.get((item["item_id"], s["stratum_key"]), 0)
            s["quota"] = ssj.quota(s["population"], s["ratio"], s.get("min"), s.get("max"))
    plan["eligible"] = S.batch_commitment(table)
    plan["max_substitutions"] = 1
    plan_hash = ssj.plan_hash(plan)
    t_plan = time.perf_counter() - t0
    log = ssj.new_log(plan_hash)
    beacons, secrets = [], []
    for e in ceremony["log"]["entries"]:
        ev = e["event"]
        if ev["kind"] == "beacon":
            beacons.append({"source": ev["source"], "value": ev["value"]})
        if ev["kind"] == "reveal":
            secrets.append({"party": ev["party"], "secret": ev["secret"]})
        if ev["kind"] in ("beacon", "reveal"):
            log = ssj.log_append(log, ev)
    seed = ssj.derive_seed(plan_hash, 0, beacons, secrets)
    t0 = time.perf_counter()
    result, published_log = ssj.publish_draw(plan, eligible_json(table), ceremony["catalog"], log, 0, seed)
    t_publish = time.perf_counter() - t0
    return {"plan": plan, "plan_hash": plan_hash, "log": log, "seed": seed, "result": result,
            "published_log": published_log, "plan_s": t_plan, "publish_s": t_publish, "rows": table.num_rows}


def spark_run(spark: Any, leaves: Any, ceremony: Dict[str, Any], ref: Dict[str, Any]) -> Dict[str, float]:
    template = copy.deepcopy(ceremony["plan"])
    template["max_substitutions"] = 1
    t0 = time.perf_counter()
    plan = S.plan(leaves, template)
    t_plan = time.perf_counter() - t0
    assert canonical(plan) == canonical(ref["plan"]), "the plans differ"
    assert ssj.plan_hash(plan) == ref["plan_hash"], "the plan hashes differ"
    t0 = time.perf_counter()
    result, log = S.publish_draw(leaves, plan, ceremony["catalog"], ref["log"], 0, ref["seed"])
    t_publish = time.perf_counter() - t0
    assert canonical(result) == canonical(ref["result"]), "the result documents differ"
    assert canonical(log) == canonical(ref["published_log"]), "the logs differ"
    return {"plan_s": t_plan, "publish_s": t_publish}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[100_000, 5_000_000])
    ap.add_argument("--dir", default="/tmp/ssj-spark-equal")
    a = ap.parse_args()
    with open(CEREMONY, encoding="utf-8") as f:
        ceremony = json.load(f)["ceremony"]
    os.makedirs(a.dir, exist_ok=True)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for n in a.n:
        path = os.path.join(a.dir, f"ceremony-w-{n}.parquet")
        if not os.path.exists(path):
            generate(n, ceremony["plan"], path)
        ref = one_process(path, ceremony)
        routes = {"Parquet route": S.parquet_leaves(spark, path)}
        if n <= 1_000_000:
            routes["DataFrame route"] = spark.read.parquet(path).repartition(8)
        for name, leaves in routes.items():
            t = spark_run(spark, leaves, ceremony, ref)
            print(f"{n} enterprises ({ref['rows']} eligible entries), {name}: plan {t['plan_s']:.1f} s, publish_draw "
                  f"{t['publish_s']:.1f} s; one process: plan {ref['plan_s']:.1f} s, publish_draw {ref['publish_s']:.1f} s; "
                  f"plan hash {ref['plan_hash'][:16]}…, {len(ref['result']['draw']['visits'])} visits; identical: yes", flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
