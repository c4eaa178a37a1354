"""A dict whose contents stay in the compiled core until read (issue #25): the base of
:class:`EligibilityReport` and :class:`TeamAssignment`."""

from __future__ import annotations

from typing import Any, Callable, ClassVar, Dict, Iterator, Optional, Type, TypeVar

from ._conversion import _dumps, _untracked

_L = TypeVar("_L", bound="LazyDict")


class LazyDict(Dict[str, Any]):
    """A plain dict in the core's JSON shape whose value may be held by a core handle.

    Made by :meth:`_of_handle`, nothing is converted until the dict is read as a dict
    (``d["key"]``, ``dict(d)``, ``==``, ``json.dumps``, pickling …): then it is built
    once from the handle. Every change builds it first, so no write is lost. While it
    has not been built nothing can have changed it, and the functions that take the
    value take it from the handle (:meth:`_core_handle`, :meth:`to_json`); once built it
    may have been edited (also inside, ``d["teams"][0][…] = …``), and they read the dict.

    A subclass names how to make a handle from the value's JSON (``_handle_of_json``).
    Made from a dict (``Cls(d)``) it is an ordinary dict.
    """

    _handle: Any = None
    _filled: bool = True
    _handle_of_json: ClassVar[Optional[Callable[[str], Any]]] = None

    @classmethod
    def _of_handle(cls: Type[_L], handle: Any) -> _L:
        value = cls()
        value._handle = handle
        value._filled = False
        # C code that reads a dict's storage directly sees it non-empty (json.dumps'
        # fast path writes an empty dict as "{}" without asking) and so asks items().
        dict.__setitem__(value, "…", None)
        return value

    def _fill(self) -> None:
        if not self._filled:
            self._filled = True
            data = _untracked(self._handle.to_dict)
            dict.clear(self)
            dict.update(self, data)

    def _unbuilt(self) -> bool:
        """Whether the value is still the core's, unread and so unedited."""
        return self._handle is not None and not self._filled

    def _core_handle(self) -> Any:
        """The core's handle: the one the value was made with while the dict has not
        been built (nothing could change it yet), else one read from the dict's JSON (it
        may have been edited)."""
        if self._unbuilt():
            return self._handle
        make = type(self)._handle_of_json
        assert make is not None, f"{type(self).__name__} has no handle"
        return make(_dumps(dict(self)))

    def to_json(self) -> str:
        """The value as the core's JSON text."""
        if self._unbuilt():
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
        if isinstance(other, LazyDict):
            other._fill()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

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

    # Every change builds the dict first: a write to the unbuilt value would otherwise be
    # lost when it is built, and the functions that take it would still take the core's
    # unedited value.
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

    def __ior__(self, other: Any) -> "LazyDict":  # type: ignore[override]
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
        return (type(self), (dict(self),))
