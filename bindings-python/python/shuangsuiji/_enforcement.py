"""Enforcement (core/src/enforcement): the working-day calendar, deadlines, leniency,
discretion, credit repair, list removal."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _shuangsuiji as _core
from ._conversion import DateLike, JsonSource, _argument_type, _date, _dumps, _iso, _json_text, _op
from ._ops import _deprecated


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
            f"entry must be a menu entry id (str) or a menu entry dict, not {type(entry).__name__}",
            "entry",
            value=type(entry).__name__,
            expected="str | dict",
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
