//! Deadlines: computing a due date from a start date on a [`Calendar`].
//!
//! # Computation rules
//!
//! * 《民法典》 (in force 2021-01-01) Art. 201 \[V\]: 开始的当日不计入，自下一日开始计算.
//!   Art. 202 \[V\]: month and year periods end on the corresponding day of the last month,
//!   or its last day when there is no such day. Art. 203 \[V\]: a last day that is a
//!   法定休假日 moves to the day after the holiday ends.
//! * 《市场监督管理行政处罚程序规定》 (令2号 in force 2019-04-01, as amended by 令61 of
//!   2022-09-29) Art. 80 \[V, mirror\]: 期间开始的日不计算在内 … 期间届满的最后一日为
//!   法定节假日的，以法定节假日后的第一日为期间届满的日期. Art. 84: "内" includes the
//!   number itself, so the due date is the last permitted day.
//! * Working-day periods count working days of the [`Calendar`] after the start day;
//!   the due date is itself a working day and never moves.
//! * Calendar-day and month periods end on the computed day; if it is not a working
//!   day (weekend not listed as 上班, holiday, or 调休 rest day), the due date moves to
//!   the next working day. Reading weekends as 法定休假日 for this purpose is the usual
//!   administrative practice \[S\]; a make-up Saturday is a working day and does not move.
//!
//! Suspended time (检测、检验、检疫、鉴定、听证 …, 程序规定 Arts. 18 ¶2 and 64 ¶2) is not
//! modelled: add it to the start date or compute from the resumed date.
//!
//! Tested by `core/tests/all/enforcement_deadlines.rs` (vectors in `tests/vectors/deadlines/`).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use crate::model::{Provenance, Verification};
use crate::{EnforcementCode, Error, Result};

/// The unit of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Working days (工作日) of the calendar.
    WorkingDays,
    /// Calendar days (日), rolled forward off non-working days.
    Days,
    /// Months (月), 民法典 Art. 202, rolled forward off non-working days.
    Months,
}

/// A period: a count of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The unit.
    pub unit: PeriodUnit,
    /// How many units (≥ 1).
    pub count: u32,
}

impl Period {
    /// `count` working days.
    #[must_use]
    pub const fn working_days(count: u32) -> Self {
        Self {
            unit: PeriodUnit::WorkingDays,
            count,
        }
    }

    /// `count` calendar days.
    #[must_use]
    pub const fn days(count: u32) -> Self {
        Self {
            unit: PeriodUnit::Days,
            count,
        }
    }

    /// `count` months.
    #[must_use]
    pub const fn months(count: u32) -> Self {
        Self {
            unit: PeriodUnit::Months,
            count,
        }
    }
}

/// A deadline the library knows, with its period and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Publish a check result: 20 working days from the result (企业信息公示暂行条例 Art. 6;
    /// 食品生产经营监督检查管理办法 Art. 39).
    ResultPublication,
    /// Publish a penalty decision, same province: 20 working days (令45 Art. 9).
    PenaltyPublication,
    /// Cross-province: push to the registration-place AMR within 10 working days of the
    /// decision (令45 Art. 10).
    PenaltyPushCrossProvince,
    /// Cross-province: the registration-place AMR publishes within 10 working days of
    /// receipt (令45 Art. 10).
    PenaltyPublicationOnReceipt,
    /// Withdraw published penalty information within 3 working days of the change
    /// (令45 Art. 11).
    PublicationWithdrawal,
    /// Decide a normal-procedure case within 90 days of filing (行政处罚法 Art. 60;
    /// 程序规定 Art. 64 ¶1).
    Decision,
    /// The decision deadline with the head's 30-day extension (程序规定 Art. 64 ¶1):
    /// 120 days from filing.
    DecisionExtended,
    /// Verify a lead within 15 working days (程序规定 Art. 18).
    LeadVerification,
    /// The lead verification with the 15-working-day extension: 30 working days.
    LeadVerificationExtended,
    /// Decide a credit-repair application (penalty information or 严重违法失信名单) under
    /// 国市监信规〔2021〕3号: 15 working days \[S\].
    #[serde(rename = "credit_repair_processing_2021")]
    CreditRepairProcessing2021,
    /// The same under SAMR 令107 (from 2025-12-25): 7 working days \[S\].
    #[serde(rename = "credit_repair_processing_2025")]
    CreditRepairProcessing2025,
}

