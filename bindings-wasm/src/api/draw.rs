//! Draw exports: the whole draw, one ticket.

use std::collections::BTreeMap;

use shuangsuiji::draw::{Draw, DrawInput, Seed, TaskId, Ticket, ticket as core_ticket};
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
pub fn ticket(seed: &str, task_id: &str, uscc: &str) -> Result<String, JsValue> {
    let seed = Seed::parse(seed).js_err()?;
    let task = TaskId::parse(task_id).js_err()?;
    let uscc = Uscc::parse(uscc).js_err()?;
    Ok(core_ticket(&seed, &task, &uscc).to_hex())
}
