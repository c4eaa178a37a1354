// Hand-written declarations of the JSON shapes the binding exchanges (the core's serde
// shapes, snake_case keys). Emitted into the generated .d.ts (typescript_custom_section).

/** A core error thrown by every export: a real `Error` with the stable code. */
export interface ShuangsuijiError extends Error {
  name: 'ShuangsuijiError';
  /** The stable snake_case code (API), e.g. `uscc_check_character`. */
  code: string;
  /** The code's family. */
  family: ErrorFamily;
  /** Where and what: file/row/column for intake, field path, value, plus code-specific keys. */
  details: ErrorDetails;
  /** The Chinese message (the code's title and the details; the same text in Rust and Python). `.message` is `code: ` and this one unless `setLanguage('en')`. */
  messageZh: string;
  /** The English message. */
  messageEn: string;
}
/** Checked against `errorCodes()` by tests/basics.test.mjs. */
export type ErrorFamily = 'input' | 'validation' | 'rules' | 'draw' | 'verify' | 'team' | 'enforcement' | 'limit' | 'internal' | 'outcome' | 'profile' | 'service';
export interface ErrorDetails {
  file?: string;
  row?: number;
  column?: string;
  field?: string;
  value?: string;
  [extra: string]: string | number | undefined;
}
export interface ErrorCodeInfo { code: string; family: ErrorFamily }
/** One entry of the core's operation table (`operations()`): arguments in the order they are read. */
export interface OperationInfo {
  name: string;
  jsName: string;
  args: { name: string; kind: 'text' | 'date' | 'hex' | 'hex_bytes' | 'integer' | 'document' | 'committed' | 'file' | 'entry' | 'value'; optional: boolean }[];
  /** The export's positional parameters (the arguments' names; another order only where kept for earlier callers). */
  params: string[];
  /** Offered as an export (generated from the table); otherwise through runOperation only. */
  bound: boolean;
  result: string;
}

/** 18-character 统一社会信用代码, canonical (upper case, half-width). */
export type Uscc = string;
/** 32 lowercase hex digits. */
export type TicketHex = string;
/** 64 lowercase hex digits. */
export type Hash64 = string;
/** A ratio as `"p/q"` (exact; floats are refused). */
export type RatioText = string;
/** `YYYY-MM-DD`. */
export type DateText = string;

// ---- draw -------------------------------------------------------------------------------

export type DrawMode = 'fixed' | 'bernoulli';
export interface StratumDraw {
  key: string;
  eligible: Uscc[];
  /** Fixed mode only. */
  quota?: number;
  /** Bernoulli mode only. */
  ratio?: RatioText;
  max_substitutions?: number;
}
export interface ItemDraw { item_id: string; department: string; strata: StratumDraw[] }
export type SubstitutionReason = string;
export type Adjustment =
  | { expand: { item_id: string; stratum: string; extra: number } }
  | { substitute: { uscc: Uscc; item_id?: string; reason: SubstitutionReason; evidence?: string } };
export interface DrawInput {
  algorithm: 'v1';
  task_id: string;
  /** 64 lowercase hex digits. */
  seed: string;
  mode: DrawMode;
  items: ItemDraw[];
  adjustments?: Adjustment[];
}
export interface Cutoff { ticket: TicketHex; uscc: Uscc }
export type Basis = 'drawn' | 'expansion' | 'substitute';
export interface Pick { uscc: Uscc; ticket: TicketHex; basis: Basis }
export interface StratumResult {
  key: string;
  eligible_count: number;
  quota?: number;
  ratio?: RatioText;
  /** `floor(2^128·p/q)` as 33 hex digits (Bernoulli mode). */
  threshold?: string;
  drawn_count: number;
  cutoff: Cutoff | null;
  boundary: Cutoff | null;
  max_substitutions: number;
  substitutions_used: number;
  selected: Pick[];
  replaced: Pick[];
}
export interface ItemResult { item_id: string; department: string; strata: StratumResult[] }
export interface VisitItem { item_id: string; department: string; stratum: string; basis: Basis }
export interface Visit { uscc: Uscc; ticket: TicketHex; items: VisitItem[]; departments: string[] }
export interface ExpansionRecord { step: number; item_id: string; stratum: string; added: Uscc[] }
export interface SubstitutionRecord {
  step: number;
  item_id: string;
  stratum: string;
  replaced: Uscc;
  substitute: Uscc;
  substitute_ticket: TicketHex;
  reason: SubstitutionReason;
  evidence?: string;
}
export interface DrawResult {
  algorithm: 'v1';
  task_id: string;
  seed: string;
  mode: DrawMode;
  items: ItemResult[];
  visits: Visit[];
  expansions: ExpansionRecord[];
  substitutions: SubstitutionRecord[];
}
/** `selectionColumns(result)`: the current selection as parallel arrays (in `(ticket, uscc)` order). */
export interface StratumColumns { key: string; uscc: Uscc[]; ticket: TicketHex[]; basis: Basis[] }
export interface ItemColumns { item_id: string; department: string; strata: StratumColumns[] }
export interface VisitColumns { uscc: Uscc[]; ticket: TicketHex[] }
export interface SelectionColumns { items: ItemColumns[]; visits: VisitColumns }

