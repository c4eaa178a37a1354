//! Inspection outcomes (检查结果): each department's record of each visit, checked
//! against the draw, the team and the window, and turned back into check history.
//!
//! The county plan (§三(二)四) has every department record its results, which are then
//! 归集到企业名下 and published ([`crate::disclosure`]). This module holds
//!
//! * the shapes: [`OutcomeRecord`] (one department, one visit: date, officers present,
//!   recorded changes of officers, one [`Finding`] per item with a [`FindingCategory`]
//!   and its [`FollowUp`]s — 责令改正 with a deadline, 立案, 移送 to a department or to
//!   the public-security organs), the [`OutcomeSet`] of a task;
//! * the category table, versioned data with provenance ([`categories`]): only
//!   不予配合情节严重 and 通过登记的住所（经营场所）无法联系 have a legal definition
//!   (企业公示信息抽查办法 Arts. 11 and 14 \[V]); the other terms are practice;
//! * the intake [`record_outcomes`]: a result for an enterprise not drawn, an item not
//!   in the visit, a department not on the team, an officer not on the team without a
//!   recorded change, fewer than two certified officers present (行政处罚法 Art. 42
//!   \[V]), a date outside the window, two results for one department and visit — each
//!   refused with its own code, and nothing half-applied;
//! * [`check_records`]: the set as [`crate::model::CheckRecord`]s (kind `random`, a joint
//!   visit counted once) for the next [`crate::rules::eligibility()`];
//! * [`outcomes_csv`]: the set as a table with Chinese headers ([`OUTCOME_CSV_HEADERS`]),
//!   the results as their published terms, the follow-ups in words; [`outcomes_table`]
//!   the same rows as an [`crate::export::Table`] (CSV or xlsx), which
//!   [`crate::intake::read_outcome_records`] reads back as a department's sheet.
//!
//! Golden vectors: `tests/vectors/outcomes/` (operation shape), run by
//! `core/tests/outcomes.rs`.
//!
//! ```
//! use shuangsuiji::outcomes::FindingCategory;
//! assert_eq!(FindingCategory::from_label("不配合检查情节严重")?, FindingCategory::RefusedSerious);
//! assert_eq!(FindingCategory::Unreachable.label(), "通过登记的住所（经营场所）无法联系");
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod category;
mod export;
mod history;
mod intake;
mod record;

pub use category::{CATEGORY_TABLE_VERSION, CategoryEntry, FindingCategory, categories};
pub use export::{OUTCOME_CSV_HEADERS, outcomes_csv, outcomes_table};
pub use history::check_records;
pub use intake::record_outcomes;
pub use record::{
    CheckWindow, Finding, FollowUp, OfficerChange, OutcomeIntake, OutcomeRecord, OutcomeSet,
    ReferralTarget,
};
