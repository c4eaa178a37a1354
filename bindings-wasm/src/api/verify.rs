//! Verify exports: plan hash, plan check, draw log check.

use crate::convert::{opt_str_arg, str_arg};
use shuangsuiji::verify::{Bytes32, DrawLog, Plan, from_committed_json, verify_log};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{json_of, to_js};
use crate::errors::IntoJs;

/// JSON text of a published document handed in as text or as a JS object.
pub(crate) fn text_of(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(t) => Ok(t),
        None => json_of(value).js_err(),
    }
}

/// Reads a committed document given as its object, its JSON text or its file's bytes
/// (`Uint8Array`), always through the core's one strict committed reader (unknown
/// fields, repeated keys, floats and integers beyond 2^53−1 refused; bytes must be
/// UTF-8, one leading BOM dropped).
pub(crate) fn document<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => from_committed_json(&bytes.to_vec()).js_err(),
        None => from_committed_json(text_of(value)?.as_bytes()).js_err(),
    }
}

/// The plan hash (64 lowercase hex digits) of a published plan.
///
/// # Errors
/// `json_syntax`, `json_shape`, and those of the core's `Plan::validate`.
#[wasm_bindgen(js_name = planHash)]
pub fn plan_hash(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
) -> Result<String, JsValue> {
    let plan: Plan = document(&plan)?;
    plan.plan_hash().map(|h| h.to_hex()).js_err()
}

/// Checks a published plan against its published hash; returns nothing on success.
///
/// # Errors
/// `plan_hash_mismatch` (details `expected`/`actual`), `hash_invalid` for a malformed
/// hash, and those of `Plan::validate`.
#[wasm_bindgen(js_name = verifyPlan)]
pub fn verify_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] plan_hash: JsValue,
) -> Result<(), JsValue> {
    let plan_hash = str_arg(&plan_hash, "plan_hash")?;
    let plan_hash = plan_hash.as_str();
    let plan: Plan = document(&plan)?;
    let hash = Bytes32::from_hex(plan_hash).js_err()?;
    shuangsuiji::verify::verify_plan(&plan, &hash).js_err()
}

/// Verifies a draw log against its plan (and the published head, if given); returns the
/// `LogSummary` (`{head, attempts}`).
///
/// # Errors
/// The codes of the core's `verify::verify_log` (`log_chain_broken`,
/// `plan_hash_mismatch`, `log_order`, `reveal_mismatch`, `beacon_*`, `result_mismatch`,
/// …), each naming the log entry.
#[wasm_bindgen(js_name = verifyLog, unchecked_return_type = "LogSummary")]
pub fn verify_log_js(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DrawLogDocument | string")] log: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] expected_head: JsValue,
) -> Result<JsValue, JsValue> {
    let expected_head = opt_str_arg(&expected_head, "expected_head")?;
    let plan: Plan = document(&plan)?;
    let log: DrawLog = document(&log)?;
    let head = expected_head
        .as_deref()
        .map(Bytes32::from_hex)
        .transpose()
        .js_err()?;
    let summary = verify_log(&plan, &log, head.as_ref()).js_err()?;
    to_js(&summary).js_err()
}
