//! WebAssembly binding of `shuangsuiji` (wasm-bindgen). Filled by the wasm-binding issue;
//! for now it only re-exports the core so that the workspace layout is fixed.

pub use shuangsuiji::ErrorCode;
