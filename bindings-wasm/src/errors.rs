//! Core `Error` → a real JS `Error` with `.code`, `.family`, `.details`, `.messageZh` and
//! `.messageEn`; `.message` is in the language chosen with `setLanguage` (the core's
//! default, Chinese, until one is chosen).

use std::cell::Cell;

use shuangsuiji::{Error, InputCode, Lang};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The user's choice (`None`: the core's default). The binding stores it only.
    static LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language of every error's `.message` for this module instance: `"zh"`
/// (Chinese, the core's default) or `"en"`; `null` goes back to the default.
/// `.messageZh` and `.messageEn` stay available either way.
///
/// # Errors
/// `argument_type` for anything else.
#[wasm_bindgen(js_name = setLanguage)]
pub fn set_language(
    #[wasm_bindgen(unchecked_param_type = "'zh' | 'en' | null")] language: JsValue,
) -> Result<(), JsValue> {
    let choice = if language.is_null() || language.is_undefined() {
        None
    } else {
        let code = language.as_string().unwrap_or_default();
        Some(Lang::from_code(&code).ok_or_else(|| {
            to_js_error(
                &Error::new(
                    InputCode::ArgumentType,
                    "language must be \"zh\", \"en\" or null",
                )
                .with_field("language")
                .with_value(code),
            )
        })?)
    };
    LANGUAGE.with(|l| l.set(choice));
    Ok(())
}

/// Builds the JS error object thrown for a core error.
pub fn to_js_error(err: &shuangsuiji::Error) -> JsValue {
    let lang = LANGUAGE.with(Cell::get).unwrap_or_default();
    let js = js_sys::Error::new(&format!(
        "{}: {}",
        err.code().as_str(),
        err.message_in(lang)
    ));
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
    let _ = js_sys::Reflect::set(obj, &"messageZh".into(), &err.message_zh().into());
    let _ = js_sys::Reflect::set(obj, &"messageEn".into(), &err.message_en().into());
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
