import json
import pickle

import pytest

import shuangsuiji as ssj

VALID = "91350100M000100Y43"


def test_parse_uscc_canonicalises():
    assert ssj.parse_uscc(" ９１３５０１００m０００１００y４３ ") == VALID


@pytest.mark.parametrize(
    "text, code",
    [
        ("9135", "uscc_length"),
        ("91350100M000100YI3", "uscc_charset"),
        ("91A50100M000100Y43", "uscc_division"),
        ("91350100M000100Y44", "uscc_check_character"),
    ],
)
def test_uscc_errors_have_stable_codes(text, code):
    with pytest.raises(ssj.ValidationError) as info:
        ssj.parse_uscc(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == code
    assert err.family == "validation"
    assert err.details["value"] == text


def test_org_code_check():
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.complete_uscc("91350100M000100Y5")
    assert info.value.code == "uscc_org_code_check"


def test_error_codes_are_unique_and_cover_every_family():
    codes = ssj.error_codes()
    pairs = [(c["code"], c["family"]) for c in codes]
    assert len(pairs) == len(set(pairs))
    names = [c["code"] for c in codes]
    assert len(names) == len(set(names))
    assert {c["family"] for c in codes} == {
        "input", "validation", "rules", "draw", "verify", "team", "enforcement", "limit",
        "internal", "outcome", "profile", "service",
    }


def test_every_family_has_its_class_exported_and_stubbed():
    """The family classes are built from error_codes(); the stubs and __all__ name each."""
    import pathlib
    import re

    from shuangsuiji import _errors

    families = {c["family"] for c in ssj.error_codes()}
    assert set(_errors._FAMILIES) == families
    stub = (pathlib.Path(_errors.__file__).with_suffix(".pyi")).read_text(encoding="utf-8")
    stubbed = set(re.findall(r"^class (\w+)\(ShuangsuijiError\)", stub, re.M))
    for family, cls in _errors._FAMILIES.items():
        assert cls.__name__ == _errors._class_name(family)
        assert issubclass(cls, ssj.ShuangsuijiError)
        assert getattr(ssj, cls.__name__) is cls, cls.__name__
        assert cls.__name__ in ssj.__all__
        assert cls.__name__ in stubbed, f"{cls.__name__} missing from _errors.pyi"
    assert stubbed == {cls.__name__ for cls in _errors._FAMILIES.values()}


@pytest.mark.parametrize(
    "value, code",
    [(0.03, "ratio_float"), ("0/0", "ratio_zero_denominator"), ("3/2", "ratio_above_one"), ("x", "ratio_malformed")],
)
def test_ratio_errors(value, code):
    with pytest.raises(ssj.ValidationError) as info:
        ssj.validate("ratio", value)
    assert info.value.code == code


def test_ratio_forms():
    assert ssj.validate("ratio", "5%") == "5/100"
    assert ssj.validate("ratio", {"p": 1, "q": 3}) == "1/3"


def test_errors_pickle():
    with pytest.raises(ssj.ShuangsuijiError) as info:
        ssj.parse_uscc("9135")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is ssj.ValidationError and again.code == "uscc_length"


def test_limits_are_enforced():
    with pytest.raises(ssj.LimitError) as info:
        ssj._core.check_json_limits("[" * 100)
    assert info.value.code == "too_deep"


def test_catalog_handle():
    cat = ssj.Catalog(
        {
            "id": "c",
            "version": "1",
            "items": [
                {
                    "id": "market.food",
                    "name": "食品生产监督检查",
                    "department": "market",
                    "kind": "key",
                    "form": "joint",
                    "provenance": {"document": "食品生产经营监督检查管理办法", "verification": "verified"},
                }
            ],
        }
    )
    assert len(cat.content_hash) == 64
    assert cat.items[0]["id"] == "market.food"


def test_item_without_department():
    with pytest.raises(ssj.ValidationError) as info:
        ssj.Catalog({"id": "c", "version": "1", "items": [{"id": "x", "name": "n", "kind": "key", "form": "joint"}]})
    assert info.value.code == "item_department_missing"
    assert info.value.field == "catalog.items[0].department"
