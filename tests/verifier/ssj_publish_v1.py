"""Independent checker of shuangsuiji publication, algorithm v1: the result document,
per-enterprise receipts and the whole-draw recomputation.

Written from docs/verify-spec-v1.md §"Publication" and docs/draw-spec-v1.md
§"Published result and receipts". It reuses the two independent pure-Python modules
of this folder (ssj_verify_v1: hashes, Merkle trees, plan hash, draw log;
ssj_draw_v1: tickets and the draw) and never imports the Rust library.

    python3 tests/verifier/ssj_publish_v1.py tests/vectors/publish/*.json
"""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Any, Optional

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import ssj_draw_v1 as d  # noqa: E402
import ssj_verify_v1 as v  # noqa: E402
from ssj_verify_v1 import VerifyError  # noqa: E402

FORCED_STRATUM = "forced"


def result_hash(result: dict) -> str:
    # §10.2: revision 0 is left out (written or not, the same document).
    if result.get("revision", 1) == 0:
        result = {k: x for k, x in result.items() if k != "revision"}
    return v.tagged_hash("result", v.canonical_json(result).encode("utf-8")).hex()


def catalog_hash(catalog: dict) -> str:
    return v.tagged_hash("catalog", v.canonical_json(catalog).encode("utf-8")).hex()


def validate_plan(plan: dict) -> None:
    """The per-stratum shape rules (the rest of the plan checks live in ssj_verify_v1)."""
    for i, item in enumerate(plan["items"]):
        for j, s in enumerate(item["strata"]):
            at = f"items[{i}].strata[{j}]"
            if s.get("max") is not None and s["min"] > s["max"]:
                raise VerifyError("count_invalid", f"{at}.min")
            if s["quota"] > s["population"]:
                raise VerifyError("count_invalid", f"{at}.quota")


def plan_hash(plan: dict) -> str:
    validate_plan(plan)
    return v.plan_hash(plan).hex()


def first_difference(e: Any, a: Any, path: str = "") -> Optional[str]:
    """Object keys in sorted order, array elements by index, then length."""
    def push(k: str) -> str:
        return k if not path else f"{path}.{k}"

    if isinstance(e, dict) and isinstance(a, dict):
        for k in sorted(set(e) | set(a)):
            if k not in e or k not in a:
                return push(k)
            r = first_difference(e[k], a[k], push(k))
            if r is not None:
                return r
        return None
    if isinstance(e, list) and isinstance(a, list):
        for i, (x, y) in enumerate(zip(e, a)):
            r = first_difference(x, y, f"{path}[{i}]")
            if r is not None:
                return r
        if len(e) != len(a):
            return f"{path}[{min(len(e), len(a))}]"
        return None
    if type(e) is not type(a) or e != a:
        return path or "$"
    return None


def draw_input(plan: dict, eligible: list[dict], catalog: dict, seed: str,
               adjustments: Optional[list[dict]] = None) -> dict:
    departments = {it["id"]: it["department"] for it in catalog["items"]}
    pool: dict[tuple[str, str], list[str]] = {}
    for leaf in eligible:
        pool.setdefault((leaf["item_id"], leaf["stratum_key"]), []).append(leaf["uscc"])
    items = []
    for i, item in enumerate(plan["items"]):
        if item["item_id"] not in departments:
            raise VerifyError("item_unknown", f"items[{i}].item_id")
        strata = [
            {
                "key": s["stratum_key"],
                "eligible": pool.pop((item["item_id"], s["stratum_key"]), []),
                "quota": s["quota"],
                "max_substitutions": plan.get("max_substitutions", 0),
            }
            for s in item["strata"]
        ]
        items.append({"item_id": item["item_id"], "department": departments[item["item_id"]],
                      "strata": strata})
    if pool:
        raise VerifyError("root_mismatch", "eligible")
    return {"algorithm": "v1", "task_id": plan["task_id"], "seed": seed, "mode": "fixed",
            "items": items, "adjustments": adjustments or []}


