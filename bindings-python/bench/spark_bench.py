"""The draw on Spark `local[2]` against the one-process path, from one Parquet roster
(issue #24 numbers).

    pip install ./bindings-python pyspark pyarrow 'pandas<3'
    python bindings-python/bench/spark_bench.py [--n 10000000] [--dir /tmp/ssj-spark-bench]
        [--row-group 262144] [--skip-dataframe]

Writes a generated eligible-entry table (each enterprise in 2 or 3 of 3 items, 4 strata,
quotas 3 %, one expansion, two substitutions) as Parquet once (row groups of
``--row-group`` rows), then times:

* one process, in a child pinned to one core (pyarrow's threads would otherwise take the
  second): read the Parquet, one ``draw_candidates_arrow`` call over the whole table
  (tickets + per-stratum selection in the core) and the merge; the same streamed — two
  row groups read at a time, each piece's candidates under the limits the stratum totals
  give (the totals known, as Spark's candidates have them), the merge; the faster of the two
  is the one-process figure (both include the read, as Spark's do);
* one process: the plan's figures (counts with pyarrow, the eligible root by the core);
* Spark ``local[2]``, the Parquet route (``spark.parquet_leaves``: the executors read the
  row groups): ``scan``, the candidates and the merge, the draw as ``publish_draw`` runs
  it (the duplicate check on the candidates' read), and a standalone ``draw``;
* Spark ``local[2]``, the DataFrame route (unless ``--skip-dataframe``): ``scan``, the
  duplicate check a standalone draw runs, ``mapInArrow`` candidates and the merge;

checks that the results are equal (the merges return the core's handle, compared by the
SHA-256 of their JSON), and prints wall times, per-core ratios, CPU time of
the whole process tree (driver, JVM, Python workers: per-core figures that hold on a busy
machine) and peak resident memory (this process; the JVM and the largest Python worker,
read from /proc while the session is up). The per-entity floor (SHA-256 + ChaCha20
block, measured by ``core/benches/draw.rs``) is quoted from docs/draw-spec-v1.md §4.5,
not measured here. On a machine with a background job (a fuzz campaign), put that job's
autogroup at nice 19 (``echo 19 > /proc/PID/autogroup``): Linux's autogroup scheduling
otherwise gives it a fair share of every core whatever its nice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import time
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

import shuangsuiji as ssj
from shuangsuiji import _shuangsuiji as _core
from shuangsuiji import spark as S

ITEMS = ["emergency.work_safety", "fire.fire_safety", "market.food_production"]
STRATA = ["A", "B", "C", "D"]
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org(rng: random.Random) -> str:
    body = "".join(rng.choice(CHARS) for _ in range(8))
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def generate(n: int, path: str, row_group: int) -> None:
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
            writer.write_table(t, row_group_size=row_group)
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


def candidates_text(inp: dict, table: Any, totals: Any = ()) -> str:
    """The candidates of a table's rows, as the core's JSON text (what an executor sends);
    with the whole roster's ``totals`` a piece keeps only tickets under the limits."""
    return str(_core.draw_candidates_arrow(json.dumps(inp), json.dumps(list(totals)), *S._columns(table)))


def mb(kb: int) -> float:
    return kb / 1024


def digest(result: Any) -> str:
    """SHA-256 of a draw result's JSON text: what the one process and Spark compare."""
    return hashlib.sha256(result.to_json().encode()).hexdigest()


