//! Draw: the v1 draw from a `DrawInput`, single tickets, and the columnar fast path.

use std::collections::{BTreeMap, HashMap};

use pyo3::prelude::*;
use shuangsuiji::Error;
use shuangsuiji::canonical::lp;
use shuangsuiji::draw::Threshold;
use shuangsuiji::draw::{self as core_draw, Draw, DrawInput, Seed, TaskId, Ticket};
use shuangsuiji::model::{Ratio, Uscc};

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

/// Columnar fast path: `input` is a `DrawInput` whose strata have empty `eligible`
/// lists; `usccs` and `classes` are newline-separated columns of equal length. Each
/// row's enterprise joins every stratum (of every item) whose key equals its class;
/// rows whose class names no stratum join none. Then the draw runs as [`draw`].
#[pyfunction]
fn draw_columns(py: Python<'_>, input: &str, usccs: &str, classes: &str) -> PyResult<String> {
    let mut input: DrawInput = from_json(input, "input").py_err(py)?;
    let run = move || -> PyResult<String> {
        let mut slots: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, item) in input.items.iter().enumerate() {
            for (s, stratum) in item.strata.iter().enumerate() {
                slots
                    .entry(stratum.key.as_str().to_owned())
                    .or_default()
                    .push((i, s));
            }
        }
        let mut uscc_col = if usccs.is_empty() {
            None
        } else {
            Some(usccs.split('\n'))
        }
        .into_iter()
        .flatten();
        let mut class_col = if classes.is_empty() {
            None
        } else {
            Some(classes.split('\n'))
        }
        .into_iter()
        .flatten();
        let mut row = 0usize;
        loop {
            match (uscc_col.next(), class_col.next()) {
                (None, None) => break,
                (Some(u), Some(c)) => {
                    if let Some(targets) = slots.get(c) {
                        let uscc = Uscc::parse(u)
                            .map_err(|e| e.within(&format!("usccs[{row}]")))
                            .map_err(|e| crate::errors::to_pyerr(py, &e))?;
                        for &(i, s) in targets {
                            if let Some(st) =
                                input.items.get_mut(i).and_then(|it| it.strata.get_mut(s))
                            {
                                st.eligible.push(uscc);
                            }
                        }
                    }
                    row += 1;
                }
                _ => {
                    return Err(pyo3::exceptions::PyValueError::new_err(
                        "the uscc and class columns differ in length",
                    ));
                }
            }
        }
        core_draw::draw(input).and_then(|r| to_json(&r)).py_err(py)
    };
    run()
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(draw, m)?)?;
    m.add_function(wrap_pyfunction!(draw_with_ticket_overrides, m)?)?;
    m.add_function(wrap_pyfunction!(ticket, m)?)?;
    m.add_function(wrap_pyfunction!(draw_columns, m)?)?;
    m.add_function(wrap_pyfunction!(ticket_key, m)?)?;
    m.add_function(wrap_pyfunction!(uscc_index, m)?)?;
    m.add_function(wrap_pyfunction!(bernoulli_threshold, m)?)?;
    m.add_function(wrap_pyfunction!(lp_encode, m)?)?;
    Ok(())
}
