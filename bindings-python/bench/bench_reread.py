"""Reading a 1 M roster again and again in one process (issue #25), as a notebook that
runs its cells again does: ``read_enterprises`` of a pyarrow Table whose rows are in no
USCC order (a county's export usually is not sorted by code), then ``del`` of the
roster, several times. A roster read from such rows holds its records' text in row
order; it frees that text in address order, so that the next read does not allocate
from blocks scattered by the previous roster's drop.

    pip install ./bindings-python pandas pyarrow
    python bindings-python/bench/bench_reread.py [--n 1000000] [--reads 4] [--sorted]

Prints the wall time of every read and every ``del``, then the medians of the reads
after the first and of the ``del``s. ``--sorted`` keeps the rows in USCC order (the
comparison: nothing to reorder there). The roster is the one of ``bench_pipeline.py``.
"""

from __future__ import annotations

import argparse
import gc
import os
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import bench_pipeline  # noqa: E402  (the same synthetic county)
import shuangsuiji as ssj  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reads", type=int, default=4)
    ap.add_argument("--sorted", action="store_true")
    args = ap.parse_args()
    import pyarrow as pa

    df = bench_pipeline.frame(args.n)
    if not args.sorted:
        df = df.sample(frac=1.0, random_state=7).reset_index(drop=True)  # test data only
    table = pa.Table.from_pandas(df, preserve_index=False)
    del df
    gc.collect()
    reads, drops = [], []
    for _ in range(args.reads):
        t = time.perf_counter()
        roster = ssj.read_enterprises(table)
        reads.append(time.perf_counter() - t)
        t = time.perf_counter()
        del roster
        gc.collect()
        drops.append(time.perf_counter() - t)
    order = "in USCC order" if args.sorted else "in no USCC order"
    print(f"{args.n} rows {order}; load {os.getloadavg()[0]:.1f}")
    print("reads " + " ".join(f"{r:.3f}" for r in reads) + " s")
    print("dels  " + " ".join(f"{d:.3f}" for d in drops) + " s")
    later = statistics.median(reads[1:]) if len(reads) > 1 else float("nan")
    print(f"first read {reads[0]:.3f} s, later reads median {later:.3f} s, del median {statistics.median(drops):.3f} s")


if __name__ == "__main__":
    main()