def one_process(path: str) -> dict:
    """The one-process figures, run in a child pinned to one core (``--one``): pyarrow's
    own threads would otherwise use the second core and the "per core" figure would
    not be one core's. Returns the draw input (with its two substitutions), the
    result's digest, the eligible root and the times."""
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    t0 = time.perf_counter()
    table = pq.read_table(path)
    t_read = time.perf_counter() - t0
    totals = S._files._count_rows(S._files.table_counts(table))
    inp = draw_input(totals)
    first = S.merge(inp, [candidates_text(inp, table)])
    inp["adjustments"] += [{"substitute": {"uscc": v["uscc"], "reason": "unreachable"}} for v in first["visits"][:2]]
    del first
    # The whole table at once: one candidates call, the merge (the result stays in the core).
    t0 = time.perf_counter()
    one = S.merge(inp, [candidates_text(inp, table)])
    t_whole = time.perf_counter() - t0
    one_digest = digest(one)
    del one
    # The plan's figures: counts (pyarrow) and the eligible root (the core's tree over the
    # whole table; it sorts, checks duplicates, hashes).
    t0 = time.perf_counter()
    table.group_by(["item_id", "stratum_key"]).aggregate([("uscc", "count")])
    one_root = S.batch_commitment(table)
    t_plan = time.perf_counter() - t0
    rows = table.num_rows
    del table
    peak_whole = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Streaming: the file read two row groups at a time, each piece's candidates under the
    # limits of the stratum totals (known from the plan, as publish_draw takes them and as
    # the Spark figure below has them), the merge.
    t0 = time.perf_counter()
    f = pq.ParquetFile(path)
    groups = f.metadata.num_row_groups
    texts = [candidates_text(inp, f.read_row_groups(list(range(g, min(g + 2, groups))), columns=list(S.LEAF_COLUMNS)), totals)
             for g in range(0, groups, 2)]
    streamed = S.merge(inp, texts)
    t_stream = time.perf_counter() - t0
    assert digest(streamed) == one_digest
    return {"inp": inp, "digest": one_digest, "root": one_root, "rows": rows, "read_s": t_read, "whole_s": t_whole,
            "stream_s": t_stream, "plan_s": t_plan, "peak_whole_kb": peak_whole}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000_000, help="enterprises")
    ap.add_argument("--dir", default="/tmp/ssj-spark-bench")
    ap.add_argument("--run-log2", type=int, default=16)
    ap.add_argument("--row-group", type=int, default=1 << 18, help="rows per Parquet row group")
    ap.add_argument("--task-rows", type=int, default=S._files.TASK_ROWS, help="rows per task of the Parquet route")
    ap.add_argument("--skip-dataframe", action="store_true", help="time only the Parquet route on Spark")
    ap.add_argument("--one", metavar="PATH", help=argparse.SUPPRESS)  # the pinned child
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one_process(a.one)))
        return
    os.makedirs(a.dir, exist_ok=True)
    path = os.path.join(a.dir, f"leaves-{a.n}-rg{a.row_group}.parquet")
    if not os.path.exists(path):
        t0 = time.perf_counter()
        generate(a.n, path, a.row_group)
        print(f"generated {path} in {time.perf_counter() - t0:.1f} s")

    # One process, pinned to the first core.
    child = subprocess.run([sys.executable, __file__, "--one", path], check=True, capture_output=True, text=True,
                           preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
    one = json.loads(child.stdout.strip().splitlines()[-1])
    inp, rows, one_root = one["inp"], one["rows"], one["root"]
    t_one_read = one["read_s"] + one["whole_s"]
    t_one = min(t_one_read, one["stream_s"])  # the faster one-process route from the file
    t_one_plan = one["plan_s"]
    cpu_one, cpu_one_plan = t_one, t_one_plan  # one core: its CPU time is its wall time
    print(f"rows (eligible entries): {rows}, enterprises: {a.n}")
    print(f"one process on one core: read {one['read_s']:.2f} s + draw of the whole table {one['whole_s']:.2f} s "
          f"= {t_one_read:.2f} s (peak RSS {mb(one['peak_whole_kb']):.0f} MB); streamed by two row groups (read, "
          f"candidates, merge) {one['stream_s']:.2f} s -> {a.n / t_one:,.0f} enterprises/s/core from the file, "
          f"{t_one / a.n * 1e9:.0f} ns per enterprise")
    print(f"one process on one core: plan figures (counts + eligible root, the table in memory) {t_one_plan:.2f} s")

    # Spark local[2].
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: {time.perf_counter() - t0:.1f} s")
    # The Parquet route: the executors read the row groups themselves.
    t0 = time.perf_counter()
    files = S.parquet_leaves(spark, path, a.task_rows)
    t_list = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), tree_cpu()
    fc, froot = S.scan(files, a.run_log2)
    t_fscan, cpu_fscan = time.perf_counter() - t0, tree_cpu() - c0
    assert froot == one_root, "Spark (Parquet route) root differs from the one-process root"
    t0, c0 = time.perf_counter(), tree_cpu()
    ftexts = S._files.candidate_texts(files, inp, fc, False)
    t_fcand = time.perf_counter() - t0
    fmerged = S.merge(inp, ftexts)
    t_fmerge, cpu_fd = time.perf_counter() - t0 - t_fcand, tree_cpu() - c0
    assert digest(fmerged) == one["digest"], "Spark (Parquet route) result differs from the one-process result"
    # What publish_draw runs: the plan's totals, the duplicate check on the candidates' read.
    t0, c0 = time.perf_counter(), tree_cpu()
    fpub = S._merged(files, inp, lambda texts: S.merge(inp, texts), fc)
    t_fpub, cpu_fpub = time.perf_counter() - t0, tree_cpu() - c0
    assert digest(fpub) == one["digest"]
    t0, c0 = time.perf_counter(), tree_cpu()
    fdraw = S.draw(files, inp)
    t_fdraw, cpu_fdraw = time.perf_counter() - t0, tree_cpu() - c0
    assert digest(fdraw) == one["digest"]
    t_fd = t_fcand + t_fmerge
    print(f"spark local[2], Parquet route ({len(files.tasks)} tasks, footers read in {t_list:.2f} s): plan figures (scan: "
          f"sample sort) {t_fscan:.2f} s; candidates {t_fcand:.2f} s + merge {t_fmerge:.2f} s = {t_fd:.2f} s; "
          f"with the duplicate check on the same read (publish_draw's way) {t_fpub:.2f} s; "
          f"a standalone draw (counts and check in one read, candidates, merge) {t_fdraw:.2f} s")
    print(f"  wall-time per-core ratio to one process: draw {t_fd * 2 / t_one:.2f}x (to the whole-table route {t_fd * 2 / t_one_read:.2f}x); "
          f"with the check {t_fpub * 2 / t_one:.2f}x; standalone {t_fdraw * 2 / t_one:.2f}x; plan figures {t_fscan * 2 / t_one_plan:.2f}x; "
          f"plan + publish {(t_fscan + t_fpub) * 2 / (t_one_plan + t_one):.2f}x; {a.n / t_fd / 2:,.0f} enterprises/s/core in the draw")
    print(f"  CPU time (JVM + Python workers + driver): draw {cpu_fd:.2f} s = {cpu_fd / cpu_one:.2f}x the one process's; "
          f"with the check {cpu_fpub:.2f} s = {cpu_fpub / cpu_one:.2f}x; standalone {cpu_fdraw:.2f} s = {cpu_fdraw / cpu_one:.2f}x; "
          f"plan figures {cpu_fscan:.2f} s = {cpu_fscan / cpu_one_plan:.2f}x; plan + publish "
          f"{(cpu_fscan + cpu_fpub) / (cpu_one_plan + cpu_one):.2f}x")
    if a.skip_dataframe:
        peaks = worker_peaks()
        spark.stop()
        print(f"peak RSS: driver process {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):.0f} MB; "
              f"JVM {peaks['jvm']:.0f} MB; largest Python worker {peaks['worker']:.0f} MB ({peaks['workers']} workers)")
        print(json.dumps({"n": a.n, "rows": rows, "one_s": t_one, "one_read_s": t_one_read, "one_plan_s": t_one_plan,
                          "files_draw_s": t_fd, "files_publish_draw_s": t_fpub, "files_whole_draw_s": t_fdraw, "files_scan_s": t_fscan,
                          "cpu": {"one": cpu_one, "one_plan": cpu_one_plan, "files_draw": cpu_fd, "files_publish_draw": cpu_fpub,
                                  "files_whole_draw": cpu_fdraw, "files_scan": cpu_fscan}, "peaks_mb": peaks}))
        return

    df = spark.read.parquet(path)
    t0, c0 = time.perf_counter(), tree_cpu()
    c, root = S.scan(df, a.run_log2)
    t_scan, cpu_scan = time.perf_counter() - t0, tree_cpu() - c0
    assert root == one_root, "Spark root differs from the one-process root"
    t0 = time.perf_counter()
    S._check_unique(df)
    t_unique = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), tree_cpu()
    parts = S.draw_candidates(df, inp, c)
    t_cand = time.perf_counter() - t0
    merged = S.merge(inp, parts)
    t_merge, cpu_draw = time.perf_counter() - t0 - t_cand, tree_cpu() - c0
    assert digest(merged) == one["digest"], "Spark result differs from the one-process result"
    sent = sum(len(s["kept"]) for p in parts for s in p["strata"])
    t_draw = t_cand + t_merge
    print(f"spark local[2]: plan figures (scan: one sort, counts, duplicates, runs) {t_scan:.2f} s, "
          f"duplicate check before the draw {t_unique:.2f} s, candidates {t_cand:.2f} s "
          f"({len(parts)} batches, {sent} keys sent), merge {t_merge:.2f} s")
    print(f"spark draw (candidates + merge) {t_draw:.2f} s on 2 cores -> {a.n / t_draw / 2:,.0f} enterprises/s/core "
          f"({t_draw * 2 / a.n * 1e9:.0f} core-ns per enterprise); ratio to one process per core "
          f"{t_draw * 2 / t_one:.2f}x; with the duplicate check {(t_draw + t_unique) * 2 / t_one:.2f}x")
    print(f"spark plan figures: ratio to one process per core {t_scan * 2 / t_one_plan:.2f}x")
    print(f"  CPU time: draw {cpu_draw:.2f} s = {cpu_draw / cpu_one:.2f}x the one process's; plan figures {cpu_scan:.2f} s = "
          f"{cpu_scan / cpu_one_plan:.2f}x")
    print("results equal to the one-process results (root, draw): yes")
    peaks = worker_peaks()
    spark.stop()
    print(f"peak RSS: driver process {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):.0f} MB; "
          f"JVM {peaks['jvm']:.0f} MB; largest Python worker {peaks['worker']:.0f} MB ({peaks['workers']} workers)")
    print("floor (docs/draw-spec-v1.md §4.5, core/benches/draw.rs): SHA-256 83 ns + ChaCha20 block 85 ns per enterprise")
    print(json.dumps({"n": a.n, "rows": rows, "one_s": t_one, "one_read_s": t_one_read, "one_plan_s": t_one_plan,
                      "files_draw_s": t_fd, "files_publish_draw_s": t_fpub, "files_whole_draw_s": t_fdraw, "files_scan_s": t_fscan, "spark_draw_s": t_draw,
                      "spark_scan_s": t_scan, "spark_check_s": t_unique, "peaks_mb": peaks}))


