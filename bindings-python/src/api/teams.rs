//! Teams: joint inspection team assignment, its explanation, and the team request built
//! from a draw's visits.

use pyo3::prelude::*;
use shuangsuiji::draw::DrawResult;
use shuangsuiji::model::{CheckRecord, InspectorRoster, Roster};
use shuangsuiji::teams::{self, Staffing, TeamAssignment, TeamRequest};

use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

/// Assigns the teams of a `TeamRequest` (JSON); returns the `TeamAssignment`.
#[pyfunction]
fn assign_teams(py: Python<'_>, request: &str) -> PyResult<String> {
    from_json::<TeamRequest>(request, "request")
        .and_then(|r| teams::assign(&r))
        .and_then(|a| to_json(&a))
        .py_err(py)
}

/// Explains an assignment: per visit and department, every candidate and its fate.
#[pyfunction]
fn explain_teams(py: Python<'_>, request: &str, assignment: &str) -> PyResult<String> {
    let run = || {
        let r: TeamRequest = from_json(request, "request")?;
        let a: TeamAssignment = from_json(assignment, "assignment")?;
        to_json(&teams::explain(&r, &a)?)
    };
    run().py_err(py)
}

/// Builds the team request for a draw result's visits.
#[pyfunction]
fn team_request(
    py: Python<'_>,
    result: &str,
    roster: &str,
    inspectors: &str,
    history: &str,
    staffing: &str,
) -> PyResult<String> {
    let run = || {
        let result: DrawResult = from_json(result, "result")?;
        let roster: Roster = from_json(roster, "roster")?;
        let inspectors: InspectorRoster = from_json(inspectors, "inspectors")?;
        let history: Vec<CheckRecord> = from_json(history, "history")?;
        let staffing: Staffing = from_json(staffing, "staffing")?;
        to_json(&teams::team_request(
            &result,
            &roster,
            &inspectors,
            &history,
            &staffing,
        )?)
    };
    run().py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(assign_teams, m)?)?;
    m.add_function(wrap_pyfunction!(explain_teams, m)?)?;
    m.add_function(wrap_pyfunction!(team_request, m)?)?;
    Ok(())
}
