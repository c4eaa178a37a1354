//! Intake: rosters, inspectors, history and catalogs from JSON, CSV or xlsx bytes.
//! Hand-written: these return the records themselves, where the table's `read_*`
//! operations answer a count (the shape the intake vectors pin).

use pyo3::prelude::*;
use shuangsuiji::Error;
use shuangsuiji::intake::{self, ReadOptions};

use crate::convert::to_json;
use crate::errors::IntoPy;

fn options(text: &str) -> Result<ReadOptions, Error> {
    ReadOptions::from_json(text).map_err(|e| e.within("options"))
}

/// Reads an enterprise roster; returns the roster as JSON text.
#[pyfunction]
fn read_enterprises(py: Python<'_>, data: &[u8], options_json: &str) -> PyResult<String> {
    options(options_json)
        .and_then(|o| intake::read_enterprises(data, &o))
        .and_then(|r| to_json(&r))
        .py_err(py)
}

/// Reads an inspector roster; returns it as JSON text.
#[pyfunction]
fn read_inspectors(py: Python<'_>, data: &[u8], options_json: &str) -> PyResult<String> {
    options(options_json)
        .and_then(|o| intake::read_inspectors(data, &o))
        .and_then(|r| to_json(&r))
        .py_err(py)
}

/// Reads check history; returns the records as JSON text.
#[pyfunction]
fn read_history(py: Python<'_>, data: &[u8], options_json: &str) -> PyResult<String> {
    options(options_json)
        .and_then(|o| intake::read_history(data, &o))
        .and_then(|r| to_json(&r))
        .py_err(py)
}

/// Reads a catalog (JSON only); returns its canonical JSON and content hash.
#[pyfunction]
fn read_catalog(py: Python<'_>, data: &[u8], options_json: &str) -> PyResult<(String, String)> {
    let catalog = options(options_json)
        .and_then(|o| intake::read_catalog(data, &o))
        .py_err(py)?;
    let hash = catalog.content_hash().py_err(py)?;
    Ok((to_json(&catalog).py_err(py)?, hash))
}

/// Checks a file of the named table (`enterprises`, `inspectors`, `history`) and
/// returns every problem as a JSON list of errors (empty = fine).
#[pyfunction]
fn check_table(py: Python<'_>, table: &str, data: &[u8], options_json: &str) -> PyResult<String> {
    let opts = options(options_json).py_err(py)?;
    let errors = match table {
        "enterprises" => intake::check_enterprises(data, &opts),
        "inspectors" => intake::check_inspectors(data, &opts),
        "history" => intake::check_history(data, &opts),
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown table {other:?}: expected enterprises, inspectors or history"
            )));
        }
    };
    to_json(&errors).py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read_enterprises, m)?)?;
    m.add_function(wrap_pyfunction!(read_inspectors, m)?)?;
    m.add_function(wrap_pyfunction!(read_history, m)?)?;
    m.add_function(wrap_pyfunction!(read_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(check_table, m)?)?;
    Ok(())
}
