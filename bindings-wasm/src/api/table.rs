//! The core's table operations (`shuangsuiji::ops`), one export each, generated from the
//! core's `for_each_operation!`: the table's JavaScript name (the same words in
//! camelCase), its parameters in its order (`undefined` / `null`: absent), a plain JS
//! value out. Each export only turns its JS values into the core's `ops::Arg`s
//! ([`arg`]), calls the operation's `call` and converts the result or the error — no
//! rules and no defaults. Their TypeScript declarations come from the table too: the
//! result type is the table's, the parameters are `unknown` and optional (objects, JSON
//! text or bytes, as each argument's reader accepts; which are required is checked at
//! run time).

use std::borrow::Cow;

use shuangsuiji::ops::Arg;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::errors::IntoJs;

/// A JS value as the core's `ops::Arg`: `undefined` / `null` absent, a string a string,
/// a `Uint8Array` / `ArrayBuffer` bytes, a safe non-negative integer an integer; any
/// other object or number its JSON text; anything else (boolean, `BigInt`, symbol,
/// function) described for the `argument_type` error of the argument's reader.
fn arg(value: &JsValue) -> Arg<'static> {
    if value.is_undefined() || value.is_null() {
        return Arg::Absent;
    }
    if let Some(s) = value.as_string() {
        return Arg::Str(Cow::Owned(s));
    }
    if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Arg::Bytes(Cow::Owned(a.to_vec()));
    }
    if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Arg::Bytes(Cow::Owned(js_sys::Uint8Array::new(b).to_vec()));
    }
    if let Some(n) = value.as_f64() {
        // `-0` prints as "-0": it is 0.
        if let Ok(i) = format!("{n}").trim_start_matches('-').parse::<u64>() {
            if n >= 0.0 || i == 0 {
                return Arg::Int(i);
            }
        }
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    if matches!(kind.as_str(), "object" | "number") {
        if let Some(text) = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
        {
            return Arg::Json(Cow::Owned(text));
        }
    }
    Arg::Other(kind)
}

/// Expands the core's operation list into one export per operation.
macro_rules! js_operations {
    ($($name:ident / $js:ident : $ts:literal ($args:ty) [$($field:ident),*] $(($($param:ident),*))?;)*) => {
        $( js_operation!($name / $js : $ts ($args) [$($field),*] $(($($param),*))?); )*
    };
}

/// One operation's export: parameters in the call order (the read order unless the
/// table gives another), values handed to the core in the read order.
macro_rules! js_operation {
    ($name:ident / $js:ident : $ts:literal ($args:ty) [$($field:ident),*]) => {
        js_operation!($name / $js : $ts ($args) [$($field),*] ($($field),*));
    };
    ($name:ident / $js:ident : $ts:literal ($args:ty) [$($field:ident),*] ($($param:ident),*)) => {
        #[doc = concat!(
            "The core's `", stringify!($name), "` operation (`operations()`): the table's ",
            "parameters in its order.\n\n# Errors\nThe operation's codes, as ",
            "`runOperation(\"", stringify!($name), "\", …)`; `argument_type` for a value of ",
            "the wrong type."
        )]
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $ts)]
        pub fn $name(
            // Optional in TypeScript: which arguments are required is the table's (a
            // missing one is `argument_type`, naming it).
            $(#[wasm_bindgen(unchecked_optional_param_type = "unknown")] $param: JsValue),*
        ) -> Result<JsValue, JsValue> {
            let args = vec![$(arg(&$field)),*];
            let text = <$args>::call(args).js_err()?;
            js_sys::JSON::parse(&text)
        }
    };
}

shuangsuiji::for_each_operation!(js_operations);
