//! WebAssembly binding of `shuangsuiji` (wasm-bindgen; ES modules for the browser and
//! Node).
//!
//! Every export has the same three steps: convert the JS value to the core's JSON shape,
//! call one core function, convert the result back to a plain JS value — or throw a real
//! JS `Error` whose `.code` is the core's stable code, with `.family` and `.details`.
//! No rules and no defaults live here.

mod api;
mod convert;
mod errors;
mod types;

pub use api::*;
