//! The input of the team assignment: visits, their department needs, the inspector
//! pool, the previous checks (for rotation) and the configuration.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::certified::MIN_CERTIFIED_FLOOR;
use crate::model::{DepartmentCode, Inspector, InspectorId, ItemId, Uscc};
use crate::{Error, Result, TeamCode};

/// The only algorithm id this module implements.
pub const ALGORITHM_V1: &str = "v1";

/// The seed of the joint task: the same 32-byte value the draw uses ([`crate::draw::Seed`]).
pub use crate::draw::Seed;

/// What one department must bring to one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentNeed {
    /// The department.
    pub department: DepartmentCode,
    /// The department's items checked in this visit; every member it sends must be
    /// qualified for all of them (see [`super::qualifies`]).
    #[serde(default)]
    pub items: BTreeSet<ItemId>,
    /// How many inspectors the department sends (≥ 1).
    pub size: u32,
}

/// One visit (one enterprise in the joint check) and the team it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitNeed {
    /// The enterprise.
    pub uscc: Uscc,
    /// Town (乡镇/街道) for the schedule hint; `None` = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The departments taking part, each with its items and team size.
    pub departments: Vec<DepartmentNeed>,
    /// The lead department (牵头部门); it must be one of `departments`.
    pub lead_department: DepartmentCode,
    /// Inspectors the enterprise asked to withdraw (申请回避), e.g. from
    /// `Enterprise::avoid_inspectors`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub avoid: BTreeSet<InspectorId>,
}

/// One earlier check: `inspector` inspected `uscc` at the enterprise's previous check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousCheck {
    /// The inspector.
    pub inspector: InspectorId,
    /// The enterprise.
    pub uscc: Uscc,
}

fn default_min_certified() -> u32 {
    MIN_CERTIFIED_FLOOR
}

fn yes() -> bool {
    true
}

fn default_visits_per_team_day() -> u32 {
    4
}

/// Configuration of the assignment.
///
/// ```
/// let c: shuangsuiji::teams::TeamConfig = serde_json::from_str("{}").unwrap();
/// assert_eq!(c.min_certified, 2);
/// assert!(c.rotation);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    /// Certified officers (持证执法人员) required on every team; at least 2
    /// (行政处罚法 Art. 42). A value below 2 is rejected, never lowered silently.
    #[serde(default = "default_min_certified")]
    pub min_certified: u32,
    /// Forbid an inspector on the enterprise they inspected at its previous check.
    #[serde(default = "yes")]
    pub rotation: bool,
    /// Visits per inspector in this task, in addition to each inspector's own
    /// `capacity` (the smaller applies); `None` = no extra cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_inspector: Option<u32>,
    /// Visits per inspector within one route of the schedule hint (one team-day);
    /// `None` = no cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_inspector_per_day: Option<u32>,
    /// Visits per route (team-day) in the schedule hint (≥ 1).
    #[serde(default = "default_visits_per_team_day")]
    pub visits_per_team_day: u32,
}

impl Default for TeamConfig {
    fn default() -> Self {
        Self {
            min_certified: MIN_CERTIFIED_FLOOR,
            rotation: true,
            max_per_inspector: None,
            max_per_inspector_per_day: None,
            visits_per_team_day: default_visits_per_team_day(),
        }
    }
}

/// Everything the assignment needs. The output depends on nothing else, and not on
/// the order of any list in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRequest {
    /// Algorithm id; only `"v1"`.
    pub algorithm: String,
    /// The task id (bytes hashed as UTF-8).
    pub task_id: String,
    /// The draw seed.
    pub seed: Seed,
    /// The visits.
    pub visits: Vec<VisitNeed>,
    /// The inspector pool (unique ids).
    pub inspectors: Vec<Inspector>,
    /// Earlier checks, for rotation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<PreviousCheck>,
    /// Configuration.
    #[serde(default)]
    pub config: TeamConfig,
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(TeamCode::TeamRequestInvalid, msg)
}

impl TeamRequest {
    /// Checks the request: algorithm, unique visits/inspectors/departments, sizes,
    /// lead department, team large enough for `min_certified`.
    ///
    /// # Errors
    /// `team_algorithm_unknown`, `team_request_invalid`, `team_size_invalid`.
    pub fn validate(&self) -> Result<()> {
        if self.algorithm != ALGORITHM_V1 {
            return Err(Error::new(
                TeamCode::TeamAlgorithmUnknown,
                format!(
                    "unknown team algorithm {:?}; this build knows \"v1\"",
                    self.algorithm
                ),
            )
            .with_field("algorithm")
            .with_value(&self.algorithm));
        }
        let c = &self.config;
        if c.min_certified < MIN_CERTIFIED_FLOOR {
            return Err(Error::new(
                TeamCode::TeamSizeInvalid,
                "执法人员不得少于两人（行政处罚法第四十二条）: min_certified may be raised, never lowered below 2",
            )
            .with_field("config.min_certified")
            .with_value(c.min_certified.to_string()));
        }
        if c.visits_per_team_day == 0 {
            return Err(invalid("visits_per_team_day must be at least 1")
                .with_field("config.visits_per_team_day")
                .with_value("0"));
        }
        let mut ids = BTreeSet::new();
        for (n, i) in self.inspectors.iter().enumerate() {
            if !ids.insert(&i.id) {
                return Err(
                    invalid(format!("inspector id {} appears twice", i.id.as_str()))
                        .with_field(format!("inspectors[{n}].id"))
                        .with_value(i.id.as_str()),
                );
            }
        }
        let mut usccs = BTreeMap::new();
        for (n, v) in self.visits.iter().enumerate() {
            if let Some(first) = usccs.insert(v.uscc, n) {
                return Err(invalid(format!("visit {} appears twice", v.uscc))
                    .with_field(format!("visits[{n}].uscc"))
                    .with_value(v.uscc.as_str())
                    .with_detail("first_index", first.to_string()));
            }
            self.validate_visit(v)
                .map_err(|e| e.within(&format!("visits[{n}]")))?;
        }
        Ok(())
    }

    fn validate_visit(&self, v: &VisitNeed) -> Result<()> {
        let mut depts = BTreeSet::new();
        let mut total: u64 = 0;
        for (k, d) in v.departments.iter().enumerate() {
            if !depts.insert(&d.department) {
                return Err(invalid(format!(
                    "department {} appears twice in visit {}",
                    d.department.as_str(),
                    v.uscc
                ))
                .with_field(format!("departments[{k}].department"))
                .with_value(d.department.as_str()));
            }
            if d.size == 0 {
                return Err(Error::new(
                    TeamCode::TeamSizeInvalid,
                    format!("department {} sends no inspector", d.department.as_str()),
                )
                .with_field(format!("departments[{k}].size"))
                .with_value("0"));
            }
            total += u64::from(d.size);
        }
        if !depts.contains(&v.lead_department) {
            return Err(invalid(format!(
                "lead department {} does not take part in visit {}",
                v.lead_department.as_str(),
                v.uscc
            ))
            .with_field("lead_department")
            .with_value(v.lead_department.as_str()));
        }
        if total < u64::from(self.config.min_certified) {
            return Err(Error::new(
                TeamCode::TeamSizeInvalid,
                format!(
                    "team of {total} cannot hold {} certified officers",
                    self.config.min_certified
                ),
            )
            .with_detail("enterprise", v.uscc.as_str())
            .with_detail("team_size", total.to_string())
            .with_detail("min_certified", self.config.min_certified.to_string()));
        }
        Ok(())
    }
}
