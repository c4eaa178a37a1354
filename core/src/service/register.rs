//! The demand book (all demands folded from a stream, all or nothing) and the
//! register as of a date: overdue demands, each responsible department's on-time
//! count, the lead departments' review list, and the register as a table with
//! Chinese headers.
//!
//! Tested by `core/tests/all/service_demands.rs` and `tests/vectors/service/`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::demand::{Demand, DemandEvent, DemandStatus, apply, open};
use super::table::Table;
use crate::Result;
use crate::enforcement::Calendar;
use crate::model::{DepartmentCode, Uscc};

/// Every demand of a stream, by id. Changed only by [`DemandBook::apply`], which applies
/// a stream whole or not at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemandBook {
    /// The demands, by id.
    pub demands: BTreeMap<String, Demand>,
}

impl DemandBook {
    /// Applies `events` in order. On the first refused event the book is unchanged and
    /// the error names the event's index (field `events[i]…`).
    ///
    /// # Errors
    /// The `service` codes of [`DemandEvent`]'s transitions (`demand_unknown`,
    /// `demand_duplicate`, `demand_transition_invalid`, `demand_closed`,
    /// `demand_reply_missing`, `demand_time_limit_invalid`, `demand_date_invalid`,
    /// `demand_field_invalid`); a calendar error when a due date leaves the calendar.
    ///
    /// ```
    /// use shuangsuiji::enforcement::Calendar;
    /// use shuangsuiji::service::{DemandBook, DemandEvent};
    /// let events: Vec<DemandEvent> = serde_json::from_str(r#"[
    ///   {"kind": "recorded", "demand_id": "D1", "date": "2026-03-03", "uscc": "91350100M000100Y43",
    ///    "task_id": "T1", "department": "market", "lead_department": "market",
    ///    "category": "政策咨询", "text": "技改补贴怎么申请"},
    ///   {"kind": "closed", "demand_id": "D1", "date": "2026-03-04"}
    /// ]"#).unwrap();
    /// let mut book = DemandBook::default();
    /// let err = book.apply(&events, &Calendar::national()?).unwrap_err();
    /// assert_eq!(err.code().as_str(), "demand_reply_missing");
    /// assert!(book.demands.is_empty()); // nothing half-applied
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn apply(&mut self, events: &[DemandEvent], cal: &Calendar) -> Result<()> {
        let mut next = self.demands.clone();
        for (i, event) in events.iter().enumerate() {
            let step = match next.get_mut(event.demand_id()) {
                Some(d) => {
                    let mut copy = d.clone();
                    apply(&mut copy, event, cal).map(|()| *d = copy)
                }
                None => open(event).map(|d| {
                    next.insert(d.demand_id.clone(), d);
                }),
            };
            step.map_err(|e| e.within(&format!("events[{i}]")))?;
        }
        self.demands = next;
        Ok(())
    }

    /// The book of `events`, all or nothing.
    ///
    /// # Errors
    /// As [`DemandBook::apply`].
    ///
    /// ```
    /// # use shuangsuiji::{enforcement::Calendar, service::DemandBook};
    /// let book = DemandBook::from_events(&[], &Calendar::national()?)?;
    /// assert!(book.demands.is_empty());
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn from_events(events: &[DemandEvent], cal: &Calendar) -> Result<Self> {
        let mut book = Self::default();
        book.apply(events, cal)?;
        Ok(book)
    }
}

/// A demand past its due date without a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdueDemand {
    /// The demand.
    pub demand_id: String,
    /// The enterprise.
    pub uscc: Uscc,
    /// The responsible department.
    pub responsible: DepartmentCode,
    /// The due date it missed.
    pub due: NaiveDate,
}

/// A responsible department's transferred demands as of the date: replied by the due
/// date, replied late or still unanswered after it, and not yet due. The on-time rate
/// is `on_time / (on_time + late)` (integers; no rate when both are 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentRate {
    /// The responsible department (of each demand's current transfer).
    pub department: DepartmentCode,
    /// Replied on or before the due date.
    pub on_time: u32,
    /// Replied after it, or unanswered and past it.
    pub late: u32,
    /// Unanswered, not yet due.
    pub pending: u32,
}

/// Why the lead department looks at a demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewReason {
    /// Past its due date without a reply.
    Overdue,
    /// Recorded and neither answered nor transferred.
    Unassigned,
    /// With a unit, a consultation or a higher level, not yet due.
    InProgress,
    /// Replied (or answered on site), to be closed and archived.
    ToClose,
}

/// One line of a lead department's review list (every demand not closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewLine {
    /// The lead department.
    pub lead_department: DepartmentCode,
    /// The demand.
    pub demand_id: String,
    /// The enterprise.
    pub uscc: Uscc,
    /// Where it stands.
    pub status: DemandStatus,
    /// Why it is on the list.
    pub reason: ReviewReason,
}

/// The demand register as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemandRegister {
    /// The date.
    pub as_of: NaiveDate,
    /// Every demand recorded on or before the date, folded from its events up to the
    /// date, by id.
    pub demands: Vec<Demand>,
    /// Overdue demands, by due date then id.
    pub overdue: Vec<OverdueDemand>,
    /// Per responsible department, by department.
    pub departments: Vec<DepartmentRate>,
    /// The lead departments' review list, by lead department, reason, id.
    pub review: Vec<ReviewLine>,
}

