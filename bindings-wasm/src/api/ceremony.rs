//! Hand-written verify exports (the rest are table operations, [`super::table`]):
//! `merkleTree`, `verifyInclusion` and `ceremonySeed` answer shapes or take arguments
//! that differ from the Python functions of the same name (to be settled before they
//! join the table).

use crate::convert::str_arg;
use serde::de::DeserializeOwned;
use shuangsuiji::verify::{
    BeaconSpec, BeaconValue, Bytes32, Ceremony, EligibleLeaf, ExcludedLeaf, InclusionProof,
    InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Reveal, TreeCommitment,
    verify_inclusion,
};
use shuangsuiji::{Error, InputCode};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

fn leaves<L: DeserializeOwned + MerkleLeaf>(value: &JsValue) -> Result<Vec<L>, JsValue> {
    from_js(value, Some("leaves")).js_err()
}

fn unknown_kind(kind: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("unknown leaf kind {kind:?} (eligible, excluded, inspector)"),
    )
    .with_field("kind")
    .with_value(kind)
}

/// Builds the Merkle tree of `leaves` (any order) of one kind: `{root, size, proofs}`
/// with the inclusion proof of every leaf in sorted order.
///
/// # Errors
/// `leaf_duplicate`, `leaf_invalid`, `json_shape`.
#[wasm_bindgen(js_name = merkleTree, unchecked_return_type = "MerkleTreeSummary")]
pub fn merkle_tree(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MerkleLeafValue[] | string")] leaves_js: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let tree = match kind {
        "eligible" => MerkleTree::from_leaves(&leaves::<EligibleLeaf>(&leaves_js)?),
        "excluded" => MerkleTree::from_leaves(&leaves::<ExcludedLeaf>(&leaves_js)?),
        "inspector" => MerkleTree::from_leaves(&leaves::<InspectorLeaf>(&leaves_js)?),
        other => Err(unknown_kind(other)),
    }
    .js_err()?;
    let proofs = (0..tree.len())
        .map(|i| tree.proof(i))
        .collect::<Result<Vec<InclusionProof>, _>>()
        .js_err()?;
    let c = tree.commitment();
    to_js(&serde_json::json!({"root": c.root, "size": c.size, "proofs": proofs})).js_err()
}

/// Checks an inclusion proof of the leaf bytes (hex) against a committed tree
/// `{root, size}`; returns nothing on success.
///
/// # Errors
/// The proof codes of the core's `verify_inclusion` (`proof_invalid`, …); `hex_invalid`
/// style `json_shape` for malformed hex.
#[wasm_bindgen(js_name = verifyInclusion)]
pub fn verify_inclusion_js(
    #[wasm_bindgen(unchecked_param_type = "string")] leaf_bytes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InclusionProof | string")] proof: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TreeCommitment | string")] tree: JsValue,
) -> Result<(), JsValue> {
    let leaf_bytes = str_arg(&leaf_bytes, "leaf_bytes")?;
    let leaf_bytes = leaf_bytes.as_str();
    let leaf = hex::decode(leaf_bytes)
        .map_err(|e| {
            Error::new(InputCode::JsonShape, format!("leaf bytes are not hex: {e}"))
                .with_field("leaf_bytes")
        })
        .js_err()?;
    let proof: InclusionProof = from_js(&proof, Some("proof")).js_err()?;
    let tree: TreeCommitment = from_js(&tree, Some("tree")).js_err()?;
    verify_inclusion(&leaf, &proof, &tree).js_err()
}

/// Runs a ceremony (`{plan_hash, attempt, sources, parties}`) with the reveals and
/// beacon values and returns the seed.
///
/// # Errors
/// The codes of the core's `Ceremony::seed`: `reveal_mismatch`, `reveal_missing`,
/// `party_unknown`, `party_duplicate`, `beacon_unknown`, `beacon_missing`,
/// `beacon_duplicate`, `beacon_invalid` (details `party` / `source`).
#[wasm_bindgen(js_name = ceremonySeed)]
pub fn ceremony_seed(
    #[wasm_bindgen(unchecked_param_type = "CeremonyInput | string")] ceremony: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Reveal[] | string")] reveals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BeaconValue[] | string")] beacons: JsValue,
) -> Result<String, JsValue> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct C {
        plan_hash: Bytes32,
        attempt: u32,
        sources: Vec<BeaconSpec>,
        parties: Vec<PartyCommitment>,
    }
    let c: C = from_js(&ceremony, Some("ceremony")).js_err()?;
    let reveals: Vec<Reveal> = from_js(&reveals, Some("reveals")).js_err()?;
    let beacons: Vec<BeaconValue> = from_js(&beacons, Some("beacons")).js_err()?;
    let cer = Ceremony {
        plan_hash: c.plan_hash,
        attempt: c.attempt,
        sources: &c.sources,
        parties: &c.parties,
    };
    cer.seed(&reveals, &beacons).map(|h| h.to_hex()).js_err()
}
