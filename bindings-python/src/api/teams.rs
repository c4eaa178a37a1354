//! Hand-written teams functions whose assignment stays in Rust (issue #25): the
//! assignment of 5 000 visits is 3.5 MB of JSON, and writing it, `json.loads` of it and
//! reading it back for the team table or the explanation cost more than a tenth of the
//! assignment itself. `assign_teams_handle` keeps it as a [`TeamAssignmentHandle`];
//! the team table and the explanation take it borrowed. Not table operations: they take
//! or return a handle. Each converts its arguments, calls one core function and wraps
//! the result; the documents are read as the `assign_teams`, `team_table` and
//! `explain_teams` table operations read them (same fields, same order, same errors).

use pyo3::prelude::*;
use shuangsuiji::Error;
use shuangsuiji::export;
use shuangsuiji::model::{Catalog, InspectorRoster, Roster};
use shuangsuiji::teams::{self, TeamAssignment, TeamRequest};

use crate::convert::objects::to_py;
use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

/// A team assignment kept in Rust (the core's `TeamAssignment`).
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct TeamAssignmentHandle {
    assignment: TeamAssignment,
}

#[pymethods]
impl TeamAssignmentHandle {
    /// The assignment as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json(&self.assignment).py_err(py)
    }

    /// The assignment as dicts and lists (the shape of `json.loads(to_json())`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.assignment)
    }
}

/// `teams::assign` of a `TeamRequest` (JSON, the `request` argument); runs without the
/// GIL, the assignment stays in Rust.
#[pyfunction]
fn assign_teams_handle(py: Python<'_>, request: &str) -> PyResult<TeamAssignmentHandle> {
    py.detach(|| {
        let request: TeamRequest = from_json(request, "request")?;
        teams::assign(&request)
    })
    .map(|assignment| TeamAssignmentHandle { assignment })
    .py_err(py)
}

/// A `TeamAssignment` document (JSON, the `assignment` argument) as a handle.
#[pyfunction]
fn team_assignment_handle(py: Python<'_>, assignment: &str) -> PyResult<TeamAssignmentHandle> {
    from_json(assignment, "assignment")
        .map(|assignment| TeamAssignmentHandle { assignment })
        .py_err(py)
}

/// `export::team_table` of a handle: `{headers, rows}` as Python objects; the optional
/// `inspectors`, `roster` and `catalog` are JSON, read in the table operation's order.
#[pyfunction]
#[pyo3(signature = (assignment, inspectors, roster, catalog))]
fn team_table_handle<'py>(
    py: Python<'py>,
    assignment: &Bound<'py, TeamAssignmentHandle>,
    inspectors: Option<&str>,
    roster: Option<&str>,
    catalog: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let assignment = &assignment.get().assignment;
    let table = py
        .detach(|| {
            let inspectors: Option<InspectorRoster> =
                inspectors.map(|t| from_json(t, "inspectors")).transpose()?;
            let roster: Option<Roster> = roster.map(|t| from_json(t, "roster")).transpose()?;
            let catalog = catalog
                .map(|t| Catalog::from_json(t).map_err(|e| e.within("catalog")))
                .transpose()?;
            Ok::<_, Error>(export::team_table(
                assignment,
                inspectors.as_ref(),
                roster.as_ref(),
                catalog.as_ref(),
            ))
        })
        .py_err(py)?;
    to_py(py, &table)
}

/// `teams::explain` of a `TeamRequest` (JSON, the `request` argument) and a handle:
/// per visit and department every candidate and its fate, as Python objects.
#[pyfunction]
fn explain_teams_handle<'py>(
    py: Python<'py>,
    request: &str,
    assignment: &Bound<'py, TeamAssignmentHandle>,
) -> PyResult<Bound<'py, PyAny>> {
    let assignment = &assignment.get().assignment;
    let explained = py
        .detach(|| {
            let request: TeamRequest = from_json(request, "request")?;
            teams::explain(&request, assignment)
        })
        .py_err(py)?;
    to_py(py, &explained)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<TeamAssignmentHandle>()?;
    m.add_function(wrap_pyfunction!(assign_teams_handle, m)?)?;
    m.add_function(wrap_pyfunction!(team_assignment_handle, m)?)?;
    m.add_function(wrap_pyfunction!(team_table_handle, m)?)?;
    m.add_function(wrap_pyfunction!(explain_teams_handle, m)?)?;
    Ok(())
}
