//! Verify: Merkle leaves, trees and proofs; commitments, beacons and seeds; plans and
//! draw logs. Hashes and secrets are 64 lowercase hex characters (the core's `Bytes32`).

use pyo3::prelude::*;
use serde::Serialize;
use shuangsuiji::Error;
use shuangsuiji::verify::merkle::{conflict_list_hash, leaf_hash as core_leaf_hash};
use shuangsuiji::verify::{
    self as v, BeaconKind, BeaconSpec, BeaconValue, Bytes32, Ceremony, DrawLog, EligibleLeaf,
    ExcludedLeaf, InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Plan,
    Reveal, TreeCommitment,
};

use crate::convert::{from_committed, from_json, to_json, uint_arg};
use crate::errors::IntoPy;

fn hex32(text: &str, field: &str) -> Result<Bytes32, Error> {
    Bytes32::from_hex(text).map_err(|e| e.within(field))
}

fn encode(kind: &str, leaf: &str) -> Result<Vec<u8>, Error> {
    match kind {
        "eligible" => from_json::<EligibleLeaf>(leaf, "leaf")?.encode(),
        "excluded" => from_json::<ExcludedLeaf>(leaf, "leaf")?.encode(),
        "inspector" => from_json::<InspectorLeaf>(leaf, "leaf")?.encode(),
        other => Err(leaf_kind_error(other)),
    }
}

fn leaf_kind_error(kind: &str) -> Error {
    Error::new(
        shuangsuiji::InputCode::JsonShape,
        format!("unknown leaf type {kind:?}: expected eligible, excluded or inspector"),
    )
    .with_field("type")
    .with_value(kind)
}

/// The bytes of one leaf (`eligible`, `excluded`, `inspector`), as hex.
#[pyfunction]
fn leaf_bytes(py: Python<'_>, kind: &str, leaf: &str) -> PyResult<String> {
    encode(kind, leaf).map(hex_of).py_err(py)
}

fn hex_of(bytes: Vec<u8>) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `SHA-256(0x00 ‖ leaf_bytes)`, as hex.
#[pyfunction]
fn leaf_hash(leaf_bytes: &[u8]) -> String {
    hex_of(core_leaf_hash(leaf_bytes).to_vec())
}

