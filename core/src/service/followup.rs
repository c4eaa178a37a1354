//! Follow-up after enforcement (事后跟踪, seed §三(三)三: 积极开展行政执法事后回访 …
//! 指导失信市场主体开展信用修复): a follow-up visit due some working days after a
//! 责令改正 deadline or a penalty decision, and for a penalty on the credit record its
//! credit-repair guidance from [`crate::enforcement::credit_repair`].
//!
//! The number of working days is a local preset ([`FollowUpPolicy`], default 10, marked
//! `local`): the county plan names the visit but no period.
//!
//! Tested by `core/tests/all/service_follow_ups.rs` and `tests/vectors/service/`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::table::Table;
use crate::enforcement::credit_repair::{
    self, PenaltyRecord, RepairAssessment, RepairFacts, RepairPolicy,
};
use crate::enforcement::{Calendar, Period, PeriodUnit, due_date};
use crate::model::{DepartmentCode, ItemId, Provenance, Uscc, Verification};
use crate::outcomes::{self, OutcomeSet};
use crate::{Error, Result, ServiceCode};

use super::demand::MAX_TIME_LIMIT;

/// When the follow-up visit is due: `after` working days after the deadline or the
/// decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpPolicy {
    /// Working days (1 … 366).
    pub after: Period,
    /// Where the number comes from.
    pub provenance: Provenance,
}

impl Default for FollowUpPolicy {
    /// 10 working days, a local preset: the county plan (§三(三)三) asks for 事后回访
    /// without a period.
    fn default() -> Self {
        Self {
            after: Period::working_days(10),
            provenance: Provenance {
                document: "县市场监管领域部门联合“双随机、一公开”监管实施方案（seed 000_ca634f52479c47e2）"
                    .into(),
                article: Some("三(三)三 加强事后跟踪服务".into()),
                verification: Verification::Local,
                effective_from: None,
                effective_to: None,
                note: Some("the plan names the follow-up visit but no period: 10 working days is a local preset".into()),
            },
        }
    }
}

/// A penalty decision to follow up, with what the credit-repair guidance needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyDecision {
    /// The enterprise.
    pub uscc: Uscc,
    /// The deciding department (it visits).
    pub department: DepartmentCode,
    /// The decision's number (文号).
    pub decision_no: String,
    /// The decision as the credit-repair module reads it (`decided_on`, publication …).
    pub record: PenaltyRecord,
    /// The enterprise's situation for the repair conditions.
    #[serde(default)]
    pub facts: RepairFacts,
}

/// The input of [`follow_ups`]. Absent fields: no outcomes, no penalties, the default
/// [`FollowUpPolicy`] and [`RepairPolicy`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRequest {
    /// Recorded outcomes: every 责令改正 follow-up is a source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<OutcomeSet>,
    /// Penalty decisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<PenaltyDecision>,
    /// The follow-up period.
    #[serde(default)]
    pub policy: FollowUpPolicy,
    /// The credit-repair presets.
    #[serde(default)]
    pub repair_policy: RepairPolicy,
}

/// What a follow-up visit follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FollowUpSource {
    /// A 责令改正 deadline of a finding.
    Rectification {
        /// The task.
        task_id: String,
        /// The item of the finding.
        item_id: ItemId,
        /// The deadline.
        deadline: NaiveDate,
    },
    /// A penalty decision.
    Penalty {
        /// The decision's number.
        decision_no: String,
        /// Its date.
        decided_on: NaiveDate,
    },
}

/// One follow-up visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The enterprise.
    pub uscc: Uscc,
    /// What it follows.
    pub source: FollowUpSource,
    /// The visit is due by this day.
    pub due: NaiveDate,
    /// `due` ≤ the as-of date.
    pub is_due: bool,
    /// For a penalty on the credit record (published, or the enterprise on a list): the
    /// repair guidance as of the date (regime, earliest application day, conditions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_repair: Option<RepairAssessment>,
}

/// One department's follow-ups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentFollowUps {
    /// The department that visits.
    pub department: DepartmentCode,
    /// Its visits, by due date then enterprise.
    pub follow_ups: Vec<FollowUp>,
}

/// The follow-up list as of a date, per department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpList {
    /// The date.
    pub as_of: NaiveDate,
    /// The period used and its source.
    pub policy: FollowUpPolicy,
    /// Per department, by department.
    pub departments: Vec<DepartmentFollowUps>,
}

fn invalid(field: &str, message: String) -> Error {
    Error::new(ServiceCode::FollowUpInvalid, message).with_field(field)
}

