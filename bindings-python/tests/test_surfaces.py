"""The three surfaces agree with the core's operation table (shuangsuiji::ops::OPERATION_TABLE):
every operation the bindings offer (``bound``) is a Python function under the table's name
(snake_case; JavaScript: the same words in camelCase, checked by
bindings-wasm/tests/surfaces.test.mjs against the same table) with the table's parameters
in the table's order, and a document with several faults reports the same first error
through the function as through ``run_operation``. The operations reached through
``run_operation`` only are listed with their reason."""

import inspect
import json
import pathlib

import pytest

import shuangsuiji as ssj

# Operations reached through run_operation only: the Python function of that name (if
# any) answers something else, on purpose.
UNBOUND = {
    "parse_uscc": "returns the canonical USCC string; the table answers {uscc, division_code}",
    "validate:<kind>": "one function for every kind: validate(kind, value), a table operation",
    "read_enterprises": "returns the roster; the table answers {records: n} (the intake vectors)",
    "read_inspectors": "returns the inspectors; the table answers {records: n}",
    "read_history": "returns the records; the table answers {records: n}",
    "read_catalog": "returns a Catalog; the table answers {items: n}",
}

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


def _table():
    return {op["name"]: op for op in ssj.operations()}


def test_the_unbound_operations_are_the_listed_ones():
    assert {name for name, op in _table().items() if not op["bound"]} == set(UNBOUND)


def test_every_bound_operation_is_a_python_function_with_the_table_s_parameters():
    differences = []
    for name, op in _table().items():
        if not op["bound"]:
            continue
        function = getattr(ssj, name, None)
        assert callable(function), f"no Python function {name}"
        params = list(inspect.signature(function).parameters)
        if params != op["params"]:
            differences.append((name, params, op["params"]))
    assert differences == []


def test_the_compiled_functions_are_generated_from_the_table():
    for name, op in _table().items():
        if op["bound"]:
            compiled = getattr(ssj._core, name)
            assert list(inspect.signature(compiled).parameters) == op["params"], name


def test_params_are_the_arguments_in_the_table_s_order_or_a_declared_call_order():
    for name, op in _table().items():
        args = [a["name"] for a in op["args"]]
        assert sorted(op["params"]) == sorted(args), name
    reordered = {name for name, op in _table().items() if op["params"] != [a["name"] for a in op["args"]]}
    # Kept for the callers of the functions' order before the table (the page, examples).
    assert reordered == {"eligibility", "publish_draw"}


def test_js_names_are_the_same_words_in_camel_case():
    for op in ssj.operations():
        if not op["bound"]:
            continue
        head, *rest = op["name"].split("_")
        assert op["js_name"] == head + "".join(w[:1].upper() + w[1:] for w in rest)


def test_optional_arguments_are_the_table_s():
    table = _table()
    optional = {name: [a["name"] for a in op["args"] if a["optional"]] for name, op in table.items()}
    assert optional["eligibility"] == ["history"]
    assert optional["decide"] == ["entry", "history", "policy"]
    assert optional["verify_log"] == ["expected_head"]
    assert [a["name"] for a in table["eligibility"]["args"]] == ["catalog", "roster", "history", "request"]


def _error(f):
    with pytest.raises(ssj.ShuangsuijiError) as info:
        f()
    return (info.value.code, info.value.field)


def test_the_first_error_of_a_document_with_several_faults_is_the_same_everywhere():
    """The order cases of the bad-input catalogue, through the Python functions."""
    roster = json.loads((VECTORS / "eligibility/error_cap_invalid.ops.json").read_text(encoding="utf-8"))["cases"][0]["input"]["roster"]
    cases = [
        (
            lambda: ssj.run_operation("eligibility", {"catalog_text": "{", "roster": roster, "request_text": "{"}),
            lambda: ssj.eligibility("{", "{", ssj.Roster(roster)),
        ),
        (
            lambda: ssj.run_operation("decide", {"entry": "no-such-entry", "facts_text": "{", "on": "x"}),
            lambda: ssj.decide("no-such-entry", "{", (), "x"),  # type: ignore[arg-type]
        ),
        (
            lambda: ssj.run_operation("verify_log", {"plan_text": "{", "log_text": "[", "expected_head": "zz"}),
            lambda: ssj.verify_log("{", "[", "zz"),
        ),
        (
            lambda: ssj.run_operation("publish_draw", {"plan_text": "{", "log_text": "[", "attempt": 0, "seed": "x"}),
            lambda: ssj.publish_draw("{", "[]", "{", "[", 0, "x"),
        ),
    ]
    for via_ops, via_function in cases:
        assert _error(via_function) == _error(via_ops)


def test_generated_wrappers_answer_as_run_operation():
    assert ssj.parse_ratio("3%") == ssj.run_operation("parse_ratio", {"text": "3%"})
    assert ssj.parse_division("350100") == "350100"
    import datetime

    assert ssj.calendar_status(datetime.date(2026, 10, 1)) == ssj.run_operation(
        "calendar_status", {"date": "2026-10-01"}
    )
    assert _error(lambda: ssj.beacon_spec("{")) == _error(lambda: ssj.run_operation("beacon_spec", {"spec_text": "{"}))
    assert list(inspect.signature(ssj.calendar_status).parameters) == ["date"]


def test_old_names_warn_and_answer_as_the_new_ones():
    secret = "11" * 32
    with pytest.warns(DeprecationWarning, match="conflict_list_hash"):
        assert ssj.conflicts_hash(["a"]) == ssj.conflict_list_hash(["a"])
    with pytest.warns(DeprecationWarning, match="beacon_canonicalize"):
        assert ssj.canonicalize_beacon_value("hex", secret) == ssj.beacon_canonicalize("hex", secret)
    with pytest.warns(DeprecationWarning, match="beacon_validate"):
        ssj.validate_beacon_value("hex", secret)
    facts = {"violation_type": "x"}
    with pytest.warns(DeprecationWarning, match="decide"):
        old = _error(lambda: ssj.decide(facts, "2025-05-06"))  # type: ignore[arg-type]
    assert old == _error(lambda: ssj.decide(None, facts, (), "2025-05-06"))
    assert old == _error(lambda: ssj.decide(facts=facts, on="2025-05-06"))
