//! Demands (企业诉求) as an event stream: the events, the folded [`Demand`] and the
//! transition rules. Pure: dates are in the events, time limits are counted on the
//! [`Calendar`] given.
//!
//! Transitions (seed §三(三)一; `docs/service.md` has the diagram):
//!
//! | event \ status      | recorded | answered_on_site | transferred | in_consultation | escalated | replied | closed |
//! |---------------------|----------|------------------|-------------|-----------------|-----------|---------|--------|
//! | `answered_on_site`  | ✓        |                  |             |                 |           |         | closed |
//! | `transferred`       | ✓        |                  | ✓           | ✓               | ✓         |         | closed |
//! | `consulted`         | ✓        |                  | ✓           | ✓               | ✓         |         | closed |
//! | `escalated`         | ✓        |                  | ✓           | ✓               | ✓         |         | closed |
//! | `replied`           | ✓        | ✓                | ✓           | ✓               | ✓         | ✓       | closed |
//! | `closed`            | no reply | ✓                | no reply    | no reply        | no reply  | ✓       | closed |
//! | `rated` (once)      | no reply | ✓                | no reply    | no reply        | no reply  | ✓       | ✓      |
//!
//! An empty cell is `demand_transition_invalid`, "closed" is `demand_closed`, "no
//! reply" is `demand_reply_missing` (事事有回音: a demand closes only after a reply; an
//! on-site answer is a reply).
//!
//! Tested by `core/tests/all/service_demands.rs` and `tests/vectors/service/`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::enforcement::{Calendar, MAX_PERIOD_COUNT, Period, PeriodUnit, due_date};
use crate::model::{DepartmentCode, Uscc};
use crate::{Error, Result, ServiceCode};

/// How a reply reached the enterprise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyChannel {
    /// At a visit, in person (当场).
    OnSite,
    /// By telephone.
    Phone,
    /// In writing (书面答复).
    Written,
    /// Online (platform, message).
    Online,
}

impl ReplyChannel {
    /// The Chinese label used in the register's table.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::OnSite => "当场",
            Self::Phone => "电话",
            Self::Written => "书面",
            Self::Online => "网上",
        }
    }
}

/// One event of a demand's life. JSON: `{"kind": "recorded", "demand_id": "D1", …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DemandEvent {
    /// The demand is recorded, at a visit or later (发放企业服务卡，了解企业诉求).
    Recorded {
        /// The demand's id (unique in the stream).
        demand_id: String,
        /// The day it was recorded.
        date: NaiveDate,
        /// The enterprise.
        uscc: Uscc,
        /// The task of the visit.
        task_id: String,
        /// The department that recorded it.
        department: DepartmentCode,
        /// The task's lead department (牵头部门), which archives and reviews it.
        lead_department: DepartmentCode,
        /// A category (e.g. 政策咨询, 审批服务, 要素保障).
        category: String,
        /// What the enterprise asks.
        text: String,
    },
    /// Answered on site by the people present (当场解答), recorded by the answering
    /// department and archived with the lead department. Counts as the reply.
    AnsweredOnSite {
        /// The demand.
        demand_id: String,
        /// The day.
        date: NaiveDate,
        /// The answering department.
        department: DepartmentCode,
        /// The answer.
        answer: String,
    },
    /// Transferred by the lead department to a responsible unit with a time limit in
    /// working days (转交责任单位办理并限时反馈).
    Transferred {
        /// The demand.
        demand_id: String,
        /// The day of the transfer (not counted, 民法典 Art. 201).
        date: NaiveDate,
        /// The responsible unit.
        to: DepartmentCode,
        /// The time limit: `{"unit": "working_days", "count": n}`, 1 ≤ n ≤ 366.
        time_limit: Period,
    },
    /// A joint consultation (联合会商) of several departments with agreed measures.
    Consulted {
        /// The demand.
        demand_id: String,
        /// The day of the consultation.
        date: NaiveDate,
        /// The departments taking part (at least two).
        departments: Vec<DepartmentCode>,
        /// The measures agreed.
        measures: String,
    },
    /// Put to a higher level (提请上级领导研究).
    Escalated {
        /// The demand.
        demand_id: String,
        /// The day.
        date: NaiveDate,
        /// To whom.
        to: String,
        /// Why.
        reason: String,
    },
    /// A reply given to the enterprise (回音).
    Replied {
        /// The demand.
        demand_id: String,
        /// The day.
        date: NaiveDate,
        /// What was replied.
        content: String,
        /// How.
        channel: ReplyChannel,
    },
    /// Closed (办结) — only after a reply.
    Closed {
        /// The demand.
        demand_id: String,
        /// The day.
        date: NaiveDate,
    },
    /// The enterprise's rating of the handling, 1 (poor) … 5 (very satisfied); once,
    /// after a reply.
    Rated {
        /// The demand.
        demand_id: String,
        /// The day.
        date: NaiveDate,
        /// 1 … 5.
        rating: u8,
    },
}

