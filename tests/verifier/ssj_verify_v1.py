"""Independent checker of the shuangsuiji verify primitives, algorithm v1.

Written from docs/verify-spec-v1.md alone, with the Python standard library only
(hashlib, json). It does not import the library: if it agrees with the Rust
implementation on the golden vectors in tests/vectors/verify/, the spec is
implementable without our code.

Covers: length prefix and tagged hash, Merkle leaves / roots / audit paths / proof
verification, commitments, beacon canonical forms (verification side only), seed
derivation, the ceremony checks, the plan hash, and the draw log (chain, ordering
rules, seeds, re-draws, published head).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from typing import Any, Optional

TAG_PREFIX = b"SSJ/v1/"


class VerifyError(Exception):
    """A verification failure with the stable code of the spec."""

    def __init__(self, code: str, field: Optional[str] = None, index: Optional[int] = None, **details: str):
        super().__init__(f"{code} field={field} index={index} {details}")
        self.code = code
        self.field = field
        self.index = index
        self.details = details


# ------------------------------------------------------------------ §2 encodings


def lp(b: bytes) -> bytes:
    if len(b) >= 1 << 32:
        raise VerifyError("too_many_bytes")
    return len(b).to_bytes(4, "big") + b


def sha256(b: bytes) -> bytes:
    return hashlib.sha256(b).digest()


def tagged_hash(tag: str, *fields: bytes) -> bytes:
    buf = lp(TAG_PREFIX + tag.encode("ascii"))
    for f in fields:
        buf += lp(f)
    return sha256(buf)


def canonical_json(value: Any) -> str:
    check_integers(value, "")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def check_integers(value: Any, path: str) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, float):
        raise VerifyError("number_not_integer", path or "$")
    if isinstance(value, int):
        if abs(value) > (1 << 53) - 1:
            raise VerifyError("number_not_integer", path or "$")
        return
    if isinstance(value, list):
        for i, v in enumerate(value):
            check_integers(v, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            check_integers(v, f"{path}.{k}" if path else k)


ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def check_id(s: str, what: str) -> None:
    if not ID_RE.match(s):
        raise VerifyError("id_invalid", what)


# ------------------------------------------------------------------ §2.6 canonical values

USCC_CANONICAL = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}\Z")
RATIO_CANONICAL = re.compile(r"(0|[1-9][0-9]*)/([1-9][0-9]*)\Z")
DATE_CANONICAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _canonical(ok: bool, field: str) -> None:
    if not ok:
        raise VerifyError("value_not_canonical", field)


def _uscc_ok(x: Any) -> bool:
    return isinstance(x, str) and USCC_CANONICAL.match(x) is not None


USCC_KEYS = ("uscc", "replaced", "substitute")


def _usccs(value: Any, path: str, out: list[tuple[bool, str]]) -> None:
    """Every USCC of a document in file order: a string under ``uscc``, ``replaced`` or
    ``substitute``, and each element of an ``added`` list."""
    if isinstance(value, dict):
        for k, x in value.items():
            p = f"{path}.{k}" if path else k
            if k in USCC_KEYS and isinstance(x, str):
                out.append((_uscc_ok(x), p))
            elif k == "added" and isinstance(x, list):
                out.extend((_uscc_ok(u), f"{p}[{n}]") for n, u in enumerate(x))
            else:
                _usccs(x, p, out)
    elif isinstance(value, list):
        for n, x in enumerate(value):
            _usccs(x, f"{path}[{n}]", out)


def check_published(doc: str, value: Any) -> None:
    """§2.6: the USCCs and ratios of a published file are written in canonical text;
    the first other spelling in file order is value_not_canonical naming the field,
    prefixed by the document's name (``plan``, ``eligible``, ``log``, ``result``,
    ``receipt``)."""
    fields: list[tuple[bool, str]] = []
    if doc == "plan":
        fields.append((isinstance(value["plan_date"], str)
                       and DATE_CANONICAL.match(value["plan_date"]) is not None, "plan_date"))
        for i, item in enumerate(value["items"]):
            for j, s in enumerate(item["strata"]):
                r = s["ratio"]
                fields.append((isinstance(r, str) and RATIO_CANONICAL.match(r) is not None,
                               f"items[{i}].strata[{j}].ratio"))
    else:
        _usccs(value, "", fields)
    for ok, field in fields:
        _canonical(ok, f"{doc}{field}" if field.startswith("[") else f"{doc}.{field}")


# ------------------------------------------------------------------ §3 Merkle


def encode_list(items: list[str], field: str) -> bytes:
    out = b""
    srt = sorted(x.encode("utf-8") for x in items)
    for i, x in enumerate(srt):
        if not x:
            raise VerifyError("leaf_invalid", field)
        if i > 0 and srt[i - 1] == x:
            raise VerifyError("leaf_invalid", field)
        out += lp(x)
    return out


def leaf_bytes(tag: str, *fields: bytes) -> bytes:
    out = lp(TAG_PREFIX + tag.encode("ascii"))
    for f in fields:
        out += lp(f)
    return out


def _nonempty(s: str, field: str) -> None:
    if not s:
        raise VerifyError("leaf_invalid", field)


def eligible_leaf(l: dict) -> bytes:
    _nonempty(l["item_id"], "item_id")
    _nonempty(l["stratum_key"], "stratum_key")
    return leaf_bytes("leaf-eligible", l["uscc"].encode(), l["item_id"].encode(), l["stratum_key"].encode())


def eligible_key(l: dict) -> tuple:
    return (l["uscc"].encode(), l["item_id"].encode())


def excluded_leaf(l: dict) -> bytes:
    if not l["reasons"]:
        raise VerifyError("leaf_invalid", "reasons")
    return leaf_bytes("leaf-excluded", l["uscc"].encode(), encode_list(l["reasons"], "reasons"), l["evidence"].encode())


def excluded_key(l: dict) -> tuple:
    return (l["uscc"].encode(),)


def conflicts_hash(conflicts: list[str]) -> bytes:
    return sha256(encode_list(conflicts, "conflicts"))


def inspector_leaf(l: dict) -> bytes:
    _nonempty(l["id"], "id")
    _nonempty(l["department"], "department")
    return leaf_bytes(
        "leaf-inspector",
        l["id"].encode(),
        l["department"].encode(),
        b"\x01" if l["certified"] else b"\x00",
        encode_list(l["qualifications"], "qualifications"),
        conflicts_hash(l["conflicts"]),
        l["capacity"].to_bytes(4, "big"),
    )


def inspector_key(l: dict) -> tuple:
    return (l["id"].encode(),)


LEAF_TYPES = {
    "eligible": (eligible_leaf, eligible_key),
    "excluded": (excluded_leaf, excluded_key),
    "inspector": (inspector_leaf, inspector_key),
}


def leaf_hash(d: bytes) -> bytes:
    return sha256(b"\x00" + d)


def node_hash(l: bytes, r: bytes) -> bytes:
    return sha256(b"\x01" + l + r)


def split(n: int) -> int:
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def mth(hashes: list[bytes]) -> bytes:
    if not hashes:
        return sha256(b"")
    if len(hashes) == 1:
        return hashes[0]
    k = split(len(hashes))
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))


def audit_path(m: int, hashes: list[bytes]) -> list[bytes]:
    if len(hashes) <= 1:
        return []
    k = split(len(hashes))
    if m < k:
        return audit_path(m, hashes[:k]) + [mth(hashes[k:])]
    return audit_path(m - k, hashes[k:]) + [mth(hashes[:k])]


def build_tree(kind: str, leaves: list[dict]) -> tuple[list[bytes], list[bytes]]:
    """Returns (sorted leaf bytes, leaf hashes); raises leaf_duplicate."""
    enc, key = LEAF_TYPES[kind]
    rows = sorted(((key(l), enc(l)) for l in leaves), key=lambda r: r[0])
    for a, b in zip(rows, rows[1:]):
        if a[0] == b[0]:
            raise VerifyError("leaf_duplicate")
    data = [r[1] for r in rows]
    return data, [leaf_hash(d) for d in data]


def verify_inclusion(leaf: bytes, proof: dict, root: bytes, size: int) -> None:
    """RFC 9162 §2.1.3.2, the tree size taken from the commitment."""
    if proof["tree_size"] != size:
        raise VerifyError("merkle_proof_invalid", "tree_size")
    fn, sn = proof["leaf_index"], proof["tree_size"] - 1
    if fn > sn:
        raise VerifyError("merkle_proof_invalid", "leaf_index")
    r = leaf_hash(leaf)
    for p_hex in proof["audit_path"]:
        p = bytes.fromhex(p_hex)
        if sn == 0:
            raise VerifyError("merkle_proof_invalid", "audit_path")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerifyError("merkle_proof_invalid", "audit_path")
    if r != root:
        raise VerifyError("merkle_proof_invalid", "root")


# ------------------------------------------------------------------ §4 beacons

LOTTERIES = {
    "cwl_ssq": (("red", 6, 33), ("blue", 1, 16)),
    "csl_dlt": (("front", 5, 35), ("back", 2, 12)),
}


def _bad(field: str, reason: str) -> VerifyError:
    return VerifyError("beacon_invalid", field, reason=reason)


def _check_balls(part: str, spec: tuple) -> None:
    name, count, mx = spec
    balls = part.split(".")
    if len(balls) != count:
        raise _bad(name, "count")
    prev = 0
    for b in balls:
        if len(b) != 2 or not all("0" <= c <= "9" for c in b):
            raise _bad(name, "padding")
        n = int(b)
        if n == 0 or n > mx:
            raise _bad(name, "out_of_range")
        if n == prev:
            raise _bad(name, "duplicate")
        if n < prev:
            raise _bad(name, "unsorted")
        prev = n


def validate_value(kind: str, text: str) -> None:
    if kind in LOTTERIES:
        if "+" not in text:
            raise _bad("value", "separator")
        main, extra = text.split("+", 1)
        _check_balls(main, LOTTERIES[kind][0])
        _check_balls(extra, LOTTERIES[kind][1])
    elif kind == "index_close":
        if "." not in text:
            raise _bad("fraction", "padding")
        i, f = text.split(".", 1)
        if not re.fullmatch(r"(0|[1-9][0-9]{0,11})", i):
            raise _bad("integer", "padding")
        if not re.fullmatch(r"[0-9]{2}", f):
            raise _bad("fraction", "padding")
    elif kind == "hex":
        if not re.fullmatch(r"(?:[0-9a-f]{2}){1,512}", text):
            raise _bad("hex", "format")
    elif kind == "text":
        ok = 0 < len(text.encode("utf-8")) <= 1024 and all(0x20 <= ord(c) <= 0x7E for c in text)
        if not ok or text.startswith(" ") or text.endswith(" "):
            raise _bad("text", "format")
    else:
        raise VerifyError("beacon_invalid", "kind")


def validate_spec(spec: dict) -> None:
    check_id(spec["source_id"], "source_id")
    check_id(spec["series"], "series")
    kind, draw = spec["kind"], spec["draw"]
    if kind in LOTTERIES:
        ok = re.fullmatch(r"[0-9]{7}", draw) is not None and draw[4:] != "000"
    elif kind == "index_close":
        try:
            ok = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", draw) is not None and bool(
                datetime.date.fromisoformat(draw)
            )
        except ValueError:
            ok = False
    else:
        ok = ID_RE.match(draw) is not None
    if not ok:
        raise VerifyError("beacon_invalid", "draw", source=spec["source_id"])


# ------------------------------------------------------------------ §5 ceremony and seed


def commitment(party_id: str, secret: bytes) -> bytes:
    check_id(party_id, "party")
    return tagged_hash("commit", party_id.encode(), secret)


def derive_seed(plan_hash: bytes, attempt: int, beacons: list[tuple[str, str]], secrets: list[tuple[str, bytes]]) -> bytes:
    bb = b""
    for s, v in sorted(beacons, key=lambda x: x[0].encode()):
        bb += lp(s.encode()) + lp(v.encode())
    fields = [plan_hash, attempt.to_bytes(4, "big"), bb]
    for p, s in sorted(secrets, key=lambda x: x[0].encode()):
        fields += [p.encode(), s]
    return tagged_hash("seed", *fields)


def validate_ceremony(sources: list[dict], parties: list[dict]) -> None:
    seen = set()
    for p in parties:
        check_id(p["party_id"], "party")
        if p["party_id"] in seen:
            raise VerifyError("party_duplicate", "parties", party=p["party_id"])
        seen.add(p["party_id"])
    ids, inst = set(), set()
    for s in sources:
        validate_spec(s)
        if s["source_id"] in ids or (s["series"], s["draw"]) in inst:
            raise VerifyError("beacon_duplicate", "beacons", source=s["source_id"])
        ids.add(s["source_id"])
        inst.add((s["series"], s["draw"]))


def ceremony_seed(plan_hash: bytes, attempt: int, sources: list[dict], parties: list[dict],
                  reveals: list[dict], beacons: list[dict]) -> bytes:
    """The checks of spec §5.3 in their order, then the seed."""
    validate_ceremony(sources, parties)
    reveals = sorted(reveals, key=lambda r: r["party"].encode())
    by_party: dict[str, dict] = {}
    for r in reveals:
        if r["party"] in by_party:
            raise VerifyError("party_duplicate", party=r["party"])
        by_party[r["party"]] = r
    commits = {p["party_id"]: bytes.fromhex(p["commitment"]) for p in parties}
    for r in reveals:
        if r["party"] not in commits:
            raise VerifyError("party_unknown", party=r["party"])
    secrets = []
    for party in sorted(commits, key=str.encode):
        if party in by_party:
            sec = bytes.fromhex(by_party[party]["secret"])
            if commitment(party, sec) != commits[party]:
                raise VerifyError("reveal_mismatch", party=party)
            secrets.append((party, sec))
    for party in sorted(commits, key=str.encode):
        if party not in by_party:
            raise VerifyError("reveal_missing", party=party)
    beacons = sorted(beacons, key=lambda b: b["source"].encode())
    by_source: dict[str, dict] = {}
    for b in beacons:
        if b["source"] in by_source:
            raise VerifyError("beacon_duplicate", source=b["source"])
        by_source[b["source"]] = b
    specs = {s["source_id"]: s for s in sources}
    values = []
    for b in beacons:
        if b["source"] not in specs:
            raise VerifyError("beacon_unknown", source=b["source"])
        try:
            validate_value(specs[b["source"]]["kind"], b["value"])
        except VerifyError as e:
            e.details["source"] = b["source"]
            raise
        values.append((b["source"], b["value"]))
    for s in sorted(specs, key=str.encode):
        if s not in by_source:
            raise VerifyError("beacon_missing", source=s)
    return derive_seed(plan_hash, attempt, values, secrets)


# ------------------------------------------------------------------ §6 plan


def canonical_plan(plan: dict) -> dict:
    p = json.loads(json.dumps(plan))
    # §6.1 defaults: written or left out, the same plan.
    if p.get("max_substitutions", 0) == 0:
        p.pop("max_substitutions", None)
    for it in p["items"]:
        for s in it["strata"]:
            if s.get("max", 0) is None:
                del s["max"]
    p["items"].sort(key=lambda i: i["item_id"].encode())
    for it in p["items"]:
        it["strata"].sort(key=lambda s: s["stratum_key"].encode())
    p["beacons"].sort(key=lambda b: b["source_id"].encode())
    p["parties"].sort(key=lambda x: x["party_id"].encode())
    return p


def plan_hash(plan: dict) -> bytes:
    return tagged_hash("plan", canonical_json(canonical_plan(plan)).encode("utf-8"))


def tags_hash(tags: dict) -> bytes:
    """§6.4: the hash of the tags a plan binds (the eligibility report's `tags`:
    `set`, `effects`, `repair_policy`)."""
    return tagged_hash("tags", canonical_json(tags).encode("utf-8"))


def verify_tags(plan: dict, tags: Optional[dict]) -> None:
    """§6.4: the published tags against the plan's `tags_hash` (absent: no tags)."""
    committed = plan.get("tags_hash")
    if committed is None and tags is None:
        return
    if tags is None:
        raise VerifyError("root_mismatch", "tags")
    actual = tags_hash(tags).hex()
    if committed != actual:
        raise VerifyError("root_mismatch", "tags_hash", expected=committed or "", actual=actual)


