//! Hand-written verify functions (the rest are table operations, [`super::table`]):
//! `document_text`, `leaf_hash` and `verify_inclusion` take bytes; `merkle_tree` and
//! `ceremony_seed` answer shapes that differ from the JavaScript functions of the same
//! name (to be settled before they join the table). Hashes and secrets are 64 lowercase
//! hex characters (the core's `Bytes32`).

use pyo3::prelude::*;
use serde::Serialize;
use shuangsuiji::Error;
use shuangsuiji::verify::merkle::leaf_hash as core_leaf_hash;
use shuangsuiji::verify::{
    self as v, BeaconSpec, BeaconValue, Bytes32, Ceremony, EligibleLeaf, ExcludedLeaf,
    InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Reveal, TreeCommitment,
};

use crate::convert::{from_json, to_json, uint_arg};
use crate::errors::IntoPy;

fn hex32(text: &str, field: &str) -> Result<Bytes32, Error> {
    Bytes32::from_hex(text).map_err(|e| e.within(field))
}

fn leaf_kind_error(kind: &str) -> Error {
    Error::new(
        shuangsuiji::InputCode::JsonShape,
        format!("unknown leaf type {kind:?}: expected eligible, excluded or inspector"),
    )
    .with_field("type")
    .with_value(kind)
}

fn hex_of(bytes: Vec<u8>) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `SHA-256(0x00 ‖ leaf_bytes)`, as hex.
#[pyfunction]
fn leaf_hash(leaf_bytes: &[u8]) -> String {
    hex_of(core_leaf_hash(leaf_bytes).to_vec())
}

#[derive(Serialize)]
struct TreeOut {
    commitment: TreeCommitment,
    proofs: Vec<InclusionProof>,
}

fn tree_of<L: MerkleLeaf + serde::de::DeserializeOwned>(leaves: &str) -> Result<TreeOut, Error> {
    let leaves: Vec<L> = from_json(leaves, "leaves")?;
    let tree = MerkleTree::from_leaves(&leaves)?;
    let proofs = (0..tree.len())
        .map(|i| tree.proof(i))
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(TreeOut {
        commitment: tree.commitment(),
        proofs,
    })
}

/// Builds the Merkle tree of a list of leaves; returns `{"commitment": {root, size},
/// "proofs": [proof of sorted leaf 0, 1, …]}` as JSON.
#[pyfunction]
fn merkle_tree(py: Python<'_>, kind: &str, leaves: &str) -> PyResult<String> {
    let out = match kind {
        "eligible" => tree_of::<EligibleLeaf>(leaves),
        "excluded" => tree_of::<ExcludedLeaf>(leaves),
        "inspector" => tree_of::<InspectorLeaf>(leaves),
        other => Err(leaf_kind_error(other)),
    };
    out.and_then(|t| to_json(&t)).py_err(py)
}

/// Checks an inclusion proof of leaf bytes against a committed `{root, size}`.
#[pyfunction]
fn verify_inclusion(
    py: Python<'_>,
    leaf_bytes: &[u8],
    proof: &str,
    commitment: &str,
) -> PyResult<()> {
    let run = || {
        let proof: InclusionProof = from_json(proof, "proof")?;
        let tree: TreeCommitment = from_json(commitment, "commitment")?;
        v::verify_inclusion(leaf_bytes, &proof, &tree)
    };
    run().py_err(py)
}

/// Runs a ceremony: checks reveals against commitments and beacons against sources,
/// then derives the seed.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn ceremony_seed(
    py: Python<'_>,
    plan_hash: &str,
    attempt: &Bound<'_, PyAny>,
    sources: &str,
    parties: &str,
    reveals: &str,
    beacons: &str,
) -> PyResult<String> {
    let run = || {
        let attempt: u32 = uint_arg(attempt, "attempt")?;
        let sources: Vec<BeaconSpec> = from_json(sources, "sources")?;
        let parties: Vec<PartyCommitment> = from_json(parties, "parties")?;
        let reveals: Vec<Reveal> = from_json(reveals, "reveals")?;
        let beacons: Vec<BeaconValue> = from_json(beacons, "beacons")?;
        let c = Ceremony {
            plan_hash: hex32(plan_hash, "plan_hash")?,
            attempt,
            sources: &sources,
            parties: &parties,
        };
        c.seed(&reveals, &beacons).map(|x| x.to_hex())
    };
    run().py_err(py)
}

/// The text of a published file's bytes (the core's `verify::document_text`: one BOM
/// dropped, UTF-8 only).
#[pyfunction]
fn document_text(py: Python<'_>, data: &[u8]) -> PyResult<String> {
    v::document_text(data).map(str::to_owned).py_err(py)
}

/// Registers this module's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(document_text, m)?)?;
    m.add_function(wrap_pyfunction!(leaf_hash, m)?)?;
    m.add_function(wrap_pyfunction!(merkle_tree, m)?)?;
    m.add_function(wrap_pyfunction!(verify_inclusion, m)?)?;
    m.add_function(wrap_pyfunction!(ceremony_seed, m)?)?;
    Ok(())
}
