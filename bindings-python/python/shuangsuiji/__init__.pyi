import datetime as _dt
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

from typing_extensions import NotRequired

from ._errors import (
    DrawError as DrawError,
    EnforcementError as EnforcementError,
    InputError as InputError,
    InternalError as InternalError,
    LimitError as LimitError,
    OutcomeError as OutcomeError,
    ProfileError as ProfileError,
    RulesError as RulesError,
    ServiceError as ServiceError,
    ShuangsuijiError as ShuangsuijiError,
    TeamError as TeamError,
    ValidationError as ValidationError,
    VerifyError as VerifyError,
)

__version__: str
__all__ = [
    "run_operation",
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
    "TeamAssignment",
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

JsonSource = Union[str, bytes, os.PathLike[str], Dict[str, Any], List[Any]]
TableSource = Union[str, bytes, os.PathLike[str], List[Any], Dict[str, Any], Any]
DateLike = Union[str, _dt.date]

# The shapes clerks write by hand (shuangsuiji/_types.py); DeadlineKind and PresetName
# are generated from the core below (stubgen.py). A key the core does not know, or a
# name not in its lists, is a type error.
Level = Literal["national", "provincial", "prefecture", "county"]
DrawMode = Literal["fixed", "bernoulli"]

class Authority(TypedDict):
    id: str
    department: str
    level: Level
    jurisdiction: str
    name: NotRequired[str]

class PresetRef(TypedDict):
    name: PresetName
    date: NotRequired[str]

class PolicySource(TypedDict, total=False):
    preset: PresetRef
    explicit: Dict[str, Any]

class PlanRequest(TypedDict):
    authority: Authority
    year: int
    date: str
    items: List[str]
    policy: PolicySource
    cap: NotRequired[Optional[Dict[str, Any]]]
    cap_preset: NotRequired[PresetRef]
    hierarchy: NotRequired[str]
    force_in: NotRequired[Dict[str, Any]]
    coverage: NotRequired[Dict[str, Any]]

class StratumDraw(TypedDict):
    key: str
    eligible: List[str]
    quota: NotRequired[int]
    ratio: NotRequired[str]
    max_substitutions: NotRequired[int]

class ItemDraw(TypedDict):
    item_id: str
    department: str
    strata: List[StratumDraw]

class DrawInput(TypedDict):
    algorithm: Literal["v1"]
    task_id: str
    seed: str
    mode: DrawMode
    items: List[ItemDraw]
    adjustments: NotRequired[List[Dict[str, Any]]]

class TeamConfig(TypedDict, total=False):
    min_certified: int
    rotation: bool
    max_per_inspector: int
    max_per_inspector_per_day: int
    visits_per_team_day: int

class Staffing(TypedDict):
    lead_department: str
    sizes: NotRequired[Dict[str, int]]
    default_size: NotRequired[int]
    lead_joins_every_visit: NotRequired[bool]
    config: NotRequired[TeamConfig]


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
    def to_table(self, roster: Optional[Any] = None) -> Dict[str, Any]: ...
    def to_dataframe(self, lang: str = "en", roster: Optional[Any] = None) -> Any: ...

def eligibility(
    request: Union[PlanRequest, str, bytes, os.PathLike[str]],
    catalog: Union[Catalog, JsonSource],
    roster: Union[Roster, TableSource],
    history: Union[JsonSource, Sequence[Dict[str, Any]], None] = ...,
) -> EligibilityReport: ...
def presets() -> List[Dict[str, Any]]: ...
def preset_names() -> List[str]: ...
def preset(name: PresetName, date: DateLike) -> Dict[str, Any]: ...
def quota(eligible: int, ratio: Any, min: Optional[int] = None, max: Optional[int] = None) -> int: ...

# ops
def operations() -> List[Dict[str, Any]]: ...
def run_operation(operation: str, input: Any) -> Any: ...

# teams
class TeamAssignment(Dict[str, Any]):
    def to_table(
        self, inspectors: Optional[Any] = None, roster: Optional[Any] = None, catalog: Optional[Any] = None
    ) -> Dict[str, Any]: ...
    def to_dataframe(
        self,
        lang: str = "zh",
        inspectors: Optional[Any] = None,
        roster: Optional[Any] = None,
        catalog: Optional[Any] = None,
    ) -> Any: ...

def team_request(
    result: JsonSource,
    roster: Any,
    inspectors: JsonSource,
    history: JsonSource,
    staffing: Union[Staffing, str, bytes, os.PathLike[str]],
) -> Dict[str, Any]: ...
def assign_teams(request: JsonSource) -> TeamAssignment: ...
def explain_teams(request: JsonSource, assignment: JsonSource) -> List[Dict[str, Any]]: ...

# draw
class DrawResult(Dict[str, Any]):
    def to_table(self, roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Dict[str, Any]: ...
    def to_dataframe(self, lang: str = "zh", roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Any: ...

def draw(input: Union[DrawInput, str, bytes, os.PathLike[str]]) -> DrawResult: ...
def draw_columns(input: JsonSource, usccs: Iterable[str], classes: Iterable[str]) -> DrawHandle: ...

class DrawHandle(Mapping[str, Any]):
    def __init__(self, core: Any) -> None: ...
    def to_dict(self) -> DrawResult: ...
    def to_json(self) -> str: ...
    def selection_columns(self) -> Dict[str, Any]: ...
    def to_dataframe(self, lang: str = "zh", roster: Optional[Any] = None, catalog: Optional[Any] = None) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...

def ticket(seed: str, task_id: str, uscc: str) -> str: ...

# outcomes and 公示
class OutcomeSet(Dict[str, Any]):
    def to_csv(self) -> str: ...
    def to_dataframe(self) -> Any: ...

class Disclosure(Dict[str, Any]):
    def to_csv(self) -> str: ...
    def to_xlsx(self) -> bytes: ...
    def to_dataframe(self) -> Any: ...

def record_outcomes(intake: JsonSource) -> OutcomeSet: ...
def disclose(draw: JsonSource, outcomes: JsonSource, as_of: DateLike) -> Disclosure: ...
def disclosure_xlsx(disclosure: JsonSource) -> bytes: ...

# 联企服务 (demands, follow-ups)
class DemandRegister(Dict[str, Any]):
    def to_table(self) -> Dict[str, Any]: ...
    def to_dataframe(self) -> Any: ...

class FollowUpList(Dict[str, Any]):
    def to_table(self) -> Dict[str, Any]: ...
    def to_dataframe(self) -> Any: ...

def demand_register(events: JsonSource, as_of: DateLike) -> DemandRegister: ...
def follow_ups(request: JsonSource, as_of: DateLike) -> FollowUpList: ...

# verify
def leaf_bytes(kind: str, leaf: Dict[str, Any]) -> str: ...
def conflict_list_hash(conflicts: Sequence[str]) -> str: ...
def conflicts_hash(conflicts: Sequence[str]) -> str: ...
def commitment(party_id: str, secret: str) -> str: ...
def beacon_validate(kind: str, value: str) -> Dict[str, Any]: ...
def beacon_canonicalize(kind: str, value: str) -> str: ...
def validate_beacon_value(kind: str, value: str) -> None: ...
def canonicalize_beacon_value(kind: str, value: str) -> str: ...
def validate_beacon_spec(spec: Dict[str, Any]) -> None: ...
def derive_seed(
    plan_hash: str,
    attempt: int,
    beacons: Sequence[Dict[str, str]],
    secrets: Sequence[Dict[str, str]],
) -> str: ...
def plan_canonical_json(plan: JsonSource) -> str: ...
def plan_hash(plan: JsonSource) -> str: ...
def verify_plan(plan: JsonSource, plan_hash: str) -> None: ...
def write_publication_folder(folder: Union[str, os.PathLike[str]], files: Mapping[str, str]) -> List[str]: ...
def read_publication_folder(folder: Union[str, os.PathLike[str]]) -> Dict[str, str]: ...
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
    def deadline(self, kind: DeadlineKind, start: DateLike) -> Dict[str, Any]: ...
    def due_date(self, start: DateLike, period: Dict[str, Any]) -> _dt.date: ...

def deadline_kinds() -> List[Dict[str, Any]]: ...
def decide(
    entry: Union[str, Dict[str, Any], None] = None,
    facts: Optional[Dict[str, Any]] = None,
    history: Sequence[Dict[str, Any]] = (),
    on: Optional[DateLike] = None,
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
def list_removal_assess(record: Dict[str, Any], facts: Dict[str, Any], on: DateLike) -> Dict[str, Any]: ...

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

class ReceiptVerifier:
    def __init__(self, plan: JsonSource, result: JsonSource) -> None: ...
    def verify(self, receipt: JsonSource) -> Dict[str, Any]: ...
    @property
    def plan_hash(self) -> str: ...
    @property
    def result_hash(self) -> str: ...

# the seed ceremony, step by step
class Ceremony:
    def __init__(self, plan: JsonSource, log: Optional[JsonSource] = None) -> None: ...
    @staticmethod
    def new_secret() -> str: ...
    @staticmethod
    def commit(party: str, secret: str) -> str: ...
    @property
    def log(self) -> Dict[str, Any]: ...
    def beacon(self, source: str, value: str) -> Dict[str, Any]: ...
    def reveal(self, party: str, secret: str) -> Dict[str, Any]: ...
    def seed(self) -> str: ...

# profiles (一企一档) as a table
def profiles_dataframe(
    events: JsonSource,
    as_of: DateLike,
    tags: Optional[JsonSource] = None,
    repair_policy: Optional[JsonSource] = None,
) -> Any: ...

# BEGIN generated from the operation table (bindings-python/tests/stubgen.py)
__all__ += [
    "parse_division",
    "parse_ratio",
    "beacon_spec",
    "calendar_status",
    "eligibility_table",
    "publication_files",
    "verify_publication",
    "load_catalog",
    "draw_with_ticket_overrides",
    "ticket_key",
    "uscc_index",
    "bernoulli_threshold",
    "selection_columns",
    "merkle_leaf",
    "leaf_hash",
    "merkle_tree",
    "verify_inclusion",
    "ceremony_seed",
    "deadline",
    "due_date",
    "parse_calendar_year",
    "plan_routes",
    "assign_teams_by_route",
    "work_plan",
    "outcome_categories",
    "outcome_check_records",
    "disclosure_completeness",
    "outcomes_hash",
    "publish_outcomes",
    "verify_disclosure",
    "disclosure_csv",
    "profile_enterprises",
    "public_profiles",
    "check_tag_set",
    "apply_measures",
    "referral",
    "outcomes_csv",
    "draw_candidates",
    "merge_candidates",
    "root_of_subtrees",
    "publish_draw_from_candidates",
    "plan_draw_input",
    "eligibility_with_tags",
    "events_from_outcomes",
    "tag_moves",
    "verify_tags",
    "profile_table",
    "read_events",
    "apply_demand_events",
    "demand_table",
    "follow_up_table",
    "merge_policies",
    "sample_policy_lists",
    "law_entries",
    "check_law_entries",
    "match_services",
    "read_demand_events",
    "ceremony_beacon",
    "ceremony_reveal",
    "ceremony_log_seed",
    "visit_table",
    "team_table",
]
DeadlineKind = Literal[
    "result_publication",
    "penalty_publication",
    "penalty_push_cross_province",
    "penalty_publication_on_receipt",
    "publication_withdrawal",
    "decision",
    "decision_extended",
    "lead_verification",
    "lead_verification_extended",
    "credit_repair_processing_2021",
    "credit_repair_processing_2025",
]
PresetName = Literal[
    "heilongjiang_lindian_2024",
    "henan_2021",
    "national_default",
    "neimenggu_bayannaoer_2022",
    "ningxia_shizuishan_2023",
]
def parse_division(text: str) -> Any: ...
def parse_ratio(text: str) -> Any: ...
def beacon_spec(spec: JsonSource) -> Any: ...
def calendar_status(date: DateLike) -> Any: ...
def eligibility_table(report: JsonSource, roster: Optional[JsonSource] = None) -> Any: ...
def publication_files(plan: JsonSource, eligible: JsonSource, excluded: JsonSource, catalog: JsonSource, log: JsonSource, result: JsonSource) -> Any: ...
def verify_publication(files: JsonSource) -> Any: ...
def load_catalog(catalog: JsonSource) -> Any: ...
def draw_with_ticket_overrides(input: JsonSource, overrides: JsonSource) -> Any: ...
def ticket_key(seed: str, task_id: str) -> Any: ...
def uscc_index(uscc: str) -> Any: ...
def bernoulli_threshold(ratio: Any) -> Any: ...
def selection_columns(result: JsonSource) -> Any: ...
def merkle_leaf(kind: str, leaf: JsonSource) -> Any: ...
def leaf_hash(leaf_bytes: Union[str, bytes]) -> Any: ...
def merkle_tree(kind: str, leaves: JsonSource) -> Any: ...
def verify_inclusion(leaf_bytes: Union[str, bytes], proof: JsonSource, commitment: JsonSource) -> Any: ...
def ceremony_seed(plan_hash: str, attempt: int, sources: JsonSource, parties: JsonSource, reveals: JsonSource, beacons: JsonSource) -> Any: ...
def deadline(kind: DeadlineKind, start: DateLike) -> Any: ...
def due_date(start: DateLike, period: JsonSource) -> Any: ...
def parse_calendar_year(year: JsonSource) -> Any: ...
def plan_routes(request: JsonSource) -> Any: ...
def assign_teams_by_route(request: JsonSource, routes: JsonSource, routes_per_day: Optional[int] = None) -> Any: ...
def work_plan(request: JsonSource, catalog: JsonSource, roster: JsonSource, inspectors: JsonSource, draw: JsonSource, teams: JsonSource, routes: JsonSource) -> Any: ...
def outcome_categories() -> Any: ...
def outcome_check_records(outcomes: JsonSource, authorities: JsonSource) -> Any: ...
def disclosure_completeness(draw: JsonSource, outcomes: JsonSource, as_of: DateLike) -> Any: ...
def outcomes_hash(outcomes: JsonSource) -> Any: ...
def publish_outcomes(log: JsonSource, result: JsonSource, outcomes: JsonSource) -> Any: ...
def verify_disclosure(log: JsonSource, result: JsonSource, outcomes: JsonSource, disclosure: JsonSource) -> Any: ...
def disclosure_csv(disclosure: JsonSource) -> Any: ...
def profile_enterprises(events: JsonSource, as_of: DateLike, tags: Optional[JsonSource] = None, repair_policy: Optional[JsonSource] = None) -> Any: ...
def public_profiles(events: JsonSource, as_of: DateLike, tags: Optional[JsonSource] = None, repair_policy: Optional[JsonSource] = None) -> Any: ...
def check_tag_set(tags: JsonSource) -> Any: ...
def apply_measures(events: JsonSource, as_of: DateLike, tags: Optional[JsonSource] = None, measures: Optional[JsonSource] = None, repair_policy: Optional[JsonSource] = None) -> Any: ...
def referral(case_record: JsonSource, on: DateLike) -> Any: ...
def outcomes_csv(outcomes: JsonSource) -> Any: ...
def draw_candidates(input: JsonSource, totals: Optional[JsonSource] = None) -> Any: ...
def merge_candidates(input: JsonSource, parts: JsonSource) -> Any: ...
def root_of_subtrees(subtrees: JsonSource) -> Any: ...
def publish_draw_from_candidates(plan: JsonSource, parts: JsonSource, catalog: JsonSource, log: JsonSource, attempt: int, seed: str) -> Any: ...
def plan_draw_input(plan: JsonSource, catalog: JsonSource, seed: str) -> Any: ...
def eligibility_with_tags(request: JsonSource, catalog: JsonSource, roster: JsonSource, events: JsonSource, tags: JsonSource, history: Optional[JsonSource] = None) -> Any: ...
def events_from_outcomes(outcomes: JsonSource) -> Any: ...
def tag_moves(report: JsonSource) -> Any: ...
def verify_tags(plan: JsonSource, tags: Optional[JsonSource] = None) -> Any: ...
def profile_table(events: JsonSource, as_of: DateLike, tags: Optional[JsonSource] = None, repair_policy: Optional[JsonSource] = None) -> Any: ...
def read_events(input: bytes, options: Optional[JsonSource] = None) -> Any: ...
def apply_demand_events(events: JsonSource, book: Optional[JsonSource] = None) -> Any: ...
def demand_table(register: JsonSource) -> Any: ...
def follow_up_table(follow_up_list: JsonSource) -> Any: ...
def merge_policies(lists: JsonSource) -> Any: ...
def sample_policy_lists() -> Any: ...
def law_entries() -> Any: ...
def check_law_entries(entries: JsonSource) -> Any: ...
def match_services(request: JsonSource) -> Any: ...
def read_demand_events(input: bytes, options: Optional[JsonSource] = None) -> Any: ...
def ceremony_beacon(plan: JsonSource, source: str, value: str, log: Optional[JsonSource] = None) -> Any: ...
def ceremony_reveal(plan: JsonSource, party: str, secret: str, log: Optional[JsonSource] = None) -> Any: ...
def ceremony_log_seed(plan: JsonSource, log: Optional[JsonSource] = None) -> Any: ...
def visit_table(result: JsonSource, roster: Optional[JsonSource] = None, catalog: Optional[JsonSource] = None) -> Any: ...
def team_table(assignment: JsonSource, inspectors: Optional[JsonSource] = None, roster: Optional[JsonSource] = None, catalog: Optional[JsonSource] = None) -> Any: ...
# END generated
