//! Hand-written columnar functions over Arrow string arrays (issue #24, the Spark path):
//! each column comes as the array's own buffers — offsets and UTF-8 data of pyarrow's
//! `Array.buffers()`, as `bytes` (`Buffer.to_pybytes()`: one copy of each buffer; the
//! buffer protocol is not in the abi3-py39 API) — with the array's offset and length,
//! so no Python object is made per cell. Not table operations: they take
//! buffers, not JSON. Each converts the columns to cells, calls one core function and
//! returns its result as JSON text.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use shuangsuiji::draw::DrawInput;
use shuangsuiji::draw::partial::{self, StratumCount};
use shuangsuiji::draw_record::publication::receipt_file;
use shuangsuiji::draw_record::{self, Neighbour, Receipt, ResultDocument};
use shuangsuiji::verify::merkle::tree_commitment;
use shuangsuiji::verify::{EligibleLeaf, ExcludedLeaf, Plan, TreeCommitment};
use shuangsuiji::{Error, InputCode};

use crate::convert::{from_json, to_json};
use crate::errors::IntoPy;

/// One Arrow string column: `(offsets, data, offset, length, large)` — the offsets
/// buffer (`int32`, or `int64` when `large`) and the data buffer as `bytes`, the
/// array's offset into them and its length.
pub(crate) type ArrowColumn = (PyBackedBytes, PyBackedBytes, usize, usize, bool);

/// A column: its offsets read, its data borrowed from the `bytes`.
pub(crate) struct Column<'a> {
    name: &'static str,
    offsets: Vec<usize>,
    data: &'a [u8],
}

impl<'a> Column<'a> {
    pub(crate) fn read(py: Python<'_>, name: &'static str, col: &'a ArrowColumn) -> PyResult<Self> {
        let (offsets, data, offset, rows, large) = col;
        let raw: &[u8] = offsets;
        let width = if *large { 8 } else { 4 };
        let bad = |msg: &str| {
            Error::new(InputCode::CellInvalid, format!("the {name} column: {msg}")).with_field(name)
        };
        let wanted = offset
            .checked_add(*rows)
            .and_then(|n| n.checked_add(1))
            .and_then(|n| n.checked_mul(width));
        if wanted.is_none_or(|w| w > raw.len()) {
            return Err(bad(
                "the offsets buffer is shorter than offset + length + 1 offsets",
            ))
            .py_err(py);
        }
        let at = |i: usize| -> Option<usize> {
            let b = raw.get(i * width..(i + 1) * width)?;
            if *large {
                usize::try_from(i64::from_le_bytes(b.try_into().ok()?)).ok()
            } else {
                usize::try_from(i32::from_le_bytes(b.try_into().ok()?)).ok()
            }
        };
        let offsets = (*offset..=offset + rows)
            .map(at)
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(|| bad("a negative offset"))
            .py_err(py)?;
        let data: &[u8] = data;
        if offsets.windows(2).any(|w| w[0] > w[1])
            || offsets.last().is_some_and(|&l| l > data.len())
        {
            return Err(bad("offsets out of order or past the data")).py_err(py);
        }
        Ok(Self {
            name,
            offsets,
            data,
        })
    }

    /// The offsets (absolute, into the data) and the data.
    pub(crate) fn parts(&self) -> (&[usize], &'a [u8]) {
        (&self.offsets, self.data)
    }

    fn rows(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The cells as text.
    fn cells(&self) -> Result<Vec<&str>, Error> {
        self.offsets
            .windows(2)
            .enumerate()
            .map(|(r, w)| {
                std::str::from_utf8(&self.data[w[0]..w[1]]).map_err(|_| {
                    Error::new(InputCode::CellInvalid, "a cell is not UTF-8")
                        .with_field(format!("{}[{r}]", self.name))
                })
            })
            .collect()
    }
}

/// The three columns of eligible entries, as equally long lists of cells.
fn leaf_cells<'a>(
    usccs: &'a Column<'a>,
    items: &'a Column<'a>,
    strata: &'a Column<'a>,
) -> Result<Vec<(&'a str, &'a str, &'a str)>, Error> {
    let rows = usccs.rows();
    for c in [items, strata] {
        if c.rows() != rows {
            return Err(Error::new(
                InputCode::RowTooShort,
                format!(
                    "the {} column has {} rows, the usccs {rows}",
                    c.name,
                    c.rows()
                ),
            )
            .with_field(c.name));
        }
    }
    let (u, i, s) = (usccs.cells()?, items.cells()?, strata.cells()?);
    Ok(u.into_iter()
        .zip(i)
        .zip(s)
        .map(|((u, i), s)| (u, i, s))
        .collect())
}

/// `draw::partial::candidates_of_leaves` over three Arrow string columns (USCC, item id,
/// stratum key): one part's candidates as JSON. `input` is the whole draw's
/// `DrawInput` (eligible lists empty), `totals` a JSON list of `StratumCount` (may be
/// `[]`). Runs without the GIL.
#[pyfunction]
fn draw_candidates_arrow(
    py: Python<'_>,
    input: &str,
    totals: &str,
    usccs: ArrowColumn,
    items: ArrowColumn,
    strata: ArrowColumn,
) -> PyResult<String> {
    let input: DrawInput = from_json(input, "input").py_err(py)?;
    let totals: Vec<StratumCount> = from_json(totals, "totals").py_err(py)?;
    let (u, i, s) = (
        Column::read(py, "usccs", &usccs)?,
        Column::read(py, "items", &items)?,
        Column::read(py, "strata", &strata)?,
    );
    py.detach(|| {
        let rows = leaf_cells(&u, &i, &s)?;
        let c = partial::candidates_of_leaves(&input, rows, &totals)?;
        to_json(&c)
    })
    .py_err(py)
}

