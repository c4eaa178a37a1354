//! Publish: the `ReceiptVerifier` handle (hand-written: it keeps the plan and the
//! result read and hashed in Rust across calls) and the Spark driver's
//! `publish_draw_from_candidates`, whose result stays in Rust. Every other publish
//! function is a table operation ([`super::table`]).

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use shuangsuiji::ops::PublishDrawFromCandidatesArgs;
use shuangsuiji::publish::{self, Receipt, ResultDocument};
use shuangsuiji::verify::Plan;

use super::draw::candidate_parts;
use crate::convert::objects::to_py;
use crate::convert::{from_committed, from_json, to_json};
use crate::errors::IntoPy;

/// A published draw's result document kept in Rust (the core's `ResultDocument`):
/// converted to Python only on request.
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct ResultDocumentHandle {
    doc: ResultDocument,
}

#[pymethods]
impl ResultDocumentHandle {
    /// The whole document as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json(&self.doc).py_err(py)
    }

    /// The whole document as dicts and lists (the shape of `json.loads(to_json())`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.doc)
    }
}

/// The operation `publish_draw_from_candidates` with the parts as the executors' JSON
/// texts: `args` is the operation's input without `parts` (read by the operation's own
/// reader: the plan and the log by the strict committed reader), each part is read as
/// `parts[i]`. Returns the result document, kept in Rust, and the new log as JSON text;
/// runs without the GIL.
#[pyfunction]
fn publish_candidate_texts(
    py: Python<'_>,
    args: &str,
    parts: Vec<PyBackedStr>,
) -> PyResult<(ResultDocumentHandle, String)> {
    let texts: Vec<&str> = parts.iter().map(|t| &**t).collect();
    let run = || {
        let mut input: serde_json::Value = from_json(args, "input")?;
        if let Some(object) = input.as_object_mut() {
            object.insert("parts".to_owned(), serde_json::Value::Array(Vec::new()));
        }
        let a = PublishDrawFromCandidatesArgs::read(&input)?;
        let parts = candidate_parts(&texts)?;
        let mut log = a.log.0;
        let doc = publish::publish_draw_from_candidates(
            &a.plan.0,
            &parts,
            &a.catalog.0,
            &mut log,
            a.attempt.0,
            &a.seed.into(),
        )?;
        Ok((ResultDocumentHandle { doc }, to_json(&log)?))
    };
    py.detach(run).py_err(py)
}

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
    m.add_class::<ResultDocumentHandle>()?;
    m.add_function(wrap_pyfunction!(publish_candidate_texts, m)?)?;
    Ok(())
}
