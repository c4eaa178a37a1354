"""The draw (core/src/draw): whole draws, the columnar path, tickets."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Iterator, Mapping, Optional

from . import _shuangsuiji as _core
from ._conversion import JsonSource, _dumps, _json_text, _op, _optional_text, _table_frame, _untracked, _zh_only


class DrawResult(Dict[str, Any]):
    """A draw result: a plain dict in the core's JSON shape, plus table helpers."""

    def to_table(self, roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Dict[str, Any]:
        """The core's visit list (``visit_table``): ``{headers, rows}`` with Chinese headers
        (序号, 统一社会信用代码, 企业名称, 检查部门, 检查事项, 分层, 抽取方式, 随机号), one row
        per visit; names from ``roster`` (a :class:`Roster` or its JSON) and ``catalog``."""
        table: Dict[str, Any] = _op("visit_table", _dumps(dict(self)), _optional_text(roster), _optional_text(catalog))
        return table

    def to_dataframe(self, lang: str = "zh", roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Any:
        """The visit list (:meth:`to_table`) as a DataFrame, every column as text, as a
        clerk writes it to Excel."""
        _zh_only(lang)
        return _table_frame(self.to_table(roster, catalog))


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
        from ._errors import _facade_error

        row, cell = next((k, v) for k, v in enumerate(values) if not isinstance(v, str))
        raise _facade_error(
            f"row {row + 1} of the column is not text but {cell!r} ({type(cell).__name__}): "
            "a missing cell or a column read as numbers; read it as text (dtype=str)",
            "cell_invalid",
            "input",
            {"row": row + 1, "value": repr(cell)},
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

    def to_dataframe(self, lang: str = "zh", roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Any:
        """The visit list as a DataFrame (see :meth:`DrawResult.to_dataframe`)."""
        return self.to_dict().to_dataframe(lang, roster, catalog)

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def __repr__(self) -> str:
        state = "converted" if self._dict is not None else "in Rust"
        return f"<shuangsuiji.DrawHandle ({state})>"


def draw_eligible(report: Any, catalog: Any, plan: JsonSource, seed: str) -> "DrawHandle":
    """The draw of an eligibility report under its published ``plan`` with ``seed`` (64
    hex digits): the core's ``rules::draw_eligible`` — the ``draw`` of the result
    document :func:`publish_draw` writes for the same plan, eligible leaves and seed.
    ``report`` is what :func:`eligibility` returned (kept in the core: nothing is
    converted) or a report dict / JSON; ``catalog`` a :class:`Catalog` or its JSON. The
    result is a :class:`DrawHandle` (``selection_columns()`` for the selected lists)."""
    from ._rules import EligibilityReport

    handle = report._core_handle() if isinstance(report, EligibilityReport) else _core.eligibility_handle(_json_text(report))
    return DrawHandle(_core.draw_eligible(handle, _json_text(catalog), _json_text(plan), seed))


def ticket(seed: str, task_id: str, uscc: str) -> str:
    """The v1 ticket of one enterprise (32 lowercase hex characters)."""
    result: str = _op("ticket", seed, task_id, uscc)
    return result
