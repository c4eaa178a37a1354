//! The work plan (具体工作方案) of one joint task: who leads, which departments take part
//! and what they check, when (the check window in working days) and where (the teams
//! and their routes, one team-day each).
//!
//! The county plan (§三(二)一): "每次开展「综合监管一件事」工作时，按照「谁牵头、谁发起」
//! 原则，制定具体工作方案，明确参与部门、检查内容、检查时间、检查路线等相关事项". One
//! plan document per task, issued by the lead department (牵头部门), built by
//! [`work_plan`] from what the task already has:
//!
//! * the draw result (the visits and their items — 进一次门、查多项事),
//! * the team assignment of those visits ([`crate::teams`]) — per visit, or one team per
//!   route ([`crate::teams::assign_by_route`], then each team-day has one team and names
//!   its lead),
//! * the day routes over the same visits ([`crate::routes`]: on the map, or the town
//!   grouping as fallback),
//! * the catalog, the roster and the inspector list (names: everything printed is in
//!   Chinese),
//! * a small [`WorkPlanRequest`]: title, lead department, contact, the window's first
//!   day and its length in working days, optionally how many teams go out a day.
//!
//! **The window** is counted on the working-day calendar ([`crate::enforcement::Calendar`]:
//! weekends, statutory holidays and 调休): its first day must be a working day, its last
//! day is the `working_days`-th working day. **Team-days get dates** in route order,
//! each on the earliest working day that has fewer than `teams_per_day` routes and none
//! of the route's inspectors (one person cannot walk two routes on one day). Without
//! `teams_per_day`, the smallest number that fits the window is used. Nothing is random:
//! the plan is a function of its inputs.
//!
//! Errors (family `team`): `workplan_request_invalid` (the request: zero or over 250
//! working days, zero teams per day, a window starting on a day off, a lead department
//! that takes no part), `workplan_inputs_mismatch` (the documents do not belong
//! together), `workplan_window_short` (the team-days do not fit); `text_empty` for an
//! empty title or contact; `calendar_year_missing` when the window runs into a year
//! without holiday data. Tested by `core/tests/workplan.rs` (vectors in
//! `tests/vectors/workplan/`) and the unit tests of `window.rs`.
//!
//! ```
//! use shuangsuiji::draw::{draw, DrawInput};
//! use shuangsuiji::enforcement::Calendar;
//! use shuangsuiji::model::{Catalog, InspectorRoster, Roster};
//! use shuangsuiji::teams::{assign, team_request, Staffing};
//! use shuangsuiji::workplan::{work_plan, WorkPlanInputs, WorkPlanRequest};
//!
//! let catalog = Catalog::from_json(r#"{"id": "demo", "version": "1",
//!   "departments": [{"code": "market", "name": "市场监督管理局"}],
//!   "items": [{"id": "market.food", "name": "食品生产监督检查", "department": "market",
//!     "kind": "key", "form": "joint",
//!     "provenance": {"document": "食品生产经营监督检查管理办法", "verification": "verified"}}]}"#)?;
//! let roster: Roster = serde_json::from_str(r#"[
//!   {"uscc": "91350100M000100Y43", "name": "示例食品有限公司", "division": "150581",
//!    "town": "沙尔呼热镇", "credit_class": "B", "status": "active"}]"#).unwrap();
//! let inspectors: InspectorRoster = serde_json::from_str(r#"[
//!   {"id": "A1", "name": "张三", "department": "market", "certified": true},
//!   {"id": "A2", "name": "李四", "department": "market", "certified": true}]"#).unwrap();
//! let result = draw(serde_json::from_str::<DrawInput>(r#"{
//!   "algorithm": "v1", "task_id": "T1", "mode": "fixed",
//!   "seed": "0000000000000000000000000000000000000000000000000000000000000000",
//!   "items": [{"item_id": "market.food", "department": "market", "strata": [
//!     {"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
//! let staffing: Staffing = serde_json::from_str(
//!     r#"{"lead_department": "market", "sizes": {"market": 2}}"#).unwrap();
//! let teams = assign(&team_request(&result, &roster, &inspectors, &[], &staffing)?)?;
//! let request: WorkPlanRequest = serde_json::from_str(r#"{
//!   "title": "2024年食品生产企业联合抽查", "lead_department": "market",
//!   "contact": {"name": "王丽", "phone": "0475-2812345"},
//!   "window": {"start": "2024-09-13", "working_days": 3}}"#).unwrap();
//! let inputs = WorkPlanInputs {
//!     catalog: &catalog, roster: &roster, inspectors: &inspectors,
//!     draw: &result, teams: &teams, routes: &teams.routes,
//! };
//! let plan = work_plan(&request, &inputs, &Calendar::national()?)?;
//! // Friday 13th, then the make-up Saturday of 中秋 (9-14), then Wednesday 18th.
//! assert_eq!(plan.window.days.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
//!            ["2024-09-13", "2024-09-14", "2024-09-18"]);
//! assert_eq!(plan.team_days[0].stops[0].name, "示例食品有限公司");
//! assert_eq!(plan.departments[0].name, "市场监督管理局");
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod inputs;
mod output;
mod request;
mod window;

