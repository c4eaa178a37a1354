//! The 公示 list: one public record per enterprise of the task, joining every
//! department's published results, with the publication deadline and its status.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::draw::DrawResult;
use crate::enforcement::{Calendar, Period, due_date};
use crate::model::{DepartmentCode, ItemId, Provenance, Uscc, Verification};
use crate::outcomes::{FindingCategory, OutcomeRecord, OutcomeSet};
use crate::verify::Bytes32;
use crate::{Error, OutcomeCode, Result};

/// Working days from the end of a check to the last day its result may be recorded
/// (企业公示信息抽查办法 Art. 12).
pub const PUBLICATION_WORKING_DAYS: u32 = 20;

/// Where a result stands on the 公示 list as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationStatus {
    /// Recorded by its deadline (按期公示).
    OnTime,
    /// Not recorded yet, deadline not passed (待公示).
    Pending,
    /// Recorded after its deadline (逾期公示).
    Late,
    /// Not recorded and the deadline has passed (逾期未公示).
    Overdue,
}

impl PublicationStatus {
    /// The Chinese label used in exports.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::disclosure::PublicationStatus::Overdue.label(), "逾期未公示");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::OnTime => "按期公示",
            Self::Pending => "待公示",
            Self::Late => "逾期公示",
            Self::Overdue => "逾期未公示",
        }
    }
}

/// One published finding: item, category and its public term, the public remark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicFinding {
    /// The item checked.
    pub item_id: ItemId,
    /// The category.
    pub category: FindingCategory,
    /// Its published term (检查结果).
    pub label: String,
    /// The public remark, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// One department's part of an enterprise's record. Officers, officer changes and
/// follow-ups (立案, 移送) are not public here: the 公示 shows who checked (the
/// department), when, and the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicResult {
    /// The department.
    pub department: DepartmentCode,
    /// The day of the check; absent while nothing is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The day the result was recorded; absent while nothing is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_on: Option<NaiveDate>,
    /// The last day to record it: 20 working days from the check (or, while nothing is
    /// recorded, from the window's last day, the latest the check can end).
    pub deadline: NaiveDate,
    /// Status as of the list's date.
    pub status: PublicationStatus,
    /// The findings (empty while nothing is recorded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<PublicFinding>,
}

/// One enterprise of the task, every department's result joined (归集到企业名下).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicRecord {
    /// The enterprise.
    pub uscc: Uscc,
    /// The last day of its check (latest recorded date, else the window's last day).
    pub check_end: NaiveDate,
    /// The latest of its departments' deadlines.
    pub deadline: NaiveDate,
    /// The worst of its departments' statuses (on time < pending < late < overdue).
    pub status: PublicationStatus,
    /// Per department of the visit, by code.
    pub results: Vec<PublicResult>,
}

/// The 公示 list of one task as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// The task.
    pub task_id: String,
    /// The date the statuses are computed for.
    pub as_of: NaiveDate,
    /// The hash of the committed outcome set ([`super::outcomes_hash`]).
    pub outcomes_hash: Bytes32,
    /// The deadline rule and its source.
    pub deadline_rule: Provenance,
    /// One record per visit of the draw, by USCC.
    pub records: Vec<PublicRecord>,
}

/// The source of the 20-working-day deadline.
#[must_use]
pub fn deadline_rule() -> Provenance {
    Provenance {
        document: "企业公示信息抽查办法（2014年工商总局令第67号公布，2025年总局令第101号修订）".into(),
        article: Some("第十二条（自检查结束之日起20个工作日内记录）; 第十五条（通过国家企业信用信息公示系统统一公示）".into()),
        verification: Verification::Verified,
        effective_from: NaiveDate::from_ymd_opt(2025, 3, 18),
        effective_to: None,
        note: Some("working days on the national calendar (enforcement::Calendar); counted from the day of each department's check".into()),
    }
}

pub(super) fn twenty_days(cal: &Calendar, from: NaiveDate) -> Result<NaiveDate> {
    due_date(cal, from, Period::working_days(PUBLICATION_WORKING_DAYS))
}

/// The status of one (visit, department) as of `as_of`, with its deadline; `record`
/// is the department's record if it was recorded by `as_of`.
pub(super) fn status_of(
    cal: &Calendar,
    record: Option<&OutcomeRecord>,
    last_day: NaiveDate,
    as_of: NaiveDate,
) -> Result<(NaiveDate, PublicationStatus)> {
    Ok(match record {
        Some(r) => {
            let due = twenty_days(cal, r.date)?;
            let s = if r.recorded_on <= due {
                PublicationStatus::OnTime
            } else {
                PublicationStatus::Late
            };
            (due, s)
        }
        None => {
            let due = twenty_days(cal, last_day)?;
            let s = if as_of <= due {
                PublicationStatus::Pending
            } else {
                PublicationStatus::Overdue
            };
            (due, s)
        }
    })
}

