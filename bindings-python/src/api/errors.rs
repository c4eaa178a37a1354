//! The Chinese message of an error the Python facade raises itself (a wrong argument
//! type, a list-valued cell): not a table operation because it renders an error rather
//! than running one; the text comes from the core, so it is the one Rust and JS give
//! for the same code and details.

use pyo3::prelude::*;

use crate::errors::IntoPy;

/// The core's Chinese message for `code` with `details` (JSON object text): the code's
/// title and the details in Chinese (`Error::message`).
#[pyfunction]
fn error_message_zh(py: Python<'_>, code: &str, details_json: &str) -> PyResult<String> {
    let details: serde_json::Value = serde_json::from_str(details_json)
        .map_err(|e| shuangsuiji::Error::new(shuangsuiji::InputCode::JsonSyntax, e.to_string()))
        .py_err(py)?;
    let wire = serde_json::json!({ "code": code, "message": "", "details": details });
    let err: shuangsuiji::Error = serde_json::from_value(wire)
        .map_err(|e| shuangsuiji::Error::new(shuangsuiji::InputCode::JsonShape, e.to_string()))
        .py_err(py)?;
    Ok(err.message())
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(error_message_zh, m)?)?;
    Ok(())
}
