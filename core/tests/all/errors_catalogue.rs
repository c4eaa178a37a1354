//! Runs the bad-input catalogue in `tests/vectors/errors/*.json` (schema in that
//! folder's README.md) through [`run_operation`]: every case must give exactly its
//! stable code, family and locating details — never a panic, never a quiet success.
//!
//! With `SSJ_BLESS=1` the `expected` objects are (re)written from what the library
//! returns; check the diff by hand before committing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};
use shuangsuiji::ops::run_operation;

/// The detail keys that locate an error; compared exactly (absent must be absent).
const LOCATING: &[&str] = &["file", "row", "column", "field"];
/// The keys a case may have. Anything else (e.g. `requires`) fails the run.
const CASE_KEYS: &[&str] = &[
    "name",
    "operation",
    "input",
    "expected",
    "description",
    "xlsx",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/errors")
}

fn files() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
}

fn blessed(result: &Result<Value, shuangsuiji::Error>) -> Value {
    match result {
        Ok(_) => json!({"ok": true}),
        Err(e) => {
            let v = serde_json::to_value(e).unwrap();
            let mut details = v["details"].as_object().cloned().unwrap_or_default();
            details.remove("line");
            details.remove("json_column");
            json!({"code": v["code"], "family": v["family"], "details": details})
        }
    }
}

/// Latin words a Chinese message may say besides the values it quotes from the input:
/// names of formats and standards.
const LATIN_WORDS: &[&str] = &["JSON", "CSV", "xlsx", "Merkle", "WGS", "GCJ"];

