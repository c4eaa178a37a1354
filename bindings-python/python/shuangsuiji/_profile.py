"""Profiles (core/src/profile): the tagged profiles (一企一档) as a table."""

from __future__ import annotations

from typing import Any, Optional

from ._conversion import DateLike, JsonSource, _iso, _json_text, _op, _pandas


def profiles_dataframe(
    events: JsonSource,
    as_of: DateLike,
    tags: Optional[JsonSource] = None,
    repair_policy: Optional[JsonSource] = None,
) -> Any:
    """The tagged profiles (一企一档) as a pandas DataFrame: one row per enterprise, the
    columns of the core's ``profile_table`` (``uscc``, ``as_of``, ``events``, every
    indicator at its default window, ``tags``, ``tag_reasons``); only the frame is built
    here. ``tags`` absent: the bundled food-producer set."""
    table = _op(
        "profile_table",
        _json_text(events),
        _iso(as_of),
        None if tags is None else _json_text(tags),
        None if repair_policy is None else _json_text(repair_policy),
    )
    return _pandas().DataFrame(table["rows"], columns=table["headers"])
