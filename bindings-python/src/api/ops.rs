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

/// The operation table (`shuangsuiji::ops::OPERATION_TABLE`) as JSON: per operation its
/// name, its JS name, its arguments in order (name, kind, optional) and its result.
#[pyfunction]
fn operations_json(py: Python<'_>) -> PyResult<String> {
    to_json(&operation_list()).py_err(py)
}

fn operation_list() -> Vec<serde_json::Value> {
    shuangsuiji::ops::OPERATION_TABLE
        .iter()
        .map(|o| serde_json::json!({"name": o.name, "js_name": o.js_name, "args": o.args, "params": o.params, "bound": o.bound, "result": o.result}))
        .collect()
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run_operation, m)?)?;
    m.add_function(wrap_pyfunction!(operations_json, m)?)?;
    Ok(())
}
