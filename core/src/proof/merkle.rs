//! RFC 6962 Merkle trees over the committed sets, with inclusion proofs.
//!
//! Source: RFC 6962 "Certificate Transparency" §2.1 (tree hash, split point) and
//! §2.1.1 (audit paths); verification algorithm of RFC 9162 §2.1.3.2.
//!
//! * `MTH({}) = SHA-256("")`;
//! * `MTH({d}) = SHA-256(0x00 ‖ d)` (leaf hash);
//! * `MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))`, `k` the largest power of
//!   two smaller than `n`.
//!
//! Leaves are the byte strings of [`MerkleLeaf::encode`] — a leaf tag and the
//! length-prefixed fields — ordered by their canonical id ([`MerkleLeaf::sort_key`]).
//! Two leaves with the same id are an error, never silently merged.
//!
//! ```
//! use shuangsuiji::model::Uscc;
//! use shuangsuiji::proof::{EligibleLeaf, MerkleLeaf, MerkleTree, verify_inclusion};
//!
//! let leaves = vec![
//!     EligibleLeaf { uscc: Uscc::parse("91350100M000100Y43")?, item_id: "SP-01".into(), stratum_key: "A".into() },
//!     EligibleLeaf { uscc: Uscc::parse("91350100M000100Y43")?, item_id: "SP-02".into(), stratum_key: "B".into() },
//! ];
//! let tree = MerkleTree::from_leaves(&leaves)?;
//! let i = tree.index_of(&leaves[1]).unwrap();
//! let proof = tree.proof(i)?;
//! verify_inclusion(&leaves[1].encode()?, &proof, &tree.commitment())?;
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Bytes32;
use super::sha256x4::{self, Lanes};
use crate::json::canonical::{TAG_PREFIX, lp, sha256};
use crate::model::Uscc;
use crate::{Error, Result, VerifyCode};

/// Leaf tag of an eligible entry.
pub const TAG_LEAF_ELIGIBLE: &str = "leaf-eligible";
/// Leaf tag of an excluded entry.
pub const TAG_LEAF_EXCLUDED: &str = "leaf-excluded";
/// Leaf tag of an inspector entry.
pub const TAG_LEAF_INSPECTOR: &str = "leaf-inspector";

/// A value that can be a leaf of a committed tree.
pub trait MerkleLeaf {
    /// The canonical id the leaves are ordered by (compared field by field, each field
    /// as bytes); unique within a tree.
    fn sort_key(&self) -> Vec<Vec<u8>>;

    /// The leaf bytes `d` (the tree hashes `SHA-256(0x00 ‖ d)`).
    ///
    /// # Errors
    /// `leaf_invalid` if a field is empty or a list repeats an element;
    /// `too_many_bytes` if a field is 4 GiB or longer.
    fn encode(&self) -> Result<Vec<u8>>;

    /// Compares the canonical ids of two leaves: the order of their
    /// [`sort_key`](Self::sort_key)s (implementations may compare without building
    /// them).
    fn cmp_id(&self, other: &Self) -> Ordering
    where
        Self: Sized,
    {
        self.sort_key().cmp(&other.sort_key())
    }

    /// Appends the leaf bytes of [`encode`](Self::encode) to `out` (implementations may
    /// write them without an intermediate buffer).
    ///
    /// # Errors
    /// Those of [`encode`](Self::encode).
    fn encode_into(&self, out: &mut Vec<u8>) -> Result<()> {
        out.extend_from_slice(&self.encode()?);
        Ok(())
    }
}

/// An eligible enterprise for one item, in one stratum: leaf
/// `LP("SSJ/v1/leaf-eligible") ‖ LP(uscc) ‖ LP(item_id) ‖ LP(stratum_key)`,
/// ordered by (USCC, item id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibleLeaf {
    /// The enterprise (canonical text only when read: `value_not_canonical`).
    #[serde(deserialize_with = "super::published::uscc")]
    pub uscc: Uscc,
    /// The supervision item.
    pub item_id: String,
    /// The stratum key (e.g. the credit/risk class).
    pub stratum_key: String,
}

