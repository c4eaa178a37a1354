"""shuangsuiji (双随机): rules of China's cross-department joint spot checks.

The compiled core does all the work; this module only converts Python values to the
core's JSON shape and back. Every error is a :class:`ShuangsuijiError` (a
``ValueError``) with a stable ``.code``.

Inputs are dicts / lists of dicts (the core's JSON shape), JSON text, file paths, bytes
or — for tables — pandas DataFrames (pandas is optional). Outputs are plain dicts and
lists with the same JSON shape as the core; the report and result dicts have
``to_dataframe()`` helpers.

The package is split by area as the core is (``_model``, ``_intake``, ``_rules``,
``_draw``, ``_verify``, ``_publish``, ``_teams``, ``_enforcement``, ``_outcomes``,
``_profile``, ``_service``, ``_ops``; private helpers in ``_conversion``): the Python
side of a rule lives in the module named like the core module that holds it. Every
public name is re-exported here; use ``shuangsuiji.NAME``.
"""

from __future__ import annotations

import json  # noqa: F401  (kept as shuangsuiji.json for code that used it)

from . import _shuangsuiji as _core
from ._conversion import (  # noqa: F401  (the type aliases; private helpers some tests use)
    DateLike,
    JsonSource,
    TableSource,
    _dumps,
    _json_text,
)
from ._errors import (
    DrawError,
    EnforcementError,
    InputError,
    InternalError,
    LimitError,
    OutcomeError,
    ProfileError,
    RulesError,
    ServiceError,
    ShuangsuijiError,
    TeamError,
    ValidationError,
    VerifyError,
)
from ._model import (
    Catalog,
    complete_uscc,
    error_codes,
    parse_uscc,
    Roster,
    validate,
)
from ._intake import (
    check_enterprises,
    check_history,
    check_inspectors,
    read_catalog,
    read_enterprises,
    read_history,
    read_inspectors,
)
from ._rules import (
    eligibility,
    EligibilityReport,
    preset,
    preset_names,
    presets,
    quota,
)
from ._draw import (
    draw,
    draw_columns,
    draw_eligible,
    DrawHandle,
    DrawResult,
    ticket,
)
from ._verify import (
    beacon_canonicalize,
    beacon_validate,
    canonicalize_beacon_value,
    commitment,
    conflict_list_hash,
    conflicts_hash,
    derive_seed,
    leaf_bytes,
    plan_canonical_json,
    plan_hash,
    validate_beacon_spec,
    validate_beacon_value,
    verify_log,
    verify_plan,
)
from ._publish import (
    eligible_leaves,
    excluded_leaves,
    log_append,
    new_log,
    plan_from_eligibility,
    publish_draw,
    publish_substitutions,
    read_publication_folder,
    receipts,
    ReceiptVerifier,
    verify_draw,
    verify_receipt,
    write_publication_folder,
)
from ._teams import (
    assign_teams,
    explain_teams,
    team_request,
    TeamAssignment,
)
from ._enforcement import (
    bundled_menu_entry,
    bundled_menus,
    Calendar,
    credit_repair_assess,
    deadline_kinds,
    decide,
    default_discretion_preset,
    discretion_band,
    list_removal_assess,
    parse_menu,
)
from ._outcomes import (
    disclose,
    Disclosure,
    disclosure_xlsx,
    OutcomeSet,
    record_outcomes,
)
from ._profile import (
    profiles_dataframe,
)
from ._service import (
    demand_register,
    DemandRegister,
    follow_ups,
    FollowUpList,
)
from ._ops import (
    _TABLE,
    _table_operation,
    operations,
    run_operation,
)
from ._ceremony import Ceremony
from ._types import (
    Authority,
    DeadlineKind,
    DrawInput,
    DrawMode,
    ItemDraw,
    Level,
    PlanRequest,
    PolicySource,
    PresetName,
    PresetRef,
    Staffing,
    StratumDraw,
    TeamConfig,
)

__version__: str = _core.__version__

__all__ = [
    "run_operation",
    "parse_division",
    "parse_ratio",
    "calendar_status",
    "beacon_spec",
    "operations",
    "eligible_leaves",
    "excluded_leaves",
    "log_append",
    "new_log",
    "plan_from_eligibility",
    "publish_draw",
    "write_publication_folder",
    "read_publication_folder",
    "publish_substitutions",
    "receipts",
    "verify_draw",
    "verify_receipt",
    "ReceiptVerifier",
    "assign_teams",
    "explain_teams",
    "team_request",
    "Calendar",
    "Catalog",
    "DrawError",
    "DrawHandle",
    "DrawResult",
    "OutcomeSet",
    "Disclosure",
    "disclosure_xlsx",
    "DemandRegister",
    "FollowUpList",
    "demand_register",
    "follow_ups",
    "record_outcomes",
    "disclose",
    "EligibilityReport",
    "EnforcementError",
    "InputError",
    "InternalError",
    "LimitError",
    "OutcomeError",
    "ProfileError",
    "ServiceError",
    "Roster",
    "TeamAssignment",
    "RulesError",
    "ShuangsuijiError",
    "TeamError",
    "ValidationError",
    "VerifyError",
    "bundled_menu_entry",
    "bundled_menus",
    "canonicalize_beacon_value",
    "check_enterprises",
    "check_history",
    "check_inspectors",
    "commitment",
    "complete_uscc",
    "conflicts_hash",
    "credit_repair_assess",
    "deadline_kinds",
    "decide",
    "default_discretion_preset",
    "derive_seed",
    "discretion_band",
    "draw",
    "draw_columns",
    "eligibility",
    "error_codes",
    "leaf_bytes",
    "parse_menu",
    "parse_uscc",
    "plan_canonical_json",
    "plan_hash",
    "preset",
    "preset_names",
    "presets",
    "quota",
    "read_catalog",
    "read_enterprises",
    "read_history",
    "read_inspectors",
    "ticket",
    "validate",
    "validate_beacon_spec",
    "validate_beacon_value",
    "verify_log",
    "verify_plan",
    "list_removal_assess",
    "beacon_canonicalize",
    "beacon_validate",
    "conflict_list_hash",
    "profiles_dataframe",
    "Authority",
    "DeadlineKind",
    "DrawInput",
    "DrawMode",
    "ItemDraw",
    "Level",
    "PlanRequest",
    "PolicySource",
    "PresetName",
    "PresetRef",
    "Staffing",
    "StratumDraw",
    "TeamConfig",
    "Ceremony",
]


# Every table operation offered as a function (``bound``) that has no hand-written
# function above (those add input conveniences or a result class): generated from the
# table (``_table_operation``), so their parameters are the table's, in its order.
for _name, _spec in _TABLE.items():
    if _spec["bound"] and _name not in globals():
        globals()[_name] = _table_operation(_name)
        __all__.append(_name)
del _name, _spec

# The language of error messages (#22): Chinese by default, English on request.
from ._errors import get_language, set_language  # noqa: E402

__all__ += ["set_language", "get_language"]

# The roster and report kept in the core (#25): the draw of a report under its plan.
__all__ += ["draw_eligible"]
