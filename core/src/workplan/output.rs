//! The work plan (具体工作方案) as one JSON document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::request::Contact;
use crate::draw::{AlgorithmVersion, Seed};
use crate::model::{DepartmentCode, InspectorId, ItemId, Uscc};

/// The lead department (牵头部门) and who to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    /// The department.
    pub department: DepartmentCode,
    /// Its name in the catalog, e.g. 市场监督管理局.
    pub name: String,
    /// The issuing authority's full name (落款).
    pub issuer: String,
    /// The contact.
    pub contact: Contact,
}

/// One item of a participating department, with how many visits check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedItem {
    /// The item.
    pub item_id: ItemId,
    /// Its name in the catalog (抽查事项名称).
    pub name: String,
    /// 检查内容 from the catalog (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
    /// Visits that check it.
    pub visits: u32,
}

/// A participating department (参与部门) and what it checks (检查内容).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The department.
    pub department: DepartmentCode,
    /// Its name in the catalog.
    pub name: String,
    /// Whether it is the lead department.
    pub lead: bool,
    /// Its items in this task, by item id; empty for a lead department that only
    /// organises the joint teams.
    pub items: Vec<PlannedItem>,
    /// Visits it takes part in (with items, or as the lead department on the team).
    pub visits: u32,
    /// Its distinct inspectors on the teams.
    pub inspectors: u32,
}

/// The check window (检查时间).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckWindow {
    /// First day.
    pub first_day: NaiveDate,
    /// Last day: the last working day of the window.
    pub last_day: NaiveDate,
    /// Working days in the window.
    pub working_days: u32,
    /// The working days themselves, in order (make-up working days included, days
    /// off left out).
    pub days: Vec<NaiveDate>,
}

/// An inspector on a team-day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedInspector {
    /// The inspector.
    pub inspector: InspectorId,
    /// Their name, when the inspector list gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their department.
    pub department: DepartmentCode,
    /// Holds a law-enforcement certificate.
    pub certified: bool,
}

/// One item checked at a stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StopItem {
    /// The item.
    pub item_id: ItemId,
    /// Its name.
    pub name: String,
    /// Its department.
    pub department: DepartmentCode,
}

/// One stop of a team-day: an enterprise, its items and its team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedStop {
    /// Position in the day's route, from 1.
    pub order: u32,
    /// The enterprise.
    pub uscc: Uscc,
    /// Its name on the roster.
    pub name: String,
    /// Its town (乡镇/街道), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The items checked there (进一次门、查多项事), by item id.
    pub items: Vec<StopItem>,
    /// The team's lead (组长).
    pub lead: InspectorId,
    /// The team, in the team assignment's order (by department, then ticket).
    pub members: Vec<InspectorId>,
}

/// One team-day (检查路线): a date, the route in visiting order and its inspectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamDay {
    /// Team-day number, from 1, in (date, route) order (第N组).
    pub number: u32,
    /// The date.
    pub date: NaiveDate,
    /// The route's index in the routes given.
    pub route: u32,
    /// The route's town, when the routes are the town grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The team's lead (组长) when one team walks the whole route (teams per route,
    /// algorithm `v1-route`); `None` with per-visit teams (then each stop names its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<InspectorId>,
    /// Every inspector of the day, by department then id.
    pub inspectors: Vec<PlannedInspector>,
    /// The stops in visiting order.
    pub stops: Vec<PlannedStop>,
}

/// The codes and hashes that tie the plan to its draw (printed only in a small
/// technical section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technical {
    /// The draw's algorithm.
    pub draw_algorithm: AlgorithmVersion,
    /// The draw's seed.
    pub seed: Seed,
    /// The team assignment's algorithm.
    pub team_algorithm: String,
    /// The catalog's id.
    pub catalog_id: String,
    /// The catalog's version.
    pub catalog_version: String,
    /// The catalog's content hash.
    pub catalog_hash: String,
}

/// The work plan of one task (具体工作方案, county plan §三(二)一: 参与部门、检查内容、
/// 检查时间、检查路线).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPlan {
    /// The title.
    pub title: String,
    /// The task id (the draw's).
    pub task_id: String,
    /// The lead department.
    pub lead: Lead,
    /// The date of issue, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<NaiveDate>,
    /// The participating departments: the lead first, then by code.
    pub departments: Vec<Participant>,
    /// The check window.
    pub window: CheckWindow,
    /// At most this many team-days on one date.
    pub teams_per_day: u32,
    /// Visits (enterprises) in the task.
    pub visits: u32,
    /// Distinct inspectors on the teams.
    pub inspectors: u32,
    /// The team-days, by date then route.
    pub team_days: Vec<TeamDay>,
    /// Codes and hashes.
    pub technical: Technical,
}
