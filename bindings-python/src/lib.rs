//! Python binding of `shuangsuiji` (pyo3 + maturin, abi3).
//!
//! Every function has the same three steps: convert the input (JSON text or bytes
//! handed over by the thin Python layer in `python/shuangsuiji/__init__.py`), call one
//! core function, convert the result (JSON text) or the error (a
//! `shuangsuiji.ShuangsuijiError` subclass with `.code`, `.family`, `.details`). No rules
//! and no defaults live here: defaults are the core's serde defaults.

use pyo3::prelude::*;

mod api;
mod convert;
mod errors;

/// The compiled part of the `shuangsuiji` Python package.
#[pymodule]
fn _shuangsuiji(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    api::register(m)
}
