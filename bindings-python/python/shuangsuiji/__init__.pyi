import datetime as _dt
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ._errors import (
    DrawError as DrawError,
    EnforcementError as EnforcementError,
    InputError as InputError,
    LimitError as LimitError,
    RulesError as RulesError,
    ShuangsuijiError as ShuangsuijiError,
    TeamError as TeamError,
    ValidationError as ValidationError,
    VerifyError as VerifyError,
)

__version__: str
__all__ = [
    "run_operation",
    "eligible_leaves",
    "excluded_leaves",
    "log_append",
    "new_log",
    "plan_from_eligibility",
    "publish_draw",
    "publish_substitutions",
    "receipts",
    "verify_draw",
    "verify_receipt",
    "assign_teams",
    "explain_teams",
    "team_request",
    "TeamAssignment",
    "Calendar",
    "Catalog",
    "DrawError",
    "DrawResult",
    "EligibilityReport",
    "EnforcementError",
    "InputError",
    "LimitError",
    "Roster",
    "RulesError",
    "ShuangsuijiError",
    "TeamError",
    "ValidationError",
    "VerifyError",
    "bundled_menu_entry",
    "bundled_menus",
    "canonicalize_beacon_value",
    "ceremony_seed",
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
    "leaf_hash",
    "merkle_tree",
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
    "verify_inclusion",
    "verify_log",
    "verify_plan",
]

JsonSource = Union[str, bytes, os.PathLike[str], Dict[str, Any], List[Any]]
TableSource = Union[str, bytes, os.PathLike[str], List[Any], Dict[str, Any], Any]
DateLike = Union[str, _dt.date]

# model
def error_codes() -> List[Dict[str, str]]: ...
def parse_uscc(text: str) -> str: ...
def complete_uscc(first17: str) -> str: ...
def validate(kind: str, value: Any) -> Any: ...

class Catalog:
    data: Dict[str, Any]
    content_hash: str
    def __init__(self, source: JsonSource) -> None: ...
    @property
    def items(self) -> List[Dict[str, Any]]: ...
    def to_json(self) -> str: ...

class Roster:
    def __init__(self, source: TableSource, options: Optional[Dict[str, Any]] = None) -> None: ...
    @property
    def enterprises(self) -> List[Dict[str, Any]]: ...
    def __len__(self) -> int: ...
    def to_json(self) -> str: ...
    def to_dataframe(self) -> Any: ...

# intake
def read_enterprises(source: TableSource, options: Optional[Dict[str, Any]] = None) -> Roster: ...
def read_inspectors(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]: ...
def read_history(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]: ...
def read_catalog(
    source: Union[str, bytes, os.PathLike[str]], options: Optional[Dict[str, Any]] = None
) -> Catalog: ...
def check_enterprises(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]: ...
def check_inspectors(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]: ...
def check_history(source: TableSource, options: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]: ...

# rules
class EligibilityReport(Dict[str, Any]):
    def to_dataframe(self) -> Any: ...

def eligibility(
    request: JsonSource,
    catalog: Union[Catalog, JsonSource],
    roster: Union[Roster, TableSource],
    history: Union[JsonSource, Sequence[Dict[str, Any]], None] = ...,
) -> EligibilityReport: ...
def presets() -> List[Dict[str, Any]]: ...
def preset_names() -> List[str]: ...
def preset(name: str, date: DateLike) -> Dict[str, Any]: ...
def quota(eligible: int, ratio: Any, min: Optional[int] = None, max: Optional[int] = None) -> int: ...

# ops
def run_operation(operation: str, input: Any) -> Any: ...

# teams
class TeamAssignment(Dict[str, Any]):
    def to_dataframe(self) -> Any: ...

def team_request(
    result: JsonSource,
    roster: Any,
    inspectors: JsonSource,
    history: JsonSource,
    staffing: JsonSource,
) -> Dict[str, Any]: ...
def assign_teams(request: JsonSource) -> TeamAssignment: ...
def explain_teams(request: JsonSource, assignment: JsonSource) -> List[Dict[str, Any]]: ...

# draw
class DrawResult(Dict[str, Any]):
    def to_dataframe(self) -> Any: ...

def draw(input: JsonSource) -> DrawResult: ...
def draw_columns(input: JsonSource, usccs: Iterable[str], classes: Iterable[str]) -> DrawResult: ...
def ticket(seed: str, task_id: str, uscc: str) -> str: ...

