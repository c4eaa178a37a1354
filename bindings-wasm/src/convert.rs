//! The one conversion path: JS value ⇄ JSON text ⇄ core serde types.

use serde::Serialize;
use shuangsuiji::{Error, InputCode};
use wasm_bindgen::JsValue;

/// JSON text of a JS value.
pub fn json_of(value: &JsValue) -> Result<String, Error> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            Error::new(
                InputCode::JsonShape,
                "the value cannot be converted to JSON",
            )
        })
}

/// Converts a core value to a plain JS value (objects, arrays, strings, numbers).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))?;
    js_sys::JSON::parse(&text)
        .map_err(|_| Error::new(InputCode::JsonShape, "cannot convert the result to JS"))
}

/// Reads a core value from a JS value: a JSON string is parsed as is, anything else is
/// first turned into JSON text; either goes through the core's one JSON reader (limits
/// and duplicate keys checked first). Shape errors name the argument (`within`).
pub fn from_js<T: serde::de::DeserializeOwned>(
    value: &JsValue,
    arg: Option<&str>,
) -> Result<T, Error> {
    let text = match value.as_string() {
        Some(t) => t,
        None => json_of(value)?,
    };
    shuangsuiji::intake::parse_json(&text).map_err(|err| match arg {
        Some(a) => err.within(a),
        None => err,
    })
}
