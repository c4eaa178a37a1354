//! Per-enterprise receipts: an enterprise checks whether and why it was selected from
//! the plan and the result alone, without anyone publishing every enterprise's stratum.
//!
//! A receipt holds the enterprise's ticket and, for each item it is eligible for, the
//! stratum, an inclusion proof into the plan's eligible tree, the stratum's cut-off and
//! the verdict. Leaves are sorted by (USCC, item), so an enterprise's entries are
//! *contiguous*; the receipt also proves the neighbouring leaves (the last one before,
//! the first one after, both of other enterprises). That makes the receipt complete: no
//! entry can be left out, and an enterprise that is not eligible anywhere gets a proof
//! of absence. An excluded enterprise also gets its exclusion leaf (reason codes
//! `<item_id>:<reason_code>`) with a proof into the exclusion tree; any other enterprise
//! gets the two neighbouring exclusion leaves (sorted by USCC), which proves it has no
//! exclusion leaf.
//!
//! After substitutions (a result revision) an entry is selected iff its key
//! `(ticket, uscc)` is at most the stratum's `boundary` (the last key taken) and the
//! enterprise is not among the stratum's `replaced`; without substitutions the boundary
//! is the cut-off.

use serde::{Deserialize, Serialize};

use super::compare::difference_error;
use super::document::ResultDocument;
use crate::draw::{Cutoff, Seed, TaskId, Ticket, ticket};
use crate::model::Uscc;
use crate::proof::{
    Bytes32, EligibleLeaf, ExcludedLeaf, InclusionProof, MerkleLeaf, MerkleTree, Plan,
    TreeCommitment, verify_inclusion,
};
use crate::{Error, Result, VerifyCode};

/// One item the enterprise is eligible for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibleEntry {
    /// The item.
    pub item_id: String,
    /// The stratum.
    pub stratum_key: String,
    /// Inclusion proof of the leaf (USCC, item, stratum) in the eligible tree.
    pub proof: InclusionProof,
    /// The stratum's cut-off (absent when nothing was drawn).
    pub cutoff: Option<Cutoff>,
    /// Selected: `(ticket, uscc) ≤ boundary` and not replaced (the boundary is the
    /// cut-off unless the result was revised).
    pub selected: bool,
    /// Replaced after the draw by a substitution (absent when false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub replaced: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &T
const fn is_false(b: &bool) -> bool {
    !*b
}

/// A neighbouring leaf of another enterprise, with its proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Neighbour {
    /// The leaf.
    pub leaf: EligibleLeaf,
    /// Its inclusion proof.
    pub proof: InclusionProof,
}

/// The enterprise's exclusion leaf with its proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludedEntry {
    /// Reason codes `<item_id>:<reason_code>`, sorted.
    pub reasons: Vec<String>,
    /// Evidence reference.
    pub evidence: String,
    /// Inclusion proof in the exclusion tree.
    pub proof: InclusionProof,
}

/// A neighbouring exclusion leaf (of another enterprise), with its proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludedNeighbour {
    /// The leaf.
    pub leaf: ExcludedLeaf,
    /// Its inclusion proof in the exclusion tree.
    pub proof: InclusionProof,
}

/// Proof that an enterprise has no exclusion leaf: the leaves just before and just
/// after where its leaf would be (consecutive positions; one is absent at an end of
/// the tree, both when the tree is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotExcluded {
    /// The exclusion leaf just before (absent at the start).
    pub before: Option<ExcludedNeighbour>,
    /// The exclusion leaf just after (absent at the end).
    pub after: Option<ExcludedNeighbour>,
}

