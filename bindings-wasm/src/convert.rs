//! The one conversion path: JS value ⇄ JSON text ⇄ core serde types.

use serde::Serialize;
use shuangsuiji::{Error, InputCode};
use wasm_bindgen::{JsCast, JsValue};

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
    match arg {
        Some(a) => shuangsuiji::json::parse_arg(&text, a),
        None => shuangsuiji::json::parse(&text),
    }
}

/// The `argument_type` error for argument `name`, which should have been `expected`.
fn argument_type(value: &JsValue, name: &str, expected: &str) -> JsValue {
    let actual = value.js_typeof().as_string().unwrap_or_default();
    let actual = if value.is_null() {
        "null".to_owned()
    } else if value.is_instance_of::<js_sys::Date>() {
        "Date".to_owned()
    } else if actual == "object" {
        js_sys::Object::get_prototype_of(value)
            .constructor()
            .name()
            .as_string()
            .unwrap_or(actual)
    } else {
        actual
    };
    crate::errors::to_js_error(
        &Error::new(
            InputCode::ArgumentType,
            format!("argument {name} must be {expected}, not {actual}"),
        )
        .with_field(name)
        .with_detail("expected", expected)
        .with_detail("actual", actual),
    )
}

/// A string argument; anything else (number, object, `Date`, `BigInt`, `undefined` …)
/// is refused with `argument_type` naming it, instead of reaching wasm-bindgen's
/// string passing (which traps on a non-string).
pub fn str_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| argument_type(value, name, "a string"))
}

/// A byte argument: a `Uint8Array` or an `ArrayBuffer` (what `File.arrayBuffer()`
/// gives). Anything else — a string, a `Uint16Array`, an array of numbers — is refused
/// with `argument_type`, never read as something else.
pub fn bytes_arg(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(b).to_vec());
    }
    Err(argument_type(value, name, "a Uint8Array or an ArrayBuffer"))
}
