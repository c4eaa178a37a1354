"""The Parquet route of :mod:`shuangsuiji.spark`: the executors read the eligible-entry
files themselves (pyarrow), so no row crosses from the JVM to Python.

Spark only schedules: a task is a list of Parquet row groups; it reads them with pyarrow
and hands the Arrow buffers to the core. What moves between tasks is bytes — Arrow IPC
slices of a bucket's rows for the plan's sort, 64-bit hashes for the duplicate check —
in a few large records, not one JVM row per entry. The results are the DataFrame
route's (and the one-process library's): the same core functions decide, only the
transport differs (docs/spark.md, "The Parquet route").
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple


LEAF_COLUMNS = ("uscc", "item_id", "stratum_key")
TASK_ROWS = 1 << 21
"""Rows per task the row groups are gathered into (at least one row group per task).
Each task costs a Python worker some 30-60 ms however small it is, and the candidates
are computed one row group at a time within it, so large tasks are cheap: at 10 M
enterprises 2^21 rows per task drew in 6.0 s where 2^19 took 7.4 s (docs/spark.md)."""


class ParquetLeaves:
    """Eligible entries (``uscc``, ``item_id``, ``stratum_key``) in Parquet files the
    executors can open with pyarrow — local or shared disks, HDFS (libhdfs), S3, GCS:
    a file, a folder, or a Hive-partitioned dataset (``item_id=…/`` folders give the
    column). Made by :func:`shuangsuiji.spark.parquet_leaves`; every function of
    :mod:`shuangsuiji.spark` that takes the leaves DataFrame takes this as well.

    The footers are read once, on the driver: a task is a list of whole row groups
    of about ``task_rows`` rows (row groups are never split).
    """

    def __init__(self, spark: Any, paths: Any, task_rows: int = TASK_ROWS) -> None:
        import pyarrow.dataset as ds  # type: ignore[import-untyped,unused-ignore]

        self.spark = spark
        self.paths = [paths] if isinstance(paths, str) else [str(p) for p in paths]
        dataset = ds.dataset(self.paths if len(self.paths) > 1 else self.paths[0], format="parquet", partitioning="hive")
        missing = [c for c in LEAF_COLUMNS if c not in dataset.schema.names]
        if missing:
            from ._errors import _facade_error

            raise _facade_error(
                f"the Parquet files have no column {missing[0]} (eligible entries need {', '.join(LEAF_COLUMNS)})",
                "column_missing",
                "input",
                {"column": missing[0]},
            )
        self.filesystem = dataset.filesystem
        self.tasks: List[Tuple[str, List[int], Dict[str, str]]] = []
        self.rows = 0
        for fragment in dataset.get_fragments():
            keys = {k: str(v) for k, v in ds.get_partition_keys(fragment.partition_expression).items() if k in LEAF_COLUMNS}
            groups: List[int] = []
            held = 0
            meta = fragment.metadata
            for g in range(meta.num_row_groups):
                n = meta.row_group(g).num_rows
                self.rows += n
                if groups and held + n > task_rows:
                    self.tasks.append((fragment.path, groups, keys))
                    groups, held = [], 0
                groups.append(g)
                held += n
            if groups:
                self.tasks.append((fragment.path, groups, keys))

    def dataframe(self) -> Any:
        """The same entries as a Spark DataFrame (for the steps without a Parquet route:
        receipts, writing the published ``eligible/`` folder)."""
        return self.spark.read.parquet(*self.paths).select(*LEAF_COLUMNS)

    def _rdd(self) -> Any:
        sc = self.spark.sparkContext
        return sc.parallelize(list(enumerate(self.tasks)), max(1, len(self.tasks)))


def read_task(filesystem: Any, task: Tuple[str, List[int], Dict[str, str]], columns: Sequence[str] = LEAF_COLUMNS) -> Any:
    """A task's rows as a pyarrow table with ``columns`` (of :data:`LEAF_COLUMNS`; the
    partition keys of a Hive layout filled in as constant columns)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    path, groups, keys = task
    with filesystem.open_input_file(path) as f:
        wanted = [c for c in columns if c not in keys]
        # One thread: a task is one core's share (spark.task.cpus); pyarrow's pool would
        # put every task's decoding on every core of the executor.
        t = pq.ParquetFile(f).read_row_groups(groups, columns=wanted, use_threads=False)
    for c, v in keys.items():
        if c in columns:
            t = t.append_column(c, pa.array([v] * t.num_rows, pa.string()))
    return t.select(list(columns))