/// An excluded enterprise: leaf
/// `LP("SSJ/v1/leaf-excluded") ‖ LP(uscc) ‖ LP(list(reasons)) ‖ LP(evidence)`,
/// ordered by USCC. `list(xs)` = `LP(x1) ‖ … ‖ LP(xk)` with the elements sorted by
/// bytes, ascending, without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludedLeaf {
    /// The enterprise (canonical text only when read: `value_not_canonical`).
    #[serde(deserialize_with = "super::published::uscc")]
    pub uscc: Uscc,
    /// The reason codes (at least one; any order here, sorted in the leaf).
    pub reasons: Vec<String>,
    /// A reference to the evidence (document number, record id); may be empty.
    pub evidence: String,
}

/// An inspector of the pool: leaf `LP("SSJ/v1/leaf-inspector") ‖ LP(id) ‖
/// LP(department) ‖ LP(certified ? 0x01 : 0x00) ‖ LP(list(qualifications)) ‖
/// LP(SHA-256(list(conflicts))) ‖ LP(u32_be(capacity))`, ordered by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectorLeaf {
    /// The published opaque inspector id.
    pub id: String,
    /// The department id.
    pub department: String,
    /// Holds an administrative law-enforcement certificate.
    pub certified: bool,
    /// Qualification codes (any order; sorted in the leaf).
    pub qualifications: Vec<String>,
    /// Conflict list (ids of enterprises the inspector must not visit); only its hash
    /// enters the leaf.
    pub conflicts: Vec<String>,
    /// Maximum number of visits.
    pub capacity: u32,
}

fn leaf_err(msg: impl Into<String>, field: &str) -> Error {
    Error::new(VerifyCode::LeafInvalid, msg).with_field(field)
}

fn nonempty(value: &str, field: &str) -> Result<()> {
    if value.is_empty() {
        Err(leaf_err("a leaf field must not be empty", field))
    } else {
        Ok(())
    }
}

/// `list(xs)`: the elements sorted ascending by bytes, each length-prefixed.
///
/// # Errors
/// `leaf_invalid` (naming `field`) if an element is empty or repeated.
pub fn encode_list(items: &[String], field: &str) -> Result<Vec<u8>> {
    let mut sorted: Vec<&str> = items.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let mut out = Vec::new();
    for (i, s) in sorted.iter().enumerate() {
        nonempty(s, field)?;
        if i > 0 && sorted.get(i - 1) == Some(s) {
            return Err(leaf_err("a list repeats an element", field).with_value(*s));
        }
        lp(&mut out, s.as_bytes())?;
    }
    Ok(out)
}

/// `LP("SSJ/v1/" ‖ tag)` without building the concatenation.
fn lp_tag(out: &mut Vec<u8>, tag: &str) -> Result<()> {
    let len = u32::try_from(TAG_PREFIX.len() + tag.len()).map_err(|_| {
        Error::new(
            crate::LimitCode::TooManyBytes,
            "a hashed field must be shorter than 4 GiB",
        )
    })?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(TAG_PREFIX.as_bytes());
    out.extend_from_slice(tag.as_bytes());
    Ok(())
}

fn leaf_bytes(tag: &str, fields: &[&[u8]]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    lp_tag(&mut out, tag)?;
    for f in fields {
        lp(&mut out, f)?;
    }
    Ok(out)
}

/// `SHA-256(list(conflicts))` — `SHA-256("")` for an empty list.
///
/// # Errors
/// `leaf_invalid` if an element is empty or repeated.
///
/// ```
/// let h = shuangsuiji::proof::merkle::conflict_list_hash(&[])?;
/// assert_eq!(h, shuangsuiji::canonical::sha256(b""));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn conflict_list_hash(conflicts: &[String]) -> Result<[u8; 32]> {
    Ok(sha256(&encode_list(conflicts, "conflicts")?))
}

impl MerkleLeaf for EligibleLeaf {
    fn sort_key(&self) -> Vec<Vec<u8>> {
        vec![
            self.uscc.as_str().as_bytes().to_vec(),
            self.item_id.as_bytes().to_vec(),
        ]
    }

    fn encode(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.encode_into(&mut out)?;
        Ok(out)
    }

    fn cmp_id(&self, other: &Self) -> Ordering {
        (self.uscc.as_str().as_bytes(), self.item_id.as_bytes())
            .cmp(&(other.uscc.as_str().as_bytes(), other.item_id.as_bytes()))
    }