# ------------------------------------------------------------------ §7 draw log


def genesis(ph: bytes) -> bytes:
    return tagged_hash("log-genesis", ph)


def chain_hash(prev: bytes, event: dict) -> bytes:
    return tagged_hash("log", prev, canonical_json(event).encode("utf-8"))


def _err(code: str, i: int, field: str, **d: str) -> VerifyError:
    return VerifyError(code, f"entries[{i}].event.{field}", i, **d)


class _Attempt:
    def __init__(self, sources, parties, start):
        self.sources = sources
        self.parties = parties
        self.fresh: list[dict] = []
        self.reveals: dict[str, str] = {}
        self.beacons: dict[str, str] = {}
        self.start = start
        self.frozen = start is None
        self.drawn = False
        self.seed: Optional[str] = None
        self.revision = 0
        self.pending = 0


def verify_log(plan: dict, log: dict, expected_head: Optional[str] = None) -> dict:
    entries = log["entries"]
    if not entries or entries[0]["event"]["kind"] != "plan_published":
        raise _err("log_order", 0, "kind")
    prev = genesis(bytes.fromhex(entries[0]["event"]["plan_hash"]))
    for i, e in enumerate(entries):
        h = chain_hash(prev, e["event"])
        if h.hex() != e["hash"]:
            raise VerifyError("log_chain_broken", f"entries[{i}].hash", i)
        prev = h
    head = prev.hex()
    ph = plan_hash(plan)
    if entries[0]["event"]["plan_hash"] != ph.hex():
        raise _err("plan_hash_mismatch", 0, "plan_hash")
    order = plan["reveal_order"]
    plan_parties = {p["party_id"] for p in plan["parties"]}
    attempts = [_Attempt(plan["beacons"], plan["parties"], None)]

    def freeze() -> None:
        # §7.3 rule 4 and 9: a re-draw attempt's parties are its fresh commitments,
        # which must come from every party of the plan.
        cur = attempts[-1]
        if cur.frozen:
            return
        fresh = {p["party_id"] for p in cur.fresh}
        for party in sorted(plan_parties, key=lambda x: x.encode()):
            if party not in fresh:
                raise VerifyError("commitment_missing", f"entries[{cur.start}]",
                                  cur.start, party=party)
        cur.parties = cur.fresh
        cur.frozen = True

    for i, entry in enumerate(entries[1:], start=1):
        ev = entry["event"]
        kind = ev["kind"]
        cur = attempts[-1]
        if kind == "plan_published":
            raise _err("log_order", i, "kind")
        if kind != "redraw" and ev["attempt"] != len(attempts) - 1:
            raise _err("log_order", i, "attempt")
        if kind == "commitment":
            if ev["attempt"] == 0:
                raise _err("log_order", i, "attempt")
            if ev["party"] not in plan_parties:
                raise _err("party_unknown", i, "party", party=ev["party"])
            if cur.frozen:
                raise _err("log_order", i, "kind")
            if any(p["party_id"] == ev["party"] for p in cur.fresh):
                raise _err("party_duplicate", i, "party", party=ev["party"])
            if any(p["commitment"] == ev["commitment"]
                   for a in attempts for p in list(a.parties) + a.fresh):
                raise _err("redraw_invalid", i, "commitment", party=ev["party"])
            cur.fresh.append({"party_id": ev["party"], "commitment": ev["commitment"]})
        elif kind == "reveal":
            freeze()
            if cur.drawn:
                raise _err("log_order", i, "kind")
            if order == "before_beacon" and cur.beacons:
                raise _err("log_order", i, "kind")
            if order == "after_beacon" and len(cur.beacons) < len(cur.sources):
                raise _err("log_order", i, "kind")
            party = ev["party"]
            commits = {p["party_id"]: p["commitment"] for p in cur.parties}
            if party in cur.reveals:
                raise _err("party_duplicate", i, "party", party=party)
            if party not in commits:
                raise _err("party_unknown", i, "party", party=party)
            if commitment(party, bytes.fromhex(ev["secret"])).hex() != commits[party]:
                raise _err("reveal_mismatch", i, "secret", party=party)
            cur.reveals[party] = ev["secret"]
        elif kind == "beacon":
            freeze()
            if cur.drawn:
                raise _err("log_order", i, "kind")
            if order == "before_beacon" and len(cur.reveals) < len(cur.parties):
                raise _err("log_order", i, "kind")
            src = ev["source"]
            specs = {s["source_id"]: s for s in cur.sources}
            if src in cur.beacons:
                raise _err("beacon_duplicate", i, "source")
            if src not in specs:
                raise _err("beacon_unknown", i, "source")
            try:
                validate_value(specs[src]["kind"], ev["value"])
            except VerifyError as e:
                raise _err("beacon_invalid", i, f"value.{e.field}") from e
            cur.beacons[src] = ev["value"]
        elif kind == "draw":
            freeze()
            if cur.drawn:
                raise _err("log_order", i, "kind")
            try:
                seed = ceremony_seed(
                    ph, ev["attempt"], cur.sources, cur.parties,
                    [{"party": p, "secret": s} for p, s in cur.reveals.items()],
                    [{"source": s, "value": v} for s, v in cur.beacons.items()],
                )
            except VerifyError as e:
                field = "beacons" if e.code.startswith("beacon") else "reveals"
                raise _err(e.code, i, field, **e.details) from e
            if seed.hex() != ev["seed"]:
                raise _err("result_mismatch", i, "seed")
            cur.drawn = True
            cur.seed = ev["seed"]
        elif kind == "substitution":
            if not cur.drawn:
                raise _err("log_order", i, "kind")
            for f in ("item_id", "stratum_key", "reason"):
                if not ev[f].strip():
                    raise _err("log_order", i, f)
            cur.pending += 1
        elif kind == "revision":
            if not cur.drawn:
                raise _err("log_order", i, "kind")
            if cur.pending == 0:
                raise _err("log_order", i, "kind")
            if ev["revision"] != cur.revision + 1:
                raise _err("log_order", i, "revision")
            cur.revision += 1
            cur.pending = 0
        elif kind == "outcomes":
            # docs/outcomes-spec-v1.md §4: after the draw, naming the current revision.
            if not cur.drawn:
                raise _err("log_order", i, "kind")
            if ev["revision"] != cur.revision:
                raise _err("log_order", i, "revision")
        elif kind == "redraw":
            freeze()
            if ev["attempt"] != len(attempts):
                raise _err("redraw_invalid", i, "attempt")
            if not ev["reason"].strip():
                raise _err("redraw_invalid", i, "reason")
            try:
                validate_ceremony(ev["beacons"], [])
            except VerifyError as e:
                raise VerifyError(e.code, e.field, i) from e
            if not ev["beacons"]:
                raise _err("beacon_missing", i, "beacons")
            used = {(s["series"], s["draw"]) for a in attempts for s in a.sources}
            if all((s["series"], s["draw"]) in used for s in ev["beacons"]):
                raise _err("redraw_invalid", i, "beacons")
            attempts.append(_Attempt(ev["beacons"], [], i))
        else:
            raise _err("log_order", i, "kind")
    freeze()
    if expected_head is not None and expected_head != head:
        raise VerifyError("result_mismatch", "head")
    return {"head": head, "seeds": [a.seed for a in attempts],
            "revisions": [a.revision for a in attempts]}
