//! The hand-written verify function (the rest are table operations, [`super::table`]):
//! `document_text` answers the text of a file's bytes, which the table has no result
//! type for.

use pyo3::prelude::*;
use shuangsuiji::verify as v;

use crate::errors::IntoPy;

/// The text of a published file's bytes (the core's `verify::document_text`: one BOM
/// dropped, UTF-8 only).
#[pyfunction]
fn document_text(py: Python<'_>, data: &[u8]) -> PyResult<String> {
    v::document_text(data).map(str::to_owned).py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(document_text, m)?)?;
    Ok(())
}
