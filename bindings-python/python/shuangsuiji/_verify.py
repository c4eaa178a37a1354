"""Verification (core/src/verify, core/src/draw_record): hashes, commitments, beacons,
seeds, plans and logs."""

from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

from ._conversion import JsonSource, _dumps, _json_text, _op
from ._ops import _deprecated


def leaf_bytes(kind: str, leaf: Dict[str, Any]) -> str:
    """The bytes of a Merkle leaf (``eligible``, ``excluded`` or ``inspector``), as hex."""
    result: str = _op("leaf_bytes", kind, _dumps(leaf))
    return result


def conflict_list_hash(conflicts: Sequence[str]) -> str:
    """The hash of an inspector's conflict list, as hex."""
    result: str = _op("conflict_list_hash", _dumps(list(conflicts)))
    return result


def conflicts_hash(conflicts: Sequence[str]) -> str:
    """Deprecated (goes away in 0.3.0): :func:`conflict_list_hash`."""
    _deprecated("conflicts_hash", "conflict_list_hash")
    return conflict_list_hash(conflicts)


def commitment(party_id: str, secret: str) -> str:
    """A party's commitment ``H("commit"; party_id, secret)``, as hex."""
    result: str = _op("commitment", party_id, secret)
    return result


def beacon_validate(kind: str, value: str) -> Dict[str, Any]:
    """Check a beacon value of a kind (``cwl_ssq``, ``csl_dlt``, ``index_close``, ``hex``,
    ``text``); the value must already be canonical. Returns ``{"ok": True}`` or raises."""
    result: Dict[str, Any] = _op("beacon_validate", kind, value)
    return result


def validate_beacon_value(kind: str, value: str) -> None:
    """Deprecated (goes away in 0.3.0): :func:`beacon_validate`."""
    _deprecated("validate_beacon_value", "beacon_validate")
    beacon_validate(kind, value)


def beacon_canonicalize(kind: str, value: str) -> str:
    """The canonical form of a hand-typed beacon value."""
    result: str = _op("beacon_canonicalize", kind, value)
    return result


def canonicalize_beacon_value(kind: str, value: str) -> str:
    """Deprecated (goes away in 0.3.0): :func:`beacon_canonicalize`."""
    _deprecated("canonicalize_beacon_value", "beacon_canonicalize")
    return beacon_canonicalize(kind, value)


def validate_beacon_spec(spec: Dict[str, Any]) -> None:
    """Deprecated (goes away in 0.3.0): :func:`beacon_spec`."""
    _deprecated("validate_beacon_spec", "beacon_spec")
    _op("beacon_spec", _dumps(spec))


def derive_seed(
    plan_hash: str,
    attempt: int,
    beacons: Sequence[Dict[str, str]],
    secrets: Sequence[Dict[str, str]],
) -> str:
    """The seed from a plan hash, attempt, ``[{source, value}]`` and ``[{party, secret}]``."""
    result: str = _op("derive_seed", plan_hash, attempt, _dumps(list(beacons)), _dumps(list(secrets)))
    return result


def plan_canonical_json(plan: JsonSource) -> str:
    """The canonical JSON text of a plan."""
    result: str = _op("plan_canonical_json", _json_text(plan))
    return result


def plan_hash(plan: JsonSource) -> str:
    """The plan hash, as hex."""
    result: str = _op("plan_hash", _json_text(plan))
    return result


def verify_plan(plan: JsonSource, plan_hash: str) -> None:
    """Check that a plan is valid and hashes to ``plan_hash``; raises if not."""
    _op("verify_plan", _json_text(plan), plan_hash)


def verify_log(plan: JsonSource, log: JsonSource, expected_head: Optional[str] = None) -> Dict[str, Any]:
    """Replay a draw log against its plan; returns the log summary (head, attempts)."""
    result: Dict[str, Any] = _op("verify_log", _json_text(plan), _json_text(log), expected_head)
    return result
