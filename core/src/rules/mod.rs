//! Sampling rules: who may be drawn for each supervision item, in which stratum, and
//! how many — with a reason for every enterprise left out.
//!
//! One regulation rule per module, each citing its source:
//!
//! * [`stratum`](StratumKey) — strata by credit class × food risk grade;
//! * `quota` — `n = min(N, max(min, min(max, ceil(N·p/q))))`, integers only;
//! * `policy` — ratios per item / item kind and stratum, with provenance;
//! * `preset` — named local and national tables, by name and date;
//! * `cap` — the yearly per-enterprise visit cap (default 2, exceptions configurable,
//!   per-class and per-level limits);
//! * `cap_preset` — named, dated local caps with the kinds each counts;
//! * `hierarchy` — exclusion after a check by a higher level of the item's own
//!   department (county: same year; 令49 Art. 42: same items, 3 months, 监督检查 only);
//! * `applicability`, `status` — jurisdiction, item scope, item validity, registration
//!   status;
//! * `coverage` — frequency (监管频次, 令49 Art. 22): who is due a check, optionally
//!   forced in apart from the random sample;
//! * `force` — optional forcing-in of abnormal, seriously-violating or D-class
//!   enterprises;
//! * `tag_effects` — tags change supervision: a tag's own ratio, 无事不扰, 重点检查, as
//!   data bound into the plan ([`eligibility_with_tags`]);
//! * `eligibility` — the report that combines them and the data the draw consumes.
//!
//! ```
//! use shuangsuiji::model::{Catalog, Roster};
//! use shuangsuiji::rules::{eligibility, PlanRequest};
//!
//! let catalog = Catalog::from_json(r#"{"id":"c","version":"1","items":[{
//!   "id":"market.food_production","name":"食品生产监督检查","department":"market",
//!   "kind":"key","form":"joint",
//!   "provenance":{"document":"令49","verification":"verified"}}]}"#)?;
//! let roster: Roster = serde_json::from_str(r#"[{"uscc":"91350100M000100Y43","name":"甲",
//!   "division":"150581","credit_class":"C","status":"active"}]"#).unwrap();
//! let request: PlanRequest = serde_json::from_str(r#"{
//!   "authority":{"id":"hlgl-market","department":"market","level":"county","jurisdiction":"150581"},
//!   "year":2025,"date":"2025-03-01","items":["market.food_production"],
//!   "policy":{"preset":{"name":"neimenggu_bayannaoer_2022"}}}"#).unwrap();
//! let report = eligibility(&request, &catalog, &roster, &[])?;
//! let draw = report.draw_input();
//! let c = draw[0].strata.iter().find(|s| s.key == "credit=C").unwrap();
//! assert_eq!((c.eligible.len(), c.quota), (1, 1)); // C: 100 %
//! # Ok::<(), shuangsuiji::Error>(())
//! ```
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

pub mod applicability;
pub mod cap;
pub mod cap_preset;
pub mod coverage;
pub mod eligibility;
pub mod force;
pub mod hierarchy;
pub mod policy;
pub mod preset;
pub mod quota;
pub mod reason;
pub mod report_draw;
pub mod status;
pub mod stratum;
pub mod tag_effects;

pub use applicability::{check_item_in_force, jurisdiction_reason, scope_reason};
pub use cap::{CapConfig, CapScope};
pub use cap_preset::{CapPreset, cap_preset, cap_preset_names, cap_presets};
pub use coverage::{
    CoverageConfig, DueEntry, FrequencySource, ItemCoverage, due_entry, item_frequency, window_from,
};
pub use eligibility::{
    DrawItem, DrawStratum, EligibilityReport, Exclusion, ForcedIn, ItemEligibility, PlanRequest,
    PolicySource, PolicyUsed, PresetRef, StratumEligibility, eligibility, eligibility_with_tags,
};
pub use force::{ForceInConfig, ForceWhy};
pub use hierarchy::{
    HierarchyMode, SUPERVISION_KINDS, same_year_reason, three_month_end, three_month_reason,
};
pub use policy::{PolicyRow, SamplingPolicy, StratumRule};
pub use preset::{Preset, preset, preset_names, presets};
pub use quota::{QuotaRule, quota};
pub use reason::{Detail, DetailText, Reason, ReasonCode, VisitEvidence};
pub use report_draw::{draw_eligible, report_draw_input};
pub use status::status_reason;
pub use stratum::StratumKey;
pub use tag_effects::{
    EffectKind, MAX_EFFECTS, MAX_SPARE_YEARS, TAG_STRATUM_PREFIX, TagEffect, TagEffects, TagPlan,
    TagsApplied,
};
