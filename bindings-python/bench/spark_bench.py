"""The draw on Spark `local[2]` against the one-process path, from one Parquet roster
(issue #24 numbers).

    pip install ./bindings-python pyspark pyarrow 'pandas<3'
    python bindings-python/bench/spark_bench.py [--n 10000000] [--dir /tmp/ssj-spark-bench]

Writes a generated eligible-entry table (each enterprise in 2 or 3 of 3 items, 4 strata,
quotas 3 %, one expansion, two substitutions) as Parquet once, then times:

* one process: read the Parquet with pyarrow, one `draw_candidates_arrow` call over the
  whole table (tickets + per-stratum selection in the core) and the merge;
* Spark `local[2]`: `spark.draw` (counting job, duplicate check, `mapInArrow` candidates,
  driver merge), and `spark.eligible_commitment` separately;

checks that both results are equal, and prints wall times, entities/s/core and peak
resident memory (this process; the largest child — the JVM with its Python workers — as
`RUSAGE_CHILDREN` reports it after the session stops). The per-entity floor
(SHA-256 + ChaCha20 block, measured by `core/benches/draw.rs`) is quoted from
docs/draw-spec-v1.md §4.5, not measured here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq

import shuangsuiji as ssj
from shuangsuiji import spark as S

ITEMS = ["emergency.work_safety", "fire.fire_safety", "market.food_production"]
STRATA = ["A", "B", "C", "D"]
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org(rng: random.Random) -> str:
    body = "".join(rng.choice(CHARS) for _ in range(8))
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def generate(n: int, path: str) -> None:
    rng = random.Random(24)
    seen = set()
    cols = {c: [] for c in S.LEAF_COLUMNS}
    writer = None
    while len(seen) < n:
        u = ssj.complete_uscc("92150581" + org(rng))
        if u in seen:
            continue
        seen.add(u)
        for item in ITEMS:
            if rng.random() < 0.83:
                cols["uscc"].append(u)
                cols["item_id"].append(item)
                cols["stratum_key"].append(rng.choice(STRATA))
        if len(cols["uscc"]) >= 1_000_000 or len(seen) == n:
            t = pa.table(cols)
            writer = writer or pq.ParquetWriter(path, t.schema)
            writer.write_table(t)
            cols = {c: [] for c in S.LEAF_COLUMNS}
    if writer:
        writer.close()


def draw_input(counts):
    items = {}
    for c in counts:
        items.setdefault(c["item_id"], []).append(
            {"key": c["stratum"], "eligible": [], "quota": ssj.quota(c["eligible_count"], "3/100"), "max_substitutions": 2}
        )
    return {
        "algorithm": "v1",
        "task_id": "bench-spark",
        "seed": "24" * 32,
        "mode": "fixed",
        "items": [{"item_id": i, "department": "market", "strata": s} for i, s in sorted(items.items())],
        "adjustments": [{"expand": {"item_id": ITEMS[0], "stratum": "A", "extra": 5}}],
    }


def mb(kb: int) -> float:
    return kb / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000_000, help="enterprises")
    ap.add_argument("--dir", default="/tmp/ssj-spark-bench")
    ap.add_argument("--run-log2", type=int, default=16)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    path = os.path.join(a.dir, f"leaves-{a.n}.parquet")
    if not os.path.exists(path):
        t0 = time.perf_counter()
        generate(a.n, path)
        print(f"generated {path} in {time.perf_counter() - t0:.1f} s")

    # One process.
    t0 = time.perf_counter()
    table = pq.read_table(path)
    t_read = time.perf_counter() - t0
    rows = table.num_rows
    counts = {}
    for item, key in zip(table.column("item_id").to_pylist(), table.column("stratum_key").to_pylist()):
        counts[(item, key)] = counts.get((item, key), 0) + 1
    totals = [{"item_id": i, "stratum": k, "eligible_count": n} for (i, k), n in sorted(counts.items())]
    inp = draw_input(totals)
    first = S.merge(inp, [S.batch_candidates(inp, table)])
    inp["adjustments"] += [{"substitute": {"uscc": v["uscc"], "reason": "unreachable"}} for v in first["visits"][:2]]
    t0 = time.perf_counter()
    one = S.merge(inp, [S.batch_candidates(inp, table)])
    t_one = time.perf_counter() - t0
    mem_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"rows (eligible entries): {rows}, enterprises: {a.n}")
    print(f"one process: read {t_read:.2f} s, draw {t_one:.2f} s (1 core) -> {a.n / t_one:,.0f} enterprises/s/core, "
          f"{t_one / a.n * 1e9:.0f} ns per enterprise; peak RSS {mb(mem_one):.0f} MB")
    del table

    # Spark local[2].
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: {time.perf_counter() - t0:.1f} s")
    df = spark.read.parquet(path)
    t0 = time.perf_counter()
    c = S.eligible_counts(df)
    t_counts = time.perf_counter() - t0
    t0 = time.perf_counter()
    S._check_unique(df)
    t_unique = time.perf_counter() - t0
    t0 = time.perf_counter()
    parts = S.draw_candidates(df, inp, c)
    t_cand = time.perf_counter() - t0
    t0 = time.perf_counter()
    merged = S.merge(inp, parts)
    t_merge = time.perf_counter() - t0
    assert merged == one, "Spark result differs from the one-process result"
    sent = sum(len(s["kept"]) for p in parts for s in p["strata"])
    t_draw = t_cand + t_merge
    print(f"spark local[2]: counts {t_counts:.2f} s, duplicate check {t_unique:.2f} s, candidates {t_cand:.2f} s "
          f"({len(parts)} batches, {sent} keys sent), merge {t_merge:.2f} s")
    print(f"spark draw (candidates + merge) {t_draw:.2f} s on 2 cores -> {a.n / t_draw / 2:,.0f} enterprises/s/core "
          f"({t_draw * 2 / a.n * 1e9:.0f} core-ns per enterprise); with counts and check "
          f"{a.n / (t_draw + t_counts + t_unique) / 2:,.0f} enterprises/s/core")
    t0 = time.perf_counter()
    root = S.eligible_commitment(df, a.run_log2)
    t_root = time.perf_counter() - t0
    print(f"spark eligible commitment: {t_root:.2f} s, size {root['size']}, root {root['root'][:16]}…")
    print("result equal to the one-process result: yes")
    spark.stop()
    print(f"peak RSS: driver process {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):.0f} MB, "
          f"largest child (JVM) {mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss):.0f} MB")
    print("floor (docs/draw-spec-v1.md §4.5, core/benches/draw.rs): SHA-256 83 ns + ChaCha20 block 85 ns per enterprise")
    print(json.dumps({"n": a.n, "rows": rows, "one_s": t_one, "spark_draw_s": t_draw, "spark_counts_s": t_counts,
                      "spark_check_s": t_unique, "spark_root_s": t_root}))


if __name__ == "__main__":
    main()
