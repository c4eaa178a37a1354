"""Exception classes raised by the compiled core.

Every error carries ``.code`` (a stable snake_case string, identical in Rust, Python and
JavaScript), ``.family`` and ``.details`` (file, row, column, field, value and extra
evidence). Catch :class:`ShuangsuijiError` for all of them, or a family subclass.

``.message`` (and ``str(err)``) is in the core's default language, Chinese, the same text
as in Rust and JavaScript; ``.message_en`` is the English one. ``set_language("en")``
makes English the language of ``.message`` for the whole process (``None`` goes back to
the core's default); the binding stores the choice only.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

# The languages the core writes messages in (shuangsuiji::Lang), and the user's choice
# (None: the core's default, the message the core gave as ``message``).
_LANGUAGES = ("zh", "en")
_language: Optional[str] = None


def set_language(language: Optional[str]) -> None:
    """Chooses the language of every error's ``.message`` and ``str()`` for this process:
    ``"zh"`` (Chinese, the core's default) or ``"en"``; ``None`` goes back to the default.
    ``.message_zh`` and ``.message_en`` stay available either way.

    >>> import shuangsuiji
    >>> shuangsuiji.set_language("en")
    >>> shuangsuiji.set_language(None)
    """
    global _language
    if language is not None and language not in _LANGUAGES:
        raise ValueError(f"language must be one of {_LANGUAGES} or None, not {language!r}")
    _language = language


def get_language() -> Optional[str]:
    """The language chosen with :func:`set_language` (``None``: the core's default, Chinese)."""
    return _language


class ShuangsuijiError(ValueError):
    """Base class of every error raised by shuangsuiji."""

    code: str
    family: str
    details: Dict[str, Any]
    message_zh: str
    message_en: str

    def __init__(
        self,
        message: str,
        code: str = "",
        family: str = "",
        details: Optional[Dict[str, Any]] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message_zh = message
        self.message_en = message if message_en is None else message_en
        self.code = code
        self.family = family
        self.details = dict(details or {})

    @property
    def message(self) -> str:
        """The message in the chosen language (:func:`set_language`; Chinese by default)."""
        return self.message_en if _language == "en" else self.message_zh

    @property
    def row(self) -> Optional[int]:
        """1-based row in the input file (header = row 1), if known."""
        return self.details.get("row")

    @property
    def column(self) -> Optional[str]:
        """The column header as written in the file, if known."""
        return self.details.get("column")

    @property
    def field(self) -> Optional[str]:
        """The model field (serde name), if known."""
        return self.details.get("field")

    def __str__(self) -> str:
        if _language != "en":
            # The Chinese message already says the location and the evidence.
            return f"{self.code}: {self.message_zh}"
        where = ", ".join(
            f"{k} {self.details[k]!r}"
            for k in ("file", "row", "column", "field", "value")
            if k in self.details
        )
        return f"{self.code}: {self.message_en}" + (f" ({where})" if where else "")

    def __reduce__(self):  # picklable across processes
        return (
            _from_core,
            (self.message_zh, self.code, self.family, json.dumps(self.details), self.message_en),
        )


# One subclass per family, built from the core's code list (error_codes()), so that a
# new family in the core needs no edit here. The docstrings below are optional extras;
# _errors.pyi declares the classes for type checkers (bindings-python/tests/test_basics.py
# checks it against error_codes()).
_DOCS = {
    "input": "Reading bytes failed: encodings, CSV, JSON, xlsx, headers.",
    "validation": "A value breaks the domain model (USCC, division code, ratio …).",
    "rules": "A sampling policy, preset or eligibility request is invalid.",
    "draw": "The draw cannot be performed as asked.",
    "verify": "A published document does not verify, or a ceremony step is invalid.",
    "team": "No valid inspector assignment exists, or the request is invalid.",
    "enforcement": "A leniency, discretion, calendar, deadline or credit-repair request is invalid.",
    "limit": "A documented size or depth limit was exceeded.",
    "internal": "A bug in shuangsuiji: an invariant it guarantees did not hold (please report).",
    "profile": "An enterprise event, tag rule, measure or referral is invalid (一企一档, 标签化).",
    "outcome": "Inspection outcomes or their 公示 list do not fit the draw, the teams, the window or the committed set.",
    "service": "A demand event (企业诉求) or a follow-up request (事后回访) is refused.",
}


def _class_name(family: str) -> str:
    return "".join(part.title() for part in family.split("_")) + "Error"


def _build_families() -> Dict[str, type]:
    from . import _shuangsuiji as _core

    families: Dict[str, type] = {}
    for entry in json.loads(_core.error_codes()):
        family = entry["family"]
        if family in families:
            continue
        name = _class_name(family)
        cls = type(
            name,
            (ShuangsuijiError,),
            {
                "__doc__": _DOCS.get(family, f"An error of the core's {family!r} family."),
                "__module__": __name__,
                "__qualname__": name,
            },
        )
        globals()[name] = cls
        families[family] = cls
    return families


_FAMILIES = _build_families()


def _from_core(
    message: str, code: str, family: str, details_json: str, message_en: Optional[str] = None
) -> ShuangsuijiError:
    details = json.loads(details_json) if details_json else {}
    cls = _FAMILIES.get(family, ShuangsuijiError)
    return cls(message, code, family, details, message_en)


def _facade_error(message_en: str, code: str, family: str, details: Dict[str, Any]) -> ShuangsuijiError:
    """An error the Python facade finds itself (a wrong argument type, a cell that is not
    text): its Chinese message is the core's for the code and details, so it reads as the
    same error does in Rust and JS; ``message_en`` is the facade's English sentence."""
    from . import _shuangsuiji as _core

    text = json.dumps(details)
    return _from_core(_core.error_message_zh(code, text), code, family, text, message_en)
