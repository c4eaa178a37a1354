//! Property tests of the day routes: the brute-force optimum on instances of ≤ 9 stops
//! (the plans `routes::exact` solves), every stop once, every route within a day, and
//! the plan independent of the order of the request.

use std::collections::BTreeSet;

use proptest::prelude::*;
use shuangsuiji::model::{Uscc, org_code_check_char};
use shuangsuiji::routes::{
    Datum, DayCapacity, Location, RoutePlan, RouteRequest, SpeedModel, Stop, plan_routes,
};

fn uscc(n: u32) -> Uscc {
    let body = format!("M{n:06}Y");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let c = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{c}")).unwrap()
}

/// Around 霍林郭勒 (45.53 N, 119.65 E), within about ±25 km.
fn loc(dlat: i32, dlon: i32) -> Location {
    Location::from_e6(Datum::Wgs84, 45_530_000 + dlat, 119_650_000 + dlon).unwrap()
}

#[derive(Debug, Clone)]
struct Instance {
    stops: Vec<(i32, i32, u32)>,
    max_visits: u32,
    day_minutes: u32,
    per_item: u32,
}

fn instance() -> impl Strategy<Value = Instance> {
    (
        prop::collection::vec((-220_000i32..220_000, -320_000i32..320_000, 1u32..4), 1..=9),
        1u32..=6,
        150u32..=480,
        0u32..=40,
    )
        .prop_map(|(stops, max_visits, day_minutes, per_item)| Instance {
            stops,
            max_visits,
            day_minutes,
            per_item,
        })
}

fn request(inst: &Instance) -> RouteRequest {
    RouteRequest {
        start: Some(loc(0, 0)),
        stops: inst
            .stops
            .iter()
            .enumerate()
            .map(|(k, &(a, b, items))| Stop {
                uscc: uscc(u32::try_from(k).unwrap() * 7 + 3),
                location: Some(loc(a, b)),
                items,
            })
            .collect(),
        capacity: DayCapacity {
            max_visits: inst.max_visits,
            day_minutes: inst.day_minutes,
            minutes_per_item: inst.per_item,
            minutes_per_visit: 10,
        },
        speed: SpeedModel::default(),
        matrix: None,
    }
}

/// The least total metres of any split into feasible closed tours, by enumeration of
/// every ordered path from the start (pruned by the day's limits) and a DP over subsets.
fn brute_force(req: &RouteRequest) -> u64 {
    let n = req.stops.len();
    let mut pts = vec![req.start.unwrap()];
    pts.extend(req.stops.iter().map(|s| s.location.unwrap()));
    let d = |a: usize, b: usize| pts[a].metres_to(&pts[b]);
    let t = |a: usize, b: usize| u64::from(req.speed.minutes(d(a, b)));
    let cap = req.capacity;
    let onsite = |k: usize| {
        u64::from(cap.minutes_per_visit)
            + u64::from(req.stops[k - 1].items) * u64::from(cap.minutes_per_item)
    };
    let mut tour = vec![u64::MAX; 1 << n];
    // Depth-first over simple paths start → … ; each prefix closes a tour of its set.
    let mut stack: Vec<(usize, usize, u64, u64, u32)> = vec![(0, 0, 0, 0, 0)];
    while let Some((mask, last, m, mins, len)) = stack.pop() {
        if mask != 0 {
            let back_m = m + d(last, 0);
            if mins + t(last, 0) <= u64::from(cap.day_minutes) && back_m < tour[mask] {
                tour[mask] = back_m;
            }
        }
        if len == cap.max_visits {
            continue;
        }
        for k in 1..=n {
            let bit = 1 << (k - 1);
            if mask & bit != 0 {
                continue;
            }
            let nm = mins + t(last, k) + onsite(k);
            if nm > u64::from(cap.day_minutes) {
                continue;
            }
            stack.push((mask | bit, k, m + d(last, k), nm, len + 1));
        }
    }
    let full = (1usize << n) - 1;
    let mut best = vec![u64::MAX; 1 << n];
    best[0] = 0;
    for s in 1..=full {
        let low = s & s.wrapping_neg();
        let mut sub = s;
        while sub > 0 {
            if sub & low != 0 && tour[sub] != u64::MAX && best[s ^ sub] != u64::MAX {
                best[s] = best[s].min(tour[sub] + best[s ^ sub]);
            }
            sub = (sub - 1) & s;
        }
    }
    best[full]
}

fn check_plan(req: &RouteRequest, plan: &RoutePlan) {
    let all: BTreeSet<Uscc> = req.stops.iter().map(|s| s.uscc).collect();
    let mut seen = BTreeSet::new();
    let (mut metres, mut travel) = (0, 0);
    for (i, r) in plan.routes.iter().enumerate() {
        assert_eq!(r.index as usize, i);
        assert!(!r.visits.is_empty());
        assert!(r.visits.len() <= req.capacity.max_visits as usize);
        assert!(r.travel_minutes + r.onsite_minutes <= u64::from(req.capacity.day_minutes));
        for v in &r.visits {
            assert!(seen.insert(*v), "{v} twice");
        }
        metres += r.metres;
        travel += r.travel_minutes;
    }
    assert_eq!(seen, all);
    assert_eq!((plan.metres, plan.travel_minutes), (metres, travel));
}

/// A 7-stop instance on which construction, local search and ruin-and-recreate stopped
/// 8 % above the optimum (167 077 m against 154 681 m): the plan is the optimum.
#[test]
fn the_seven_stops_the_search_missed_by_eight_percent() {
    let inst = Instance {
        stops: vec![
            (58070, -307_516, 3),
            (33412, 0, 3),
            (128_923, -281_731, 2),
            (89277, -73011, 3),
            (125_066, -223_065, 2),
            (183_371, -313_703, 2),
            (-43412, -130_869, 1),
        ],
        max_visits: 3,
        day_minutes: 320,
        per_item: 31,
    };
    let req = request(&inst);
    let plan = plan_routes(&req).unwrap();
    check_plan(&req, &plan);
    assert_eq!((plan.metres, brute_force(&req)), (154_681, 154_681));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn optimal_on_small_instances(inst in instance()) {
        let req = request(&inst);
        let Ok(plan) = plan_routes(&req) else {
            // A stop too far for the day (typed error) has no optimum to compare.
            prop_assume!(false);
            unreachable!()
        };
        check_plan(&req, &plan);
        let opt = brute_force(&req);
        prop_assert_eq!(plan.metres, opt);
    }

    #[test]
    fn plan_does_not_depend_on_the_order_of_the_stops(inst in instance(), rot in 0usize..9) {
        let req = request(&inst);
        let mut shuffled = req.clone();
        let k = rot % shuffled.stops.len();
        shuffled.stops.rotate_left(k);
        shuffled.stops.reverse();
        let key = |r: Result<RoutePlan, shuangsuiji::Error>| {
            r.map_err(|e| (e.code(), e.details().value.clone()))
        };
        prop_assert_eq!(key(plan_routes(&req)), key(plan_routes(&shuffled)));
    }
}
