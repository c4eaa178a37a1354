//! Hand-written draw export: the columnar draw (`drawColumns`: two string columns
//! instead of eligible lists, a fast path). The draw itself and the selection columns are
//! table operations ([`super::table`]).

use shuangsuiji::draw::DrawInput;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// Runs a draw whose enterprises come as two equally long columns (`draw::draw_columns`):
/// each USCC joins every stratum whose `key` equals its class; rows whose class names
/// no stratum join none. The result equals [`draw`] on the joined eligible lists.
///
/// # Errors
/// As [`draw`]; `json_shape` when a column is not an array of strings; the USCC codes
/// with `field` = `usccs[row]`; `row_too_short` when one column ends first.
#[wasm_bindgen(js_name = drawColumns, unchecked_return_type = "DrawResult")]
pub fn draw_columns(
    #[wasm_bindgen(unchecked_param_type = "DrawInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] usccs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] classes: JsValue,
) -> Result<JsValue, JsValue> {
    let input: DrawInput = from_js(&input, None).js_err()?;
    let usccs: Vec<String> = from_js(&usccs, Some("usccs")).js_err()?;
    let classes: Vec<String> = from_js(&classes, Some("classes")).js_err()?;
    let result = shuangsuiji::draw::draw_columns(
        input,
        usccs.iter().map(String::as_str),
        classes.iter().map(String::as_str),
    )
    .js_err()?;
    to_js(&result).js_err()
}
