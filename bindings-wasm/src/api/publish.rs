//! Publish exports: the plan from an eligibility report, the committed leaves, the draw
//! log, the published result document, receipts and their verification, and
//! `verifyDraw` recomputing a whole draw from the published files.

use crate::convert::{str_arg, u32_arg};
use js_sys::Uint8Array;
use serde::Serialize;
use shuangsuiji::draw::SubstitutionRequest;
use shuangsuiji::model::{Catalog, InspectorRoster};
use shuangsuiji::publish::{self, PlanMeta, Receipt, ResultDocument};
use shuangsuiji::rules::EligibilityReport;
use shuangsuiji::verify::{
    Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf, Plan, document_text, from_committed_json,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::verify::{document, text_of};
use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

fn bytes32(text: &str, field: &str) -> Result<Bytes32, JsValue> {
    Bytes32::from_hex(text)
        .map_err(|e| e.within(field))
        .js_err()
}

fn catalog_of(value: &JsValue) -> Result<Catalog, JsValue> {
    Catalog::from_json(&text_of(value)?)
        .map_err(|e| e.within("catalog"))
        .js_err()
}

/// The plan of a task (committed before any randomness exists) from its eligibility
/// report, catalog, inspectors and `meta` (`{task_id, reveal_order, beacons, parties}`).
///
/// # Errors
/// `json_syntax`/`json_shape` naming the argument; the catalog codes; those of the
/// core's `publish::plan_from_eligibility` (`count_invalid`, `leaf_invalid`,
/// `leaf_duplicate`, `plan_invalid`, …).
#[wasm_bindgen(js_name = planFromEligibility, unchecked_return_type = "PlanDocument")]
pub fn plan_from_eligibility(
    #[wasm_bindgen(unchecked_param_type = "EligibilityReport | string")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Inspector[] | string")] inspectors: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlanMeta | string")] meta: JsValue,
) -> Result<JsValue, JsValue> {
    let report: EligibilityReport = from_js(&report, Some("report")).js_err()?;
    let catalog = catalog_of(&catalog)?;
    let inspectors: InspectorRoster = from_js(&inspectors, Some("inspectors")).js_err()?;
    let meta: PlanMeta = from_js(&meta, Some("meta")).js_err()?;
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta).js_err()?;
    to_js(&plan).js_err()
}

/// The eligible leaves of a report: `{uscc, item_id, stratum_key}` per enterprise and item.
///
/// # Errors
/// `json_syntax`/`json_shape` for a malformed report.
#[wasm_bindgen(js_name = eligibleLeaves, unchecked_return_type = "EligibleLeaf[]")]
pub fn eligible_leaves(
    #[wasm_bindgen(unchecked_param_type = "EligibilityReport | string")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: EligibilityReport = from_js(&report, Some("report")).js_err()?;
    to_js(&publish::eligible_leaves(&report)).js_err()
}

/// The exclusion leaves of a report: `{uscc, reasons, evidence}` per excluded enterprise.
///
/// # Errors
/// `json_syntax`/`json_shape` for a malformed report.
#[wasm_bindgen(js_name = excludedLeaves, unchecked_return_type = "ExcludedLeaf[]")]
pub fn excluded_leaves(
    #[wasm_bindgen(unchecked_param_type = "EligibilityReport | string")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: EligibilityReport = from_js(&report, Some("report")).js_err()?;
    to_js(&publish::excluded_leaves(&report)).js_err()
}

/// A new draw log holding only `plan_published`.
///
/// # Errors
/// `hash_invalid` for a malformed plan hash.
#[wasm_bindgen(js_name = newLog, unchecked_return_type = "DrawLogDocument")]
pub fn new_log(
    #[wasm_bindgen(unchecked_param_type = "string")] plan_hash: JsValue,
) -> Result<JsValue, JsValue> {
    let plan_hash = str_arg(&plan_hash, "plan_hash")?;
    let plan_hash = plan_hash.as_str();
    let log = DrawLog::new(bytes32(plan_hash, "plan_hash")?).js_err()?;
    to_js(&log).js_err()
}

/// The log with one more event chained on (`{kind: "beacon" | "reveal" | …, …}`).
///
/// # Errors
/// `json_shape` for a malformed log or event; `log_order` and the other codes of the
/// core's `DrawLog::append`.
#[wasm_bindgen(js_name = logAppend, unchecked_return_type = "DrawLogDocument")]
pub fn log_append(
    #[wasm_bindgen(unchecked_param_type = "DrawLogDocument | string")] log: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LogEvent | string")] event: JsValue,
) -> Result<JsValue, JsValue> {
    let mut log: DrawLog = document(&log)?;
    let event: Event = document(&event)?;
    log.append(event).js_err()?;
    to_js(&log).js_err()
}

