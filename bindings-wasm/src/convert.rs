//! The one conversion path: JS value ⇄ JSON text ⇄ core serde types.

use std::borrow::Cow;

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
/// first turned into JSON text. Shape errors name the argument (`within`).
pub fn from_js<T: serde::de::DeserializeOwned>(
    value: &JsValue,
    arg: Option<&str>,
) -> Result<T, Error> {
    let text = match value.as_string() {
        Some(t) => t,
        None => json_of(value)?,
    };
    serde_json::from_str(&text).map_err(|e| {
        let err = Error::from_json(&e);
        match arg {
            Some(a) => err.within(a),
            None => err,
        }
    })
}

/// The text of a file's bytes, decoded as the browser's `TextDecoder("utf-8")` (and
/// `File.text()`) decodes it: one leading byte-order mark dropped, malformed sequences
/// replaced by U+FFFD. Valid UTF-8 is borrowed, not copied.
pub fn text_of_bytes(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Strict validation first: it is the fast one, and a published file is UTF-8.
    std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed)
}
