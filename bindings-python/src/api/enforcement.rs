//! Enforcement: the `Calendar` handle (hand-written: prepared once, with regional
//! overlays, and kept in Rust across calls). Every other enforcement function is a table
//! operation ([`super::table`]). Dates travel as JSON strings (`"2025-06-02"`).

use chrono::NaiveDate;
use pyo3::prelude::*;
use shuangsuiji::Error;
use shuangsuiji::enforcement::{self as enf, CalendarYear, DeadlineKind, Period, RegionalOverlay};

use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

fn date(text: &str, field: &str) -> Result<NaiveDate, Error> {
    from_json(text, field)
}

/// A working-day calendar (national, optionally with regional overlays).
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji", name = "Calendar")]
struct Calendar(enf::Calendar);

#[pymethods]
impl Calendar {
    /// The national calendar with every bundled year.
    #[staticmethod]
    fn national(py: Python<'_>) -> PyResult<Self> {
        enf::Calendar::national().map(Self).py_err(py)
    }

    /// A calendar from years of calendar data (each JSON text of one year).
    #[staticmethod]
    fn from_years(py: Python<'_>, years: Vec<String>) -> PyResult<Self> {
        let run = || {
            let parsed = years
                .iter()
                .map(|y| enf::Calendar::parse_year(y))
                .collect::<Result<Vec<CalendarYear>, Error>>()?;
            enf::Calendar::from_years(parsed)
        };
        run().map(Self).py_err(py)
    }

    /// The same calendar with a regional overlay (JSON text).
    fn with_overlay(&self, py: Python<'_>, overlay: &str) -> PyResult<Self> {
        from_json::<RegionalOverlay>(overlay, "overlay")
            .and_then(|o| self.0.clone().with_overlay(o))
            .map(Self)
            .py_err(py)
    }

    /// The years the bundled data cover.
    #[staticmethod]
    fn bundled_years() -> Vec<i32> {
        enf::Calendar::bundled_years()
    }

    /// The regions whose overlays were applied.
    fn regions(&self) -> Vec<String> {
        self.0.regions().to_vec()
    }

    /// The status of a day (`workday`, `weekend`, `holiday_off`, `makeup_workday`).
    fn status(&self, py: Python<'_>, day: &str) -> PyResult<String> {
        date(day, "date")
            .and_then(|d| self.0.status(d))
            .and_then(|s| to_json(&s))
            .py_err(py)
    }

    /// Whether a day is a working day.
    fn is_working_day(&self, py: Python<'_>, day: &str) -> PyResult<bool> {
        date(day, "date")
            .and_then(|d| self.0.is_working_day(d))
            .py_err(py)
    }

    /// The first working day strictly after a day, as JSON.
    fn next_working_day(&self, py: Python<'_>, day: &str) -> PyResult<String> {
        date(day, "date")
            .and_then(|d| self.0.next_working_day(d))
            .and_then(|d| to_json(&d))
            .py_err(py)
    }

    /// Every covered day with its status, as a JSON list of `[date, status]`.
    fn table(&self, py: Python<'_>) -> PyResult<String> {
        self.0.table().and_then(|t| to_json(&t)).py_err(py)
    }

    /// The statutory deadline of a kind from a start date, as a `Deadline` JSON.
    fn deadline(&self, py: Python<'_>, kind: &str, start: &str) -> PyResult<String> {
        let run = || {
            let k = DeadlineKind::parse(kind).map_err(|e| e.within("kind"))?;
            enf::deadline(&self.0, k, date(start, "start")?).and_then(|d| to_json(&d))
        };
        run().py_err(py)
    }

    /// The due date of a period (`{"unit", "count"}` JSON) from a start date, as JSON.
    fn due_date(&self, py: Python<'_>, start: &str, period: &str) -> PyResult<String> {
        let run = || {
            let p: Period = from_json(period, "period")?;
            enf::due_date(&self.0, date(start, "start")?, p).and_then(|d| to_json(&d))
        };
        run().py_err(py)
    }

    /// The first working day on or after a day, as JSON.
    fn roll_forward(&self, py: Python<'_>, day: &str) -> PyResult<String> {
        date(day, "date")
            .and_then(|d| enf::roll_forward(&self.0, d))
            .and_then(|d| to_json(&d))
            .py_err(py)
    }
}

/// Registers this module's functions and classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Calendar>()?;
    Ok(())
}
