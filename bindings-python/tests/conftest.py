import pathlib
import sys

import pytest

import shuangsuiji
from shuangsuiji import _errors

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

# Every error code the core raised (or reported through check_*) during this session;
# test_zz_error_codes.py checks that together they cover error_codes().
CODES_SEEN: set = set()
MODULES_COLLECTED: set = set()

_original_from_core = _errors._from_core


def _recording_from_core(message, code, family, details_json, *rest):
    CODES_SEEN.add(code)
    return _original_from_core(message, code, family, details_json, *rest)


_errors._from_core = _recording_from_core

_original_check = shuangsuiji._intake._check


def _recording_check(table, source, options):
    problems = _original_check(table, source, options)
    CODES_SEEN.update(p["code"] for p in problems)
    return problems


shuangsuiji._intake._check = _recording_check


def pytest_collection_modifyitems(session, config, items):
    MODULES_COLLECTED.update(pathlib.Path(str(item.fspath)).stem for item in items)


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT
