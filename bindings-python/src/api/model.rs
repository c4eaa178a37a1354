//! Hand-written model functions (the rest are table operations, [`super::table`]):
//! `parse_uscc` returns the canonical USCC string where the table's `parse_uscc` answers
//! `{uscc, division_code}`; `check_json_limits` is the facade's check of a text before
//! it is written into a document.

use pyo3::prelude::*;
use shuangsuiji::intake;
use shuangsuiji::model::Uscc;

use crate::errors::IntoPy;

/// Validates a USCC and returns its canonical form.
#[pyfunction]
fn parse_uscc(py: Python<'_>, text: &str) -> PyResult<String> {
    Uscc::parse(text).map(|u| u.as_str().to_owned()).py_err(py)
}

/// Checks a JSON text against the documented size and depth limits.
#[pyfunction]
fn check_json_limits(py: Python<'_>, text: &str) -> PyResult<()> {
    intake::limits::check_json_text(text).py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(check_json_limits, m)?)?;
    Ok(())
}
