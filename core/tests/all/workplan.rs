//! Runs the work-plan vectors in `tests/vectors/workplan/*.json` (schema in that
//! folder's README.md): operation-shaped cases `{op, input, expect}` or
//! `{op, input, expect_error, reason}`; every case must give exactly its expected plan
//! or error, twice the same.
//!
//! The operation `work_plan` is not yet in `shuangsuiji::ops` (the operations table is
//! being rewritten, issue #26): this runner calls the core function with the input's
//! documents read the way the operation will read them.
//!
//! With `SSJ_BLESS=1` the expectations are (re)written from what the library returns;
//! check the diff by hand before committing.

use crate::pending_ops::{doc, run_folder};
use serde_json::Value;
use shuangsuiji::Result;
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::model::Catalog;
use shuangsuiji::workplan::{WorkPlanInputs, work_plan};

/// The operation `work_plan`: arguments in the order the operations table will read
/// them (request, catalog, roster, inspectors, draw, teams, routes).
fn run(input: &Value) -> Result<Value> {
    let request = doc(input, "request")?;
    let catalog_text = serde_json::to_string(&input["catalog"]).unwrap();
    let catalog = Catalog::from_json(&catalog_text).map_err(|e| e.within("catalog"))?;
    let roster = doc(input, "roster")?;
    let inspectors = doc(input, "inspectors")?;
    let draw = doc(input, "draw")?;
    let teams = doc(input, "teams")?;
    let routes: Vec<shuangsuiji::teams::Route> = doc(input, "routes")?;
    let inputs = WorkPlanInputs {
        catalog: &catalog,
        roster: &roster,
        inspectors: &inspectors,
        draw: &draw,
        teams: &teams,
        routes: &routes,
    };
    let plan = work_plan(&request, &inputs, &Calendar::national()?)?;
    Ok(serde_json::to_value(plan).unwrap())
}

#[test]
fn work_plan_vectors() {
    run_folder("workplan", "work_plan", 10, run);
}
