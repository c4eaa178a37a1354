//! Teams per route (algorithm `v1-route`): properties on random instances and the
//! refusals of the other algorithm. The golden vectors
//! (`tests/vectors/teams/by_route/assign_teams_by_route.ops.json`) are run by
//! `op_vectors` through the operations table (`assign_teams_by_route`).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::json;
use shuangsuiji::model::{Inspector, InspectorId, Uscc, org_code_check_char};
use shuangsuiji::teams::{
    ALGORITHM_V1, ALGORITHM_V1_ROUTE, DepartmentNeed, Route, Seed, TeamConfig, TeamRequest,
    VisitNeed, assign, assign_by_route,
};

/// The per-visit `v1` vectors do not change: per-route teams are a separate entry point.
#[test]
fn a_v1_request_is_refused_by_route_and_a_v1_route_one_by_assign() {
    let none: &[usize] = &[];
    let mut req = small(&[vec![], vec![1]], &[(true, none); 6], None);
    let routes = routes_of(&req, &[vec![0, 1]]);
    req.algorithm = ALGORITHM_V1.to_owned();
    let e = assign_by_route(&req, &routes, None).unwrap_err();
    assert_eq!(e.code().as_str(), "team_algorithm_unknown");
    assert!(assign(&req).is_ok());
    req.algorithm = ALGORITHM_V1_ROUTE.to_owned();
    assert_eq!(
        assign(&req).unwrap_err().code().as_str(),
        "team_algorithm_unknown"
    );
    assert!(assign_by_route(&req, &routes, None).is_ok());
}

// ---- properties -------------------------------------------------------------------

fn uscc(n: usize) -> Uscc {
    let body = format!("M{n:06}Y");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let c = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91350100{body}{c}")).unwrap()
}

/// A request over `visits` (each a list of department numbers 0..3 with the visit's
/// index deciding sizes) and `inspectors` (certified, conflicting visit indexes);
/// inspectors are spread over the departments round-robin.
fn small(
    visits: &[Vec<usize>],
    inspectors: &[(bool, &[usize])],
    per_task: Option<u32>,
) -> TeamRequest {
    const DEPTS: [&str; 3] = ["emergency", "fire", "market"];
    let visits_json: Vec<VisitNeed> = visits
        .iter()
        .enumerate()
        .map(|(n, ds)| {
            let mut ds: BTreeSet<usize> = ds.iter().copied().collect();
            ds.insert(2);
            VisitNeed {
                uscc: uscc(n),
                town: None,
                departments: ds
                    .iter()
                    .map(|&d| DepartmentNeed {
                        department: serde_json::from_value(json!(DEPTS[d])).unwrap(),
                        items: BTreeSet::new(),
                        size: match (d, ds.len()) {
                            (2, 1) => 2,
                            (2, _) => 1 + u32::from(n % 2 == 1),
                            _ => 1,
                        },
                    })
                    .collect(),
                lead_department: serde_json::from_value(json!("market")).unwrap(),
                avoid: BTreeSet::new(),
            }
        })
        .collect();
    let inspectors: Vec<Inspector> = inspectors
        .iter()
        .enumerate()
        .map(|(n, (certified, conflicts))| {
            let conflicts: Vec<String> = conflicts
                .iter()
                .filter(|&&v| v < visits.len())
                .map(|&v| uscc(v).as_str().to_owned())
                .collect();
            serde_json::from_value(json!({
                "id": format!("I{n:02}"), "department": DEPTS[n % 3],
                "certified": certified, "conflicts": conflicts,
            }))
            .unwrap()
        })
        .collect();
    TeamRequest {
        algorithm: ALGORITHM_V1_ROUTE.to_owned(),
        task_id: "T-route".to_owned(),
        seed: Seed::from_bytes([3; 32]),
        visits: visits_json,
        inspectors,
        previous: Vec::new(),
        config: TeamConfig {
            max_per_inspector: per_task,
            ..TeamConfig::default()
        },
    }
}

fn routes_of(req: &TeamRequest, groups: &[Vec<usize>]) -> Vec<Route> {
    groups
        .iter()
        .enumerate()
        .map(|(r, g)| Route {
            index: u32::try_from(r).unwrap(),
            town: None,
            visits: g.iter().map(|&v| req.visits[v].uscc).collect(),
        })
        .collect()
}

/// Cuts `0..n` into consecutive groups of the given lengths (the last takes the rest).
fn groups(n: usize, cuts: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &c in cuts {
        if at >= n {
            break;
        }
        let end = (at + c.max(1)).min(n);
        out.push((at..end).collect());
        at = end;
    }
    if at < n {
        out.push((at..n).collect());
    }
    out
}

