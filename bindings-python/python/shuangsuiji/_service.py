"""联企服务 (core/src/service): the demand register and follow-up visits."""

from __future__ import annotations

from typing import Any, Dict

from ._conversion import DateLike, JsonSource, _dumps, _iso, _json_text, _op, _table_frame


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
