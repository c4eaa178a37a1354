"""Intake (core/src/intake): reading and checking the tables clerks bring."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Union

from . import _shuangsuiji as _core
from ._conversion import TableSource, _label_rows, _read_table, _table_bytes
from ._model import Catalog, Roster


def read_enterprises(source: TableSource, options: Optional[Dict[str, Any]] = None) -> Roster:
    """Read an enterprise roster from a path, bytes, records or a DataFrame.

    ``options`` are the core's ``ReadOptions`` (``file_name``, ``encoding``, ``format``,
    ``sheet``, ``allow_unknown_columns``, ``header_row``, ``limits``). Raises the first
    problem; for a DataFrame its ``details["index"]`` is the index label of the row.
    """
    return Roster(source, options)


def read_inspectors(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Read an inspector roster (sorted by id)."""
    result: List[Dict[str, Any]] = json.loads(_read_table(source, options, _core.read_inspectors))
    return result


def read_history(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Read check history (检查记录), in file order."""
    result: List[Dict[str, Any]] = json.loads(_read_table(source, options, _core.read_history))
    return result


def read_catalog(source: Union[str, bytes, "os.PathLike[str]"], options: Optional[Dict[str, Any]] = None) -> Catalog:
    """Read a catalog file (JSON only)."""
    data, opts = _table_bytes(source, options)
    canonical, content_hash = _core.read_catalog(data, opts)
    catalog = Catalog.__new__(Catalog)
    catalog._init(canonical, content_hash)
    return catalog


def _check(table: str, source: TableSource, options: Optional[Dict[str, Any]]) -> List[Dict[str, Any]]:
    data, opts = _table_bytes(source, options)
    result: List[Dict[str, Any]] = json.loads(_core.check_table(table, data, opts))
    for problem in result:
        _label_rows(source, problem.get("details", {}))
    return result


def check_enterprises(input: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of an enterprise file, in row order (empty = fine).

    Each problem is a dict ``{"code", "family", "message", "details": {file, row,
    column, field, value, …}}``.
    """
    return _check("enterprises", input, options)


def check_inspectors(input: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of an inspector file, in row order."""
    return _check("inspectors", input, options)


def check_history(input: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of a history file, in row order."""
    return _check("history", input, options)
