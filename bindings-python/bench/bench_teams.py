"""Joint teams through the binding: 5 000 visits x 500 inspectors x 6 departments, the
request of the Rust benchmark core/benches/teams.rs (same USCCs, inspectors, conflicts,
avoid lists, towns and caps), so that the two medians can be compared.

    pip install ./bindings-python
    python bindings-python/bench/bench_teams.py [--reps 7]
    cargo bench -p shuangsuiji --bench teams     # the Rust figure, run alternately

Prints the median and minimum wall time of `assign_teams` from a dict (the request is
serialised to JSON text and parsed by the core; the assignment stays in the core), of
the same call plus the first access as a dict (the assignment converted to Python
objects, once), of the call plus `to_table()` (the team table built from the kept
assignment), of the call from JSON text (no `json.dumps`), of `json.dumps` alone, and of
the former route (the table operation: JSON text out, `json.loads`). The target of issue
#25 goal 5 is the dict route within 1.1x of the Rust median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any, Callable, Dict, List

import shuangsuiji as ssj
from shuangsuiji import _teams

DEPTS = ["market", "fire", "health", "env", "agri", "safety"]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MASK = (1 << 64) - 1


def org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation-code body (test data)."""
    s = sum(CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc(n: int) -> str:
    body = f"M{n:06d}Y"
    return str(ssj.complete_uscc("91150581" + body + org_check(body)))


def mix(x: int) -> int:
    """splitmix64, as in the Rust benchmark (only to vary the synthetic data)."""
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def request() -> Dict[str, Any]:
    usccs = [uscc(v) for v in range(5000)]
    inspectors: List[Dict[str, Any]] = []
    for n in range(500):
        # 150 market inspectors, 70 in each other department.
        d = 0 if n < 150 else 1 + (n - 150) // 70
        h = mix(n)
        i: Dict[str, Any] = {"id": f"I{n:04d}", "department": DEPTS[d], "certified": h % 5 != 0, "capacity": 120}
        if h % 7 == 0:
            i["conflicts"] = [usccs[h % 5000]]
        inspectors.append(i)
    visits: List[Dict[str, Any]] = []
    for v in range(5000):
        h = mix(1_000_000 + v)
        departments = [{"department": "market", "size": 2}]
        for d in (1 + h % 5, 1 + (h >> 8) % 5):
            if not any(x["department"] == DEPTS[d] for x in departments):
                departments.append({"department": DEPTS[d], "size": 1})
        visit: Dict[str, Any] = {
            "uscc": usccs[v],
            "town": f"town{(h >> 16) % 12:02d}",
            "departments": departments,
            "lead_department": "market",
        }
        if h % 11 == 0:
            visit["avoid"] = [f"I{(h >> 24) % 500:04d}"]
        visits.append(visit)
    return {
        "algorithm": "v1",
        "task_id": "bench",
        "seed": "2a" * 32,
        "visits": visits,
        "inspectors": inspectors,
        "config": {"max_per_inspector_per_day": 3},
    }


def timed(fn: Callable[[], object], reps: int) -> List[float]:
    fn()  # warm-up
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--rows", type=int, default=6, help="only the first N rows (3: the call, + dict, + to_table)")
    args = ap.parse_args()
    req = request()
    text = json.dumps(req)
    first = ssj.assign_teams(req)
    members = sum(len(t["members"]) for t in first["teams"])
    print(f"{len(first['teams'])} teams, {members} members")
    rows = [
        ("assign_teams(dict)", lambda: ssj.assign_teams(req)),
        ("  + first access (dict)", lambda: ssj.assign_teams(req)["teams"]),
        ("  + to_table()", lambda: ssj.assign_teams(req).to_table()),
        ("assign_teams(JSON text)", lambda: ssj.assign_teams(text)),
        ("json.dumps(request)", lambda: json.dumps(req)),
        ("former: JSON out + loads", lambda: _teams._op("assign_teams", json.dumps(req))),
    ]
    for name, fn in rows[: args.rows]:
        t = timed(fn, args.reps)
        print(f"{name:26} median {statistics.median(t):.3f} s  min {min(t):.3f} s  ({len(t)} runs)")


if __name__ == "__main__":
    main()