/// Why the wire error's `message` is not an entirely Chinese message, if it is not: it
/// must hold Chinese, and once the values quoted from the details (and anything in 「」)
/// are taken out, no Latin word but [`LATIN_WORDS`] may be left (an English sentence or
/// an evidence key without a Chinese name would be).
fn chinese_message_problem(actual: &Value) -> Option<String> {
    let msg = actual["message"].as_str().unwrap_or("");
    if !msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return Some(format!("message {msg:?} has no Chinese"));
    }
    let mut rest = msg.to_owned();
    while let (Some(a), Some(b)) = (rest.find('「'), rest.find('」')) {
        if b < a {
            break;
        }
        rest.replace_range(a..b + '」'.len_utf8(), " ");
    }
    let mut values: Vec<String> = actual["details"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, v)| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    for v in values.iter().filter(|v| !v.is_empty()) {
        rest = rest.replace(v.as_str(), " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && !LATIN_WORDS.contains(w))
        .map(|w| format!("message {msg:?} says {w:?}, not Chinese"))
        .next()
}

/// Compares one result with its expectation; returns a description of the mismatch.
fn check(expected: &Value, result: &Result<Value, shuangsuiji::Error>) -> Option<String> {
    let Some(code) = expected.get("code") else {
        return match (expected.get("ok"), result) {
            (Some(Value::Bool(true)), Ok(_)) => None,
            (Some(Value::Bool(true)), Err(e)) => Some(format!("expected success, got {e}")),
            _ => Some("expected must have \"code\" or \"ok\": true".into()),
        };
    };
    let err = match result {
        Ok(v) => return Some(format!("expected {code}, got success {v}")),
        Err(e) => e,
    };
    let actual = serde_json::to_value(err).unwrap();
    if &actual["code"] != code {
        return Some(format!("expected code {code}, got {err}"));
    }
    if let Some(why) = chinese_message_problem(&actual) {
        return Some(why);
    }
    if let Some(zh) = expected.get("message_zh") {
        if zh != &actual["message"] {
            return Some(format!(
                "message_zh: expected {zh}, got {}",
                actual["message"]
            ));
        }
    }
    if actual["family"] != expected["family"] {
        return Some(format!(
            "expected family {}, got {}",
            expected["family"], actual["family"]
        ));
    }
    let empty = Map::new();
    let want = match expected.get("details") {
        Some(Value::Object(m)) => m,
        None => &empty,
        Some(_) => return Some("details must be an object".into()),
    };
    let got = actual["details"].as_object().unwrap_or(&empty);
    let keys: BTreeSet<&str> = LOCATING
        .iter()
        .copied()
        .chain(want.keys().map(String::as_str))
        .collect();
    for k in keys {
        let w = want.get(k).unwrap_or(&Value::Null);
        let g = got.get(k).unwrap_or(&Value::Null);
        if w != g {
            return Some(format!("details.{k}: expected {w}, got {g} ({err})"));
        }
    }
    None
}

#[test]
fn catalogue_cases_give_their_codes_and_locations() {
    let bless = std::env::var_os("SSJ_BLESS").is_some();
    let mut names = BTreeSet::new();
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut ops_seen = BTreeSet::new();
    for path in files() {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let cases = doc["cases"]
            .as_array_mut()
            .unwrap_or_else(|| panic!("{file}: no cases array"));
        for case in cases.iter_mut() {
            total += 1;
            let name = case["name"].as_str().unwrap_or("").to_owned();
            assert!(!name.is_empty(), "{file}: a case without a name");
            assert!(names.insert(name.clone()), "{file}: duplicate case {name}");
            for key in case.as_object().unwrap().keys() {
                assert!(
                    CASE_KEYS.contains(&key.as_str()),
                    "{file}/{name}: unknown case key {key:?} (a `requires` this runner does not know fails the run)"
                );
            }
            let op = case["operation"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: no operation"));
            ops_seen.insert(
                if op.starts_with("validate:") {
                    "validate:<kind>"
                } else {
                    op
                }
                .to_owned(),
            );
            let started = Instant::now();
            let result = run_operation(op, &case["input"]);
            let took = started.elapsed();
            assert!(
                took < Duration::from_secs(5),
                "{name}: took {took:?}; bad input must fail fast"
            );
            if bless {
                let keep_zh = case["expected"].get("message_zh").is_some();
                case["expected"] = blessed(&result);
                if let (true, Err(e)) = (keep_zh, &result) {
                    case["expected"]["message_zh"] = json!(e.message_zh());
                }
                continue;
            }
            if let Err(e) = &result {
                *codes.entry(e.code().as_str().to_owned()).or_default() += 1;
            }
            let expected = if case["xlsx"] == json!(true) && !cfg!(feature = "xlsx") {
                let file = case["input"]["options"]["file_name"].clone();
                json!({"code": "xlsx_unsupported", "family": "input", "details": {"file": file}})
            } else {
                case["expected"].clone()
            };
            if let Some(why) = check(&expected, &result) {
                failures.push(format!("{file}/{name}: {why}"));
            }
        }
        if bless {
            std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        total >= 60,
        "the catalogue must hold at least 60 cases, has {total}"
    );
    assert!(
        codes.len() >= 40,
        "the catalogue shows only {} distinct codes: {codes:?}",
        codes.len()
    );
}

#[test]
fn runner_rejects_what_it_does_not_know() {
    let case = json!({"code": "uscc_length", "family": "validation"});
    let wrong_row = json!({"code": "uscc_length", "family": "validation", "details": {"row": 2}});
    let r = run_operation("parse_uscc", &json!({"text": "913"}));
    assert_eq!(check(&case, &r), None);
    assert!(check(&wrong_row, &r).is_some(), "a missing row must fail");
    let r = run_operation("parse_uscc", &json!({"text": "91350100M000100Y43"}));
    assert!(check(&case, &r).is_some(), "a quiet success must fail");
    assert!(check(&json!({"ok": true}), &r).is_none());
}

/// A valid USCC (both check characters) with body `i`.
fn valid_uscc(i: u32) -> String {
    use shuangsuiji::model::{org_code_check_char, uscc_check_char};
    let body: [u8; 8] = format!("{i:08}").into_bytes().try_into().unwrap();
    let mut first: Vec<u8> = b"91150581".to_vec();
    first.extend_from_slice(&body);
    first.push(org_code_check_char(&body).unwrap());
    let arr: [u8; 17] = first.clone().try_into().unwrap();
    first.push(uscc_check_char(&arr).unwrap());
    String::from_utf8(first).unwrap()
}

/// Over-long and over-deep inputs are refused by the documented limit codes before
/// anything large is allocated or any recursion is entered.
#[test]
fn limits_fail_fast_with_their_codes() {
    let code = |op: &str, input: Value| {
        let t = Instant::now();
        let e = run_operation(op, &input).unwrap_err();
        assert!(t.elapsed() < Duration::from_secs(2), "{op}: slow");
        e.code().as_str().to_owned()
    };
    // 1 MiB of '[' — depth is counted by a linear scan, serde never sees it.
    let deep = "[".repeat(1 << 20);
    assert_eq!(
        code("validate:roster", json!({ "json_text": deep.clone() })),
        "too_deep"
    );
    assert_eq!(
        code(
            "read_enterprises",
            json!({"input_text": deep.clone(), "options": {"format": "json"}})
        ),
        "too_deep"
    );
    // Objects nested deeper than serde_json's own recursion limit, in a plan.
    let deep_obj = "{\"a\":".repeat(200_000);
    assert_eq!(
        code(
            "verify_plan",
            json!({"plan_text": deep_obj, "plan_hash": "00".repeat(32)})
        ),
        "too_deep"
    );
    // A 16 MiB CSV against a 1 MiB byte limit.
    let big = "a,b\n".repeat(4 << 20);
    assert_eq!(
        code(
            "read_enterprises",
            json!({"input_text": big, "options": {"limits": {"max_bytes": 1 << 20}}})
        ),
        "too_many_bytes"
    );
    // One cell of 1 MiB against the 4 096-byte field limit.
    let wide = format!(
        "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n91150581MA0000015N,{},150581,A,存续\n",
        "x".repeat(1 << 20)
    );
    assert_eq!(
        code("read_enterprises", json!({ "input_text": wide })),
        "field_too_long"
    );
    // 200 000 rows against a 1 000-row limit.
    let mut rows = String::from("统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n");
    for i in 0..200_000u32 {
        rows.push_str(&valid_uscc(i));
        rows.push_str(",企业,150581,A,存续\n");
    }
    assert_eq!(
        code(
            "read_enterprises",
            json!({"input_text": rows, "options": {"limits": {"max_rows": 1000}}})
        ),
        "too_many_rows"
    );
}
