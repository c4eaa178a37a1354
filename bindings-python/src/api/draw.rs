//! Hand-written draw functions (the draw itself is a table operation,
//! [`super::table`]): the columnar fast path, whose result stays in Rust behind a
//! `DrawResultHandle` (converting a 1 M-enterprise result costs more than the draw), the
//! Spark driver's merge of the executors' candidates into such a handle, and
//! `lp_encode`, which takes and returns bytes.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use shuangsuiji::Error;
use shuangsuiji::canonical::lp;
use shuangsuiji::draw::partial::{self, Candidates};
use shuangsuiji::draw::{self as core_draw, ColumnText, DrawInput, DrawResult};

use crate::convert::objects::to_py;
use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

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
    pub(crate) result: DrawResult,
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

/// The operation `merge_candidates` with the parts as the JSON texts the executors
/// wrote (`draw_candidates_arrow`): each read as `parts[i]` by the strict reader, then
/// `draw::partial::merge_candidates` without the GIL. The result stays in Rust as a
/// [`DrawResultHandle`]: at 10 M enterprises it is 300 000 visits, and writing it as
/// JSON and reading that in Python took as long as the merge.
#[pyfunction]
fn merge_candidate_texts(
    py: Python<'_>,
    input: &str,
    parts: Vec<PyBackedStr>,
) -> PyResult<DrawResultHandle> {
    let input: DrawInput = from_json(input, "input").py_err(py)?;
    let texts: Vec<&str> = parts.iter().map(|t| &**t).collect();
    py.detach(|| partial::merge_candidates(input, &candidate_parts(&texts)?))
        .map(|result| DrawResultHandle { result })
        .py_err(py)
}

/// The executors' candidate texts, each read by the strict reader as `parts[i]` (the
/// field the operations name for a bad part).
pub(crate) fn candidate_parts(texts: &[&str]) -> Result<Vec<Candidates>, Error> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| from_json(t, &format!("parts[{i}]")))
        .collect()
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(draw_columns, m)?)?;
    m.add_function(wrap_pyfunction!(merge_candidate_texts, m)?)?;
    m.add_class::<DrawResultHandle>()?;
    m.add_function(wrap_pyfunction!(lp_encode, m)?)?;
    Ok(())
}