pub use inputs::WorkPlanInputs;
pub use output::{
    CheckWindow, Lead, Participant, PlannedInspector, PlannedItem, PlannedStop, StopItem, TeamDay,
    Technical, WorkPlan,
};
pub use request::{Contact, MAX_WORKING_DAYS, WindowRequest, WorkPlanRequest};

use std::collections::{BTreeMap, BTreeSet};

use inputs::Checked;
use request::invalid;

use crate::Result;
use crate::enforcement::Calendar;
use crate::model::{DepartmentCode, InspectorId, ItemId};

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Builds the work plan of a task.
///
/// # Errors
/// In this order:
/// * `text_empty`, `workplan_request_invalid`: the request on its own
///   ([`WorkPlanRequest::validate`]);
/// * `workplan_inputs_mismatch`: the draw has no visit; the teams are another task's,
///   miss a visit or have one twice; a visit is on no route or on two, a route stop is
///   not a visit, two routes share an index or a route is empty; a visited enterprise,
///   an item, a participating department's name or a team member is missing from the
///   roster, catalog, catalog departments or inspector list (`field` names which,
///   `value` what);
/// * `workplan_request_invalid`: the lead department takes no part in the task; the
///   window starts on a day off;
/// * `calendar_year_missing`: the window runs into a year without holiday data;
/// * `workplan_window_short`: the team-days do not fit into the window (details:
///   `team_days`, `working_days`, `teams_per_day`, `route`).
///
/// See the [module documentation](self) for an example.
pub fn work_plan(
    request: &WorkPlanRequest,
    inputs: &WorkPlanInputs<'_>,
    calendar: &Calendar,
) -> Result<WorkPlan> {
    request.validate()?;
    let c = Checked::new(inputs)?;
    let lead = &request.lead_department;
    let lead_name = c.departments.get(lead).copied().ok_or_else(|| {
        invalid(format!(
            "the lead department {} takes no part in the task (no item and no team member)",
            lead.as_str()
        ))
        .with_field("lead_department")
        .with_value(lead.as_str())
    })?;
    let days = window::working_days(calendar, &request.window)?;
    let people: Vec<BTreeSet<&InspectorId>> = c
        .routes
        .iter()
        .map(|r| {
            r.visits
                .iter()
                .filter_map(|u| c.teams.get(u))
                .flat_map(|t| t.members.iter().map(|m| &m.inspector))
                .collect()
        })
        .collect();
    let labels: Vec<u32> = c.routes.iter().map(|r| r.index).collect();
    let (at, per_day) = window::schedule(&people, &labels, days.len(), request.teams_per_day)?;
    let mut order: Vec<usize> = (0..c.routes.len()).collect();
    order.sort_by_key(|&r| (at[r], r));
    let team_days = order
        .iter()
        .enumerate()
        .map(|(n, &r)| team_day(&c, r, u32_of(n + 1), days[at[r]], &people[r]))
        .collect();
    Ok(WorkPlan {
        title: request.title.trim().to_owned(),
        task_id: inputs.draw.task_id.as_str().to_owned(),
        lead: Lead {
            department: lead.clone(),
            name: lead_name.to_owned(),
            issuer: request
                .issuer
                .as_deref()
                .map_or_else(|| lead_name.to_owned(), |s| s.trim().to_owned()),
            contact: request.contact.clone(),
        },
        issued: request.issued,
        departments: participants(&c, lead),
        window: CheckWindow {
            first_day: days[0],
            last_day: days[days.len() - 1],
            working_days: u32_of(days.len()),
            days,
        },
        teams_per_day: per_day,
        visits: u32_of(c.visits.len()),
        inspectors: u32_of(c.inspectors.len()),
        team_days,
        technical: Technical {
            draw_algorithm: inputs.draw.algorithm,
            seed: inputs.draw.seed,
            team_algorithm: inputs.teams.algorithm.clone(),
            catalog_id: inputs.catalog.id.clone(),
            catalog_version: inputs.catalog.version.clone(),
            catalog_hash: inputs.catalog.content_hash()?,
        },
    })
}

