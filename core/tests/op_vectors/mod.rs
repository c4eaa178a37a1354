//! The runner of operation-shaped vector folders (`tests/vectors/<folder>/*.json`: one
//! case per file, `{op, input, expect}` or `{op, input, expect_error, reason}`), shared by
//! the test files of operations not yet in `shuangsuiji::ops` (issue #26): each gives the
//! function that runs its operation on a case's `input`.
//!
//! Every case must give exactly its expected result or error, twice the same. With
//! `SSJ_BLESS=1` the expectations are (re)written from what the library returns; check
//! the diff by hand before committing.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use shuangsuiji::{Error, Result};

/// The `.json` files of `tests/vectors/<folder>`, sorted.
fn files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(folder);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

/// One argument of an operation: `input[field]` read as `T` (absent = JSON null), its
/// errors located under `field`.
pub fn doc<T: DeserializeOwned>(input: &Value, field: &str) -> Result<T> {
    let v = input.get(field).cloned().unwrap_or(Value::Null);
    serde_json::from_value(v).map_err(|e| Error::from_json(&e).within(field))
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

/// Runs every case of `folder` (at least `min` of them, all of operation `op`) through
/// `run` and fails with the list of cases that do not give their expectation.
pub fn run_folder(folder: &str, op: &str, min: usize, run: impl Fn(&Value) -> Result<Value>) {
    let bless = std::env::var("SSJ_BLESS").is_ok_and(|v| v == "1");
    let files = files(folder);
    assert!(
        files.len() >= min,
        "expected at least {min} vectors in {folder}"
    );
    let mut failures = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let mut case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(case["op"], op, "{name}: unknown op");
        let got = run(&case["input"]);
        let again = run(&case["input"]);
        assert_eq!(
            got.as_ref().map_err(error_value),
            again.as_ref().map_err(error_value),
            "{name}: not a pure function"
        );
        let (key, value) = match &got {
            Ok(out) => ("expect", out.clone()),
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
            ("expect", true) => failures.push(format!("{name}: expected an error, got {value}")),
            ("expect_error", false) => {
                failures.push(format!("{name}: expected a result, got {value}"))
            }
            _ if case[key] != value => failures.push(format!("{name}: got {value}")),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
