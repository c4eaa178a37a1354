"""The draw and its commitment on Apache Spark, where national rosters live (issue #24).

The roster is a DataFrame of **eligible entries** — one row per (enterprise, item):
``uscc``, ``item_id``, ``stratum_key`` (the eligible-leaf table; :func:`leaves_from_roster`
builds it from a wide roster with one stratum column and one applicability column per
item). Everything that decides is the compiled core's, called through the binding:

* :func:`eligible_counts` — per (item, stratum) ``N``, one Spark aggregation;
* :func:`fill_plan` — the plan's populations and quotas (the core's rational quota rule,
  :func:`shuangsuiji.quota`) and the eligible commitment;
* :func:`eligible_commitment` — the RFC 6962 root of the eligible leaves, computed in
  aligned runs of ``2^k`` leaves of the canonical (USCC, item) order on the executors and
  joined on the driver (``root_of_subtrees``): the same root as the one-process tree;
* :func:`draw_candidates` / :func:`draw` / :func:`publish_draw` — tickets and per-stratum
  candidates in the executors (``mapInArrow``, Arrow buffers straight into the core), the
  exact merge on the driver (``merge_candidates``): byte-identical to the one-process
  draw, expansions and substitutions included.

Retried or speculative tasks cannot change anything: what a task returns is a pure
function of its rows, the seed and the plan (tickets are ChaCha20 outputs of the USCC;
candidates are the smallest keys; a run's root is a hash of its sorted leaves), and the
merge depends only on the multiset of the parts' keys — not on how rows were cut into
partitions or batches, nor on which attempt of a task delivered them.

Needs ``pyspark`` (4.x; ``pyarrow``), imported only when a Spark function is called.
The helpers :func:`arrow_column`, :func:`batch_candidates` and :func:`merge` work on
pyarrow data without Spark (the property tests partition rosters in plain Python).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

from . import _shuangsuiji as _core
from . import quota, run_operation

LEAF_COLUMNS = ("uscc", "item_id", "stratum_key")
"""The columns of the eligible-entry table, in the core's leaf order."""

DEFAULT_RUN_LOG2 = 16
"""Leaves per Merkle run: ``2^16`` (about 4 MB of leaves per group)."""


def _ops(name: str, **args: Any) -> Any:
    return run_operation(name, args)


def arrow_column(array: Any) -> Tuple[bytes, bytes, int, int, bool]:
    """A pyarrow string array as the binding reads it: ``(offsets, data, offset, length,
    large)`` — its two buffers as ``bytes`` (one copy each, no object per cell). A chunked
    array is combined first; a null cell is refused (``cell_invalid``)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not isinstance(array, pa.Array):
        array = pa.array(array, type=pa.string())
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    large = pa.types.is_large_string(array.type)
    if not (large or pa.types.is_string(array.type)):
        array = array.cast(pa.string())
    if array.null_count:
        from ._errors import _from_core

        row = array.is_null().to_pylist().index(True)
        raise _from_core(
            f"row {row} of a column is empty (null); every eligible entry needs a value",
            "cell_invalid",
            "input",
            json.dumps({"field": f"[{row}]"}),
        )
    _, offsets, data = array.buffers()
    return (
        offsets.to_pybytes(),
        data.to_pybytes() if data is not None else b"",
        array.offset,
        len(array),
        large,
    )


def _columns(batch: Any, names: Sequence[str] = LEAF_COLUMNS) -> List[Tuple[bytes, bytes, int, int, bool]]:
    return [arrow_column(batch.column(n)) for n in names]


def batch_candidates(draw_input: Mapping[str, Any], batch: Any, totals: Sequence[Mapping[str, Any]] = ()) -> Dict[str, Any]:
    """One part's candidates (``draw::partial::candidates_of_leaves``) from a pyarrow
    table or record batch with the :data:`LEAF_COLUMNS`."""
    text = _core.draw_candidates_arrow(json.dumps(draw_input), json.dumps(list(totals)), *_columns(batch))
    out: Dict[str, Any] = json.loads(text)
    return out


def batch_commitment(batch: Any) -> Dict[str, Any]:
    """``{"root", "size"}`` of the eligible leaves in a pyarrow table or batch (sorted by
    the core; one aligned run of the canonical order)."""
    out: Dict[str, Any] = json.loads(_core.eligible_commitment_arrow(*_columns(batch)))
    return out


def merge(draw_input: Mapping[str, Any], parts: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The parts' candidates merged into the draw's result (``merge_candidates``)."""
    result: Dict[str, Any] = _ops("merge_candidates", input=dict(draw_input), parts=list(parts))
    return result


