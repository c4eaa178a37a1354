//! Receipts computed in parts, where the eligible leaves are (issue #24, Apache Spark):
//! the same receipts as [`receipts`](super::receipts), byte for byte, without holding
//! every leaf in one place.
//!
//! The sorted leaves are cut into aligned *runs* of `2^k` leaves (the last may be
//! shorter), as for the plan's commitment ([`root_of_subtrees`]). A leaf's proof in the
//! whole tree is its proof inside its run followed by the run's path in the tree of run
//! roots ([`subtree_path`]), so each run proves its own leaves. An enterprise whose
//! entries and both neighbouring leaves lie in one run gets its receipt from that run
//! ([`run_receipts`]); each run also hands over its *edge* leaves with their proofs (its
//! first enterprise's entries and the leaf after them, its last enterprise's entries and
//! the leaf before them). The few enterprises at the seams between runs — and the
//! excluded enterprises without an eligible entry that fall between two runs — get their
//! receipts from the edges of all runs together ([`seam_receipts`]). Every enterprise is
//! answered exactly once: by its run if everything its receipt needs is in the run,
//! otherwise at the seams.

use serde::{Deserialize, Serialize};

use super::document::ResultDocument;
use super::receipt::{Maker, Neighbour, Receipt};
use crate::model::Uscc;
use crate::proof::merkle::{root_of_subtrees, subtree_path, tree_commitment};
use crate::proof::{
    EligibleLeaf, ExcludedLeaf, InclusionProof, MerkleLeaf, MerkleTree, Plan, TreeCommitment,
};
use crate::{Error, Result, VerifyCode};

/// What one run answers: the receipts it can make alone and its edge leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunReceipts {
    /// The receipts of the enterprises whose receipt needs only this run's leaves, by
    /// USCC.
    pub receipts: Vec<Receipt>,
    /// The run's edge leaves with their proofs in the whole tree, in leaf order (for
    /// [`seam_receipts`]).
    pub edges: Vec<Neighbour>,
}

/// Consecutive leaves of the tree with their proofs, from `start`.
struct Window<'w> {
    start: u64,
    leaves: &'w [Neighbour],
    size: u64,
    run: u64,
}

/// Whether the leaves `lo..hi` (an enterprise's entries, or none at position `lo`) and
/// the leaves just before and after them lie in one run: then that run answers.
const fn in_one_run(lo: u64, hi: u64, size: u64, run: u64) -> bool {
    if size == 0 || run == 0 {
        return false;
    }
    let home = if lo < size { lo } else { size - 1 } / run;
    (hi == lo || (hi - 1) / run == home)
        && (lo == 0 || (lo - 1) / run == home)
        && (hi == size || hi / run == home)
}

impl Window<'_> {
    /// The leaf before window position `g` (global `pos`): `Ok(None)` at the start of
    /// the tree, `Err` when it lies before the window.
    fn before(&self, g: usize, pos: u64) -> Result<Option<Neighbour>> {
        match g.checked_sub(1).and_then(|p| self.leaves.get(p)) {
            Some(n) => Ok(Some(n.clone())),
            None if pos == 0 => Ok(None),
            None => Err(outside(pos.saturating_sub(1))),
        }
    }

    /// The leaf at window position `g` (global `pos`): `Ok(None)` at the end of the
    /// tree, `Err` when it lies after the window.
    fn after(&self, g: usize, pos: u64) -> Result<Option<Neighbour>> {
        match self.leaves.get(g) {
            Some(n) => Ok(Some(n.clone())),
            None if pos >= self.size => Ok(None),
            None => Err(outside(pos)),
        }
    }

    /// The receipts this window can make whose enterprise lies in one run (`runs`) or
    /// does not (`!runs`).
    fn receipts(&self, maker: &Maker<'_>, runs: bool) -> Result<Vec<Receipt>> {
        let mut out = Vec::new();
        let leaves = self.leaves;
        let mut a = 0;
        // Gap `g` lies between leaves g-1 and g; excluded enterprises without entries
        // fall in gaps between two enterprises.
        let gap = |g: usize, out: &mut Vec<Receipt>| -> Result<()> {
            let pos = self.start + g as u64;
            let low = g
                .checked_sub(1)
                .and_then(|p| leaves.get(p))
                .map(|n| n.leaf.uscc);
            let high = leaves.get(g).map(|n| n.leaf.uscc);
            if low.is_some() && low == high {
                return Ok(());
            }
            let x = maker.excluded();
            let from = low.map_or(0, |u| x.partition_point(|l| l.uscc <= u));
            let to = high.map_or(x.len(), |u| x.partition_point(|l| l.uscc < u));
            let mut ids: Vec<Uscc> = x.iter().take(to).skip(from).map(|l| l.uscc).collect();
            ids.dedup();
            if ids.is_empty() || in_one_run(pos, pos, self.size, self.run) != runs {
                return Ok(());
            }
            let (before, after) = (self.before(g, pos)?, self.after(g, pos)?);
            for u in ids {
                out.push(maker.assemble(u, [], before.clone(), after.clone())?);
            }
            Ok(())
        };
        while a < leaves.len() {
            gap(a, &mut out)?;
            let uscc = leaves.get(a).map(|n| n.leaf.uscc);
            let b = a + leaves
                .iter()
                .skip(a)
                .take_while(|n| Some(n.leaf.uscc) == uscc)
                .count();
            let (lo, hi) = (self.start + a as u64, self.start + b as u64);
            if let (Some(uscc), true) = (uscc, in_one_run(lo, hi, self.size, self.run) == runs) {
                let (before, after) = (self.before(a, lo)?, self.after(b, hi)?);
                let entries = leaves
                    .iter()
                    .take(b)
                    .skip(a)
                    .map(|n| (&n.leaf, n.proof.clone()));
                out.push(maker.assemble(uscc, entries, before, after)?);
            }
            a = b;
        }
        gap(leaves.len(), &mut out)?;
        Ok(out)
    }
}

