//! The work plan (具体工作方案) of a joint task on the bundled synthetic county 霍林郭勒市,
//! as JSON and as a printable Chinese A4 page.
//!
//! 1. read the catalog, roster, inspectors, history and the synthetic coordinates;
//! 2. eligibility and a draw for three joint items (market, fire, emergency), with a
//!    fixed demo seed (the `county` example shows the full public seed ceremony);
//! 3. day routes on the map from the market office (town grouping where a location is
//!    missing), then one joint team per route (`teams::assign_by_route`), the routes
//!    walked ⌈routes / 10⌉ a day so that routes of one day share nobody;
//! 4. the work plan: lead department 市场监督管理局, a window of ten working days from
//!    2024-09-09 across 中秋 (09-14 is a make-up working day; 09-15..17 are off), the
//!    team-days as many a day as the teams were assigned for;
//! 5. `workplan.json` and `workplan.html` written to the output folder. Print the page
//!    with `chromium --headless --no-sandbox --no-pdf-header-footer --print-to-pdf=…`
//!    (scripts/workplan-pdf.sh does, and checks the PDF).
//!
//! Run: `cargo run -p shuangsuiji-examples --bin workplan [-- OUT_DIR]` (default
//! `out/workplan`).

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use shuangsuiji::draw::{DrawInput, ItemDraw, StratumDraw, StratumKey, draw};
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::model::Uscc;
use shuangsuiji::routes::{DayCapacity, Location, RouteRequest, SpeedModel, Stop, routes_or_towns};
use shuangsuiji::rules::{self, PlanRequest};
use shuangsuiji::teams::{self, ALGORITHM_V1_ROUTE, Staffing, TeamRequest};
use shuangsuiji::workplan::{WorkPlanInputs, WorkPlanRequest, work_plan};

mod sample;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The check window: ten working days from 2024-09-09 (a Monday).
const WORKING_DAYS: usize = 10;

const ITEMS: [&str; 3] = [
    "market.food_production",
    "fire.fire_safety",
    "emergency.work_safety",
];

fn main() -> Result<()> {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("out/workplan"), PathBuf::from);

    // 1. Data.
    let sample::Sample {
        catalog,
        roster,
        inspectors,
        history,
    } = sample::load()?;
    let authority = sample::authority("huolinguole-market")?;

    // 2. Eligibility and the draw.
    let request: PlanRequest = serde_json::from_value(serde_json::json!({
        "authority": authority, "year": 2024, "date": "2024-09-02", "items": ITEMS,
        "policy": {"preset": {"name": "henan_2021"}}, "hierarchy": "same_year",
    }))?;
    let known: Vec<_> = history
        .iter()
        .filter(|r| r.date <= request.date)
        .cloned()
        .collect();
    let report = rules::eligibility(&request, &catalog, &roster, &known)?;
    let mut items = Vec::new();
    for item in &report.items {
        let department = catalog
            .item(&item.item)
            .ok_or("item not in catalog")?
            .department
            .clone();
        let strata = item
            .strata
            .iter()
            .map(|s| {
                Ok(StratumDraw {
                    key: StratumKey::parse(&s.key)?,
                    eligible: s.eligible.clone(),
                    quota: Some(s.quota),
                    ratio: None,
                    max_substitutions: 2,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        items.push(ItemDraw {
            item_id: item.item.clone(),
            department,
            strata,
        });
    }
    let input: DrawInput = serde_json::from_value(serde_json::json!({
        "algorithm": "v1", "task_id": "HLGL-LH-2024-09", "mode": "fixed",
        "seed": "5e1f0c0ffee0000000000000000000000000000000000000000000000000abcd", "items": [],
    }))?;
    let result = draw(DrawInput { items, ..input })?;

    // 3. Day routes on the map from the market office, then one joint team per route
    //    (进一次门、查多项事: the same people at every stop of a team-day).
    let locations = sample::payload("locations.json", "locations")?;
    let at: BTreeMap<Uscc, Location> =
        serde_json::from_value::<Vec<serde_json::Value>>(locations["enterprises"].clone())?
            .into_iter()
            .map(|p| {
                Ok((
                    serde_json::from_value(p["uscc"].clone())?,
                    serde_json::from_value(p["location"].clone())?,
                ))
            })
            .collect::<Result<_>>()?;
    let office: Option<Location> = locations["offices"]
        .as_array()
        .and_then(|o| o.iter().find(|o| o["authority"] == "huolinguole-market"))
        .map(|o| serde_json::from_value(o["location"].clone()))
        .transpose()?;
    let route_request = RouteRequest {
        start: office,
        stops: result
            .visits
            .iter()
            .map(|v| Stop {
                uscc: v.uscc,
                location: at.get(&v.uscc).copied(),
                items: u32::try_from(v.items.len()).unwrap_or(u32::MAX),
            })
            .collect(),
        capacity: DayCapacity {
            max_visits: 5,
            day_minutes: 480,
            minutes_per_item: 30,
            minutes_per_visit: 15,
        },
        speed: SpeedModel::default(),
        matrix: None,
    };
    let towns: Vec<(Uscc, Option<String>)> = result
        .visits
        .iter()
        .map(|v| (v.uscc, roster.get(&v.uscc).and_then(|e| e.town.clone())))
        .collect();
    let routes = routes_or_towns(&route_request, &towns)?;
    // Routes are walked `per_day` a day in index order — the rate that fits them into
    // the window — and routes of one day share nobody.
    let per_day = u32::try_from(routes.len().div_ceil(WORKING_DAYS)).unwrap_or(u32::MAX);
    let staffing: Staffing = serde_json::from_value(serde_json::json!({
        "lead_department": "market", "sizes": {"market": 2},
        "config": {"max_per_inspector": 30},
    }))?;
    let team_request = TeamRequest {
        algorithm: ALGORITHM_V1_ROUTE.to_owned(),
        ..teams::team_request(&result, &roster, &inspectors, &history, &staffing)?
    };
    let assignment = teams::assign_by_route(&team_request, &routes, Some(per_day))?;

    // 4. The work plan.
    let plan_request: WorkPlanRequest = serde_json::from_value(serde_json::json!({
        "title": "2024年第三季度食品生产企业“综合监管一件事”联合抽查",
        "lead_department": "market",
        "issuer": "霍林郭勒市市场监督管理局",
        "issued": "2024-09-05",
        "contact": {"name": "王丽（示例）", "phone": "0475-2812345",
                    "address": "霍林郭勒市市场监督管理局（示例地址）"},
        "window": {"start": "2024-09-09", "working_days": WORKING_DAYS},
        "teams_per_day": per_day,
    }))?;
    let plan = work_plan(
        &plan_request,
        &WorkPlanInputs {
            catalog: &catalog,
            roster: &roster,
            inspectors: &inspectors,
            draw: &result,
            teams: &assignment,
            routes: &routes,
        },
        &Calendar::national()?,
    )?;

    // 5. JSON and the printable page.
    fs::create_dir_all(&out)?;
    fs::write(
        out.join("workplan.json"),
        serde_json::to_string_pretty(&plan)? + "\n",
    )?;
    let html = shuangsuiji_present::workplan::render(&plan)?;
    fs::write(out.join("workplan.html"), html)?;
    println!(
        "工作方案 {}: {} 家企业, {} 个组次 (每日至多 {} 组), {} 至 {} ({} 个工作日); written to {}",
        plan.task_id,
        plan.visits,
        plan.team_days.len(),
        plan.teams_per_day,
        plan.window.first_day,
        plan.window.last_day,
        plan.window.working_days,
        out.display()
    );
    Ok(())
}