fn instance() -> impl Strategy<Value = (TeamRequest, Vec<Route>, Option<u32>)> {
    (
        prop::collection::vec(prop::collection::vec(0usize..3, 0..3), 1..8),
        prop::collection::vec(
            (
                prop::bool::weighted(0.8),
                prop::collection::vec(0usize..8, 0..2),
            ),
            3..14,
        ),
        prop::collection::vec(1usize..4, 0..8),
        prop::option::of(1u32..4),
        prop::option::of(1u32..4),
    )
        .prop_map(|(visits, insp, cuts, per_day, per_task)| {
            let insp: Vec<(bool, Vec<usize>)> = insp;
            let refs: Vec<(bool, &[usize])> =
                insp.iter().map(|(c, v)| (*c, v.as_slice())).collect();
            let req = small(&visits, &refs, per_task);
            let routes = routes_of(&req, &groups(visits.len(), &cuts));
            (req, routes, per_day)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the instance: every stop of a route gets the route's team; routes of one
    /// day (k a day in index order) share nobody; nobody serves a stop they conflict
    /// with; each route's team has per department the largest size its stops ask, at
    /// least two certified officers and a certified lead of the lead department; nobody
    /// walks more routes than the per-task cap; the same input gives the same output.
    #[test]
    fn every_stop_gets_its_routes_team((req, routes, per_day) in instance()) {
        match assign_by_route(&req, &routes, per_day) {
            Ok(out) => {
                prop_assert_eq!(&out, &assign_by_route(&req, &routes, per_day).unwrap());
                prop_assert_eq!(out.algorithm.as_str(), "v1-route");
                prop_assert_eq!(out.teams.len(), req.visits.len());
                let team_of: BTreeMap<Uscc, _> = out.teams.iter().map(|t| (t.uscc, t)).collect();
                let visit_of: BTreeMap<Uscc, &VisitNeed> = req.visits.iter().map(|v| (v.uscc, v)).collect();
                let insp_of: BTreeMap<&InspectorId, &Inspector> = req.inspectors.iter().map(|i| (&i.id, i)).collect();
                let mut walks: BTreeMap<&InspectorId, u32> = BTreeMap::new();
                let mut by_day: BTreeMap<usize, BTreeSet<&InspectorId>> = BTreeMap::new();
                for (pos, r) in routes.iter().enumerate() {
                    let first = team_of[&r.visits[0]];
                    for u in &r.visits {
                        let t = team_of[u];
                        prop_assert_eq!(t.route, r.index);
                        prop_assert_eq!(&t.members, &first.members);
                        prop_assert_eq!(&t.lead, &first.lead);
                        for m in &t.members {
                            let i = insp_of[&m.inspector];
                            prop_assert!(!i.conflicts.contains(u), "{} conflicts with {}", m.inspector.as_str(), u);
                            prop_assert!(!visit_of[u].avoid.contains(&m.inspector));
                        }
                    }
                    let mut size: BTreeMap<String, u32> = BTreeMap::new();
                    for u in &r.visits {
                        for d in &visit_of[u].departments {
                            let s = size.entry(d.department.as_str().to_owned()).or_default();
                            *s = (*s).max(d.size);
                        }
                    }
                    for (d, s) in &size {
                        let n = first.members.iter().filter(|m| m.department.as_str() == d).count();
                        prop_assert_eq!(n, usize::try_from(*s).unwrap());
                    }
                    prop_assert!(first.members.iter().filter(|m| m.certified).count() >= 2);
                    let lead = insp_of[&first.lead];
                    prop_assert!(lead.certified && lead.department.as_str() == "market");
                    let day = per_day.map_or(pos, |k| pos / usize::try_from(k).unwrap());
                    for m in &first.members {
                        *walks.entry(&m.inspector).or_default() += 1;
                        if per_day.is_some() {
                            prop_assert!(by_day.entry(day).or_default().insert(&m.inspector),
                                "{} on two routes of day {}", m.inspector.as_str(), day);
                        }
                    }
                }
                if let Some(cap) = req.config.max_per_inspector {
                    prop_assert!(walks.values().all(|&w| w <= cap));
                }
            }
            Err(e) => {
                prop_assert!(
                    ["team_infeasible", "lead_missing", "certified_short"].contains(&e.code().as_str()),
                    "unexpected {}", e
                );
                prop_assert!(e.details().extra.contains_key("routes"), "{} names no route", e);
                prop_assert!(e.details().extra.contains_key("department"), "{} names no department", e);
            }
        }
    }

    /// With one stop per route and no day grouping, a team per route is a team per
    /// visit: per-route teams exist exactly when per-visit (`v1`) teams do (both
    /// searches are complete; only the tickets differ).
    #[test]
    fn single_stop_routes_are_feasible_exactly_when_v1_is((req, _, _) in instance()) {
        let singles: Vec<Vec<usize>> = (0..req.visits.len()).map(|v| vec![v]).collect();
        let routes = routes_of(&req, &singles);
        let by_route = assign_by_route(&req, &routes, None);
        let v1 = assign(&TeamRequest { algorithm: ALGORITHM_V1.to_owned(), ..req.clone() });
        prop_assert_eq!(by_route.is_ok(), v1.is_ok(), "{:?} vs {:?}", by_route.err(), v1.err());
    }
}
