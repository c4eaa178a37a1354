//! The documents a work plan is built from, checked to belong together and indexed.

use std::collections::{BTreeMap, BTreeSet};

use crate::draw::{DrawResult, Visit};
use crate::model::{
    Catalog, DepartmentCode, Enterprise, Inspector, InspectorId, InspectorRoster, ItemId, Roster,
    SupervisionItem, Uscc,
};
use crate::teams::{ALGORITHM_V1_ROUTE, Route, Team, TeamAssignment};
use crate::{Error, Result, TeamCode};

/// The documents a work plan is built from: the catalog (item and department names),
/// the roster (enterprise names and towns), the inspector list (names), the draw
/// result (visits and their items), the team assignment of its visits, and the day
/// routes over the same visits — from [`crate::routes::plan_routes`]
/// ([`crate::routes::RoutePlan::team_routes`]), [`crate::routes::routes_or_towns`], or
/// the team assignment's own town grouping (`teams.routes`).
#[derive(Debug, Clone, Copy)]
pub struct WorkPlanInputs<'a> {
    /// The item catalog; its `departments` must name every participating department.
    pub catalog: &'a Catalog,
    /// The enterprise roster.
    pub roster: &'a Roster,
    /// The inspector list.
    pub inspectors: &'a InspectorRoster,
    /// The draw result.
    pub draw: &'a DrawResult,
    /// The team assignment of the draw's visits.
    pub teams: &'a TeamAssignment,
    /// The day routes over the draw's visits (each visit on exactly one route).
    pub routes: &'a [Route],
}

fn mismatch(field: impl Into<String>, msg: impl Into<String>, value: impl AsRef<str>) -> Error {
    Error::new(TeamCode::WorkplanInputsMismatch, msg)
        .with_field(field)
        .with_value(value)
}

/// The checked inputs, indexed.
pub(super) struct Checked<'a> {
    pub visits: BTreeMap<Uscc, &'a Visit>,
    pub teams: BTreeMap<Uscc, &'a Team>,
    /// The routes by index.
    pub routes: Vec<&'a Route>,
    pub enterprises: BTreeMap<Uscc, &'a Enterprise>,
    pub items: BTreeMap<&'a ItemId, &'a SupervisionItem>,
    pub departments: BTreeMap<&'a DepartmentCode, &'a str>,
    pub inspectors: BTreeMap<&'a InspectorId, &'a Inspector>,
    /// One team per route (teams per route, `v1-route`).
    pub per_route: bool,
}