impl DeadlineKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [Self] = &[
        Self::ResultPublication,
        Self::PenaltyPublication,
        Self::PenaltyPushCrossProvince,
        Self::PenaltyPublicationOnReceipt,
        Self::PublicationWithdrawal,
        Self::Decision,
        Self::DecisionExtended,
        Self::LeadVerification,
        Self::LeadVerificationExtended,
        Self::CreditRepairProcessing2021,
        Self::CreditRepairProcessing2025,
    ];

    /// The canonical snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ResultPublication => "result_publication",
            Self::PenaltyPublication => "penalty_publication",
            Self::PenaltyPushCrossProvince => "penalty_push_cross_province",
            Self::PenaltyPublicationOnReceipt => "penalty_publication_on_receipt",
            Self::PublicationWithdrawal => "publication_withdrawal",
            Self::Decision => "decision",
            Self::DecisionExtended => "decision_extended",
            Self::LeadVerification => "lead_verification",
            Self::LeadVerificationExtended => "lead_verification_extended",
            Self::CreditRepairProcessing2021 => "credit_repair_processing_2021",
            Self::CreditRepairProcessing2025 => "credit_repair_processing_2025",
        }
    }

    /// Looks a kind up by its string.
    ///
    /// # Errors
    /// `deadline_unknown` when no kind has this name.
    ///
    /// ```
    /// use shuangsuiji::enforcement::DeadlineKind;
    /// assert_eq!(DeadlineKind::parse("decision")?, DeadlineKind::Decision);
    /// assert_eq!(DeadlineKind::parse("x").unwrap_err().code().as_str(), "deadline_unknown");
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Error::new(
                    EnforcementCode::DeadlineUnknown,
                    format!("unknown deadline kind {s:?}"),
                )
                .with_value(s)
            })
    }

    /// The period of this deadline.
    #[must_use]
    pub const fn period(self) -> Period {
        match self {
            Self::ResultPublication | Self::PenaltyPublication => Period::working_days(20),
            Self::PenaltyPushCrossProvince | Self::PenaltyPublicationOnReceipt => {
                Period::working_days(10)
            }
            Self::PublicationWithdrawal => Period::working_days(3),
            Self::Decision => Period::days(90),
            Self::DecisionExtended => Period::days(120),
            Self::LeadVerification => Period::working_days(15),
            Self::LeadVerificationExtended => Period::working_days(30),
            Self::CreditRepairProcessing2021 => Period::working_days(15),
            Self::CreditRepairProcessing2025 => Period::working_days(7),
        }
    }

    /// The source of this deadline.
    #[must_use]
    pub fn provenance(self) -> Provenance {
        let (document, article, from, note): (&str, &str, (i32, u32, u32), Option<&str>) =
            match self {
                Self::ResultPublication => (
                    "企业信息公示暂行条例（国务院令第654号）; 食品生产经营监督检查管理办法（总局令第49号）",
                    "第六条第二款; 第三十九条",
                    (2022, 3, 15),
                    Some("条例 in force 2014-10-01; 办法 in force 2022-03-15"),
                ),
                Self::PenaltyPublication => (
                    "市场监督管理行政处罚信息公示规定（总局令第45号）",
                    "第九条",
                    (2021, 9, 1),
                    None,
                ),
                Self::PenaltyPushCrossProvince | Self::PenaltyPublicationOnReceipt => (
                    "市场监督管理行政处罚信息公示规定（总局令第45号）",
                    "第十条",
                    (2021, 9, 1),
                    None,
                ),
                Self::PublicationWithdrawal => (
                    "市场监督管理行政处罚信息公示规定（总局令第45号）",
                    "第十一条",
                    (2021, 9, 1),
                    None,
                ),
                Self::Decision => (
                    "行政处罚法（2021修订）; 市场监督管理行政处罚程序规定（2022修正）",
                    "第六十条; 第六十四条第一款",
                    (2021, 7, 15),
                    Some(
                        "90 日 read as calendar days (usual reading [S]); 期间 per 程序规定 第八十条; suspended time (第六十四条第二款) not counted",
                    ),
                ),
                Self::DecisionExtended => (
                    "市场监督管理行政处罚程序规定（2022修正）",
                    "第六十四条第一款",
                    (2022, 9, 29),
                    Some(
                        "90 days + 30 days with the head's approval, counted as one 120-day period",
                    ),
                ),
                Self::LeadVerification | Self::LeadVerificationExtended => (
                    "市场监督管理行政处罚程序规定（2022修正）",
                    "第十八条",
                    (2022, 9, 29),
                    Some(
                        "15 working days, +15 with approval; testing time (第十八条第二款) not counted",
                    ),
                ),
                Self::CreditRepairProcessing2021 => {
                    return Provenance {
                        document: "市场监督管理信用修复管理办法（国市监信规〔2021〕3号）"
                            .to_owned(),
                        article: Some(
                            "processing time for penalty and 严重违法失信名单 repair".to_owned(),
                        ),
                        verification: Verification::Secondary,
                        effective_from: NaiveDate::from_ymd_opt(2021, 9, 1),
                        effective_to: NaiveDate::from_ymd_opt(2025, 12, 24),
                        note: Some(
                            "15 working days per SAMR's 2025 comparison; article text not seen"
                                .to_owned(),
                        ),
                    };
                }
                Self::CreditRepairProcessing2025 => {
                    return Provenance {
                        document: "市场监督管理信用修复管理办法（总局令第107号）".to_owned(),
                        article: Some("processing time (article number not seen)".to_owned()),
                        verification: Verification::Secondary,
                        effective_from: NaiveDate::from_ymd_opt(2025, 12, 25),
                        effective_to: None,
                        note: Some(
                            "cut from 15 to 7 working days (SAMR press conference 2025-12-02)"
                                .to_owned(),
                        ),
                    };
                }
            };
        Provenance {
            document: document.to_owned(),
            article: Some(article.to_owned()),
            verification: Verification::Verified,
            effective_from: NaiveDate::from_ymd_opt(from.0, from.1, from.2),
            effective_to: None,
            note: note.map(str::to_owned),
        }
    }
}

