"""The operation table (core/src/ops): ``operations()``, ``run_operation`` and the
functions generated from the table."""

from __future__ import annotations

import json
import warnings
from typing import Any, Callable, Dict, List

from . import _shuangsuiji as _core
from ._conversion import _argument_type, _dumps, _iso, _json_text


def operations() -> List[Dict[str, Any]]:
    """The core's operation table: per operation ``name``, ``js_name``, ``args`` (in the
    order they are read: ``name``, ``kind``, ``optional``), ``params`` (the order of the
    functions' positional parameters), ``bound`` (offered as a function) and ``result``."""
    result: List[Dict[str, Any]] = json.loads(_core.operations_json())
    return result


# The core's operation table by name (read once, at import).
_TABLE: Dict[str, Dict[str, Any]] = {op["name"]: op for op in operations()}


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"shuangsuiji.{old} is deprecated and goes away in 0.3.0; use {new}", DeprecationWarning, stacklevel=3)


def _convert(kind: str, value: Any) -> Any:
    """One argument for a compiled table operation, by its kind in the table: a document
    from a dict / list / JSON text / path / bytes / ``Catalog`` or ``Roster`` (``to_json``),
    a ``datetime.date`` as ``YYYY-MM-DD``; anything else as given (the core checks it)."""
    if value is None:
        return None
    if kind in ("document", "committed") and not isinstance(value, bytes):
        return _json_text(value)
    if kind == "date":
        return _iso(value)
    return value


def _table_operation(name: str) -> Callable[..., Any]:
    """The Python function of the core's table operation ``name`` (``operations()``):
    parameters in the table's order (``None`` leaves an optional argument out), each
    converted by its kind (:func:`_convert`), then the compiled function generated from
    the same table. The same answers and errors as ``run_operation(name, …)``."""
    import inspect

    spec = _TABLE[name]
    kinds = {a["name"]: a["kind"] for a in spec["args"]}
    optional = {a["name"] for a in spec["args"] if a["optional"]}
    params = spec["params"]
    compiled = getattr(_core, name)
    signature = inspect.Signature(
        [
            inspect.Parameter(
                p,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=None if p in optional else inspect.Parameter.empty,
            )
            for p in params
        ]
    )

    def call(*values: Any, **named: Any) -> Any:
        try:
            bound = signature.bind(*values, **named)
        except TypeError as e:
            raise _argument_type(f"{name}: {e}", "arguments") from None
        given = bound.arguments
        return json.loads(compiled(*(_convert(kinds[p], given.get(p)) for p in params)))

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"The core's ``{name}`` operation; returns {spec['result']}."
    call.__signature__ = signature  # type: ignore[attr-defined]
    call._table_operation = True  # type: ignore[attr-defined]
    return call


def run_operation(operation: str, input: Any) -> Any:
    """Run one core operation by its stable name (``parse_uscc``, ``read_enterprises``,
    ``eligibility``, ``draw``, ``verify_log``, ``decide`` …, see ``core/src/ops.rs``) on a
    JSON-shaped input. The same entry point exists in Rust and JavaScript, so the same
    input gives the same result or the same error code in all three."""
    return json.loads(_core.run_operation(operation, _dumps(input)))
