//! Publish: the `ReceiptVerifier` handle (hand-written: it keeps the plan and the
//! result read and hashed in wasm memory across calls). Every other publish export is a
//! table operation ([`super::table`]).

use js_sys::Uint8Array;
use shuangsuiji::publish::{self, Receipt, ResultDocument};
use shuangsuiji::verify::{Plan, from_committed_json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;
use crate::errors::IntoJs;

/// JSON text of a published document handed in as text or as a JS object.
fn text_of(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(t) => Ok(t),
        None => crate::convert::json_of(value).js_err(),
    }
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
