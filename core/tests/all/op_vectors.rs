//! The one runner of the operation-shaped vectors: every `tests/vectors/**/*.ops.json`
//! (format in `tests/vectors/README.md`), each case handed to
//! [`shuangsuiji::ops::run_operation`] — the Python and Node runners
//! (`bindings-python/tests/test_op_vectors.py`, `bindings-wasm/tests/op-vectors.test.mjs`)
//! run the same loop through their binding's `run_operation` / `runOperation`.
//!
//! `SSJ_BLESS=1` rewrites every case's `expect` / `expect_error` from what the library
//! returns (a case keeps its `reason`; a new failure needs one written by hand): only
//! after a deliberate change, and read the diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use shuangsuiji::ops::run_operation;

/// The keys a case may have; any other key fails the runner.
const CASE_KEYS: [&str; 7] = [
    "name",
    "op",
    "input",
    "expect",
    "expect_error",
    "reason",
    "description",
];

/// Details that locate an error: absent from `expect_error` means absent from the error.
/// serde's position in a JSON text (`line`, `json_column`) is never compared.
const IGNORED_DETAILS: [&str; 2] = ["line", "json_column"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// Every `*.ops.json` under `tests/vectors`, sorted.
pub fn files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.to_string_lossy().ends_with(".ops.json") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &mut out);
    out.sort();
    out
}

/// The cases of every file whose path contains `part` (for the suites' own checks).
pub fn cases(part: &str) -> Vec<Value> {
    files()
        .iter()
        .filter(|p| p.to_string_lossy().contains(part))
        .flat_map(|p| read(p)["cases"].as_array().unwrap().clone())
        .collect()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The error as a case's `expect_error` writes it: `code`, `family` and the details.
fn error_json(e: &shuangsuiji::Error) -> Map<String, Value> {
    let v = serde_json::to_value(e).unwrap();
    let mut out = Map::new();
    out.insert("code".into(), v["code"].clone());
    out.insert("family".into(), v["family"].clone());
    for (k, d) in v["details"].as_object().into_iter().flatten() {
        if !IGNORED_DETAILS.contains(&k.as_str()) {
            out.insert(k.clone(), d.clone());
        }
    }
    out
}

/// Checks one case; returns what it should say when blessed.
fn check(case: &Value, at: &str, bless: bool) -> Value {
    let obj = case
        .as_object()
        .unwrap_or_else(|| panic!("{at}: not an object"));
    for k in obj.keys() {
        assert!(CASE_KEYS.contains(&k.as_str()), "{at}: unknown key {k:?}");
    }
    let expect_error = obj.get("expect_error");
    assert!(
        obj.contains_key("expect") != expect_error.is_some(),
        "{at}: exactly one of expect / expect_error"
    );
    assert_eq!(
        expect_error.is_some(),
        obj.get("reason")
            .is_some_and(|r| r.as_str().is_some_and(|r| !r.is_empty())),
        "{at}: an expected failure, and only one, says its reason"
    );
    let op = case["op"].as_str().unwrap_or_else(|| panic!("{at}: no op"));
    let got = run_operation(op, &case["input"]);
    let mut blessed = case.clone();
    if bless {
        let b = blessed.as_object_mut().unwrap();
        b.remove("expect");
        b.remove("expect_error");
        match &got {
            Ok(v) => b.insert("expect".into(), v.clone()),
            Err(e) => b.insert("expect_error".into(), Value::Object(error_json(e))),
        };
        return blessed;
    }
    match (got, expect_error) {
        (Ok(v), None) => assert_eq!(&v, &case["expect"], "{at}"),
        (Err(e), Some(want)) => {
            let mut want = want.as_object().unwrap().clone();
            let got = error_json(&e);
            if !want.contains_key("family") {
                want.insert("family".into(), got["family"].clone());
            }
            assert_eq!(Value::Object(got), Value::Object(want), "{at}: {e}");
        }
        (Ok(v), Some(want)) => panic!("{at}: expected {want}, got {v}"),
        (Err(e), None) => panic!("{at}: expected a result, got {e}"),
    }
    blessed
}

#[test]
fn every_op_vector() {
    let bless = std::env::var_os("SSJ_BLESS").is_some();
    let files = files();
    let mut n = 0;
    let mut ops = BTreeSet::new();
    // Every case runs; the failures are listed together at the end.
    let mut failed = Vec::new();
    for path in &files {
        let mut doc = read(path);
        let rel = path.strip_prefix(root()).unwrap().display().to_string();
        let mut names = BTreeSet::new();
        let cases = doc["cases"].as_array_mut().unwrap();
        for case in cases.iter_mut() {
            let name = case["name"].as_str().unwrap_or_default().to_owned();
            assert!(names.insert(name.clone()), "{rel}: name {name:?} twice");
            ops.insert(case["op"].as_str().unwrap_or_default().to_owned());
            let at = format!("{rel}: {name}");
            match std::panic::catch_unwind(|| check(case, &at, bless)) {
                Ok(blessed) => *case = blessed,
                Err(_) => failed.push(at),
            }
            n += 1;
        }
        if bless {
            let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            std::fs::write(path, text).unwrap();
        }
    }
    assert!(
        failed.is_empty(),
        "{} failing cases:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert!(n >= 60, "{n} cases in {} files", files.len());
    assert!(ops.len() >= 3, "{ops:?}");
}

#[test]
fn runner_refuses_what_it_does_not_know() {
    let ok = json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/2"}, "expect": "1/2"});
    check(&ok, "ok", false);
    for bad in [
        json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/2"}, "expect": "1/3"}),
        json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/2"}, "expect": "1/2", "requires": "x"}),
        json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/0"}, "expect_error": {"code": "ratio_zero_denominator"}}),
        json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/0"}, "expect_error": {"code": "ratio_zero_denominator", "field": "text"}, "reason": "zero"}),
        json!({"name": "x", "op": "parse_ratio", "input": {"text": "1/2"}, "expect": "1/2", "reason": "no"}),
    ] {
        let r = std::panic::catch_unwind(|| check(&bad, "bad", false));
        assert!(r.is_err(), "accepted {bad}");
    }
}