    fn encode_into(&self, out: &mut Vec<u8>) -> Result<()> {
        nonempty(&self.item_id, "item_id")?;
        nonempty(&self.stratum_key, "stratum_key")?;
        lp_tag(out, TAG_LEAF_ELIGIBLE)?;
        lp(out, self.uscc.as_str().as_bytes())?;
        lp(out, self.item_id.as_bytes())?;
        lp(out, self.stratum_key.as_bytes())
    }
}

impl MerkleLeaf for ExcludedLeaf {
    fn sort_key(&self) -> Vec<Vec<u8>> {
        vec![self.uscc.as_str().as_bytes().to_vec()]
    }

    fn encode(&self) -> Result<Vec<u8>> {
        if self.reasons.is_empty() {
            return Err(leaf_err("an exclusion needs a reason code", "reasons"));
        }
        let reasons = encode_list(&self.reasons, "reasons")?;
        leaf_bytes(
            TAG_LEAF_EXCLUDED,
            &[
                self.uscc.as_str().as_bytes(),
                &reasons,
                self.evidence.as_bytes(),
            ],
        )
    }
}

impl MerkleLeaf for InspectorLeaf {
    fn sort_key(&self) -> Vec<Vec<u8>> {
        vec![self.id.as_bytes().to_vec()]
    }

    fn encode(&self) -> Result<Vec<u8>> {
        nonempty(&self.id, "id")?;
        nonempty(&self.department, "department")?;
        let quals = encode_list(&self.qualifications, "qualifications")?;
        let conflicts = conflict_list_hash(&self.conflicts)?;
        leaf_bytes(
            TAG_LEAF_INSPECTOR,
            &[
                self.id.as_bytes(),
                self.department.as_bytes(),
                &[u8::from(self.certified)],
                &quals,
                &conflicts,
                &self.capacity.to_be_bytes(),
            ],
        )
    }
}

