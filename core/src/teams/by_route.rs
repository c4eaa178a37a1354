//! One team per route (team-day), algorithm `v1-route`.
//!
//! In practice one joint team walks one route on one day (进一次门、查多项事): the same
//! people at every stop. [`assign_by_route`] assigns such teams for day routes given by
//! the caller (from [`crate::routes`] on the map, or the town grouping), with the rules of
//! the per-visit assignment ([`super::assign`], docs/teams-spec-v1.md) applied to the
//! route as a whole:
//!
//! * per department, the route's team holds the largest `size` any stop asks of it, and
//!   every member must be qualified for the department's items at every stop;
//! * 回避 (a declared conflict, the enterprise's withdrawal request) and rotation at any
//!   stop exclude the inspector from the whole route (行政处罚法 Art. 43);
//! * at least `min_certified` (≥ 2, 行政处罚法 Art. 42) certified officers, the lead (组长)
//!   a certified officer of the route's lead department (every stop of a route must have
//!   the same lead department);
//! * workload is counted per route-day: `capacity` and `max_per_inspector` cap the routes
//!   an inspector walks in the task; `max_per_inspector_per_day` caps the stops of a
//!   route; with `routes_per_day = k` the routes are walked `k` a day in index order
//!   (the first `k` routes on day 1, the next `k` on day 2 …) and routes of one day
//!   share no inspector;
//! * tickets per (route, inspector), ranks as costs, the same exact min-cost-flow search
//!   as `v1` (the routes play the part of the visits).
//!
//! Specified in docs/teams-spec-v1.md, section "Algorithm `v1-route`".

use std::collections::{BTreeMap, BTreeSet};

use super::output::{DepartmentShare, Member, Team, TeamAssignment};
use super::prepare::{Cand, Need, Prepared, Visit};
use super::request::{ALGORITHM_V1, TeamRequest};
use super::schedule::Route;
use super::ticket::InspectorTicket;
use super::{Seed, hex_ticket, solve, u32_of};
use crate::json::canonical::tagged_hash;
use crate::model::{DepartmentCode, InspectorId, ItemId, Uscc};
use crate::{Error, Result, TeamCode};

/// The algorithm id of [`assign_by_route`].
pub const ALGORITHM_V1_ROUTE: &str = "v1-route";

/// At most this many routes or USCCs are listed in an error detail.
const LIST_LIMIT: usize = 50;

/// The ticket of one (route, inspector) pair: the first 16 bytes of the ChaCha20
/// keystream under `SHA-256(LP("SSJ/v1/route_inspector") ‖ LP(seed) ‖ LP(task_id) ‖
/// LP(stops) ‖ LP(inspector_id))`, where `stops` is the route's USCCs sorted and
/// concatenated (18 bytes each), read as a big-endian integer. It depends on which
/// enterprises the route visits, not on the route's number or visiting order.
///
/// # Errors
/// `too_many_bytes` if the task id is 4 GiB or longer.
///
/// ```
/// use shuangsuiji::model::{InspectorId, Uscc};
/// use shuangsuiji::teams::{route_ticket, Seed};
/// let a = Uscc::parse("91350100M000100Y43").unwrap();
/// let b = Uscc::parse("91150581MA0N3F0D13").unwrap();
/// let id = InspectorId::parse("A1").unwrap();
/// let seed = Seed::from_bytes([0; 32]);
/// // The order of the stops does not matter.
/// assert_eq!(route_ticket(&seed, "T1", &[a, b], &id)?, route_ticket(&seed, "T1", &[b, a], &id)?);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn route_ticket(
    seed: &Seed,
    task_id: &str,
    stops: &[Uscc],
    inspector: &InspectorId,
) -> Result<InspectorTicket> {
    let mut sorted = stops.to_vec();
    sorted.sort_unstable();
    let key_stops: Vec<u8> = sorted.iter().flat_map(|u| u.as_bytes().to_vec()).collect();
    let key = tagged_hash(
        "route_inspector",
        &[
            seed.as_bytes(),
            task_id.as_bytes(),
            &key_stops,
            inspector.as_str().as_bytes(),
        ],
    )?;
    Ok(u128::from_be_bytes(crate::draw::rng::block_prefix16(
        &key, 0, 0,
    )))
}

fn routes_invalid(msg: impl Into<String>) -> Error {
    Error::new(TeamCode::TeamRoutesInvalid, msg)
}

