//! Rule: who may be sent to which visit — qualification, withdrawal (回避), rotation,
//! availability.
//!
//! * 回避: 《行政处罚法》(effective 2021-07-15) Art. 43 — officers with a direct
//!   interest or another relationship that may affect impartiality must withdraw; the
//!   party may request it [V]; 《食品生产经营监督检查管理办法》 Art. 23 [V]. An
//!   inspector is excluded from a visit when their declared `conflicts` contain the
//!   enterprise (`conflict`) or the enterprise's `avoid` list names them
//!   (`enterprise_avoid`).
//! * Rotation (no inspector on the same enterprise as at its previous check) is a
//!   local practice [S] (county plan §三(二)); on by default, configurable.
//! * Qualification: an inspector whose `qualifications` is empty is qualified for every
//!   item of their department. Otherwise they are qualified for item `x` iff one entry
//!   `q` of `qualifications` satisfies: `q == x`, or `q == "*"`, or `q` ends in `".*"`
//!   and `x` starts with `q` without its final `*` (so `market.food.*` covers
//!   `market.food.production` but not `market.food`). Comparison is on ASCII bytes.

use serde::{Deserialize, Serialize};

use crate::model::{Inspector, ItemId};

/// Why an inspector is (or is not) on a visit's team for one department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CandidateStatus {
    /// Assigned to the team.
    Assigned,
    /// Eligible, but the minimum-cost assignment chose others (smaller ranks) and the
    /// inspector still had capacity left.
    NotChosen,
    /// Eligible, but all of the inspector's capacity went to other visits.
    CapacityExhausted,
    /// Not qualified for every item of the department in this visit.
    NotQualified,
    /// The inspector declared a conflict with this enterprise (回避).
    Conflict,
    /// The enterprise asked for this inspector's withdrawal (申请回避).
    EnterpriseAvoid,
    /// The inspector inspected this enterprise at its previous check (rotation).
    Rotation,
    /// The inspector is not active for this task.
    Inactive,
    /// The inspector belongs to another department.
    OtherDepartment,
    /// The inspector's capacity for this task is 0.
    NoCapacity,
}

impl CandidateStatus {
    /// The stable snake_case code.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::teams::CandidateStatus::EnterpriseAvoid.as_str(), "enterprise_avoid");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Assigned => "assigned",
            Self::NotChosen => "not_chosen",
            Self::CapacityExhausted => "capacity_exhausted",
            Self::NotQualified => "not_qualified",
            Self::Conflict => "conflict",
            Self::EnterpriseAvoid => "enterprise_avoid",
            Self::Rotation => "rotation",
            Self::Inactive => "inactive",
            Self::OtherDepartment => "other_department",
            Self::NoCapacity => "no_capacity",
        }
    }
}

/// Whether `inspector` is qualified for `item` (see the module docs for the rule).
///
/// ```
/// use shuangsuiji::model::{Inspector, ItemId};
/// use shuangsuiji::teams::qualifies;
/// let i: Inspector = serde_json::from_str(r#"{"id":"A1","department":"market",
///     "certified":true,"qualifications":["market.food.*"]}"#).unwrap();
/// assert!(qualifies(&i, &ItemId::parse("market.food.production").unwrap()));
/// assert!(!qualifies(&i, &ItemId::parse("market.food").unwrap()));
/// ```
#[must_use]
pub fn qualifies(inspector: &Inspector, item: &ItemId) -> bool {
    if inspector.qualifications.is_empty() {
        return true;
    }
    let x = item.as_str();
    inspector.qualifications.iter().any(|q| {
        q == x
            || q == "*"
            || (q.ends_with(".*") && x.len() >= q.len() && x.starts_with(&q[..q.len() - 1]))
    })
}
