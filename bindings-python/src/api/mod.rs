//! The compiled functions: the core's table operations, generated from the table
//! ([`table`]), and, one file per core area, the hand-written rest — each saying why it
//! is not a table operation (a handle kept in Rust, a fast path, bytes in or out, or a
//! result shape the table answers differently). Each converts its input, calls one core
//! function and converts the result back.

use pyo3::prelude::*;

mod arrow;
mod disclosure;
mod draw;
mod enforcement;
mod errors;
mod intake;
mod model;
mod ops;
mod publish;
mod roster;
mod table;
mod teams;
mod verify;

/// Registers every area's functions on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    model::register(m)?;
    intake::register(m)?;
    draw::register(m)?;
    verify::register(m)?;
    enforcement::register(m)?;
    ops::register(m)?;
    publish::register(m)?;
    table::register(m)?;
    disclosure::register(m)?;
    arrow::register(m)?;
    errors::register(m)?;
    roster::register(m)?;
    teams::register(m)?;
    Ok(())
}