/// A per-enterprise receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The enterprise (canonical text only when read: `value_not_canonical`).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub uscc: Uscc,
    /// The plan hash.
    pub plan_hash: Bytes32,
    /// The result hash.
    pub result_hash: Bytes32,
    /// The enterprise's ticket.
    pub ticket: Ticket,
    /// Every item the enterprise is eligible for, in leaf order.
    pub eligible: Vec<EligibleEntry>,
    /// The eligible leaf just before the enterprise's entries (absent at the start).
    pub before: Option<Neighbour>,
    /// The eligible leaf just after the enterprise's entries (absent at the end).
    pub after: Option<Neighbour>,
    /// The exclusion leaf, if the enterprise was excluded from any item.
    pub excluded: Option<ExcludedEntry>,
    /// Otherwise, the proof that it has no exclusion leaf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_excluded: Option<NotExcluded>,
}

/// What a receipt proves for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictItem {
    /// The item.
    pub item_id: String,
    /// The stratum.
    pub stratum_key: String,
    /// Selected for this item.
    pub selected: bool,
    /// Replaced after the draw by a substitution (absent when false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub replaced: bool,
}

/// What a verified receipt proves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The enterprise.
    pub uscc: Uscc,
    /// Every item it is eligible for, with the outcome.
    pub items: Vec<VerdictItem>,
    /// Its exclusion reasons (`<item_id>:<reason_code>`).
    pub excluded: Vec<String>,
}

impl Verdict {
    /// Selected for at least one item.
    #[must_use]
    pub fn selected(&self) -> bool {
        self.items.iter().any(|i| i.selected)
    }
}

fn sorted<L: MerkleLeaf + Clone>(leaves: &[L]) -> Vec<L> {
    let mut v = leaves.to_vec();
    v.sort_by_key(MerkleLeaf::sort_key);
    v
}

struct Ctx<'a> {
    eligible: Vec<EligibleLeaf>,
    etree: MerkleTree,
    maker: Maker<'a>,
}

/// What every receipt of one draw shares: the exclusion leaves and their tree, the
/// hashes, the seed, the task and the result. [`Maker::assemble`] makes a receipt from
/// the enterprise's eligible entries and neighbours with their proofs, wherever these
/// were computed (here from the whole tree; `receipt_parts` from runs of it).
pub(super) struct Maker<'a> {
    excluded: Vec<ExcludedLeaf>,
    xtree: MerkleTree,
    plan_hash: Bytes32,
    result_hash: Bytes32,
    seed: Seed,
    task: TaskId,
    result: &'a ResultDocument,
}

/// What the result says about one stratum for one enterprise: the cut-off, whether
/// the enterprise is selected and whether it was replaced.
struct Standing {
    cutoff: Option<Cutoff>,
    selected: bool,
    replaced: bool,
}

fn standing(result: &ResultDocument, item: &str, stratum: &str, me: &Cutoff) -> Option<Standing> {
    let s = result
        .draw
        .items
        .iter()
        .find(|i| i.item_id.as_str() == item)?
        .strata
        .iter()
        .find(|s| s.key.as_str() == stratum)?;
    let replaced = s.replaced.iter().any(|p| p.uscc == me.uscc);
    let limit = s.boundary.or(s.cutoff);
    Some(Standing {
        cutoff: s.cutoff,
        selected: !replaced && limit.is_some_and(|c| *me <= c),
        replaced,
    })
}

impl<'a> Maker<'a> {
    /// Hashes the plan and the result, sorts the exclusion leaves and builds their tree.
    pub(super) fn new(
        plan: &Plan,
        excluded: &[ExcludedLeaf],
        result: &'a ResultDocument,
    ) -> Result<Self> {
        let excluded = sorted(excluded);
        Ok(Self {
            xtree: MerkleTree::from_leaves(&excluded)?,
            excluded,
            plan_hash: plan.plan_hash()?,
            result_hash: result.result_hash()?,
            seed: Seed::from_bytes(result.seed.0),
            task: TaskId::parse(&plan.task_id)?,
            result,
        })
    }

    /// The exclusion leaves, sorted by USCC.
    pub(super) fn excluded(&self) -> &[ExcludedLeaf] {
        &self.excluded
    }

