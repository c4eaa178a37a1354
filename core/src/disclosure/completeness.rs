//! The completeness check anyone can run: every drawn visit has a published result
//! from each of its departments, or a logged substitution, by its deadline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::list::{PublicationStatus, check_task, recorded_by, status_of};
use crate::Result;
use crate::draw::{DrawResult, SubstitutionReason};
use crate::enforcement::Calendar;
use crate::model::{DepartmentCode, ItemId, Uscc};
use crate::outcomes::OutcomeSet;

/// One department's part of the task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentCompleteness {
    /// The department.
    pub department: DepartmentCode,
    /// Visits it takes part in.
    pub expected: u64,
    /// Results recorded by their deadline.
    pub on_time: u64,
    /// Recorded after the deadline (逾期公示), by USCC.
    pub late: Vec<Uscc>,
    /// Not recorded, deadline passed (逾期未公示), by USCC.
    pub overdue: Vec<Uscc>,
    /// Not recorded yet, deadline not passed (待公示), by USCC.
    pub pending: Vec<Uscc>,
}

/// A drawn enterprise that was replaced, as the draw result records it (the visit it
/// would have had is covered by the substitution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubstitutionLine {
    /// The item.
    pub item_id: ItemId,
    /// The enterprise replaced.
    pub replaced: Uscc,
    /// Its substitute.
    pub substitute: Uscc,
    /// Why.
    pub reason: SubstitutionReason,
}

/// The completeness of a task's publication as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completeness {
    /// The task.
    pub task_id: String,
    /// The date.
    pub as_of: NaiveDate,
    /// Every expected result was recorded by its deadline.
    pub complete: bool,
    /// Per department, by code.
    pub departments: Vec<DepartmentCompleteness>,
    /// Drawn enterprises replaced by a logged substitution.
    pub substitutions: Vec<SubstitutionLine>,
}

/// Checks, as of `as_of`, that every visit of the draw result has a result from each
/// of its departments recorded by its deadline (20 working days, 企业公示信息抽查办法
/// Art. 12 \[V]); drawn enterprises that were replaced are listed with their logged
/// substitution instead. What is missing or late is listed per department.
///
/// # Errors
/// `outcome_record_invalid` if the set belongs to another task; `calendar_year_missing`.
///
/// ```
/// # use shuangsuiji::disclosure::completeness;
/// # let draw: shuangsuiji::draw::DrawResult = shuangsuiji::draw::draw(serde_json::from_str(r#"{"algorithm": "v1",
/// #   "task_id": "T1", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
/// #   "mode": "fixed", "items": [{"item_id": "market.food_production", "department": "market",
/// #   "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
/// let empty: shuangsuiji::outcomes::OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"}, "records": []})).unwrap();
/// let c = completeness(&draw, &empty, "2026-05-06".parse().unwrap())?;
/// assert!(!c.complete);
/// assert_eq!(c.departments[0].overdue[0].as_str(), "91350100M000100Y43");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn completeness(draw: &DrawResult, set: &OutcomeSet, as_of: NaiveDate) -> Result<Completeness> {
    check_task(draw, set)?;
    let cal = Calendar::national()?;
    let recorded = recorded_by(set, as_of);
    let mut departments: Vec<DepartmentCompleteness> = Vec::new();
    for v in &draw.visits {
        for d in &v.departments {
            let r = recorded.get(&(v.uscc, d)).copied();
            let (_, status) = status_of(&cal, r, set.window.last_day, as_of)?;
            let i = match departments.binary_search_by(|x| x.department.cmp(d)) {
                Ok(i) => i,
                Err(i) => {
                    departments.insert(
                        i,
                        DepartmentCompleteness {
                            department: d.clone(),
                            expected: 0,
                            on_time: 0,
                            late: Vec::new(),
                            overdue: Vec::new(),
                            pending: Vec::new(),
                        },
                    );
                    i
                }
            };
            let line = &mut departments[i];
            line.expected += 1;
            match status {
                PublicationStatus::OnTime => line.on_time += 1,
                PublicationStatus::Late => line.late.push(v.uscc),
                PublicationStatus::Overdue => line.overdue.push(v.uscc),
                PublicationStatus::Pending => line.pending.push(v.uscc),
            }
        }
    }
    for d in &mut departments {
        d.late.sort_unstable();
        d.overdue.sort_unstable();
        d.pending.sort_unstable();
    }
    Ok(Completeness {
        task_id: set.task_id.clone(),
        as_of,
        complete: departments.iter().all(|d| d.on_time == d.expected),
        departments,
        substitutions: draw
            .substitutions
            .iter()
            .map(|s| SubstitutionLine {
                item_id: s.item_id.clone(),
                replaced: s.replaced,
                substitute: s.substitute,
                reason: s.reason,
            })
            .collect(),
    })
}