def root_of_runs(runs: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The whole tree's ``{"root", "size"}`` from its aligned runs, in order."""
    result: Dict[str, Any] = _ops("root_of_subtrees", subtrees=[{"root": r["root"], "size": r["size"]} for r in runs])
    return result


# --------------------------------------------------------------------------- Spark


def leaves_from_roster(roster: Any, items: Mapping[str, Tuple[str, str]], uscc: str = "uscc") -> Any:
    """The eligible-entry DataFrame of a wide roster: ``items`` maps each item id to
    ``(applies_column, stratum_column)``; a row is an entry of the item where its boolean
    ``applies_column`` is true. Pure reshaping (eligibility itself is the core's rules,
    run where the roster is built)."""
    from pyspark.sql import functions as F

    frames = [
        roster.where(F.col(applies))
        .select(F.col(uscc).alias("uscc"), F.lit(item).alias("item_id"), F.col(stratum).alias("stratum_key"))
        for item, (applies, stratum) in sorted(items.items())
    ]
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def _check_unique(leaves: Any) -> None:
    """An enterprise listed twice for one item (two rows, or two strata) is refused, as
    the one-process draw refuses it — parts alone cannot see it across partitions."""
    from pyspark.sql import functions as F

    dup = leaves.groupBy("uscc", "item_id").agg(F.count(F.lit(1)).alias("n"), F.min("stratum_key").alias("a"), F.max("stratum_key").alias("b")).where("n > 1").limit(1).collect()
    if dup:
        from ._errors import _from_core

        d = dup[0]
        code, family = ("eligible_duplicate", "draw") if d["a"] == d["b"] else ("stratum_overlap", "rules")
        raise _from_core(
            f"enterprise {d['uscc']} is listed {d['n']} times for item {d['item_id']}",
            code,
            family,
            json.dumps({"value": d["uscc"], "item": d["item_id"], "stratum": d["a"]}),
        )


def eligible_counts(leaves: Any) -> List[Dict[str, Any]]:
    """Per (item, stratum) the number of eligible entries: ``[{item_id, stratum,
    eligible_count}]`` sorted (the core's ``StratumCount``)."""
    rows = leaves.groupBy("item_id", "stratum_key").count().collect()
    return sorted(
        ({"item_id": r["item_id"], "stratum": r["stratum_key"], "eligible_count": int(r["count"])} for r in rows),
        key=lambda c: (c["item_id"].encode(), c["stratum"].encode()),
    )


def eligible_commitment(leaves: Any, run_log2: int = DEFAULT_RUN_LOG2) -> Dict[str, Any]:
    """The plan's eligible commitment ``{"root", "size"}`` computed on the executors.

    The leaves are range-sorted by (USCC, item) — the canonical leaf order; the sorted
    table is frozen (``localCheckpoint``) so that every later job sees the same cut;
    each row's global index gives its run ``index >> run_log2``; each run's root is
    computed where its rows are (``groupBy(run).applyInArrow``) and the driver joins the
    runs (``root_of_subtrees``, exact by RFC 6962 §2.1). USCCs must be canonical (the
    18 upper-case characters): the byte order Spark sorts by is then the core's.
    """
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    from pyspark.sql import functions as F

    sorted_ = (
        leaves.select(*LEAF_COLUMNS)
        .repartitionByRange("uscc", "item_id")
        .sortWithinPartitions("uscc", "item_id")
        .withColumn("_part", F.spark_partition_id())
        .localCheckpoint(eager=True)
    )
    counts = dict(sorted_.groupBy("_part").count().collect())
    start, offsets = 0, {}
    for p in sorted(counts):
        offsets[p] = start
        start += counts[p]
    shift = int(run_log2)

    def index_runs(batches: Iterator[Any]) -> Iterator[Any]:
        seen = 0
        for b in batches:
            if b.num_rows == 0:
                continue
            part = b.column("_part")[0].as_py()
            first = offsets[part] + seen
            seen += b.num_rows
            import numpy as np

            runs = (np.arange(first, first + b.num_rows, dtype=np.int64) >> shift)
            yield pa.RecordBatch.from_arrays(
                [pa.array(runs), b.column("uscc"), b.column("item_id"), b.column("stratum_key")],
                names=["_run", *LEAF_COLUMNS],
            )

    def commit(table: Any) -> Any:
        from shuangsuiji import spark as s

        c = s.batch_commitment(table)
        return pa.table({"_run": [table.column("_run")[0].as_py()], "root": [c["root"]], "size": [c["size"]]})

    indexed = sorted_.mapInArrow(index_runs, "_run long, uscc string, item_id string, stratum_key string")
    runs = indexed.groupBy("_run").applyInArrow(commit, "_run long, root string, size long").collect()
    runs = sorted(runs, key=lambda r: r["_run"])
    return root_of_runs([{"root": r["root"], "size": int(r["size"])} for r in runs])


def fill_plan(template: Mapping[str, Any], counts: Sequence[Mapping[str, Any]], eligible: Mapping[str, Any]) -> Dict[str, Any]:
    """The plan with each stratum's ``population`` from ``counts`` and ``quota`` from the
    core's rule (``quota(N, ratio, min, max)``), and the eligible commitment. The
    template carries everything else (ratios and clamps, meta, ceremony, the exclusion
    and inspector commitments)."""
    n = {(c["item_id"], c["stratum"]): int(c["eligible_count"]) for c in counts}
    plan = json.loads(json.dumps(dict(template)))
    listed = set()
    for item in plan["items"]:
        for s in item["strata"]:
            key = (item["item_id"], s["stratum_key"])
            listed.add(key)
            s["population"] = n.get(key, 0)
            s["quota"] = quota(s["population"], s["ratio"], s.get("min"), s.get("max"))
    extra = sorted(set(n) - listed)
    if extra:
        from ._errors import _from_core

        raise _from_core(
            f"eligible entries name an item and stratum the plan does not list: {extra[0]}",
            "root_mismatch",
            "verify",
            json.dumps({"field": "eligible", "item": extra[0][0], "stratum": extra[0][1]}),
        )
    plan["eligible"] = dict(eligible)
    return plan


def plan(leaves: Any, template: Mapping[str, Any], run_log2: int = DEFAULT_RUN_LOG2) -> Dict[str, Any]:
    """:func:`fill_plan` from the DataFrame: counts and commitment computed on Spark."""
    _check_unique(leaves)
    return fill_plan(template, eligible_counts(leaves), eligible_commitment(leaves, run_log2))


def draw_candidates(leaves: Any, draw_input: Mapping[str, Any], totals: Optional[Sequence[Mapping[str, Any]]] = None) -> List[Dict[str, Any]]:
    """Every Arrow batch's candidates, computed in the executors (``mapInArrow``)."""
    text_input = json.dumps(dict(draw_input))
    text_totals = json.dumps(list(totals or []))

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

        from shuangsuiji import _shuangsuiji as core
        from shuangsuiji.spark import _columns

        for b in batches:
            c = core.draw_candidates_arrow(text_input, text_totals, *_columns(b))
            yield pa.RecordBatch.from_pydict({"candidates": [c]})

    rows = leaves.select(*LEAF_COLUMNS).mapInArrow(run, "candidates string").collect()
    return [json.loads(r["candidates"]) for r in rows]


def _merged(leaves: Any, draw_input: Mapping[str, Any], op: str, **args: Any) -> Any:
    """Candidates with totals (the small transfer), merged by ``op``; if the limit was too
    tight (``candidates_insufficient``, practically never), again without totals."""
    from ._errors import ShuangsuijiError

    totals = eligible_counts(leaves)
    try:
        return _ops(op, parts=draw_candidates(leaves, draw_input, totals), **args)
    except ShuangsuijiError as e:
        if e.code != "candidates_insufficient":
            raise
    return _ops(op, parts=draw_candidates(leaves, draw_input, None), **args)


def draw(leaves: Any, draw_input: Mapping[str, Any]) -> Dict[str, Any]:
    """The whole draw (``DrawInput`` without eligible lists: they are the DataFrame's
    rows), equal to :func:`shuangsuiji.draw` on the same lists."""
    _check_unique(leaves)
    result: Dict[str, Any] = _merged(leaves, draw_input, "merge_candidates", input=dict(draw_input))
    return result


def publish_draw(
    leaves: Any,
    plan: Mapping[str, Any],
    catalog: Any,
    log: Mapping[str, Any],
    attempt: int,
    seed: str,
    out_dir: Optional[str] = None,
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """:func:`shuangsuiji.publish_draw` with the eligible entries in a DataFrame:
    ``(result, log)``, byte-identical to the one-process call. With ``out_dir`` the
    published files are written there: ``plan.json``, ``log.json``, ``result.json`` and
    ``eligible/`` (the eligible entries as Parquet, partitioned by item, for verifiers)."""
    _check_unique(leaves)
    draw_input = _ops("plan_draw_input", plan=dict(plan), catalog=catalog, seed=seed)
    published = _merged(
        leaves,
        draw_input,
        "publish_draw_from_candidates",
        plan=dict(plan),
        catalog=catalog,
        log=dict(log),
        attempt=attempt,
        seed=seed,
    )
    result, new_log = published["result"], published["log"]
    if out_dir is not None:
        os.makedirs(out_dir, exist_ok=True)
        for name, doc in (("plan.json", plan), ("log.json", new_log), ("result.json", result)):
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        leaves.select(*LEAF_COLUMNS).write.mode("overwrite").partitionBy("item_id").parquet(os.path.join(out_dir, "eligible"))
    return result, new_log


__all__ = [
    "LEAF_COLUMNS",
    "DEFAULT_RUN_LOG2",
    "arrow_column",
    "batch_candidates",
    "batch_commitment",
    "merge",
    "root_of_runs",
    "leaves_from_roster",
    "eligible_counts",
    "eligible_commitment",
    "fill_plan",
    "plan",
    "draw_candidates",
    "draw",
    "publish_draw",
]