/// The follow-up list as of `as_of`: one visit per 责令改正 follow-up of the outcomes
/// and per penalty decided on or before `as_of`, due `policy.after` working days after
/// the deadline or the decision on `cal`.
///
/// # Errors
/// `follow_up_invalid` for a period that is not 1 … 366 working days or a decision
/// without a number; the credit-repair module's errors for a penalty record (field
/// `penalties[i].record…`); a calendar error when a due date leaves the calendar.
///
/// ```
/// use shuangsuiji::enforcement::Calendar;
/// use shuangsuiji::service::{FollowUpRequest, follow_ups};
/// let list = follow_ups(&FollowUpRequest::default(), "2026-03-12".parse().unwrap(),
///     &Calendar::national()?)?;
/// assert!(list.departments.is_empty());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn follow_ups(req: &FollowUpRequest, as_of: NaiveDate, cal: &Calendar) -> Result<FollowUpList> {
    let after = req.policy.after;
    if after.unit != PeriodUnit::WorkingDays || after.count == 0 || after.count > MAX_TIME_LIMIT {
        return Err(invalid(
            "policy.after",
            format!("the follow-up period is 1 … {MAX_TIME_LIMIT} working days"),
        ));
    }
    let mut per: BTreeMap<DepartmentCode, Vec<FollowUp>> = BTreeMap::new();
    if let Some(set) = &req.outcomes {
        for r in &set.records {
            for f in &r.findings {
                for fu in &f.follow_ups {
                    if let outcomes::FollowUp::Rectification { deadline } = fu {
                        let due = due_date(cal, *deadline, after)?;
                        per.entry(r.department.clone()).or_default().push(FollowUp {
                            uscc: r.uscc,
                            source: FollowUpSource::Rectification {
                                task_id: set.task_id.clone(),
                                item_id: f.item_id.clone(),
                                deadline: *deadline,
                            },
                            due,
                            is_due: due <= as_of,
                            credit_repair: None,
                        });
                    }
                }
            }
        }
    }
    for (i, p) in req.penalties.iter().enumerate() {
        if p.decision_no.trim().is_empty() {
            return Err(invalid(
                &format!("penalties[{i}].decision_no"),
                "a penalty decision has a number".into(),
            ));
        }
        let decided_on = p.record.decided_on;
        if decided_on > as_of {
            continue;
        }
        let assessment = credit_repair::assess(&p.record, &p.facts, &req.repair_policy, as_of)
            .map_err(|e| e.within(&format!("penalties[{i}].record")))?;
        let listed = assessment.published || p.facts.on_abnormal_list || p.facts.on_serious_list;
        let due = due_date(cal, decided_on, after)?;
        per.entry(p.department.clone()).or_default().push(FollowUp {
            uscc: p.uscc,
            source: FollowUpSource::Penalty {
                decision_no: p.decision_no.clone(),
                decided_on,
            },
            due,
            is_due: due <= as_of,
            credit_repair: listed.then_some(assessment),
        });
    }
    let departments = per
        .into_iter()
        .map(|(department, mut follow_ups)| {
            follow_ups.sort_by(|a, b| (a.due, &a.uscc).cmp(&(b.due, &b.uscc)));
            DepartmentFollowUps {
                department,
                follow_ups,
            }
        })
        .collect();
    Ok(FollowUpList {
        as_of,
        policy: req.policy.clone(),
        departments,
    })
}

/// The Chinese headers of [`follow_up_table`], in order.
pub const FOLLOW_UP_HEADERS: [&str; 8] = [
    "回访部门",
    "统一社会信用代码",
    "回访事由",
    "依据",
    "起算日期",
    "回访期限",
    "是否到期",
    "信用修复最早申请日",
];

/// The follow-up list as a table with Chinese headers ([`FOLLOW_UP_HEADERS`]), one row
/// per visit.
///
/// ```
/// use shuangsuiji::service::{FOLLOW_UP_HEADERS, follow_up_table};
/// # let list = shuangsuiji::service::follow_ups(&Default::default(),
/// #     "2026-03-12".parse().unwrap(), &shuangsuiji::enforcement::Calendar::national()?)?;
/// assert_eq!(follow_up_table(&list).headers.len(), FOLLOW_UP_HEADERS.len());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[must_use]
pub fn follow_up_table(list: &FollowUpList) -> Table {
    let mut rows = Vec::new();
    for d in &list.departments {
        for f in &d.follow_ups {
            let (why, basis, start) = match &f.source {
                FollowUpSource::Rectification {
                    item_id, deadline, ..
                } => ("责令改正期满", item_id.as_str().to_owned(), *deadline),
                FollowUpSource::Penalty {
                    decision_no,
                    decided_on,
                } => ("行政处罚决定", decision_no.clone(), *decided_on),
            };
            rows.push(vec![
                d.department.as_str().to_owned(),
                f.uscc.as_str().to_owned(),
                why.to_owned(),
                basis,
                start.to_string(),
                f.due.to_string(),
                if f.is_due { "是" } else { "否" }.to_owned(),
                f.credit_repair
                    .as_ref()
                    .and_then(|a| a.earliest_repair_application)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]);
        }
    }
    Table::new(&FOLLOW_UP_HEADERS, rows)
}