/// `SHA-256(0x00 ‖ leaf)`.
#[must_use]
pub fn leaf_hash(leaf: &[u8]) -> [u8; 32] {
    Sha256::new()
        .chain_update([0x00])
        .chain_update(leaf)
        .finalize()
        .into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
#[must_use]
pub fn node_hash(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
    let mut buf = [0u8; 65];
    buf[0] = 0x01;
    buf[1..33].copy_from_slice(left);
    buf[33..].copy_from_slice(right);
    sha256(&buf)
}

/// The largest power of two strictly smaller than `n` (`n ≥ 2`).
const fn split(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

/// The RFC 6962 tree hash of a list of leaf hashes (`SHA-256("")` when empty).
///
/// ```
/// use shuangsuiji::proof::merkle::{leaf_hash, node_hash, root_of};
/// let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
/// assert_eq!(root_of(&[a, b]), node_hash(&a, &b));
/// assert_eq!(root_of(&[]), shuangsuiji::canonical::sha256(b""));
/// ```
#[must_use]
pub fn root_of(leaf_hashes: &[[u8; 32]]) -> [u8; 32] {
    match leaf_hashes {
        [] => sha256(b""),
        [one] => *one,
        _ => {
            let (l, r) = leaf_hashes.split_at(split(leaf_hashes.len()));
            node_hash(&root_of(l), &root_of(r))
        }
    }
}

/// The commitment of a tree from those of its *aligned subtrees*: the sorted leaves cut
/// into consecutive runs of `2^k` leaves (the last run may be shorter), each committed
/// on its own (e.g. by [`tree_commitment`] where the leaves are, on another machine).
///
/// Exact by RFC 6962 §2.1: a tree of `n > 2^k` leaves splits at the largest power of
/// two below `n`, a multiple of `2^k`, so no run is ever cut and the recursion over the
/// runs' roots is the recursion over the leaves. The result is the root and size of the
/// whole tree, equal to [`tree_commitment`] of all the leaves (checked in the tests
/// for every `k` and size); no empty run is allowed, and none is needed.
///
/// # Errors
/// `count_invalid` (field `subtrees[i].size`) when a run other than the last does not
/// hold the first run's number of leaves, that number is not a power of two, or the
/// last run is empty or longer.
///
/// ```
/// use shuangsuiji::proof::merkle::{leaf_hash, root_of, root_of_subtrees, TreeCommitment};
/// use shuangsuiji::proof::Bytes32;
/// let hashes: Vec<[u8; 32]> = (0u8..7).map(|i| leaf_hash(&[i])).collect();
/// let runs: Vec<TreeCommitment> = hashes
///     .chunks(4)
///     .map(|c| TreeCommitment { root: Bytes32(root_of(c)), size: c.len() as u64 })
///     .collect();
/// let whole = root_of_subtrees(&runs)?;
/// assert_eq!((whole.root, whole.size), (Bytes32(root_of(&hashes)), 7));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn root_of_subtrees(subtrees: &[TreeCommitment]) -> Result<TreeCommitment> {
    let Some(first) = subtrees.first() else {
        return Ok(TreeCommitment {
            root: Bytes32(sha256(b"")),
            size: 0,
        });
    };
    let size = aligned_size(subtrees, first.size)?;
    let roots: Vec<[u8; 32]> = subtrees.iter().map(|t| t.root.0).collect();
    Ok(TreeCommitment {
        root: Bytes32(root_of(&roots)),
        size,
    })
}

/// The number of leaves under aligned runs of `run` leaves each (see
/// [`root_of_subtrees`]), or `count_invalid` naming the first run out of line.
fn aligned_size(subtrees: &[TreeCommitment], run: u64) -> Result<u64> {
    let bad = |i: usize, msg: &str| {
        Err(Error::new(crate::ModelCode::CountInvalid, msg.to_owned())
            .with_field(format!("subtrees[{i}].size")))
    };
    let last = subtrees.len().saturating_sub(1);
    if subtrees.len() > 1 && !run.is_power_of_two() {
        return bad(
            0,
            "the runs of an aligned cut hold a power of two of leaves",
        );
    }
    let mut size: u64 = 0;
    for (i, t) in subtrees.iter().enumerate() {
        if t.size == 0 || (i < last && t.size != run) || t.size > run {
            return bad(
                i,
                "every run but the last holds the first run's number of leaves, the last 1 to that many",
            );
        }
        size = size.saturating_add(t.size);
    }
    Ok(size)
}

/// The audit path of run `index`'s root in the tree over the roots of aligned runs
/// (see [`root_of_subtrees`]): appended to a leaf's audit path inside its run, it gives
/// the leaf's audit path in the whole tree (RFC 6962 §2.1.1: the recursion never cuts a
/// run, so the path splits at the run's root).
///
/// # Errors
/// As [`root_of_subtrees`]; `merkle_proof_invalid` if `index` is not a run.
///
/// ```
/// use shuangsuiji::proof::merkle::{leaf_hash, root_of, subtree_path, MerkleTree, TreeCommitment};
/// use shuangsuiji::proof::Bytes32;
/// let hashes: Vec<[u8; 32]> = (0u8..7).map(|i| leaf_hash(&[i])).collect();
/// let runs: Vec<TreeCommitment> = hashes
///     .chunks(2)
///     .map(|c| TreeCommitment { root: Bytes32(root_of(c)), size: c.len() as u64 })
///     .collect();
/// // Leaf 5 is the second leaf of run 2: its sibling in the run, then the run's path.
/// let mut path = vec![Bytes32(hashes[4])];
/// path.extend(subtree_path(&runs, 2)?);
/// assert_eq!(path.len(), 3);
/// assert_eq!(path[1], Bytes32(hashes[6]));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn subtree_path(subtrees: &[TreeCommitment], index: usize) -> Result<Vec<Bytes32>> {
    let run = subtrees.first().map_or(0, |t| t.size);
    aligned_size(subtrees, run)?;
    if index >= subtrees.len() {
        return Err(
            Error::new(VerifyCode::MerkleProofInvalid, "run index outside the runs")
                .with_field("index")
                .with_value(index.to_string()),
        );
    }
    let levels = build_levels(subtrees.iter().map(|t| t.root.0).collect());
    Ok(path_in(&levels, index))
}

/// The siblings of position `index` from the bottom level up (an unpaired last node
/// has no sibling at its level: it is carried up).
fn path_in(levels: &[Vec<[u8; 32]>], index: usize) -> Vec<Bytes32> {
    let mut audit_path = Vec::new();
    let mut i = index;
    for level in levels {
        if level.len() <= 1 {
            break;
        }
        if let Some(sibling) = level.get(i ^ 1) {
            audit_path.push(Bytes32(*sibling));
        }
        i >>= 1;
    }
    audit_path
}