def logged_substitutions(log: dict, attempt: int) -> tuple[list[tuple[int, dict]], Optional[int],
                                                             Optional[int]]:
    """The attempt's substitution events (index, event), the index of its last revision
    event and of the first substitution after it (not yet published)."""
    subs: list[tuple[int, dict]] = []
    last_revision = pending = None
    for i, entry in enumerate(log["entries"]):
        ev = entry["event"]
        if ev.get("attempt") != attempt:
            continue
        if ev["kind"] == "substitution":
            subs.append((i, ev))
            if pending is None:
                pending = i
        elif ev["kind"] == "revision":
            last_revision, pending = i, None
    return subs, last_revision, pending


def replay(plan: dict, eligible: list[dict], catalog: dict, seed: str,
           subs: list[tuple[int, dict]]) -> dict:
    """The draw with the logged substitutions replayed in order (each in its own item);
    each must take the stratum and substitute its event names (draw spec §14)."""
    def request(ev: dict) -> dict:
        r = {"uscc": ev["replaced"], "item_id": ev["item_id"], "reason": ev["reason"]}
        if ev["evidence"]:
            r["evidence"] = ev["evidence"]
        return {"substitute": r}

    adjustments = [request(ev) for _, ev in subs]
    try:
        out = d.run(draw_input(plan, eligible, catalog, seed, adjustments))
    except d.DrawError as e:
        for k in range(len(subs)):  # the first substitution the draw refuses
            try:
                d.run(draw_input(plan, eligible, catalog, seed, adjustments[:k + 1]))
            except d.DrawError:
                raise VerifyError(e.code, f"entries[{subs[k][0]}]")
        raise VerifyError(e.code, None)
    for (i, ev), rec in zip(subs, out["substitutions"]):
        for field, got in (("stratum_key", rec["stratum"]), ("substitute", rec["substitute"])):
            if ev[field] != got:
                raise VerifyError("result_mismatch", f"entries[{i}].event.{field}")
    return out


def verify_draw(plan: dict, published_plan_hash: str, catalog: dict, log: dict, log_head: str,
                eligible: list[dict], result: dict) -> dict:
    """Recomputes everything; raises VerifyError(code, field) at the first mismatch."""
    v.check_published("plan", plan)
    v.check_published("result", result)
    v.check_published("log", log)
    v.check_published("eligible", eligible)
    ph = plan_hash(plan)
    if ph != published_plan_hash:
        raise VerifyError("plan_hash_mismatch", "plan_hash")
    if catalog_hash(catalog) != plan["catalog_hash"]:
        raise VerifyError("root_mismatch", "catalog_hash")
    try:
        _, hashes = v.build_tree("eligible", eligible)
    except VerifyError as e:
        raise VerifyError(e.code, "eligible" if e.field is None else f"eligible.{e.field}")
    if len(hashes) != plan["eligible"]["size"]:
        raise VerifyError("root_mismatch", "eligible.size")
    if v.mth(hashes).hex() != plan["eligible"]["root"]:
        raise VerifyError("root_mismatch", "eligible.root")
    counts: dict[tuple[str, str], int] = {}
    for leaf in eligible:
        k = (leaf["item_id"], leaf["stratum_key"])
        counts[k] = counts.get(k, 0) + 1
    for i, item in enumerate(plan["items"]):
        for j, s in enumerate(item["strata"]):
            n = counts.pop((item["item_id"], s["stratum_key"]), 0)
            if n != s["population"]:
                raise VerifyError("result_mismatch", f"items[{i}].strata[{j}].population")
            p, q = d.parse_ratio(s["ratio"])
            if d.quota(s["population"], p, q, s["min"], s.get("max")) != s["quota"]:
                raise VerifyError("result_mismatch", f"items[{i}].strata[{j}].quota")
    if counts:
        raise VerifyError("root_mismatch", "eligible")
    summary = v.verify_log(plan, log, log_head)
    attempt = len(summary["seeds"]) - 1
    seed = summary["seeds"][-1]
    if seed is None:
        raise VerifyError("log_order", "entries")
    seed_hex = seed if isinstance(seed, str) else seed.hex()
    subs, last_revision, pending = logged_substitutions(log, attempt)
    if pending is not None:
        raise VerifyError("log_order", f"entries[{pending}]")
    pin = last_revision
    if pin is None:
        pin = next((i for i, e in enumerate(log["entries"])
                    if e["event"]["kind"] == "draw" and e["event"]["attempt"] == attempt), None)
    if pin is None:
        raise VerifyError("log_order", "entries")
    before, logged_hash = log["entries"][pin - 1]["hash"], log["entries"][pin]["event"]["result_hash"]
    revision = summary["revisions"][-1]
    expected = {
        "algorithm": "v1",
        "plan_hash": ph,
        "attempt": attempt,
        "seed": seed_hex,
        "log_head": before,
        "draw": replay(plan, eligible, catalog, seed_hex, subs),
    }
    if revision:
        expected["revision"] = revision
    if result.get("attempt") != attempt:
        raise VerifyError("result_mismatch", "attempt")
    if result.get("revision", 0) != revision:
        raise VerifyError("result_mismatch", "revision")
    path = first_difference(expected, result)
    if path is not None:
        raise VerifyError("result_mismatch", path)
    if result_hash(result) != logged_hash:
        raise VerifyError("result_mismatch", "result_hash")
    return {"plan_hash": ph, "attempt": attempt, "seed": seed_hex, "result_hash": logged_hash,
            "log_head": log_head, "visits": len(result["draw"]["visits"])}


