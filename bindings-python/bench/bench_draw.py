"""A 1 M-enterprise stratified draw through the binding, compared in one run with
`consistent_sampler` (PyPI), `numpy.random.Generator.choice` and `random.sample` on the
same strata and quotas.

    pip install ./bindings-python consistent_sampler numpy
    python bindings-python/bench/bench_draw.py [--n 1000000] [--reps 7]

Prints the median wall time of each (fewer repetitions for the slow competitors) and
the binding's speed-up over consistent_sampler. Only the binding's draw is verifiable
(tickets from a public seed and the task id); numpy and random.sample are shown as the
floor of a non-verifiable draw. Keep the whole run under two minutes on 2 cores.

Every timed run ends with the sample in Python objects, as consistent_sampler's does
(lists of ids per stratum): the columnar row is `draw_columns(...)` plus
`selection_columns()` (per stratum the selected USCCs, tickets and bases as lists) and
is the one the targets refer to; "handle only" (nothing converted yet) and `to_dict()`
(every visit and pick as a dict) are shown for comparison.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Callable, Dict, List

import shuangsuiji as ssj

ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation-code body (test data)."""
    s = sum(CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def roster(n: int) -> List[str]:
    out = []
    for i in range(n):
        body = f"{i:08d}"
        out.append(ssj.complete_uscc("91150581" + body + org_check(body)))
    return out


CLASSES = ["A", "B", "C", "D"]
SHARES = [0.30, 0.55, 0.12, 0.03]
# 3% of A, 5% of B, 10% of C, 20% of D — a credit-based policy's shape.
RATIOS = {"A": (3, 100), "B": (5, 100), "C": (10, 100), "D": (20, 100)}


def timed(fn: Callable[[], object], reps: int) -> "tuple[List[float], List[float]]":
    """Wall and CPU (process) times of each run. On a shared machine the CPU time is
    the fairer number; both are printed."""
    wall, cpu = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--slow-reps", type=int, default=1)
    args = ap.parse_args()

    t = time.perf_counter()
    usccs = roster(args.n)
    rng = random.Random(20260302)  # test data only
    classes = rng.choices(CLASSES, weights=SHARES, k=args.n)
    pools: Dict[str, List[str]] = {c: [] for c in CLASSES}
    for u, c in zip(usccs, classes):
        pools[c].append(u)
    quotas = {c: -(-len(pools[c]) * RATIOS[c][0] // RATIOS[c][1]) for c in CLASSES}
    print(f"roster of {args.n} built in {time.perf_counter() - t:.1f}s; "
          f"strata {[(c, len(pools[c]), quotas[c]) for c in CLASSES]}")

    seed = "5a" * 32
    spec = {
        "algorithm": "v1", "task_id": "BENCH-2026-01", "seed": seed, "mode": "fixed",
        "items": [{"item_id": "market.food_production", "department": "market",
                   "strata": [{"key": c, "quota": quotas[c]} for c in CLASSES]}],
    }
    full = {**spec, "items": [{**spec["items"][0], "strata": [
        {"key": c, "quota": quotas[c], "eligible": pools[c]} for c in CLASSES]}]}

    results: Dict[str, float] = {}
    cpu_results: Dict[str, float] = {}

    def binding_columns() -> object:
        return ssj.draw_columns(spec, usccs, classes).selection_columns()

    def binding_handle() -> object:
        return ssj.draw_columns(spec, usccs, classes)

    def binding_columns_dict() -> object:
        return ssj.draw_columns(spec, usccs, classes).to_dict()

    def binding_dicts() -> object:
        return ssj.draw(full)

    def numpy_choice() -> object:
        import numpy as np
        g = np.random.default_rng(20260302)
        return {c: g.choice(len(pools[c]), size=quotas[c], replace=False) for c in CLASSES}

    def random_sample() -> object:
        r = random.Random(20260302)
        return {c: r.sample(pools[c], quotas[c]) for c in CLASSES}

    def consistent() -> object:
        from consistent_sampler import sampler
        return {c: list(sampler(pools[c], seed=seed, take=quotas[c], output="id")) for c in CLASSES}

    handle, b = ssj.draw_columns(spec, usccs, classes), binding_dicts()
    assert handle == b, "columnar and dict paths differ"
    cols = handle.selection_columns()
    for ci, bi in zip(cols["items"], b["items"]):
        for cs, bs in zip(ci["strata"], bi["strata"]):
            assert cs["uscc"] == [p["uscc"] for p in bs["selected"]], "selection columns differ"
            assert cs["ticket"] == [p["ticket"] for p in bs["selected"]], "selection columns differ"
    assert cols["visits"]["uscc"] == [v["uscc"] for v in b["visits"]], "visit columns differ"
    assert sum(len(s["uscc"]) for s in cols["items"][0]["strata"]) == sum(quotas.values())
    del handle, b, cols

    runs = [("shuangsuiji draw_columns + selection_columns()", binding_columns, args.reps),
            ("shuangsuiji draw_columns (handle only)", binding_handle, args.reps),
            ("shuangsuiji draw_columns + to_dict()", binding_columns_dict, max(1, args.reps // 2)),
            ("shuangsuiji draw (JSON, lists of USCCs)", binding_dicts, max(1, args.reps // 2)),
            ("numpy Generator.choice", numpy_choice, args.reps),
            ("random.sample", random_sample, args.reps),
            ("consistent_sampler", consistent, args.slow_reps)]
    for name, fn, reps in runs:
        try:
            wall, cpu = timed(fn, reps)
        except ImportError as e:
            print(f"{name:46s} skipped ({e})")
            continue
        results[name] = statistics.median(wall)
        cpu_results[name] = statistics.median(cpu)
        print(f"{name:46s} median wall {results[name]:8.3f}s  cpu {cpu_results[name]:8.3f}s  over {reps} run(s)")
    name = "shuangsuiji draw_columns + selection_columns()"
    if "consistent_sampler" in results:
        for label, r in (("wall", results), ("cpu", cpu_results)):
            print(f"{label}: speed-up over consistent_sampler {r['consistent_sampler'] / r[name]:.1f}x "
                  f"(target >= 30x); {r[name]:.3f}s vs target 0.2s: {'met' if r[name] <= 0.2 else 'NOT met'}")


if __name__ == "__main__":
    main()
