"""Reading a roster from a table's columns (issue #25): a pandas DataFrame or a pyarrow
Table goes to the core column by column — Arrow string buffers, or the cells joined by
line breaks — instead of as CSV text, and the roster stays in the core (a handle).

The core reads the columns as it reads the same table written as CSV
(``intake::read_enterprise_columns``), so records and errors are those of the CSV route.
Where a column is not text (numbers, dates, a cell holding a line break without pyarrow
…) the formatting of ``to_csv`` decides what the cell says: such a frame still takes the
CSV route, unchanged.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple

from . import _shuangsuiji as _core
from ._arrow import arrow_column
from ._conversion import _check_options, _is_dataframe, _label_rows, _read_table
from ._errors import ShuangsuijiError

Column = Any  # (text, rows) or the five-tuple of _arrow.arrow_column


def _is_arrow_table(value: Any) -> bool:
    return type(value).__name__ == "Table" and type(value).__module__.startswith("pyarrow")


def _pyarrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    return pyarrow


def _arrow_text(pa: Any, array: Any) -> Optional[Column]:
    """An Arrow column as the binding's buffers, if it holds text (nulls become empty
    cells, as ``to_csv`` writes them); None otherwise."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    t = array.type
    if pa.types.is_dictionary(t) and (pa.types.is_string(t.value_type) or pa.types.is_large_string(t.value_type)):
        array = array.cast(t.value_type)
    elif pa.types.is_null(t):
        array = array.cast(pa.string())
    elif not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        return None
    if array.null_count:
        array = array.fill_null("")
    return arrow_column(array)


def _object_text(pa: Any, series: Any) -> Optional[Column]:
    """A pandas column of str (None / NaN for an empty cell), or None."""
    dtype = series.dtype
    if not (dtype == object or type(dtype).__name__ in ("StringDtype", "ArrowDtype")):
        return None
    if pa is not None:
        try:
            return _arrow_text(pa, pa.array(series, from_pandas=True))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return None  # a cell that is not text
    values = series.tolist()
    try:
        text = "\n".join(values)
    except TypeError:
        if not all(isinstance(v, str) or v is None or v != v for v in values):
            return None
        text = "\n".join(v if isinstance(v, str) else "" for v in values)
    if text.count("\n") != max(len(values) - 1, 0):
        return None  # a cell holding a line break: only the CSV route reads it
    return (text, len(values))


def _frame_columns(source: Any) -> Optional[Tuple[List[str], List[Column]]]:
    """The headers and columns of a DataFrame or pyarrow Table whose every column
    holds text; None when some column does not (the CSV route decides then)."""
    pa = _pyarrow()
    if _is_arrow_table(source):
        headers = [str(n) for n in source.column_names]
        cols = [_arrow_text(pa, c) for c in source.columns]
    else:
        if not all(isinstance(c, str) for c in source.columns):
            return None
        headers = list(source.columns)
        cols = [_object_text(pa, source.iloc[:, i]) for i in range(source.shape[1])]
    if any(c is None for c in cols):
        return None
    return headers, cols


def _read_roster(source: Any, options: Optional[Dict[str, Any]]) -> Any:
    """The core ``RosterHandle`` of a roster source: a DataFrame or pyarrow Table by its
    columns (unless options name a format or an encoding, which only a file has), any
    other source as before (``read_enterprises`` of its bytes)."""
    opts = _check_options(options)
    columns = None
    if (_is_dataframe(source) or _is_arrow_table(source)) and not {"format", "encoding", "sheet"} & set(opts):
        columns = _frame_columns(source)
    if columns is None:
        if _is_arrow_table(source):
            source = source.to_pandas()
        return _read_table(source, options, _core.read_enterprises_handle)
    opts.setdefault("file_name", "<DataFrame>")
    try:
        return _core.read_enterprise_columns(columns[0], columns[1], json.dumps(opts, ensure_ascii=False))
    except ShuangsuijiError as e:
        if isinstance(getattr(e, "details", None), dict):
            _label_rows(source, e.details)
        raise