// ---- intake and model -------------------------------------------------------------------

export interface ReadOptions {
  file_name?: string | null;
  encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
  format?: 'json' | 'csv' | 'xlsx' | null;
  sheet?: string | null;
  allow_unknown_columns?: boolean;
  limits?: Partial<{ max_bytes: number; max_rows: number; max_field_bytes: number; max_decompressed_bytes: number }>;
}
export interface Enterprise {
  uscc: Uscc;
  name: string;
  division: string;
  town?: string;
  credit_class: string;
  food_risk_grade?: string;
  categories?: string[];
  status: string;
  abnormal?: boolean;
  serious_violation?: boolean;
  complaints?: number;
  avoid_inspectors?: string[];
}
export interface Inspector {
  id: string;
  name?: string;
  department: string;
  certified: boolean;
  qualifications?: string[];
  conflicts?: Uscc[];
  capacity?: number;
}
export interface Authority { id: string; department: string; level: string; jurisdiction: string; name?: string }
export interface CheckRecord {
  task_id: string;
  visit_id?: string;
  uscc: Uscc;
  date: DateText;
  authority: Authority;
  items: string[];
  kind: string;
}

// ---- rules ------------------------------------------------------------------------------

export interface PlanRequest {
  authority: Authority;
  year: number;
  date: DateText;
  items: string[];
  policy: { preset: { name: string; date?: DateText } } | { explicit: Record<string, unknown> };
  cap?: Record<string, unknown> | null;
  hierarchy?: string;
  force_in?: Record<string, unknown>;
}
export interface Provenance { document: string; verification: string; [k: string]: unknown }
export interface Reason { code: string; visits?: Record<string, unknown>[]; detail?: Record<string, string> }
export interface StratumEligibility {
  key: string;
  stratum: Record<string, unknown>;
  population: number;
  quota: number;
  ratio: RatioText;
  min?: number;
  max?: number;
  provenance: Provenance;
  note?: string;
  eligible: Uscc[];
  /** A tag's stratum `tag=<rule id>` (eligibilityWithTags): reason `tag_ratio`. */
  reason?: Reason;
}
export interface ItemEligibility {
  item: string;
  kind: string;
  strata: StratumEligibility[];
  forced_in: { uscc: Uscc; reason: string; why: unknown[] }[];
  excluded: { uscc: Uscc; reasons: Reason[] }[];
  /** 重点检查 by a tag (eligibilityWithTags): outside the random pool, reason `tag_focus`. */
  focus?: { uscc: Uscc; reasons: Reason[] }[];
}
export interface EligibilityReport {
  authority: Authority;
  year: number;
  date: DateText;
  policy: { name: string; provenance: Provenance };
  cap?: Record<string, unknown>;
  hierarchy: string;
  force_in: Record<string, unknown>;
  items: ItemEligibility[];
  /** With eligibilityWithTags: the tag rules, effects and repair policy applied (their hash is the plan's `tags_hash`). */
  tags?: { set: Record<string, unknown>; effects: Record<string, unknown>; repair_policy: Record<string, unknown> };
}
export interface CatalogLoaded { catalog: Record<string, unknown>; content_hash: Hash64 }

// ---- verify -----------------------------------------------------------------------------