def proc_stats() -> tuple:
    """Every process's children and its CPU clock ticks so far (utime + stime + cutime +
    cstime), from /proc."""
    children: dict = {}
    ticks: dict = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
            ticks[int(pid)] = sum(int(x) for x in fields[11:15])
        except (OSError, IndexError, ValueError):
            continue
    return children, ticks


def descendants(children: dict) -> list:
    todo, seen = [os.getpid()], []
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            seen.append(c)
            todo.append(c)
    return seen


def tree_cpu() -> float:
    """CPU seconds used so far by this process and every live descendant (the JVM and
    its Python workers), children that exited included (utime + stime + cutime + cstime
    from /proc): per-core figures that hold on a loaded machine, where wall time does
    not say how many cores a step really had."""
    children, ticks = proc_stats()
    return sum(ticks.get(p, 0) for p in [os.getpid(), *descendants(children)]) / os.sysconf("SC_CLK_TCK")


def worker_peaks() -> dict:
    """Peak resident memory (VmHWM) of this process's descendants while the session is
    up: the JVM and its Python workers (the executors' Python side in local mode)."""
    children, _ = proc_stats()

    def hwm(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def cmd(pid: int) -> str:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return ""

    seen = descendants(children)
    jvm = max((hwm(p) for p in seen if "java" in cmd(p).split(" ")[0]), default=0.0)
    workers = [hwm(p) for p in seen if "python" in cmd(p).split(" ")[0]]
    return {"jvm": jvm, "worker": max(workers, default=0.0), "workers": len(workers)}


if __name__ == "__main__":
    main()
