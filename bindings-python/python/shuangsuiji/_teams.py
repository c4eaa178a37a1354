"""Teams (core/src/teams): team requests, assignment, explanation."""

from __future__ import annotations

from typing import Any, Dict, List

from ._conversion import JsonSource, _json_text, _op, _pandas


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
