//! Core `Error` → a real JS `Error` with `.code`, `.family` and `.details`.

use wasm_bindgen::JsValue;

/// Builds the JS error object thrown for a core error.
pub fn to_js_error(err: &shuangsuiji::Error) -> JsValue {
    let js = js_sys::Error::new(&format!("{}: {}", err.code().as_str(), err.message()));
    js.set_name("ShuangsuijiError");
    let obj: &JsValue = js.as_ref();
    let details = serde_json::to_string(err.details())
        .ok()
        .and_then(|t| js_sys::JSON::parse(&t).ok())
        .unwrap_or_else(|| js_sys::Object::new().into());
    // Reflect::set only fails on frozen objects; a fresh Error is not frozen.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &err.code().as_str().into());
    let _ = js_sys::Reflect::set(obj, &"family".into(), &err.family().as_str().into());
    let _ = js_sys::Reflect::set(obj, &"details".into(), &details);
    js.into()
}

/// Converts `Result<T, shuangsuiji::Error>` into `Result<T, JsValue>` with a JS error.
pub trait IntoJs<T> {
    /// Converts the error side.
    fn js_err(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for Result<T, shuangsuiji::Error> {
    fn js_err(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js_error(&e))
    }
}
