//! Publish: the plan from an eligibility report, the committed leaves, the draw log,
//! the published result document, receipts and their verification, and `verify_draw`
//! recomputing a whole draw from the published files.

use pyo3::prelude::*;
use serde::Serialize;
use shuangsuiji::Error;
use shuangsuiji::draw::SubstitutionRequest;
use shuangsuiji::model::{Catalog, InspectorRoster};
use shuangsuiji::publish::{self, PlanMeta, Receipt, ResultDocument};
use shuangsuiji::rules::EligibilityReport;
use shuangsuiji::verify::{Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf, Plan};

use crate::convert::{from_committed, from_json, to_json, uint_arg};
use crate::errors::IntoPy;

fn hex32(text: &str, field: &str) -> Result<Bytes32, Error> {
    Bytes32::from_hex(text).map_err(|e| e.within(field))
}

/// The plan of a task from its eligibility report, catalog, inspectors and `PlanMeta`.
#[pyfunction]
fn plan_from_eligibility(
    py: Python<'_>,
    report: &str,
    catalog: &str,
    inspectors: &str,
    meta: &str,
) -> PyResult<String> {
    let run = || {
        let report: EligibilityReport = from_json(report, "report")?;
        let catalog = Catalog::from_json(catalog).map_err(|e| e.within("catalog"))?;
        let inspectors: InspectorRoster = from_json(inspectors, "inspectors")?;
        let meta: PlanMeta = from_json(meta, "meta")?;
        to_json(&publish::plan_from_eligibility(
            &report,
            &catalog,
            &inspectors,
            &meta,
        )?)
    };
    run().py_err(py)
}

/// The eligible leaves of a report (one per enterprise and item).
#[pyfunction]
fn eligible_leaves(py: Python<'_>, report: &str) -> PyResult<String> {
    from_json::<EligibilityReport>(report, "report")
        .and_then(|r| to_json(&publish::eligible_leaves(&r)))
        .py_err(py)
}

/// The exclusion leaves of a report (one per excluded enterprise).
#[pyfunction]
fn excluded_leaves(py: Python<'_>, report: &str) -> PyResult<String> {
    from_json::<EligibilityReport>(report, "report")
        .and_then(|r| to_json(&publish::excluded_leaves(&r)))
        .py_err(py)
}

/// A new draw log holding only `plan_published`.
#[pyfunction]
fn new_log(py: Python<'_>, plan_hash: &str) -> PyResult<String> {
    hex32(plan_hash, "plan_hash")
        .and_then(DrawLog::new)
        .and_then(|l| to_json(&l))
        .py_err(py)
}

/// Appends one event to a log; returns the new log.
#[pyfunction]
fn log_append(py: Python<'_>, log: &str, event: &str) -> PyResult<String> {
    let run = || {
        let mut log: DrawLog = from_committed(log, "log")?;
        let event: Event = from_committed(event, "event")?;
        log.append(event)?;
        to_json(&log)
    };
    run().py_err(py)
}

#[derive(Serialize)]
struct Published {
    result: ResultDocument,
    log: DrawLog,
}

/// Draws and publishes: the result document and the log with the `draw` event appended.
#[pyfunction]
fn publish_draw(
    py: Python<'_>,
    plan: &str,
    eligible: &str,
    catalog: &str,
    log: &str,
    attempt: &Bound<'_, PyAny>,
    seed: &str,
) -> PyResult<String> {
    let run = || {
        let attempt: u32 = uint_arg(attempt, "attempt")?;
        let plan: Plan = from_committed(plan, "plan")?;
        let eligible: Vec<EligibleLeaf> = from_committed(eligible, "eligible")?;
        let catalog = Catalog::from_json(catalog).map_err(|e| e.within("catalog"))?;
        let mut log: DrawLog = from_committed(log, "log")?;
        let seed = hex32(seed, "seed")?;
        let result = publish::publish_draw(&plan, &eligible, &catalog, &mut log, attempt, &seed)?;
        to_json(&Published { result, log })
    };
    run().py_err(py)
}

