//! Every catalogue operation on arbitrary JSON input: the first byte picks the
//! operation, the rest is the input object. Never panic; errors carry valid codes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::ops::run_operation;

include!("common.rs");

const OPS: &[&str] = &[
    "parse_uscc",
    "parse_division",
    "parse_ratio",
    "validate:enterprise",
    "validate:roster",
    "validate:catalog",
    "validate:item",
    "read_enterprises",
    "read_inspectors",
    "read_history",
    "read_catalog",
    "eligibility",
    "draw",
    "verify_plan",
    "verify_log",
    "beacon_canonicalize",
    "beacon_validate",
    "beacon_spec",
    "commitment",
    "decide",
    "calendar_status",
];

fuzz_target!(|data: &[u8]| {
    tolerate_caught_calamine_panics();
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(input) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    let op = OPS[usize::from(sel) % OPS.len()];
    if let Err(e) = run_operation(op, &input) {
        check_error(&e);
    }
});