    /// The receipt of `uscc` from its eligible entries (in leaf order) and the
    /// neighbouring leaves, each with its proof in the eligible tree.
    pub(super) fn assemble<'l>(
        &self,
        uscc: Uscc,
        entries: impl IntoIterator<Item = (&'l EligibleLeaf, InclusionProof)>,
        before: Option<Neighbour>,
        after: Option<Neighbour>,
    ) -> Result<Receipt> {
        let t = ticket(&self.seed, &self.task, &uscc);
        let me = Cutoff { ticket: t, uscc };
        let eligible = entries
            .into_iter()
            .map(|(leaf, proof)| {
                let st = standing(self.result, &leaf.item_id, &leaf.stratum_key, &me);
                EligibleEntry {
                    item_id: leaf.item_id.clone(),
                    stratum_key: leaf.stratum_key.clone(),
                    proof,
                    cutoff: st.as_ref().and_then(|s| s.cutoff),
                    selected: st.as_ref().is_some_and(|s| s.selected),
                    replaced: st.as_ref().is_some_and(|s| s.replaced),
                }
            })
            .collect();
        let x_neighbour = |i: usize| -> Result<Option<ExcludedNeighbour>> {
            match self.excluded.get(i) {
                Some(leaf) => Ok(Some(ExcludedNeighbour {
                    leaf: leaf.clone(),
                    proof: self.xtree.proof(i)?,
                })),
                None => Ok(None),
            }
        };
        let (excluded, not_excluded) = match self.excluded.binary_search_by(|x| x.uscc.cmp(&uscc)) {
            Ok(i) => {
                let x = self.excluded.get(i).map(|x| -> Result<ExcludedEntry> {
                    let mut reasons = x.reasons.clone();
                    reasons.sort();
                    Ok(ExcludedEntry {
                        reasons,
                        evidence: x.evidence.clone(),
                        proof: self.xtree.proof(i)?,
                    })
                });
                (x.transpose()?, None)
            }
            Err(at) => {
                let before = match at.checked_sub(1) {
                    Some(i) => x_neighbour(i)?,
                    None => None,
                };
                let after = x_neighbour(at)?;
                (None, Some(NotExcluded { before, after }))
            }
        };
        Ok(Receipt {
            uscc,
            plan_hash: self.plan_hash,
            result_hash: self.result_hash,
            ticket: t,
            eligible,
            before,
            after,
            excluded,
            not_excluded,
        })
    }
}

impl Ctx<'_> {
    fn receipt(&self, uscc: Uscc) -> Result<Receipt> {
        let lo = self.eligible.partition_point(|l| l.uscc < uscc);
        let hi = self.eligible.partition_point(|l| l.uscc <= uscc);
        let entries = self
            .eligible
            .iter()
            .enumerate()
            .take(hi)
            .skip(lo)
            .map(|(i, leaf)| Ok((leaf, self.etree.proof(i)?)))
            .collect::<Result<Vec<_>>>()?;
        let neighbour = |i: usize| -> Result<Option<Neighbour>> {
            match self.eligible.get(i) {
                Some(leaf) => Ok(Some(Neighbour {
                    leaf: leaf.clone(),
                    proof: self.etree.proof(i)?,
                })),
                None => Ok(None),
            }
        };
        let before = match lo.checked_sub(1) {
            Some(i) => neighbour(i)?,
            None => None,
        };
        let after = neighbour(hi)?;
        self.maker.assemble(uscc, entries, before, after)
    }
}

fn context<'a>(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    excluded: &[ExcludedLeaf],
    result: &'a ResultDocument,
) -> Result<Ctx<'a>> {
    let eligible = sorted(eligible);
    Ok(Ctx {
        etree: MerkleTree::from_leaves(&eligible)?,
        maker: Maker::new(plan, excluded, result)?,
        eligible,
    })
}

