//! The shapes of inspection outcomes: one record per department per visit, its
//! findings and follow-ups, the officers present, and the set of records of a task.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::category::FindingCategory;
use crate::draw::DrawResult;
use crate::model::{DepartmentCode, InspectorId, ItemId, Uscc};
use crate::teams::TeamAssignment;

/// The check window of a task: first and last day of the on-site checks, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckWindow {
    /// First day.
    pub first_day: NaiveDate,
    /// Last day.
    pub last_day: NaiveDate,
}

impl CheckWindow {
    /// Whether `date` lies in the window.
    ///
    /// ```
    /// let w: shuangsuiji::outcomes::CheckWindow =
    ///     serde_json::from_str(r#"{"first_day": "2024-09-09", "last_day": "2024-09-27"}"#).unwrap();
    /// assert!(w.contains("2024-09-27".parse().unwrap()));
    /// assert!(!w.contains("2024-09-28".parse().unwrap()));
    /// ```
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

/// Where a case is referred (移送).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralTarget {
    /// Another administrative department with jurisdiction (市场监督管理行政处罚程序规定
    /// Arts. 14, 17 ¶1; 行政处罚法 Art. 57 (4)) — name it in `department`.
    Department,
    /// The public-security organs, for a suspected crime (行政处罚法 Art. 27;
    /// 行政执法机关移送涉嫌犯罪案件的规定 Art. 3).
    PublicSecurity,
}

/// What follows a finding.
///
/// JSON: `{"kind": "rectification", "deadline": "2024-10-31"}`, `{"kind": "case_filed"}`,
/// `{"kind": "referral", "to": "department", "department": "health"}`,
/// `{"kind": "referral", "to": "public_security"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FollowUp {
    /// 责令改正 / 限期改正 (行政处罚法 Art. 28) by a deadline after the check.
    Rectification {
        /// The last day to correct.
        deadline: NaiveDate,
    },
    /// 立案 (a case is opened).
    CaseFiled {
        /// The filing date, if known (not before the check).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// 移送.
    Referral {
        /// To whom.
        to: ReferralTarget,
        /// The receiving department (only and always for `to: department`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        department: Option<DepartmentCode>,
    },
}

/// The finding for one item checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The item (one of the department's items in the visit).
    pub item_id: ItemId,
    /// The standard category ([`super::categories`]).
    pub category: FindingCategory,
    /// A public remark (published with the result), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// What follows (not published in the 公示 list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// An officer present who is not on the assigned team (or replaces a member), with the
/// reason recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerChange {
    /// The officer present.
    pub inspector: InspectorId,
    /// Holds a law-enforcement certificate.
    pub certified: bool,
    /// The team member they replace, if any (must be on the team).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<InspectorId>,
    /// Why (not empty), e.g. 回避, illness.
    pub reason: String,
}

/// One department's record of one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRecord {
    /// The enterprise visited.
    pub uscc: Uscc,
    /// The recording department.
    pub department: DepartmentCode,
    /// The day of the on-site check (inside the window).
    pub date: NaiveDate,
    /// The day the result was recorded in the enterprise's public information (not
    /// before `date`); the 20-working-day deadline is checked against it.
    pub recorded_on: NaiveDate,
    /// The officers present (members of the visit's team, or recorded in `changes`);
    /// at least two certified (行政处罚法 Art. 42).
    pub officers: Vec<InspectorId>,
    /// Officers present who are not on the team, each with a reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<OfficerChange>,
    /// One finding per item checked (at least one).
    pub findings: Vec<Finding>,
}

/// The accepted records of one task, sorted by `(uscc, department)`. Built only by
/// [`super::record_outcomes`], so every record in it passed the checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSet {
    /// The task.
    pub task_id: String,
    /// The check window.
    pub window: CheckWindow,
    /// The records.
    pub records: Vec<OutcomeRecord>,
}

fn default_min_certified() -> u32 {
    crate::teams::MIN_CERTIFIED_FLOOR
}

/// The input of [`super::record_outcomes`]: the draw result and team assignment the
/// records answer to, the window, the set accepted so far (if any) and the new records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeIntake {
    /// The current draw result (after substitutions): its visits are what was drawn.
    pub draw: DrawResult,
    /// The team assignment of those visits.
    pub teams: TeamAssignment,
    /// The check window.
    pub window: CheckWindow,
    /// Certified officers required at a visit (≥ 2, default 2).
    #[serde(default = "default_min_certified")]
    pub min_certified: u32,
    /// Records accepted earlier (an [`OutcomeSet`] of the same task and window).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<OutcomeSet>,
    /// The new records.
    pub records: Vec<OutcomeRecord>,
}
