//! What a work plan is asked for: the title, the lead department and its contact, the
//! check window and how many teams go out on one day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::DepartmentCode;
use crate::{Error, Result, TeamCode};

/// The most working days a check window may hold (about one working year).
pub const MAX_WORKING_DAYS: u32 = 250;

/// Who to call about the task (联系人): the lead department's contact.
///
/// ```
/// let c: shuangsuiji::workplan::Contact =
///     serde_json::from_str(r#"{"name": "王丽", "phone": "0475-2812345"}"#)?;
/// assert!(c.address.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 联系人.
    pub name: String,
    /// 联系电话.
    pub phone: String,
    /// 地址 (the office the routes start from), if it is to be printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The check window (检查时间): its first day and its length in working days.
///
/// ```
/// let w: shuangsuiji::workplan::WindowRequest =
///     serde_json::from_str(r#"{"start": "2024-09-09", "working_days": 10}"#)?;
/// assert_eq!(w.working_days, 10);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowRequest {
    /// First day of the checks; must be a working day.
    pub start: NaiveDate,
    /// Working days the window holds, the first day included (1 ..= 250).
    pub working_days: u32,
}

/// A request for a work plan (具体工作方案).
///
/// ```
/// let r: shuangsuiji::workplan::WorkPlanRequest = serde_json::from_str(r#"{
///   "title": "2024年食品生产企业“综合监管一件事”联合抽查",
///   "lead_department": "market",
///   "contact": {"name": "王丽", "phone": "0475-2812345"},
///   "window": {"start": "2024-09-09", "working_days": 10}
/// }"#)?;
/// assert!(r.teams_per_day.is_none() && r.issuer.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPlanRequest {
    /// The plan's title (方案名称), printed as its heading.
    pub title: String,
    /// The lead department (牵头部门): it initiates the task (谁牵头、谁发起) and
    /// issues the plan. It must take part in the task.
    pub lead_department: DepartmentCode,
    /// The issuing authority's full name for the signature line (落款), e.g.
    /// 霍林郭勒市市场监督管理局; the catalog's name of the lead department when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The date the plan is issued (成文日期), if it is to be printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<NaiveDate>,
    /// The lead department's contact.
    pub contact: Contact,
    /// The check window.
    pub window: WindowRequest,
    /// How many team-days (routes) run on one working day, at most (≥ 1); when absent
    /// the smallest number that fits the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams_per_day: Option<u32>,
}

pub(super) fn invalid(msg: impl Into<String>) -> Error {
    Error::new(TeamCode::WorkplanRequestInvalid, msg)
}

impl WorkPlanRequest {
    /// Checks the request on its own: texts present, 1 ..= [`MAX_WORKING_DAYS`]
    /// working days, at least one team per day.
    ///
    /// # Errors
    /// `text_empty` (field `title`, `contact.name`, `contact.phone`, `issuer`);
    /// `workplan_request_invalid` (field `window.working_days`, `teams_per_day`).
    ///
    /// ```
    /// let r: shuangsuiji::workplan::WorkPlanRequest = serde_json::from_str(r#"{
    ///   "title": "联合抽查", "lead_department": "market",
    ///   "contact": {"name": "王丽", "phone": ""},
    ///   "window": {"start": "2024-09-09", "working_days": 10}}"#).unwrap();
    /// let e = r.validate().unwrap_err();
    /// assert_eq!((e.code().as_str(), e.details().field.as_deref()), ("text_empty", Some("contact.phone")));
    /// ```
    pub fn validate(&self) -> Result<()> {
        use crate::model::text::required_text;
        required_text(&self.title, "title")?;
        if let Some(issuer) = &self.issuer {
            required_text(issuer, "issuer")?;
        }
        required_text(&self.contact.name, "contact.name")?;
        required_text(&self.contact.phone, "contact.phone")?;
        if let Some(address) = &self.contact.address {
            required_text(address, "contact.address")?;
        }
        let days = self.window.working_days;
        if days == 0 || days > MAX_WORKING_DAYS {
            return Err(invalid(format!(
                "a check window holds 1 to {MAX_WORKING_DAYS} working days, not {days}"
            ))
            .with_field("window.working_days")
            .with_value(days.to_string()));
        }
        if self.teams_per_day == Some(0) {
            return Err(invalid("at least one team goes out on a day")
                .with_field("teams_per_day")
                .with_value("0"));
        }
        Ok(())
    }
}
