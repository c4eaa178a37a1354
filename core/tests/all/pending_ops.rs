//! The runner of operation-shaped vectors for operations not yet in `shuangsuiji::ops`
//! (issue #26), shared by their test files: a folder of one-case files
//! (`{op, input, expect}` or `{op, input, expect_error, reason}`, [`run_folder`]) or one
//! file of `cases` in the shape of main's `*.ops.json` ([`run_cases`]). Each test file
//! gives the function that runs its operation on a case's `input`.
//!
//! Every case must give exactly its expected result or error, twice the same. With
//! `SSJ_BLESS=1` the expectations are (re)written from what the library returns; check
//! the diff by hand before committing.

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

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
/// position — nested under `details` (one case per file), or flattened beside `code`
/// (the `cases` files of tests/vectors/README.md).
fn error_value(e: &Error, flat: bool) -> Value {
    let v = serde_json::to_value(e).unwrap();
    let mut details: Map<String, Value> = v["details"].as_object().cloned().unwrap_or_default();
    details.remove("line");
    details.remove("json_column");
    if flat {
        let mut out = Map::new();
        out.insert("code".to_owned(), v["code"].clone());
        out.insert("family".to_owned(), v["family"].clone());
        out.extend(details);
        Value::Object(out)
    } else {
        json!({"code": v["code"], "family": v["family"], "details": details})
    }
}

/// Runs one case (`{op, input, expect}` or `{op, input, expect_error, reason}`) through
/// `run`; with `bless`, rewrites its expectation. Returns what does not match.
fn check_case(
    case: &mut Value,
    op: &str,
    flat: bool,
    bless: bool,
    run: &impl Fn(&Value) -> Result<Value>,
) -> Option<String> {
    assert_eq!(case["op"], op, "unknown op");
    let got = run(&case["input"]);
    let again = run(&case["input"]);
    assert_eq!(
        got.as_ref().map_err(|e| error_value(e, flat)),
        again.as_ref().map_err(|e| error_value(e, flat)),
        "not a pure function"
    );
    let (key, value) = match &got {
        Ok(out) => ("expect", out.clone()),
        Err(e) => ("expect_error", error_value(e, flat)),
    };
    if bless {
        let obj = case.as_object_mut().unwrap();
        obj.remove("expect");
        obj.remove("expect_error");
        obj.insert(key.to_owned(), value);
        return None;
    }
    let wants_error = case.get("expect_error").is_some();
    if wants_error
        && case
            .get("reason")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
    {
        return Some("an expect_error case needs its reason".to_owned());
    }
    match (key, wants_error) {
        ("expect", true) => Some(format!("expected an error, got {value}")),
        ("expect_error", false) => Some(format!("expected a result, got {value}")),
        _ if case[key] != value => Some(format!("got {value}")),
        _ => None,
    }
}

fn bless() -> bool {
    std::env::var("SSJ_BLESS").is_ok_and(|v| v == "1")
}

/// Runs every case of `folder` — one case per `.json` file, errors under `details` — (at
/// least `min` of them, all of operation `op`) through `run` and fails with the list of
/// cases that do not give their expectation.
pub fn run_folder(folder: &str, op: &str, min: usize, run: impl Fn(&Value) -> Result<Value>) {
    let files = files(folder);
    assert!(
        files.len() >= min,
        "expected at least {min} vectors in {folder}"
    );
    let mut failures = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let mut case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        if let Some(f) = check_case(&mut case, op, false, bless(), &run) {
            failures.push(format!("{name}: {f}"));
        }
        if bless() {
            std::fs::write(&path, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs the `cases` of one file in the shape of `*.ops.json` (tests/vectors/README.md:
/// `{description?, cases: [{name, op, input, expect | expect_error + reason}]}`, errors
/// flattened) — at least `min` cases, all of operation `op` — through `run`.
pub fn run_cases(file: &str, op: &str, min: usize, run: impl Fn(&Value) -> Result<Value>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(file);
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let cases = doc["cases"].as_array_mut().expect("a cases list");
    assert!(
        cases.len() >= min,
        "expected at least {min} cases in {file}"
    );
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for case in cases.iter_mut() {
        let name = case["name"].as_str().unwrap_or_default().to_owned();
        assert!(names.insert(name.clone()), "{file}: case {name:?} twice");
        if let Some(f) = check_case(case, op, true, bless(), &run) {
            failures.push(format!("{file} {name}: {f}"));
        }
    }
    if bless() {
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
