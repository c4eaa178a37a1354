//! Joint inspection teams (联合检查组): random, constrained, complete and explainable.
//!
//! The county plan (§三(二)) forms joint teams by drawing inspectors at random from each
//! participating department. This module assigns, for every visit of a task,
//!
//! * `size` inspectors from each participating department, each qualified for every
//!   item of that department in the visit ([`qualifies`]);
//! * at least `min_certified` (≥ 2, 行政处罚法 Art. 42) certified officers in total,
//!   one of them — the lead (组长) — from the lead department (牵头部门);
//! * nobody who must withdraw (回避: declared conflicts, the enterprise's request),
//!   who inspected the enterprise last time (rotation), who is inactive, or who is
//!   over their workload cap (per task, and per route of the schedule hint);
//!
//! at random but reproducibly: each (visit, inspector) pair has a 128-bit [`ticket`]
//! from the seed, and the assignment is the min-cost flow whose costs are the tickets'
//! ranks. The method is **complete**: whenever a valid assignment exists it is found;
//! otherwise the error names the bottleneck (a Hall-condition deficiency from the
//! minimum cut). Every step is specified in docs/teams-spec-v1.md so that a verifier
//! can recompute the assignment.
//!
//! ```
//! use shuangsuiji::teams::{assign, TeamRequest};
//! let req: TeamRequest = serde_json::from_str(r#"{
//!   "algorithm": "v1", "task_id": "T1", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
//!   "visits": [{"uscc": "91350100M000100Y43", "lead_department": "market",
//!               "departments": [{"department": "market", "size": 2}]}],
//!   "inspectors": [
//!     {"id": "A1", "department": "market", "certified": true},
//!     {"id": "A2", "department": "market", "certified": true},
//!     {"id": "A3", "department": "market", "certified": true}]
//! }"#).unwrap();
//! let out = assign(&req)?;
//! assert_eq!(out.teams[0].members.len(), 2);
//! assert_eq!(assign(&req)?, out);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod by_route;
mod certified;
mod eligibility;
mod flow;
mod midstate;
mod output;
mod prepare;
mod request;
mod schedule;
mod solve;
mod staffing;
mod ticket;

use std::collections::BTreeMap;

pub use by_route::{ALGORITHM_V1_ROUTE, assign_by_route, route_ticket};
pub use certified::MIN_CERTIFIED_FLOOR;
pub use eligibility::{CandidateStatus, qualifies};
pub use output::{
    CandidateLine, DepartmentExplanation, DepartmentShare, Member, Team, TeamAssignment,
    VisitExplanation,
};
pub use request::{
    ALGORITHM_V1, DepartmentNeed, PreviousCheck, Seed, TeamConfig, TeamRequest, VisitNeed,
};
pub use schedule::{Route, routes};
pub use staffing::{Staffing, team_request};
pub use ticket::{InspectorTicket, ticket};

/// Old name of [`InspectorTicket`], kept until 0.2 (renamed so that it is not confused with
/// the draw's enterprise ticket [`crate::draw::Ticket`]).
pub use ticket::InspectorTicket as Ticket;

use prepare::Prepared;
use ticket::TicketHasher;

use crate::model::InspectorId;
use crate::{Error, Result, TeamCode};

fn hex_ticket(t: InspectorTicket) -> String {
    hex::encode(t.to_be_bytes())
}

fn u32_of(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Assigns a team to every visit.
///
/// # Errors
/// * `team_algorithm_unknown`, `team_request_invalid`, `team_size_invalid`: the request
///   is invalid ([`TeamRequest::validate`]);
/// * `lead_missing`: some visit (or set of visits) cannot get a certified lead from its
///   lead department;
/// * `certified_short`: the teams cannot hold `min_certified` certified officers;
/// * `team_infeasible`: some department has too few eligible inspectors;
/// * `team_search_limit`: the exact search exceeded its budget (no answer);
/// * `too_many_bytes`: the task id is 4 GiB or longer.
///
/// The details name the bottleneck: `department`, `visits` (USCCs), `demand`,
/// `available`, `short`, `inspectors`.
pub fn assign(req: &TeamRequest) -> Result<TeamAssignment> {
    req.validate()?;
    let p = Prepared::new(req)?;
    let (split, sols) = solve::solve(&p)?;
    let mut chosen: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for sol in sols {
        for (vi, ni, pos) in sol.chosen {
            chosen.insert((vi, ni), pos);
        }
    }
    let mut teams = Vec::with_capacity(p.visits.len());
    for (vi, v) in p.visits.iter().enumerate() {
        let mut members = Vec::new();
        let mut shares = Vec::new();
        let mut lead: Option<(InspectorTicket, &InspectorId)> = None;
        for (ni, nd) in v.needs.iter().enumerate() {
            let k = split.get(vi).and_then(|s| s.get(ni)).copied().unwrap_or(0);
            shares.push(DepartmentShare {
                department: p.depts[nd.dept].clone(),
                size: nd.size,
                certified_required: k,
            });
            for &pos in chosen.get(&(vi, ni)).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(c) = nd.cands.get(pos) else { continue };
                let i = p.inspectors[c.insp];
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
            Error::internal("no certified lead chosen").with_detail("visits", v.uscc.as_str())
        })?;
        teams.push(Team {
            uscc: v.uscc,
            route: u32_of(v.route),
            lead,
            shares,
            members,
        });
    }
    Ok(TeamAssignment {
        algorithm: ALGORITHM_V1.to_owned(),
        task_id: req.task_id.clone(),
        teams,
        routes: p.routes.clone(),
    })
}

