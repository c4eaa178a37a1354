//! One `#[pyfunction]` per core entry point, one file per core area. Each function
//! converts its input, calls one core function and converts the result back.

use pyo3::prelude::*;

mod draw;
mod enforcement;
mod intake;
mod model;
mod ops;
mod publish;
mod rules;
mod teams;
mod verify;

/// Registers every area's functions on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    model::register(m)?;
    intake::register(m)?;
    rules::register(m)?;
    draw::register(m)?;
    verify::register(m)?;
    enforcement::register(m)?;
    teams::register(m)?;
    ops::register(m)?;
    publish::register(m)?;
    Ok(())
}