impl DemandEvent {
    /// The demand the event belongs to.
    #[must_use]
    pub fn demand_id(&self) -> &str {
        match self {
            Self::Recorded { demand_id, .. }
            | Self::AnsweredOnSite { demand_id, .. }
            | Self::Transferred { demand_id, .. }
            | Self::Consulted { demand_id, .. }
            | Self::Escalated { demand_id, .. }
            | Self::Replied { demand_id, .. }
            | Self::Closed { demand_id, .. }
            | Self::Rated { demand_id, .. } => demand_id,
        }
    }

    /// The day of the event.
    #[must_use]
    pub const fn date(&self) -> NaiveDate {
        match self {
            Self::Recorded { date, .. }
            | Self::AnsweredOnSite { date, .. }
            | Self::Transferred { date, .. }
            | Self::Consulted { date, .. }
            | Self::Escalated { date, .. }
            | Self::Replied { date, .. }
            | Self::Closed { date, .. }
            | Self::Rated { date, .. } => *date,
        }
    }

    /// The event's kind as written in JSON.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Recorded { .. } => "recorded",
            Self::AnsweredOnSite { .. } => "answered_on_site",
            Self::Transferred { .. } => "transferred",
            Self::Consulted { .. } => "consulted",
            Self::Escalated { .. } => "escalated",
            Self::Replied { .. } => "replied",
            Self::Closed { .. } => "closed",
            Self::Rated { .. } => "rated",
        }
    }
}

/// Where a demand stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DemandStatus {
    /// Recorded, nothing done yet.
    Recorded,
    /// Answered on site (a reply).
    AnsweredOnSite,
    /// With a responsible unit, under a time limit.
    Transferred,
    /// In a joint consultation.
    InConsultation,
    /// With a higher level.
    Escalated,
    /// A reply was given.
    Replied,
    /// Closed.
    Closed,
}

impl DemandStatus {
    /// The snake_case name, as in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Recorded => "recorded",
            Self::AnsweredOnSite => "answered_on_site",
            Self::Transferred => "transferred",
            Self::InConsultation => "in_consultation",
            Self::Escalated => "escalated",
            Self::Replied => "replied",
            Self::Closed => "closed",
        }
    }

    /// The Chinese label used in the register's table.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Recorded => "已登记",
            Self::AnsweredOnSite => "当场解答",
            Self::Transferred => "已转办",
            Self::InConsultation => "联合会商",
            Self::Escalated => "已提请上级",
            Self::Replied => "已答复",
            Self::Closed => "已办结",
        }
    }
}

/// A transfer with its due date on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The day of the transfer.
    pub date: NaiveDate,
    /// The responsible unit.
    pub to: DepartmentCode,
    /// The time limit.
    pub time_limit: Period,
    /// The last day for the reply (`time_limit` working days after `date`).
    pub due: NaiveDate,
}

/// A joint consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The day.
    pub date: NaiveDate,
    /// The departments.
    pub departments: Vec<DepartmentCode>,
    /// The measures agreed.
    pub measures: String,
}

/// An escalation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// The day.
    pub date: NaiveDate,
    /// To whom.
    pub to: String,
    /// Why.
    pub reason: String,
}

/// A reply (an on-site answer is recorded as a reply with channel `on_site`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// The day.
    pub date: NaiveDate,
    /// What was replied.
    pub content: String,
    /// How.
    pub channel: ReplyChannel,
    /// The answering department, for an on-site answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentCode>,
}

