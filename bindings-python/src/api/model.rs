//! Model-level functions: USCC, error codes, catalogs, validation of model values.

use pyo3::prelude::*;
use shuangsuiji::model::{Catalog, ModelKind, Uscc, validate_json};
use shuangsuiji::{ErrorCode, intake};

use crate::convert::to_json;
use crate::errors::IntoPy;

/// Every stable error code with its family, as JSON: `[{"code":…, "family":…}, …]`.
#[pyfunction]
fn error_codes_json(py: Python<'_>) -> PyResult<String> {
    let all: Vec<serde_json::Value> = ErrorCode::all()
        .into_iter()
        .map(|c| serde_json::json!({"code": c.as_str(), "family": c.family().as_str()}))
        .collect();
    to_json(&all).py_err(py)
}

/// Validates a USCC and returns its canonical form.
#[pyfunction]
fn parse_uscc(py: Python<'_>, text: &str) -> PyResult<String> {
    Uscc::parse(text).map(|u| u.as_str().to_owned()).py_err(py)
}

/// Completes a 17-character prefix with its GB 32100 check character.
#[pyfunction]
fn complete_uscc(py: Python<'_>, first17: &str) -> PyResult<String> {
    Uscc::complete(first17)
        .map(|u| u.as_str().to_owned())
        .py_err(py)
}

/// Parses and validates a catalog; returns its canonical JSON and content hash.
#[pyfunction]
fn catalog_load(py: Python<'_>, text: &str) -> PyResult<(String, String)> {
    let catalog = Catalog::from_json(text).py_err(py)?;
    let hash = catalog.content_hash().py_err(py)?;
    Ok((to_json(&catalog).py_err(py)?, hash))
}

/// Checks a JSON text against the documented size and depth limits.
#[pyfunction]
fn check_json_limits(py: Python<'_>, text: &str) -> PyResult<()> {
    intake::limits::check_json_text(text).py_err(py)
}

/// Validates JSON text as a named model type; returns it in canonical form.
#[pyfunction]
fn validate_model(py: Python<'_>, kind: &str, text: &str) -> PyResult<String> {
    ModelKind::from_label(kind)
        .and_then(|k| validate_json(k, text))
        .py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(error_codes_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(complete_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_load, m)?)?;
    m.add_function(wrap_pyfunction!(check_json_limits, m)?)?;
    m.add_function(wrap_pyfunction!(validate_model, m)?)?;
    Ok(())
}
