//! Every table operation on arbitrary JSON input: the first byte picks the
//! operation, the rest is the input object. Never panic; errors carry valid codes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::ops::run_operation;

include!("common.rs");

/// Every operation of the table (`ops::OPERATIONS`, so that a new operation is fuzzed
/// with no edit here), with `validate:<kind>` once per kind.
static OPS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let kinds = ["enterprise", "roster", "catalog", "item", "history", "inspector_roster"];
    shuangsuiji::ops::OPERATIONS
        .iter()
        .flat_map(|&op| match op {
            "validate:<kind>" => kinds.iter().map(|k| format!("validate:{k}")).collect(),
            op => vec![op.to_owned()],
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    tolerate_caught_calamine_panics();
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(input) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    let op = &OPS[usize::from(sel) % OPS.len()];
    if let Err(e) = run_operation(op, &input) {
        check_error(&e);
    }
});
