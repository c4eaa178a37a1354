"""Teams (core/src/teams): team requests, assignment, explanation."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import _shuangsuiji as _core
from ._conversion import JsonSource, _json_text, _op, _optional_text, _table_frame, _untracked, _zh_only
from ._lazy import LazyDict


class TeamAssignment(LazyDict):
    """A team assignment: a plain dict in the core's JSON shape, plus a table helper.

    An assignment made by :func:`assign_teams` is kept in the compiled core (5 000
    visits are 3.5 MB of JSON): :meth:`to_table`, :meth:`to_dataframe` and
    :func:`explain_teams` take it from there, and the dict is built on first access as
    a dict (``assignment["teams"]``, ``dict(assignment)``, ``==`` …), once
    (:class:`LazyDict <shuangsuiji._lazy.LazyDict>`); once built (it may have been
    edited) they read the dict.
    """

    _handle_of_json = _core.team_assignment_handle

    def to_table(
        self, inspectors: Optional[Any] = None, roster: Optional[Any] = None, catalog: Optional[Any] = None
    ) -> Dict[str, Any]:
        """The core's team table (``team_table``): ``{headers, rows}`` with Chinese headers
        (统一社会信用代码, 企业名称, 路线, 组长, 部门, 检查人员编号, 检查人员, 持执法证, 随机号,
        序位), one row per member; names from ``inspectors``, ``roster`` and ``catalog``."""
        if self._unbuilt():
            texts = (_optional_text(inspectors), _optional_text(roster), _optional_text(catalog))
            built: Dict[str, Any] = _untracked(lambda: _core.team_table_handle(self._handle, *texts))
            return built
        table: Dict[str, Any] = _op(
            "team_table", self.to_json(), _optional_text(inspectors), _optional_text(roster), _optional_text(catalog)
        )
        return table

    def to_dataframe(
        self,
        lang: str = "zh",
        inspectors: Optional[Any] = None,
        roster: Optional[Any] = None,
        catalog: Optional[Any] = None,
    ) -> Any:
        """The teams (:meth:`to_table`) as a DataFrame, every column as text."""
        _zh_only(lang)
        return _table_frame(self.to_table(inspectors, roster, catalog))


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
    exists), reproducible from the seed, every constraint checked. The assignment stays
    in the core until read as a dict (:class:`TeamAssignment`)."""
    return TeamAssignment._of_handle(_core.assign_teams_handle(_json_text(request)))


def explain_teams(request: JsonSource, assignment: JsonSource) -> List[Dict[str, Any]]:
    """Per visit and department: every candidate inspector, its ticket and its fate. An
    unread :class:`TeamAssignment` is taken as the core holds it."""
    if isinstance(assignment, TeamAssignment) and assignment._unbuilt():
        explained: List[Dict[str, Any]] = _untracked(
            lambda: _core.explain_teams_handle(_json_text(request), assignment._handle)
        )
        return explained
    out: List[Dict[str, Any]] = _op("explain_teams", _json_text(request), _json_text(assignment))
    return out