# verify
def leaf_bytes(kind: str, leaf: Dict[str, Any]) -> str: ...
def leaf_hash(leaf_bytes: Union[str, bytes]) -> str: ...
def conflicts_hash(conflicts: Sequence[str]) -> str: ...
def merkle_tree(kind: str, leaves: Sequence[Dict[str, Any]]) -> Dict[str, Any]: ...
def verify_inclusion(
    leaf_bytes: Union[str, bytes], proof: Dict[str, Any], commitment: Dict[str, Any]
) -> None: ...
def commitment(party_id: str, secret: str) -> str: ...
def validate_beacon_value(kind: str, value: str) -> None: ...
def canonicalize_beacon_value(kind: str, value: str) -> str: ...
def validate_beacon_spec(spec: Dict[str, Any]) -> None: ...
def derive_seed(
    plan_hash: str,
    attempt: int,
    beacons: Sequence[Dict[str, str]],
    secrets: Sequence[Dict[str, str]],
) -> str: ...
def ceremony_seed(
    plan_hash: str,
    attempt: int,
    sources: Sequence[Dict[str, Any]],
    parties: Sequence[Dict[str, Any]],
    reveals: Sequence[Dict[str, Any]],
    beacons: Sequence[Dict[str, Any]],
) -> str: ...
def plan_canonical_json(plan: JsonSource) -> str: ...
def plan_hash(plan: JsonSource) -> str: ...
def verify_plan(plan: JsonSource, plan_hash: str) -> None: ...
def verify_log(plan: JsonSource, log: JsonSource, expected_head: Optional[str] = None) -> Dict[str, Any]: ...

# enforcement
class Calendar:
    def __init__(self, overlays: Sequence[JsonSource] = ()) -> None: ...
    @classmethod
    def from_years(cls, years: Sequence[JsonSource]) -> Calendar: ...
    @staticmethod
    def bundled_years() -> List[int]: ...
    @property
    def regions(self) -> List[str]: ...
    def status(self, date: DateLike) -> str: ...
    def is_working_day(self, date: DateLike) -> bool: ...
    def next_working_day(self, date: DateLike) -> _dt.date: ...
    def roll_forward(self, date: DateLike) -> _dt.date: ...
    def table(self) -> Dict[str, str]: ...
    def deadline(self, kind: str, start: DateLike) -> Dict[str, Any]: ...
    def due_date(self, start: DateLike, period: Dict[str, Any]) -> _dt.date: ...

def deadline_kinds() -> List[Dict[str, Any]]: ...
def decide(
    facts: Dict[str, Any],
    on: DateLike,
    history: Sequence[Dict[str, Any]] = (),
    entry: Union[str, Dict[str, Any], None] = None,
    policy: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]: ...
def bundled_menus() -> List[Dict[str, Any]]: ...
def bundled_menu_entry(entry_id: str) -> Dict[str, Any]: ...
def parse_menu(menu: JsonSource) -> Dict[str, Any]: ...
def discretion_band(
    range: Dict[str, Any], band: str, preset: Optional[Dict[str, Any]] = None
) -> Dict[str, Any]: ...
def default_discretion_preset() -> Dict[str, Any]: ...
def credit_repair_assess(
    record: Dict[str, Any],
    facts: Dict[str, Any],
    on: DateLike,
    policy: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]: ...

# publish
def plan_from_eligibility(
    report: JsonSource, catalog: Union[Catalog, JsonSource], inspectors: JsonSource, meta: JsonSource
) -> Dict[str, Any]: ...
def eligible_leaves(report: JsonSource) -> List[Dict[str, Any]]: ...
def excluded_leaves(report: JsonSource) -> List[Dict[str, Any]]: ...
def new_log(plan_hash: str) -> Dict[str, Any]: ...
def log_append(log: JsonSource, event: JsonSource) -> Dict[str, Any]: ...
def publish_draw(
    plan: JsonSource,
    eligible: JsonSource,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    attempt: int,
    seed: str,
) -> Tuple[Dict[str, Any], Dict[str, Any]]: ...
def publish_substitutions(
    plan: JsonSource,
    eligible: JsonSource,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    result: JsonSource,
    requests: JsonSource,
) -> Tuple[Dict[str, Any], Dict[str, Any]]: ...
def receipts(plan: JsonSource, eligible: JsonSource, excluded: JsonSource, result: JsonSource) -> List[Dict[str, Any]]: ...
def verify_receipt(receipt: JsonSource, plan: JsonSource, result: JsonSource) -> Dict[str, Any]: ...
def verify_draw(
    plan: JsonSource,
    plan_hash: str,
    catalog: Union[Catalog, JsonSource],
    log: JsonSource,
    log_head: str,
    eligible: JsonSource,
    result: JsonSource,
) -> Dict[str, Any]: ...