/// `verify::merkle::tree_commitment` of the eligible leaves in three Arrow string
/// columns (USCC, item id, stratum key): `{"root", "size"}` as JSON. A run of the
/// canonical leaf order committed where it is held (`root_of_subtrees` joins the runs).
#[pyfunction]
fn eligible_commitment_arrow(
    py: Python<'_>,
    usccs: ArrowColumn,
    items: ArrowColumn,
    strata: ArrowColumn,
) -> PyResult<String> {
    let (u, i, s) = (
        Column::read(py, "usccs", &usccs)?,
        Column::read(py, "items", &items)?,
        Column::read(py, "strata", &strata)?,
    );
    py.detach(|| to_json(&tree_commitment(&eligible_leaves(&u, &i, &s)?)?))
        .py_err(py)
}

/// The eligible leaves of three columns (USCC canonical, as the tree takes it).
fn eligible_leaves(
    u: &Column<'_>,
    i: &Column<'_>,
    s: &Column<'_>,
) -> Result<Vec<EligibleLeaf>, Error> {
    leaf_cells(u, i, s)?
        .into_iter()
        .enumerate()
        .map(|(r, (u, i, s))| {
            Ok(EligibleLeaf {
                uscc: partial::canonical_uscc(u)
                    .map_err(|e| e.with_field(format!("usccs[{r}]")))?,
                item_id: i.to_owned(),
                stratum_key: s.to_owned(),
            })
        })
        .collect()
}

/// Receipts as two lists, USCCs and their files' texts (the published spelling).
fn receipt_texts(receipts: &[Receipt]) -> Result<(Vec<String>, Vec<String>), Error> {
    receipts
        .iter()
        .map(|r| {
            let text = String::from_utf8(receipt_file(r)?)
                .map_err(|_| Error::internal("a receipt file is not UTF-8"))?;
            Ok((r.uscc.as_str().to_owned(), text))
        })
        .collect()
}

/// `draw_record::run_receipts` over one run's three Arrow string columns (USCC, item
/// id, stratum key): `(usccs, texts, edges)` — the receipts the run makes alone (their
/// files' texts) and its edge leaves as JSON for [`seam_receipts_json`]. `plan`,
/// `excluded` (exclusion leaves), `result` and `runs` (every run's `{root, size}`) are
/// JSON. Runs without the GIL.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the documents, the run and its three columns
fn run_receipts_arrow(
    py: Python<'_>,
    plan: &str,
    excluded: &str,
    result: &str,
    runs: &str,
    run: usize,
    usccs: ArrowColumn,
    items: ArrowColumn,
    strata: ArrowColumn,
) -> PyResult<(Vec<String>, Vec<String>, String)> {
    let plan: Plan = from_json(plan, "plan").py_err(py)?;
    let excluded: Vec<ExcludedLeaf> = from_json(excluded, "excluded").py_err(py)?;
    let result: ResultDocument = from_json(result, "result").py_err(py)?;
    let runs: Vec<TreeCommitment> = from_json(runs, "runs").py_err(py)?;
    let (u, i, s) = (
        Column::read(py, "usccs", &usccs)?,
        Column::read(py, "items", &items)?,
        Column::read(py, "strata", &strata)?,
    );
    py.detach(|| {
        let leaves = eligible_leaves(&u, &i, &s)?;
        let part = draw_record::run_receipts(&plan, &excluded, &result, &runs, run, &leaves)?;
        let (ids, texts) = receipt_texts(&part.receipts)?;
        Ok((ids, texts, to_json(&part.edges)?))
    })
    .py_err(py)
}

/// `draw_record::seam_receipts`: the receipts no run made alone, from every run's
/// edges (a JSON list of the `edges` [`run_receipts_arrow`] returned, concatenated), as
/// `(usccs, texts)`.
#[pyfunction]
fn seam_receipts_json(
    py: Python<'_>,
    plan: &str,
    excluded: &str,
    result: &str,
    runs: &str,
    edges: &str,
) -> PyResult<(Vec<String>, Vec<String>)> {
    let plan: Plan = from_json(plan, "plan").py_err(py)?;
    let excluded: Vec<ExcludedLeaf> = from_json(excluded, "excluded").py_err(py)?;
    let result: ResultDocument = from_json(result, "result").py_err(py)?;
    let runs: Vec<TreeCommitment> = from_json(runs, "runs").py_err(py)?;
    let edges: Vec<Neighbour> = from_json(edges, "edges").py_err(py)?;
    py.detach(|| {
        let receipts = draw_record::seam_receipts(&plan, &excluded, &result, &runs, &edges)?;
        receipt_texts(&receipts)
    })
    .py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(draw_candidates_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(eligible_commitment_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(run_receipts_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(seam_receipts_json, m)?)?;
    Ok(())
}
