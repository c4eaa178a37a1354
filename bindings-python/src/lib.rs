//! Python binding of `shuangsuiji` (pyo3 + maturin, abi3). Filled by the Python-binding
//! issue; for now it only re-exports the core so that the workspace layout is fixed.

pub use shuangsuiji::ErrorCode;
