"""Publication (core/src/publish): plans, logs, results, receipts, publication folders."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Tuple, Union

from . import _shuangsuiji as _core
from ._conversion import JsonSource, _argument_type, _json_text, _op
from ._model import Catalog


def _catalog_text(catalog: Union[Catalog, JsonSource]) -> str:
    return catalog.to_json() if isinstance(catalog, Catalog) else _json_text(catalog)


def plan_from_eligibility(
    report: JsonSource, catalog: Union[Catalog, JsonSource], inspectors: JsonSource, meta: JsonSource
) -> Dict[str, Any]:
    """The plan of a task (committed before any randomness exists) from its eligibility
    report, catalog, inspectors and ``meta`` = ``{task_id, reveal_order, beacons, parties}``."""
    from ._rules import EligibilityReport

    if isinstance(report, EligibilityReport):  # kept in the core: handed over as it is
        plan: Dict[str, Any] = json.loads(
            _core.plan_from_eligibility_handle(
                report._core_handle(), _catalog_text(catalog), _json_text(inspectors), _json_text(meta)
            )
        )
        return plan
    out: Dict[str, Any] = _op(
        "plan_from_eligibility", _json_text(report), _catalog_text(catalog), _json_text(inspectors), _json_text(meta)
    )
    return out


def eligible_leaves(report: JsonSource) -> List[Dict[str, Any]]:
    """The eligible leaves of a report: ``{uscc, item_id, stratum_key}`` per enterprise and item."""
    out: List[Dict[str, Any]] = _op("eligible_leaves", _json_text(report))
    return out


def excluded_leaves(report: JsonSource) -> List[Dict[str, Any]]:
    """The exclusion leaves of a report: ``{uscc, reasons, evidence}`` per excluded enterprise."""
    out: List[Dict[str, Any]] = _op("excluded_leaves", _json_text(report))
    return out


def new_log(plan_hash: str) -> Dict[str, Any]:
    """A new draw log holding only the ``plan_published`` event."""
    out: Dict[str, Any] = _op("new_log", plan_hash)
    return out


def log_append(log: JsonSource, event: JsonSource) -> Dict[str, Any]:
    """The log with one more event (``{"kind": "beacon" | "reveal" | ..., ...}``) chained on."""
    out: Dict[str, Any] = _op("log_append", _json_text(log), _json_text(event))
    return out


def publish_draw(
    plan: JsonSource,
    eligible: JsonSource,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    attempt: int,
    seed: str,
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Draw and publish: returns ``(result_document, log)`` where the log has the ``draw``
    event (attempt, seed, result hash) appended."""
    out = _op(
        "publish_draw", _json_text(plan), _json_text(eligible), _catalog_text(catalog), _json_text(log), attempt, seed
    )
    return out["result"], out["log"]


def publish_substitutions(
    plan: JsonSource,
    eligible: JsonSource,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    result: JsonSource,
    requests: JsonSource,
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Publish substitutions after the draw as a new revision of the current result:
    returns ``(revised_result, log)`` where the log has one ``substitution`` event per
    item replaced and a ``revision`` event appended. ``requests`` is a list of
    ``{"uscc", "reason", "item_id"?, "evidence"?}``; without ``item_id`` the enterprise
    is replaced in its whole visit. All or nothing."""
    out = _op(
        "publish_substitutions", _json_text(plan), _json_text(eligible), _catalog_text(catalog), _json_text(log),
        _json_text(result), _json_text(requests),
    )
    return out["result"], out["log"]


def receipts(
    plan: JsonSource, eligible: JsonSource, excluded: JsonSource, result: JsonSource
) -> List[Dict[str, Any]]:
    """One receipt per eligible or excluded enterprise, sorted by USCC."""
    out: List[Dict[str, Any]] = _op(
        "receipts", _json_text(plan), _json_text(eligible), _json_text(excluded), _json_text(result)
    )
    return out


def verify_receipt(receipt: JsonSource, plan: JsonSource, result: JsonSource) -> Dict[str, Any]:
    """Check a receipt against the published plan and result; returns the verdict
    ``{uscc, items: [{item_id, stratum_key, selected}], excluded}`` or raises naming the field."""
    out: Dict[str, Any] = _op("verify_receipt", _json_text(receipt), _json_text(plan), _json_text(result))
    return out


class ReceiptVerifier:
    """Checks many receipts of one published draw: the plan and the result are read,
    checked and hashed once (``ReceiptVerifier(plan, result)``), then ``verify(receipt)``
    takes microseconds per receipt and returns the same verdict, or raises the same
    error, as :func:`verify_receipt`."""

    def __init__(self, plan: JsonSource, result: JsonSource) -> None:
        self._inner = _core.ReceiptVerifier(_json_text(plan), _json_text(result))

    def verify(self, receipt: JsonSource) -> Dict[str, Any]:
        """The verdict ``{uscc, items, excluded}`` of one receipt, or raises naming the field."""
        out: Dict[str, Any] = json.loads(self._inner.verify(_json_text(receipt)))
        return out

    @property
    def plan_hash(self) -> str:
        """The plan hash (hex)."""
        return str(self._inner.plan_hash())

    @property
    def result_hash(self) -> str:
        """The result hash (hex)."""
        return str(self._inner.result_hash())


def verify_draw(
    plan: JsonSource,
    plan_hash: str,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    log_head: str,
    eligible: JsonSource,
    result: JsonSource,
) -> Dict[str, Any]:
    """Recompute a whole draw from the published files; returns the summary or raises
    naming the first mismatch (``details["field"]``)."""
    out: Dict[str, Any] = _op(
        "verify_draw", _json_text(plan), plan_hash, _catalog_text(catalog), _json_text(log), log_head,
        _json_text(eligible), _json_text(result),
    )
    return out


def write_publication_folder(folder: Union[str, "os.PathLike[str]"], files: Mapping[str, str]) -> List[str]:
    """Write a publication folder: ``files`` is what :func:`publication_files` answers
    (``{path: text}``, the layout the page and the verifiers read — the core's, not this
    function's). Writes the bytes as given (UTF-8) and returns the paths written."""
    root = os.fspath(folder)
    written = []
    for name, text in files.items():
        if name.startswith("/") or ".." in name.split("/"):
            raise _argument_type(f"not a path inside the folder: {name!r}", "files")
        path = os.path.join(root, *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text.encode("utf-8"))
        written.append(path)
    return written


def read_publication_folder(folder: Union[str, "os.PathLike[str]"]) -> Dict[str, str]:
    """The files of a publication folder as ``{path: text}`` for
    :func:`verify_publication`: every file at the top and under ``receipts/``; which of
    them the publication needs, and what a missing one means, is the core's to say."""
    root = os.fspath(folder)
    out: Dict[str, str] = {}
    for base, _dirs, names in os.walk(root):
        rel = os.path.relpath(base, root)
        if rel not in (".", "receipts"):
            continue
        for name in names:
            if not name.endswith((".json", ".hash", ".head")):
                continue  # not a document of a publication (a page's font, an image)
            key = name if rel == "." else f"receipts/{name}"
            with open(os.path.join(base, name), "rb") as f:
                # The core's reading of a published file's bytes: one BOM dropped, UTF-8
                # only (a typed error naming nothing is raised for other bytes).
                out[key] = _core.document_text(f.read())
    return out