/// Explains an assignment: for each visit and department, every inspector of the
/// department with their ticket, rank and status (assigned, not chosen, capacity
/// exhausted, or the exclusion reason).
///
/// # Errors
/// The codes of [`TeamRequest::validate`], and `team_request_invalid` if the
/// assignment does not belong to the request (a visit is missing).
pub fn explain(req: &TeamRequest, assignment: &TeamAssignment) -> Result<Vec<VisitExplanation>> {
    req.validate()?;
    let p = Prepared::new(req)?;
    let hasher = TicketHasher::new(&req.seed, &req.task_id)?;
    let mut load: BTreeMap<&InspectorId, u32> = BTreeMap::new();
    let mut day_load: BTreeMap<(&InspectorId, u32), u32> = BTreeMap::new();
    for t in &assignment.teams {
        for m in &t.members {
            *load.entry(&m.inspector).or_default() += 1;
            *day_load.entry((&m.inspector, t.route)).or_default() += 1;
        }
    }
    let mut out = Vec::with_capacity(p.visits.len());
    for v in &p.visits {
        let team = assignment
            .teams
            .iter()
            .find(|t| t.uscc == v.uscc)
            .ok_or_else(|| {
                Error::new(
                    TeamCode::TeamRequestInvalid,
                    "the assignment has no team for a visit",
                )
                .with_value(v.uscc.as_str())
            })?;
        let state = hasher.for_visit(&v.uscc);
        let mut departments = Vec::new();
        for nd in &v.needs {
            let share = team
                .shares
                .iter()
                .find(|s| s.department == p.depts[nd.dept]);
            let mut candidates = Vec::new();
            for (rank, c) in nd.cands.iter().enumerate() {
                let i = p.inspectors[c.insp];
                let status = if team.members.iter().any(|m| m.inspector == i.id) {
                    CandidateStatus::Assigned
                } else {
                    let used = load.get(&i.id).copied().unwrap_or(0);
                    let day = day_load.get(&(&i.id, team.route)).copied().unwrap_or(0);
                    if used >= p.cap[c.insp] || p.day_cap.is_some_and(|d| day >= d) {
                        CandidateStatus::CapacityExhausted
                    } else {
                        CandidateStatus::NotChosen
                    }
                };
                candidates.push(CandidateLine {
                    inspector: i.id.clone(),
                    certified: i.certified,
                    ticket: hex_ticket(c.ticket),
                    rank: Some(u32_of(rank)),
                    status,
                });
            }
            for &n in &p.dept_members[nd.dept] {
                if let Some(reason) = p.exclusion(n, &v.uscc, &v.avoid, &nd.items) {
                    let i = p.inspectors[n];
                    candidates.push(CandidateLine {
                        inspector: i.id.clone(),
                        certified: i.certified,
                        ticket: hex_ticket(TicketHasher::ticket(&state, &i.id)),
                        rank: None,
                        status: reason,
                    });
                }
            }
            departments.push(DepartmentExplanation {
                department: p.depts[nd.dept].clone(),
                size: nd.size,
                certified_required: share.map_or(0, |s| s.certified_required),
                candidates,
            });
        }
        out.push(VisitExplanation {
            uscc: v.uscc,
            departments,
        });
    }
    Ok(out)
}

/// Why `inspector` is or is not on the team of visit `uscc`, including
/// `other_department` when the inspector's department does not take part.
///
/// # Errors
/// As [`explain`], and `team_request_invalid` if the visit or inspector is unknown.
pub fn why(
    req: &TeamRequest,
    assignment: &TeamAssignment,
    uscc: &crate::model::Uscc,
    inspector: &InspectorId,
) -> Result<CandidateStatus> {
    let ex = explain(req, assignment)?;
    let visit = ex
        .iter()
        .find(|v| v.uscc == *uscc)
        .ok_or_else(|| Error::unknown(TeamCode::TeamRequestInvalid, "visit", uscc.as_str()))?;
    if !req.inspectors.iter().any(|i| i.id == *inspector) {
        return Err(Error::unknown(
            TeamCode::TeamRequestInvalid,
            "inspector",
            inspector.as_str(),
        ));
    }
    Ok(visit
        .departments
        .iter()
        .flat_map(|d| &d.candidates)
        .find(|c| c.inspector == *inspector)
        .map_or(CandidateStatus::OtherDepartment, |c| c.status))
}
