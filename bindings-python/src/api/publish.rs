//! Publish: the `ReceiptVerifier` handle (hand-written: it keeps the plan and the
//! result read and hashed in Rust across calls). Every other publish function is a
//! table operation ([`super::table`]).

use pyo3::prelude::*;
use shuangsuiji::publish::{self, Receipt, ResultDocument};
use shuangsuiji::verify::Plan;

use crate::convert::{from_committed, to_json};
use crate::errors::IntoPy;

/// The core's `publish::ReceiptVerifier`: the plan and the result are read, checked
/// and hashed once; `verify` then checks one receipt (its JSON text) and returns the
/// verdict's JSON text.
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct ReceiptVerifier {
    inner: publish::ReceiptVerifier,
}

#[pymethods]
impl ReceiptVerifier {
    #[new]
    fn new(py: Python<'_>, plan: &str, result: &str) -> PyResult<Self> {
        let run = || {
            let plan: Plan = from_committed(plan, "plan")?;
            let result: ResultDocument = from_committed(result, "result")?;
            publish::ReceiptVerifier::new(plan, result)
        };
        run().map(|inner| Self { inner }).py_err(py)
    }

    /// Verifies one receipt (JSON text); returns the verdict as JSON text.
    fn verify(&self, py: Python<'_>, receipt: &str) -> PyResult<String> {
        let run = || {
            let receipt: Receipt = from_committed(receipt, "receipt")?;
            to_json(&self.inner.verify(&receipt)?)
        };
        run().py_err(py)
    }

    /// The plan hash (hex), computed once.
    fn plan_hash(&self) -> String {
        self.inner.plan_hash().to_hex()
    }

    /// The result hash (hex), computed once.
    fn result_hash(&self) -> String {
        self.inner.result_hash().to_hex()
    }
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ReceiptVerifier>()?;
    Ok(())
}
