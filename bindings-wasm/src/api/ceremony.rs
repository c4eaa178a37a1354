//! Verify exports below the plan: Merkle leaves, trees and proofs, beacons, party
//! commitments and the ceremony seed.

use crate::convert::{str_arg, u32_arg};
use serde::de::DeserializeOwned;
use shuangsuiji::verify::merkle::{conflict_list_hash, leaf_hash};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, BeaconValue, Bytes32, Ceremony, EligibleLeaf, ExcludedLeaf,
    InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Plan, Reveal,
    TreeCommitment, canonicalize, commitment, derive_seed, from_committed_json, validate_value,
    verify_inclusion,
};
use shuangsuiji::{Error, InputCode};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, json_of, to_js};
use crate::errors::IntoJs;

fn kind_of(kind: &str) -> Result<BeaconKind, JsValue> {
    serde_json::from_value(serde_json::Value::String(kind.to_owned()))
        .map_err(|e| Error::from_json(&e).within("kind"))
        .js_err()
}

fn bytes32(text: &str, field: &str) -> Result<Bytes32, JsValue> {
    Bytes32::from_hex(text)
        .map_err(|e| e.within(field))
        .js_err()
}

fn leaves<L: DeserializeOwned + MerkleLeaf>(value: &JsValue) -> Result<Vec<L>, JsValue> {
    from_js(value, Some("leaves")).js_err()
}

/// The leaf bytes and leaf hash (lowercase hex) of one Merkle leaf; `kind` is
/// `eligible`, `excluded` or `inspector`: `{leaf_bytes, leaf_hash}`.
///
/// # Errors
/// `json_shape` for a leaf of the wrong shape or an unknown kind; `leaf_invalid`,
/// `too_many_bytes` from the leaf encoding.
#[wasm_bindgen(js_name = merkleLeaf, unchecked_return_type = "MerkleLeafBytes")]
pub fn merkle_leaf(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MerkleLeafValue | string")] leaf: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let bytes = match kind {
        "eligible" => from_js::<EligibleLeaf>(&leaf, Some("leaf"))
            .js_err()?
            .encode(),
        "excluded" => from_js::<ExcludedLeaf>(&leaf, Some("leaf"))
            .js_err()?
            .encode(),
        "inspector" => from_js::<InspectorLeaf>(&leaf, Some("leaf"))
            .js_err()?
            .encode(),
        other => Err(unknown_kind(other)),
    }
    .js_err()?;
    to_js(&serde_json::json!({
        "leaf_bytes": hex::encode(&bytes),
        "leaf_hash": hex::encode(leaf_hash(&bytes)),
    }))
    .js_err()
}

fn unknown_kind(kind: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("unknown leaf kind {kind:?} (eligible, excluded, inspector)"),
    )
    .with_field("kind")
    .with_value(kind)
}

/// The hash of an inspector's conflict list (lowercase hex).
///
/// # Errors
/// `leaf_invalid` for a repeated element; `json_shape` for a non-list.
#[wasm_bindgen(js_name = conflictListHash)]
pub fn conflict_list_hash_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] conflicts: JsValue,
) -> Result<String, JsValue> {
    let list: Vec<String> = from_js(&conflicts, Some("conflicts")).js_err()?;
    conflict_list_hash(&list).map(hex::encode).js_err()
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

/// A party's commitment `H(party_id, secret)` (lowercase hex).
///
/// # Errors
/// `id_invalid` for a malformed party id; the hex code for a malformed secret.
///
/// Deprecated: use `commitment` (the operation table's name, Python's too); this name
/// stays for one release.
#[wasm_bindgen(js_name = partyCommitment)]
pub fn party_commitment(
    #[wasm_bindgen(unchecked_param_type = "string")] party_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
) -> Result<String, JsValue> {
    let party_id = str_arg(&party_id, "party_id")?;
    let party_id = party_id.as_str();
    let secret = str_arg(&secret, "secret")?;
    let secret = secret.as_str();
    let secret = bytes32(secret, "secret")?;
    commitment(party_id, &secret).map(|c| c.to_hex()).js_err()
}

/// Checks that a beacon value is canonical for its kind; returns nothing on success.
///
/// # Errors
/// `beacon_invalid` (details `field`, `reason`); `json_shape` for an unknown kind.
#[wasm_bindgen(js_name = validateBeacon)]
pub fn validate_beacon(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
) -> Result<(), JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let value = str_arg(&value, "value")?;
    let value = value.as_str();
    validate_value(kind_of(kind)?, value).js_err()
}

/// The canonical form of a typed-in beacon value (input helper).
///
/// # Errors
/// `beacon_invalid`; `json_shape` for an unknown kind.
#[wasm_bindgen(js_name = canonicalizeBeacon)]
pub fn canonicalize_beacon(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let input = str_arg(&input, "input")?;
    let input = input.as_str();
    canonicalize(kind_of(kind)?, input).js_err()
}

/// Checks a beacon spec (`{source_id, kind, series, draw}`); returns nothing on success.
///
/// # Errors
/// `id_invalid`, `beacon_invalid` naming the field; `json_shape`.
#[wasm_bindgen(js_name = validateBeaconSpec)]
pub fn validate_beacon_spec(
    #[wasm_bindgen(unchecked_param_type = "BeaconSpec | string")] spec: JsValue,
) -> Result<(), JsValue> {
    let spec: BeaconSpec = from_js(&spec, Some("spec")).js_err()?;
    spec.validate().js_err()
}

/// The seed of one attempt from the plan hash, the beacon values
/// (`[{source, value}]`) and the revealed secrets (`[{party, secret}]`), any order.
///
/// # Errors
/// `beacon_duplicate`, `party_duplicate`, `id_invalid`; `json_shape`.
#[wasm_bindgen(js_name = deriveSeed)]
pub fn derive_seed_js(
    #[wasm_bindgen(unchecked_param_type = "string")] plan_hash: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] attempt: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{source: string, value: string}[]")] beacons: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{party: string, secret: string}[]")] secrets: JsValue,
) -> Result<String, JsValue> {
    let plan_hash = str_arg(&plan_hash, "plan_hash")?;
    let plan_hash = plan_hash.as_str();
    let attempt = u32_arg(&attempt, "attempt")?;
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct B {
        source: String,
        value: String,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct S {
        party: String,
        secret: Bytes32,
    }
    let plan_hash = bytes32(plan_hash, "plan_hash")?;
    let beacons: Vec<B> = from_js(&beacons, Some("beacons")).js_err()?;
    let secrets: Vec<S> = from_js(&secrets, Some("secrets")).js_err()?;
    let b: Vec<(&str, &str)> = beacons
        .iter()
        .map(|x| (x.source.as_str(), x.value.as_str()))
        .collect();
    let s: Vec<(&str, Bytes32)> = secrets
        .iter()
        .map(|x| (x.party.as_str(), x.secret))
        .collect();
    derive_seed(&plan_hash, attempt, &b, &s)
        .map(|h| h.to_hex())
        .js_err()
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

/// The canonical JSON text of a plan (what the plan hash is taken over).
///
/// # Errors
/// `json_syntax`, `json_shape`, `number_not_integer`, and those of `Plan::validate`.
#[wasm_bindgen(js_name = canonicalPlanJson)]
pub fn canonical_plan_json(
    #[wasm_bindgen(unchecked_param_type = "PlanDocument | string")] plan: JsValue,
) -> Result<String, JsValue> {
    let text = match plan.as_string() {
        Some(t) => t,
        None => json_of(&plan).js_err()?,
    };
    let plan: Plan = from_committed_json(text.as_bytes()).js_err()?;
    plan.canonical_json().js_err()
}