/** A published plan document (see docs/verify-spec-v1.md §6). */
export type PlanDocument = Record<string, unknown>;
/** A published draw log `{entries: [{event, hash}]}` (§7). */
export interface DrawLogDocument { entries: { event: { kind: string; [k: string]: unknown }; hash: Hash64 }[] }
export interface AttemptSummary {
  attempt: number;
  seed: Hash64 | null;
  result_hash: Hash64 | null;
  /** The attempt's last revision (absent: 0). */
  revision?: number;
  redraw_reason: string | null;
}
export interface LogSummary { head: Hash64; attempts: AttemptSummary[] }
export type MerkleLeafValue =
  | { uscc: Uscc; item_id: string; stratum_key: string }
  | { uscc: Uscc; reasons: string[]; evidence: string }
  | { id: string; department: string; certified: boolean; qualifications: string[]; conflicts: string[]; capacity: number };
export interface MerkleLeafBytes { leaf_bytes: string; leaf_hash: Hash64 }
export interface InclusionProof { leaf_index: number; tree_size: number; audit_path: Hash64[] }
export interface TreeCommitment { root: Hash64; size: number }
export interface MerkleTreeSummary { commitment: TreeCommitment; proofs: InclusionProof[] }
export interface BeaconSpec { source_id: string; kind: string; series: string; draw: string }
export interface BeaconValue { source: string; value: string }
export interface PartyCommitment { party_id: string; commitment: Hash64 }
export interface Reveal { party: string; secret: Hash64 }

// ---- publish ----------------------------------------------------------------------------

export type RevealOrder = 'after_beacon' | 'before_beacon';
/** What the plan says about the task besides the eligibility report. */
export interface PlanMeta {
  task_id: string;
  reveal_order: RevealOrder;
  beacons: BeaconSpec[];
  parties: PartyCommitment[];
  /** Substitutions each stratum may publish after the draw (default 0: none). */
  max_substitutions?: number;
}
/** A request to replace a selected enterprise (without `item_id`: in its whole visit). */
export interface SubstitutionRequest { uscc: Uscc; item_id?: string; reason: SubstitutionReason; evidence?: string }
export interface EligibleLeaf { uscc: Uscc; item_id: string; stratum_key: string }
export interface ExcludedLeaf { uscc: Uscc; reasons: string[]; evidence: string }
/** One event of the draw log (`kind` plus its fields, e.g. `{kind: 'beacon', attempt, source, value}`). */
export type LogEvent =
  | { kind: 'plan_published'; plan_hash: Hash64 }
  | { kind: 'beacon'; attempt: number; source: string; value: string }
  | { kind: 'reveal'; attempt: number; party: string; secret: Hash64 }
  | { kind: 'draw'; attempt: number; seed: Hash64; result_hash: Hash64 }
  | { kind: 'substitution'; attempt: number; item_id: string; stratum_key: string; replaced: Uscc; substitute: Uscc; reason: string; evidence: string }
  | { kind: 'revision'; attempt: number; revision: number; result_hash: Hash64 }
  | { kind: string; [k: string]: unknown };
/** The published result document (verify spec §10.2). */
export interface ResultDocument {
  algorithm: string;
  plan_hash: Hash64;
  attempt: number;
  seed: Hash64;
  log_head: Hash64;
  /** Absent for the draw's own result; 1, 2, … after published substitutions. */
  revision?: number;
  draw: DrawResult;
}
export interface PublishedDraw { result: ResultDocument; log: DrawLogDocument }
export interface EligibleEntry {
  item_id: string;
  stratum_key: string;
  proof: InclusionProof;
  cutoff: Cutoff | null;
  selected: boolean;
  /** Present (true) when the enterprise was replaced after the draw. */
  replaced?: boolean;
}
export interface ExcludedNeighbour { leaf: ExcludedLeaf; proof: InclusionProof }
/** Proof that an enterprise has no exclusion leaf: the exclusion leaves around it. */
export interface NotExcluded { before: ExcludedNeighbour | null; after: ExcludedNeighbour | null }
export interface Neighbour { leaf: EligibleLeaf; proof: InclusionProof }
export interface ExcludedEntry { reasons: string[]; evidence: string; proof: InclusionProof }
/** One enterprise's receipt (§10.3). */
export interface Receipt {
  uscc: Uscc;
  plan_hash: Hash64;
  result_hash: Hash64;
  ticket: TicketHex;
  eligible: EligibleEntry[];
  before: Neighbour | null;
  after: Neighbour | null;
  excluded: ExcludedEntry | null;
  /** Present when `excluded` is null and the plan has exclusions. */
  not_excluded?: NotExcluded;
}
export interface VerdictItem { item_id: string; stratum_key: string; selected: boolean; replaced?: boolean }
export interface Verdict { uscc: Uscc; items: VerdictItem[]; excluded: string[] }
/** What `verifyDraw` confirmed. */
export interface DrawSummary { plan_hash: Hash64; attempt: number; revision: number; substitutions: number; seed: Hash64; result_hash: Hash64; log_head: Hash64; visits: number }

