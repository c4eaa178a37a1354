//! From a draw's visit list to a team request: which departments come to each visit,
//! how many inspectors each sends, who leads, and who made each enterprise's previous
//! check (for rotation).
//!
//! The county plan (§三(二)三): "抽查对象确定后，牵头部门及关联部门根据检查任务，随机抽取检查人员，
//! 成立联合检查组" — the lead department and the departments whose items are in a visit
//! form its joint team.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::request::{
    ALGORITHM_V1, DepartmentNeed, PreviousCheck, TeamConfig, TeamRequest, VisitNeed,
};
use crate::draw::DrawResult;
use crate::model::{CheckRecord, DepartmentCode, InspectorRoster, Roster};
use crate::{Error, ModelCode, Result};

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

/// How a joint task staffs its visits.
///
/// ```
/// let s: shuangsuiji::teams::Staffing =
///     serde_json::from_str(r#"{"lead_department": "market", "sizes": {"market": 2}}"#).unwrap();
/// assert_eq!(s.default_size, 1);
/// assert!(s.lead_joins_every_visit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    /// 牵头部门: its officer leads every team.
    pub lead_department: DepartmentCode,
    /// Inspectors each department sends to a visit; departments not listed send
    /// `default_size`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sizes: BTreeMap<DepartmentCode, u32>,
    /// Team size of a department not listed in `sizes`.
    #[serde(default = "one")]
    pub default_size: u32,
    /// The lead department joins every visit, also those without its own items (then
    /// with no item to check, as the organiser of the joint team). When `false`, a
    /// visit without the lead department's items is led by its first department in
    /// code order.
    #[serde(default = "yes")]
    pub lead_joins_every_visit: bool,
    /// Assignment configuration (certified minimum, rotation, caps, routes).
    #[serde(default)]
    pub config: TeamConfig,
}

/// Builds the team request for the visits of a draw.
///
/// Per visit: the departments of its items with their items and sizes, the lead
/// department (see [`Staffing::lead_joins_every_visit`]), the enterprise's town and its
/// withdrawal requests (`Enterprise::avoid_inspectors`). Rotation: the inspectors of the
/// enterprise's latest recorded visit (the latest date among history records that name
/// inspectors). The seed and task id are the draw's.
///
/// # Errors
/// `reference_unknown` if a visited enterprise is not on the roster.
///
/// ```
/// use shuangsuiji::draw::{draw, DrawInput};
/// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, InspectorRoster, Roster, Uscc};
/// use shuangsuiji::teams::{assign, team_request, Staffing};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "T1", "mode": "fixed",
///   "seed": "0000000000000000000000000000000000000000000000000000000000000000",
///   "items": [{"item_id": "market.food", "department": "market", "strata": [
///     {"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]
/// }"#).unwrap();
/// let result = draw(input)?;
/// let e = Enterprise::new(Uscc::parse("91350100M000100Y43")?, "示例",
///     DivisionCode::parse("150581")?, CreditClass::B);
/// let roster = Roster::new(vec![e])?;
/// let inspectors: InspectorRoster = serde_json::from_str(r#"[
///   {"id": "A1", "department": "market", "certified": true},
///   {"id": "A2", "department": "market", "certified": true}]"#).unwrap();
/// let staffing: Staffing = serde_json::from_str(r#"{"lead_department": "market", "sizes": {"market": 2}}"#).unwrap();
/// let req = team_request(&result, &roster, &inspectors, &[], &staffing)?;
/// assert_eq!(assign(&req)?.teams[0].members.len(), 2);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn team_request(
    result: &DrawResult,
    roster: &Roster,
    inspectors: &InspectorRoster,
    history: &[CheckRecord],
    staffing: &Staffing,
) -> Result<TeamRequest> {
    let size_of = |d: &DepartmentCode| *staffing.sizes.get(d).unwrap_or(&staffing.default_size);
    let mut visits = Vec::with_capacity(result.visits.len());
    for (n, v) in result.visits.iter().enumerate() {
        let enterprise = roster.get(&v.uscc).ok_or_else(|| {
            Error::new(
                ModelCode::ReferenceUnknown,
                format!("visited enterprise {} is not on the roster", v.uscc),
            )
            .with_field(format!("visits[{n}].uscc"))
            .with_value(v.uscc.as_str())
        })?;
        let mut by_dept: BTreeMap<DepartmentCode, BTreeSet<_>> = BTreeMap::new();
        for item in &v.items {
            by_dept
                .entry(item.department.clone())
                .or_default()
                .insert(item.item_id.clone());
        }
        if staffing.lead_joins_every_visit {
            by_dept.entry(staffing.lead_department.clone()).or_default();
        }
        let lead_department = if by_dept.contains_key(&staffing.lead_department) {
            staffing.lead_department.clone()
        } else {
            by_dept
                .keys()
                .next()
                .cloned()
                .unwrap_or_else(|| staffing.lead_department.clone())
        };
        visits.push(VisitNeed {
            uscc: v.uscc,
            town: enterprise.town.clone(),
            departments: by_dept
                .into_iter()
                .map(|(department, items)| DepartmentNeed {
                    size: size_of(&department),
                    department,
                    items,
                })
                .collect(),
            lead_department,
            avoid: enterprise.avoid_inspectors.clone(),
        });
    }
    Ok(TeamRequest {
        algorithm: ALGORITHM_V1.to_owned(),
        task_id: result.task_id.as_str().to_owned(),
        seed: result.seed,
        visits,
        inspectors: inspectors.inspectors().to_vec(),
        previous: previous_checks(result, history),
        config: staffing.config.clone(),
    })
}

/// The inspectors of each visited enterprise's latest recorded visit.
fn previous_checks(result: &DrawResult, history: &[CheckRecord]) -> Vec<PreviousCheck> {
    let visited: BTreeSet<_> = result.visits.iter().map(|v| v.uscc).collect();
    let mut latest: BTreeMap<_, (chrono::NaiveDate, BTreeSet<_>)> = BTreeMap::new();
    for r in history
        .iter()
        .filter(|r| !r.inspectors.is_empty() && visited.contains(&r.uscc))
    {
        let entry = latest
            .entry(r.uscc)
            .or_insert_with(|| (r.date, BTreeSet::new()));
        if r.date > entry.0 {
            *entry = (r.date, BTreeSet::new());
        }
        if r.date == entry.0 {
            entry.1.extend(r.inspectors.iter().cloned());
        }
    }
    latest
        .into_iter()
        .flat_map(|(uscc, (_, ids))| {
            ids.into_iter()
                .map(move |inspector| PreviousCheck { inspector, uscc })
        })
        .collect()
}