/// The hash of an inspector's conflict list, as hex.
#[pyfunction]
fn conflicts_hash(py: Python<'_>, conflicts: Vec<String>) -> PyResult<String> {
    conflict_list_hash(&conflicts)
        .map(|h| hex_of(h.to_vec()))
        .py_err(py)
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

/// `H("commit"; party_id, secret)`, as hex.
#[pyfunction]
fn commitment(py: Python<'_>, party_id: &str, secret: &str) -> PyResult<String> {
    hex32(secret, "secret")
        .and_then(|s| v::commitment(party_id, &s))
        .map(|c| c.to_hex())
        .py_err(py)
}

/// Checks a beacon value of a kind (`kind` as its JSON string).
#[pyfunction]
fn validate_beacon_value(py: Python<'_>, kind: &str, value: &str) -> PyResult<()> {
    from_json::<BeaconKind>(kind, "kind")
        .and_then(|k| v::validate_value(k, value))
        .py_err(py)
}

/// The canonical form of a hand-typed beacon value.
#[pyfunction]
fn canonicalize_beacon_value(py: Python<'_>, kind: &str, value: &str) -> PyResult<String> {
    from_json::<BeaconKind>(kind, "kind")
        .and_then(|k| v::canonicalize(k, value))
        .py_err(py)
}

/// Checks a beacon spec (source id, kind, series, draw).
#[pyfunction]
fn validate_beacon_spec(py: Python<'_>, spec: &str) -> PyResult<()> {
    from_json::<BeaconSpec>(spec, "spec")
        .and_then(|s| s.validate())
        .py_err(py)
}

/// Derives a seed from the plan hash, attempt, beacon values and revealed secrets
/// (`beacons`: `[{source, value}]`, `secrets`: `[{party, secret}]`).
#[pyfunction]
fn derive_seed(
    py: Python<'_>,
    plan_hash: &str,
    attempt: &Bound<'_, PyAny>,
    beacons: &str,
    secrets: &str,
) -> PyResult<String> {
    let run = || {
        let attempt: u32 = uint_arg(attempt, "attempt")?;
        let ph = hex32(plan_hash, "plan_hash")?;
        let beacons: Vec<BeaconValue> = from_json(beacons, "beacons")?;
        let secrets: Vec<Reveal> = from_json(secrets, "secrets")?;
        let b: Vec<(&str, &str)> = beacons
            .iter()
            .map(|b| (b.source.as_str(), b.value.as_str()))
            .collect();
        let s: Vec<(&str, Bytes32)> = secrets
            .iter()
            .map(|r| (r.party.as_str(), r.secret))
            .collect();
        v::derive_seed(&ph, attempt, &b, &s).map(|x| x.to_hex())
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

fn plan_from(text: &str) -> Result<Plan, Error> {
    from_committed::<Plan>(text, "plan")
}

/// The canonical JSON text of a plan (integers only; floats are refused).
#[pyfunction]
fn plan_canonical_json(py: Python<'_>, plan: &str) -> PyResult<String> {
    plan_from(plan).and_then(|p| p.canonical_json()).py_err(py)
}

/// The plan hash, as hex.
#[pyfunction]
fn plan_hash(py: Python<'_>, plan: &str) -> PyResult<String> {
    plan_from(plan)
        .and_then(|p| p.plan_hash())
        .map(|h| h.to_hex())
        .py_err(py)
}

/// Checks that a plan is valid and hashes to `plan_hash`.
#[pyfunction]
fn verify_plan(py: Python<'_>, plan: &str, plan_hash: &str) -> PyResult<()> {
    let run = || v::verify_plan(&plan_from(plan)?, &hex32(plan_hash, "plan_hash")?);
    run().py_err(py)
}

/// Replays a draw log against its plan; returns the `LogSummary` as JSON.
#[pyfunction]
#[pyo3(signature = (plan, log, expected_head=None))]
fn verify_log(
    py: Python<'_>,
    plan: &str,
    log: &str,
    expected_head: Option<&str>,
) -> PyResult<String> {
    let run = || {
        let plan = plan_from(plan)?;
        let log: DrawLog = from_committed(log, "log")?;
        let head = expected_head
            .map(|h| hex32(h, "expected_head"))
            .transpose()?;
        v::verify_log(&plan, &log, head.as_ref()).and_then(|s| to_json(&s))
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
    m.add_function(wrap_pyfunction!(leaf_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(leaf_hash, m)?)?;
    m.add_function(wrap_pyfunction!(conflicts_hash, m)?)?;
    m.add_function(wrap_pyfunction!(merkle_tree, m)?)?;
    m.add_function(wrap_pyfunction!(verify_inclusion, m)?)?;
    m.add_function(wrap_pyfunction!(commitment, m)?)?;
    m.add_function(wrap_pyfunction!(validate_beacon_value, m)?)?;
    m.add_function(wrap_pyfunction!(canonicalize_beacon_value, m)?)?;
    m.add_function(wrap_pyfunction!(validate_beacon_spec, m)?)?;
    m.add_function(wrap_pyfunction!(derive_seed, m)?)?;
    m.add_function(wrap_pyfunction!(ceremony_seed, m)?)?;
    m.add_function(wrap_pyfunction!(plan_canonical_json, m)?)?;
    m.add_function(wrap_pyfunction!(plan_hash, m)?)?;
    m.add_function(wrap_pyfunction!(verify_plan, m)?)?;
    m.add_function(wrap_pyfunction!(verify_log, m)?)?;
    Ok(())
}
