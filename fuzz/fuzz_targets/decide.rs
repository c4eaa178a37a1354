//! The leniency decision on arbitrary case facts (JSON) and a bundled menu entry picked
//! by the first byte: never panic; the decision is independent of history order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use shuangsuiji::ops::run_operation;

include!("common.rs");

const ENTRIES: &[Option<&str>] = &[
    None,
    Some("samr-2025-first-offence-5"),
    Some("samr-2025-first-offence-3"),
    Some("samr-2025-minor-3"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(v) = serde_json::from_slice::<Value>(rest) else {
        return;
    };
    let entry = ENTRIES[usize::from(sel) % ENTRIES.len()];
    let (facts, history) = match &v {
        Value::Object(m) if m.contains_key("facts") => (
            m["facts"].clone(),
            m.get("history").cloned().unwrap_or(json!([])),
        ),
        _ => (v.clone(), json!([])),
    };
    let on = ["2025-05-06", "2026-01-01", "2020-01-01"][usize::from(sel >> 4) % 3];
    let input = json!({"entry": entry, "facts": facts, "history": history, "on": on});
    let first = run_operation("decide", &input);
    if let Err(e) = &first {
        check_error(e);
    }
    if let Value::Array(mut h) = history {
        h.reverse();
        let input = json!({"entry": entry, "facts": facts, "history": h, "on": on});
        // Parse errors name their position, so only decisions are compared exactly.
        match (&first, run_operation("decide", &input)) {
            (Ok(a), Ok(b)) => assert_eq!(a, &b, "history order changed the decision"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("history order changed success: {a:?} vs {b:?}"),
        }
    }
});