/// One demand folded from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// The id.
    pub demand_id: String,
    /// The enterprise.
    pub uscc: Uscc,
    /// The task.
    pub task_id: String,
    /// The recording department.
    pub department: DepartmentCode,
    /// The lead department.
    pub lead_department: DepartmentCode,
    /// The category.
    pub category: String,
    /// The text.
    pub text: String,
    /// The day it was recorded.
    pub recorded_on: NaiveDate,
    /// Where it stands.
    pub status: DemandStatus,
    /// The day of its latest event.
    pub updated_on: NaiveDate,
    /// Transfers, in order (the last one is current).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// Joint consultations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    /// Escalations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalations: Vec<Escalation>,
    /// Replies, in order (an on-site answer first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// The day it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    /// The enterprise's rating, 1 … 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

impl Demand {
    /// The current transfer's due date, if the demand was transferred.
    #[must_use]
    pub fn due(&self) -> Option<NaiveDate> {
        self.transfers.last().map(|t| t.due)
    }

    /// The day of the first reply, if any.
    #[must_use]
    pub fn first_reply(&self) -> Option<NaiveDate> {
        self.replies.first().map(|r| r.date)
    }

    /// Transferred, not answered and past its due date on `as_of`.
    #[must_use]
    pub fn overdue_on(&self, as_of: NaiveDate) -> bool {
        self.replies.is_empty() && self.due().is_some_and(|due| due < as_of)
    }
}

fn refuse(code: ServiceCode, event: &DemandEvent, message: String) -> Error {
    Error::new(code, message)
        .with_detail("demand_id", event.demand_id())
        .with_detail("event", event.kind())
}

fn not_empty(event: &DemandEvent, field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(refuse(
            ServiceCode::DemandFieldInvalid,
            event,
            format!("{} must not be empty", field),
        )
        .with_field(field));
    }
    Ok(())
}

/// The largest time limit accepted, working days (one year's worth and a margin).
pub const MAX_TIME_LIMIT: u32 = 366;
const _: () = assert!(MAX_TIME_LIMIT <= MAX_PERIOD_COUNT);

fn check_time_limit(event: &DemandEvent, limit: Period) -> Result<()> {
    if limit.unit != PeriodUnit::WorkingDays || limit.count == 0 || limit.count > MAX_TIME_LIMIT {
        return Err(refuse(
            ServiceCode::DemandTimeLimitInvalid,
            event,
            format!(
                "a time limit is a count of working days, 1 … {MAX_TIME_LIMIT} (got {} {:?})",
                limit.count, limit.unit
            ),
        )
        .with_field("time_limit"));
    }

    Ok(())
}

/// A new demand from its `recorded` event.
pub(super) fn open(event: &DemandEvent) -> Result<Demand> {
    let DemandEvent::Recorded {
        demand_id,
        date,
        uscc,
        task_id,
        department,
        lead_department,
        category,
        text,
    } = event
    else {
        return Err(refuse(
            ServiceCode::DemandUnknown,
            event,
            format!(
                "no demand {:?} was recorded before this event",
                event.demand_id()
            ),
        )
        .with_field("demand_id"));
    };
    not_empty(event, "demand_id", demand_id)?;
    not_empty(event, "task_id", task_id)?;
    not_empty(event, "category", category)?;
    not_empty(event, "text", text)?;
    Ok(Demand {
        demand_id: demand_id.clone(),
        uscc: *uscc,
        task_id: task_id.clone(),
        department: department.clone(),
        lead_department: lead_department.clone(),
        category: category.clone(),
        text: text.clone(),
        recorded_on: *date,
        status: DemandStatus::Recorded,
        updated_on: *date,
        transfers: Vec::new(),
        consultations: Vec::new(),
        escalations: Vec::new(),
        replies: Vec::new(),
        closed_on: None,
        rating: None,
    })
}