fn list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let all: Vec<String> = items.into_iter().map(|x| x.to_string()).collect();
    let mut out: Vec<String> = all.iter().take(LIST_LIMIT).cloned().collect();
    if all.len() > LIST_LIMIT {
        out.push(format!("…(+{})", all.len() - LIST_LIMIT));
    }
    out.join(",")
}

/// Assigns one team to every route (the same people at every stop of the route).
///
/// `routes` are day routes over the request's visits (every visit on exactly one
/// route, in any order; [`Route::visits`] in visiting order). `routes_per_day = Some(k)`
/// says the routes are walked `k` a day in index order — as the work plan dates them with
/// `teams_per_day = k` —, so that routes of one day share no inspector; `None` = every
/// route on a day of its own. The request's `algorithm` must be `"v1-route"`; its
/// `config.visits_per_team_day` is not used (the routes are given).
///
/// The result is a [`TeamAssignment`] with algorithm `"v1-route"`: one [`Team`] per
/// visit (by USCC) carrying its route's team (`route` = the route's index, the route's
/// shares, lead and members; `ticket` and `rank` are the route's), and the routes by
/// index.
///
/// # Errors
/// * `team_algorithm_unknown`: the algorithm is not `"v1-route"`;
/// * `team_request_invalid`, `team_size_invalid`: as for [`super::assign`];
/// * `team_routes_invalid`: `routes_per_day` is 0, a route index appears twice, a route
///   is empty, a stop is not a visit of the request, a visit is on two routes or on
///   none, the stops of a route have different lead departments, or a route has more
///   stops than `max_per_inspector_per_day` (`field` names the place, `value` what);
/// * `lead_missing`, `certified_short`, `team_infeasible`, `team_search_limit`: as for
///   [`super::assign`], with `routes` (route indexes) and `visits` (their stops) in the
///   details, and the `department` that is short;
/// * `too_many_bytes`: the task id is 4 GiB or longer.
///
/// ```
/// use shuangsuiji::teams::{assign_by_route, Route, TeamRequest};
/// let req: TeamRequest = serde_json::from_str(r#"{
///   "algorithm": "v1-route", "task_id": "T1",
///   "seed": "0000000000000000000000000000000000000000000000000000000000000000",
///   "visits": [
///     {"uscc": "91350100M000100Y43", "lead_department": "market",
///      "departments": [{"department": "market", "size": 2}]},
///     {"uscc": "91150581MA0N3F0D13", "lead_department": "market",
///      "departments": [{"department": "market", "size": 2}]}],
///   "inspectors": [
///     {"id": "A1", "department": "market", "certified": true},
///     {"id": "A2", "department": "market", "certified": true},
///     {"id": "A3", "department": "market", "certified": true,
///      "conflicts": ["91150581MA0N3F0D13"]}]
/// }"#).unwrap();
/// let routes: Vec<Route> = serde_json::from_str(r#"[
///   {"index": 0, "visits": ["91350100M000100Y43", "91150581MA0N3F0D13"]}]"#).unwrap();
/// let out = assign_by_route(&req, &routes, None)?;
/// // One team for the whole route; A3 must withdraw at the second stop, so not at all.
/// assert_eq!(out.teams[0].members, out.teams[1].members);
/// assert!(out.teams[0].members.iter().all(|m| m.inspector.as_str() != "A3"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn assign_by_route(
    req: &TeamRequest,
    routes: &[Route],
    routes_per_day: Option<u32>,
) -> Result<TeamAssignment> {
    if req.algorithm != ALGORITHM_V1_ROUTE {
        return Err(Error::new(
            TeamCode::TeamAlgorithmUnknown,
            format!(
                "teams per route are algorithm \"v1-route\", not {:?} (per-visit teams: assign)",
                req.algorithm
            ),
        )
        .with_field("algorithm")
        .with_value(&req.algorithm));
    }
    // The rest of the request is checked as for `v1`.
    let per_visit = TeamRequest {
        algorithm: ALGORITHM_V1.to_owned(),
        ..req.clone()
    };
    per_visit.validate()?;
    let sorted = check_routes(req, routes, routes_per_day)?;
    let p = Prepared::new(&per_visit)?;
    let rp = route_problem(req, &p, &sorted, routes_per_day)?;
    check_routes_locally(&p, &rp, &sorted)?;
    let (split, sols) = solve::solve(&rp.p).map_err(|e| name_routes(e, &rp, &sorted))?;
    let mut chosen: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for sol in sols {
        for (vi, ni, pos) in sol.chosen {
            chosen.insert((vi, ni), pos);
        }
    }
    let mut by_visit: BTreeMap<Uscc, Team> = BTreeMap::new();
    for (vi, v) in rp.p.visits.iter().enumerate() {
        let route = sorted[rp.route_of[vi]];
        let mut members = Vec::new();
        let mut shares = Vec::new();
        let mut lead: Option<(InspectorTicket, &InspectorId)> = None;
        for (ni, nd) in v.needs.iter().enumerate() {
            shares.push(DepartmentShare {
                department: rp.p.depts[nd.dept].clone(),
                size: nd.size,
                certified_required: split.get(vi).and_then(|s| s.get(ni)).copied().unwrap_or(0),
            });
            for &pos in chosen.get(&(vi, ni)).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(c) = nd.cands.get(pos) else { continue };
                let i = rp.p.inspectors[c.insp];
                if ni == v.lead && c.certified && lead.is_none_or(|(t, _)| c.ticket < t) {
                    lead = Some((c.ticket, &i.id));
                }
                members.push(Member {
                    inspector: i.id.clone(),
                    department: i.department.clone(),
                    certified: i.certified,
                    ticket: hex_ticket(c.ticket),
                    rank: u32_of(pos),
                });
            }
        }
        let lead = lead.map(|(_, id)| id.clone()).ok_or_else(|| {
            Error::internal("no certified lead chosen")
                .with_detail("route", route.index.to_string())
        })?;
        for u in &route.visits {
            by_visit.insert(
                *u,
                Team {
                    uscc: *u,
                    route: route.index,
                    lead: lead.clone(),
                    shares: shares.clone(),
                    members: members.clone(),
                },
            );
        }
    }
    Ok(TeamAssignment {
        algorithm: ALGORITHM_V1_ROUTE.to_owned(),
        task_id: req.task_id.clone(),
        teams: by_visit.into_values().collect(),
        routes: sorted.into_iter().cloned().collect(),
    })
}

