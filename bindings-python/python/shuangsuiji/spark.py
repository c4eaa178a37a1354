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
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, TypeVar

from . import _shuangsuiji as _core
from . import _spark_files as _files
from . import quota, run_operation
from ._arrow import arrow_column
from ._conversion import _dumps
from ._draw import DrawHandle
from ._lazy import LazyDict
from ._spark_files import ParquetLeaves

LEAF_COLUMNS = ("uscc", "item_id", "stratum_key")
"""The columns of the eligible-entry table, in the core's leaf order."""

_T = TypeVar("_T")

DEFAULT_RUN_LOG2 = 16
"""Leaves per Merkle run: ``2^16`` (about 4 MB of leaves per group)."""


def _ops(name: str, **args: Any) -> Any:
    return run_operation(name, args)


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


def merge(draw_input: Mapping[str, Any], parts: Sequence[Any]) -> DrawHandle:
    """The parts' candidates merged into the draw's result (``merge_candidates``), kept
    in the core as a :class:`~shuangsuiji.DrawHandle` (a read-only mapping equal to
    :func:`shuangsuiji.draw`'s dict, built on first access). ``parts`` are candidates
    as dicts, or as the JSON texts the core wrote (passed on without being read in
    Python)."""
    texts = [p if isinstance(p, str) else _dumps(p) for p in parts]
    return DrawHandle(_core.merge_candidate_texts(_dumps(dict(draw_input)), texts))