/// The audit path by the RFC 6962 recursion (reference for the level-based one).
#[cfg(test)]
fn path_of(m: usize, hashes: &[[u8; 32]], out: &mut Vec<Bytes32>) {
    if hashes.len() <= 1 {
        return;
    }
    let k = split(hashes.len());
    let (l, r) = hashes.split_at(k);
    if m < k {
        path_of(m, l, out);
        out.push(Bytes32(root_of(r)));
    } else {
        path_of(m - k, r, out);
        out.push(Bytes32(root_of(l)));
    }
}

/// An inclusion proof (RFC 6962 audit path) of one leaf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionProof {
    /// 0-based index of the leaf in the sorted tree.
    pub leaf_index: u64,
    /// Number of leaves in the tree.
    pub tree_size: u64,
    /// Sibling hashes from the leaf up to the root.
    pub audit_path: Vec<Bytes32>,
}

/// A committed Merkle tree, as published in the plan: root and number of leaves.
/// The size belongs to the commitment: a proof is checked against the committed size,
/// never against the size it claims (RFC 9162 §2.1.3.2 takes the size as an input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeCommitment {
    /// The RFC 6962 root.
    pub root: Bytes32,
    /// The number of leaves.
    pub size: u64,
}

/// A Merkle tree over leaves sorted by their canonical id.
///
/// It keeps every level of the tree (about 64 bytes per leaf), so a proof costs
/// O(log n). Levels are built bottom-up, pairing neighbours and carrying an unpaired
/// last node up unchanged — which gives exactly the RFC 6962 tree (the left subtree of
/// every node is the largest perfect subtree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MerkleTree {
    keys: Vec<Vec<Vec<u8>>>,
    /// `levels[0]` are the leaf hashes; the last level holds the root (if non-empty).
    levels: Vec<Vec<[u8; 32]>>,
    root: [u8; 32],
}

fn build_levels(leaf_hashes: Vec<[u8; 32]>) -> Vec<Vec<[u8; 32]>> {
    let mut levels = vec![leaf_hashes];
    while let Some(last) = levels.last() {
        if last.len() <= 1 {
            break;
        }
        let next: Vec<[u8; 32]> = last
            .chunks(2)
            .map(|pair| match pair {
                [l, r] => node_hash(l, r),
                [one] => *one,
                _ => sha256(b""),
            })
            .collect();
        levels.push(next);
    }
    levels
}

/// `leaf_duplicate` for the id `key` at sorted position `index`.
fn duplicate(key: &[Vec<u8>], index: usize) -> Error {
    let id: Vec<String> = key
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    Error::new(
        VerifyCode::LeafDuplicate,
        "two leaves have the same canonical id",
    )
    .with_value(id.join("/"))
    .with_detail("index", index.to_string())
}

/// The commitment (root and size) of the tree over `leaves` — the same as
/// `MerkleTree::from_leaves(leaves)?.commitment()`, with the same errors, but without
/// keeping the ids and the levels a tree needs for proofs: each leaf is encoded into
/// one reused buffer, ids are compared in place ([`MerkleLeaf::cmp_id`]), leaves already
/// in id order are not sorted, and the levels are folded in place.
///
/// # Errors
/// As [`MerkleTree::from_leaves`]: `leaf_invalid` / `too_many_bytes` naming the first
/// failing leaf (`[i]`, in the given order), then `leaf_duplicate`.
///
/// ```
/// use shuangsuiji::model::Uscc;
/// use shuangsuiji::proof::{EligibleLeaf, MerkleTree, merkle::tree_commitment};
/// let leaf = |item: &str| -> shuangsuiji::Result<EligibleLeaf> {
///     Ok(EligibleLeaf { uscc: Uscc::parse("91350100M000100Y43")?, item_id: item.into(), stratum_key: "A".into() })
/// };
/// let leaves = vec![leaf("SP-02")?, leaf("SP-01")?, leaf("SP-03")?];
/// assert_eq!(tree_commitment(&leaves)?, MerkleTree::from_leaves(&leaves)?.commitment());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn tree_commitment<L: MerkleLeaf>(leaves: &[L]) -> Result<TreeCommitment> {
    // Four hashes at a time where the build has vector lanes (WebAssembly SIMD).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return commitment_with::<super::sha256x4::simd::Simd, L>(leaves, true);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    return commitment_with::<super::sha256x4::Portable, L>(leaves, false);
}

