//! Ops export: every core operation by its stable name (`shuangsuiji::ops::run_operation`),
//! the entry point the bad-input catalogue runs in all three languages.

use crate::convert::str_arg;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

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
