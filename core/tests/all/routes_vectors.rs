//! Runs the day-route vectors in `tests/vectors/routes/*.json` (schema in that folder's
//! README.md): every request must give exactly its expected plan or error.
//!
//! With `SSJ_BLESS=1` the `expected` objects are (re)written from what the library
//! returns; check the diff by hand before committing.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use shuangsuiji::Error;
use shuangsuiji::routes::{RouteRequest, plan_routes};

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/routes");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn outcome(request: &Value) -> Value {
    let planned = serde_json::from_value::<RouteRequest>(request.clone())
        .map_err(|e| Error::from_json(&e))
        .and_then(|r| plan_routes(&r));
    match planned {
        Ok(plan) => json!({ "plan": plan }),
        Err(e) => {
            let d = e.details();
            let mut details = serde_json::Map::new();
            if let Some(f) = &d.field {
                details.insert("field".into(), json!(f));
            }
            if let Some(v) = &d.value {
                details.insert("value".into(), json!(v));
            }
            json!({ "error": { "code": e.code().as_str(), "details": details } })
        }
    }
}

#[test]
fn route_vectors() {
    let bless = std::env::var("SSJ_BLESS").is_ok_and(|v| v == "1");
    let files = files();
    assert!(files.len() >= 6, "expected at least 6 route vectors");
    let mut failures = Vec::new();
    for path in files {
        let mut doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let got = outcome(&doc["request"]);
        // The plan is a pure function of the request: a second run gives the same.
        assert_eq!(got, outcome(&doc["request"]), "{}", path.display());
        if bless {
            doc["expected"] = got;
            std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
        } else if doc["expected"] != got {
            failures.push(format!("{}: got {got}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