#[derive(Serialize)]
struct Published {
    result: ResultDocument,
    log: DrawLog,
}

/// Draws and publishes: `{result, log}` — the result document and the log with the
/// `draw` event (attempt, seed, result hash) appended.
///
/// # Errors
/// `log_order` for an empty log; those of the core's `publish::publish_draw` (the draw's
/// codes, `root_mismatch` for an eligible entry outside the plan, `item_unknown`, …).
#[wasm_bindgen(js_name = publishDraw, unchecked_return_type = "PublishedDraw")]
pub fn publish_draw(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EligibleLeaf[] | string")] eligible: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DrawLogDocument | string")] log: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] attempt: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] seed: JsValue,
) -> Result<JsValue, JsValue> {
    let attempt = u32_arg(&attempt, "attempt")?;
    let seed = str_arg(&seed, "seed")?;
    let seed = seed.as_str();
    let plan: Plan = document(&plan)?;
    let eligible: Vec<EligibleLeaf> = document(&eligible)?;
    let catalog = catalog_of(&catalog)?;
    let mut log: DrawLog = document(&log)?;
    let seed = bytes32(seed, "seed")?;
    let result =
        publish::publish_draw(&plan, &eligible, &catalog, &mut log, attempt, &seed).js_err()?;
    to_js(&Published { result, log }).js_err()
}

/// Publishes substitutions after the draw as a new revision of the current result:
/// returns `{result, log}` with one `substitution` event per item replaced and a
/// `revision` event appended to the log. `requests`: `[{uscc, reason, item_id?,
/// evidence?}]`; without `item_id` the enterprise is replaced in its whole visit. All or
/// nothing.
///
/// # Errors
/// Those of the core's `publish::publish_substitutions`: `result_mismatch` (field
/// `result`, not the log's current result), `log_order`, `substitution_limit`,
/// `substitute_not_selected`, `substitute_exhausted`, `substitution_reason_unknown`, …
#[wasm_bindgen(js_name = publishSubstitutions, unchecked_return_type = "PublishedDraw")]
pub fn publish_substitutions(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EligibleLeaf[] | string")] eligible: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DrawLogDocument | string")] log: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResultDocument | string")] result: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SubstitutionRequest[] | string")] requests: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = document(&plan)?;
    let eligible: Vec<EligibleLeaf> = document(&eligible)?;
    let catalog = catalog_of(&catalog)?;
    let mut log: DrawLog = document(&log)?;
    let current: ResultDocument = document(&result)?;
    let requests: Vec<SubstitutionRequest> = from_js(&requests, Some("requests")).js_err()?;
    let result =
        publish::publish_substitutions(&plan, &eligible, &catalog, &mut log, &current, &requests)
            .js_err()?;
    to_js(&Published { result, log }).js_err()
}

/// One receipt per eligible or excluded enterprise, sorted by USCC.
///
/// # Errors
/// `leaf_invalid`, `leaf_duplicate`, `task_id_invalid` and the hash codes of the core's
/// `publish::receipts`.
#[wasm_bindgen(unchecked_return_type = "Receipt[]")]
pub fn receipts(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EligibleLeaf[] | string")] eligible: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExcludedLeaf[] | string")] excluded: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResultDocument | string")] result: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = document(&plan)?;
    let eligible: Vec<EligibleLeaf> = document(&eligible)?;
    let excluded: Vec<ExcludedLeaf> = document(&excluded)?;
    let result: ResultDocument = document(&result)?;
    to_js(&publish::receipts(&plan, &eligible, &excluded, &result).js_err()?).js_err()
}

/// Verifies a receipt against the published plan and result; returns the `Verdict`.
///
/// # Errors
/// `plan_hash_mismatch`, `result_mismatch`, `receipt_invalid` (naming the field:
/// `ticket`, `eligible[k].selected`, …), `merkle_proof_invalid`, `leaf_invalid` — those
/// of the core's `publish::verify_receipt`.
#[wasm_bindgen(js_name = verifyReceipt, unchecked_return_type = "Verdict")]
pub fn verify_receipt(
    #[wasm_bindgen(unchecked_param_type = "Receipt | string")] receipt: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResultDocument | string")] result: JsValue,
) -> Result<JsValue, JsValue> {
    let receipt: Receipt = published(&receipt, "receipt")?;
    let plan: Plan = published(&plan, "plan")?;
    let result: ResultDocument = published(&result, "result")?;
    to_js(&publish::verify_receipt(&receipt, &plan, &result).js_err()?).js_err()
}

