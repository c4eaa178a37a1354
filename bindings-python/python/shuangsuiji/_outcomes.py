"""Outcomes and 公示 (core/src/outcomes): inspection results and the disclosure list."""

from __future__ import annotations

from typing import Any, Dict

from . import _shuangsuiji as _core
from ._conversion import DateLike, JsonSource, _dumps, _iso, _json_text, _op, _pandas


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
