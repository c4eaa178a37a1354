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

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::model::Catalog;
use shuangsuiji::workplan::{WorkPlanInputs, work_plan};
use shuangsuiji::{Error, Result};

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/workplan");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn doc<T: DeserializeOwned>(input: &Value, field: &str) -> Result<T> {
    let v = input.get(field).cloned().unwrap_or(Value::Null);
    serde_json::from_value(v).map_err(|e| Error::from_json(&e).within(field))
}

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

/// The error as vectors pin it: code, family and every detail except the JSON
/// position.
fn error_value(e: &Error) -> Value {
    let v = serde_json::to_value(e).unwrap();
    let mut details: Map<String, Value> = v["details"].as_object().cloned().unwrap_or_default();
    details.remove("line");
    details.remove("json_column");
    json!({"code": v["code"], "family": v["family"], "details": details})
}

#[test]
fn work_plan_vectors() {
    let bless = std::env::var("SSJ_BLESS").is_ok_and(|v| v == "1");
    let files = files();
    assert!(files.len() >= 10, "expected at least 10 work-plan vectors");
    let mut failures = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let mut case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(case["op"], "work_plan", "{name}: unknown op");
        let got = run(&case["input"]);
        let again = run(&case["input"]);
        assert_eq!(
            got.as_ref().map_err(error_value),
            again.as_ref().map_err(error_value),
            "{name}: not a pure function"
        );
        let (key, value) = match &got {
            Ok(plan) => ("expect", plan.clone()),
            Err(e) => ("expect_error", error_value(e)),
        };
        if bless {
            let obj = case.as_object_mut().unwrap();
            obj.remove("expect");
            obj.remove("expect_error");
            obj.insert(key.to_owned(), value);
            std::fs::write(&path, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
            continue;
        }
        let wants_error = case.get("expect_error").is_some();
        if wants_error
            && case
                .get("reason")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
        {
            failures.push(format!("{name}: an expect_error case needs its reason"));
        }
        match (key, wants_error) {
            ("expect", true) => failures.push(format!("{name}: expected an error, got a plan")),
            ("expect_error", false) => {
                failures.push(format!("{name}: expected a plan, got {value}"))
            }
            _ if case[key] != value => failures.push(format!("{name}: got {value}")),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
