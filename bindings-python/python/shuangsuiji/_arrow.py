"""Arrow string arrays as the binding reads them (shared by the Spark helpers and the
columnar roster read): the array's two buffers, no Python object per cell. Needs
pyarrow, imported when called."""

from __future__ import annotations

from typing import Any, Tuple


def arrow_column(array: Any) -> Tuple[bytes, bytes, int, int, bool]:
    """A pyarrow string array as the binding reads it: ``(offsets, data, offset, length,
    large)`` — its two buffers as ``bytes`` (one copy each, no object per cell). A chunked
    array is combined first; a null cell is refused (``cell_invalid``)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not isinstance(array, pa.Array):
        array = pa.array(array, type=pa.string())
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    large = pa.types.is_large_string(array.type)
    if not (large or pa.types.is_string(array.type)):
        array = array.cast(pa.string())
    if array.null_count:
        from ._errors import _facade_error

        row = array.is_null().to_pylist().index(True)
        raise _facade_error(
            f"row {row} of a column is empty (null); every eligible entry needs a value",
            "cell_invalid",
            "input",
            {"field": f"[{row}]"},
        )
    _, offsets, data = array.buffers()
    return (
        offsets.to_pybytes(),
        data.to_pybytes() if data is not None else b"",
        array.offset,
        len(array),
        large,
    )