/// The receipt of one enterprise.
///
/// # Errors
/// `leaf_invalid`, `leaf_duplicate` from the trees; those of [`Plan::plan_hash`] and
/// [`ResultDocument::result_hash`]; `task_id_invalid`.
pub fn receipt(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    excluded: &[ExcludedLeaf],
    result: &ResultDocument,
    uscc: Uscc,
) -> Result<Receipt> {
    context(plan, eligible, excluded, result)?.receipt(uscc)
}

/// The receipts of every enterprise that is eligible for some item or excluded from
/// some item, sorted by USCC (the trees are built once).
///
/// # Errors
/// As [`receipt`].
pub fn receipts(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    excluded: &[ExcludedLeaf],
    result: &ResultDocument,
) -> Result<Vec<Receipt>> {
    let ctx = context(plan, eligible, excluded, result)?;
    let mut ids: Vec<Uscc> = ctx
        .eligible
        .iter()
        .map(|l| l.uscc)
        .chain(ctx.maker.excluded.iter().map(|x| x.uscc))
        .collect();
    ids.sort();
    ids.dedup();
    ids.into_iter().map(|u| ctx.receipt(u)).collect()
}

/// Checks that the two exclusion leaves around `uscc` are consecutive in the tree and
/// enclose it, so the enterprise has no exclusion leaf.
fn check_absence(uscc: Uscc, n: &NotExcluded, tree: &TreeCommitment) -> Result<()> {
    let mut next = 0u64;
    if let Some(b) = &n.before {
        if b.leaf.uscc >= uscc {
            return Err(invalid(
                "not_excluded.before.leaf.uscc",
                "the exclusion leaf before belongs to this or a later enterprise",
            ));
        }
        prove(&b.leaf, &b.proof, tree, "not_excluded.before.proof")?;
        next = b.proof.leaf_index.saturating_add(1);
    }
    match &n.after {
        Some(a) => {
            if a.leaf.uscc <= uscc {
                return Err(invalid(
                    "not_excluded.after.leaf.uscc",
                    "the exclusion leaf after belongs to this or an earlier enterprise",
                ));
            }
            prove(&a.leaf, &a.proof, tree, "not_excluded.after.proof")?;
            if a.proof.leaf_index != next {
                return Err(invalid(
                    "not_excluded.after.proof.leaf_index",
                    "the exclusion leaves around the enterprise are not consecutive",
                )
                .with_detail("expected", next.to_string()));
            }
        }
        None => {
            if next != tree.size {
                return Err(invalid(
                    "not_excluded.after",
                    "exclusion leaves follow but no leaf after is given",
                ));
            }
        }
    }
    Ok(())
}

fn invalid(field: &str, msg: impl Into<String>) -> Error {
    Error::new(VerifyCode::ReceiptInvalid, msg).with_field(field)
}

fn prove(
    leaf: &impl MerkleLeaf,
    proof: &InclusionProof,
    tree: &TreeCommitment,
    field: &str,
) -> Result<()> {
    let bytes = leaf.encode().map_err(|e| e.within(field))?;
    verify_inclusion(&bytes, proof, tree).map_err(|e| e.within(field))
}

