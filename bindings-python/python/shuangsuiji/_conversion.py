"""Converting Python values to the core's JSON shape and back (private helpers of every area)."""

from __future__ import annotations

import datetime as _dt
import gc
import json
import os
from typing import Any, Callable, Dict, List, Mapping, Optional, TypeVar, Union

from . import _shuangsuiji as _core
from ._errors import ShuangsuijiError


JsonSource = Union[str, bytes, "os.PathLike[str]", Dict[str, Any], List[Any]]
TableSource = Union[str, bytes, "os.PathLike[str]", List[Any], Dict[str, Any], Any]
DateLike = Union[str, _dt.date]
_T = TypeVar("_T")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _untracked(build: Callable[[], _T]) -> _T:
    """Runs ``build`` with the cyclic garbage collector paused. Converting a large result
    creates hundreds of thousands of dicts and lists in a row, each allocation counting
    towards a collection that walks all of them again: pausing it cuts the conversion of
    a 100 000-pick draw result ~3× (``json.loads`` and ``to_dict`` alike). The objects
    built form trees, so nothing collectable is left behind."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return build()
    finally:
        if paused:
            gc.enable()


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    from ._draw import DrawHandle

    if isinstance(value, DrawHandle):
        return value.to_dict()
    raise TypeError(f"cannot convert {type(value).__name__} to JSON")


def _json_text(source: Any) -> str:
    """JSON text from a dict/list, a handle with ``to_json()``, a JSON string, bytes, or
    a path to a .json file."""
    if hasattr(source, "to_json") and callable(source.to_json):
        return str(source.to_json())
    if isinstance(source, (dict, list)):
        return _dumps(source)
    if isinstance(source, bytes):
        return str(_core.document_text(source))
    if isinstance(source, os.PathLike):
        with open(source, "rb") as f:
            return str(_core.document_text(f.read()))
    if isinstance(source, str):
        # JSON text (a leading BOM dropped, as from a file) or the path of a file.
        text = source[1:] if source.startswith("\ufeff") else source
        if text.lstrip().startswith(("{", "[")):
            return text
        with open(_existing_path(source), "rb") as f:
            return str(_core.document_text(f.read()))
    raise TypeError(f"expected a dict, list, JSON text, bytes or a path, got {type(source).__name__}")


def _argument_type(message: str, field: str, **evidence: str) -> ShuangsuijiError:
    """The typed ``argument_type`` error; ``evidence`` (``value``, ``expected``) goes into
    the details, so the Chinese message shows it too."""
    from ._errors import _facade_error

    return _facade_error(message, "argument_type", "input", {"field": field, **evidence})


def _existing_path(source: str) -> str:
    """``source`` if it names an existing file; else the typed ``argument_type`` error
    (a ``str`` that is neither JSON text nor a file's path — empty, CSV text, a typo —
    never surfaces as ``FileNotFoundError``/``OSError``)."""
    try:
        ok = bool(source) and "\0" not in source and os.path.isfile(source)
    except (OSError, ValueError):
        ok = False
    if not ok:
        shown = source if len(source) <= 60 else source[:60] + "…"
        raise _argument_type(
            f"{shown!r} is neither JSON text nor the path of an existing file "
            "(give a file's contents as bytes, or its path as pathlib.Path)",
            "source",
            value=shown,
            expected="bytes | pathlib.Path | JSON",
        )
    return source


def _op(name: str, *values: Any) -> Any:
    """Calls the compiled table operation ``name`` (generated from the core's operation
    table: its arguments in the table's order, ``None`` for absent) and reads its JSON."""
    return json.loads(getattr(_core, name)(*values))


def _iso(value: Any) -> Any:
    """A date argument: ``datetime.date`` written ``YYYY-MM-DD``; anything else as given
    (the core checks it)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _date(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value)


def _is_dataframe(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_csv")


def _check_options(options: Any) -> Dict[str, Any]:
    """A copy of the ReadOptions dict (empty for None); anything else is ``argument_type``."""
    if options is not None and not isinstance(options, dict):
        raise _argument_type(
            f"options must be a dict of ReadOptions, not {type(options).__name__} "
            f"(for an encoding write {{'encoding': {options!r}}})",
            "options",
            value=repr(options),
            expected=f"{{'encoding': {options!r}}}" if isinstance(options, str) else "dict",
        )
    return dict(options or {})


def _table_bytes(source: Any, options: Optional[Dict[str, Any]]) -> "tuple[bytes, str]":
    """Bytes and ReadOptions JSON for a table source.

    A path is read (its base name becomes ``file_name`` unless given); a list of
    records is sent as JSON; a pandas DataFrame as UTF-8 CSV (its column headers go
    through the core's header aliases, like a spreadsheet export).
    """
    opts = _check_options(options)
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, (list, dict)):
        data = _dumps(source).encode("utf-8")
        opts.setdefault("format", "json")
    elif _is_dataframe(source):
        data = source.to_csv(index=False).encode("utf-8")
        opts.setdefault("format", "csv")
        opts.setdefault("encoding", "utf-8")
        opts.setdefault("file_name", "<DataFrame>")
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if isinstance(path, str):
            _existing_path(path)
        with open(path, "rb") as f:
            data = f.read()
        opts.setdefault("file_name", os.path.basename(path))
    else:
        raise TypeError(
            "expected a path, bytes, a list of records or a pandas DataFrame, "
            f"got {type(source).__name__}"
        )
    return data, json.dumps(opts, ensure_ascii=False)


def _label_rows(source: Any, details: Dict[str, Any]) -> None:
    """For a DataFrame read as CSV (header on row 1, the frame's i-th row on row i + 2),
    add the frame's index label of the row a problem names (``details["index"]``), so
    that a clerk finds it with ``df.loc[...]``. Only a location is added; the problem is
    the core's."""
    row = details.get("row")
    if _is_dataframe(source) and isinstance(row, int) and 2 <= row < len(source.index) + 2:
        details["index"] = str(source.index[row - 2])


def _read_table(source: Any, options: Optional[Dict[str, Any]], read: Callable[[bytes, str], Any]) -> Any:
    """``read(bytes, options JSON)`` of a table source; a DataFrame's errors carry the
    index label of their row (:func:`_label_rows`)."""
    data, opts = _table_bytes(source, options)
    try:
        return read(data, opts)
    except ShuangsuijiError as e:
        if isinstance(getattr(e, "details", None), dict):
            _label_rows(source, e.details)
        raise


def _table_frame(table: Mapping[str, Any]) -> Any:
    """A DataFrame of the core's ``{headers, rows}`` table, every column as text."""
    return _pandas().DataFrame(table["rows"], columns=table["headers"], dtype=str)


def _optional_text(source: Any) -> Optional[str]:
    """An optional document argument: None stays None; a ``Roster`` / ``Catalog`` gives
    its ``to_json()``; anything else is read as :func:`_json_text` reads it."""
    return None if source is None else _json_text(source)


def _zh_only(lang: str) -> None:
    """The tables laid out by the core are in Chinese; ``lang`` is there so that every
    ``to_dataframe(lang="zh")`` reads alike."""
    if lang != "zh":
        raise _argument_type(
            f"lang must be 'zh' (the core's table has Chinese headers), not {lang!r}", "lang", value=repr(lang), expected="'zh'"
        )


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe() needs pandas: pip install pandas") from e
    return pandas
