"""The compiled core (private). Every function takes and returns JSON text."""

from typing import Tuple

__version__: str
__all__ = [
    "__version__",
    "catalog_load",
    "check_json_limits",
    "complete_uscc",
    "error_codes_json",
    "parse_uscc",
    "validate_model",
]

def error_codes_json() -> str: ...
def parse_uscc(text: str) -> str: ...
def complete_uscc(first17: str) -> str: ...
def catalog_load(text: str) -> Tuple[str, str]: ...
def check_json_limits(text: str) -> None: ...
def validate_model(kind: str, text: str) -> str: ...
