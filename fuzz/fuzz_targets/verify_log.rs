//! verify_log / verify_plan on arbitrary bytes: the first byte picks whether the bytes
//! are the log (checked against the vector plan) or the plan (against the vector log).
//! Never panic; verification is deterministic.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use shuangsuiji::ops::run_operation;

include!("common.rs");

static VECTORS: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../tests/vectors/verify/logs.json")).unwrap()
});

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let plan = &VECTORS["plan"];
    let log = &VECTORS["cases"][0]["log"];
    let input = match sel % 3 {
        0 => json!({"plan": plan, "log_text": text}),
        1 => json!({"plan_text": text, "log": log}),
        _ => json!({"plan_text": text, "plan_hash": "00".repeat(32)}),
    };
    let op = if sel % 3 == 2 {
        "verify_plan"
    } else {
        "verify_log"
    };
    let first = run_operation(op, &input);
    if let Err(e) = &first {
        check_error(e);
    }
    assert_eq!(
        run_operation(op, &input),
        first,
        "verification is deterministic"
    );
});
