//! Rules exports: eligibility and the quota formula.

use shuangsuiji::model::{Catalog, CheckRecord, Roster};
use shuangsuiji::rules::{PlanRequest, eligibility as core_eligibility};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, json_of, to_js};
use crate::errors::IntoJs;

/// Eligibility of a roster for a plan request: the `EligibilityReport` (per item,
/// per stratum eligible lists and quotas, exclusions with reasons, forced-in).
///
/// # Errors
/// `json_syntax`/`json_shape` (field prefixed with the argument name), the catalog
/// validation codes, and the codes of the core's `rules::eligibility` (`plan_invalid`,
/// `preset_unknown`, `item_unknown`, `stratum_overlap`, …).
#[wasm_bindgen(unchecked_return_type = "EligibilityReport")]
pub fn eligibility(
    #[wasm_bindgen(unchecked_param_type = "PlanRequest | string")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Enterprise[] | string")] roster: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckRecord[] | string")] history: JsValue,
) -> Result<JsValue, JsValue> {
    let catalog_text = match catalog.as_string() {
        Some(t) => t,
        None => json_of(&catalog).js_err()?,
    };
    // The operation table's order (catalog, roster, history, request), as `runOperation`.
    let catalog = Catalog::from_json(&catalog_text)
        .map_err(|e| e.within("catalog"))
        .js_err()?;
    let roster: Roster = from_js(&roster, Some("roster")).js_err()?;
    let history: Vec<CheckRecord> = from_js(&history, Some("history")).js_err()?;
    let request: PlanRequest = from_js(&request, Some("request")).js_err()?;
    let report = core_eligibility(&request, &catalog, &roster, &history).js_err()?;
    to_js(&report).js_err()
}