/// Checks the routes against the request; returns them by index.
fn check_routes<'r>(
    req: &TeamRequest,
    routes: &'r [Route],
    routes_per_day: Option<u32>,
) -> Result<Vec<&'r Route>> {
    if routes_per_day == Some(0) {
        return Err(routes_invalid("routes_per_day must be at least 1")
            .with_field("routes_per_day")
            .with_value("0"));
    }
    let lead_of: BTreeMap<Uscc, &DepartmentCode> = req
        .visits
        .iter()
        .map(|v| (v.uscc, &v.lead_department))
        .collect();
    let mut by_index: BTreeMap<u32, &Route> = BTreeMap::new();
    let mut seen: BTreeSet<Uscc> = BTreeSet::new();
    for (n, r) in routes.iter().enumerate() {
        if by_index.insert(r.index, r).is_some() {
            return Err(
                routes_invalid(format!("two routes have the index {}", r.index))
                    .with_field(format!("routes[{n}].index"))
                    .with_value(r.index.to_string()),
            );
        }
        let Some(first) = r.visits.first() else {
            return Err(routes_invalid(format!("route {} has no stop", r.index))
                .with_field(format!("routes[{n}].visits"))
                .with_value(r.index.to_string()));
        };
        for (k, u) in r.visits.iter().enumerate() {
            let field = format!("routes[{n}].visits[{k}]");
            let Some(lead) = lead_of.get(u) else {
                return Err(routes_invalid(format!(
                    "route {} stops at {u}, which is not a visit of the request",
                    r.index
                ))
                .with_field(field)
                .with_value(u.as_str()));
            };
            if !seen.insert(*u) {
                return Err(routes_invalid(format!(
                    "visit {u} is on two routes (or twice on route {})",
                    r.index
                ))
                .with_field(field)
                .with_value(u.as_str()));
            }
            let first_lead = lead_of.get(first).copied().unwrap_or(lead);
            if *lead != first_lead {
                return Err(routes_invalid(format!(
                    "route {} joins stops led by {} and by {}: one team has one lead department",
                    r.index,
                    first_lead.as_str(),
                    lead.as_str()
                ))
                .with_field(field)
                .with_value(u.as_str())
                .with_detail("lead_department", lead.as_str())
                .with_detail("expected", first_lead.as_str()));
            }
        }
        if let Some(cap) = req.config.max_per_inspector_per_day {
            if r.visits.len() > usize::try_from(cap).unwrap_or(usize::MAX) {
                return Err(routes_invalid(format!(
                    "route {} has {} stops; an inspector makes at most {cap} visits a day",
                    r.index,
                    r.visits.len()
                ))
                .with_field(format!("routes[{n}].visits"))
                .with_value(r.index.to_string())
                .with_detail("stops", r.visits.len().to_string())
                .with_detail("max_per_inspector_per_day", cap.to_string()));
            }
        }
    }
    if let Some(v) = req.visits.iter().find(|v| !seen.contains(&v.uscc)) {
        return Err(routes_invalid(format!("visit {} is on no route", v.uscc))
            .with_field("routes")
            .with_value(v.uscc.as_str()));
    }
    Ok(by_index.into_values().collect())
}