/// A computed deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// What the deadline is for.
    pub kind: DeadlineKind,
    /// The start day (not counted).
    pub start: NaiveDate,
    /// The period.
    pub period: Period,
    /// The last permitted day.
    pub due: NaiveDate,
    /// Where the period comes from.
    pub provenance: Provenance,
}

/// Longest period accepted (units), far beyond any statutory period.
pub const MAX_PERIOD_COUNT: u32 = 10_000;

/// The last permitted day of `period` starting on `start` (start day excluded).
///
/// # Errors
/// `calendar_year_missing` when a day to count or check lies in a year without data;
/// `facts_invalid` for a period of 0 or more than [`MAX_PERIOD_COUNT`] units.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::{due_date, Calendar, Period};
/// let cal = Calendar::national()?;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // 3 working days from Friday 2025-01-24: Sun 1-26 is a make-up day, then Mon, Tue-Wed off.
/// assert_eq!(due_date(&cal, d(2025, 1, 24), Period::working_days(3))?, d(2025, 2, 5));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn due_date(cal: &Calendar, start: NaiveDate, period: Period) -> Result<NaiveDate> {
    if period.count == 0 || period.count > MAX_PERIOD_COUNT {
        return Err(Error::new(
            EnforcementCode::FactsInvalid,
            format!("a period must be 1..={MAX_PERIOD_COUNT} units long"),
        )
        .with_field("count")
        .with_value(period.count.to_string()));
    }
    let raw = match period.unit {
        PeriodUnit::WorkingDays => {
            let mut d = start;
            for _ in 0..period.count {
                d = cal.next_working_day(d)?;
            }
            return Ok(d);
        }
        PeriodUnit::Days => start
            .checked_add_days(chrono::Days::new(u64::from(period.count)))
            .ok_or_else(|| out_of_range(start))?,
        PeriodUnit::Months => start
            .checked_add_months(Months::new(period.count))
            .ok_or_else(|| out_of_range(start))?,
    };
    roll_forward(cal, raw)
}

/// `date` if it is a working day, else the next working day (民法典 Art. 203;
/// 程序规定 Art. 80).
///
/// # Errors
/// `calendar_year_missing` when the search runs into a year without data.
pub fn roll_forward(cal: &Calendar, date: NaiveDate) -> Result<NaiveDate> {
    if cal.is_working_day(date)? {
        Ok(date)
    } else {
        cal.next_working_day(date)
    }
}

fn out_of_range(start: NaiveDate) -> Error {
    Error::new(EnforcementCode::CalendarYearMissing, "date out of range")
        .with_value(start.to_string())
}

/// Computes a known deadline from its start date.
///
/// # Errors
/// As [`due_date`].
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::{deadline, Calendar, DeadlineKind};
/// let cal = Calendar::national()?;
/// let d = deadline(&cal, DeadlineKind::PenaltyPublication, NaiveDate::from_ymd_opt(2024, 9, 20).unwrap())?;
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2024, 10, 23).unwrap()); // across 国庆
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn deadline(cal: &Calendar, kind: DeadlineKind, start: NaiveDate) -> Result<Deadline> {
    let period = kind.period();
    let due = due_date(cal, start, period)?;
    Ok(Deadline {
        kind,
        start,
        period,
        due,
        provenance: kind.provenance(),
    })
}
