"""Helpers shared by the vector tests: where the vectors are, how to load them."""

import json
import pathlib
from typing import Any, List

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load(rel: str) -> Any:
    return json.loads((VECTORS / rel).read_text(encoding="utf-8"))


def files(folder: str) -> List[pathlib.Path]:
    return sorted((VECTORS / folder).glob("*.json"))


def case_id(case: Any) -> str:
    return str(case.get("name", "?")) if isinstance(case, dict) else str(case)
