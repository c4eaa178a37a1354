"""Rules (core/src/rules): eligibility, presets, quota."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _shuangsuiji as _core
from ._conversion import DateLike, JsonSource, TableSource, _argument_type, _dumps, _iso, _json_text, _op, _optional_text, _pandas, _table_frame, _untracked
from ._model import Catalog, Roster


class EligibilityReport(Dict[str, Any]):
    """An eligibility report: a plain dict in the core's JSON shape, plus ``to_dataframe``.

    A report made by :func:`eligibility` is kept in the compiled core (a 1 M-enterprise
    report lists every eligible USCC): the plan (:func:`plan_from_eligibility`) and the
    draw (:func:`draw_eligible`) take it from there, and the dict is built on first
    access as a dict (``report["items"]``, ``dict(report)``, ``==`` …), once.
    """

    _handle: Any = None
    _filled: bool = True

    @classmethod
    def _of_handle(cls, handle: Any) -> "EligibilityReport":
        report = cls()
        report._handle = handle
        report._filled = False
        # C code that reads a dict's storage directly sees it non-empty (json.dumps'
        # fast path writes an empty dict as "{}" without asking) and so asks items().
        dict.__setitem__(report, "…", None)
        return report

    def _fill(self) -> None:
        if not self._filled:
            self._filled = True
            data = _untracked(self._handle.to_dict)
            dict.clear(self)
            dict.update(self, data)

    def _core_handle(self) -> Any:
        """The core's report handle: the one :func:`eligibility` made while the dict
        has not been built (nothing could change it yet), else one read from the dict's
        JSON (it may have been edited)."""
        if self._handle is not None and not self._filled:
            return self._handle
        return _core.eligibility_handle(_dumps(dict(self)))

    def to_json(self) -> str:
        """The report as the core's JSON text."""
        if self._handle is not None and not self._filled:
            return str(self._handle.to_json())
        return _dumps(dict(self))

    def __getitem__(self, key: str) -> Any:
        self._fill()
        return dict.__getitem__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def __contains__(self, key: object) -> bool:
        self._fill()
        return dict.__contains__(self, key)

    def __eq__(self, other: object) -> bool:
        self._fill()
        if isinstance(other, EligibilityReport):
            other._fill()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._fill()
        return dict.__repr__(self)

    def keys(self) -> Any:
        self._fill()
        return dict.keys(self)

    def values(self) -> Any:
        self._fill()
        return dict.values(self)

    def items(self) -> Any:
        self._fill()
        return dict.items(self)

    def get(self, key: str, default: Any = None, /) -> Any:
        self._fill()
        return dict.get(self, key, default)

    def copy(self) -> Dict[str, Any]:
        self._fill()
        return dict(self)

    # Every change builds the dict first: a write to the unbuilt report would otherwise
    # be lost when it is built, and the plan and the draw would still take the core's
    # unedited report.
    def __setitem__(self, key: str, value: Any) -> None:
        self._fill()
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        self._fill()
        dict.__delitem__(self, key)

    def setdefault(self, key: str, default: Any = None, /) -> Any:
        self._fill()
        return dict.setdefault(self, key, default)

    def pop(self, key: str, /, *default: Any) -> Any:
        self._fill()
        return dict.pop(self, key, *default)

    def popitem(self) -> Any:
        self._fill()
        return dict.popitem(self)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._fill()
        dict.update(self, *args, **kwargs)

    def clear(self) -> None:
        self._fill()
        dict.clear(self)

    def __ior__(self, other: Any) -> "EligibilityReport":  # type: ignore[override]
        self._fill()
        dict.update(self, other)
        return self

    def __or__(self, other: Any) -> Dict[str, Any]:  # type: ignore[override]
        self._fill()
        return {**dict(self), **dict(other)}

    def __reversed__(self) -> Iterator[str]:
        self._fill()
        return dict.__reversed__(self)

    def __reduce__(self) -> Any:
        self._fill()
        return (EligibilityReport, (dict(self),))

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
