//! Ops export: every core operation by its stable name (`shuangsuiji::ops::run_operation`),
//! the entry point the bad-input catalogue runs in all three languages.

use crate::convert::str_arg;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// The operation table of the core: per operation its name, its JS name (`jsName`), its
/// arguments in the order they are read (`name`, `kind`, `optional`) and its result.
///
/// # Errors
/// None in practice (the table always converts).
#[wasm_bindgen(unchecked_return_type = "OperationInfo[]")]
pub fn operations() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = shuangsuiji::ops::OPERATION_TABLE
        .iter()
        .map(|o| serde_json::json!({"name": o.name, "jsName": o.js_name(), "args": o.args, "result": o.result}))
        .collect();
    to_js(&list).js_err()
}

/// Runs one operation by name (`parse_uscc`, `read_enterprises`, `eligibility`, `draw`,
/// `verify_log`, `decide` …) on a JSON-shaped input object and returns its output.
///
/// # Errors
/// The operation's own codes; `json_shape` for a missing or mistyped input field.
#[wasm_bindgen(js_name = runOperation, unchecked_return_type = "unknown")]
pub fn run_operation(
    #[wasm_bindgen(unchecked_param_type = "string")] operation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let operation = str_arg(&operation, "operation")?;
    let operation = operation.as_str();
    let input: serde_json::Value = from_js(&input, Some("input")).js_err()?;
    let out = shuangsuiji::ops::run_operation(operation, &input).js_err()?;
    to_js(&out).js_err()
}

/// Runs table operation `name` with positional JS arguments in the table's order: a
/// string for a document argument is its JSON text, any other value its JSON; `null` /
/// `undefined` leave an (optional) argument out.
fn call_table(name: &str, values: &[JsValue]) -> Result<JsValue, JsValue> {
    use shuangsuiji::ops::ArgKind;
    let op = shuangsuiji::ops::operation(name).ok_or_else(|| {
        crate::errors::to_js_error(&shuangsuiji::Error::unknown(
            shuangsuiji::InputCode::JsonShape,
            "operation",
            name,
        ))
    })?;
    let mut input = serde_json::Map::new();
    for (arg, value) in op.args.iter().zip(values) {
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let (key, json) = match (arg.kind, value.as_string()) {
            (ArgKind::Document | ArgKind::Committed, Some(text)) => (
                format!("{}_text", arg.name),
                serde_json::Value::String(text),
            ),
            (ArgKind::Document | ArgKind::Committed, None) => (
                arg.name.to_owned(),
                from_js::<serde_json::Value>(value, Some(arg.name)).js_err()?,
            ),
            (ArgKind::Integer, _) => (
                arg.name.to_owned(),
                serde_json::Value::from(crate::convert::u32_arg(value, arg.name)?),
            ),
            _ => (
                arg.name.to_owned(),
                serde_json::Value::String(str_arg(value, arg.name)?),
            ),
        };
        input.insert(key, json);
    }
    let out = shuangsuiji::ops::run_operation(name, &serde_json::Value::Object(input)).js_err()?;
    to_js(&out).js_err()
}

/// Generates a JS export per table operation that had none: positional arguments in the
/// table's order, the same answers and errors as `runOperation(name, …)`.
macro_rules! table_operations {
    ($( $js:ident => $rust:ident = $op:literal ($($arg:ident),*); )*) => {$(
        #[doc = concat!(
            "The core's `", $op, "` operation (`operations()`), arguments in the table's order.",
            "\n\n# Errors\nThe operation's codes, as `runOperation(\"", $op, "\", …)`."
        )]
        #[wasm_bindgen(js_name = $js, unchecked_return_type = "unknown")]
        pub fn $rust($($arg: JsValue),*) -> Result<JsValue, JsValue> {
            call_table($op, &[$($arg),*])
        }
    )*};
}

table_operations! {
    parseDivision => table_parse_division = "parse_division" (text);
    parseRatio => table_parse_ratio = "parse_ratio" (text);
    beaconSpec => table_beacon_spec = "beacon_spec" (spec);
    calendarStatus => table_calendar_status = "calendar_status" (date);
    commitment => table_commitment = "commitment" (party_id, secret);
}
