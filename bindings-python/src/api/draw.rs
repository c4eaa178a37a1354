//! Draw: the v1 draw from a `DrawInput`, single tickets, and the columnar path (whose
//! result stays in Rust behind a `DrawResultHandle`).

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use shuangsuiji::Error;
use shuangsuiji::canonical::lp;
use shuangsuiji::draw::Threshold;
use shuangsuiji::draw::{
    self as core_draw, ColumnText, Draw, DrawInput, DrawResult, Seed, TaskId, Ticket,
};
use shuangsuiji::model::{Ratio, Uscc};

use crate::convert::objects::to_py;
use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

/// Runs a whole draw; `input` is a `DrawInput` as JSON text, the result a `DrawResult`.
#[pyfunction]
fn draw(py: Python<'_>, input: &str) -> PyResult<String> {
    from_json::<DrawInput>(input, "input")
        .and_then(core_draw::draw)
        .and_then(|r| to_json(&r))
        .py_err(py)
}

/// Test hook of the golden vectors (`Draw::with_ticket_overrides`): the listed
/// enterprises get the given tickets. Its result is not a v1 result.
#[pyfunction]
fn draw_with_ticket_overrides(py: Python<'_>, input: &str, overrides: &str) -> PyResult<String> {
    let run = || {
        let input: DrawInput = from_json(input, "input")?;
        let o: BTreeMap<Uscc, Ticket> = from_json(overrides, "ticket_overrides")?;
        let d = Draw::with_ticket_overrides(input, &o)?;
        to_json(&d.result())
    };
    run().py_err(py)
}

/// The ticket of one enterprise (32 lowercase hex characters).
#[pyfunction]
fn ticket(py: Python<'_>, seed: &str, task_id: &str, uscc: &str) -> PyResult<String> {
    let run = || -> Result<String, Error> {
        let seed = Seed::parse(seed).map_err(|e| e.within("seed"))?;
        let task = TaskId::parse(task_id).map_err(|e| e.within("task_id"))?;
        let uscc = Uscc::parse(uscc).map_err(|e| e.within("uscc"))?;
        Ok(core_draw::ticket(&seed, &task, &uscc).to_hex())
    };
    run().py_err(py)
}

/// The ticket key `H("ticket_key"; seed, task_id)`, as hex (a v1 primitive).
#[pyfunction]
fn ticket_key(py: Python<'_>, seed: &str, task_id: &str) -> PyResult<String> {
    let run = || -> Result<String, Error> {
        let seed = Seed::parse(seed).map_err(|e| e.within("seed"))?;
        let task = TaskId::parse(task_id).map_err(|e| e.within("task_id"))?;
        Ok(core_draw::ticket_key(&seed, &task)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    };
    run().py_err(py)
}

/// The 128-bit index of a USCC (a v1 primitive), as decimal text.
#[pyfunction]
fn uscc_index(py: Python<'_>, uscc: &str) -> PyResult<String> {
    Uscc::parse(uscc)
        .map(|u| core_draw::uscc_index(&u).to_string())
        .py_err(py)
}

/// The Bernoulli threshold `floor(2^128 · ratio)` of a ratio (JSON), as hex.
#[pyfunction]
fn bernoulli_threshold(py: Python<'_>, ratio: &str) -> PyResult<String> {
    from_json::<Ratio>(ratio, "ratio")
        .map(|r| Threshold::of(r).to_hex())
        .py_err(py)
}

/// The LP length prefix encoding of bytes (a canonical-encoding primitive).
#[pyfunction]
fn lp_encode(py: Python<'_>, data: &[u8]) -> PyResult<std::borrow::Cow<'static, [u8]>> {
    let mut buf = Vec::new();
    lp(&mut buf, data).py_err(py)?;
    Ok(std::borrow::Cow::Owned(buf))
}

/// A draw result kept in Rust (the core's `DrawResult`): converted to Python only on
/// request, whole (`to_dict`, `to_json`) or as the core's `SelectionColumns` view.
#[pyclass(frozen, module = "shuangsuiji._shuangsuiji")]
pub struct DrawResultHandle {
    result: DrawResult,
}

#[pymethods]
impl DrawResultHandle {
    /// The whole `DrawResult` as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json(&self.result).py_err(py)
    }

    /// The whole `DrawResult` as dicts and lists (the shape of `json.loads(to_json())`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.result)
    }

    /// `DrawResult::selection_columns`: per item and stratum the selected `uscc`,
    /// `ticket` and `basis` as lists, and the visits' `uscc` and `ticket`.
    fn selection_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.result.selection_columns())
    }
}

/// Columnar path (`draw::draw_column_texts`): `input` is a `DrawInput`; `usccs` and
/// `classes` are the cells of two columns joined by newlines, with their numbers of
/// cells (`draw::ColumnText`). The texts are borrowed as `PyBackedStr` (their UTF-8
/// bytes, not copied once more into a `String`). The draw runs without the GIL; the
/// result stays in Rust as a [`DrawResultHandle`].
#[pyfunction]
fn draw_columns(
    py: Python<'_>,
    input: &str,
    usccs: PyBackedStr,
    usccs_rows: usize,
    classes: PyBackedStr,
    classes_rows: usize,
) -> PyResult<DrawResultHandle> {
    let input: DrawInput = from_json(input, "input").py_err(py)?;
    let (usccs, classes): (&str, &str) = (&usccs, &classes);
    py.detach(|| {
        let usccs = ColumnText::new("usccs", usccs, usccs_rows)?;
        let classes = ColumnText::new("classes", classes, classes_rows)?;
        core_draw::draw_column_texts(input, usccs, classes)
    })
    .map(|result| DrawResultHandle { result })
    .py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(draw, m)?)?;
    m.add_function(wrap_pyfunction!(draw_with_ticket_overrides, m)?)?;
    m.add_function(wrap_pyfunction!(ticket, m)?)?;
    m.add_function(wrap_pyfunction!(draw_columns, m)?)?;
    m.add_class::<DrawResultHandle>()?;
    m.add_function(wrap_pyfunction!(ticket_key, m)?)?;
    m.add_function(wrap_pyfunction!(uscc_index, m)?)?;
    m.add_function(wrap_pyfunction!(bernoulli_threshold, m)?)?;
    m.add_function(wrap_pyfunction!(lp_encode, m)?)?;
    Ok(())
}
