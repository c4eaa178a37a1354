//! Enforcement: the working-day calendar and deadlines (a `Calendar` handle, prepared
//! once), leniency decisions with the bundled menus, discretion bands, credit repair.
//! Dates travel as JSON strings (`"2025-06-02"`).

use chrono::NaiveDate;
use pyo3::prelude::*;
use shuangsuiji::Error;
use shuangsuiji::enforcement::credit_repair::{self, PenaltyRecord, RepairFacts, RepairPolicy};
use shuangsuiji::enforcement::list_removal::{self, ListFacts, ListRecord};
use shuangsuiji::enforcement::{
    self as enf, Band, CalendarYear, CaseFacts, DeadlineKind, DecisionPolicy, DiscretionPreset,
    FineRange, Menu, MenuEntry, Period, RegionalOverlay, ViolationRecord,
};

use crate::convert::{from_json, from_json_or_default, to_json};
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

/// Every deadline kind with its provenance, as a JSON list of `{kind, provenance}`.
#[pyfunction]
fn deadline_kinds(py: Python<'_>) -> PyResult<String> {
    let all: Vec<serde_json::Value> = DeadlineKind::ALL
        .iter()
        .map(|k| serde_json::json!({"kind": k, "provenance": k.provenance()}))
        .collect();
    to_json(&all).py_err(py)
}

/// Decides a leniency case. `entry_id` names a bundled menu entry; `entry` is a menu
/// entry as JSON (at most one of them); `policy` a `DecisionPolicy` (default if None).
#[pyfunction]
#[pyo3(signature = (facts, history, on, entry_id=None, entry=None, policy=None))]
fn decide(
    py: Python<'_>,
    facts: &str,
    history: &str,
    on: &str,
    entry_id: Option<&str>,
    entry: Option<&str>,
    policy: Option<&str>,
) -> PyResult<String> {
    let run = || {
        let facts: CaseFacts = from_json(facts, "facts")?;
        let history: Vec<ViolationRecord> = from_json(history, "history")?;
        let on = date(on, "on")?;
        let entry: Option<MenuEntry> = match (entry_id, entry) {
            (Some(id), _) => Some(Menu::bundled_entry(id)?),
            (None, Some(e)) => Some(from_json(e, "entry")?),
            (None, None) => None,
        };
        let policy: DecisionPolicy = from_json_or_default(policy, "policy")?;
        enf::decide_with(&policy, entry.as_ref(), &facts, &history, on).and_then(|d| to_json(&d))
    };
    run().py_err(py)
}

/// The bundled leniency menus, as JSON.
#[pyfunction]
fn bundled_menus(py: Python<'_>) -> PyResult<String> {
    Menu::bundled().and_then(|m| to_json(&m)).py_err(py)
}

/// One bundled menu entry by id, as JSON.
#[pyfunction]
fn bundled_menu_entry(py: Python<'_>, id: &str) -> PyResult<String> {
    Menu::bundled_entry(id).and_then(|e| to_json(&e)).py_err(py)
}

/// Parses and validates a (local) leniency menu; returns it as JSON.
#[pyfunction]
fn parse_menu(py: Python<'_>, text: &str) -> PyResult<String> {
    Menu::parse(text).and_then(|m| to_json(&m)).py_err(py)
}

/// The fine range of a discretion band; `preset` None = the core's default preset.
#[pyfunction]
#[pyo3(signature = (range, band, preset=None))]
fn discretion_band(
    py: Python<'_>,
    range: &str,
    band: &str,
    preset: Option<&str>,
) -> PyResult<String> {
    let run = || {
        let range: FineRange = from_json(range, "range")?;
        let band: Band = from_json(band, "band")?;
        let preset: DiscretionPreset = from_json_or_default(preset, "preset")?;
        enf::discretion_band(range, band, &preset).and_then(|r| to_json(&r))
    };
    run().py_err(py)
}

/// The core's default discretion preset, as JSON.
#[pyfunction]
fn default_discretion_preset(py: Python<'_>) -> PyResult<String> {
    to_json(&DiscretionPreset::default()).py_err(py)
}

/// Assesses a credit-repair request; `policy` None = the core's default policy.
#[pyfunction]
#[pyo3(signature = (record, facts, on, policy=None))]
fn credit_repair_assess(
    py: Python<'_>,
    record: &str,
    facts: &str,
    on: &str,
    policy: Option<&str>,
) -> PyResult<String> {
    let run = || {
        let record: PenaltyRecord = from_json(record, "record")?;
        let facts: RepairFacts = from_json(facts, "facts")?;
        let policy: RepairPolicy = from_json_or_default(policy, "policy")?;
        credit_repair::assess(&record, &facts, &policy, date(on, "on")?).and_then(|a| to_json(&a))
    };
    run().py_err(py)
}

/// Assesses removal from the 经营异常名录 / 严重违法失信名单, or repair of a negative
/// spot-check result, on a date.
#[pyfunction]
fn list_removal_assess(py: Python<'_>, record: &str, facts: &str, on: &str) -> PyResult<String> {
    let run = || {
        let record: ListRecord = from_json(record, "record")?;
        let facts: ListFacts = from_json(facts, "facts")?;
        list_removal::assess(&record, &facts, date(on, "on")?).and_then(|a| to_json(&a))
    };
    run().py_err(py)
}

/// Registers this module's functions and classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Calendar>()?;
    m.add_function(wrap_pyfunction!(deadline_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(decide, m)?)?;
    m.add_function(wrap_pyfunction!(bundled_menus, m)?)?;
    m.add_function(wrap_pyfunction!(bundled_menu_entry, m)?)?;
    m.add_function(wrap_pyfunction!(parse_menu, m)?)?;
    m.add_function(wrap_pyfunction!(discretion_band, m)?)?;
    m.add_function(wrap_pyfunction!(default_discretion_preset, m)?)?;
    m.add_function(wrap_pyfunction!(credit_repair_assess, m)?)?;
    m.add_function(wrap_pyfunction!(list_removal_assess, m)?)?;
    Ok(())
}