/// The records of `set` recorded by `as_of`, by (uscc, department).
pub(super) fn recorded_by(
    set: &OutcomeSet,
    as_of: NaiveDate,
) -> BTreeMap<(Uscc, &DepartmentCode), &OutcomeRecord> {
    set.records
        .iter()
        .filter(|r| r.recorded_on <= as_of)
        .map(|r| ((r.uscc, &r.department), r))
        .collect()
}

pub(super) fn check_task(draw: &DrawResult, set: &OutcomeSet) -> Result<()> {
    if draw.task_id.as_str() == set.task_id {
        Ok(())
    } else {
        Err(Error::new(
            OutcomeCode::OutcomeRecordInvalid,
            "the outcome set belongs to another task than the draw",
        )
        .with_field("task_id")
        .with_detail("expected", draw.task_id.as_str())
        .with_detail("actual", set.task_id.clone()))
    }
}

/// Builds the 公示 list of a task as of `as_of`: one record per visit of the draw
/// result (by USCC), each department of the visit with its result if it was recorded
/// by `as_of`, its deadline (20 working days, 企业公示信息抽查办法 Art. 12 \[V], on the
/// national working-day calendar) and its status. Only public fields: department,
/// date, item, result term and remark — no officers, no follow-ups.
///
/// # Errors
/// `outcome_record_invalid` if the set belongs to another task; `calendar_year_missing`
/// if a deadline falls in a year without calendar data; as [`super::outcomes_hash`].
///
/// ```
/// # use shuangsuiji::disclosure::{disclose, PublicationStatus};
/// # let draw: shuangsuiji::draw::DrawResult = shuangsuiji::draw::draw(serde_json::from_str(r#"{"algorithm": "v1",
/// #   "task_id": "T1", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
/// #   "mode": "fixed", "items": [{"item_id": "market.food_production", "department": "market",
/// #   "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
/// let set: shuangsuiji::outcomes::OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
///   "records": [{"uscc": "91350100M000100Y43", "department": "market", "date": "2026-03-10",
///     "recorded_on": "2026-04-20", "officers": ["A1", "A2"],
///     "findings": [{"item_id": "market.food_production", "category": "no_problem"}]}]})).unwrap();
/// let list = disclose(&draw, &set, "2026-05-06".parse().unwrap())?;
/// let r = &list.records[0];
/// assert_eq!(r.results[0].deadline.to_string(), "2026-04-08"); // 20 working days, 清明 off
/// assert_eq!(r.status, PublicationStatus::Late);
/// assert_eq!(r.results[0].findings[0].label, "未发现问题");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn disclose(draw: &DrawResult, set: &OutcomeSet, as_of: NaiveDate) -> Result<Disclosure> {
    check_task(draw, set)?;
    let cal = Calendar::national()?;
    let recorded = recorded_by(set, as_of);
    let mut records = Vec::with_capacity(draw.visits.len());
    for v in &draw.visits {
        let mut results = Vec::with_capacity(v.departments.len());
        for d in &v.departments {
            let r = recorded.get(&(v.uscc, d)).copied();
            let (deadline, status) = status_of(&cal, r, set.window.last_day, as_of)?;
            results.push(PublicResult {
                department: d.clone(),
                date: r.map(|r| r.date),
                recorded_on: r.map(|r| r.recorded_on),
                deadline,
                status,
                findings: r
                    .map(|r| {
                        r.findings
                            .iter()
                            .map(|f| PublicFinding {
                                item_id: f.item_id.clone(),
                                category: f.category,
                                label: f.category.label().to_owned(),
                                remark: f.remark.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        let check_end = results
            .iter()
            .filter_map(|r| r.date)
            .max()
            .unwrap_or(set.window.last_day);
        records.push(PublicRecord {
            uscc: v.uscc,
            check_end,
            deadline: results
                .iter()
                .map(|r| r.deadline)
                .max()
                .unwrap_or(check_end),
            status: results
                .iter()
                .map(|r| r.status)
                .max()
                .unwrap_or(PublicationStatus::Pending),
            results,
        });
    }
    records.sort_by_key(|r| r.uscc);
    Ok(Disclosure {
        task_id: set.task_id.clone(),
        as_of,
        outcomes_hash: super::outcomes_hash(set)?,
        deadline_rule: deadline_rule(),
        records,
    })
}
