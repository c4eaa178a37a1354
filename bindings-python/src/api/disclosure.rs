//! Disclosure (公示): `disclosure_xlsx` (hand-written: it returns bytes, the table's
//! results are JSON). Every other outcomes/disclosure function is a table operation
//! ([`super::table`]).

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use shuangsuiji::disclosure::{self, Disclosure};

use crate::convert::from_json;
use crate::errors::IntoPy;

/// The 公示 list (a `disclose` result, JSON text) as an xlsx workbook: one sheet,
/// 检查结果公示, with the Chinese headers of the CSV export. Same list, same bytes.
#[pyfunction]
fn disclosure_xlsx<'py>(py: Python<'py>, disclosure: &str) -> PyResult<Bound<'py, PyBytes>> {
    let list: Disclosure = from_json(disclosure, "disclosure").py_err(py)?;
    let bytes = disclosure::disclosure_xlsx(&list).py_err(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(disclosure_xlsx, m)?)?;
    Ok(())
}
