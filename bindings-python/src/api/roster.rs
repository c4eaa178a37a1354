//! Hand-written roster and eligibility functions whose values stay in Rust (issue #25):
//! a roster read once is kept as a [`RosterHandle`] and handed to eligibility borrowed,
//! its report kept as an [`EligibilityHandle`] and handed to the plan and the draw
//! borrowed — no JSON text of a 1 M-enterprise roster or report in between. A roster is
//! read from file bytes or from a table's columns (Arrow buffers, or cells joined by
//! line breaks). Not table operations: they take and return handles. Each converts its
//! arguments, calls one core function and wraps the result.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use shuangsuiji::Error;
use shuangsuiji::draw::ColumnText;
use shuangsuiji::draw_record::{self, PlanMeta};
use shuangsuiji::intake::{self, ReadOptions, TextColumn};
use shuangsuiji::model::{Catalog, CheckRecord, InspectorRoster, Roster};
use shuangsuiji::rules::{self, EligibilityReport, PlanRequest};
use shuangsuiji::verify::{Bytes32, Plan};

use super::arrow::{ArrowColumn, Column};
use super::draw::DrawResultHandle;
use crate::convert::objects::to_py;
use crate::convert::{from_committed, from_json, to_json};
use crate::errors::IntoPy;

fn options(text: &str) -> Result<ReadOptions, Error> {
    ReadOptions::from_json(text).map_err(|e| e.within("options"))
}

fn catalog_arg(text: &str) -> Result<Catalog, Error> {
    Catalog::from_json(text).map_err(|e| e.within("catalog"))
}

/// An enterprise roster kept in Rust (the core's `Roster`).
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct RosterHandle {
    roster: Roster,
}

#[pymethods]
impl RosterHandle {
    /// The roster as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json(&self.roster).py_err(py)
    }

    /// The enterprises as a list of dicts (the shape of `json.loads(to_json())`).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.roster)
    }

    fn __len__(&self) -> usize {
        self.roster.len()
    }
}

/// `intake::read_enterprises` of file bytes (JSON, CSV, xlsx), kept as a handle.
#[pyfunction]
fn read_enterprises_handle(
    py: Python<'_>,
    data: &[u8],
    options_json: &str,
) -> PyResult<RosterHandle> {
    let opts = options(options_json).py_err(py)?;
    py.detach(|| intake::read_enterprises(data, &opts))
        .map(|roster| RosterHandle { roster })
        .py_err(py)
}

/// One column of a table: its cells joined by `'\n'` with their number, or an Arrow
/// string array's buffers ([`ArrowColumn`]).
#[derive(FromPyObject)]
enum ColumnArg {
    Lines(PyBackedStr, usize),
    Arrow(ArrowColumn),
}

/// `intake::read_enterprise_columns`: `headers` and equally many columns, read as the
/// same table written as CSV would be, kept as a handle. Runs without the GIL.
#[pyfunction]
fn read_enterprise_columns(
    py: Python<'_>,
    headers: Vec<String>,
    columns: Vec<ColumnArg>,
    options_json: &str,
) -> PyResult<RosterHandle> {
    let opts = options(options_json).py_err(py)?;
    let arrow = columns
        .iter()
        .map(|c| match c {
            ColumnArg::Arrow(a) => Column::read(py, "column", a).map(Some),
            ColumnArg::Lines(..) => Ok(None),
        })
        .collect::<PyResult<Vec<_>>>()?;
    if headers.len() != columns.len() {
        return Err(Error::internal("as many headers as columns")).py_err(py);
    }
    let text_columns = headers
        .iter()
        .zip(&columns)
        .zip(&arrow)
        .map(|((h, c), a)| match (c, a) {
            (ColumnArg::Lines(text, rows), _) => {
                Ok(TextColumn::lines(h, ColumnText::new(h, text, *rows)?))
            }
            (ColumnArg::Arrow(_), Some(col)) => {
                let (offsets, data) = col.parts();
                TextColumn::offsets(h, offsets, data)
            }
            (ColumnArg::Arrow(_), None) => Err(Error::internal("an Arrow column not read")),
        })
        .collect::<Result<Vec<_>, Error>>()
        .py_err(py)?;
    py.detach(|| intake::read_enterprise_columns(&text_columns, &opts))
        .map(|roster| RosterHandle { roster })
        .py_err(py)
}

