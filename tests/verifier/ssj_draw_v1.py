"""Independent verifier of the shuangsuiji draw, algorithm v1.

Written from docs/draw-spec-v1.md alone: it uses only the Python standard library
(hashlib) and the ChaCha20 of the `cryptography` package, and imports nothing from the
shuangsuiji code base. It recomputes a whole draw from its input and returns the
result in the same JSON shape, or raises DrawError with the spec's error code.

Usage:  python3 ssj_draw_v1.py tests/vectors/draw/v1/draws.json
"""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
# Unicode White_Space (what the spec trims; Python's str.strip() would also trim \x1c-\x1f).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000"


REASONS = {
    "unreachable",
    "deregistered_after_draw",
    "revoked_after_draw",
    "suspended_after_draw",
    "out_of_scope_after_draw",
}


def ascii_token(text: str, max_len: int) -> bool:
    """1..max_len printable ASCII characters (0x21-0x7e)."""
    return 0 < len(text) <= max_len and all(0x21 <= ord(c) <= 0x7E for c in text)


class DrawError(Exception):
    """A draw that the spec rejects; `code` is the spec's error code."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


# ---- §2 encodings ---------------------------------------------------------------

def lp(data: bytes) -> bytes:
    """LP(x) = u32_be(len(x)) || x."""
    return len(data).to_bytes(4, "big") + data


def tagged_hash(tag: str, *fields: bytes) -> bytes:
    """SHA-256(LP("SSJ/v1/" || tag) || LP(f1) || ... || LP(fn))."""
    buf = lp(("SSJ/v1/" + tag).encode("ascii"))
    for f in fields:
        buf += lp(f)
    return hashlib.sha256(buf).digest()


def canonical_uscc(text: str) -> str:
    """Full-width to half-width, trim, upper-case; then validate (GB 32100, GB 11714)."""
    half = "".join(
        chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else (" " if c == "\u3000" else c)
        for c in text
    )
    u = "".join(c.upper() if "a" <= c <= "z" else c for c in half.strip(WHITE_SPACE))
    if len(u) != 18:
        raise DrawError("uscc_length", text)
    if any(c not in ALPHABET for c in u):
        raise DrawError("uscc_charset", text)
    if u[0] not in "123456789ANY":
        raise DrawError("uscc_registration_authority", text)
    if not u[2:8].isdigit():
        raise DrawError("uscc_division", text)
    s = sum(ALPHABET.index(c) * w for c, w in zip(u[:17], WEIGHTS))
    if ALPHABET[(31 - s % 31) % 31] != u[17]:
        raise DrawError("uscc_check_character", text)
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(u[8:16], ORG_WEIGHTS))
    d = 11 - s % 11
    if {10: "X", 11: "0"}.get(d, str(d)) != u[16]:
        raise DrawError("uscc_org_code_check", text)
    return u


# ---- §3 tickets -------------------------------------------------------------------

def ticket_key(seed: bytes, task_id: str) -> bytes:
    return tagged_hash("ticket_key", seed, task_id.encode("ascii"))


def uscc_index(uscc: str) -> int:
    m = 0
    for c in uscc:
        m = m * 31 + ALPHABET.index(c)
    return m


def chacha20_block_prefix16(key: bytes, counter: int, stream: int) -> bytes:
    nonce = counter.to_bytes(8, "little") + stream.to_bytes(8, "little")
    enc = Cipher(algorithms.ChaCha20(key, nonce), mode=None).encryptor()
    return enc.update(b"\x00" * 16)


def ticket(key: bytes, uscc: str) -> int:
    m = uscc_index(uscc)
    return int.from_bytes(chacha20_block_prefix16(key, m % 2**64, m >> 64), "big")


# ---- §5 quota and threshold -----------------------------------------------------

def quota(eligible: int, p: int, q: int, lo: int, hi: int | None) -> int:
    raw = -(-eligible * p // q)
    capped = raw if hi is None else min(raw, hi)
    return min(eligible, max(lo, capped))


def threshold(p: int, q: int) -> int:
    return (p << 128) // q


def parse_ratio(text: str) -> tuple[int, int]:
    p, q = text.split("/")
    return int(p), int(q)


def hex33(t: int) -> str:
    return format(t, "033x")


def hex32(t: int) -> str:
    return format(t, "032x")


# ---- §6-§9 the draw ---------------------------------------------------------------

def run(inp: dict[str, Any], overrides: dict[str, str] | None = None) -> dict[str, Any]:
    overrides = {u: int(t, 16) for u, t in (overrides or {}).items()}
    if inp["algorithm"] != "v1":
        raise DrawError("algorithm_unknown")
    if not (len(inp["seed"]) == 64 and all(c in "0123456789abcdef" for c in inp["seed"])):
        raise DrawError("seed_invalid")
    if not ascii_token(inp["task_id"], 128):
        raise DrawError("task_id_invalid")
    for it in inp["items"]:
        for s in it["strata"]:
            if not ascii_token(s["key"], 64):
                raise DrawError("stratum_key_invalid")
    for adj in inp.get("adjustments", []):
        if "substitute" in adj and adj["substitute"]["reason"] not in REASONS:
            raise DrawError("substitution_reason_unknown")
    seed = bytes.fromhex(inp["seed"])
    mode = inp["mode"]
    key = ticket_key(seed, inp["task_id"])
    cache: dict[str, int] = {}

    def tk(u: str) -> int:
        if u in overrides:
            return overrides[u]
        if u not in cache:
            cache[u] = ticket(key, u)
        return cache[u]

    # §6.1 validation
    for item in inp["items"]:
        for s in item["strata"]:
            n = len(s["eligible"])
            if mode == "fixed":
                if "ratio" in s:
                    raise DrawError("mode_field_unexpected")
                if "quota" not in s:
                    raise DrawError("quota_missing")
                if s["quota"] > n:
                    raise DrawError("quota_exceeds_eligible")
            else:
                if "quota" in s:
                    raise DrawError("mode_field_unexpected")
                if "ratio" not in s:
                    raise DrawError("ratio_missing")
    items = sorted(inp["items"], key=lambda it: it["item_id"].encode())
    ids = [it["item_id"] for it in items]
    if len(set(ids)) != len(ids):
        raise DrawError("item_duplicate")
    state = []
    for it in items:
        strata = sorted(it["strata"], key=lambda s: s["key"].encode())
        keys = [s["key"] for s in strata]
        if len(set(keys)) != len(keys):
            raise DrawError("stratum_duplicate")
        seen: dict[str, str] = {}
        # The first repeat in USCC order decides the error code.
        pairs = sorted((canonical_uscc(u), s["key"]) for s in strata for u in s["eligible"])
        for (u1, k1), (u2, k2) in zip(pairs, pairs[1:]):
            if u1 == u2:
                raise DrawError("eligible_duplicate" if k1 == k2 else "stratum_overlap", u1)
        del seen
        st = []
        for s in strata:
            elig = [canonical_uscc(u) for u in s["eligible"]]
            order = sorted(((tk(u), u) for u in elig))
            r = {
                "key": s["key"],
                "eligible_count": len(elig),
                "order": order,
                "max_substitutions": s.get("max_substitutions", 0),
                "substitutions_used": 0,
                "replaced": [],
            }
            if mode == "fixed":
                n = s["quota"]
                r["quota"] = n
                drawn = order[:n]
            else:
                p, q = parse_ratio(s["ratio"])
                r["ratio"] = s["ratio"]
                t = threshold(p, q)
                r["threshold"] = hex33(t)
                drawn = [(x, u) for (x, u) in order if x < t]
            r["drawn_count"] = len(drawn)
            r["taken"] = len(drawn)
            r["cutoff"] = drawn[-1] if drawn else None
            r["selected"] = [(x, u, "drawn") for (x, u) in drawn]
            st.append(r)
        state.append({"item_id": it["item_id"], "department": it["department"], "strata": st})

    expansions: list[dict[str, Any]] = []
    substitutions: list[dict[str, Any]] = []

    def find_item(item_id: str) -> dict[str, Any]:
        for it in state:
            if it["item_id"] == item_id:
                return it
        raise DrawError("item_unknown", item_id)

    # §9 adjustments, in order
    for step, adj in enumerate(inp.get("adjustments", [])):
        if "expand" in adj:
            e = adj["expand"]
            it = find_item(e["item_id"])
            ss = [s for s in it["strata"] if s["key"] == e["stratum"]]
            if not ss:
                raise DrawError("stratum_unknown")
            s = ss[0]
            left = s["eligible_count"] - s["taken"]
            if e["extra"] == 0 or e["extra"] > left:
                raise DrawError("expansion_invalid")
            new = s["order"][s["taken"]:s["taken"] + e["extra"]]
            s["taken"] += e["extra"]
            s["selected"] += [(x, u, "expansion") for (x, u) in new]
            expansions.append({"step": step, "item_id": it["item_id"], "stratum": s["key"],
                               "added": [u for (_, u) in new]})
        else:
            sub = adj["substitute"]
            u0 = canonical_uscc(sub["uscc"])
            scope = [find_item(sub["item_id"])] if "item_id" in sub else state
            targets = []
            for it in scope:
                for s in it["strata"]:
                    for pos, (_, u, _) in enumerate(s["selected"]):
                        if u == u0:
                            targets.append((it, s, pos))
            if not targets:
                raise DrawError("substitute_not_selected", u0)
            for it, s, _ in targets:
                if s["substitutions_used"] >= s["max_substitutions"]:
                    raise DrawError("substitution_limit")
                if s["taken"] >= s["eligible_count"]:
                    raise DrawError("substitute_exhausted")
            for it, s, pos in targets:
                x, u = s["order"][s["taken"]]
                old = s["selected"].pop(pos)
                s["replaced"].append(old)
                s["selected"].append((x, u, "substitute"))
                s["taken"] += 1
                s["substitutions_used"] += 1
                rec = {"step": step, "item_id": it["item_id"], "stratum": s["key"],
                       "replaced": old[1], "substitute": u, "substitute_ticket": hex32(x),
                       "reason": sub["reason"]}
                if "evidence" in sub:
                    rec["evidence"] = sub["evidence"]
                substitutions.append(rec)

    # §8 publication
    def cut(k: tuple[int, str] | None) -> dict[str, str] | None:
        return None if k is None else {"ticket": hex32(k[0]), "uscc": k[1]}

    def picks(lst: list[tuple[int, str, str]]) -> list[dict[str, str]]:
        return [{"uscc": u, "ticket": hex32(x), "basis": b} for (x, u, b) in sorted(lst)]

    out_items = []
    visits: dict[str, dict[str, Any]] = {}
    for it in state:
        strata_out = []
        for s in it["strata"]:
            r = {"key": s["key"], "eligible_count": s["eligible_count"]}
            for f in ("quota", "ratio", "threshold"):
                if f in s:
                    r[f] = s[f]
            r["drawn_count"] = s["drawn_count"]
            r["cutoff"] = cut(s["cutoff"])
            r["boundary"] = cut(s["order"][s["taken"] - 1] if s["taken"] else None)
            r["max_substitutions"] = s["max_substitutions"]
            r["substitutions_used"] = s["substitutions_used"]
            r["selected"] = picks(s["selected"])
            r["replaced"] = picks(s["replaced"])
            strata_out.append(r)
            for (x, u, b) in s["selected"]:
                v = visits.setdefault(u, {"uscc": u, "ticket": x, "items": [], "departments": set()})
                v["items"].append({"item_id": it["item_id"], "department": it["department"],
                                   "stratum": s["key"], "basis": b})
                v["departments"].add(it["department"])
        out_items.append({"item_id": it["item_id"], "department": it["department"],
                          "strata": strata_out})
    visit_list = []
    for v in sorted(visits.values(), key=lambda v: (v["ticket"], v["uscc"])):
        v["items"].sort(key=lambda x: x["item_id"].encode())
        visit_list.append({"uscc": v["uscc"], "ticket": hex32(v["ticket"]), "items": v["items"],
                           "departments": sorted(v["departments"], key=str.encode)})
    return {
        "algorithm": "v1",
        "task_id": inp["task_id"],
        "seed": inp["seed"],
        "mode": mode,
        "items": out_items,
        "visits": visit_list,
        "expansions": expansions,
        "substitutions": substitutions,
    }


def verify_case(case: dict[str, Any]) -> None:
    """Raises AssertionError naming the case if our recomputation differs."""
    try:
        got: Any = run(case["input"], case.get("ticket_overrides"))
    except DrawError as e:
        got = {"error": e.code}
    want = {"error": case["expected_error"]} if "expected_error" in case else case["expected"]
    assert got == want, f"case {case['name']}: recomputed result differs"


def main(paths: list[str]) -> int:
    n = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for case in doc.get("cases", []):
            verify_case(case)
            n += 1
    print(f"{n} draw cases verified")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