/// The routes as the visits of a `v1` problem.
struct RouteProblem<'a> {
    p: Prepared<'a>,
    /// For each visit of `p` (a route), its position in the routes by index.
    route_of: Vec<usize>,
}

/// Builds the per-route problem: one "visit" per route, keyed by its smallest USCC
/// (routes share no visit, so keys are unique and the order depends only on the
/// routes' stops), with per department the largest size, the union of items and the
/// inspectors eligible at every stop, ranked by route ticket; with `routes_per_day`,
/// one day per `k` routes in index order and a cap of one route per inspector and day.
fn route_problem<'a>(
    req: &TeamRequest,
    p: &Prepared<'a>,
    routes: &[&Route],
    routes_per_day: Option<u32>,
) -> Result<RouteProblem<'a>> {
    let visit_of: BTreeMap<Uscc, &Visit> = p.visits.iter().map(|v| (v.uscc, v)).collect();
    let mut order: Vec<usize> = (0..routes.len()).collect();
    order.sort_by_key(|&r| routes[r].visits.iter().min().copied());
    let per_day = routes_per_day.map(|k| usize::try_from(k).unwrap_or(usize::MAX));
    let mut visits = Vec::with_capacity(routes.len());
    for &r in &order {
        let stops: Vec<&Visit> = routes[r]
            .visits
            .iter()
            .filter_map(|u| visit_of.get(u).copied())
            .collect();
        let key = routes[r]
            .visits
            .iter()
            .min()
            .copied()
            .ok_or_else(|| Error::internal("an empty route passed the route checks"))?;
        let mut by_dept: BTreeMap<usize, (u32, BTreeSet<ItemId>)> = BTreeMap::new();
        for s in &stops {
            for nd in &s.needs {
                let e = by_dept.entry(nd.dept).or_default();
                e.0 = e.0.max(nd.size);
                e.1.extend(nd.items.iter().cloned());
            }
        }
        let lead_dept = stops
            .first()
            .and_then(|s| s.needs.get(s.lead))
            .map(|nd| nd.dept);
        let mut needs = Vec::with_capacity(by_dept.len());
        let mut lead = 0;
        for (k, (dept, (size, items))) in by_dept.into_iter().enumerate() {
            if Some(dept) == lead_dept {
                lead = k;
            }
            let items: Vec<ItemId> = items.into_iter().collect();
            let mut cands = Vec::new();
            for &n in &p.dept_members[dept] {
                let everywhere = stops.iter().all(|s| {
                    let here: &[ItemId] = s
                        .needs
                        .iter()
                        .find(|nd| nd.dept == dept)
                        .map_or(&[], |nd| nd.items.as_slice());
                    p.exclusion(n, &s.uscc, &s.avoid, here).is_none()
                });
                if everywhere {
                    let i = p.inspectors[n];
                    cands.push(Cand {
                        insp: n,
                        ticket: route_ticket(&req.seed, &req.task_id, &routes[r].visits, &i.id)?,
                        certified: i.certified,
                    });
                }
            }
            // Members are in id order, so a stable sort by ticket breaks ties by id.
            cands.sort_by_key(|c| c.ticket);
            let n_cert = u32_of(cands.iter().filter(|c| c.certified).count());
            needs.push(Need {
                dept,
                size,
                items,
                cands,
                n_cert,
            });
        }
        visits.push(Visit {
            uscc: key,
            route: per_day.map_or(r, |k| r / k.max(1)),
            needs,
            lead,
            avoid: BTreeSet::new(),
        });
    }
    let days = visits.iter().map(|v| v.route + 1).max().unwrap_or(0);
    let p = Prepared {
        inspectors: p.inspectors.clone(),
        cap: p.cap.clone(),
        day_cap: per_day.map(|_| 1),
        depts: p.depts.clone(),
        dept_members: p.dept_members.clone(),
        visits,
        routes: (0..days)
            .map(|d| Route {
                index: u32_of(d),
                town: None,
                visits: Vec::new(),
            })
            .collect(),
        min_certified: p.min_certified,
        previous: p.previous.clone(),
        rotation: p.rotation,
    };
    Ok(RouteProblem { p, route_of: order })
}

