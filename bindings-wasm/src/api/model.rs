//! Model-level exports: USCC, error codes, catalogs, validation of model values.

use crate::convert::str_arg;
use shuangsuiji::ErrorCode;
use shuangsuiji::model::{Catalog, ModelKind, Uscc, validate_json};
use wasm_bindgen::prelude::*;

use crate::convert::{json_of, to_js};
use crate::errors::IntoJs;

/// The library version.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Every stable error code with its family: `[{code, family}, …]`.
///
/// # Errors
/// Never in practice (conversion only).
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCodeInfo[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    let all: Vec<serde_json::Value> = ErrorCode::all()
        .into_iter()
        .map(|c| serde_json::json!({"code": c.as_str(), "family": c.family().as_str()}))
        .collect();
    to_js(&all).js_err()
}

/// Validates a USCC and returns its canonical form.
///
/// # Errors
/// The `uscc_*` validation codes.
#[wasm_bindgen(js_name = parseUscc)]
pub fn parse_uscc(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, JsValue> {
    let text = str_arg(&text, "text")?;
    let text = text.as_str();
    Uscc::parse(text).map(|u| u.as_str().to_owned()).js_err()
}

/// Completes a 17-character prefix with its GB 32100 check character.
///
/// # Errors
/// The `uscc_*` validation codes.
#[wasm_bindgen(js_name = completeUscc)]
pub fn complete_uscc(
    #[wasm_bindgen(unchecked_param_type = "string")] first17: JsValue,
) -> Result<String, JsValue> {
    let first17 = str_arg(&first17, "first17")?;
    let first17 = first17.as_str();
    Uscc::complete(first17)
        .map(|u| u.as_str().to_owned())
        .js_err()
}

/// Parses and validates a catalog (object or JSON text): `{catalog, content_hash}`.
///
/// # Errors
/// `json_syntax`, `json_shape`, `item_department_missing`, the catalog validation codes.
#[wasm_bindgen(js_name = loadCatalog, unchecked_return_type = "CatalogLoaded")]
pub fn load_catalog(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] source: JsValue,
) -> Result<JsValue, JsValue> {
    let text = match source.as_string() {
        Some(t) => t,
        None => json_of(&source).js_err()?,
    };
    let catalog = Catalog::from_json(&text).js_err()?;
    let hash = catalog.content_hash().js_err()?;
    to_js(&serde_json::json!({"catalog": catalog, "content_hash": hash})).js_err()
}

/// Validates a value of a model type and returns it in canonical form. `kind` is one of
/// `enterprise`, `roster`, `inspector`, `inspector_roster`, `authority`,
/// `check_record`, `history`, `ratio`, `item`, `catalog`.
///
/// # Errors
/// The model's validation codes; `reference_unknown` for an unknown kind.
#[wasm_bindgen(unchecked_return_type = "unknown")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let text = json_of(&value).js_err()?;
    let canonical = ModelKind::from_label(kind)
        .and_then(|k| validate_json(k, &text))
        .js_err()?;
    js_sys::JSON::parse(&canonical)
}