/// Verifies a receipt against the published plan and result: the plan and result
/// hashes, the ticket (recomputed from the result's seed and the plan's task id), each
/// entry's inclusion in the committed eligible tree (with the committed size), the
/// contiguity of the entries between the two neighbours (so none is missing), each
/// cut-off against the result and `selected ⇔ (ticket, uscc) ≤ cutoff`, and the
/// exclusion leaf against the exclusion tree. The result itself is checked against the
/// log and recomputed by [`super::verify_draw`].
///
/// # Errors
/// `plan_hash_mismatch` (field `plan_hash`); `result_mismatch` (field `result_hash`, or
/// `result.plan_hash`); `receipt_invalid` naming the field (`ticket`,
/// `eligible[k].cutoff`, `eligible[k].selected`, `eligible[k].proof.leaf_index`,
/// `before.leaf.uscc` …); `merkle_proof_invalid` / `leaf_invalid` naming the proof
/// with the proof's path as prefix (`eligible[k].proof.root`, `before.proof.tree_size`,
/// `after.proof…`, `excluded.proof…`).
///
/// ```no_run
/// # fn f(r: &shuangsuiji::draw_record::Receipt, p: &shuangsuiji::proof::Plan,
/// #      d: &shuangsuiji::draw_record::ResultDocument) -> shuangsuiji::Result<()> {
/// let verdict = shuangsuiji::draw_record::verify_receipt(r, p, d)?;
/// println!("selected: {}", verdict.selected());
/// # Ok(()) }
/// ```
pub fn verify_receipt(receipt: &Receipt, plan: &Plan, result: &ResultDocument) -> Result<Verdict> {
    ReceiptChecker::new(plan, result)?.verify(receipt)
}

/// What a receipt check needs from the plan and the result, computed once: their
/// hashes, the seed and the task id.
#[derive(Debug, Clone)]
struct Hashed {
    plan_hash: Bytes32,
    result_hash: Bytes32,
    seed: Seed,
    task: TaskId,
}

impl Hashed {
    fn new(plan: &Plan, result: &ResultDocument) -> Result<Self> {
        let plan_hash = plan.plan_hash()?;
        if result.plan_hash != plan_hash {
            return Err(difference_error(
                "result.plan_hash",
                "the result is for another plan",
            ));
        }
        Ok(Self {
            plan_hash,
            result_hash: result.result_hash()?,
            seed: Seed::from_bytes(result.seed.0),
            task: TaskId::parse(&plan.task_id)?,
        })
    }
}

/// Checks many receipts against one plan and result, hashing them once.
///
/// ```no_run
/// # fn f(rs: &[shuangsuiji::draw_record::Receipt], p: &shuangsuiji::proof::Plan,
/// #      d: &shuangsuiji::draw_record::ResultDocument) -> shuangsuiji::Result<()> {
/// let checker = shuangsuiji::draw_record::ReceiptChecker::new(p, d)?;
/// for r in rs {
///     checker.verify(r)?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ReceiptChecker<'a> {
    plan: &'a Plan,
    result: &'a ResultDocument,
    hashed: Hashed,
}

impl<'a> ReceiptChecker<'a> {
    /// Hashes the plan and the result and checks that the result is for the plan.
    ///
    /// # Errors
    /// `result_mismatch` (field `result.plan_hash`); those of [`Plan::plan_hash`],
    /// [`ResultDocument::result_hash`]; `task_id_invalid`.
    pub fn new(plan: &'a Plan, result: &'a ResultDocument) -> Result<Self> {
        Ok(Self {
            plan,
            result,
            hashed: Hashed::new(plan, result)?,
        })
    }

    /// Verifies one receipt (see [`verify_receipt`]).
    ///
    /// # Errors
    /// As [`verify_receipt`].
    pub fn verify(&self, receipt: &Receipt) -> Result<Verdict> {
        check(self.plan, self.result, &self.hashed, receipt)
    }
}

/// The receipt verifier that owns its plan and result (for the bindings and for
/// long-lived services): [`ReceiptVerifier::new`] checks and hashes the plan and the
/// result once (milliseconds for a large result); [`ReceiptVerifier::verify`] then
/// checks one receipt in microseconds — its Merkle proofs (about `2·log2(n)` hashes),
/// its ticket (one ChaCha20 block) and its strata. The same answers and errors as
/// [`verify_receipt`], which re-hashes the plan and the result on every call.
///
/// ```
/// # use shuangsuiji::draw_record::{Receipt, ReceiptVerifier, ResultDocument};
/// # use shuangsuiji::proof::Plan;
/// # fn f(plan: Plan, result: ResultDocument, receipts: &[Receipt]) -> shuangsuiji::Result<()> {
/// let verifier = ReceiptVerifier::new(plan, result)?;
/// for r in receipts {
///     let verdict = verifier.verify(r)?;
///     println!("{} selected: {}", verdict.uscc, verdict.selected());
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ReceiptVerifier {
    plan: Plan,
    result: ResultDocument,
    hashed: Hashed,
}