/// Checks many receipts of one published draw (the core's `publish::ReceiptVerifier`):
/// `new ReceiptVerifier(plan, result)` reads, checks and hashes the plan and the result
/// once; `verify(receipt)` then takes microseconds and returns the same `Verdict`, or
/// throws the same error, as `verifyReceipt`. Documents may be objects, JSON text or a
/// file's bytes (`Uint8Array`, UTF-8). Call `free()` when done (wasm memory).
///
/// ```js
/// const rv = new ReceiptVerifier(plan, result);
/// for (const r of receipts) console.log(r.uscc, rv.verify(r).items);
/// rv.free();
/// ```
#[wasm_bindgen]
pub struct ReceiptVerifier {
    inner: publish::ReceiptVerifier,
}

#[wasm_bindgen]
impl ReceiptVerifier {
    /// Reads, checks and hashes the plan and the result.
    ///
    /// # Errors
    /// `result_mismatch` (field `result.plan_hash`), the plan's and the result's
    /// reading errors (field under `plan.` / `result.`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PlanDocument | string | Uint8Array")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ResultDocument | string | Uint8Array")]
        result: JsValue,
    ) -> Result<Self, JsValue> {
        let plan: Plan = published(&plan, "plan")?;
        let result: ResultDocument = published(&result, "result")?;
        let inner = publish::ReceiptVerifier::new(plan, result).js_err()?;
        Ok(Self { inner })
    }

    /// Verifies one receipt; returns its `Verdict`.
    ///
    /// # Errors
    /// As `verifyReceipt`.
    #[wasm_bindgen(unchecked_return_type = "Verdict")]
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Receipt | string | Uint8Array")] receipt: JsValue,
    ) -> Result<JsValue, JsValue> {
        let receipt: Receipt = published(&receipt, "receipt")?;
        to_js(&self.inner.verify(&receipt).js_err()?).js_err()
    }

    /// The plan hash (hex), computed once.
    #[wasm_bindgen(getter, js_name = planHash)]
    #[must_use]
    pub fn plan_hash(&self) -> String {
        self.inner.plan_hash().to_hex()
    }

    /// The result hash (hex), computed once.
    #[wasm_bindgen(getter, js_name = resultHash)]
    #[must_use]
    pub fn result_hash(&self) -> String {
        self.inner.result_hash().to_hex()
    }
}

/// A published document given as its object, its JSON text or its file's bytes (a
/// `Uint8Array`: the page hands file contents over without decoding them in JS; bytes
/// that are not UTF-8 are refused, never decoded lossily).
/// Reading errors are located under the document's name (`receipt.uscc`,
/// `eligible[3].uscc`), as the core's verifiers name their fields.
fn published<T: serde::de::DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    let parsed = match value.dyn_ref::<Uint8Array>() {
        Some(bytes) => from_committed_json(&bytes.to_vec()),
        None => from_committed_json(text_of(value)?.as_bytes()),
    };
    parsed.map_err(|e| e.within(name)).js_err()
}

/// The catalog given as its object, its JSON text or its file's bytes.
fn published_catalog(value: &JsValue) -> Result<Catalog, JsValue> {
    match value.dyn_ref::<Uint8Array>() {
        Some(bytes) => Catalog::from_json(document_text(&bytes.to_vec()).js_err()?)
            .map_err(|e| e.within("catalog"))
            .js_err(),
        None => catalog_of(value),
    }
}

/// Recomputes a whole draw from the published files; returns the `DrawSummary`. Each
/// document may be given as its object, its JSON text or its file's bytes
/// (`Uint8Array`, UTF-8).
///
/// # Errors
/// Those of the core's `publish::verify_draw`: `plan_hash_mismatch`, `root_mismatch`
/// (catalog, eligible list), the log codes, `result_mismatch` naming the first
/// differing field of the result.
#[wasm_bindgen(js_name = verifyDraw, unchecked_return_type = "DrawSummary")]
pub fn verify_draw(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string | Uint8Array")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] plan_hash: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string | Uint8Array")]
    catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DrawLogDocument | string | Uint8Array")] log: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] log_head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EligibleLeaf[] | string | Uint8Array")]
    eligible: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResultDocument | string | Uint8Array")] result: JsValue,
) -> Result<JsValue, JsValue> {
    let plan_hash = str_arg(&plan_hash, "plan_hash")?;
    let plan_hash = plan_hash.as_str();
    let log_head = str_arg(&log_head, "log_head")?;
    let log_head = log_head.as_str();
    let plan: Plan = published(&plan, "plan")?;
    let plan_hash = bytes32(plan_hash, "plan_hash")?;
    let catalog = published_catalog(&catalog)?;
    let log: DrawLog = published(&log, "log")?;
    let log_head = bytes32(log_head, "log_head")?;
    let eligible: Vec<EligibleLeaf> = published(&eligible, "eligible")?;
    let result: ResultDocument = published(&result, "result")?;
    let summary = publish::verify_draw(
        &plan, &plan_hash, &catalog, &log, &log_head, &eligible, &result,
    )
    .js_err()?;
    to_js(&summary).js_err()
}
