//! The indicators a profile has and tag rules read: their names, types and windows.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// An indicator of the profile, by its stable JSON name.
///
/// Counted indicators take a window (the events dated in the `months` or `days` before
/// the profile's date, that date included; [`Indicator::default_window`] when a rule gives
/// none); `licence_expiring` takes a window forward (a licence whose last day falls in
/// the next `days`, default 90); the others are a state on the date.
///
/// ```
/// use shuangsuiji::profile::{Indicator, IndicatorType};
/// let i: Indicator = serde_json::from_str("\"sampling_failed\"").unwrap();
/// assert_eq!(i.value_type(), IndicatorType::Count);
/// assert!(i.windowed());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Indicator {
    /// Complaints and reports received (投诉举报), in the window.
    Complaints,
    /// Complaints found substantiated (属实), in the window.
    ComplaintsSubstantiated,
    /// Food samplings (抽样检验), in the window.
    Sampling,
    /// Failed samplings (不合格), in the window.
    SamplingFailed,
    /// Penalty decisions (行政处罚, without the 首违不罚/轻微不罚 ones), in the window.
    Penalties,
    /// Decisions not to punish (首违不罚/轻微不罚), in the window.
    PenaltiesWaived,
    /// Visits (from the check history or `check` events), in the window.
    Checks,
    /// Check outcomes with a finding (a result not in [`super::CLEAN_RESULTS`]), in the window.
    ChecksWithFindings,
    /// On the 经营异常名录 on the date.
    OnAbnormalList,
    /// On the 严重违法失信名单 on the date.
    OnSeriousViolationList,
    /// A licence in force whose last day falls in the window ahead (default 90 days).
    LicenceExpiring,
    /// Penalties still shown (publicity not ended) on the date
    /// ([`crate::enforcement::credit_repair::assess`]).
    PenaltiesShown,
    /// Penalties still shown whose credit repair (early stop) may be applied for now.
    CreditRepairEligible,
    /// Whole years since the `registered` event (unknown without one).
    YearsSinceEstablishment,
}

/// The type of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorType {
    /// A whole number ≥ 0 (compared with `<`, `<=`, `==`, `!=`, `>=`, `>`).
    Count,
    /// Yes or no (compared with `==`, `!=`).
    Flag,
}

/// A time window: months or days.
///
/// ```
/// let w: shuangsuiji::profile::Window = serde_json::from_str(r#"{"months": 12}"#).unwrap();
/// assert_eq!(w, shuangsuiji::profile::Window::Months(12));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    /// Calendar months (民法典 Art. 202: the corresponding day, clamped to month end).
    Months(u32),
    /// Days.
    Days(u32),
}

impl Window {
    /// Largest window in months (10 years).
    pub const MAX_MONTHS: u32 = 120;
    /// Largest window in days (10 years).
    pub const MAX_DAYS: u32 = 3660;

    /// Whether the window is inside 1 … [`Self::MAX_MONTHS`] / [`Self::MAX_DAYS`].
    #[must_use]
    pub const fn in_range(self) -> bool {
        match self {
            Self::Months(m) => m >= 1 && m <= Self::MAX_MONTHS,
            Self::Days(d) => d >= 1 && d <= Self::MAX_DAYS,
        }
    }

    /// The first day inside a window ending on `on`: events dated after `on` minus the
    /// window count.
    pub(crate) fn start(self, on: NaiveDate) -> NaiveDate {
        let back = match self {
            Self::Months(m) => on.checked_sub_months(Months::new(m)),
            Self::Days(d) => on.checked_sub_days(chrono::Days::new(u64::from(d))),
        };
        back.and_then(|d| d.succ_opt()).unwrap_or(NaiveDate::MIN)
    }

    /// The last day inside a window starting after `on` (forward windows).
    pub(crate) fn end(self, on: NaiveDate) -> NaiveDate {
        let fwd = match self {
            Self::Months(m) => on.checked_add_months(Months::new(m)),
            Self::Days(d) => on.checked_add_days(chrono::Days::new(u64::from(d))),
        };
        fwd.unwrap_or(NaiveDate::MAX)
    }
}

impl Indicator {
    /// Every indicator, in documentation order.
    pub const ALL: &'static [Self] = &[
        Self::Complaints,
        Self::ComplaintsSubstantiated,
        Self::Sampling,
        Self::SamplingFailed,
        Self::Penalties,
        Self::PenaltiesWaived,
        Self::Checks,
        Self::ChecksWithFindings,
        Self::OnAbnormalList,
        Self::OnSeriousViolationList,
        Self::LicenceExpiring,
        Self::PenaltiesShown,
        Self::CreditRepairEligible,
        Self::YearsSinceEstablishment,
    ];

    /// The stable name.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::profile::Indicator::OnAbnormalList.as_str(), "on_abnormal_list");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Complaints => "complaints",
            Self::ComplaintsSubstantiated => "complaints_substantiated",
            Self::Sampling => "sampling",
            Self::SamplingFailed => "sampling_failed",
            Self::Penalties => "penalties",
            Self::PenaltiesWaived => "penalties_waived",
            Self::Checks => "checks",
            Self::ChecksWithFindings => "checks_with_findings",
            Self::OnAbnormalList => "on_abnormal_list",
            Self::OnSeriousViolationList => "on_serious_violation_list",
            Self::LicenceExpiring => "licence_expiring",
            Self::PenaltiesShown => "penalties_shown",
            Self::CreditRepairEligible => "credit_repair_eligible",
            Self::YearsSinceEstablishment => "years_since_establishment",
        }
    }

    /// The indicator with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|i| i.as_str() == name)
    }

    /// The type of its value.
    #[must_use]
    pub const fn value_type(self) -> IndicatorType {
        match self {
            Self::OnAbnormalList | Self::OnSeriousViolationList | Self::LicenceExpiring => {
                IndicatorType::Flag
            }
            _ => IndicatorType::Count,
        }
    }

    /// Whether it takes a window.
    #[must_use]
    pub const fn windowed(self) -> bool {
        self.default_window().is_some()
    }

    /// The window used when a rule gives none (and shown in the profile's indicators).
    #[must_use]
    pub const fn default_window(self) -> Option<Window> {
        match self {
            Self::Complaints
            | Self::ComplaintsSubstantiated
            | Self::Checks
            | Self::ChecksWithFindings => Some(Window::Months(12)),
            Self::Sampling | Self::SamplingFailed | Self::Penalties | Self::PenaltiesWaived => {
                Some(Window::Months(24))
            }
            Self::LicenceExpiring => Some(Window::Days(90)),
            _ => None,
        }
    }
}

/// The value of an indicator: a count, a flag, or unknown (`null`; e.g. the years since
/// establishment without a `registered` event). A comparison with an unknown value is
/// false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A count.
    Count(u32),
    /// A flag.
    Flag(bool),
    /// Unknown.
    Unknown,
}

/// One indicator as read: its name, its window, its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The indicator.
    pub indicator: Indicator,
    /// The window it was read over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The value.
    pub value: Value,
}
