//! One `#[pyfunction]` per core entry point, one file per core area. Each function
//! converts its input, calls one core function and converts the result back.

use pyo3::prelude::*;

mod model;

/// Registers every area's functions on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    model::register(m)?;
    Ok(())
}
