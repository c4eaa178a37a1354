//! Draw exports: the whole draw, the columnar draw and its selection columns, one ticket.

use std::collections::BTreeMap;

use crate::convert::str_arg;
use shuangsuiji::draw::{Draw, DrawInput, DrawResult, Seed, TaskId, Ticket, ticket as core_ticket};
use shuangsuiji::model::Uscc;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// Runs a whole draw (`DrawInput` object or JSON text) and returns the `DrawResult`.
///
/// # Errors
/// `json_syntax`, `json_shape` and the value codes of the input; the codes of the core's
/// `draw::draw` (`quota_missing`, `quota_exceeds_eligible`, `stratum_overlap`, …).
#[wasm_bindgen(unchecked_return_type = "DrawResult")]
pub fn draw(
    #[wasm_bindgen(unchecked_param_type = "DrawInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: DrawInput = from_js(&input, None).js_err()?;
    let result = shuangsuiji::draw::draw(input).js_err()?;
    to_js(&result).js_err()
}

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

/// The current selection of a `DrawResult` as columns (`DrawResult::selection_columns`):
/// per item and stratum the selected `uscc`, `ticket` and `basis` arrays, and the
/// visits' `uscc` and `ticket`.
///
/// # Errors
/// `json_syntax`, `json_shape` and the value codes of a malformed result.
#[wasm_bindgen(js_name = selectionColumns, unchecked_return_type = "SelectionColumns")]
pub fn selection_columns(
    #[wasm_bindgen(unchecked_param_type = "DrawResult | string")] result: JsValue,
) -> Result<JsValue, JsValue> {
    let result: DrawResult = from_js(&result, Some("result")).js_err()?;
    to_js(&result.selection_columns()).js_err()
}

/// Test hook of the golden vectors: like [`draw`] but the enterprises listed in
/// `overrides` (`{USCC: ticket hex}`) get those tickets. Its result is not a v1 result;
/// never use it for a real draw.
///
/// # Errors
/// As [`draw`]; `json_shape` or the USCC / ticket codes for a bad override.
#[wasm_bindgen(js_name = drawWithTicketOverrides, unchecked_return_type = "DrawResult")]
pub fn draw_with_ticket_overrides(
    #[wasm_bindgen(unchecked_param_type = "DrawInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<Uscc, TicketHex>")] overrides: JsValue,
) -> Result<JsValue, JsValue> {
    let input: DrawInput = from_js(&input, None).js_err()?;
    let overrides: BTreeMap<Uscc, Ticket> = from_js(&overrides, Some("overrides")).js_err()?;
    let result = Draw::with_ticket_overrides(input, &overrides)
        .map(|d| d.result())
        .js_err()?;
    to_js(&result).js_err()
}

/// The 128-bit ticket (32 lowercase hex digits) of one enterprise in a task.
///
/// # Errors
/// `seed_invalid`, `task_id_invalid`, the `uscc_*` validation codes.
#[wasm_bindgen]
pub fn ticket(
    #[wasm_bindgen(unchecked_param_type = "string")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] task_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] uscc: JsValue,
) -> Result<String, JsValue> {
    let seed = str_arg(&seed, "seed")?;
    let seed = seed.as_str();
    let task_id = str_arg(&task_id, "task_id")?;
    let task_id = task_id.as_str();
    let uscc = str_arg(&uscc, "uscc")?;
    let uscc = uscc.as_str();
    let seed = Seed::parse(seed).js_err()?;
    let task = TaskId::parse(task_id).js_err()?;
    let uscc = Uscc::parse(uscc).js_err()?;
    Ok(core_ticket(&seed, &task, &uscc).to_hex())
}