def _stratum_of(result: dict, item: str, stratum: str) -> Optional[dict]:
    for it in result["draw"]["items"]:
        if it["item_id"] == item:
            for s in it["strata"]:
                if s["key"] == stratum:
                    return s
    return None


def _key(c: dict) -> tuple[int, str]:
    return (int(c["ticket"], 16), c["uscc"])


def _check_absence(uscc: str, n: dict, tree: dict) -> None:
    """The exclusion leaves around ``uscc`` are consecutive and enclose it."""
    nxt = 0
    b = n.get("before")
    if b is not None:
        if b["leaf"]["uscc"] >= uscc:
            raise VerifyError("receipt_invalid", "not_excluded.before.leaf.uscc")
        _prove(v.excluded_leaf(b["leaf"]), b["proof"], tree, "not_excluded.before.proof")
        nxt = b["proof"]["leaf_index"] + 1
    a = n.get("after")
    if a is not None:
        if a["leaf"]["uscc"] <= uscc:
            raise VerifyError("receipt_invalid", "not_excluded.after.leaf.uscc")
        _prove(v.excluded_leaf(a["leaf"]), a["proof"], tree, "not_excluded.after.proof")
        if a["proof"]["leaf_index"] != nxt:
            raise VerifyError("receipt_invalid", "not_excluded.after.proof.leaf_index")
    elif nxt != tree["size"]:
        raise VerifyError("receipt_invalid", "not_excluded.after")


def _prove(leaf: bytes, proof: dict, tree: dict, prefix: str) -> None:
    try:
        v.verify_inclusion(leaf, proof, bytes.fromhex(tree["root"]), tree["size"])
    except VerifyError as e:
        raise VerifyError(e.code, prefix if e.field is None else f"{prefix}.{e.field}")