def _strings(column: Any) -> Any:
    """A string column as one plain (not large, not dictionary) pyarrow array."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if not pa.types.is_string(column.type):
        column = column.cast(pa.string())
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def uscc_bytes(column: Any) -> Any:
    """The USCCs as a numpy ``S18`` array over the Arrow data buffer (no copy per
    cell), or ``uscc_length`` naming the first row that is not 18 bytes (the core
    checks the characters later)."""
    import numpy as np

    a = _strings(column)
    n = len(a)
    if a.null_count:
        from ._errors import _facade_error

        row = a.is_null().to_pylist().index(True)
        raise _facade_error(f"row {row} of a column is empty (null); every eligible entry needs a value", "cell_invalid", "input", {"field": f"[{row}]"})
    if n == 0:
        return np.empty(0, dtype="S18")
    _, offsets, data = a.buffers()
    start = np.frombuffer(offsets, dtype=np.int32, count=n + 1, offset=a.offset * 4)
    wrong = np.flatnonzero(np.diff(start) != 18)
    if wrong.size:
        from ._errors import _facade_error

        row = int(wrong[0])
        raise _facade_error(
            f"row {row}: a USCC has 18 characters, this one {int(start[row + 1] - start[row])} bytes",
            "uscc_length",
            "model",
            {"field": f"usccs[{row}]"},
        )
    return np.frombuffer(data, dtype="S18", count=n, offset=int(start[0]))


def entry_keys(table: Any, items: Sequence[str]) -> Any:
    """Each row's (USCC, item) as a 20-byte key — the 18 USCC bytes and the item's index
    in ``items`` (sorted by their bytes), big-endian — so that the keys' byte order is
    the canonical leaf order and equal keys are equal entries (an item not in
    ``items`` gets 0xFFFF)."""
    import numpy as np
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]

    u = uscc_bytes(table.column("uscc"))
    n = len(u)
    index = pc.index_in(_strings(table.column("item_id")), value_set=pa.array(list(items), pa.string()))
    keys = np.empty((n, 20), dtype=np.uint8)
    keys[:, :18] = u.view(np.uint8).reshape(n, 18)
    keys[:, 18:] = index.fill_null(0xFFFF).to_numpy().astype(">u2").view(np.uint8).reshape(n, 2)
    return keys.reshape(-1).view("S20")


def _split(bucket: Any, buckets: int) -> Tuple[Any, Any]:
    """The row order that groups rows by bucket (a radix sort of 16-bit bucket numbers)
    and where each bucket starts in it."""
    import numpy as np

    order = np.argsort(bucket.astype(np.uint16), kind="stable")
    return order, np.searchsorted(bucket[order], np.arange(buckets + 1))


def _error_text(e: Any) -> str:
    return json.dumps({"message": e.message, "code": e.code, "family": e.family, "details": e.details})


def _raise_error(text: str) -> None:
    from ._errors import _from_core

    e = json.loads(text)
    raise _from_core(e["message"], e["code"], e["family"], json.dumps(e["details"]), e.get("message_en"))


def counts(leaves: ParquetLeaves) -> List[Dict[str, Any]]:
    """:func:`shuangsuiji.spark.eligible_counts` on Parquet: each task counts its row
    groups' (item, stratum) entries; the driver adds them up."""
    fs = leaves.filesystem

    def count(task: Any) -> List[Tuple[Tuple[str, str], int]]:
        from shuangsuiji._spark_files import read_task, table_counts

        return table_counts(read_task(fs, task[1]))

    return _count_rows(leaves._rdd().flatMap(count).reduceByKey(lambda a, b: a + b).collect())


def table_counts(t: Any) -> List[Tuple[Tuple[str, str], int]]:
    """A table's entries per (item, stratum), as ``((item, stratum), n)`` pairs."""
    c = t.group_by(["item_id", "stratum_key"]).aggregate([("uscc", "count")]).to_pylist()
    return [((r["item_id"], r["stratum_key"]), int(r["uscc_count"])) for r in c]