def root_of_runs(runs: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The whole tree's ``{"root", "size"}`` from its aligned runs, in order."""
    result: Dict[str, Any] = _ops("root_of_subtrees", subtrees=[{"root": r["root"], "size": r["size"]} for r in runs])
    return result


# --------------------------------------------------------------------------- Spark


def parquet_leaves(spark: Any, paths: Any, task_rows: int = _files.TASK_ROWS) -> ParquetLeaves:
    """The eligible entries in Parquet files (a file, a list, a folder or a
    Hive-partitioned dataset) for the executors to read themselves with pyarrow — the
    fast route for a roster that is already Parquet: no row crosses from the JVM to
    Python. Every function here that takes the leaves DataFrame takes this as well,
    with the same results (docs/spark.md, "The Parquet route")."""
    return ParquetLeaves(spark, paths, task_rows)


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
    the one-process draw refuses it — parts alone cannot see it across partitions.

    The shuffle carries one 64-bit hash of (USCC, item) per row, not the strings; the
    rows of a hash seen twice (a duplicate, or rarely two keys with one hash) are then
    compared exactly. Exact either way: a collision costs a second small query."""
    if isinstance(leaves, ParquetLeaves):
        _files.check_unique(leaves, [c["item_id"] for c in _files.counts(leaves)])
        return
    from pyspark.sql import functions as F

    key = F.xxhash64("uscc", "item_id")
    limit = 10_000
    hits = [r["h"] for r in leaves.select(key.alias("h")).groupBy("h").count().where("count > 1").limit(limit).collect()]
    if not hits:
        return
    rows = leaves.where(key.isin(hits)) if len(hits) < limit else leaves
    dup = rows.groupBy("uscc", "item_id").agg(F.count(F.lit(1)).alias("n"), F.min("stratum_key").alias("a"), F.max("stratum_key").alias("b")).where("n > 1").limit(1).collect()
    if dup:
        raise _duplicate(dup[0])


def eligible_counts(leaves: Any) -> List[Dict[str, Any]]:
    """Per (item, stratum) the number of eligible entries: ``[{item_id, stratum,
    eligible_count}]`` sorted (the core's ``StratumCount``)."""
    if isinstance(leaves, ParquetLeaves):
        return _files.counts(leaves)
    rows = leaves.groupBy("item_id", "stratum_key").count().collect()
    return sorted(
        ({"item_id": r["item_id"], "stratum": r["stratum_key"], "eligible_count": int(r["count"])} for r in rows),
        key=lambda c: (c["item_id"].encode(), c["stratum"].encode()),
    )


def eligible_commitment(leaves: Any, run_log2: int = DEFAULT_RUN_LOG2) -> Dict[str, Any]:
    """The plan's eligible commitment ``{"root", "size"}`` computed on the executors
    (:func:`scan`; duplicates are refused as :func:`plan` refuses them).

    USCCs must be canonical (the 18 upper-case characters): the byte order Spark sorts
    by is then the core's.
    """
    return scan(leaves, run_log2)[1]


def _sorted(leaves: Any) -> Any:
    """The leaves range-partitioned and sorted in canonical (USCC, item) order, each row
    with its partition (``_part``), frozen (``localCheckpoint``) so that every later job
    sees the same cut and order."""
    from pyspark.sql import functions as F

    return (
        leaves.select(*LEAF_COLUMNS)
        .repartitionByRange("uscc", "item_id")
        .sortWithinPartitions("uscc", "item_id")
        .withColumn("_part", F.spark_partition_id())
        .localCheckpoint(eager=True)
    )


def _duplicate(row: Mapping[str, Any]) -> Exception:
    from ._errors import _facade_error

    code, family = ("eligible_duplicate", "draw") if row["a"] == row["b"] else ("stratum_overlap", "rules")
    return _facade_error(
        f"enterprise {row['uscc']} is listed {str(row['n']) + ' times' if row['n'] else 'more than once'} for item {row['item_id']}",
        code,
        family,
        {"value": row["uscc"], "item": row["item_id"], "stratum": row["a"]},
    )


def scan(leaves: Any, run_log2: int = DEFAULT_RUN_LOG2) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """The plan's two figures from the leaves in one pass over one sort, no other
    shuffle of the rows: ``(counts, commitment)`` — :func:`eligible_counts` and the
    eligible commitment ``{"root", "size"}`` — refusing duplicates
    (``eligible_duplicate``, or ``stratum_overlap`` for one enterprise in two strata of
    an item) as the one-process plan does.

    The leaves are range-sorted by (USCC, item) and frozen (:func:`_sorted`); the JVM
    counts each partition's rows, so each row's global index, hence its run (``index >>
    run_log2``), is known. One pass through Python then counts (item, stratum) entries,
    finds duplicates (equal keys fall in one partition, next to each other) and commits
    each run inside one partition as the rows stream by; the few runs cut by a partition
    boundary are joined from their pieces (one small ``groupBy``). The driver joins the
    runs' roots (``root_of_subtrees``, exact by RFC 6962 §2.1).
    """
    if isinstance(leaves, ParquetLeaves):
        return _files.scan(leaves, run_log2)
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    sorted_ = _sorted(leaves)
    sizes = {int(p): int(n) for p, n in sorted_.groupBy("_part").count().collect()}
    start, offsets = 0, {}
    for p in sorted(sizes):
        offsets[p] = start
        start += sizes[p]
    total, shift = start, int(run_log2)
    out_schema = pa.schema(
        [("_run", pa.int64()), ("root", pa.string()), ("size", pa.int64())]
        + [(c, pa.string()) for c in LEAF_COLUMNS]
        + [("counts", pa.string()), ("dup", pa.string())]
    )

    def runs(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]

        from shuangsuiji import spark as s
        from shuangsuiji._errors import ShuangsuijiError

        held: List[Any] = []
        run, first, seen = -1, 0, -1  # no run held; no row seen
        tables: List[Any] = []
        dup: Optional[Tuple[str, str, str, str]] = None
        last: Optional[Tuple[str, str, str]] = None

        def row(**cols: Any) -> Any:
            return pa.RecordBatch.from_pydict({f.name: [cols.get(f.name)] for f in out_schema}, schema=out_schema)

        def flush() -> Iterator[Any]:
            t = pa.concat_tables(held)
            lo, hi = run << shift, min((run + 1) << shift, total)
            if first == lo and first + t.num_rows == hi:  # the whole run is here
                try:
                    c = s.batch_commitment(t)
                except ShuangsuijiError:
                    if dup is None:
                        raise
                    return  # the duplicate is reported by the partition's summary
                yield row(_run=run, root=c["root"], size=c["size"])
            else:  # a piece of a run cut by a partition boundary
                for rb in t.to_batches():
                    n = rb.num_rows
                    yield pa.RecordBatch.from_arrays(
                        [pa.array([run] * n, pa.int64()), pa.nulls(n, pa.string()), pa.nulls(n, pa.int64())]
                        + [rb.column(c).cast(pa.string()) for c in LEAF_COLUMNS]
                        + [pa.nulls(n, pa.string()), pa.nulls(n, pa.string())],
                        schema=out_schema,
                    )

        for b in batches:
            if b.num_rows == 0:
                continue
            if seen < 0:
                seen = offsets[b.column("_part")[0].as_py()]
            t = pa.Table.from_batches([b]).select(list(LEAF_COLUMNS))
            tables.append(t.group_by(["item_id", "stratum_key"]).aggregate([("uscc", "count")]))
            u, i, st = t.column("uscc"), t.column("item_id"), t.column("stratum_key")
            if dup is None:
                if last is not None and (u[0].as_py(), i[0].as_py()) == last[:2]:
                    dup = (last[0], last[1], last[2], st[0].as_py())
                elif t.num_rows > 1:
                    same = pc.and_(pc.equal(u[1:], u[:-1]), pc.equal(i[1:], i[:-1]))
                    if pc.any(same).as_py():
                        k = pc.index(same, True).as_py()
                        dup = (u[k].as_py(), i[k].as_py(), st[k].as_py(), st[k + 1].as_py())
            last = (u[-1].as_py(), i[-1].as_py(), st[-1].as_py())
            at = 0
            while at < t.num_rows:
                index = seen + at
                r = index >> shift
                if run >= 0 and r != run:
                    yield from flush()
                    held, run = [], -1
                if run < 0:
                    run, first = r, index
                take = min(t.num_rows - at, ((r + 1) << shift) - index)
                held.append(t.slice(at, take))
                at += take
            seen += t.num_rows
        if run >= 0:
            yield from flush()
        if tables:
            counts = pa.concat_tables(tables).group_by(["item_id", "stratum_key"]).aggregate([("uscc_count", "sum")])
            yield row(_run=-1, counts=json.dumps(counts.to_pylist()), dup=json.dumps(dup) if dup else None)

    schema = "_run long, root string, size long, uscc string, item_id string, stratum_key string, counts string, dup string"
    out = sorted_.mapInArrow(runs, schema).localCheckpoint(eager=True)
    summaries = out.where("_run < 0").select("counts", "dup").collect()
    dups = [json.loads(r["dup"]) for r in summaries if r["dup"]]
    if dups:
        u, item, a, b = min(dups)
        raise _duplicate({"uscc": u, "item_id": item, "a": min(a, b), "b": max(a, b), "n": None})
    totals: Dict[Tuple[str, str], int] = {}
    for r in summaries:
        for c in json.loads(r["counts"]):
            key = (c["item_id"], c["stratum_key"])
            totals[key] = totals.get(key, 0) + int(c["uscc_count_sum"])
    counts: List[Dict[str, Any]] = [
        {"item_id": i, "stratum": k, "eligible_count": n}
        for (i, k), n in sorted(totals.items(), key=lambda c: (c[0][0].encode(), c[0][1].encode()))
    ]
    done = out.where("_run >= 0 and root is not null").select("_run", "root", "size").collect()
    whole = {r["_run"]: {"root": r["root"], "size": int(r["size"])} for r in done}
    pieces = out.where("_run >= 0 and root is null").select("_run", *LEAF_COLUMNS)
    whole.update({r["_run"]: {"root": r["root"], "size": int(r["size"])} for r in _run_roots(pieces)})
    return counts, root_of_runs([whole[r] for r in sorted(whole)])


def _indexed(leaves: Any, run_log2: int) -> Any:
    """The leaves in canonical order, frozen, each with its run (``_run``)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    sorted_ = _sorted(leaves)
    counts = dict(sorted_.groupBy("_part").count().collect())
    start, offsets = 0, {}
    for p in sorted(counts):
        offsets[p] = start
        start += counts[p]
    shift = int(run_log2)

    def index_runs(batches: Iterator[Any]) -> Iterator[Any]:
        import numpy as np

        seen = 0
        for b in batches:
            if b.num_rows == 0:
                continue
            part = b.column("_part")[0].as_py()
            first = offsets[part] + seen
            seen += b.num_rows
            runs = np.arange(first, first + b.num_rows, dtype=np.int64) >> shift
            yield pa.RecordBatch.from_arrays(
                [pa.array(runs), b.column("uscc"), b.column("item_id"), b.column("stratum_key")],
                names=["_run", *LEAF_COLUMNS],
            )

    return sorted_.mapInArrow(index_runs, "_run long, uscc string, item_id string, stratum_key string")


def _run_roots(indexed: Any) -> List[Dict[str, Any]]:
    """Every run's ``{"_run", "root", "size"}``, in run order, each run committed where
    its rows are (``groupBy(run).applyInArrow``)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    def commit(table: Any) -> Any:
        from shuangsuiji import spark as s

        c = s.batch_commitment(table)
        return pa.table({"_run": [table.column("_run")[0].as_py()], "root": [c["root"]], "size": [c["size"]]})

    runs = indexed.groupBy("_run").applyInArrow(commit, "_run long, root string, size long").collect()
    return [{"_run": r["_run"], "root": r["root"], "size": int(r["size"])} for r in sorted(runs, key=lambda r: r["_run"])]


def receipts(
    leaves: Any,
    plan: Mapping[str, Any],
    result: Mapping[str, Any],
    excluded: Sequence[Mapping[str, Any]] = (),
    run_log2: int = DEFAULT_RUN_LOG2,
) -> Any:
    """Every enterprise's receipt, computed on the executors: a DataFrame ``(uscc,
    receipt)`` whose ``receipt`` is the text of ``receipts/<USCC>.json`` — the same
    bytes as the one-process publication (:func:`shuangsuiji.publication_files`), for
    every enterprise with an eligible entry or an exclusion leaf.

    The leaves are cut into the aligned runs of the commitment (checked against the
    plan's ``eligible``: other leaves are refused with ``root_mismatch``); each run
    proves its own leaves and makes the receipts it can alone
    (``draw_record::run_receipts``); the enterprises at the seams between runs are
    answered on the driver from the runs' edge leaves (``seam_receipts``, a few per
    run). ``excluded`` (the exclusion leaves, usually few) goes to every run.
    """
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    if isinstance(leaves, ParquetLeaves):
        leaves = leaves.dataframe()
    indexed = _indexed(leaves, run_log2)
    runs = [{"root": r["root"], "size": r["size"]} for r in _run_roots(indexed)]
    texts = {
        "plan": json.dumps(dict(plan)),
        "excluded": json.dumps([dict(x) for x in excluded]),
        "result": json.dumps(dict(result)),
        "runs": json.dumps(runs),
    }

    def make(table: Any) -> Any:
        from shuangsuiji import _shuangsuiji as core
        from shuangsuiji._errors import ShuangsuijiError
        from shuangsuiji._spark_files import _error_text
        from shuangsuiji.spark import _columns

        run = table.column("_run")[0].as_py()
        try:
            ids, made, edges = core.run_receipts_arrow(
                texts["plan"], texts["excluded"], texts["result"], texts["runs"], run, *_columns(table)
            )
        except ShuangsuijiError as e:  # handed to the driver, which raises it as typed
            return pa.table({"kind": ["error"], "uscc": [""], "receipt": [_error_text(e)]})
        return pa.table({"kind": ["receipt"] * len(ids) + ["edges"], "uscc": ids + [""], "receipt": made + [edges]})

    parts = indexed.groupBy("_run").applyInArrow(make, "kind string, uscc string, receipt string").localCheckpoint(eager=True)
    failed = parts.where("kind = 'error'").select("receipt").limit(1).collect()
    if failed:
        _files._raise_error(failed[0]["receipt"])
    edges = [e for r in parts.where("kind = 'edges'").select("receipt").collect() for e in json.loads(r["receipt"])]
    ids, made = _core.seam_receipts_json(texts["plan"], texts["excluded"], texts["result"], texts["runs"], json.dumps(edges))
    spark = leaves.sparkSession
    seams = spark.createDataFrame(pa.table({"uscc": ids, "receipt": made}) if ids else [], "uscc string, receipt string")
    return parts.where("kind = 'receipt'").select("uscc", "receipt").unionByName(seams)


def write_receipts(receipts_df: Any, path: str) -> None:
    """The receipts as a Parquet dataset partitioned by the USCC's administrative
    division (characters 3–8, ``division=150581/``): where each county's page or
    service looks one up. Overwrites ``path``."""
    from pyspark.sql import functions as F

    receipts_df.withColumn("division", F.substring("uscc", 3, 6)).write.mode("overwrite").partitionBy("division").parquet(path)


def write_receipt_files(receipts_df: Any, folder: str) -> None:
    """The receipts as the page fetches them, ``<folder>/receipts/<USCC>.json``, written
    by the executors (``folder`` must be a file system every executor sees)."""
    target = os.path.join(folder, "receipts")
    os.makedirs(target, exist_ok=True)

    def write(rows: Iterable[Any]) -> None:
        for r in rows:
            with open(os.path.join(target, f"{r['uscc']}.json"), "wb") as f:
                f.write(r["receipt"].encode("utf-8"))

    receipts_df.foreachPartition(write)


def fill_plan(template: Mapping[str, Any], counts: Sequence[Mapping[str, Any]], eligible: Mapping[str, Any]) -> Dict[str, Any]:
    """The plan with each stratum's ``population`` from ``counts`` and ``quota`` from the
    core's rule (``quota(N, ratio, min, max)``), and the eligible commitment. The
    template carries everything else (ratios and clamps, meta, ceremony, the exclusion
    and inspector commitments)."""
    n = {(c["item_id"], c["stratum"]): int(c["eligible_count"]) for c in counts}
    plan: Dict[str, Any] = json.loads(json.dumps(dict(template)))
    listed = set()
    for item in plan["items"]:
        for s in item["strata"]:
            key = (item["item_id"], s["stratum_key"])
            listed.add(key)
            s["population"] = n.get(key, 0)
            s["quota"] = quota(s["population"], s["ratio"], s.get("min"), s.get("max"))
    extra = sorted(set(n) - listed)
    if extra:
        from ._errors import _facade_error

        raise _facade_error(
            f"eligible entries name an item and stratum the plan does not list: {extra[0]}",
            "root_mismatch",
            "verify",
            {"field": "eligible", "item": extra[0][0], "stratum": extra[0][1]},
        )
    plan["eligible"] = dict(eligible)
    return plan


def plan(leaves: Any, template: Mapping[str, Any], run_log2: int = DEFAULT_RUN_LOG2) -> Dict[str, Any]:
    """:func:`fill_plan` from the DataFrame: counts and commitment computed on Spark in
    one sort (:func:`scan`), duplicates refused."""
    counts, commitment = scan(leaves, run_log2)
    return fill_plan(template, counts, commitment)


def draw_candidates(leaves: Any, draw_input: Mapping[str, Any], totals: Optional[Sequence[Mapping[str, Any]]] = None) -> List[Dict[str, Any]]:
    """Every Arrow batch's candidates, computed in the executors (``mapInArrow``; on
    :class:`ParquetLeaves`, each task's row groups)."""
    if isinstance(leaves, ParquetLeaves):
        texts = _files.candidate_texts(leaves, draw_input, totals, check=False)
    else:
        texts = _candidate_texts(leaves, draw_input, totals)
    return [json.loads(t) for t in texts]


def _candidate_texts(leaves: Any, draw_input: Mapping[str, Any], totals: Optional[Sequence[Mapping[str, Any]]] = None) -> List[str]:
    """The DataFrame route's candidates, as the executors wrote them (JSON texts)."""
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
    return [str(r["candidates"]) for r in rows]


def _unique_first(leaves: Any) -> None:
    """The duplicate check a draw runs first — on a DataFrame as its own job; on
    :class:`ParquetLeaves` it is left to the candidates' pass (:func:`_merged`)."""
    if not isinstance(leaves, ParquetLeaves):
        _check_unique(leaves)


def _merged(
    leaves: Any, draw_input: Mapping[str, Any], finish: Callable[[List[str]], _T], totals: Optional[Sequence[Mapping[str, Any]]] = None
) -> _T:
    """Candidates with totals (the small transfer; counted on Spark unless given),
    merged by ``finish`` (which gets the executors' JSON texts); if the limit was too
    tight (``candidates_insufficient``, practically never), again without totals. On
    :class:`ParquetLeaves` the duplicate check (:func:`_unique_first`) rides on the
    candidates' read of the files (one pass; a file's own errors, such as a malformed
    USCC, are then reported before a duplicate)."""
    from ._errors import ShuangsuijiError

    files = isinstance(leaves, ParquetLeaves)
    check = files
    if totals is None and files:  # one read counts and checks
        totals = _files.check_unique(leaves, [i["item_id"] for i in draw_input["items"]], counting=True)
        check = False
    if totals is None:
        totals = eligible_counts(leaves)
    try:
        if files:
            texts = _files.candidate_texts(leaves, draw_input, totals, check=check)
        else:
            texts = _candidate_texts(leaves, draw_input, totals)
        return finish(texts)
    except ShuangsuijiError as e:
        if e.code != "candidates_insufficient":
            raise
    texts = _files.candidate_texts(leaves, draw_input, None, False) if files else _candidate_texts(leaves, draw_input, None)
    return finish(texts)


class _ResultDocument(LazyDict):
    """The result document :func:`publish_draw` returns: a dict whose contents stay in
    the core until read (at 10 M enterprises converting it took longer than the merge)."""


def draw(leaves: Any, draw_input: Mapping[str, Any]) -> DrawHandle:
    """The whole draw (``DrawInput`` without eligible lists: they are the DataFrame's
    rows), equal to :func:`shuangsuiji.draw` on the same lists; kept in the core as a
    :class:`~shuangsuiji.DrawHandle`, as :func:`merge` returns it."""
    _unique_first(leaves)
    return _merged(leaves, draw_input, lambda texts: merge(draw_input, texts))


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
    ``(result, log)``, equal to the one-process call's (the result document is a dict
    kept in the core until read). With ``out_dir`` the published files are written
    there: ``plan.json``, ``log.json``, ``result.json`` (the core's JSON text) and
    ``eligible/`` (the eligible entries as Parquet, partitioned by item, for verifiers)."""
    _unique_first(leaves)
    draw_input = _ops("plan_draw_input", plan=dict(plan), catalog=catalog, seed=seed)
    # The plan's populations are the totals (no counting job): the core checks that the
    # parts hold exactly those numbers of entries (``root_mismatch`` otherwise).
    totals = [
        {"item_id": item["item_id"], "stratum": s["stratum_key"], "eligible_count": s["population"]}
        for item in plan["items"]
        for s in item["strata"]
    ]
    args = _dumps({"plan": dict(plan), "catalog": catalog, "log": dict(log), "attempt": attempt, "seed": seed})
    held, log_text = _merged(leaves, draw_input, lambda texts: _core.publish_candidate_texts(args, texts), totals)
    result, new_log = _ResultDocument._of_handle(held), json.loads(log_text)
    if out_dir is not None:
        os.makedirs(out_dir, exist_ok=True)
        for name, doc in (("plan.json", plan), ("log.json", new_log)):
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with open(os.path.join(out_dir, "result.json"), "w", encoding="utf-8") as f:
            f.write(result.to_json())
        frame = leaves.dataframe() if isinstance(leaves, ParquetLeaves) else leaves
        frame.select(*LEAF_COLUMNS).write.mode("overwrite").partitionBy("item_id").parquet(os.path.join(out_dir, "eligible"))
    return result, new_log


__all__ = [
    "LEAF_COLUMNS",
    "ParquetLeaves",
    "parquet_leaves",
    "DEFAULT_RUN_LOG2",
    "arrow_column",
    "batch_candidates",
    "batch_commitment",
    "merge",
    "root_of_runs",
    "leaves_from_roster",
    "eligible_counts",
    "eligible_commitment",
    "scan",
    "receipts",
    "write_receipts",
    "write_receipt_files",
    "fill_plan",
    "plan",
    "draw_candidates",
    "draw",
    "publish_draw",
]