/// Encodes up to four leaves (the first at `first` in the given order) and appends
/// their hashes: four at a time when they pad to the same number of blocks. Not inlined
/// (see `sha256x4::digest4`).
#[inline(never)]
fn leaf_group<V: Lanes, L: MerkleLeaf>(
    chunk: &[L],
    first: usize,
    bufs: &mut [Vec<u8>; 4],
    msgs: &mut [[u8; 128]; 4],
    hashes: &mut Vec<[u8; 32]>,
) -> Result<()> {
    for (j, (leaf, buf)) in chunk.iter().zip(bufs.iter_mut()).enumerate() {
        buf.clear();
        buf.push(0x00);
        leaf.encode_into(buf)
            .map_err(|e| e.within(&format!("[{}]", first + j)))?;
    }
    let n = sha256x4::blocks(bufs[0].len());
    if chunk.len() == 4 && n.is_some() && bufs.iter().all(|b| sha256x4::blocks(b.len()) == n) {
        let n = n.unwrap_or(2);
        for (msg, buf) in msgs.iter_mut().zip(bufs.iter()) {
            msg[..buf.len()].copy_from_slice(buf);
            sha256x4::pad(msg, buf.len(), n);
        }
        hashes.extend(sha256x4::digest4::<V>(msgs, n));
    } else {
        hashes.extend(bufs.iter().take(chunk.len()).map(|b| sha256(b)));
    }
    Ok(())
}

/// [`tree_commitment`], hashing four leaves or nodes at a time in lanes `V` when
/// `lanes` (else one at a time).
fn commitment_with<V: Lanes, L: MerkleLeaf>(leaves: &[L], lanes: bool) -> Result<TreeCommitment> {
    let mut hashes: Vec<[u8; 32]> = Vec::with_capacity(leaves.len());
    if lanes {
        let mut bufs: [Vec<u8>; 4] = Default::default();
        let mut msgs = [[0u8; 128]; 4];
        for (c, chunk) in leaves.chunks(4).enumerate() {
            leaf_group::<V, L>(chunk, 4 * c, &mut bufs, &mut msgs, &mut hashes)?;
        }
    } else {
        let mut buf = Vec::new();
        for (i, leaf) in leaves.iter().enumerate() {
            buf.clear();
            buf.push(0x00);
            leaf.encode_into(&mut buf)
                .map_err(|e| e.within(&format!("[{i}]")))?;
            hashes.push(sha256(&buf));
        }
    }
    let in_order = leaves
        .windows(2)
        .all(|p| matches!(p, [a, b] if a.cmp_id(b) == Ordering::Less));
    if !in_order {
        // Stable, as `from_leaves`: equal ids are reported at the same sorted position.
        let mut sorted: Vec<(&L, [u8; 32])> = leaves.iter().zip(hashes).collect();
        sorted.sort_by(|a, b| a.0.cmp_id(b.0));
        for (i, pair) in sorted.windows(2).enumerate() {
            if let [(a, _), (b, _)] = pair {
                if a.cmp_id(b) == Ordering::Equal {
                    return Err(duplicate(&a.sort_key(), i + 1));
                }
            }
        }
        hashes = sorted.into_iter().map(|(_, h)| h).collect();
    }
    let size = hashes.len() as u64;
    // Level by level, in place: pair neighbours, carry an unpaired last node up.
    let mut len = hashes.len();
    while len > 1 {
        let half = len / 2;
        let mut i = 0;
        if lanes {
            while i + 4 <= half {
                let h = &hashes;
                let nodes = sha256x4::node4::<V>([
                    (&h[2 * i], &h[2 * i + 1]),
                    (&h[2 * i + 2], &h[2 * i + 3]),
                    (&h[2 * i + 4], &h[2 * i + 5]),
                    (&h[2 * i + 6], &h[2 * i + 7]),
                ]);
                hashes[i..i + 4].copy_from_slice(&nodes);
                i += 4;
            }
        }
        while i < half {
            hashes[i] = node_hash(&hashes[2 * i], &hashes[2 * i + 1]);
            i += 1;
        }
        if len % 2 == 1 {
            hashes.swap(half, len - 1);
        }
        len = len.div_ceil(2);
    }
    let root = hashes.first().copied().unwrap_or_else(|| sha256(b""));
    Ok(TreeCommitment {
        root: Bytes32(root),
        size,
    })
}