def _count_rows(pairs: Iterable[Tuple[Tuple[str, str], int]]) -> List[Dict[str, Any]]:
    totals: Dict[Tuple[str, str], int] = {}
    for k, n in pairs:
        totals[k] = totals.get(k, 0) + n
    return [
        {"item_id": i, "stratum": k, "eligible_count": n}
        for (i, k), n in sorted(totals.items(), key=lambda c: (c[0][0].encode(), c[0][1].encode()))
    ]


# ----------------------------------------------------------------- duplicate keys


def _mix(x: Any) -> Any:
    """SplitMix64's finaliser over a numpy ``uint64`` array (in place)."""
    import numpy as np

    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def fingerprints(keys: Any) -> Any:
    """A 64-bit hash of each 20-byte :func:`entry_keys` key: what the duplicate check
    moves and sorts (8 bytes a row); equal hashes are then compared exactly."""
    import numpy as np

    w = keys.view(np.uint8).reshape(-1, 20)
    h = _mix(w[:, 16:20].copy().view("<u4").ravel().astype(np.uint64))
    h ^= w[:, 8:16].copy().view("<u8").ravel()
    h = _mix(h)
    h ^= w[:, :8].copy().view("<u8").ravel()
    return _mix(h)


BUCKET_ROWS = 1 << 20
"""Rows a bucket of the plan's sort or of the duplicate check holds, about (there are
at least two buckets per core)."""


