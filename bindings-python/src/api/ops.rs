//! Ops: every core operation by its stable name (`shuangsuiji::ops::run_operation`), the
//! entry point the bad-input catalogue runs in all three languages.

use pyo3::prelude::*;

use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

/// Runs one operation by name on a JSON input; returns its JSON output.
#[pyfunction]
fn run_operation(py: Python<'_>, operation: &str, input: &str) -> PyResult<String> {
    from_json::<serde_json::Value>(input, "input")
        .and_then(|v| shuangsuiji::ops::run_operation(operation, &v))
        .and_then(|out| to_json(&out))
        .py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run_operation, m)?)?;
    Ok(())
}
