"""The team assignment kept in the core (issue #25): ``assign_teams`` returns a
``TeamAssignment`` whose dict is built on first access, once; ``to_table``,
``to_dataframe`` and ``explain_teams`` take the unread assignment from the core (no
JSON), an edited one from its dict; it behaves as the dict it stands for."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import shuangsuiji as ssj
from shuangsuiji import _lazy, _teams
from shuangsuiji._lazy import LazyDict
from vectors import VECTORS


def cases(name):
    return json.loads((VECTORS / "teams" / name).read_text(encoding="utf-8"))["cases"]


CASE = cases("random_01.ops.json")[0]
REQUEST = CASE["input"]["request"]
EXPECTED = CASE["expect"]
ERRORS = [
    c
    for p in sorted((VECTORS / "teams").glob("error_*.ops.json"))
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
    if c["op"] == "assign_teams" and "expect_error" in c
]


@pytest.fixture
def no_json(monkeypatch):
    """The JSON routes fail: the table operation (``_op``) and the dict's JSON text."""

    def refuse(*args, **kwargs):
        raise AssertionError("the JSON route was taken")

    monkeypatch.setattr(_teams, "_op", refuse)
    monkeypatch.setattr(_lazy, "_dumps", refuse)


def test_one_base_for_the_lazy_dicts():
    assert issubclass(ssj.TeamAssignment, LazyDict) and issubclass(ssj.EligibilityReport, LazyDict)
    assert ssj.TeamAssignment.__dict__.keys().isdisjoint({"__getitem__", "__eq__", "items", "__reduce__"})


def test_the_assignment_is_built_on_first_access_once():
    assignment = ssj.assign_teams(REQUEST)
    assert isinstance(assignment, ssj.TeamAssignment) and isinstance(assignment, dict)
    assert not assignment._filled
    assert json.loads(assignment.to_json()) == EXPECTED and not assignment._filled
    assert assignment == EXPECTED and assignment._filled
    teams = assignment["teams"]
    assert assignment["teams"] is teams  # built once


def test_to_table_and_explain_take_the_unread_assignment_from_the_core(no_json):
    assignment = ssj.assign_teams(REQUEST)
    table = assignment.to_table(REQUEST["inspectors"])
    explained = ssj.explain_teams(REQUEST, assignment)
    assert not assignment._filled
    frame_rows = len(assignment.to_dataframe(inspectors=REQUEST["inspectors"])) if _has_pandas() else None
    assert not assignment._filled
    # The same as the table operations over the assignment's JSON.
    assert table == ssj.run_operation("team_table", {"assignment": EXPECTED, "inspectors": REQUEST["inspectors"]})
    assert explained == ssj.run_operation("explain_teams", {"request": REQUEST, "assignment": EXPECTED})
    assert frame_rows in (None, len(table["rows"]))


def _has_pandas():
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def test_an_edited_assignment_is_read_from_its_dict():
    # A write at the top, one inside (after a read), and one on the unbuilt value.
    for edit in (
        lambda a: a.__setitem__("teams", a["teams"][:1]),
        lambda a: a["teams"][0]["members"].clear(),
        lambda a: a.update(teams=[]),
    ):
        assignment = ssj.assign_teams(REQUEST)
        edit(assignment)
        want = copy.deepcopy(EXPECTED)
        edit(want)
        assert assignment == want
        assert json.loads(assignment.to_json()) == want
        assert assignment.to_table() == ssj.run_operation("team_table", {"assignment": want})
        assert len(assignment.to_table()["rows"]) < len(ssj.assign_teams(REQUEST).to_table()["rows"])
    assignment = ssj.assign_teams(REQUEST)
    # A member replaced inside (after a read): the explanation no longer has it assigned.
    assignment["teams"][0]["members"][0]["inspector"] = "nobody"
    assert json.loads(assignment.to_json())["teams"][0]["members"][0]["inspector"] == "nobody"
    edited = outcome(lambda: ssj.explain_teams(REQUEST, assignment))
    assert edited == outcome(lambda: ssj.run_operation("explain_teams", {"request": REQUEST, "assignment": dict(assignment)}))
    assert edited != outcome(lambda: ssj.explain_teams(REQUEST, ssj.assign_teams(REQUEST)))


def outcome(call):
    """A call's value, or its error's type, code and details."""
    try:
        return ("value", call())
    except ssj.ShuangsuijiError as e:
        return ("error", type(e), e.code, e.details)


def test_the_unread_assignment_behaves_as_its_dict():
    checks = [
        lambda a: json.loads(json.dumps(a, ensure_ascii=False)),  # the C encoder asks items()
        lambda a: pickle.loads(pickle.dumps(a)),
        copy.copy,
        copy.deepcopy,
        dict,
        lambda a: {**a},
        lambda a: a.copy(),
        lambda a: dict(a.items()),
        lambda a: {k: a[k] for k in a},
        lambda a: json.loads(repr(a).replace("'", '"').replace("True", "true").replace("False", "false")),
    ]
    for check in checks:
        assert check(ssj.assign_teams(REQUEST)) == EXPECTED
    assert ssj.assign_teams(REQUEST) == ssj.assign_teams(REQUEST)
    assert ssj.assign_teams(REQUEST) != {**EXPECTED, "task_id": "other"}
    assert len(ssj.assign_teams(REQUEST)) == len(EXPECTED) and "teams" in ssj.assign_teams(REQUEST)
    assert type(pickle.loads(pickle.dumps(ssj.assign_teams(REQUEST)))) is ssj.TeamAssignment
    # An assignment made from a dict is an ordinary dict with the helpers.
    plain = ssj.TeamAssignment(EXPECTED)
    assert plain == EXPECTED and plain.to_table() == ssj.assign_teams(REQUEST).to_table()


@pytest.mark.parametrize("case", ERRORS, ids=lambda c: c["name"])
def test_errors_are_the_table_operations(case):
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.assign_teams(case["input"]["request"])
    want = dict(case["expect_error"])
    assert info.value.code == want.pop("code")
    want.pop("family", None)
    assert {k: v for k, v in info.value.details.items() if k not in {"line", "json_column"}} == want


def test_bad_documents_name_the_same_argument_as_the_table_operations():
    def error(call):
        got = outcome(call)
        assert got[0] == "error", got
        return got

    assert error(lambda: ssj.assign_teams("{")) == error(lambda: _teams._op("assign_teams", "{"))
    assert error(lambda: ssj.assign_teams({**REQUEST, "visits": 1})) == error(
        lambda: _teams._op("assign_teams", json.dumps({**REQUEST, "visits": 1}))
    )
    unread, plain = ssj.assign_teams(REQUEST), ssj.TeamAssignment(EXPECTED)
    for bad in ({"inspectors": "{"}, {"roster": "[1]"}, {"catalog": "{}"}, {"inspectors": "[]", "catalog": "["}):
        assert error(lambda: unread.to_table(**bad)) == error(lambda: plain.to_table(**bad))
    assert not unread._filled
    assert error(lambda: ssj.explain_teams("[", unread)) == error(lambda: ssj.explain_teams("[", EXPECTED))
