//! Rules: eligibility reports, sampling-policy presets, the quota formula.

use chrono::NaiveDate;
use pyo3::prelude::*;
use shuangsuiji::model::{Catalog, CheckRecord, Ratio, Roster};
use shuangsuiji::rules::{self, PlanRequest};

use crate::convert::{from_json, to_json, uint_arg};
use crate::errors::IntoPy;

/// Builds the eligibility report of a plan; every argument is JSON text.
#[pyfunction]
fn eligibility(
    py: Python<'_>,
    request: &str,
    catalog: &str,
    roster: &str,
    history: &str,
) -> PyResult<String> {
    let run = || {
        // The operation table's order (catalog, roster, history, request), so that a
        // document with several faults reports the same first error as `run_operation`.
        let catalog = Catalog::from_json(catalog).map_err(|e| e.within("catalog"))?;
        let roster: Roster = from_json(roster, "roster")?;
        let history: Vec<CheckRecord> = from_json(history, "history")?;
        let request: PlanRequest = from_json(request, "request")?;
        rules::eligibility(&request, &catalog, &roster, &history).and_then(|r| to_json(&r))
    };
    run().py_err(py)
}

/// Every bundled preset, as a JSON list.
#[pyfunction]
fn presets(py: Python<'_>) -> PyResult<String> {
    rules::presets().and_then(|p| to_json(&p)).py_err(py)
}

/// The names of the bundled presets.
#[pyfunction]
fn preset_names() -> Vec<&'static str> {
    rules::preset_names()
}

/// The sampling policy of a named preset in force on a date (`YYYY-MM-DD` as JSON).
#[pyfunction]
fn preset(py: Python<'_>, name: &str, date: &str) -> PyResult<String> {
    from_json::<NaiveDate>(date, "date")
        .and_then(|d| rules::preset(name, d))
        .and_then(|p| to_json(&p))
        .py_err(py)
}

/// The quota `clamp(ceil(n·ratio), min, max)` of the core's quota rule.
#[pyfunction]
#[pyo3(signature = (eligible, ratio, min=None, max=None))]
fn quota(
    py: Python<'_>,
    eligible: &Bound<'_, PyAny>,
    ratio: &str,
    min: Option<&Bound<'_, PyAny>>,
    max: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    let run = || {
        let eligible: u64 = uint_arg(eligible, "eligible")?;
        let min: Option<u64> = min.map(|m| uint_arg(m, "min")).transpose()?;
        let max: Option<u64> = max.map(|m| uint_arg(m, "max")).transpose()?;
        let ratio: Ratio = from_json(ratio, "ratio")?;
        rules::quota(eligible, ratio, min, max)
    };
    run().py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(eligibility, m)?)?;
    m.add_function(wrap_pyfunction!(presets, m)?)?;
    m.add_function(wrap_pyfunction!(preset_names, m)?)?;
    m.add_function(wrap_pyfunction!(preset, m)?)?;
    m.add_function(wrap_pyfunction!(quota, m)?)?;
    Ok(())
}
