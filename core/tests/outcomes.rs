//! Runs the inspection-outcome vectors in `tests/vectors/outcomes/*.json` (operation
//! shape, see that folder's README.md) by calling the core functions directly: every
//! case gives exactly its `expect` or its `expect_error` (code and field).
//!
//! With `SSJ_BLESS=1` the `expect` objects of the success cases are (re)written from
//! what the library returns; check the diff by hand before committing.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use shuangsuiji::model::Authority;
use shuangsuiji::outcomes::{self, OutcomeIntake, OutcomeSet};
use shuangsuiji::{Error, Result};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn arg<T: DeserializeOwned>(input: &Value, name: &str) -> Result<T> {
    serde_json::from_value(input[name].clone()).map_err(|e| Error::from_json(&e).within(name))
}

fn out<T: Serialize>(r: Result<T>) -> Result<Value> {
    r.map(|v| serde_json::to_value(v).unwrap())
}

/// One operation, by the name it is meant to have in the operation table.
fn run(op: &str, input: &Value) -> Result<Value> {
    match op {
        "outcome_categories" => out(Ok(outcomes::categories())),
        "record_outcomes" => out(outcomes::record_outcomes(&arg::<OutcomeIntake>(
            input, "intake",
        )?)),
        "outcome_check_records" => out(outcomes::check_records(
            &arg::<OutcomeSet>(input, "outcomes")?,
            &arg::<Vec<Authority>>(input, "authorities")?,
        )),
        other => panic!("unknown op {other}"),
    }
}

fn run_vectors(dir: &str, min: usize) {
    let bless = std::env::var("SSJ_BLESS").is_ok_and(|v| v == "1");
    let files = files(dir);
    assert!(
        files.len() >= min,
        "expected at least {min} vectors in {dir}"
    );
    let mut failures = Vec::new();
    for path in files {
        let mut doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let name = path.display().to_string();
        assert!(doc["reason"].is_string(), "{name}: every case says why");
        let got = run(doc["op"].as_str().unwrap(), &doc["input"]);
        match (&doc.get("expect_error").cloned(), got) {
            (Some(want), Err(e)) => {
                let field = e.details().field.clone();
                if want["code"] != e.code().as_str()
                    || want
                        .get("field")
                        .is_some_and(|f| f.as_str() != field.as_deref())
                {
                    failures.push(format!("{name}: got {e}"));
                }
            }
            (Some(_), Ok(v)) => failures.push(format!("{name}: expected an error, got {v}")),
            (None, Err(e)) => failures.push(format!("{name}: unexpected error {e}")),
            (None, Ok(v)) if bless => {
                doc["expect"] = v;
                std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
            }
            (None, Ok(v)) => {
                if doc["expect"] != v {
                    failures.push(format!("{name}: got {v}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn outcome_vectors() {
    run_vectors("outcomes", 10);
}

/// Writes the base fixture of the vectors (a draw result and its teams) to the file
/// named by `SSJ_FIXTURE_OUT`; used once to write the vectors, kept to show where
/// their `draw` and `teams` come from.
#[test]
#[ignore = "writes a fixture file; run by hand"]
fn write_base_fixture() {
    let draw = shuangsuiji::draw::draw(
        serde_json::from_value(json!({
            "algorithm": "v1", "task_id": "HLGL-2026-001",
            "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "mode": "fixed",
            "items": [
                {"item_id": "market.food_production", "department": "market", "strata": [
                    {"key": "all", "eligible": ["91150581M000001Y5M", "91150581M000002Y1Y"], "quota": 2}]},
                {"item_id": "fire.fire_safety", "department": "fire", "strata": [
                    {"key": "all", "eligible": ["91150581M000001Y5M"], "quota": 1}]}
            ]
        }))
        .unwrap(),
    )
    .unwrap();
    let v: Value = serde_json::from_slice(
        &std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/vectors/teams/basic_two_departments.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let fixture = json!({"draw": draw, "teams": v["expected"]["assignment"]});
    std::fs::write(
        std::env::var("SSJ_FIXTURE_OUT").unwrap(),
        serde_json::to_string_pretty(&fixture).unwrap(),
    )
    .unwrap();
}
