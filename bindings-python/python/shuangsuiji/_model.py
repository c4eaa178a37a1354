"""The model (core/src/model): USCC, validation, the catalog and the roster."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from . import _shuangsuiji as _core
from ._conversion import JsonSource, TableSource, _json_text, _op, _pandas, _untracked


def error_codes() -> List[Dict[str, str]]:
    """Every stable error code with its family."""
    result: List[Dict[str, str]] = _op("error_codes")
    return result


def parse_uscc(text: str) -> str:
    """Validate a 统一社会信用代码 (GB 32100 + GB 11714) and return its canonical form."""
    return _core.parse_uscc(text)


def complete_uscc(first17: str) -> str:
    """Append the GB 32100 check character to a 17-character prefix."""
    result: str = _op("complete_uscc", first17)
    return result


def validate(kind: str, value: Any) -> Any:
    """Validate a Python value as a model type and return it in canonical form.

    ``kind`` is one of ``enterprise``, ``roster``, ``inspector``, ``inspector_roster``,
    ``authority``, ``check_record``, ``history``, ``ratio``, ``item``. The value is the
    plain Python form of the core's JSON shape (``validate("ratio", "3/100")``).
    """
    return _op("validate", kind, value)


class Catalog:
    """A validated item catalog (监管事项清单), prepared once and reused."""

    __slots__ = ("_json", "content_hash", "data")

    def __init__(self, source: JsonSource) -> None:
        loaded = _op("load_catalog", _json_text(source))
        self._init(json.dumps(loaded["catalog"], ensure_ascii=False, separators=(",", ":")), loaded["content_hash"])

    def _init(self, canonical: str, content_hash: str) -> None:
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


class Roster:
    """A validated enterprise roster (监管对象名录), prepared once and reused.

    The roster stays in the compiled core (a handle): ``len()`` costs nothing, and
    :func:`eligibility` takes it without converting it. ``to_json()`` and
    ``enterprises`` are built on first use. A pandas DataFrame or a pyarrow Table is
    read column by column (no CSV text in between), with the same result and errors as
    its CSV export. Pickled (and copied) as its JSON text.
    """

    __slots__ = ("_handle", "_json", "_data")

    def __init__(self, source: TableSource, options: Optional[Dict[str, Any]] = None) -> None:
        from ._columns import _read_roster

        self._handle: Any = _read_roster(source, options)
        self._json: Optional[str] = None
        self._data: Optional[List[Dict[str, Any]]] = None

    @property
    def enterprises(self) -> List[Dict[str, Any]]:
        """The enterprises, in the core's JSON shape (built on first use)."""
        if self._data is None:
            self._data = _untracked(self._handle.to_list)
        return self._data

    def __len__(self) -> int:
        return len(self._handle)

    def to_json(self) -> str:
        """The roster as the core's JSON text (built on first use)."""
        if self._json is None:
            self._json = str(self._handle.to_json())
        return self._json

    def to_dataframe(self) -> Any:
        """The roster as a pandas DataFrame (one row per enterprise)."""
        return _pandas().DataFrame(self.enterprises)

    def __getstate__(self) -> str:
        return self.to_json()

    def __setstate__(self, state: str) -> None:
        self._handle = _core.read_enterprises_handle(state.encode("utf-8"), '{"format": "json"}')
        self._json = state
        self._data = None

    def __repr__(self) -> str:
        return f"Roster({len(self)} enterprises)"
