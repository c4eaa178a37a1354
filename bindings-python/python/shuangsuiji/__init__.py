"""shuangsuiji (双随机): rules of China's cross-department joint spot checks.

The compiled core does all the work; this module only converts Python values to the
core's JSON shape and back. Every error is a :class:`ShuangsuijiError` (a
``ValueError``) with a stable ``.code``.

Inputs are dicts / lists of dicts (the core's JSON shape), JSON text, file paths, bytes
or — for tables — pandas DataFrames (pandas is optional). Outputs are plain dicts and
lists with the same JSON shape as the core; the report and result dicts have
``to_dataframe()`` helpers.
"""

from __future__ import annotations

import datetime as _dt
import gc
import json
import os
import warnings
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

from . import _shuangsuiji as _core
from ._errors import (
    DrawError,
    EnforcementError,
    InputError,
    InternalError,
    LimitError,
    OutcomeError,
    ProfileError,
    RulesError,
    ServiceError,
    ShuangsuijiError,
    TeamError,
    ValidationError,
    VerifyError,
)

__version__: str = _core.__version__

__all__ = [
    "run_operation",
    "parse_division",
    "parse_ratio",
    "calendar_status",
    "beacon_spec",
    "operations",
    "eligible_leaves",
    "excluded_leaves",
    "log_append",
    "new_log",
    "plan_from_eligibility",
    "publish_draw",
    "write_publication_folder",
    "read_publication_folder",
    "publish_substitutions",
    "receipts",
    "verify_draw",
    "verify_receipt",
    "ReceiptVerifier",
    "assign_teams",
    "explain_teams",
    "team_request",
    "Calendar",
    "Catalog",
    "DrawError",
    "DrawHandle",
    "DrawResult",
    "OutcomeSet",
    "Disclosure",
    "disclosure_xlsx",
    "DemandRegister",
    "FollowUpList",
    "demand_register",
    "follow_ups",
    "record_outcomes",
    "disclose",
    "EligibilityReport",
    "EnforcementError",
    "InputError",
    "InternalError",
    "LimitError",
    "OutcomeError",
    "ProfileError",
    "ServiceError",
    "Roster",
    "TeamAssignment",
    "RulesError",
    "ShuangsuijiError",
    "TeamError",
    "ValidationError",
    "VerifyError",
    "bundled_menu_entry",
    "bundled_menus",
    "canonicalize_beacon_value",
    "check_enterprises",
    "check_history",
    "check_inspectors",
    "commitment",
    "complete_uscc",
    "conflicts_hash",
    "credit_repair_assess",
    "deadline_kinds",
    "decide",
    "default_discretion_preset",
    "derive_seed",
    "discretion_band",
    "draw",
    "draw_columns",
    "eligibility",
    "error_codes",
    "leaf_bytes",
    "parse_menu",
    "parse_uscc",
    "plan_canonical_json",
    "plan_hash",
    "preset",
    "preset_names",
    "presets",
    "quota",
    "read_catalog",
    "read_enterprises",
    "read_history",
    "read_inspectors",
    "ticket",
    "validate",
    "validate_beacon_spec",
    "validate_beacon_value",
    "verify_log",
    "verify_plan",
    "list_removal_assess",
    "beacon_canonicalize",
    "beacon_validate",
    "conflict_list_hash",
    "profiles_dataframe",
]

JsonSource = Union[str, bytes, "os.PathLike[str]", Dict[str, Any], List[Any]]
TableSource = Union[str, bytes, "os.PathLike[str]", List[Any], Dict[str, Any], Any]
DateLike = Union[str, _dt.date]
_T = TypeVar("_T")