impl ReceiptVerifier {
    /// Takes the plan and the result, hashes them and checks that the result is for
    /// the plan.
    ///
    /// # Errors
    /// As [`ReceiptChecker::new`].
    pub fn new(plan: Plan, result: ResultDocument) -> Result<Self> {
        let hashed = Hashed::new(&plan, &result)?;
        Ok(Self {
            plan,
            result,
            hashed,
        })
    }

    /// Verifies one receipt (see [`verify_receipt`]).
    ///
    /// # Errors
    /// As [`verify_receipt`].
    pub fn verify(&self, receipt: &Receipt) -> Result<Verdict> {
        check(&self.plan, &self.result, &self.hashed, receipt)
    }

    /// The plan hash, computed once.
    #[must_use]
    pub const fn plan_hash(&self) -> Bytes32 {
        self.hashed.plan_hash
    }

    /// The result hash, computed once.
    #[must_use]
    pub const fn result_hash(&self) -> Bytes32 {
        self.hashed.result_hash
    }
}

/// The §10.3 checks in their order: the binding to the plan and result (and the
/// ticket), the inclusion of the enterprise's entries with their standing in the
/// result, then its exclusion or the proof of its absence.
fn check(plan: &Plan, result: &ResultDocument, h: &Hashed, receipt: &Receipt) -> Result<Verdict> {
    let t = check_binding(h, receipt)?;
    let items = check_inclusion(plan, result, receipt, t)?;
    let excluded = check_exclusion(plan, receipt)?;
    Ok(Verdict {
        uscc: receipt.uscc,
        items,
        excluded,
    })
}

/// The receipt is for this plan and result, and its ticket is the one the seed gives.
fn check_binding(h: &Hashed, receipt: &Receipt) -> Result<Ticket> {
    if receipt.plan_hash != h.plan_hash {
        return Err(Error::new(
            VerifyCode::PlanHashMismatch,
            "the receipt is for another plan",
        )
        .with_field("plan_hash")
        .with_detail("expected", h.plan_hash.to_hex())
        .with_detail("actual", receipt.plan_hash.to_hex()));
    }
    if receipt.result_hash != h.result_hash {
        return Err(
            difference_error("result_hash", "the receipt is for another result")
                .with_detail("expected", h.result_hash.to_hex())
                .with_detail("actual", receipt.result_hash.to_hex()),
        );
    }
    let uscc = receipt.uscc;
    let t = ticket(&h.seed, &h.task, &uscc);
    if t != receipt.ticket {
        return Err(
            invalid("ticket", "the ticket is not the one the seed gives")
                .with_detail("expected", t.to_hex()),
        );
    }
    Ok(t)
}