impl<'a> Checked<'a> {
    /// Checks, in this order: the teams are the draw's (task id, one team per visit),
    /// every visit is on exactly one route, and every enterprise, item, department and
    /// inspector is on its list.
    pub(super) fn new(i: &WorkPlanInputs<'a>) -> Result<Self> {
        let draw = i.draw;
        if draw.visits.is_empty() {
            return Err(mismatch(
                "draw.visits",
                "the draw has no visit: nothing to plan",
                "",
            ));
        }
        if i.teams.task_id != draw.task_id.as_str() {
            return Err(Error::mismatch(
                TeamCode::WorkplanInputsMismatch,
                "teams.task_id",
                "the teams were assigned for another task",
                draw.task_id.as_str(),
                &i.teams.task_id,
            ));
        }
        let visits: BTreeMap<Uscc, &Visit> = draw.visits.iter().map(|v| (v.uscc, v)).collect();
        let mut teams = BTreeMap::new();
        for (n, t) in i.teams.teams.iter().enumerate() {
            let field = format!("teams.teams[{n}].uscc");
            if !visits.contains_key(&t.uscc) {
                return Err(mismatch(
                    field,
                    "a team for an enterprise the draw does not visit",
                    t.uscc.as_str(),
                ));
            }
            if teams.insert(t.uscc, t).is_some() {
                return Err(mismatch(field, "two teams for one visit", t.uscc.as_str()));
            }
        }
        if let Some(u) = visits.keys().find(|u| !teams.contains_key(*u)) {
            return Err(mismatch(
                "teams.teams",
                "a visit of the draw has no team",
                u.as_str(),
            ));
        }
        let routes = Self::routes(i.routes, &visits)?;
        if i.teams.algorithm == ALGORITHM_V1_ROUTE {
            one_team_per_route(i.routes, &teams)?;
        }
        let mut enterprises = BTreeMap::new();
        for u in visits.keys() {
            let e = i.roster.get(u).ok_or_else(|| {
                mismatch(
                    "roster",
                    "a visited enterprise is not on the roster",
                    u.as_str(),
                )
            })?;
            enterprises.insert(*u, e);
        }
        let mut items = BTreeMap::new();
        let mut departments = BTreeMap::new();
        let mut wanted: BTreeSet<&DepartmentCode> = BTreeSet::new();
        for v in visits.values() {
            for it in &v.items {
                let item = i.catalog.item(&it.item_id).ok_or_else(|| {
                    mismatch(
                        "catalog.items",
                        "an item of the draw is not in the catalog",
                        it.item_id.as_str(),
                    )
                })?;
                items.insert(&it.item_id, item);
                wanted.insert(&it.department);
            }
        }
        let mut inspectors = BTreeMap::new();
        for t in teams.values() {
            for m in &t.members {
                let p = i.inspectors.get(&m.inspector).ok_or_else(|| {
                    mismatch(
                        "inspectors",
                        "a team member is not on the inspector list",
                        m.inspector.as_str(),
                    )
                })?;
                inspectors.insert(&m.inspector, p);
                wanted.insert(&m.department);
            }
        }
        for d in wanted {
            let name = i
                .catalog
                .departments
                .iter()
                .find(|c| c.code == *d)
                .map(|c| c.name.as_str())
                .ok_or_else(|| {
                    mismatch(
                        "catalog.departments",
                        "a participating department has no name in the catalog's departments",
                        d.as_str(),
                    )
                })?;
            departments.insert(d, name);
        }
        Ok(Self {
            visits,
            teams,
            routes,
            enterprises,
            items,
            departments,
            inspectors,
            per_route: i.teams.algorithm == ALGORITHM_V1_ROUTE,
        })
    }

    fn routes(routes: &'a [Route], visits: &BTreeMap<Uscc, &Visit>) -> Result<Vec<&'a Route>> {
        let mut by_index: BTreeMap<u32, &Route> = BTreeMap::new();
        let mut seen: BTreeSet<Uscc> = BTreeSet::new();
        for (n, r) in routes.iter().enumerate() {
            if by_index.insert(r.index, r).is_some() {
                return Err(mismatch(
                    format!("routes[{n}].index"),
                    "two routes with one index",
                    r.index.to_string(),
                ));
            }
            if r.visits.is_empty() {
                return Err(mismatch(
                    format!("routes[{n}].visits"),
                    "a route without a visit",
                    r.index.to_string(),
                ));
            }
            for (k, u) in r.visits.iter().enumerate() {
                let field = format!("routes[{n}].visits[{k}]");
                if !visits.contains_key(u) {
                    return Err(mismatch(
                        field,
                        "a route stop the draw does not visit",
                        u.as_str(),
                    ));
                }
                if !seen.insert(*u) {
                    return Err(mismatch(
                        field,
                        "a visit on two routes (or twice on one)",
                        u.as_str(),
                    ));
                }
            }
        }
        if let Some(u) = visits.keys().find(|u| !seen.contains(*u)) {
            return Err(mismatch(
                "routes",
                "a visit of the draw is on no route",
                u.as_str(),
            ));
        }
        Ok(by_index.into_values().collect())
    }
}

/// With teams per route (`v1-route`), every stop of a route must carry the same team
/// (lead and members) as its first stop: otherwise the routes are not the ones the
/// teams were assigned on.
fn one_team_per_route(routes: &[Route], teams: &BTreeMap<Uscc, &Team>) -> Result<()> {
    for (n, r) in routes.iter().enumerate() {
        let first = r.visits.first().and_then(|u| teams.get(u));
        for (k, u) in r.visits.iter().enumerate().skip(1) {
            let same = match (first, teams.get(u)) {
                (Some(a), Some(b)) => a.lead == b.lead && a.members == b.members,
                _ => false,
            };
            if !same {
                return Err(mismatch(
                    format!("routes[{n}].visits[{k}]"),
                    "the teams are per route (v1-route), but this stop's team is not the route's \
                     first stop's: the routes are not the ones the teams were assigned on",
                    u.as_str(),
                ));
            }
        }
    }
    Ok(())
}
