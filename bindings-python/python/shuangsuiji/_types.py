"""The shapes clerks write by hand, as types a checker reads (mypy, pyright, an IDE):
the plan request of :func:`eligibility`, the draw input, the staffing of
:func:`team_request`, and the names that come from a fixed list (deadline kinds, preset
names). They describe the core's JSON shape (serde names) and add nothing to it: at run
time these are plain dicts and strings, checked by the core.

The lists of names (:data:`DeadlineKind`, :data:`PresetName`) are read from the core
here and written into the stubs by ``bindings-python/tests/stubgen.py``, so a name the
core does not know is a type error (``mypy --strict`` on the README's examples).
"""

from __future__ import annotations

import typing
from typing import Any, Dict, List, TypedDict

from ._conversion import _op



def _names(values: List[str]) -> Any:
    """``Literal["a"] | Literal["b"] | …``: a list of names as a type, written as a
    union of one-name literals (what a checker makes of ``Literal["a", "b"]``)."""
    literal: Any = getattr(typing, "Literal")
    return getattr(typing, "Union")[tuple(literal[v] for v in values)]


#: A deadline kind of the core (``deadline_kinds()``), e.g. ``"result_publication"``;
#: read from the core here, generated into the stubs by stubgen.py.
DeadlineKind = _names([k["kind"] for k in _op("deadline_kinds")])
#: The name of a bundled sampling-policy preset (``preset_names()``).
PresetName = _names(list(_op("preset_names")))
#: An administrative level of an authority.
Level = _names(["national", "provincial", "prefecture", "county"])
#: How a stratum's sample is taken.
DrawMode = _names(["fixed", "bernoulli"])


class Authority(TypedDict, total=False):
    """The authority running the task (``{id, department, level, jurisdiction}``)."""

    id: str
    department: str
    level: str  # Level in the stubs
    jurisdiction: str
    name: str


class PresetRef(TypedDict, total=False):
    """A bundled preset by name; ``date`` (``YYYY-MM-DD``) picks the version in force."""

    name: str  # PresetName in the stubs
    date: str


class PolicySource(TypedDict, total=False):
    """The sampling policy: ``{"preset": {"name": …}}`` or ``{"explicit": {…}}``."""

    preset: PresetRef
    explicit: Dict[str, Any]


class PlanRequest(TypedDict, total=False):
    """The request of :func:`eligibility` (the core's ``PlanRequest``)."""

    authority: Authority
    year: int
    date: str
    items: List[str]
    policy: PolicySource
    cap: Dict[str, Any]
    cap_preset: PresetRef
    hierarchy: str
    force_in: Dict[str, Any]
    coverage: Dict[str, Any]


class StratumDraw(TypedDict, total=False):
    """One stratum of a draw input: its key, eligible USCCs, and quota (fixed) or
    ratio (Bernoulli)."""

    key: str
    eligible: List[str]
    quota: int
    ratio: str
    max_substitutions: int


class ItemDraw(TypedDict, total=False):
    """One item of a draw input."""

    item_id: str
    department: str
    strata: List[StratumDraw]


class DrawInput(TypedDict, total=False):
    """The input of :func:`draw` (the core's ``DrawInput``)."""

    algorithm: str  # Literal["v1"] in the stubs
    task_id: str
    seed: str
    mode: str  # DrawMode in the stubs
    items: List[ItemDraw]
    adjustments: List[Dict[str, Any]]


class TeamConfig(TypedDict, total=False):
    """The team rules of a staffing (the core's ``TeamConfig``; every key optional)."""

    min_certified: int
    rotation: bool
    max_per_inspector: int
    max_per_inspector_per_day: int
    visits_per_team_day: int


class Staffing(TypedDict, total=False):
    """How teams are staffed (:func:`team_request`): the lead department, inspectors per
    department (``sizes``, else ``default_size``), whether the lead joins every visit."""

    lead_department: str
    sizes: Dict[str, int]
    default_size: int
    lead_joins_every_visit: bool
    config: TeamConfig