# ---------------------------------------------------------------- conversion


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _untracked(build: Callable[[], _T]) -> _T:
    """Runs ``build`` with the cyclic garbage collector paused. Converting a large result
    creates hundreds of thousands of dicts and lists in a row, each allocation counting
    towards a collection that walks all of them again: pausing it cuts the conversion of
    a 100 000-pick draw result ~3× (``json.loads`` and ``to_dict`` alike). The objects
    built form trees, so nothing collectable is left behind."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return build()
    finally:
        if paused:
            gc.enable()


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, DrawHandle):
        return value.to_dict()
    raise TypeError(f"cannot convert {type(value).__name__} to JSON")


def _json_text(source: Any) -> str:
    """JSON text from a dict/list, a handle with ``to_json()``, a JSON string, bytes, or
    a path to a .json file."""
    if hasattr(source, "to_json") and callable(source.to_json):
        return str(source.to_json())
    if isinstance(source, (dict, list)):
        return _dumps(source)
    if isinstance(source, bytes):
        return str(_core.document_text(source))
    if isinstance(source, os.PathLike):
        with open(source, "rb") as f:
            return str(_core.document_text(f.read()))
    if isinstance(source, str):
        # JSON text (a leading BOM dropped, as from a file) or the path of a file.
        text = source[1:] if source.startswith("\ufeff") else source
        if text.lstrip().startswith(("{", "[")):
            return text
        with open(_existing_path(source), "rb") as f:
            return str(_core.document_text(f.read()))
    raise TypeError(f"expected a dict, list, JSON text, bytes or a path, got {type(source).__name__}")


def _argument_type(message: str, field: str) -> ShuangsuijiError:
    from ._errors import _from_core

    return _from_core(message, "argument_type", "input", json.dumps({"field": field}))


def _existing_path(source: str) -> str:
    """``source`` if it names an existing file; else the typed ``argument_type`` error
    (a ``str`` that is neither JSON text nor a file's path — empty, CSV text, a typo —
    never surfaces as ``FileNotFoundError``/``OSError``)."""
    try:
        ok = bool(source) and "\0" not in source and os.path.isfile(source)
    except (OSError, ValueError):
        ok = False
    if not ok:
        shown = source if len(source) <= 60 else source[:60] + "…"
        raise _argument_type(
            f"{shown!r} is neither JSON text nor the path of an existing file "
            "(give a file's contents as bytes, or its path as pathlib.Path)",
            "source",
        )
    return source


def _op(name: str, *values: Any) -> Any:
    """Calls the compiled table operation ``name`` (generated from the core's operation
    table: its arguments in the table's order, ``None`` for absent) and reads its JSON."""
    return json.loads(getattr(_core, name)(*values))


def _iso(value: Any) -> Any:
    """A date argument: ``datetime.date`` written ``YYYY-MM-DD``; anything else as given
    (the core checks it)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _date(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value)


def _is_dataframe(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_csv")


def _table_bytes(source: Any, options: Optional[Dict[str, Any]]) -> "tuple[bytes, str]":
    """Bytes and ReadOptions JSON for a table source.

    A path is read (its base name becomes ``file_name`` unless given); a list of
    records is sent as JSON; a pandas DataFrame as UTF-8 CSV (its column headers go
    through the core's header aliases, like a spreadsheet export).
    """
    if options is not None and not isinstance(options, dict):
        raise _argument_type(
            f"options must be a dict of ReadOptions, not {type(options).__name__} "
            f"(for an encoding write {{'encoding': {options!r}}})",
            "options",
        )
    opts: Dict[str, Any] = dict(options or {})
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, (list, dict)):
        data = _dumps(source).encode("utf-8")
        opts.setdefault("format", "json")
    elif _is_dataframe(source):
        data = source.to_csv(index=False).encode("utf-8")
        opts.setdefault("format", "csv")
        opts.setdefault("encoding", "utf-8")
        opts.setdefault("file_name", "<DataFrame>")
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if isinstance(path, str):
            _existing_path(path)
        with open(path, "rb") as f:
            data = f.read()
        opts.setdefault("file_name", os.path.basename(path))
    else:
        raise TypeError(
            "expected a path, bytes, a list of records or a pandas DataFrame, "
            f"got {type(source).__name__}"
        )
    return data, json.dumps(opts, ensure_ascii=False)


def _label_rows(source: Any, details: Dict[str, Any]) -> None:
    """For a DataFrame read as CSV (header on row 1, the frame's i-th row on row i + 2),
    add the frame's index label of the row a problem names (``details["index"]``), so
    that a clerk finds it with ``df.loc[...]``. Only a location is added; the problem is
    the core's."""
    row = details.get("row")
    if _is_dataframe(source) and isinstance(row, int) and 2 <= row < len(source.index) + 2:
        details["index"] = str(source.index[row - 2])


def _read_table(source: Any, options: Optional[Dict[str, Any]], read: Callable[[bytes, str], Any]) -> Any:
    """``read(bytes, options JSON)`` of a table source; a DataFrame's errors carry the
    index label of their row (:func:`_label_rows`)."""
    data, opts = _table_bytes(source, options)
    try:
        return read(data, opts)
    except ShuangsuijiError as e:
        if isinstance(getattr(e, "details", None), dict):
            _label_rows(source, e.details)
        raise


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe() needs pandas: pip install pandas") from e
    return pandas


# ---------------------------------------------------------------- model


def error_codes() -> List[Dict[str, str]]:
    """Every stable error code with its family."""
    result: List[Dict[str, str]] = _op("error_codes")
    return result


def parse_uscc(text: str) -> str:
    """Validate a 统一社会信用代码 (GB 32100 + GB 11714) and return its canonical form."""
    return _core.parse_uscc(text)


def complete_uscc(first17: str) -> str:
    """Append the GB 32100 check character to a 17-character prefix."""
    result: str = _op("complete_uscc", first17)
    return result


def validate(kind: str, value: Any) -> Any:
    """Validate a Python value as a model type and return it in canonical form.

    ``kind`` is one of ``enterprise``, ``roster``, ``inspector``, ``inspector_roster``,
    ``authority``, ``check_record``, ``history``, ``ratio``, ``item``. The value is the
    plain Python form of the core's JSON shape (``validate("ratio", "3/100")``).
    """
    return _op("validate", kind, value)


class Catalog:
    """A validated item catalog (监管事项清单), prepared once and reused."""

    __slots__ = ("_json", "content_hash", "data")

    def __init__(self, source: JsonSource) -> None:
        loaded = _op("load_catalog", _json_text(source))
        self._init(json.dumps(loaded["catalog"], ensure_ascii=False, separators=(",", ":")), loaded["content_hash"])

    def _init(self, canonical: str, content_hash: str) -> None:
        self._json: str = canonical
        self.data: Dict[str, Any] = json.loads(canonical)
        self.content_hash: str = content_hash

    @property
    def items(self) -> List[Dict[str, Any]]:
        """The supervision items."""
        items: List[Dict[str, Any]] = self.data["items"]
        return items

    def to_json(self) -> str:
        """The catalog as the core's canonical JSON text."""
        return self._json

    def __repr__(self) -> str:
        return f"Catalog(id={self.data['id']!r}, version={self.data['version']!r}, items={len(self.items)})"


class Roster:
    """A validated enterprise roster (监管对象名录), prepared once and reused."""

    __slots__ = ("_json", "_data")

    def __init__(self, source: TableSource, options: Optional[Dict[str, Any]] = None) -> None:
        self._json: str = _read_table(source, options, _core.read_enterprises)
        self._data: Optional[List[Dict[str, Any]]] = None

    @property
    def enterprises(self) -> List[Dict[str, Any]]:
        """The enterprises, in the core's JSON shape."""
        if self._data is None:
            self._data = json.loads(self._json)
        return self._data

    def __len__(self) -> int:
        return len(self.enterprises)

    def to_json(self) -> str:
        """The roster as the core's JSON text."""
        return self._json

    def to_dataframe(self) -> Any:
        """The roster as a pandas DataFrame (one row per enterprise)."""
        return _pandas().DataFrame(self.enterprises)

    def __repr__(self) -> str:
        return f"Roster({len(self)} enterprises)"


# ---------------------------------------------------------------- intake


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


def check_enterprises(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of an enterprise file, in row order (empty = fine).

    Each problem is a dict ``{"code", "family", "message", "details": {file, row,
    column, field, value, …}}``.
    """
    return _check("enterprises", source, options)


def check_inspectors(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of an inspector file, in row order."""
    return _check("inspectors", source, options)


def check_history(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Every problem of a history file, in row order."""
    return _check("history", source, options)


# ---------------------------------------------------------------- rules


class EligibilityReport(Dict[str, Any]):
    """An eligibility report: a plain dict in the core's JSON shape, plus ``to_dataframe``."""

    def to_table(self, roster: Optional[Any] = None) -> Dict[str, Any]:
        """The core's table for people (``eligibility_table``): ``{headers, rows}`` with
        Chinese headers, one row per item and enterprise (可抽取 / 必查 / 重点检查 / 排除),
        the reasons as codes and in Chinese words, names from ``roster`` if given."""
        roster_text = None if roster is None else (roster.to_json() if isinstance(roster, Roster) else _json_text(roster))
        table: Dict[str, Any] = _op("eligibility_table", _dumps(dict(self)), roster_text)
        return table

    def to_dataframe(self, lang: str = "en", roster: Optional[Any] = None) -> Any:
        """One row per (item, enterprise). ``lang="zh"``: the core's table (:meth:`to_table`,
        Chinese headers and reasons, names from ``roster``), as a clerk writes it to Excel.
        ``lang="en"`` (the default, unchanged): eligible (with stratum) or excluded (with
        reason codes)."""
        if lang == "zh":
            table = self.to_table(roster)
            return _pandas().DataFrame(table["rows"], columns=table["headers"], dtype=str)
        if lang != "en":
            raise _argument_type(f"lang must be 'zh' or 'en', not {lang!r}", "lang")
        rows: List[Dict[str, Any]] = []
        for item in self.get("items", []):
            item_id = item.get("item", {}).get("id") if isinstance(item.get("item"), dict) else item.get("item")
            forced = {f["uscc"] for f in item.get("forced_in", [])}
            for st in item.get("strata", []):
                for uscc in st.get("eligible", []):
                    rows.append({"item_id": item_id, "uscc": uscc, "status": "eligible",
                                 "stratum": st.get("key"), "forced_in": uscc in forced, "reasons": ""})
            for ex in item.get("excluded", []):
                rows.append({"item_id": item_id, "uscc": ex["uscc"], "status": "excluded", "stratum": None,
                             "forced_in": False,
                             "reasons": ",".join(r["code"] for r in ex.get("reasons", []))})
        return _pandas().DataFrame(rows, columns=["item_id", "uscc", "status", "stratum", "forced_in", "reasons"])


def eligibility(
    request: JsonSource,
    catalog: Union[Catalog, JsonSource],
    roster: Union[Roster, TableSource],
    history: Union[JsonSource, Sequence[Dict[str, Any]], None] = (),
) -> EligibilityReport:
    """Build the eligibility report of a plan (资格审查): who may be drawn, who not and why.

    ``history`` is a list of check records, a path, or None (no history).
    """
    if history is None:
        history = ()
    cat = catalog.to_json() if isinstance(catalog, Catalog) else _json_text(catalog)
    ros = roster.to_json() if isinstance(roster, Roster) else Roster(roster).to_json()
    hist = _dumps(list(history)) if isinstance(history, (tuple, list)) else _json_text(history)
    return EligibilityReport(_op("eligibility", _json_text(request), cat, ros, hist))


def presets() -> List[Dict[str, Any]]:
    """Every bundled sampling-policy preset."""
    result: List[Dict[str, Any]] = _op("presets")
    return result


def preset_names() -> List[str]:
    """The names of the bundled presets."""
    return list(_op("preset_names"))


def preset(name: str, date: DateLike) -> Dict[str, Any]:
    """The sampling policy of a named preset in force on a date."""
    result: Dict[str, Any] = _op("preset", name, _iso(date))
    return result


def quota(eligible: int, ratio: Any, min: Optional[int] = None, max: Optional[int] = None) -> int:
    """The core's quota ``clamp(ceil(eligible·ratio), min, max)``; ratio as ``"3/100"``.
    ``min > max`` raises ``min_above_max``, as a policy with those numbers does."""
    result: int = _op("quota", eligible, ratio, min, max)
    return result


# ---------------------------------------------------------------- ops


def operations() -> List[Dict[str, Any]]:
    """The core's operation table: per operation ``name``, ``js_name``, ``args`` (in the
    order they are read: ``name``, ``kind``, ``optional``), ``params`` (the order of the
    functions' positional parameters), ``bound`` (offered as a function) and ``result``."""
    result: List[Dict[str, Any]] = json.loads(_core.operations_json())
    return result


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"shuangsuiji.{old} is deprecated and goes away in 0.3.0; use {new}", DeprecationWarning, stacklevel=3)


def _convert(kind: str, value: Any) -> Any:
    """One argument for a compiled table operation, by its kind in the table: a document
    from a dict / list / JSON text / path / bytes / ``Catalog`` or ``Roster`` (``to_json``),
    a ``datetime.date`` as ``YYYY-MM-DD``; anything else as given (the core checks it)."""
    if value is None:
        return None
    if kind in ("document", "committed") and not isinstance(value, bytes):
        return _json_text(value)
    if kind == "date":
        return _iso(value)
    return value


def _table_operation(name: str) -> Callable[..., Any]:
    """The Python function of the core's table operation ``name`` (``operations()``):
    parameters in the table's order (``None`` leaves an optional argument out), each
    converted by its kind (:func:`_convert`), then the compiled function generated from
    the same table. The same answers and errors as ``run_operation(name, …)``."""
    import inspect

    spec = _TABLE[name]
    kinds = {a["name"]: a["kind"] for a in spec["args"]}
    optional = {a["name"] for a in spec["args"] if a["optional"]}
    params = spec["params"]
    compiled = getattr(_core, name)
    signature = inspect.Signature(
        [
            inspect.Parameter(
                p,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=None if p in optional else inspect.Parameter.empty,
            )
            for p in params
        ]
    )

    def call(*values: Any, **named: Any) -> Any:
        try:
            bound = signature.bind(*values, **named)
        except TypeError as e:
            raise _argument_type(f"{name}: {e}", "arguments") from None
        given = bound.arguments
        return json.loads(compiled(*(_convert(kinds[p], given.get(p)) for p in params)))

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"The core's ``{name}`` operation; returns {spec['result']}."
    call.__signature__ = signature  # type: ignore[attr-defined]
    call._table_operation = True  # type: ignore[attr-defined]
    return call


def run_operation(operation: str, input: Any) -> Any:
    """Run one core operation by its stable name (``parse_uscc``, ``read_enterprises``,
    ``eligibility``, ``draw``, ``verify_log``, ``decide`` …, see ``core/src/ops.rs``) on a
    JSON-shaped input. The same entry point exists in Rust and JavaScript, so the same
    input gives the same result or the same error code in all three."""
    return json.loads(_core.run_operation(operation, _dumps(input)))


# ---------------------------------------------------------------- teams


class TeamAssignment(Dict[str, Any]):
    """A team assignment: a plain dict in the core's JSON shape, plus a table helper."""

    def to_dataframe(self) -> Any:
        """One row per team member: visit, route, lead, department, inspector, ticket."""
        rows = [
            {
                "uscc": t["uscc"],
                "route": t["route"],
                "lead": t["lead"],
                "department": m["department"],
                "inspector": m["inspector"],
                "certified": m["certified"],
                "ticket": m["ticket"],
            }
            for t in self.get("teams", [])
            for m in t["members"]
        ]
        columns = ["uscc", "route", "lead", "department", "inspector", "certified", "ticket"]
        return _pandas().DataFrame(rows, columns=columns)


def team_request(
    result: JsonSource,
    roster: Any,
    inspectors: JsonSource,
    history: JsonSource,
    staffing: JsonSource,
) -> Dict[str, Any]:
    """The team request for a draw result's visits (departments and items per visit,
    lead department, towns, withdrawal requests, rotation from the history)."""
    out: Dict[str, Any] = _op(
        "team_request",
        _json_text(result),
        _json_text(roster),
        _json_text(inspectors),
        _json_text(history),
        _json_text(staffing),
    )
    return out


def assign_teams(request: JsonSource) -> TeamAssignment:
    """Assign joint inspection teams: complete (a valid assignment is found whenever one
    exists), reproducible from the seed, every constraint checked."""
    return TeamAssignment(_op("assign_teams", _json_text(request)))


def explain_teams(request: JsonSource, assignment: JsonSource) -> List[Dict[str, Any]]:
    """Per visit and department: every candidate inspector, its ticket and its fate."""
    out: List[Dict[str, Any]] = _op("explain_teams", _json_text(request), _json_text(assignment))
    return out


# ---------------------------------------------------------------- draw


class DrawResult(Dict[str, Any]):
    """A draw result: a plain dict in the core's JSON shape, plus table helpers."""

    def to_dataframe(self) -> Any:
        """The visit list: one row per visit (enterprise), items and departments joined."""
        rows = [
            {
                "uscc": v["uscc"],
                "ticket": v["ticket"],
                "departments": ",".join(v["departments"]),
                "items": ",".join(i["item_id"] for i in v["items"]),
                "strata": ",".join(i["stratum"] for i in v["items"]),
                "basis": ",".join(i["basis"] for i in v["items"]),
            }
            for v in self.get("visits", [])
        ]
        return _pandas().DataFrame(rows, columns=["uscc", "ticket", "departments", "items", "strata", "basis"])


def draw(input: JsonSource) -> DrawResult:
    """Run a whole draw (v1): validate, select, apply the adjustments, publish."""
    text = _core.draw(_json_text(input))  # json.loads below, with the collector paused
    return DrawResult(_untracked(lambda: json.loads(text)))


def _column(values: Any) -> "tuple[str, int]":
    """A column's cells joined by newlines, and their number (the core refuses a text
    whose line breaks do not match it: a cell holding a newline)."""
    if hasattr(values, "to_pylist"):  # pyarrow
        values = values.to_pylist()
    elif hasattr(values, "tolist"):  # numpy, pandas
        values = values.tolist()
    elif not isinstance(values, (list, tuple)):
        values = list(values)
    try:
        return "\n".join(values), len(values)
    except TypeError:
        # Only on error: name the first cell that is not text (NaN for a missing cell in
        # pandas, a number from a numeric column) as the core names a bad cell.
        from ._errors import _from_core

        row, cell = next((k, v) for k, v in enumerate(values) if not isinstance(v, str))
        raise _from_core(
            f"row {row + 1} of the column is not text but {cell!r} ({type(cell).__name__}): "
            "a missing cell or a column read as numbers; read it as text (dtype=str)",
            "cell_invalid",
            "input",
            json.dumps({"row": row + 1, "value": repr(cell)}),
        ) from None


def draw_columns(input: JsonSource, usccs: Iterable[str], classes: Iterable[str]) -> "DrawHandle":
    """Columnar path for large rosters.

    ``input`` is a ``DrawInput`` whose strata may omit ``eligible``; ``usccs`` and
    ``classes`` are equally long columns (lists, tuples, numpy or pyarrow arrays,
    pandas Series, any iterable). A cell holding a line break is refused
    (``cell_invalid``). Each enterprise joins every stratum whose ``key`` equals its class;
    rows whose class names no stratum join none (their USCC is not read). The result is
    a :class:`DrawHandle`: the core's ``DrawResult`` kept in Rust, equal to
    :func:`draw` on the same eligible lists. Read it as a mapping (built on first
    access), with ``to_dict()`` / ``to_json()``, or — cheaply — as columns with
    ``selection_columns()``.
    """
    spec = json.loads(_json_text(input)) if not isinstance(input, dict) else dict(input)
    spec["items"] = [
        {**item, "strata": [{"eligible": [], **st} for st in item.get("strata", [])]}
        for item in spec.get("items", [])
    ]
    return DrawHandle(_core.draw_columns(_dumps(spec), *_column(usccs), *_column(classes)))


class DrawHandle(Mapping[str, Any]):
    """A draw result kept in the compiled core (the ``DrawResult`` of :func:`draw_columns`).

    Converting a large result to Python costs more than the draw, so nothing is
    converted until asked:

    * as a read-only mapping (``handle["visits"]``, ``==``, ``dict(handle)``): the whole
      result, built once on first access (``to_dict()``) — exactly :func:`draw`'s dict;
    * ``to_json()``: the whole result as JSON text (accepted wherever a result is);
    * ``selection_columns()``: the core's ``SelectionColumns`` view — per item and stratum
      the selected ``uscc``, ``ticket`` and ``basis`` as parallel lists (in ``(ticket,
      uscc)`` order), and the visit list's ``uscc`` and ``ticket`` — without the rest.
    """

    __slots__ = ("_core", "_dict")

    def __init__(self, core: Any) -> None:
        self._core = core
        self._dict: Optional[DrawResult] = None

    def to_dict(self) -> DrawResult:
        """The whole result (a :class:`DrawResult` dict), built once."""
        if self._dict is None:
            self._dict = DrawResult(_untracked(self._core.to_dict))
        return self._dict

    def to_json(self) -> str:
        """The whole result as JSON text."""
        return str(self._core.to_json())

    def selection_columns(self) -> Dict[str, Any]:
        """``{"items": [{"item_id", "department", "strata": [{"key", "uscc", "ticket",
        "basis"}]}], "visits": {"uscc", "ticket"}}`` — fresh lists on every call."""
        out: Dict[str, Any] = self._core.selection_columns()
        return out

    def to_dataframe(self) -> Any:
        """The visit list as a DataFrame (see :meth:`DrawResult.to_dataframe`)."""
        return self.to_dict().to_dataframe()

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def __repr__(self) -> str:
        state = "converted" if self._dict is not None else "in Rust"
        return f"<shuangsuiji.DrawHandle ({state})>"


def ticket(seed: str, task_id: str, uscc: str) -> str:
    """The v1 ticket of one enterprise (32 lowercase hex characters)."""
    result: str = _op("ticket", seed, task_id, uscc)
    return result


# ---------------------------------------------------------------- verify


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


# ---------------------------------------------------------------- publish


def _catalog_text(catalog: Union[Catalog, JsonSource]) -> str:
    return catalog.to_json() if isinstance(catalog, Catalog) else _json_text(catalog)


def plan_from_eligibility(
    report: JsonSource, catalog: Union[Catalog, JsonSource], inspectors: JsonSource, meta: JsonSource
) -> Dict[str, Any]:
    """The plan of a task (committed before any randomness exists) from its eligibility
    report, catalog, inspectors and ``meta`` = ``{task_id, reveal_order, beacons, parties}``."""
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


# ---------------------------------------------------------------- enforcement


class Calendar:
    """A working-day calendar (national, 2024–2026 bundled), prepared once and reused."""

    __slots__ = ("_cal",)

    def __init__(self, overlays: Sequence[JsonSource] = ()) -> None:
        """The national calendar, with optional regional overlays applied in order."""
        cal = _core.Calendar.national()
        for o in overlays:
            cal = cal.with_overlay(_json_text(o))
        self._cal: Any = cal

    @classmethod
    def from_years(cls, years: Sequence[JsonSource]) -> "Calendar":
        """A calendar from years of calendar data (the schema of core/data/calendar)."""
        self = cls.__new__(cls)
        self._cal = _core.Calendar.from_years([_json_text(y) for y in years])
        return self

    @staticmethod
    def bundled_years() -> List[int]:
        """The years the bundled notices cover."""
        return list(_core.Calendar.bundled_years())

    @property
    def regions(self) -> List[str]:
        """The regions whose overlays were applied."""
        return list(self._cal.regions())

    def status(self, date: DateLike) -> str:
        """``workday``, ``weekend``, ``holiday_off`` or ``makeup_workday``."""
        result: str = json.loads(self._cal.status(_date(date)))
        return result

    def is_working_day(self, date: DateLike) -> bool:
        """Whether the day is a working day."""
        return bool(self._cal.is_working_day(_date(date)))

    def next_working_day(self, date: DateLike) -> _dt.date:
        """The first working day strictly after the day."""
        return _dt.date.fromisoformat(json.loads(self._cal.next_working_day(_date(date))))

    def roll_forward(self, date: DateLike) -> _dt.date:
        """The first working day on or after the day."""
        return _dt.date.fromisoformat(json.loads(self._cal.roll_forward(_date(date))))

    def table(self) -> Dict[str, str]:
        """Every covered day (ISO date) with its status."""
        return {d: s for d, s in json.loads(self._cal.table())}

    def deadline(self, kind: str, start: DateLike) -> Dict[str, Any]:
        """The statutory deadline of a kind (see :func:`deadline_kinds`) from a start date."""
        result: Dict[str, Any] = json.loads(self._cal.deadline(kind, _date(start)))
        return result

    def due_date(self, start: DateLike, period: Dict[str, Any]) -> _dt.date:
        """The due date of ``{"unit": "working_days"|"days"|"months", "count": n}``."""
        return _dt.date.fromisoformat(json.loads(self._cal.due_date(_date(start), _dumps(period))))

    def __repr__(self) -> str:
        return f"Calendar(years={self.bundled_years()}, regions={self.regions})"


def deadline_kinds() -> List[Dict[str, Any]]:
    """Every deadline kind with its legal provenance."""
    result: List[Dict[str, Any]] = _op("deadline_kinds")
    return result


def decide(
    entry: Union[str, Dict[str, Any], None] = None,
    facts: Optional[Dict[str, Any]] = None,
    history: Sequence[Dict[str, Any]] = (),
    on: Optional[DateLike] = None,
    policy: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """Decide a leniency case (首违不罚 / 轻微不罚 / 从轻减轻), in the operation table's
    order ``(entry, facts, history, on, policy)``.

    ``entry`` is a bundled menu entry id or a menu entry dict (or None); ``policy`` a
    ``DecisionPolicy`` (the core's default when None). Keyword calls of the order before
    the table (``decide(facts=…, on=…)``) work unchanged; a positional call in that old
    order ``decide(facts, on, …)`` still works with a ``DeprecationWarning`` until 0.3.0.
    """
    if isinstance(facts, _dt.date) or (
        isinstance(facts, str) and len(facts) == 10 and facts[4:5] == "-" and facts[:4].isdigit()
    ):
        # decide(facts, on, history, entry, policy): the order before the table.
        _deprecated("decide(facts, on, history, entry, policy)", "decide(entry, facts, history, on, policy)")
        entry, facts, on = on, entry, facts  # type: ignore[assignment]
    if entry is not None and not isinstance(entry, (str, dict)):
        raise _argument_type(
            f"entry must be a menu entry id (str) or a menu entry dict, not {type(entry).__name__}", "entry"
        )
    result: Dict[str, Any] = _op(
        "decide", entry, None if facts is None else _dumps(facts), _dumps(list(history)), _iso(on), policy
    )
    return result


def bundled_menus() -> List[Dict[str, Any]]:
    """The bundled leniency menus (SAMR 2025 首违不罚 / 轻微不罚 lists)."""
    result: List[Dict[str, Any]] = _op("bundled_menus")
    return result


def bundled_menu_entry(entry_id: str) -> Dict[str, Any]:
    """One bundled menu entry by id."""
    result: Dict[str, Any] = _op("bundled_menu_entry", entry_id)
    return result


def parse_menu(menu: JsonSource) -> Dict[str, Any]:
    """Parse and validate a (local) leniency menu."""
    result: Dict[str, Any] = _op("parse_menu", _json_text(menu))
    return result


def discretion_band(range: Dict[str, Any], band: str, preset: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The fine range (``min_fen``, ``max_fen``) of 从轻 / 一般 / 从重 within a statutory range."""
    result: Dict[str, Any] = _op("discretion_band", _dumps(range), band, preset)
    return result


def default_discretion_preset() -> Dict[str, Any]:
    """The core's default discretion preset (cut points and provenance)."""
    result: Dict[str, Any] = _op("default_discretion_preset")
    return result


def credit_repair_assess(
    record: Dict[str, Any],
    facts: Dict[str, Any],
    on: DateLike,
    policy: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """Assess a credit-repair (信用修复) request for a penalty record on a date."""
    result: Dict[str, Any] = _op("credit_repair_assess", _dumps(record), _dumps(facts), _iso(on), policy)
    return result


def list_removal_assess(record: Dict[str, Any], facts: Dict[str, Any], on: DateLike) -> Dict[str, Any]:
    """Assess removal from the 经营异常名录 / 严重违法失信名单 (令44), or repair of a negative
    spot-check result (令107), on a date: conditions, earliest dates, sources."""
    result: Dict[str, Any] = _op("list_removal_assess", _dumps(record), _dumps(facts), _iso(on))
    return result


# ---------------------------------------------------------------- outcomes and 公示


def _csv_frame(text: str) -> Any:
    """A DataFrame of one of the core's CSV exports (BOM dropped), every column as text."""
    import io

    return _pandas().read_csv(io.StringIO(text.lstrip("\ufeff")), dtype=str, keep_default_na=False)


class OutcomeSet(Dict[str, Any]):
    """An outcome set (检查结果, ``record_outcomes``): a plain dict in the core's JSON shape,
    plus its exports."""

    def to_csv(self) -> str:
        """The core's CSV export (``outcomes_csv``): UTF-8 text with BOM, Chinese headers,
        one row per department record and item, the results as their Chinese terms."""
        text: str = _op("outcomes_csv", _dumps(dict(self)))
        return text

    def to_dataframe(self) -> Any:
        """The rows and Chinese headers of the core's CSV export (任务编号, 统一社会信用代码,
        检查实施部门, 检查日期, 检查人员, 检查事项, 检查结果, 备注, 后续处置, 记录日期),
        every column as text."""
        return _csv_frame(self.to_csv())


class Disclosure(Dict[str, Any]):
    """A 公示 list (``disclose``): a plain dict in the core's JSON shape, plus its exports."""

    def to_csv(self) -> str:
        """The core's CSV export (``disclosure_csv``): UTF-8 text with BOM, Chinese headers."""
        text: str = _op("disclosure_csv", _dumps(dict(self)))
        return text

    def to_xlsx(self) -> bytes:
        """The core's xlsx export (:func:`disclosure_xlsx`)."""
        return disclosure_xlsx(self)

    def to_dataframe(self) -> Any:
        """The rows and Chinese headers of the core's CSV export, every column as text."""
        return _csv_frame(self.to_csv())


def record_outcomes(intake: JsonSource) -> OutcomeSet:
    """Record the departments' inspection results (检查结果) against the draw, the teams
    and the window; every record checked, nothing half-applied."""
    return OutcomeSet(_op("record_outcomes", _json_text(intake)))


def disclose(draw: JsonSource, outcomes: JsonSource, as_of: DateLike) -> Disclosure:
    """The 公示 list as of a date: one public record per enterprise joining every
    department's results, with deadlines and status."""
    return Disclosure(_op("disclose", _json_text(draw), _json_text(outcomes), _iso(as_of)))


def disclosure_xlsx(disclosure: JsonSource) -> bytes:
    """The 公示 list as an xlsx workbook (bytes): one sheet, 检查结果公示, the Chinese
    headers of the CSV export; the same list gives the same bytes."""
    out: bytes = _core.disclosure_xlsx(_json_text(disclosure))
    return out


def profiles_dataframe(
    events: JsonSource,
    as_of: DateLike,
    tags: Optional[JsonSource] = None,
    repair_policy: Optional[JsonSource] = None,
) -> Any:
    """The tagged profiles (一企一档) as a pandas DataFrame: one row per enterprise, the
    columns of the core's ``profile_table`` (``uscc``, ``as_of``, ``events``, every
    indicator at its default window, ``tags``, ``tag_reasons``); only the frame is built
    here. ``tags`` absent: the bundled food-producer set."""
    table = _op(
        "profile_table",
        _json_text(events),
        _iso(as_of),
        None if tags is None else _json_text(tags),
        None if repair_policy is None else _json_text(repair_policy),
    )
    return _pandas().DataFrame(table["rows"], columns=table["headers"])
# ---------------------------------------------------------------- 联企服务 (demands, follow-ups)


def _table_frame(table: Mapping[str, Any]) -> Any:
    """A DataFrame of the core's ``{headers, rows}`` table, every column as text."""
    return _pandas().DataFrame(table["rows"], columns=table["headers"], dtype=str)


class DemandRegister(Dict[str, Any]):
    """The demand register as of a date (``demand_register``): a plain dict in the core's
    JSON shape, plus a table helper."""

    def to_table(self) -> Dict[str, Any]:
        """The core's table (``demand_table``): ``{headers, rows}`` with Chinese headers."""
        table: Dict[str, Any] = _op("demand_table", _dumps(dict(self)))
        return table

    def to_dataframe(self) -> Any:
        """One row per demand, the core's Chinese headers and cells (nothing computed here)."""
        return _table_frame(self.to_table())


class FollowUpList(Dict[str, Any]):
    """The follow-up list as of a date (``follow_ups``): a plain dict in the core's JSON
    shape, plus a table helper."""

    def to_table(self) -> Dict[str, Any]:
        """The core's table (``follow_up_table``): ``{headers, rows}`` with Chinese headers."""
        table: Dict[str, Any] = _op("follow_up_table", _dumps(dict(self)))
        return table

    def to_dataframe(self) -> Any:
        """One row per follow-up visit, the core's Chinese headers and cells."""
        return _table_frame(self.to_table())


def demand_register(events: JsonSource, as_of: DateLike) -> DemandRegister:
    """The demand register (企业诉求) as of a date on the bundled national calendar: every
    demand, the overdue ones, per-department on-time counts, the lead's review list."""
    return DemandRegister(_op("demand_register", _json_text(events), _iso(as_of)))


def follow_ups(request: JsonSource, as_of: DateLike) -> FollowUpList:
    """The follow-up visits (事后回访) per department as of a date, with credit-repair
    guidance for penalties on the credit record."""
    return FollowUpList(_op("follow_ups", _json_text(request), _iso(as_of)))


# Every table operation offered as a function (``bound``) that has no hand-written
# function above (those add input conveniences or a result class): generated from the
# table (``_table_operation``), so their parameters are the table's, in its order.
_TABLE: Dict[str, Dict[str, Any]] = {op["name"]: op for op in operations()}
for _name, _spec in _TABLE.items():
    if _spec["bound"] and _name not in globals():
        globals()[_name] = _table_operation(_name)
        __all__.append(_name)
del _name, _spec

# The language of error messages (#22): Chinese by default, English on request.
from ._errors import get_language, set_language  # noqa: E402

__all__ += ["set_language", "get_language"]
