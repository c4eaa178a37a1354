"""shuangsuiji.spark (issue #24): the draw and its commitment in parts equal the
one-process path.

* Without Spark (many cases): a generated roster cut into 1–64 parts — round robin,
  skewed, with empty parts, as Arrow batches — merges into exactly ``draw``'s result;
  aligned Merkle runs give ``merkle_tree``'s root.
* On a local Spark (``local[2]``, one session for the module): plan hash, published
  result and log byte-identical to ``publish_draw`` over the same entries. Skipped only
  when no Java runtime is found.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
import sys
from typing import Any, Dict, List

import pytest

import shuangsuiji as ssj
from shuangsuiji import _shuangsuiji as _core
from shuangsuiji import spark as S
from vectors import load

pa = pytest.importorskip("pyarrow")

C = load("publish/ceremony.json")["ceremony"]


def make_usccs(n: int, seed: int = 1) -> List[str]:
    rng = random.Random(seed)
    out = set()
    while len(out) < n:
        out.add(ssj.complete_uscc("92150581" + _org(rng)))
    return sorted(out)


def _org(rng: random.Random) -> str:
    """8 characters and their GB 11714 check character (9 characters of the USCC)."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    values = [int(c, 36) for c in body]
    c = 11 - sum(v * w for v, w in zip(values, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def template() -> Dict[str, Any]:
    return copy.deepcopy(C["plan"])


def generated_leaves(n: int, seed: int = 7) -> List[Dict[str, str]]:
    """Each enterprise eligible for 1–3 of the plan's items, in a random stratum of each."""
    rng = random.Random(seed)
    plan = template()
    leaves = []
    for u in make_usccs(n, seed):
        for item in plan["items"]:
            if rng.random() < 0.8:
                keys = [s["stratum_key"] for s in item["strata"]]
                leaves.append({"uscc": u, "item_id": item["item_id"], "stratum_key": rng.choice(keys)})
    return leaves


def table(leaves: List[Dict[str, str]]) -> Any:
    return pa.table({c: [leaf[c] for leaf in leaves] for c in S.LEAF_COLUMNS})


def one_process(leaves: List[Dict[str, str]]) -> Dict[str, Any]:
    """The reference: plan, log and published result by the one-process functions."""
    counts: Dict[Any, int] = {}
    for leaf in leaves:
        k = (leaf["item_id"], leaf["stratum_key"])
        counts[k] = counts.get(k, 0) + 1
    plan = template()
    for item in plan["items"]:
        for s in item["strata"]:
            s["population"] = counts.get((item["item_id"], s["stratum_key"]), 0)
            s["quota"] = ssj.quota(s["population"], s["ratio"], s.get("min"), s.get("max"))
    plan["eligible"] = ssj.merkle_tree("eligible", leaves)["commitment"]
    plan["max_substitutions"] = 1
    plan_hash = ssj.plan_hash(plan)
    log = ssj.new_log(plan_hash)
    beacons, secrets = [], []
    for e in C["log"]["entries"]:
        ev = e["event"]
        if ev["kind"] == "beacon":
            beacons.append({"source": ev["source"], "value": ev["value"]})
        if ev["kind"] == "reveal":
            secrets.append({"party": ev["party"], "secret": ev["secret"]})
        if ev["kind"] in ("beacon", "reveal"):
            log = ssj.log_append(log, ev)
    seed = ssj.derive_seed(plan_hash, 0, beacons, secrets)
    result, published_log = ssj.publish_draw(plan, leaves, C["catalog"], log, 0, seed)
    return {"plan": plan, "plan_hash": plan_hash, "log": log, "seed": seed, "result": result, "published_log": published_log}


def canonical(doc: Any) -> str:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# --------------------------------------------------------------- without Spark


def draw_input(leaves: List[Dict[str, str]]) -> Dict[str, Any]:
    """A joint draw over the generated entries, with an expansion and substitutions."""
    strata: Dict[str, Dict[str, List[str]]] = {}
    for leaf in leaves:
        strata.setdefault(leaf["item_id"], {}).setdefault(leaf["stratum_key"], []).append(leaf["uscc"])
    items = [
        {
            "item_id": item,
            "department": "market",
            "strata": [
                {"key": k, "eligible": v, "quota": ssj.quota(len(v), "3/100", 1), "max_substitutions": 2}
                for k, v in sorted(s.items())
            ],
        }
        for item, s in sorted(strata.items())
    ]
    inp = {"algorithm": "v1", "task_id": "spark-prop", "seed": "07" * 32, "mode": "fixed", "items": items}
    first = ssj.draw(inp)
    first_item = items[0]
    inp["adjustments"] = [
        {"expand": {"item_id": first_item["item_id"], "stratum": first_item["strata"][0]["key"], "extra": 2}},
        {"substitute": {"uscc": first["visits"][0]["uscc"], "reason": "unreachable"}},
        {"substitute": {"uscc": first["visits"][1]["uscc"], "reason": "deregistered_after_draw"}},
    ]
    return inp


def without_lists(inp: Dict[str, Any]) -> Dict[str, Any]:
    out = copy.deepcopy(inp)
    for item in out["items"]:
        for s in item["strata"]:
            s["eligible"] = []
    return out


def cut(rows: List[Dict[str, str]], parts: int, how: str, rng: random.Random) -> List[List[Dict[str, str]]]:
    out: List[List[Dict[str, str]]] = [[] for _ in range(parts)]
    for i, r in enumerate(rows):
        if how == "round_robin":
            p = i % parts
        elif how == "random":
            p = rng.randrange(parts)
        else:  # skewed: most rows in one part, a few elsewhere, many parts empty
            p = 0 if rng.random() < 0.9 else rng.randrange(max(1, parts // 3))
        out[p].append(r)
    return out


LEAVES = generated_leaves(3000)
INPUT = draw_input(LEAVES)
EXPECTED = ssj.draw(INPUT)
TOTALS = sorted(
    (
        {"item_id": i["item_id"], "stratum": s["key"], "eligible_count": len(s["eligible"])}
        for i in INPUT["items"]
        for s in i["strata"]
    ),
    key=lambda c: (c["item_id"], c["stratum"]),
)


@pytest.mark.parametrize("case", range(40))
def test_parts_merge_into_the_one_process_draw(case: int):
    rng = random.Random(case)
    parts = rng.choice([1, 2, 3, 7, 16, 33, 64])
    how = ["round_robin", "random", "skewed"][case % 3]
    rows = LEAVES[:]
    rng.shuffle(rows)
    pieces = cut(rows, parts, how, rng)
    totals = TOTALS if case % 2 else ()
    base = without_lists(INPUT)
    cands = [S.batch_candidates(base, table(p), totals) for p in pieces]
    assert S.merge(base, cands) == EXPECTED


def test_limits_shrink_what_parts_send():
    pieces = cut(LEAVES, 16, "round_robin", random.Random(0))
    base = without_lists(INPUT)
    sent = lambda cs: sum(len(s["kept"]) for c in cs for s in c["strata"])  # noqa: E731
    free = [S.batch_candidates(base, table(p)) for p in pieces]
    limited = [S.batch_candidates(base, table(p), TOTALS) for p in pieces]
    assert S.merge(base, limited) == S.merge(base, free) == EXPECTED
    assert sent(limited) <= sent(free)


def test_merge_keeps_the_result_in_the_core_and_reads_texts_strictly():
    pieces = cut(LEAVES, 3, "round_robin", random.Random(1))
    base = without_lists(INPUT)
    texts = [json.dumps(S.batch_candidates(base, table(p), TOTALS)) for p in pieces]
    merged = S.merge(base, texts)
    assert isinstance(merged, ssj.DrawHandle)
    assert json.loads(merged.to_json()) == EXPECTED and merged == EXPECTED
    assert S.merge(base, [json.loads(t) for t in texts]) == EXPECTED  # dicts as well as texts
    # A part the strict reader refuses gets the code run_operation("merge_candidates")
    # reports for the same input, and a field that names the part (the operation, which
    # reads its input as one text, names "input" for a duplicate key or broken JSON).
    first = texts[0]
    bad = {
        "duplicate key": first.replace('{"strata":', '{"strata":[],"strata":', 1),
        "unknown field": first.replace('{"strata":', '{"extra":1,"strata":', 1),
        "not JSON": first[:-3],
        "negative count": first.replace('"count":', '"count":-', 1),
    }
    for name, text in bad.items():
        with pytest.raises(ssj.ShuangsuijiError) as e:
            S.merge(base, [texts[1], text])
        with pytest.raises(ssj.ShuangsuijiError) as op:
            _core.run_operation("merge_candidates", '{"input":' + json.dumps(base) + ',"parts":[' + texts[1] + "," + text + "]}")
        assert e.value.code == op.value.code, name
        assert e.value.field.startswith("parts[1]"), (name, e.value.field, op.value.field)


def test_publish_from_candidate_texts_keeps_the_result_and_reads_strictly():
    leaves = generated_leaves(1500, seed=5)
    ref = one_process(leaves)
    plan, log, seed = ref["plan"], ref["log"], ref["seed"]
    inp = ssj.run_operation("plan_draw_input", {"plan": plan, "catalog": C["catalog"], "seed": seed})
    texts = [json.dumps(S.batch_candidates(inp, table(p))) for p in cut(leaves, 4, "random", random.Random(2))]
    args = {"plan": plan, "catalog": C["catalog"], "log": log, "attempt": 0, "seed": seed}
    held, log_text = _core.publish_candidate_texts(json.dumps(args), texts)
    assert json.loads(held.to_json()) == held.to_dict() == ref["result"]
    assert json.loads(log_text) == ref["published_log"]
    # The operation's own readers: a plan with a key twice, a fractional attempt, a bad
    # part — the codes the operation reports for the same input.
    op = lambda a, parts: _core.run_operation(  # noqa: E731
        "publish_draw_from_candidates", a[:-1] + ',"parts":[' + ",".join(parts) + "]}"
    )
    text = json.dumps(args)
    twice = text.replace('"plan": {', '"plan": {"max_substitutions": 1, ', 1)
    fraction = text.replace('"attempt": 0', '"attempt": 0.0', 1)
    # Parts that hold fewer entries than the plan's populations: the draw refuses them.
    cases = {
        "json_duplicate_key": (twice, texts),
        "number_not_integer": (fraction, texts),
        "json_shape": (text, texts[:1] + ["[]"]),
        "quota_exceeds_eligible": (text, texts[1:]),
    }
    for code, (bad, parts) in cases.items():
        with pytest.raises(ssj.ShuangsuijiError) as ours:
            _core.publish_candidate_texts(bad, parts)
        with pytest.raises(ssj.ShuangsuijiError) as theirs:
            op(bad, parts)
        assert ours.value.code == theirs.value.code == code, (code, ours.value.code, theirs.value.code)


def test_arrow_columns_with_offsets_large_strings_and_nulls():
    rows = LEAVES[:50]
    t = table(rows)
    base = without_lists(INPUT)
    sliced = t.slice(10, 30)
    assert S.batch_candidates(base, sliced) == S.batch_candidates(base, table(rows[10:40]))
    large = pa.table({c: pa.array([r[c] for r in rows], pa.large_string()) for c in S.LEAF_COLUMNS})
    assert S.batch_candidates(base, large) == S.batch_candidates(base, t)
    with pytest.raises(ssj.ShuangsuijiError) as e:
        S.batch_candidates(base, pa.table({"uscc": ["x", None], "item_id": ["a", "a"], "stratum_key": ["s", "s"]}))
    assert e.value.code == "cell_invalid"
    with pytest.raises(ssj.ShuangsuijiError) as e:
        S.batch_candidates(base, pa.table({"uscc": [rows[0]["uscc"]], "item_id": ["no.such"], "stratum_key": ["s"]}))
    assert e.value.code == "stratum_unknown"
    # Entries hold canonical USCCs (a table sorted by its text is then in the core's order).
    lower = pa.table({"uscc": [rows[0]["uscc"].lower()], "item_id": [rows[0]["item_id"]], "stratum_key": [rows[0]["stratum_key"]]})
    for call in (lambda: S.batch_candidates(base, lower), lambda: S.batch_commitment(lower)):
        with pytest.raises(ssj.ShuangsuijiError) as e:
            call()
        assert (e.value.code, e.value.details.get("field")) == ("value_not_canonical", "usccs[0]")


@pytest.mark.parametrize("run_log2", [0, 1, 3, 6, 10])
def test_aligned_runs_give_the_whole_root(run_log2: int):
    leaves = sorted(LEAVES[:777], key=lambda r: (r["uscc"], r["item_id"]))
    whole = ssj.merkle_tree("eligible", leaves)["commitment"]
    size = 1 << run_log2
    runs = [S.batch_commitment(table(leaves[i : i + size])) for i in range(0, len(leaves), size)]
    assert S.root_of_runs(runs) == whole


# --------------------------------------------------------------- on Spark


def _java() -> bool:
    java = shutil.which("java") or (os.environ.get("JAVA_HOME") and os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    if not java:
        return False
    return subprocess.run([java, "-version"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def spark():
    if not _java():
        pytest.skip("no Java runtime (java on PATH or JAVA_HOME): the Spark tests need Java 17; the test command installs openjdk-17-jre-headless")
    pytest.importorskip("pyspark")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("shuangsuiji-test")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def reference():
    leaves = generated_leaves(20_000, seed=11)
    return leaves, one_process(leaves)


def test_spark_publishes_what_one_process_publishes(spark, reference, tmp_path):
    leaves, ref = reference
    df = spark.createDataFrame(table(leaves)).repartition(7)
    tmpl = template()
    tmpl["max_substitutions"] = 1
    plan = S.plan(df, tmpl, run_log2=10)
    assert canonical(plan) == canonical(ref["plan"])
    assert ssj.plan_hash(plan) == ref["plan_hash"]
    result, log = S.publish_draw(df, plan, C["catalog"], ref["log"], 0, ref["seed"], out_dir=str(tmp_path))
    assert canonical(result) == canonical(ref["result"])
    assert canonical(log) == canonical(ref["published_log"])
    with open(tmp_path / "result.json", encoding="utf-8") as f:
        assert json.load(f) == ref["result"]
    # Anyone verifies the Spark-published draw with the one-process verifier.
    head = log["entries"][-1]["hash"]
    assert ssj.verify_draw(plan, ref["plan_hash"], C["catalog"], log, head, leaves, result)["attempt"] == 0


def test_spark_draw_and_duplicates(spark):
    leaves = LEAVES
    df = spark.createDataFrame(table(leaves)).repartition(5)
    assert S.draw(df, without_lists(INPUT)) == EXPECTED
    dup = spark.createDataFrame(table(leaves + leaves[:1]))
    with pytest.raises(ssj.ShuangsuijiError) as e:
        S.draw(dup, without_lists(INPUT))
    assert e.value.code == "eligible_duplicate"


def more_excluded(leaves: List[Dict[str, str]]) -> List[Dict[str, Any]]:
    """The vector's exclusion leaves, one enterprise that also has eligible entries, and
    enterprises without entries before, among and after the eligible ones."""
    have = sorted({leaf["uscc"] for leaf in leaves})
    rng = random.Random(5)
    lone = [u for u in make_usccs(40, seed=99) if u not in set(have)][:6]
    lone += [ssj.complete_uscc("91110000" + _org(rng)), ssj.complete_uscc("93990000" + _org(rng))]
    reason = ["market.food_production:deregistered"]
    return list(C["excluded"]) + [{"uscc": u, "reasons": reason, "evidence": ""} for u in lone + have[100:101]]


@pytest.mark.parametrize("run_log2", [2, 16])
def test_spark_receipts_are_the_one_process_receipt_files(spark, run_log2):
    leaves = generated_leaves(600, seed=13)
    ref = one_process(leaves)
    excluded = more_excluded(leaves)
    files = ssj.publication_files(ref["plan"], leaves, excluded, C["catalog"], ref["published_log"], ref["result"])
    expected = {k[len("receipts/") : -len(".json")]: v for k, v in files.items() if k.startswith("receipts/")}
    df = spark.createDataFrame(table(leaves)).repartition(5)
    got = S.receipts(df, ref["plan"], ref["result"], excluded, run_log2=run_log2)
    rows = got.collect()
    assert len(rows) == len(expected)  # each enterprise answered once
    assert {r["uscc"]: r["receipt"] for r in rows} == expected


def test_spark_receipts_refuse_leaves_that_are_not_the_plans(spark, reference):
    leaves, ref = reference
    df = spark.createDataFrame(table(generated_leaves(50, seed=3)))
    with pytest.raises(ssj.ShuangsuijiError) as e:
        S.receipts(df, ref["plan"], ref["result"]).collect()
    assert e.value.code == "root_mismatch"


@pytest.mark.parametrize("run_log2,parts", [(3, 1), (5, 6), (16, 3)])
def test_spark_scan_counts_and_root(spark, run_log2, parts):
    leaves = LEAVES[:2500]
    df = spark.createDataFrame(table(leaves)).repartition(parts)
    counts, root = S.scan(df, run_log2)
    assert root == ssj.merkle_tree("eligible", leaves)["commitment"]
    assert counts == S.eligible_counts(df)


def test_spark_plan_refuses_duplicates(spark):
    leaves = LEAVES[:500]
    twice = leaves + leaves[7:8]
    other = dict(leaves[9])
    other["stratum_key"] = "elsewhere" if other["stratum_key"] != "elsewhere" else "x"
    for rows, code in [(twice, "eligible_duplicate"), (leaves + [other], "stratum_overlap")]:
        with pytest.raises(ssj.ShuangsuijiError) as e:
            S.plan(spark.createDataFrame(table(rows)).repartition(3), template())
        assert e.value.code == code


def test_province_example_publishes_a_folder_that_verifies(spark, tmp_path):
    """examples/python/spark_province.py end to end at a small size (its own session)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    example = os.path.join(root, "examples", "python", "spark_province.py")
    proc = subprocess.run([sys.executable, example, str(tmp_path), "--n", "1500"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
    assert "verify_publication:" in proc.stdout
    files = ssj.read_publication_folder(tmp_path)
    check = ssj.verify_publication(files)
    assert check["receipts"] == len([k for k in files if k.startswith("receipts/")]) > 1000
    assert (tmp_path / "receipts.parquet").is_dir() and (tmp_path / "eligible").is_dir()


# --------------------------------------------------------------- the Parquet route


def test_entry_keys_sort_in_the_canonical_leaf_order():
    """Without Spark: the 20-byte keys' byte order is (USCC, item) order, equal keys are
    equal entries, and USCCs that are not 18 bytes are refused with a typed error."""
    from shuangsuiji import _spark_files as F

    np = pytest.importorskip("numpy")
    rows = LEAVES[:1500]
    t = table(rows)
    items = sorted({r["item_id"] for r in rows})
    keys = F.entry_keys(t, items)
    order = np.argsort(keys, kind="stable")
    expected = sorted(range(len(rows)), key=lambda i: (rows[i]["uscc"].encode(), rows[i]["item_id"].encode()))
    assert list(order) == expected
    h = F.fingerprints(keys)
    assert len(set(h.tolist())) == len(rows)  # no collision among 1 500 distinct keys
    assert (F.fingerprints(F.entry_keys(table(rows[:5] + rows[:1]), items))[[0, 5]] == h[0]).all()
    bad = table(rows[:3])
    bad = bad.set_column(0, "uscc", pa.array([rows[0]["uscc"], "91X", rows[2]["uscc"]]))
    with pytest.raises(ssj.ShuangsuijiError) as e:
        F.entry_keys(bad, items)
    assert (e.value.code, e.value.details.get("field")) == ("uscc_length", "usccs[1]")
    # Rows read back for a hash seen twice: only equal (USCC, item) pairs are duplicates.
    u, v = make_usccs(2, seed=5)
    assert F.first_duplicate([(u, "a", "s"), (v, "a", "s"), (u, "b", "s")]) is None
    assert F.first_duplicate([(v, "a", "t"), (u, "b", "s"), (v, "a", "s")]) == {"uscc": v, "item_id": "a", "a": "s", "b": "t", "n": 2}


def _write_layout(leaves: List[Dict[str, str]], folder: Any, case: int) -> Any:
    """The leaves as Parquet in a layout chosen by ``case``: one file or many, row
    groups of random sizes, skewed files, an empty file, or Hive partitions by item."""
    import pyarrow.parquet as pq

    rng = random.Random(case)
    rows = leaves[:]
    rng.shuffle(rows)
    os.makedirs(folder, exist_ok=True)
    if case % 4 == 3:  # Hive layout: item_id=…/ folders, the column in the path only
        pq.write_to_dataset(table(rows), str(folder), partition_cols=["item_id"], row_group_size=rng.choice([97, 1000, 5000]))
        return str(folder)
    files = rng.choice([1, 2, 5, 9])
    pieces = cut(rows, files, ["round_robin", "random", "skewed"][case % 3], rng)
    paths = []
    for k, piece in enumerate(pieces):
        path = os.path.join(str(folder), f"part-{k:03d}.parquet")
        empty = pa.table({c: pa.array([], pa.string()) for c in S.LEAF_COLUMNS})
        pq.write_table(table(piece) if piece else empty, path, row_group_size=rng.choice([50, 333, 2000, 100_000]))
        paths.append(path)
    return str(folder) if case % 2 else paths


@pytest.mark.parametrize("case", range(8))
def test_parquet_route_equals_the_one_process_path(spark, case, tmp_path):
    """The executors read the files themselves: the plan's counts and root, the draw
    and its duplicate check equal the one-process results whatever the files, row
    groups and tasks (a task per row group up to all in one)."""
    leaves = LEAVES
    source = _write_layout(leaves, tmp_path / "leaves", case)
    files = S.parquet_leaves(spark, source, task_rows=random.Random(case).choice([1, 700, 4000, 1 << 20]))
    assert files.rows == len(leaves)
    counts, root = S.scan(files, run_log2=[2, 5, 10, 16][case % 4])
    assert root == ssj.merkle_tree("eligible", leaves)["commitment"]
    assert counts == S.eligible_counts(files) == TOTALS
    assert S.draw(files, without_lists(INPUT)) == EXPECTED


def test_parquet_route_publishes_what_one_process_publishes(spark, reference, tmp_path):
    leaves, ref = reference
    files = S.parquet_leaves(spark, _write_layout(leaves, tmp_path / "leaves", 5), task_rows=3000)
    tmpl = template()
    tmpl["max_substitutions"] = 1
    plan = S.plan(files, tmpl, run_log2=10)
    assert canonical(plan) == canonical(ref["plan"])
    result, log = S.publish_draw(files, plan, C["catalog"], ref["log"], 0, ref["seed"], out_dir=str(tmp_path / "out"))
    assert canonical(result) == canonical(ref["result"])
    assert canonical(log) == canonical(ref["published_log"])
    assert (tmp_path / "out" / "eligible").is_dir()


def test_parquet_route_refuses_duplicates_and_bad_cells_with_typed_errors(spark, tmp_path):
    """Across files and tasks: the same entry twice (``eligible_duplicate``), one
    enterprise in two strata of an item (``stratum_overlap``), a malformed USCC, a
    missing column — each a typed error from the plan and from the draw."""
    import pyarrow.parquet as pq

    leaves = LEAVES[:900]
    other = dict(leaves[9])
    other["stratum_key"] = "credit=A" if other["stratum_key"] != "credit=A" else "credit=B"
    short = dict(leaves[3])
    short["uscc"] = short["uscc"][:17]
    cases = [(leaves[700:701], "eligible_duplicate"), ([other], "stratum_overlap"), ([short], "uscc_length")]
    for k, (extra, code) in enumerate(cases):
        folder = tmp_path / f"case{k}"
        folder.mkdir()
        pq.write_table(table(leaves), folder / "a.parquet", row_group_size=128)
        pq.write_table(table(extra), folder / "b.parquet")
        files = S.parquet_leaves(spark, str(folder), task_rows=256)
        for call in (lambda: S.plan(files, template()), lambda: S.draw(files, without_lists(INPUT))):
            with pytest.raises(ssj.ShuangsuijiError) as e:
                call()
            assert e.value.code == code
            if code != "uscc_length":
                assert e.value.details["value"] == extra[0]["uscc"]
    pq.write_table(pa.table({"uscc": ["x"], "item_id": ["y"]}), tmp_path / "two.parquet")
    with pytest.raises(ssj.ShuangsuijiError) as e:
        S.parquet_leaves(spark, str(tmp_path / "two.parquet"))
    assert (e.value.code, e.value.details["column"]) == ("column_missing", "stratum_key")
