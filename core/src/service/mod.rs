//! The enterprise service (联企服务, seed §三(三)): demands that always get an answer
//! (事事有回音) and follow-up visits after enforcement (事后回访).
//!
//! * [`DemandEvent`]s: a demand is recorded at a visit or later, answered on site,
//!   transferred to a responsible department with a time limit in working days on the
//!   [`crate::enforcement::Calendar`], settled in a joint consultation, escalated,
//!   replied, closed (only after a reply) and rated. An impossible transition is a
//!   typed `service` error and the [`DemandBook`] is unchanged (a stream applies whole
//!   or not at all).
//! * [`demand_register`]: as of a date, every demand, the overdue ones, each
//!   responsible department's on-time count and the lead departments' review list;
//!   [`demand_table`] flattens it with Chinese headers for data frames.
//! * [`follow_ups`]: after a 责令改正 deadline or a penalty decision, a follow-up visit
//!   due some working days later; for a penalty on the credit system, its credit-repair
//!   guidance from [`crate::enforcement::credit_repair`]; the list per department as of
//!   a date.
//!
//! * [`merge_policies`]: the departments' 政策清单 merged by document number, conflicts
//!   reported; [`LawEntry`]: the 普法教育菜单 per trade, citing law and article, linked to
//!   the leniency menus; [`match_services`]: per enterprise of a task which policies and
//!   entries it gets, and why. Bundled: synthetic sample policies
//!   ([`PolicyList::food_producers_sample`]) and real law entries
//!   ([`LawEntry::food_producers`]) for food producers.
//!
//! `docs/service.md` has the state diagram and the transition table. Tested by
//! `core/tests/all/service_demands.rs`, `core/tests/all/service_follow_ups.rs` and the
//! operation vectors in `tests/vectors/service/`.
//!
//! ```
//! use shuangsuiji::service::DemandStatus;
//! assert_eq!(DemandStatus::Closed.label(), "已办结");
//! ```

mod demand;
mod followup;
mod law;
mod matching;
mod policy;
mod register;
mod table;

pub use demand::{
    Consultation, Demand, DemandEvent, DemandStatus, Escalation, MAX_TIME_LIMIT, Reply,
    ReplyChannel, Transfer,
};
pub use followup::{
    DepartmentFollowUps, FOLLOW_UP_HEADERS, FollowUp, FollowUpList, FollowUpPolicy,
    FollowUpRequest, FollowUpSource, PenaltyDecision, follow_up_table, follow_ups,
};
pub use law::{CommonViolation, LawEntry, check_law_entries};
pub use matching::{
    EnterpriseServices, LawMatch, MatchReason, MatchRequest, MenuLink, PolicyMatch, ServiceMatches,
    ServiceTask, match_services,
};
pub use policy::{
    MergedPolicies, MergedPolicy, Policy, PolicyConflict, PolicyList, PolicyScope, merge_policies,
};
pub use register::{
    DEMAND_HEADERS, DemandBook, DemandRegister, DepartmentRate, OverdueDemand, ReviewLine,
    ReviewReason, demand_register, demand_table,
};
pub use table::Table;
