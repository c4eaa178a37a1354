"""The seed ceremony (core/src/draw_record/ceremony.rs), step by step as the procedure
reads: the parties commit before the plan, then — the plan published — the beacon is
recorded and the parties reveal, and the seed follows from the draw log."""

from __future__ import annotations

import json
import secrets
from typing import Any, Dict, Optional

from ._conversion import JsonSource, _dumps, _json_text, _op


class Ceremony:
    """The seed ceremony of one published plan, on its draw log.

    Before the plan exists each party draws a secret (:meth:`new_secret`, kept private)
    and publishes only its commitment (:meth:`commit`), which goes into the plan's
    ``parties``. Once the plan is published::

        c = Ceremony(plan)                         # the plan's new log
        c.beacon("ssq", "05 09 14 22 27 31 + 12")  # as announced; checked, canonical
        c.reveal("notary", secret)                 # checked against the commitment
        seed = c.seed()                            # every party revealed, every beacon in
        result, log = publish_draw(plan, eligible, catalog, c.log, 0, seed)

    Each step is one call of the core (``ceremony_beacon``, ``ceremony_reveal``,
    ``ceremony_log_seed``): a step out of the plan's ``reveal_order``, a secret that does
    not match, a beacon the plan did not name is refused with the core's error and the
    log stays as it was.
    """

    __slots__ = ("_plan", "_log")

    def __init__(self, plan: JsonSource, log: Optional[JsonSource] = None) -> None:
        """The ceremony of ``plan``, continuing ``log`` (absent: the plan's new log)."""
        self._plan: str = _json_text(plan)
        self._log: Optional[Dict[str, Any]] = None if log is None else json.loads(_json_text(log))

    @staticmethod
    def new_secret() -> str:
        """A party's fresh secret: 32 bytes from the operating system, as hex. Keep it
        private until the reveal; publish only :meth:`commit`."""
        return secrets.token_hex(32)

    @staticmethod
    def commit(party: str, secret: str) -> str:
        """A party's commitment ``H("commit"; party, secret)`` for the plan's ``parties``."""
        result: str = _op("commitment", party, secret)
        return result

    @property
    def log(self) -> Dict[str, Any]:
        """The draw log so far (to publish, and for :func:`publish_draw`)."""
        if self._log is None:
            self._log = _op("new_log", _op("plan_hash", self._plan))
        return self._log

    def _current(self) -> Optional[str]:
        return None if self._log is None else _dumps(self._log)

    def beacon(self, source: str, value: str) -> Dict[str, Any]:
        """Records the value of the plan's beacon ``source``, typed as announced
        (``"05 09 14 22 27 31 + 12"``); returns the log."""
        self._log = _op("ceremony_beacon", self._plan, source, value, self._current())
        return self._log

    def reveal(self, party: str, secret: str) -> Dict[str, Any]:
        """Records ``party``'s secret, checked against its commitment; returns the log."""
        self._log = _op("ceremony_reveal", self._plan, party, secret, self._current())
        return self._log

    def seed(self) -> str:
        """The seed (hex) once every party revealed and every beacon is recorded."""
        result: str = _op("ceremony_log_seed", self._plan, self._current())
        return result

    def __repr__(self) -> str:
        events = 1 if self._log is None else len(self._log["entries"])
        return f"Ceremony({events} log events)"
