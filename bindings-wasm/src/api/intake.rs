//! Intake exports: rosters, inspector lists and check history from file bytes.
//! Hand-written: these return the records themselves, where the table's `read_*`
//! operations answer a count (the shape the intake vectors pin).

use crate::convert::bytes_arg;
use shuangsuiji::intake::{ReadOptions, read_enterprises, read_history, read_inspectors};
use wasm_bindgen::prelude::*;

use crate::convert::{json_of, to_js};
use crate::errors::IntoJs;

/// `ReadOptions` from a JS object, JSON text, or `undefined`/`null` (defaults).
fn options(value: &JsValue) -> Result<ReadOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(ReadOptions::default());
    }
    let text = match value.as_string() {
        Some(t) => t,
        None => json_of(value).js_err()?,
    };
    ReadOptions::from_json(&text).js_err()
}

/// Reads an enterprise roster (CSV in UTF-8 or GBK, JSON, xlsx) and returns it as
/// `Enterprise[]` in canonical form.
///
/// # Errors
/// The codes of the core's `intake::read_enterprises` (`csv_*`, `encoding_*`, `xlsx_*`,
/// `column_*`, the validation codes with `row`/`column`, the limit codes) and those of
/// `ReadOptions::from_json` (`json_shape`, `encoding_unknown`, `format_unknown`).
#[wasm_bindgen(js_name = readEnterprises, unchecked_return_type = "Enterprise[]")]
pub fn read_enterprises_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions | string | null | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = bytes_arg(&bytes, "bytes")?;
    let bytes = bytes.as_slice();
    let opts = options(&opts)?;
    let roster = read_enterprises(bytes, &opts).js_err()?;
    to_js(&roster).js_err()
}

/// Reads an inspector list and returns it as `Inspector[]`.
///
/// # Errors
/// As [`read_enterprises_js`], with the inspector validation codes.
#[wasm_bindgen(js_name = readInspectors, unchecked_return_type = "Inspector[]")]
pub fn read_inspectors_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions | string | null | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = bytes_arg(&bytes, "bytes")?;
    let bytes = bytes.as_slice();
    let opts = options(&opts)?;
    let roster = read_inspectors(bytes, &opts).js_err()?;
    to_js(&roster).js_err()
}

/// Reads check history and returns it as `CheckRecord[]`.
///
/// # Errors
/// As [`read_enterprises_js`], with the check-record validation codes.
#[wasm_bindgen(js_name = readHistory, unchecked_return_type = "CheckRecord[]")]
pub fn read_history_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions | string | null | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = bytes_arg(&bytes, "bytes")?;
    let bytes = bytes.as_slice();
    let opts = options(&opts)?;
    let history = read_history(bytes, &opts).js_err()?;
    to_js(&history).js_err()
}
