"""The package is split by area (one private module per core area) and re-exports every
public name: code written against the one-file package keeps working unchanged."""

import importlib

import shuangsuiji as ssj

# The public names of the package before the split (its static ``__all__``); the functions
# generated from the operation table are checked separately below.
PUBLIC_BEFORE_THE_SPLIT = [
    "Calendar", "Catalog", "DemandRegister", "Disclosure", "DrawError", "DrawHandle", "DrawResult",
    "EligibilityReport", "EnforcementError", "FollowUpList", "InputError", "InternalError",
    "LimitError", "OutcomeError", "OutcomeSet", "ProfileError", "ReceiptVerifier", "Roster",
    "RulesError", "ServiceError", "ShuangsuijiError", "TeamAssignment", "TeamError",
    "ValidationError", "VerifyError", "assign_teams", "beacon_canonicalize", "beacon_spec",
    "beacon_validate", "bundled_menu_entry", "bundled_menus", "calendar_status",
    "canonicalize_beacon_value", "check_enterprises", "check_history", "check_inspectors",
    "commitment", "complete_uscc", "conflict_list_hash", "conflicts_hash", "credit_repair_assess",
    "deadline_kinds", "decide", "default_discretion_preset", "demand_register", "derive_seed",
    "disclose", "disclosure_xlsx", "discretion_band", "draw", "draw_columns", "eligibility",
    "eligible_leaves", "error_codes", "excluded_leaves", "explain_teams", "follow_ups",
    "leaf_bytes", "list_removal_assess", "log_append", "new_log", "operations", "parse_division",
    "parse_menu", "parse_ratio", "parse_uscc", "plan_canonical_json", "plan_from_eligibility",
    "plan_hash", "preset", "preset_names", "presets", "profiles_dataframe", "publish_draw",
    "publish_substitutions", "quota", "read_catalog", "read_enterprises", "read_history",
    "read_inspectors", "read_publication_folder", "receipts", "record_outcomes", "run_operation",
    "team_request", "ticket", "validate", "validate_beacon_spec", "validate_beacon_value",
    "verify_draw", "verify_log", "verify_plan", "verify_receipt", "write_publication_folder",
]

AREAS = [
    "_model", "_intake", "_rules", "_draw", "_verify", "_publish", "_teams",
    "_enforcement", "_outcomes", "_profile", "_service", "_ops", "_ceremony", "_types",
]


def test_every_public_name_before_the_split_is_still_exported():
    missing = [n for n in PUBLIC_BEFORE_THE_SPLIT if n not in ssj.__all__ or not hasattr(ssj, n)]
    assert missing == []


def test_a_hand_written_name_is_the_same_object_as_in_its_area_module():
    """Each public function or class is defined in exactly one area module and the package
    holds that very object (not a copy or a wrapper)."""
    modules = {a: importlib.import_module(f"shuangsuiji.{a}") for a in AREAS}
    for name in ssj.__all__:
        obj = getattr(ssj, name)
        if getattr(obj, "_table_operation", False) or name.endswith("Error") or obj.__module__ in ("typing", "shuangsuiji._errors"):
            continue
        home = [a for a, m in modules.items() if getattr(m, name, None) is obj and obj.__module__ == m.__name__]
        assert len(home) == 1, (name, obj.__module__)


def test_every_bound_table_operation_is_a_package_function():
    """The table's operations without a hand-written function are generated (``_ops``)."""
    for op in ssj.operations():
        if op["bound"]:
            assert callable(getattr(ssj, op["name"])), op["name"]
            assert op["name"] in ssj.__all__


def test_the_area_modules_do_not_reach_back_into_the_package():
    """An area module imports from other area modules, never from the package itself, so
    the import order of ``__init__`` cannot break it."""
    import pathlib
    import re

    folder = pathlib.Path(ssj.__file__).parent
    for area in [*AREAS, "_conversion"]:
        text = (folder / f"{area}.py").read_text(encoding="utf-8")
        assert not re.search(r"^\s*from \. import (?!_shuangsuiji)", text, re.M), area
        assert "import shuangsuiji" not in text, area