/// An eligibility report kept in Rust (the core's `EligibilityReport`).
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct EligibilityHandle {
    report: EligibilityReport,
}

#[pymethods]
impl EligibilityHandle {
    /// The report as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json(&self.report).py_err(py)
    }

    /// The report as dicts and lists (the shape of `json.loads(to_json())`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report)
    }
}

/// `rules::eligibility` over a roster handle: `request`, `catalog` and `history` are
/// JSON, read in the order of the `eligibility` table operation (catalog, history,
/// request), so a call with several bad documents names the same one first. Runs
/// without the GIL; the report stays in Rust.
#[pyfunction]
fn eligibility_roster(
    py: Python<'_>,
    request: &str,
    catalog: &str,
    roster: &Bound<'_, RosterHandle>,
    history: &str,
) -> PyResult<EligibilityHandle> {
    let roster = &roster.get().roster;
    let read = || -> Result<(Catalog, Vec<CheckRecord>, PlanRequest), Error> {
        let catalog = catalog_arg(catalog)?;
        let history = from_json(history, "history")?;
        Ok((catalog, history, from_json(request, "request")?))
    };
    let (catalog, history, request) = read().py_err(py)?;
    py.detach(|| rules::eligibility(&request, &catalog, roster, &history))
        .map(|report| EligibilityHandle { report })
        .py_err(py)
}

/// `draw_record::plan_from_eligibility` of a report handle: the plan as JSON text
/// (`catalog`, `inspectors`, `meta` JSON, read in the table operation's order).
#[pyfunction]
fn plan_from_eligibility_handle(
    py: Python<'_>,
    report: &Bound<'_, EligibilityHandle>,
    catalog: &str,
    inspectors: &str,
    meta: &str,
) -> PyResult<String> {
    let report = &report.get().report;
    let read = || -> Result<(Catalog, InspectorRoster, PlanMeta), Error> {
        let catalog = catalog_arg(catalog)?;
        let inspectors = from_json(inspectors, "inspectors")?;
        Ok((catalog, inspectors, from_json(meta, "meta")?))
    };
    let (catalog, inspectors, meta) = read().py_err(py)?;
    py.detach(|| {
        draw_record::plan_from_eligibility(report, &catalog, &inspectors, &meta)
            .and_then(|plan| to_json(&plan))
    })
    .py_err(py)
}

/// `rules::draw_eligible`: the draw of a report handle under its `plan` (committed
/// JSON) with `seed` (64 hex digits); the result stays in Rust as a
/// [`DrawResultHandle`].
#[pyfunction]
fn draw_eligible(
    py: Python<'_>,
    report: &Bound<'_, EligibilityHandle>,
    catalog: &str,
    plan: &str,
    seed: &str,
) -> PyResult<DrawResultHandle> {
    let report = &report.get().report;
    let read = || -> Result<(Catalog, Plan, Bytes32), Error> {
        let catalog = catalog_arg(catalog)?;
        let plan = from_committed(plan, "plan")?;
        let seed = Bytes32::from_hex(seed).map_err(|e| e.with_field("seed"))?;
        Ok((catalog, plan, seed))
    };
    let (catalog, plan, seed) = read().py_err(py)?;
    py.detach(|| rules::draw_eligible(report, &catalog, &plan, &seed))
        .map(|result| DrawResultHandle { result })
        .py_err(py)
}

/// `EligibilityReport` JSON as a handle (for [`draw_eligible`] and
/// [`plan_from_eligibility_handle`] on a report given as a document).
#[pyfunction]
fn eligibility_handle(py: Python<'_>, report: &str) -> PyResult<EligibilityHandle> {
    from_json(report, "report")
        .map(|report| EligibilityHandle { report })
        .py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RosterHandle>()?;
    m.add_class::<EligibilityHandle>()?;
    m.add_function(wrap_pyfunction!(read_enterprises_handle, m)?)?;
    m.add_function(wrap_pyfunction!(read_enterprise_columns, m)?)?;
    m.add_function(wrap_pyfunction!(eligibility_roster, m)?)?;
    m.add_function(wrap_pyfunction!(eligibility_handle, m)?)?;
    m.add_function(wrap_pyfunction!(plan_from_eligibility_handle, m)?)?;
    m.add_function(wrap_pyfunction!(draw_eligible, m)?)?;
    Ok(())
}