/// Per route in index order, before the search: a certified lead is possible, and the
/// route can hold `min_certified` certified officers at all. Errors name the route and
/// the department short of certified officers.
fn check_routes_locally(p: &Prepared<'_>, rp: &RouteProblem<'_>, routes: &[&Route]) -> Result<()> {
    let mut at: Vec<usize> = (0..rp.p.visits.len()).collect();
    at.sort_by_key(|&vi| rp.route_of[vi]);
    let m = rp.p.min_certified;
    for vi in at {
        let v = &rp.p.visits[vi];
        let route = routes[rp.route_of[vi]];
        let stops = list(&route.visits);
        if let Some(lead) = v.needs.get(v.lead) {
            if lead.n_cert == 0 {
                let dept = p.depts[lead.dept].as_str();
                return Err(Error::new(
                    TeamCode::LeadMissing,
                    format!(
                        "no certified inspector of lead department {dept} may walk route {} (回避, rotation, qualification or availability at one of its stops excludes every one)",
                        route.index
                    ),
                )
                .with_detail("department", dept)
                .with_detail("routes", route.index.to_string())
                .with_detail("visits", stops)
                .with_detail("short", "1"));
            }
        }
        let avail: u64 = v
            .needs
            .iter()
            .map(|n| u64::from(n.size.min(n.n_cert)))
            .sum();
        if avail < u64::from(m) {
            let short: Vec<&str> = v
                .needs
                .iter()
                .filter(|n| n.n_cert < n.size)
                .map(|n| p.depts[n.dept].as_str())
                .collect();
            return Err(Error::new(
                TeamCode::CertifiedShort,
                format!(
                    "route {} can get at most {avail} certified officers, {m} required; short of certified officers: {}",
                    route.index,
                    short.join(", ")
                ),
            )
            .with_detail("department", short.join(","))
            .with_detail("routes", route.index.to_string())
            .with_detail("visits", stops)
            .with_detail("available", avail.to_string())
            .with_detail("min_certified", m.to_string())
            .with_detail("short", (u64::from(m) - avail).to_string()));
        }
    }
    Ok(())
}

/// Rewrites an error of the search, which names routes by their key USCC, to name them
/// by index (`routes`) with their stops (`visits`).
fn name_routes(e: Error, rp: &RouteProblem<'_>, routes: &[&Route]) -> Error {
    let index_of: BTreeMap<String, (usize, &Route)> =
        rp.p.visits
            .iter()
            .enumerate()
            .map(|(vi, v)| (v.uscc.as_str().to_owned(), (vi, routes[rp.route_of[vi]])))
            .collect();
    let mut details = e.details().clone();
    let mut named: Vec<&Route> = Vec::new();
    let mut seats: BTreeSet<usize> = BTreeSet::new();
    for key in ["visits", "enterprise"] {
        if let Some(text) = details.extra.remove(key) {
            for &(vi, r) in text.split(',').filter_map(|t| index_of.get(t)) {
                named.push(r);
                seats.insert(vi);
            }
        }
    }
    // With routes of one day sharing nobody the cut runs through the day nodes and names
    // no inspector node: name the department's inspectors who may walk those routes.
    if details
        .extra
        .get("inspectors")
        .is_some_and(String::is_empty)
    {
        if let Some(dept) = details.extra.get("department").cloned() {
            let mut people: BTreeSet<&str> = BTreeSet::new();
            for &vi in &seats {
                for nd in rp.p.visits[vi]
                    .needs
                    .iter()
                    .filter(|nd| rp.p.depts[nd.dept].as_str() == dept)
                {
                    people.extend(nd.cands.iter().map(|c| rp.p.inspectors[c.insp].id.as_str()));
                }
            }
            details.extra.insert("inspectors".to_owned(), list(people));
        }
    }
    named.sort_by_key(|r| r.index);
    named.dedup_by_key(|r| r.index);
    let mut message = e.message_en().replace("visit", "route");
    for (key, (_, r)) in &index_of {
        message = message.replace(key.as_str(), &r.index.to_string());
    }
    if let Some(n) = details.extra.remove("visit_count") {
        details.extra.insert("route_count".to_owned(), n);
    }
    if !named.is_empty() {
        details
            .extra
            .insert("routes".to_owned(), list(named.iter().map(|r| r.index)));
        details.extra.insert(
            "visits".to_owned(),
            list(named.iter().flat_map(|r| r.visits.iter())),
        );
    }
    let mut out = Error::new(e.code(), message);
    *out.details_mut() = details;
    out
}
