//! Day routes on the sample county (examples/data/huolinguole, locations.json) against
//! today's town grouping (`teams::routes`): total travel metres of both, printed
//! (`cargo test -p shuangsuiji --release --test all routes_sample:: -- --nocapture`) and the
//! map must win.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use shuangsuiji::model::{Enterprise, Uscc};
use shuangsuiji::routes::{DayCapacity, Location, RouteRequest, SpeedModel, Stop, plan_routes};
use shuangsuiji::teams::routes;

fn payload(name: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/huolinguole")
        .join(name);
    let v: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
    v.as_object()
        .unwrap()
        .iter()
        .find(|(k, _)| !["synthetic", "provenance"].contains(&k.as_str()))
        .unwrap()
        .1
        .clone()
}

const CAPACITY: DayCapacity = DayCapacity {
    max_visits: 6,
    day_minutes: 480,
    minutes_per_item: 30,
    minutes_per_visit: 15,
};

fn tour(office: &Location, at: &BTreeMap<Uscc, Location>, visits: &[Uscc]) -> u64 {
    let mut prev = *office;
    let mut m = 0;
    for v in visits {
        m += prev.metres_to(&at[v]);
        prev = at[v];
    }
    m + prev.metres_to(office)
}

#[test]
fn map_routes_beat_the_town_grouping_on_the_sample_county() {
    let enterprises: Vec<Enterprise> = serde_json::from_value(payload("enterprises.json")).unwrap();
    let locs = payload("locations.json");
    let at: BTreeMap<Uscc, Location> =
        serde_json::from_value::<Vec<Value>>(locs["enterprises"].clone())
            .unwrap()
            .into_iter()
            .map(|p| {
                (
                    serde_json::from_value(p["uscc"].clone()).unwrap(),
                    serde_json::from_value(p["location"].clone()).unwrap(),
                )
            })
            .collect();
    let office: Location = serde_json::from_value(
        locs["offices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["authority"] == "huolinguole-market")
            .unwrap()["location"]
            .clone(),
    )
    .unwrap();
    // A fixed sample of about 200 county enterprises: every tenth in USCC order.
    let mut county: Vec<&Enterprise> = enterprises
        .iter()
        .filter(|e| e.division.as_str() == "150581")
        .collect();
    county.sort_by_key(|e| e.uscc);
    let visits: Vec<&Enterprise> = county.into_iter().step_by(10).collect();
    let req = RouteRequest {
        start: Some(office),
        stops: visits
            .iter()
            .map(|e| Stop {
                uscc: e.uscc,
                location: Some(at[&e.uscc]),
                items: 1,
            })
            .collect(),
        capacity: CAPACITY,
        speed: SpeedModel::default(),
        matrix: None,
    };
    let plan = plan_routes(&req).unwrap();
    // Today's town grouping, visits in USCC order within a route.
    let towns: Vec<(Uscc, Option<String>)> =
        visits.iter().map(|e| (e.uscc, e.town.clone())).collect();
    let grouped = routes(&towns, CAPACITY.max_visits);
    let town_metres: u64 = grouped.iter().map(|r| tour(&office, &at, &r.visits)).sum();
    // The same groups, each in its best order (the map used only inside a town).
    let ordered_metres: u64 = grouped
        .iter()
        .map(|r| {
            let one = RouteRequest {
                stops: req
                    .stops
                    .iter()
                    .filter(|s| r.visits.contains(&s.uscc))
                    .cloned()
                    .collect(),
                capacity: DayCapacity {
                    max_visits: CAPACITY.max_visits,
                    day_minutes: 100_000,
                    ..CAPACITY
                },
                ..req.clone()
            };
            plan_routes(&one).unwrap().metres
        })
        .sum();
    println!(
        "sample county, {} visits: map {} routes {} m; town grouping {} routes {} m (map/town = {} ‰), town groups in their best order {} m (map/that = {} ‰)",
        visits.len(),
        plan.routes.len(),
        plan.metres,
        grouped.len(),
        town_metres,
        plan.metres * 1000 / town_metres,
        ordered_metres,
        plan.metres * 1000 / ordered_metres,
    );
    assert!(plan.metres < ordered_metres && ordered_metres <= town_metres);
}