/// The register of `events` as of `as_of`: the whole stream is checked first (all or
/// nothing), then each demand is folded from its events dated on or before `as_of`.
///
/// # Errors
/// As [`DemandBook::apply`].
///
/// ```
/// use shuangsuiji::enforcement::Calendar;
/// use shuangsuiji::service::{DemandEvent, demand_register};
/// let events: Vec<DemandEvent> = serde_json::from_str(r#"[
///   {"kind": "recorded", "demand_id": "D1", "date": "2026-03-03", "uscc": "91350100M000100Y43",
///    "task_id": "T1", "department": "market", "lead_department": "market",
///    "category": "要素保障", "text": "厂区道路照明"},
///   {"kind": "transferred", "demand_id": "D1", "date": "2026-03-04", "to": "housing",
///    "time_limit": {"unit": "working_days", "count": 5}}
/// ]"#).unwrap();
/// let reg = demand_register(&events, "2026-03-12".parse().unwrap(), &Calendar::national()?)?;
/// assert_eq!(reg.overdue[0].due.to_string(), "2026-03-11");
/// assert_eq!(reg.departments[0].late, 1);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn demand_register(
    events: &[DemandEvent],
    as_of: NaiveDate,
    cal: &Calendar,
) -> Result<DemandRegister> {
    DemandBook::from_events(events, cal)?;
    let upto: Vec<DemandEvent> = events
        .iter()
        .filter(|e| e.date() <= as_of)
        .cloned()
        .collect();
    let book = DemandBook::from_events(&upto, cal)?;
    let demands: Vec<Demand> = book.demands.into_values().collect();
    let mut overdue = Vec::new();
    let mut rates: BTreeMap<DepartmentCode, DepartmentRate> = BTreeMap::new();
    let mut review = Vec::new();
    for d in &demands {
        let late = d.overdue_on(as_of);
        if let Some(t) = d.transfers.last() {
            let rate = rates.entry(t.to.clone()).or_insert_with(|| DepartmentRate {
                department: t.to.clone(),
                on_time: 0,
                late: 0,
                pending: 0,
            });
            match d.first_reply() {
                Some(r) if r <= t.due => rate.on_time += 1,
                Some(_) => rate.late += 1,
                None if late => rate.late += 1,
                None => rate.pending += 1,
            }
            if late {
                overdue.push(OverdueDemand {
                    demand_id: d.demand_id.clone(),
                    uscc: d.uscc,
                    responsible: t.to.clone(),
                    due: t.due,
                });
            }
        }
        let reason = match d.status {
            DemandStatus::Closed => None,
            _ if late => Some(ReviewReason::Overdue),
            DemandStatus::Recorded => Some(ReviewReason::Unassigned),
            DemandStatus::AnsweredOnSite | DemandStatus::Replied => Some(ReviewReason::ToClose),
            _ => Some(ReviewReason::InProgress),
        };
        if let Some(reason) = reason {
            review.push(ReviewLine {
                lead_department: d.lead_department.clone(),
                demand_id: d.demand_id.clone(),
                uscc: d.uscc,
                status: d.status,
                reason,
            });
        }
    }
    overdue.sort_by(|a, b| (a.due, &a.demand_id).cmp(&(b.due, &b.demand_id)));
    review.sort_by(|a, b| {
        (&a.lead_department, a.reason, &a.demand_id).cmp(&(
            &b.lead_department,
            b.reason,
            &b.demand_id,
        ))
    });
    Ok(DemandRegister {
        as_of,
        demands,
        overdue,
        departments: rates.into_values().collect(),
        review,
    })
}

/// The Chinese headers of [`demand_table`], in order.
pub const DEMAND_HEADERS: [&str; 16] = [
    "诉求编号",
    "统一社会信用代码",
    "任务编号",
    "登记部门",
    "牵头部门",
    "诉求类别",
    "诉求内容",
    "登记日期",
    "办理状态",
    "责任单位",
    "办理时限（工作日）",
    "答复期限",
    "答复日期",
    "答复方式",
    "办结日期",
    "企业评价",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The register's demands as a table with Chinese headers ([`DEMAND_HEADERS`]), one
/// row per demand, dates as `YYYY-MM-DD`, empty cells for what did not happen; the
/// bindings build their data frames from it.
///
/// ```
/// use shuangsuiji::service::{DEMAND_HEADERS, DemandRegister, demand_table};
/// let reg = DemandRegister { as_of: "2026-03-12".parse().unwrap(), demands: vec![],
///     overdue: vec![], departments: vec![], review: vec![] };
/// let t = demand_table(&reg);
/// assert_eq!(t.headers, DEMAND_HEADERS.map(String::from).to_vec());
/// assert!(t.rows.is_empty());
/// ```
#[must_use]
pub fn demand_table(register: &DemandRegister) -> Table {
    let rows = register
        .demands
        .iter()
        .map(|d| {
            let t = d.transfers.last();
            let first = d.replies.first();
            vec![
                d.demand_id.clone(),
                d.uscc.as_str().to_owned(),
                d.task_id.clone(),
                d.department.as_str().to_owned(),
                d.lead_department.as_str().to_owned(),
                d.category.clone(),
                d.text.clone(),
                d.recorded_on.to_string(),
                if d.overdue_on(register.as_of) {
                    format!("{}（超期）", d.status.label())
                } else {
                    d.status.label().to_owned()
                },
                opt(t.map(|t| t.to.as_str())),
                opt(t.map(|t| t.time_limit.count)),
                opt(t.map(|t| t.due)),
                opt(first.map(|r| r.date)),
                opt(first.map(|r| r.channel.label())),
                opt(d.closed_on),
                opt(d.rating),
            ]
        })
        .collect();
    Table::new(&DEMAND_HEADERS, rows)
}
