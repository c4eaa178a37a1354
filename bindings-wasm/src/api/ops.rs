//! Ops export: every core operation by its stable name (`shuangsuiji::ops::run_operation`),
//! the entry point the bad-input catalogue runs in all three languages.

use crate::convert::str_arg;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// The operation table of the core: per operation its name, its JS name (`jsName`), its
/// arguments in the order they are read (`name`, `kind`, `optional`), the export's
/// parameters (`params`), whether it is an export (`bound`) and its result.
///
/// # Errors
/// None in practice (the table always converts).
#[wasm_bindgen(unchecked_return_type = "OperationInfo[]")]
pub fn operations() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = shuangsuiji::ops::OPERATION_TABLE
        .iter()
        .map(|o| serde_json::json!({"name": o.name, "jsName": o.js_name, "args": o.args, "params": o.params, "bound": o.bound, "result": o.result}))
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