/// Applies one later event to `d` (which is left unchanged on error).
pub(super) fn apply(d: &mut Demand, event: &DemandEvent, cal: &Calendar) -> Result<()> {
    use DemandStatus as S;
    if event.date() < d.updated_on {
        return Err(refuse(
            ServiceCode::DemandDateInvalid,
            event,
            format!(
                "dated {} before the demand's previous event ({})",
                event.date(),
                d.updated_on
            ),
        )
        .with_field("date"));
    }
    let replied = !d.replies.is_empty();
    let state = d.status;
    let invalid = || {
        refuse(
            ServiceCode::DemandTransitionInvalid,
            event,
            format!(
                "{} is not allowed when the demand is {}",
                event.kind(),
                state.as_str()
            ),
        )
        .with_detail("state", state.as_str())
    };
    if state == S::Closed && !matches!(event, DemandEvent::Rated { .. }) {
        return Err(refuse(
            ServiceCode::DemandClosed,
            event,
            format!("demand {:?} is closed", d.demand_id),
        ));
    }
    let handling = matches!(
        state,
        S::Recorded | S::Transferred | S::InConsultation | S::Escalated
    );
    match event {
        DemandEvent::Recorded { .. } => {
            return Err(refuse(
                ServiceCode::DemandDuplicate,
                event,
                format!("demand {:?} is already recorded", d.demand_id),
            )
            .with_field("demand_id"));
        }
        DemandEvent::AnsweredOnSite {
            department,
            answer,
            date,
            ..
        } => {
            if state != S::Recorded {
                return Err(invalid());
            }
            not_empty(event, "answer", answer)?;
            d.replies.push(Reply {
                date: *date,
                content: answer.clone(),
                channel: ReplyChannel::OnSite,
                department: Some(department.clone()),
            });
            d.status = S::AnsweredOnSite;
        }
        DemandEvent::Transferred {
            date,
            to,
            time_limit,
            ..
        } => {
            if !handling {
                return Err(invalid());
            }
            check_time_limit(event, *time_limit)?;
            let due = due_date(cal, *date, *time_limit)?;
            d.transfers.push(Transfer {
                date: *date,
                to: to.clone(),
                time_limit: *time_limit,
                due,
            });
            d.status = S::Transferred;
        }
        DemandEvent::Consulted {
            date,
            departments,
            measures,
            ..
        } => {
            if !handling {
                return Err(invalid());
            }
            let distinct: std::collections::BTreeSet<_> = departments.iter().collect();
            if distinct.len() < 2 || distinct.len() != departments.len() {
                return Err(refuse(
                    ServiceCode::DemandFieldInvalid,
                    event,
                    "a joint consultation has at least two distinct departments".into(),
                )
                .with_field("departments"));
            }
            not_empty(event, "measures", measures)?;
            d.consultations.push(Consultation {
                date: *date,
                departments: departments.clone(),
                measures: measures.clone(),
            });
            d.status = S::InConsultation;
        }
        DemandEvent::Escalated {
            date, to, reason, ..
        } => {
            if !handling {
                return Err(invalid());
            }
            not_empty(event, "to", to)?;
            not_empty(event, "reason", reason)?;
            d.escalations.push(Escalation {
                date: *date,
                to: to.clone(),
                reason: reason.clone(),
            });
            d.status = S::Escalated;
        }
        DemandEvent::Replied {
            date,
            content,
            channel,
            ..
        } => {
            not_empty(event, "content", content)?;
            d.replies.push(Reply {
                date: *date,
                content: content.clone(),
                channel: *channel,
                department: None,
            });
            d.status = S::Replied;
        }
        DemandEvent::Closed { date, .. } => {
            if !replied {
                return Err(reply_missing(event));
            }
            d.closed_on = Some(*date);
            d.status = S::Closed;
        }
        DemandEvent::Rated { rating, .. } => {
            if !replied {
                return Err(reply_missing(event));
            }
            if d.rating.is_some() {
                return Err(invalid());
            }
            if !(1..=5).contains(rating) {
                return Err(refuse(
                    ServiceCode::DemandFieldInvalid,
                    event,
                    format!("a rating is 1 … 5 (got {rating})"),
                )
                .with_field("rating")
                .with_value(rating.to_string()));
            }
            d.rating = Some(*rating);
        }
    }
    d.updated_on = event.date();
    Ok(())
}

fn reply_missing(event: &DemandEvent) -> Error {
    refuse(
        ServiceCode::DemandReplyMissing,
        event,
        format!(
            "{} before any reply: every demand gets an answer first (事事有回音)",
            event.kind()
        ),
    )
}