/// Publishes substitutions as a new revision: the revised result document and the log
/// with the `substitution` and `revision` events appended.
#[pyfunction]
fn publish_substitutions(
    py: Python<'_>,
    plan: &str,
    eligible: &str,
    catalog: &str,
    log: &str,
    result: &str,
    requests: &str,
) -> PyResult<String> {
    let run = || {
        let plan: Plan = from_committed(plan, "plan")?;
        let eligible: Vec<EligibleLeaf> = from_committed(eligible, "eligible")?;
        let catalog = Catalog::from_json(catalog).map_err(|e| e.within("catalog"))?;
        let mut log: DrawLog = from_committed(log, "log")?;
        let current: ResultDocument = from_committed(result, "result")?;
        let requests: Vec<SubstitutionRequest> = from_json(requests, "requests")?;
        let result = publish::publish_substitutions(
            &plan, &eligible, &catalog, &mut log, &current, &requests,
        )?;
        to_json(&Published { result, log })
    };
    run().py_err(py)
}

/// The receipts of every eligible or excluded enterprise, sorted by USCC.
#[pyfunction]
fn receipts(
    py: Python<'_>,
    plan: &str,
    eligible: &str,
    excluded: &str,
    result: &str,
) -> PyResult<String> {
    let run = || {
        let plan: Plan = from_committed(plan, "plan")?;
        let eligible: Vec<EligibleLeaf> = from_committed(eligible, "eligible")?;
        let excluded: Vec<ExcludedLeaf> = from_committed(excluded, "excluded")?;
        let result: ResultDocument = from_committed(result, "result")?;
        to_json(&publish::receipts(&plan, &eligible, &excluded, &result)?)
    };
    run().py_err(py)
}

/// Verifies a receipt against the published plan and result; returns the verdict.
#[pyfunction]
fn verify_receipt(py: Python<'_>, receipt: &str, plan: &str, result: &str) -> PyResult<String> {
    let run = || {
        let receipt: Receipt = from_committed(receipt, "receipt")?;
        let plan: Plan = from_committed(plan, "plan")?;
        let result: ResultDocument = from_committed(result, "result")?;
        to_json(&publish::verify_receipt(&receipt, &plan, &result)?)
    };
    run().py_err(py)
}

/// Recomputes a whole draw from the published files; returns the summary.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn verify_draw(
    py: Python<'_>,
    plan: &str,
    plan_hash: &str,
    catalog: &str,
    log: &str,
    log_head: &str,
    eligible: &str,
    result: &str,
) -> PyResult<String> {
    let run = || {
        let plan: Plan = from_committed(plan, "plan")?;
        let ph = hex32(plan_hash, "plan_hash")?;
        let catalog = Catalog::from_json(catalog).map_err(|e| e.within("catalog"))?;
        let log: DrawLog = from_committed(log, "log")?;
        let head = hex32(log_head, "log_head")?;
        let eligible: Vec<EligibleLeaf> = from_committed(eligible, "eligible")?;
        let result: ResultDocument = from_committed(result, "result")?;
        to_json(&publish::verify_draw(
            &plan, &ph, &catalog, &log, &head, &eligible, &result,
        )?)
    };
    run().py_err(py)
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
    m.add_function(wrap_pyfunction!(plan_from_eligibility, m)?)?;
    m.add_function(wrap_pyfunction!(eligible_leaves, m)?)?;
    m.add_function(wrap_pyfunction!(excluded_leaves, m)?)?;
    m.add_function(wrap_pyfunction!(new_log, m)?)?;
    m.add_function(wrap_pyfunction!(log_append, m)?)?;
    m.add_function(wrap_pyfunction!(publish_draw, m)?)?;
    m.add_function(wrap_pyfunction!(publish_substitutions, m)?)?;
    m.add_function(wrap_pyfunction!(receipts, m)?)?;
    m.add_function(wrap_pyfunction!(verify_receipt, m)?)?;
    m.add_function(wrap_pyfunction!(verify_draw, m)?)?;
    m.add_class::<ReceiptVerifier>()?;
    Ok(())
}