/// The entries (with the leaves before and after) are contiguous leaves of the eligible
/// tree, and each states the enterprise's standing in the result.
fn check_inclusion(
    plan: &Plan,
    result: &ResultDocument,
    receipt: &Receipt,
    t: Ticket,
) -> Result<Vec<VerdictItem>> {
    let uscc = receipt.uscc;
    let me = Cutoff { ticket: t, uscc };
    // Contiguity: before, entries…, after occupy consecutive leaf positions.
    let mut next = 0u64;
    if let Some(b) = &receipt.before {
        if b.leaf.uscc >= uscc {
            return Err(invalid(
                "before.leaf.uscc",
                "the leaf before belongs to this or a later enterprise",
            ));
        }
        prove(&b.leaf, &b.proof, &plan.eligible, "before.proof")?;
        next = b.proof.leaf_index.saturating_add(1);
    }
    let mut items = Vec::with_capacity(receipt.eligible.len());
    for (k, e) in receipt.eligible.iter().enumerate() {
        let at = |f: &str| format!("eligible[{k}].{f}");
        let leaf = EligibleLeaf {
            uscc,
            item_id: e.item_id.clone(),
            stratum_key: e.stratum_key.clone(),
        };
        prove(&leaf, &e.proof, &plan.eligible, &at("proof"))?;
        if e.proof.leaf_index != next {
            return Err(
                invalid(&at("proof.leaf_index"), "the entries are not contiguous")
                    .with_detail("expected", next.to_string()),
            );
        }
        next = next.saturating_add(1);
        let Some(st) = standing(result, &e.item_id, &e.stratum_key, &me) else {
            return Err(invalid(
                &at("stratum_key"),
                "the result has no such item and stratum",
            )
            .with_detail("item", &e.item_id)
            .with_detail("stratum", &e.stratum_key));
        };
        if e.cutoff != st.cutoff {
            return Err(invalid(&at("cutoff"), "the cut-off is not the result's")
                .with_detail("item", &e.item_id)
                .with_detail("stratum", &e.stratum_key));
        }
        if e.replaced != st.replaced {
            return Err(invalid(
                &at("replaced"),
                "replaced must say whether the result lists the enterprise as replaced",
            )
            .with_detail("item", &e.item_id)
            .with_detail("stratum", &e.stratum_key));
        }
        let selected = st.selected;
        if e.selected != selected {
            return Err(invalid(
                &at("selected"),
                "selected must equal (ticket, uscc) <= boundary and not replaced",
            )
            .with_detail("item", &e.item_id)
            .with_detail("stratum", &e.stratum_key));
        }
        items.push(VerdictItem {
            item_id: e.item_id.clone(),
            stratum_key: e.stratum_key.clone(),
            selected,
            replaced: st.replaced,
        });
    }
    match &receipt.after {
        Some(a) => {
            if a.leaf.uscc <= uscc {
                return Err(invalid(
                    "after.leaf.uscc",
                    "the leaf after belongs to this or an earlier enterprise",
                ));
            }
            prove(&a.leaf, &a.proof, &plan.eligible, "after.proof")?;
            if a.proof.leaf_index != next {
                return Err(
                    invalid("after.proof.leaf_index", "the entries are not contiguous")
                        .with_detail("expected", next.to_string()),
                );
            }
        }
        None => {
            if next != plan.eligible.size {
                return Err(invalid(
                    "after",
                    "entries end before the last leaf but no leaf after is given",
                ));
            }
        }
    }
    Ok(items)
}

/// The enterprise's exclusion leaf, or the proof that it has none.
fn check_exclusion(plan: &Plan, receipt: &Receipt) -> Result<Vec<String>> {
    let uscc = receipt.uscc;
    let mut excluded = Vec::new();
    match (&receipt.excluded, &receipt.not_excluded) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "not_excluded",
                "an excluded enterprise has no proof of absence",
            ));
        }
        (None, None) if plan.excluded.size > 0 => {
            return Err(invalid(
                "not_excluded",
                "the receipt must prove the enterprise has no exclusion leaf",
            ));
        }
        (None, Some(n)) => check_absence(uscc, n, &plan.excluded)?,
        _ => {}
    }
    if let Some(x) = &receipt.excluded {
        let leaf = ExcludedLeaf {
            uscc,
            reasons: x.reasons.clone(),
            evidence: x.evidence.clone(),
        };
        if x.reasons.windows(2).any(|w| w.first() >= w.get(1)) {
            return Err(invalid("excluded.reasons", "reasons are sorted and unique"));
        }
        prove(&leaf, &x.proof, &plan.excluded, "excluded.proof")?;
        excluded.clone_from(&x.reasons);
    }
    Ok(excluded)
}
