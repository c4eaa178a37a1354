//! Verifiability primitives: what makes a reproducible draw a *trustworthy* one.
//!
//! A draw that can be recomputed is not yet one that cannot be manipulated: an operator
//! could build the roster after seeing the seed, try seeds until a friend is spared, or
//! quietly draw again. The pieces here make each of those detectable by anyone holding
//! only the published files:
//!
//! * [`merkle`]: RFC 6962 Merkle trees over the eligible set, the exclusions and the
//!   inspector pool, with inclusion proofs (audit paths) for per-enterprise receipts;
//! * [`plan`]: the plan document, committed by its hash *before* any randomness exists;
//! * [`beacon`]: public randomness (lottery results, index closes, drand …) with exact
//!   canonical text forms;
//! * [`ceremony`]: multi-party commit/reveal and the seed derivation that binds the plan
//!   hash, the attempt number, the beacon values and every party's secret;
//! * [`log`]: the append-only, hash-chained draw log that makes a silent re-draw visible;
//! * [`committed`]: fast paths for reading and writing committed JSON documents.
//!
//! Every byte of every encoding is specified in `docs/verify-spec-v1.md`; golden vectors
//! live in `tests/vectors/verify/` and an independent pure-Python checker in
//! `tests/verifier/ssj_verify_v1.py`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result, VerifyCode};

pub mod beacon;
pub mod ceremony;
pub use crate::json::committed;
pub mod log;
pub mod merkle;
pub mod plan;
pub(crate) mod published;
mod sha256x4;
pub(crate) use sha256x4::H0 as SHA256_H0;

pub use beacon::{BeaconKind, BeaconSpec, BeaconValue, canonicalize, validate_value};
pub use ceremony::{Ceremony, PartyCommitment, Reveal, commitment, derive_seed};
pub use log::{DrawLog, Event, LogEntry, LogSummary, verify_log};
pub use merkle::{
    EligibleLeaf, ExcludedLeaf, InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree,
    TreeCommitment, verify_inclusion,
};
pub use plan::{Plan, PlanItem, PlanStratum, RevealOrder, verify_ceremony, verify_plan};

/// 32 bytes — a SHA-256 value, a party secret, a seed. JSON: 64 lowercase hex characters.
///
/// ```
/// use shuangsuiji::proof::Bytes32;
/// let b = Bytes32::from_hex(&"ab".repeat(32))?;
/// assert_eq!(b.to_hex(), "ab".repeat(32));
/// assert!(Bytes32::from_hex(&"AB".repeat(32)).is_err()); // uppercase is not canonical
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Bytes32(pub [u8; 32]);

impl Bytes32 {
    /// Parses exactly 64 lowercase hex characters.
    ///
    /// # Errors
    /// `hex_invalid` for any other text (wrong length, uppercase, non-hex).
    pub fn from_hex(text: &str) -> Result<Self> {
        let ok = text.len() == 64
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !ok {
            return Err(Error::new(
                VerifyCode::HexInvalid,
                "expected 64 lowercase hex characters (32 bytes)",
            )
            .with_value(text));
        }
        let mut out = [0u8; 32];
        hex::decode_to_slice(text, &mut out).map_err(|e| {
            Error::new(VerifyCode::HexInvalid, format!("not hex: {e}")).with_value(text)
        })?;
        Ok(Self(out))
    }

    /// The lowercase hex form.
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The raw bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl From<[u8; 32]> for Bytes32 {
    fn from(b: [u8; 32]) -> Self {
        Self(b)
    }
}

impl fmt::Debug for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes32({})", self.to_hex())
    }
}

impl fmt::Display for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Bytes32 {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // The hex form on the stack, without a `String`.
        let mut buf = [0u8; 64];
        hex::encode_to_slice(self.0, &mut buf).map_err(serde::ser::Error::custom)?;
        s.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Bytes32 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_hex(&s).map_err(Error::into_de)
    }
}

/// Maximum length of a party, source or series id.
pub const MAX_ID_LEN: usize = 64;

/// Checks an opaque ASCII id (party, beacon source, series): 1–64 characters of
/// `[A-Za-z0-9._:-]`. Ids are hashed, so they must have exactly one spelling.
///
/// # Errors
/// `id_invalid`, with `field` set to `what`.
///
/// ```
/// use shuangsuiji::proof::check_id;
/// assert!(check_id("notary-01", "party").is_ok());
/// assert_eq!(check_id("公证处", "party").unwrap_err().code().as_str(), "id_invalid");
/// ```
pub fn check_id(id: &str, what: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            VerifyCode::IdInvalid,
            format!("{what} id must be 1-{MAX_ID_LEN} characters of [A-Za-z0-9._:-]"),
        )
        .with_field(what)
        .with_value(id))
    }
}

pub use crate::json::MAX_SAFE_INTEGER;

pub use crate::json::document::{
    check_integers_only, committed_json, committed_json_general, document_text,
    from_committed_json, from_committed_json_general, from_committed_text,
};