// ---- teams ------------------------------------------------------------------------------

export interface DepartmentNeed { department: string; items: string[]; size: number }
export interface VisitNeed { uscc: Uscc; town?: string | null; departments: DepartmentNeed[]; lead_department: string; avoid?: string[] }
export interface PreviousCheck { inspector: string; uscc: Uscc }
export interface TeamConfig {
  min_certified?: number;
  rotation?: boolean;
  max_per_inspector?: number | null;
  max_per_inspector_per_day?: number | null;
  visits_per_team_day?: number;
}
export interface TeamRequest {
  algorithm: 'v1';
  task_id: string;
  seed: Hash64;
  visits: VisitNeed[];
  inspectors: Inspector[];
  previous?: PreviousCheck[];
  config?: TeamConfig;
}
export interface Staffing { lead_department: string; sizes?: Record<string, number>; default_size?: number; lead_joins_every_visit?: boolean }
export interface TeamMember { inspector: string; department: string; certified: boolean; ticket: TicketHex; rank: number }
export interface DepartmentShare { department: string; size: number; certified_required: number }
export interface Team { uscc: Uscc; route: number; lead: string; shares: DepartmentShare[]; members: TeamMember[] }
export interface TeamRoute { index: number; town: string | null; visits: Uscc[] }
export interface TeamAssignment { algorithm: string; task_id: string; teams: Team[]; routes: TeamRoute[] }
export type CandidateStatus =
  | 'assigned' | 'not_chosen' | 'capacity_exhausted' | 'not_qualified' | 'conflict'
  | 'enterprise_avoid' | 'rotation' | 'inactive' | 'other_department' | 'no_capacity';
export interface CandidateLine { inspector: string; certified: boolean; ticket: TicketHex; rank: number | null; status: CandidateStatus }
export interface TeamExplanation {
  uscc: Uscc;
  departments: { department: string; size: number; certified_required: number; candidates: CandidateLine[] }[];
}

// ---- enforcement ------------------------------------------------------------------------

export type DayStatus = 'workday' | 'weekend' | 'holiday_off' | 'makeup_workday';
export interface Period { unit: string; count: number }
export interface Deadline { kind: string; start: DateText; period: Period; due: DateText; [k: string]: unknown }
/** Case facts of a violation (see tests/vectors/leniency/README.md for the fields). */
export interface CaseFacts { violation_type: string; committed_on: DateText; discovered_on: DateText; [k: string]: unknown }
export interface ViolationRecord { violation_type: string; committed_on: DateText; penalty_decided_on?: DateText | null; food_safety: boolean }
export interface Decision {
  outcome: string;
  deciding_rule: string;
  rules: { rule: string; conditions: { condition: { kind: string; [k: string]: unknown }; met: boolean; [k: string]: unknown }[]; [k: string]: unknown }[];
  [k: string]: unknown;
}
export interface FineRange { min_fen: number; max_fen: number }
export interface DiscretionPreset { lighter_upper: RatioText; ordinary_upper: RatioText; provenance: Provenance }
export interface BandRange { min_fen: number | null; max_fen: number | null; [k: string]: unknown }
export type PenaltyRecord = Record<string, unknown>;
export type RepairFacts = Record<string, unknown>;
export interface RepairPolicy { low_fine_max_fen?: number | null }
export type ListRecord = Record<string, unknown>;
export type ListFacts = Record<string, unknown>;
export interface ListAssessment {
  list: 'abnormal_operation' | 'serious_violation' | 'negative_check_result';
  last_day_listed?: DateText | null;
  earliest_removal_application?: DateText | null;
  decision_working_days?: number | null;
  mandatory_removal: boolean;
  eligible_now: boolean;
  conditions: { condition: string; met: boolean; [k: string]: unknown }[];
  [k: string]: unknown;
}
export interface RepairAssessment {
  regime: string;
  published: boolean;
  eligible_now: boolean;
  publicity_last_day?: DateText | null;
  earliest_repair_application?: DateText | null;
  conditions: { condition: string; met: boolean; [k: string]: unknown }[];
  [k: string]: unknown;
}
