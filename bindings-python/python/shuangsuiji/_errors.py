"""Exception classes raised by the compiled core.

Every error carries ``.code`` (a stable snake_case string, identical in Rust, Python and
JavaScript), ``.family`` and ``.details`` (file, row, column, field, value and extra
evidence). Catch :class:`ShuangsuijiError` for all of them, or a family subclass.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional


class ShuangsuijiError(ValueError):
    """Base class of every error raised by shuangsuiji."""

    code: str
    family: str
    details: Dict[str, Any]

    def __init__(
        self,
        message: str,
        code: str = "",
        family: str = "",
        details: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.family = family
        self.details = dict(details or {})

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
        where = ", ".join(
            f"{k} {self.details[k]!r}"
            for k in ("file", "row", "column", "field", "value")
            if k in self.details
        )
        return f"{self.code}: {self.message}" + (f" ({where})" if where else "")

    def __reduce__(self):  # picklable across processes
        return (_from_core, (self.message, self.code, self.family, json.dumps(self.details)))


class InputError(ShuangsuijiError):
    """Reading bytes failed: encodings, CSV, JSON, xlsx, headers."""


class ValidationError(ShuangsuijiError):
    """A value breaks the domain model (USCC, division code, ratio …)."""


class RulesError(ShuangsuijiError):
    """A sampling policy, preset or eligibility request is invalid."""


class DrawError(ShuangsuijiError):
    """The draw cannot be performed as asked."""


class VerifyError(ShuangsuijiError):
    """A published document does not verify, or a ceremony step is invalid."""


class TeamError(ShuangsuijiError):
    """No valid inspector assignment exists, or the request is invalid."""


class EnforcementError(ShuangsuijiError):
    """A leniency, discretion, calendar, deadline or credit-repair request is invalid."""


class LimitError(ShuangsuijiError):
    """A documented size or depth limit was exceeded."""


_FAMILIES = {
    "input": InputError,
    "validation": ValidationError,
    "rules": RulesError,
    "draw": DrawError,
    "verify": VerifyError,
    "team": TeamError,
    "enforcement": EnforcementError,
    "limit": LimitError,
}


def _from_core(message: str, code: str, family: str, details_json: str) -> ShuangsuijiError:
    details = json.loads(details_json) if details_json else {}
    cls = _FAMILIES.get(family, ShuangsuijiError)
    return cls(message, code, family, details)