def _buckets(leaves: ParquetLeaves) -> int:
    """How many buckets the sort and the duplicate check use: about :data:`BUCKET_ROWS`
    rows each, at least two per core, at most 4096 — whatever the number of tasks, so
    that larger tasks do not make larger buckets."""
    cores = int(leaves.spark.sparkContext.defaultParallelism)
    return max(1, min(4096, max(2 * cores, -(-leaves.rows // BUCKET_ROWS))))


def hashed(t: Any, items: Sequence[str], buckets: int) -> List[Tuple[int, Tuple[str, Any]]]:
    """The duplicate check's records of one task's rows: each (USCC, item) key hashed to
    64 bits (:func:`fingerprints`), the hashes grouped by the bucket they name, as
    ``(bucket, ("hashes", bytes))``."""
    import numpy as np

    h = fingerprints(entry_keys(t, items))
    order, cuts = _split(h % np.uint64(buckets), buckets)
    h = h[order]
    return [(b, ("hashes", h[cuts[b] : cuts[b + 1]].tobytes())) for b in range(buckets) if cuts[b + 1] > cuts[b]]


def compare(pairs: Iterator[Tuple[int, Tuple[str, Any]]]) -> Iterator[Tuple[str, Any]]:
    """One bucket of the duplicate check: its hashes sorted, those seen twice as
    ``("twice", bytes)``; every other record passed on as ``(kind, value)``."""
    import numpy as np

    chunks = []
    for _, (kind, value) in pairs:
        if kind == "hashes":
            chunks.append(value)
        else:
            yield kind, value
    if chunks:
        h = np.sort(np.frombuffer(b"".join(chunks), dtype=np.uint64))
        twice = np.unique(h[1:][h[1:] == h[:-1]])
        if twice.size:
            yield "twice", twice.tobytes()


def _checked(leaves: ParquetLeaves, items: Sequence[str], found: Sequence[Tuple[str, Any]]) -> None:
    """The driver's end of a hashed pass: the first task's error (by task number),
    then the first true duplicate among the rows of the hashes seen twice."""
    from . import spark as s

    errors = sorted(v for k, v in found if k == "error")
    if errors:
        _raise_error(errors[0][1])
    twice = b"".join(v for k, v in found if k == "twice")
    if twice:
        dup = first_duplicate(_rows_with_hashes(leaves, items, twice))
        if dup is not None:
            raise s._duplicate(dup)


def _hashed_pass(leaves: ParquetLeaves, task_records: Any) -> List[Tuple[str, Any]]:
    """Runs ``task_records`` (a task → its records, keyed by bucket) on every task and
    the buckets' :func:`compare`: one read of the files, one shuffle of hashes."""
    buckets = _buckets(leaves)
    return list(leaves._rdd().flatMap(task_records).partitionBy(buckets, lambda b: b).mapPartitions(compare).collect())


def check_unique(leaves: ParquetLeaves, items: Sequence[str], counting: bool = False) -> Optional[List[Dict[str, Any]]]:
    """Refuses an enterprise listed twice for one item (``eligible_duplicate``, or
    ``stratum_overlap`` when its two rows name two strata), exactly: each task hashes
    its (USCC, item) keys to 64 bits and sends each hash to the bucket it names; a
    bucket sorts its hashes; the rows of a hash seen twice (a duplicate, or rarely two
    keys with one hash) are then read back and compared as text. With ``counting``
    the same read also counts (item, stratum) entries, returned as
    :func:`shuangsuiji.spark.eligible_counts` does. ``items`` are the item ids the
    entries may name (others cannot be drawn and are refused by the draw)."""
    fs, items, buckets = leaves.filesystem, sorted(items), _buckets(leaves)
    columns = LEAF_COLUMNS if counting else ("uscc", "item_id")

    def records(task: Any) -> List[Tuple[int, Tuple[str, Any]]]:
        from shuangsuiji._errors import ShuangsuijiError
        from shuangsuiji._spark_files import _error_text, hashed, read_task, table_counts

        t = read_task(fs, task[1], columns)
        try:
            out = hashed(t, items, buckets)
        except ShuangsuijiError as e:
            return [(0, ("error", (task[0], _error_text(e))))]
        if counting:
            out.append((0, ("counts", table_counts(t))))
        return out

    found = _hashed_pass(leaves, records)
    _checked(leaves, items, found)
    return _count_rows(pair for k, v in found if k == "counts" for pair in v) if counting else None


def first_duplicate(rows: Iterable[Tuple[str, str, str]]) -> Optional[Dict[str, Any]]:
    """Among ``(uscc, item, stratum)`` rows, the smallest (USCC, item) listed more than
    once, as the duplicate error's fields (``a``/``b`` its smallest and largest
    stratum, ``n`` its rows), or ``None`` (rows that only shared a hash)."""
    seen: Dict[Tuple[str, str], List[str]] = {}
    for u, i, st in rows:
        seen.setdefault((u, i), []).append(st)
    dups = sorted((k, v) for k, v in seen.items() if len(v) > 1)
    if not dups:
        return None
    (u, i), strata = dups[0]
    return {"uscc": u, "item_id": i, "a": min(strata), "b": max(strata), "n": len(strata)}


def _rows_with_hashes(leaves: ParquetLeaves, items: Sequence[str], hashes: bytes) -> List[Tuple[str, str, str]]:
    """The rows whose key hashes to one of ``hashes`` (a few), as text."""
    fs = leaves.filesystem

    def pick(task: Any) -> List[Tuple[str, str, str]]:
        import numpy as np

        from shuangsuiji._spark_files import entry_keys, fingerprints, read_task

        t = read_task(fs, task[1])
        mask = np.isin(fingerprints(entry_keys(t, items)), np.frombuffer(hashes, dtype=np.uint64))
        hit = t.filter(mask)
        return list(zip(*(hit.column(c).to_pylist() for c in LEAF_COLUMNS)))

    return list(leaves._rdd().flatMap(pick).collect())


def candidate_texts(
    leaves: ParquetLeaves, draw_input: Mapping[str, Any], totals: Optional[Sequence[Mapping[str, Any]]], check: bool
) -> List[str]:
    """Each task's candidates as JSON text (``draw_candidates_arrow`` on the row groups it read);
    with ``check``, the duplicate check rides on the same read (the candidates travel
    to the driver through the check's shuffle). A file's own errors (a malformed USCC,
    an unknown stratum) are reported before a duplicate."""
    fs, text_input, text_totals = leaves.filesystem, json.dumps(dict(draw_input)), json.dumps(list(totals or []))
    items, buckets = sorted({i["item_id"] for i in draw_input["items"]}), _buckets(leaves)

    def records(task: Any) -> List[Tuple[int, Tuple[str, Any]]]:
        from shuangsuiji import _shuangsuiji as core
        from shuangsuiji._errors import ShuangsuijiError
        from shuangsuiji._spark_files import _error_text, hashed, read_task
        from shuangsuiji.spark import _columns

        t = read_task(fs, task[1])
        try:
            # One call per chunk as read (a row group): the same keys as one call over
            # the task (the limits are the whole stratum's), without combining the
            # chunks, and the core's sort stays in cache (a 2 M-row call costs ~25 %
            # more per row than 2^18-row ones).
            texts = [core.draw_candidates_arrow(text_input, text_totals, *_columns(b)) for b in t.to_batches()]
            out = [(0, ("candidates", ((task[0], i), c))) for i, c in enumerate(texts)]
            return out + (hashed(t, items, buckets) if check else [])
        except ShuangsuijiError as e:
            return [(0, ("error", (task[0], _error_text(e))))]

    if check:
        found = _hashed_pass(leaves, records)
        _checked(leaves, items, found)
    else:
        found = [r for _, r in leaves._rdd().flatMap(records).collect()]
        errors = sorted(v for k, v in found if k == "error")
        if errors:
            _raise_error(errors[0][1])
    return [str(c) for _, c in sorted(v for k, v in found if k == "candidates")]


# ----------------------------------------------------------------- the plan's scan


def _ipc(t: Any) -> bytes:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, t.schema) as w:
        w.write_table(t)
    return bytes(sink.getvalue().to_pybytes())


def _from_ipc(data: bytes) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    return pa.ipc.open_stream(data).read_all()


SAMPLES_PER_TASK = 256
"""USCCs each task contributes to the choice of bucket boundaries."""


def scan(leaves: ParquetLeaves, run_log2: int) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """:func:`shuangsuiji.spark.scan` on Parquet — the plan's counts and eligible
    commitment, duplicates refused — as a sample sort:

    1. each task reads its USCC and item columns and returns a sample of USCCs and its
       items; the driver picks bucket boundaries (USCCs) from the samples;
    2. each task reads its row groups, counts (item, stratum) entries, and cuts its
       rows by bucket (a binary search of each USCC among the boundaries; all the rows
       of one USCC share a bucket), keeping the slices serialised; from the slice sizes
       the driver knows where each bucket starts in the canonical order;
    3. the slices move to their buckets (one shuffle of a few large byte records); each
       bucket sorts its rows once (by :func:`entry_keys`), finds duplicates next to
       each other, commits every aligned run it holds whole, and hands on the pieces of
       the runs cut by a bucket edge, joined by run in a small shuffle.
    """
    import numpy as np
    from pyspark import StorageLevel

    from . import spark as s

    fs, shift, target = leaves.filesystem, int(run_log2), _buckets(leaves)

    def look(task: Any) -> Tuple[Optional[str], bytes, List[Tuple[Tuple[str, str], int]]]:
        from shuangsuiji._errors import ShuangsuijiError
        from shuangsuiji._spark_files import SAMPLES_PER_TASK, _error_text, read_task, table_counts, uscc_bytes

        t = read_task(fs, task[1])
        try:
            u = uscc_bytes(t.column("uscc"))
        except ShuangsuijiError as e:  # the later reads see the same cells
            return _error_text(e), b"", []
        step = max(1, len(u) // SAMPLES_PER_TASK)
        return None, u[::step].tobytes(), table_counts(t)

    heads = leaves._rdd().map(look).collect()
    failed = [e for e, _, _ in heads if e is not None]
    if failed:
        _raise_error(failed[0])
    counts = _count_rows(pair for _, _, pairs in heads for pair in pairs)
    items = sorted({c["item_id"] for c in counts})
    pool = np.sort(np.frombuffer(b"".join(h for _, h, _ in heads), dtype="S18"))
    bounds = np.unique(pool[[len(pool) * b // target for b in range(1, target)]]) if len(pool) else pool
    nb = len(bounds) + 1

    def sizes(task: Any) -> Any:
        import numpy as np

        from shuangsuiji._spark_files import read_task, uscc_bytes

        u = uscc_bytes(read_task(fs, task[1], ("uscc",)).column("uscc"))
        return np.bincount(np.searchsorted(bounds, u, side="right"), minlength=nb)

    bucket_rows = [int(x) for x in sum(leaves._rdd().map(sizes).collect(), np.zeros(nb, dtype=np.int64))]
    total = sum(bucket_rows)
    starts = [sum(bucket_rows[:b]) for b in range(nb)]

    def route(task: Any) -> Iterator[Tuple[int, bytes]]:
        import numpy as np

        from shuangsuiji._spark_files import _ipc, _split, read_task, uscc_bytes

        t = read_task(fs, task[1])
        order, cuts = _split(np.searchsorted(bounds, uscc_bytes(t.column("uscc")), side="right"), nb)
        t = t.take(order)
        t = t.set_column(1, "item_id", t.column("item_id").dictionary_encode())
        t = t.set_column(2, "stratum_key", t.column("stratum_key").dictionary_encode())
        for b in range(nb):
            if cuts[b + 1] > cuts[b]:
                yield b, _ipc(t.slice(cuts[b], cuts[b + 1] - cuts[b]))

    def bucket(pairs: Iterator[Tuple[int, bytes]]) -> Iterator[Tuple[str, Any]]:
        from shuangsuiji._spark_files import _bucket_runs

        got: Dict[int, List[bytes]] = {}
        for b, data in pairs:
            got.setdefault(b, []).append(data)
        for b, pieces in got.items():
            yield from _bucket_runs(starts[b], total, shift, pieces, items)

    out = leaves._rdd().flatMap(route).partitionBy(nb, lambda b: b).mapPartitions(bucket)
    out = out.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        small = out.filter(lambda r: r[0] != "piece").collect()
        failed = [v for kind, v in small if kind == "error"]
        if failed:
            _raise_error(failed[0])
        dups = [v for kind, v in small if kind == "dup"]
        if dups:
            u, item, a, b = min(dups)
            raise s._duplicate({"uscc": u, "item_id": item, "a": min(a, b), "b": max(a, b), "n": None})
        whole = {v[0]: v[1] for k, v in small if k == "run"}

        def join(group: Tuple[int, Iterable[Tuple[int, bytes]]]) -> Tuple[int, Any, Optional[str]]:
            import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

            from shuangsuiji import spark as sp
            from shuangsuiji._errors import ShuangsuijiError
            from shuangsuiji._spark_files import _error_text, _from_ipc

            run, parts = group
            t = pa.concat_tables([_from_ipc(d) for _, d in sorted(parts)])
            try:
                return run, sp.batch_commitment(t), None
            except ShuangsuijiError as e:
                return run, None, _error_text(e)

        pieces = out.filter(lambda r: r[0] == "piece").map(lambda r: r[1])
        for run, c, error in pieces.groupByKey().map(join).collect():
            if error is not None:
                _raise_error(error)
            whole[run] = c
    finally:
        out.unpersist()
    return counts, s.root_of_runs([whole[r] for r in sorted(whole)])


def _bucket_runs(start: int, total: int, shift: int, pieces: Sequence[bytes], items: Sequence[str]) -> Iterator[Tuple[str, Any]]:
    """One bucket's part of the scan (its first row is the ``start``-th of the
    canonical order): its slices sorted once by :func:`entry_keys`; the first
    duplicate as ``("dup", (uscc, item, stratum, stratum))``; each aligned run held
    whole committed, ``("run", (run, {root, size}))``; a run cut by the bucket's edges
    handed on as ``("piece", (run, (first_index, ipc)))``; a refused leaf as
    ``("error", text)``."""
    import numpy as np
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    from shuangsuiji import spark as s
    from shuangsuiji._errors import ShuangsuijiError

    t = pa.concat_tables([_from_ipc(p) for p in pieces])
    t = pa.table({c: _strings(t.column(c)) for c in LEAF_COLUMNS})
    try:
        keys = entry_keys(t, items)
    except ShuangsuijiError as e:
        yield "error", _error_text(e)
        return
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    t = t.take(order)
    n = t.num_rows
    same = np.flatnonzero(keys[1:] == keys[:-1])
    if same.size:
        k = int(same[0])
        u, i, st = t.column("uscc"), t.column("item_id"), t.column("stratum_key")
        yield "dup", (u[k].as_py(), i[k].as_py(), st[k].as_py(), st[k + 1].as_py())
        return
    at = 0
    while at < n:
        index = start + at
        run = index >> shift
        lo, hi = run << shift, min((run + 1) << shift, total)
        take = min(n - at, hi - index)
        piece = t.slice(at, take)
        if index == lo and index + take == hi:
            try:
                yield "run", (run, s.batch_commitment(piece))
            except ShuangsuijiError as e:
                yield "error", _error_text(e)
                return
        else:
            yield "piece", (run, (index, _ipc(piece)))
        at += take
