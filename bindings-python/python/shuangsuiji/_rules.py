"""Rules (core/src/rules): eligibility, presets, quota."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Union

from . import _shuangsuiji as _core
from ._conversion import DateLike, JsonSource, TableSource, _argument_type, _dumps, _iso, _json_text, _op, _optional_text, _pandas, _table_frame
from ._lazy import LazyDict
from ._model import Catalog, Roster


class EligibilityReport(LazyDict):
    """An eligibility report: a plain dict in the core's JSON shape, plus ``to_dataframe``.

    A report made by :func:`eligibility` is kept in the compiled core (a 1 M-enterprise
    report lists every eligible USCC): the plan (:func:`plan_from_eligibility`) and the
    draw (:func:`draw_eligible`) take it from there, and the dict is built on first
    access as a dict (``report["items"]``, ``dict(report)``, ``==`` …), once
    (:class:`LazyDict <shuangsuiji._lazy.LazyDict>`).
    """

    _handle_of_json = _core.eligibility_handle

    def to_table(self, roster: Optional[Any] = None) -> Dict[str, Any]:
        """The core's table for people (``eligibility_table``): ``{headers, rows}`` with
        Chinese headers, one row per item and enterprise (可抽取 / 必查 / 重点检查 / 排除),
        the reasons as codes and in Chinese words, names from ``roster`` if given."""
        table: Dict[str, Any] = _op("eligibility_table", self.to_json(), _optional_text(roster))
        return table

    def to_dataframe(self, lang: str = "en", roster: Optional[Any] = None) -> Any:
        """One row per (item, enterprise). ``lang="zh"``: the core's table (:meth:`to_table`,
        Chinese headers and reasons, names from ``roster``), as a clerk writes it to Excel.
        ``lang="en"`` (the default, unchanged): eligible (with stratum) or excluded (with
        reason codes)."""
        if lang == "zh":
            return _table_frame(self.to_table(roster))
        if lang != "en":
            raise _argument_type(f"lang must be 'zh' or 'en', not {lang!r}", "lang", value=repr(lang), expected="'zh' | 'en'")
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

    ``history`` is a list of check records, a path, or None (no history). The roster
    (a :class:`Roster`, or any source :func:`read_enterprises` reads) is handed to the
    core as it is held there; the report stays in the core until read as a dict.
    """
    if history is None:
        history = ()
    cat = catalog.to_json() if isinstance(catalog, Catalog) else _json_text(catalog)
    ros = roster if isinstance(roster, Roster) else Roster(roster)
    hist = _dumps(list(history)) if isinstance(history, (tuple, list)) else _json_text(history)
    return EligibilityReport._of_handle(_core.eligibility_roster(_json_text(request), cat, ros._handle, hist))


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
