"""shuangsuiji (双随机): rules of China's cross-department joint spot checks.

The compiled core does all the work; this module only converts Python values to the
core's JSON shape and back. Every error is a :class:`ShuangsuijiError` (a
``ValueError``) with a stable ``.code``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Union

from . import _shuangsuiji as _core
from ._errors import (
    DrawError,
    EnforcementError,
    InputError,
    LimitError,
    RulesError,
    ShuangsuijiError,
    TeamError,
    ValidationError,
    VerifyError,
)

__version__: str = _core.__version__

__all__ = [
    "Catalog",
    "DrawError",
    "EnforcementError",
    "InputError",
    "LimitError",
    "RulesError",
    "ShuangsuijiError",
    "TeamError",
    "ValidationError",
    "VerifyError",
    "complete_uscc",
    "error_codes",
    "parse_uscc",
    "validate",
]

JsonSource = Union[str, bytes, "os.PathLike[str]", Dict[str, Any], List[Any]]


def _json_text(source: JsonSource) -> str:
    """JSON text from a dict/list, a JSON string, bytes, or a path to a .json file."""
    if isinstance(source, (dict, list)):
        return json.dumps(source, ensure_ascii=False)
    if isinstance(source, bytes):
        return source.decode("utf-8")
    if isinstance(source, os.PathLike):
        with open(source, encoding="utf-8") as f:
            return f.read()
    if isinstance(source, str):
        stripped = source.lstrip()
        if stripped.startswith(("{", "[")):
            return source
        with open(source, encoding="utf-8") as f:
            return f.read()
    raise TypeError(f"expected a dict, list, JSON text, bytes or a path, got {type(source).__name__}")


def error_codes() -> List[Dict[str, str]]:
    """Every stable error code with its family."""
    result: List[Dict[str, str]] = json.loads(_core.error_codes_json())
    return result


def parse_uscc(text: str) -> str:
    """Validate a 统一社会信用代码 (GB 32100 + GB 11714) and return its canonical form."""
    return _core.parse_uscc(text)


def complete_uscc(first17: str) -> str:
    """Append the GB 32100 check character to a 17-character prefix."""
    return _core.complete_uscc(first17)


def validate(kind: str, value: Any) -> Any:
    """Validate a Python value as a model type and return it in canonical form.

    ``kind`` is one of ``enterprise``, ``roster``, ``inspector``, ``inspector_roster``,
    ``authority``, ``check_record``, ``history``, ``ratio``, ``item``. The value is the
    plain Python form of the core's JSON shape (``validate("ratio", "3/100")``).
    """
    return json.loads(_core.validate_model(kind, json.dumps(value, ensure_ascii=False)))


class Catalog:
    """A validated item catalog (监管事项清单), prepared once and reused."""

    __slots__ = ("_json", "content_hash", "data")

    def __init__(self, source: JsonSource) -> None:
        canonical, content_hash = _core.catalog_load(_json_text(source))
        self._json: str = canonical
        self.data: Dict[str, Any] = json.loads(canonical)
        self.content_hash: str = content_hash

    @property
    def items(self) -> List[Dict[str, Any]]:
        """The supervision items."""
        items: List[Dict[str, Any]] = self.data["items"]
        return items

    def to_json(self) -> str:
        """The catalog as the core's canonical JSON text."""
        return self._json

    def __repr__(self) -> str:
        return f"Catalog(id={self.data['id']!r}, version={self.data['version']!r}, items={len(self.items)})"