/// A leaf a window needs but was not given: the edges handed over are not all the
/// runs' (or not of one cut).
#[cold]
fn outside(index: u64) -> Error {
    Error::new(
        VerifyCode::MerkleProofInvalid,
        "a receipt needs a leaf that is not among the leaves given",
    )
    .with_field("edges")
    .with_detail("leaf_index", index.to_string())
}

/// The whole tree's size and run length, checked against the plan's commitment.
fn check_runs(plan: &Plan, runs: &[TreeCommitment]) -> Result<(u64, u64)> {
    let whole = root_of_subtrees(runs)?;
    if whole != plan.eligible {
        return Err(Error::mismatch(
            VerifyCode::RootMismatch,
            "runs",
            "the runs' roots do not make the plan's eligible commitment",
            plan.eligible.root.to_hex(),
            whole.root.to_hex(),
        ));
    }
    Ok((whole.size, runs.first().map_or(0, |r| r.size)))
}

/// The receipts run `run` of the eligible leaves can make alone, and its edge leaves.
///
/// `runs` are the commitments of all runs in order (as [`root_of_subtrees`] takes them;
/// together the plan's eligible commitment); `leaves` are run `run`'s leaves in any
/// order. The run's proofs are its tree's paths followed by the run's [`subtree_path`].
///
/// # Errors
/// Those of [`root_of_subtrees`]; `root_mismatch` (field `runs`) when the runs do not
/// make the plan's eligible commitment, or (field `runs[i]`) when the leaves do not make
/// run `i`'s; `merkle_proof_invalid` for a run index outside the runs; those of
/// [`receipts`](super::receipts) for the leaves, the plan and the result.
///
/// ```
/// use shuangsuiji::draw_record::{receipts, run_receipts, seam_receipts};
/// # use shuangsuiji::draw_record::{ResultDocument, Receipt};
/// # use shuangsuiji::proof::{EligibleLeaf, MerkleLeaf, Plan, merkle::tree_commitment};
/// # fn f(plan: &Plan, eligible: &[EligibleLeaf], result: &ResultDocument) -> shuangsuiji::Result<()> {
/// let mut sorted = eligible.to_vec();
/// sorted.sort_by_key(MerkleLeaf::sort_key);
/// let cut: Vec<&[EligibleLeaf]> = sorted.chunks(4).collect();
/// let runs = cut.iter().map(|c| tree_commitment(c)).collect::<shuangsuiji::Result<Vec<_>>>()?;
/// let (mut all, mut edges) = (Vec::new(), Vec::new());
/// for (i, c) in cut.iter().enumerate() {
///     let part = run_receipts(plan, &[], result, &runs, i, c)?;
///     all.extend(part.receipts);
///     edges.extend(part.edges);
/// }
/// all.extend(seam_receipts(plan, &[], result, &runs, &edges)?);
/// all.sort_by_key(|r: &Receipt| r.uscc);
/// assert_eq!(all, receipts(plan, eligible, &[], result)?);
/// # Ok(()) }
/// ```
pub fn run_receipts(
    plan: &Plan,
    excluded: &[ExcludedLeaf],
    result: &ResultDocument,
    runs: &[TreeCommitment],
    run: usize,
    leaves: &[EligibleLeaf],
) -> Result<RunReceipts> {
    let (size, run_size) = check_runs(plan, runs)?;
    let path = subtree_path(runs, run)?;
    let tree = MerkleTree::from_leaves(leaves)?;
    let mine = tree_commitment(leaves)?;
    if runs.get(run) != Some(&mine) {
        let field = format!("runs[{run}]");
        return Err(Error::mismatch(
            VerifyCode::RootMismatch,
            field,
            "the run's leaves do not make the run's commitment",
            runs.get(run).map_or_else(String::new, |r| r.root.to_hex()),
            mine.root.to_hex(),
        ));
    }
    let mut sorted = leaves.to_vec();
    sorted.sort_by_key(MerkleLeaf::sort_key);
    let start = (run as u64).saturating_mul(run_size);
    let proven = sorted
        .into_iter()
        .enumerate()
        .map(|(i, leaf)| {
            let inner = tree.proof(i)?;
            let mut audit_path = inner.audit_path;
            audit_path.extend(path.iter().copied());
            Ok(Neighbour {
                leaf,
                proof: InclusionProof {
                    leaf_index: start + i as u64,
                    tree_size: size,
                    audit_path,
                },
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let maker = Maker::new(plan, excluded, result)?;
    let window = Window {
        start,
        leaves: &proven,
        size,
        run: run_size,
    };
    let mut receipts = window.receipts(&maker, true)?;
    receipts.sort_by_key(|r| r.uscc);
    Ok(RunReceipts {
        receipts,
        edges: edges(&proven),
    })
}

/// The first enterprise's entries and the leaf after them, the leaf before the last
/// enterprise's entries and those entries (each leaf once, in order).
fn edges(proven: &[Neighbour]) -> Vec<Neighbour> {
    let first = proven.first().map(|n| n.leaf.uscc);
    let last = proven.last().map(|n| n.leaf.uscc);
    let head = proven
        .iter()
        .take_while(|n| Some(n.leaf.uscc) == first)
        .count()
        + 1;
    let tail = proven
        .iter()
        .rev()
        .take_while(|n| Some(n.leaf.uscc) == last)
        .count()
        + 1;
    let tail_from = proven.len().saturating_sub(tail);
    proven
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < head || *i >= tail_from)
        .map(|(_, n)| n.clone())
        .collect()
}

/// The receipts no run could make alone, from the edge leaves of every run
/// ([`RunReceipts::edges`], in any order): the enterprises at the seams between runs
/// and the excluded enterprises without eligible entries between two runs (all
/// excluded enterprises when nothing is eligible), by USCC.
///
/// # Errors
/// As [`run_receipts`]; `merkle_proof_invalid` (field `edges[i].proof.tree_size`) for
/// an edge of another tree.
pub fn seam_receipts(
    plan: &Plan,
    excluded: &[ExcludedLeaf],
    result: &ResultDocument,
    runs: &[TreeCommitment],
    edges: &[Neighbour],
) -> Result<Vec<Receipt>> {
    let (size, run) = check_runs(plan, runs)?;
    if let Some(i) = edges.iter().position(|e| e.proof.tree_size != size) {
        return Err(Error::new(
            VerifyCode::MerkleProofInvalid,
            "an edge leaf is proven in a tree of another size",
        )
        .with_field(format!("edges[{i}].proof.tree_size")));
    }
    let mut sorted = edges.to_vec();
    sorted.sort_by_key(|e| e.proof.leaf_index);
    sorted.dedup_by_key(|e| e.proof.leaf_index);
    let maker = Maker::new(plan, excluded, result)?;
    let mut out = Vec::new();
    let mut segments: Vec<&[Neighbour]> = sorted
        .chunk_by(|x, y| x.proof.leaf_index + 1 == y.proof.leaf_index)
        .collect();
    if segments.is_empty() {
        segments.push(&[]); // nothing eligible: every excluded enterprise is answered here
    }
    for segment in segments {
        let window = Window {
            start: segment.first().map_or(0, |e| e.proof.leaf_index),
            leaves: segment,
            size,
            run,
        };
        out.extend(window.receipts(&maker, false)?);
    }
    out.sort_by_key(|r| r.uscc);
    Ok(out)
}