impl MerkleTree {
    /// Builds the tree: encodes every leaf, sorts by canonical id, hashes.
    ///
    /// # Errors
    /// `leaf_duplicate` if two leaves share an id (naming its position after sorting);
    /// `leaf_invalid` / `too_many_bytes` from [`MerkleLeaf::encode`].
    pub fn from_leaves<L: MerkleLeaf>(leaves: &[L]) -> Result<Self> {
        let mut rows: Vec<(Vec<Vec<u8>>, [u8; 32])> = Vec::with_capacity(leaves.len());
        for (i, leaf) in leaves.iter().enumerate() {
            let bytes = leaf.encode().map_err(|e| e.within(&format!("[{i}]")))?;
            rows.push((leaf.sort_key(), leaf_hash(&bytes)));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for (i, (a, b)) in rows.iter().zip(rows.iter().skip(1)).enumerate() {
            if a.0 == b.0 {
                return Err(duplicate(&a.0, i + 1));
            }
        }
        let (keys, hashes): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let levels = build_levels(hashes);
        let root = match levels.last().map(Vec::as_slice) {
            Some([root]) => *root,
            _ => sha256(b""),
        };
        Ok(Self { keys, levels, root })
    }

    /// The root hash.
    #[must_use]
    pub const fn root(&self) -> Bytes32 {
        Bytes32(self.root)
    }

    /// The commitment (root and size) to publish.
    #[must_use]
    pub fn commitment(&self) -> TreeCommitment {
        TreeCommitment {
            root: self.root(),
            size: self.len() as u64,
        }
    }

    /// Number of leaves.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// `true` for the empty tree.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The sorted position of a leaf with this leaf's id, if any.
    #[must_use]
    pub fn index_of<L: MerkleLeaf>(&self, leaf: &L) -> Option<usize> {
        self.keys.binary_search(&leaf.sort_key()).ok()
    }

    /// The inclusion proof of the leaf at a sorted position.
    ///
    /// # Errors
    /// `merkle_proof_invalid` if `index` is not below the tree size.
    pub fn proof(&self, index: usize) -> Result<InclusionProof> {
        if index >= self.len() {
            return Err(Error::new(
                VerifyCode::MerkleProofInvalid,
                "leaf index outside the tree",
            )
            .with_field("leaf_index")
            .with_value(index.to_string()));
        }
        Ok(InclusionProof {
            leaf_index: index as u64,
            tree_size: self.len() as u64,
            audit_path: path_in(&self.levels, index),
        })
    }
}

/// Verifies that `leaf` (the leaf bytes) is at `proof.leaf_index` of the committed
/// tree (RFC 9162 §2.1.3.2, with the tree size taken from the commitment).
///
/// # Errors
/// `merkle_proof_invalid` if the proof's tree size is not the committed size, the
/// index is outside the tree, the path has the wrong length, or the recomputed root
/// differs.
pub fn verify_inclusion(leaf: &[u8], proof: &InclusionProof, tree: &TreeCommitment) -> Result<()> {
    let root = &tree.root;
    let bad = |why: &str| {
        Error::new(
            VerifyCode::MerkleProofInvalid,
            format!("inclusion proof does not verify: {why}"),
        )
        .with_detail("leaf_index", proof.leaf_index.to_string())
        .with_detail("tree_size", proof.tree_size.to_string())
    };
    if proof.tree_size != tree.size {
        return Err(bad("the proof is for another tree size")
            .with_field("tree_size")
            .with_detail("expected", tree.size.to_string()));
    }
    if proof.leaf_index >= proof.tree_size {
        return Err(bad("leaf index not below tree size").with_field("leaf_index"));
    }
    let mut f_n = proof.leaf_index;
    let mut s_n = proof.tree_size - 1;
    let mut r = leaf_hash(leaf);
    for p in &proof.audit_path {
        if s_n == 0 {
            return Err(bad("audit path too long").with_field("audit_path"));
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(&p.0, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, &p.0);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(bad("audit path too short").with_field("audit_path"));
    }
    if r != root.0 {
        return Err(bad("recomputed root differs")
            .with_field("root")
            .with_detail("expected", root.to_hex())
            .with_detail("actual", hex::encode(r)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: usize) -> Vec<[u8; 32]> {
        (0..n)
            .map(|i| leaf_hash(&[u8::try_from(i).unwrap()]))
            .collect()
    }

    #[test]
    fn split_points() {
        assert_eq!(split(2), 1);
        assert_eq!(split(3), 2);
        assert_eq!(split(4), 2);
        assert_eq!(split(5), 4);
        assert_eq!(split(8), 4);
        assert_eq!(split(9), 8);
    }

    #[test]
    fn every_proof_verifies_and_no_other_index_does() {
        struct Raw(u8);
        impl MerkleLeaf for Raw {
            fn sort_key(&self) -> Vec<Vec<u8>> {
                vec![vec![self.0]]
            }
            fn encode(&self) -> Result<Vec<u8>> {
                Ok(vec![self.0])
            }
        }
        for n in 1..=24u8 {
            let items: Vec<Raw> = (0..n).map(Raw).collect();
            let tree = MerkleTree::from_leaves(&items).unwrap();
            let hashes = leaves(n as usize);
            assert_eq!(tree.root().0, root_of(&hashes));
            let c = tree.commitment();
            for i in 0..n {
                let proof = tree.proof(i as usize).unwrap();
                let mut reference = Vec::new();
                path_of(i as usize, &hashes, &mut reference);
                assert_eq!(proof.audit_path, reference, "n={n} i={i}");
                verify_inclusion(&[i], &proof, &c).unwrap();
                for j in 0..n {
                    if j != i {
                        let mut p = proof.clone();
                        p.leaf_index = u64::from(j);
                        assert!(verify_inclusion(&[i], &p, &c).is_err());
                        assert!(verify_inclusion(&[j], &proof, &c).is_err());
                    }
                }
            }
        }
    }

    /// `tree_commitment` agrees with `MerkleTree::from_leaves` on every size, order and
    /// error: leaves in order, reversed, shuffled, with a duplicate, with an invalid leaf
    /// (the first in the given order is named), for eligible leaves and for a leaf type
    /// with the trait's default `cmp_id`/`encode_into`.
    #[test]
    fn tree_commitment_agrees_with_from_leaves() {
        struct Raw(u8);
        impl MerkleLeaf for Raw {
            fn sort_key(&self) -> Vec<Vec<u8>> {
                vec![vec![self.0 / 2]]
            }
            fn encode(&self) -> Result<Vec<u8>> {
                Ok(vec![self.0])
            }
        }
        fn same<L: MerkleLeaf>(leaves: &[L]) {
            let reference = MerkleTree::from_leaves(leaves).map(|t| t.commitment());
            assert_eq!(tree_commitment(leaves), reference);
            // The four-lane path (as the SIMD build takes it), on portable lanes.
            assert_eq!(
                commitment_with::<sha256x4::Portable, L>(leaves, true),
                reference
            );
        }
        let uscc = |i: u32| {
            let body = format!("M{i:07}");
            let bytes: [u8; 8] = body.as_bytes().try_into().unwrap();
            let org = crate::model::org_code_check_char(&bytes).unwrap();
            Uscc::complete(&format!("91350100{body}{}", char::from(org))).unwrap()
        };
        for n in 0..=40u32 {
            let mut leaves: Vec<EligibleLeaf> = (0..n)
                .flat_map(|i| {
                    ["SP-01", "SP-02"]
                        .into_iter()
                        .take(1 + (i % 2) as usize)
                        .map(move |item| (i, item))
                })
                .map(|(i, item)| EligibleLeaf {
                    uscc: uscc(i),
                    item_id: item.into(),
                    // Mostly two-block leaves, some of three (mixed groups of four).
                    stratum_key: format!(
                        "credit={}{}",
                        i % 3,
                        "x".repeat(if i % 7 == 0 { 60 } else { 0 })
                    ),
                })
                .collect();
            same(&leaves);
            leaves.reverse();
            same(&leaves);
            let k = leaves.len();
            if k > 2 {
                leaves.swap(0, k / 2);
                same(&leaves);
                let mut dup = leaves.clone();
                dup.push(leaves[k / 3].clone());
                same(&dup);
                dup.push(leaves[1].clone());
                same(&dup);
                let mut bad = leaves.clone();
                bad[k - 1].stratum_key.clear();
                bad[k / 2].item_id.clear();
                same(&bad);
            }
            let raws: Vec<Raw> = (0..u8::try_from(n).unwrap()).map(|i| Raw(i * 2)).collect();
            same(&raws);
            let raws: Vec<Raw> = (0..u8::try_from(n).unwrap()).rev().map(Raw).collect();
            same(&raws);
        }
    }
}