/// The participating departments: the lead first, then by code.
fn participants(c: &Checked<'_>, lead: &DepartmentCode) -> Vec<Participant> {
    let mut items: BTreeMap<&DepartmentCode, BTreeMap<&ItemId, u32>> = BTreeMap::new();
    let mut visits: BTreeMap<&DepartmentCode, u32> = BTreeMap::new();
    let mut people: BTreeMap<&DepartmentCode, BTreeSet<&InspectorId>> = BTreeMap::new();
    for (u, v) in &c.visits {
        let mut here: BTreeSet<&DepartmentCode> = v.departments.iter().collect();
        for it in &v.items {
            *items
                .entry(&it.department)
                .or_default()
                .entry(&it.item_id)
                .or_default() += 1;
        }
        for m in c
            .teams
            .get(u)
            .map(|t| t.members.as_slice())
            .unwrap_or_default()
        {
            here.insert(&m.department);
            people
                .entry(&m.department)
                .or_default()
                .insert(&m.inspector);
        }
        for d in here {
            *visits.entry(d).or_default() += 1;
        }
    }
    let mut out: Vec<Participant> = c
        .departments
        .iter()
        .map(|(d, name)| Participant {
            department: (*d).clone(),
            name: (*name).to_owned(),
            lead: *d == lead,
            items: items
                .get(d)
                .into_iter()
                .flatten()
                .map(|(id, n)| {
                    let item = c.items.get(id);
                    PlannedItem {
                        item_id: (*id).clone(),
                        name: item.map(|i| i.name.clone()).unwrap_or_default(),
                        content: item.map(|i| i.content.clone()).unwrap_or_default(),
                        visits: *n,
                    }
                })
                .collect(),
            visits: visits.get(d).copied().unwrap_or(0),
            inspectors: u32_of(people.get(d).map_or(0, BTreeSet::len)),
        })
        .collect();
    out.sort_by_key(|p| !p.lead);
    out
}

fn team_day(
    c: &Checked<'_>,
    r: usize,
    number: u32,
    date: chrono::NaiveDate,
    people: &BTreeSet<&InspectorId>,
) -> TeamDay {
    let route = c.routes[r];
    let mut inspectors: Vec<PlannedInspector> = people
        .iter()
        .filter_map(|id| c.inspectors.get(id))
        .map(|i| PlannedInspector {
            inspector: i.id.clone(),
            name: i.name.clone(),
            department: i.department.clone(),
            certified: i.certified,
        })
        .collect();
    inspectors.sort_by(|a, b| (&a.department, &a.inspector).cmp(&(&b.department, &b.inspector)));
    let stops = route
        .visits
        .iter()
        .enumerate()
        .filter_map(|(k, u)| {
            let (v, t) = (c.visits.get(u)?, c.teams.get(u)?);
            let e = c.enterprises.get(u)?;
            Some(PlannedStop {
                order: u32_of(k + 1),
                uscc: *u,
                name: e.name.clone(),
                town: e.town.clone(),
                items: v
                    .items
                    .iter()
                    .map(|it| StopItem {
                        item_id: it.item_id.clone(),
                        name: c
                            .items
                            .get(&it.item_id)
                            .map(|i| i.name.clone())
                            .unwrap_or_default(),
                        department: it.department.clone(),
                    })
                    .collect(),
                lead: t.lead.clone(),
                members: t.members.iter().map(|m| m.inspector.clone()).collect(),
            })
        })
        .collect();
    // With teams per route every stop carries the route's team (checked on input).
    let lead = (c.per_route)
        .then(|| route.visits.first().and_then(|u| c.teams.get(u)))
        .flatten()
        .map(|t| t.lead.clone());
    TeamDay {
        number,
        date,
        route: route.index,
        town: route.town.clone(),
        lead,
        inspectors,
        stops,
    }
}