def verify_receipt(receipt: dict, plan: dict, result: dict) -> dict:
    """Checks one receipt against the published plan and result; returns the verdict."""
    v.check_published("plan", plan)
    v.check_published("result", result)
    v.check_published("receipt", receipt)
    ph = plan_hash(plan)
    if result["plan_hash"] != ph:
        raise VerifyError("result_mismatch", "result.plan_hash")
    rh = result_hash(result)
    if receipt["plan_hash"] != ph:
        raise VerifyError("plan_hash_mismatch", "plan_hash")
    if receipt["result_hash"] != rh:
        raise VerifyError("result_mismatch", "result_hash")
    uscc = receipt["uscc"]
    t = d.ticket(d.ticket_key(bytes.fromhex(result["seed"]), plan["task_id"]), uscc)
    if d.hex32(t) != receipt["ticket"]:
        raise VerifyError("receipt_invalid", "ticket")
    me = (t, uscc)
    nxt = 0
    b = receipt.get("before")
    if b is not None:
        if b["leaf"]["uscc"] >= uscc:
            raise VerifyError("receipt_invalid", "before.leaf.uscc")
        _prove(v.eligible_leaf(b["leaf"]), b["proof"], plan["eligible"], "before.proof")
        nxt = b["proof"]["leaf_index"] + 1
    items = []
    for k, e in enumerate(receipt["eligible"]):
        at = f"eligible[{k}]"
        leaf = {"uscc": uscc, "item_id": e["item_id"], "stratum_key": e["stratum_key"]}
        _prove(v.eligible_leaf(leaf), e["proof"], plan["eligible"], f"{at}.proof")
        if e["proof"]["leaf_index"] != nxt:
            raise VerifyError("receipt_invalid", f"{at}.proof.leaf_index")
        nxt += 1
        s = _stratum_of(result, e["item_id"], e["stratum_key"])
        if s is None:
            raise VerifyError("receipt_invalid", f"{at}.stratum_key")
        cutoff = s.get("cutoff")
        if e.get("cutoff") != cutoff:
            raise VerifyError("receipt_invalid", f"{at}.cutoff")
        replaced = any(p["uscc"] == uscc for p in s.get("replaced", []))
        if e.get("replaced", False) != replaced:
            raise VerifyError("receipt_invalid", f"{at}.replaced")
        limit = s.get("boundary") or cutoff
        selected = not replaced and limit is not None and me <= _key(limit)
        if e["selected"] != selected:
            raise VerifyError("receipt_invalid", f"{at}.selected")
        item = {"item_id": e["item_id"], "stratum_key": e["stratum_key"], "selected": selected}
        if replaced:
            item["replaced"] = True
        items.append(item)
    a = receipt.get("after")
    if a is not None:
        if a["leaf"]["uscc"] <= uscc:
            raise VerifyError("receipt_invalid", "after.leaf.uscc")
        _prove(v.eligible_leaf(a["leaf"]), a["proof"], plan["eligible"], "after.proof")
        if a["proof"]["leaf_index"] != nxt:
            raise VerifyError("receipt_invalid", "after.proof.leaf_index")
    elif nxt != plan["eligible"]["size"]:
        raise VerifyError("receipt_invalid", "after")
    excluded: list[str] = []
    x = receipt.get("excluded")
    absent = receipt.get("not_excluded")
    if x is not None and absent is not None:
        raise VerifyError("receipt_invalid", "not_excluded")
    if x is None and absent is None and plan["excluded"]["size"] > 0:
        raise VerifyError("receipt_invalid", "not_excluded")
    if x is None and absent is not None:
        _check_absence(uscc, absent, plan["excluded"])
    if x is not None:
        reasons = x["reasons"]
        if any(p >= q for p, q in zip(reasons, reasons[1:])):
            raise VerifyError("receipt_invalid", "excluded.reasons")
        leaf = v.excluded_leaf({"uscc": uscc, "reasons": reasons, "evidence": x["evidence"]})
        _prove(leaf, x["proof"], plan["excluded"], "excluded.proof")
        excluded = list(reasons)
    return {"uscc": uscc, "items": items, "excluded": excluded}


def main(paths: list[str]) -> int:
    for path in paths:
        doc = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        c = doc["ceremony"]
        s = verify_draw(c["plan"], c["plan_hash"], c["catalog"], c["log"], c["log_head"],
                        c["eligible"], c["result"])
        for r in c["receipts"]:
            verify_receipt(r, c["plan"], c["result"])
        print(f"{path}: draw verified ({s['visits']} visits), {len(c['receipts'])} receipts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
