//! Hand-written model exports: `version`, and `parseUscc`, which returns the canonical
//! USCC string where the table's `parse_uscc` answers `{uscc, division_code}`. The rest
//! are table operations ([`super::table`]).

use crate::convert::str_arg;
use shuangsuiji::model::Uscc;
use wasm_bindgen::prelude::*;

use crate::errors::IntoJs;

/// The library version.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
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
