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
/// use shuangsuiji::verify::Bytes32;
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
/// use shuangsuiji::verify::check_id;
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

/// Rejects any JSON number that is not an integer of magnitude ≤ 2^53 − 1, anywhere in
/// the document. With that constraint (and object keys that are ASCII), our canonical
/// JSON ([`crate::json::canonical::canonical_json`]) equals RFC 8785 JCS.
///
/// # Errors
/// `number_not_integer` naming the JSON path of the first offending number.
///
/// ```
/// use shuangsuiji::verify::check_integers_only;
/// let ok: serde_json::Value = serde_json::from_str(r#"{"a":[1,-2]}"#).unwrap();
/// assert!(check_integers_only(&ok).is_ok());
/// let bad: serde_json::Value = serde_json::from_str(r#"{"a":[1,0.5]}"#).unwrap();
/// assert_eq!(check_integers_only(&bad).unwrap_err().details().field.as_deref(), Some("a[1]"));
/// ```
pub fn check_integers_only(value: &serde_json::Value) -> Result<()> {
    check_numbers(value, "")
}

fn check_numbers(value: &serde_json::Value, path: &str) -> Result<()> {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let safe = n.as_u64().is_some_and(|u| u <= MAX_SAFE_INTEGER)
                || n.as_i64()
                    .is_some_and(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER);
            if safe {
                Ok(())
            } else {
                Err(Error::new(
                    VerifyCode::NumberNotInteger,
                    "committed documents hold only integers of magnitude <= 2^53-1",
                )
                .with_field(if path.is_empty() { "$" } else { path })
                .with_value(n.to_string()))
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_numbers(v, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                check_numbers(v, &p)?;
            }
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::String(_) => Ok(()),
    }
}

/// Canonical JSON of a value that goes into a hash, refusing non-integer numbers.
///
/// # Errors
/// `json_shape` if the value is not representable as JSON; `number_not_integer` if it
/// holds a float or an integer beyond ±(2^53 − 1).
///
/// ```
/// let s = shuangsuiji::verify::committed_json(&serde_json::json!({"b": 1, "a": "x"}))?;
/// assert_eq!(s, r#"{"a":"x","b":1}"#);
/// assert!(shuangsuiji::verify::committed_json(&serde_json::json!({"p": 0.5})).is_err());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn committed_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    if let Some(json) = committed::canonical_committed_json(value) {
        return Ok(json);
    }
    committed_json_general(value)
}

/// The general path of [`committed_json`] (through a `serde_json::Value`): the same
/// answer, slower; the reference its fast path is tested and fuzzed against.
///
/// # Errors
/// As [`committed_json`].
///
/// ```
/// use serde_json::json;
/// use shuangsuiji::verify::{committed_json, committed_json_general};
/// let v = json!({"b": [1, 2], "a": "x"});
/// assert_eq!(committed_json_general(&v)?, committed_json(&v)?);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn committed_json_general<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let v = serde_json::to_value(value).map_err(|e| {
        Error::new(
            crate::InputCode::JsonShape,
            format!("not representable as JSON: {e}"),
        )
    })?;
    check_integers_only(&v)?;
    crate::json::canonical::canonical_json(&v)
}

/// Reads a committed JSON document from a file's bytes: [`document_text`], then
/// [`from_committed_text`].
///
/// # Errors
/// `encoding_invalid` for bytes that are not UTF-8; `json_syntax` / `json_shape` (and
/// any code carried by the type's validation) from parsing; `number_not_integer` for
/// floats; `json_duplicate_key` for an object that names a key twice; `too_deep` /
/// `too_many_bytes` beyond the documented JSON limits (checked by a linear scan before
/// parsing).
pub fn from_committed_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    from_committed_text(document_text(bytes)?)
}

/// The text of a published file's bytes, read the one way every entry point of every
/// binding reads it: one leading UTF-8 byte-order mark dropped (as `File.text()` does),
/// anything but UTF-8 refused (a lossy decoding would verify another document than the
/// one published).
///
/// # Errors
/// `encoding_invalid`, naming the byte offset of the first invalid byte.
///
/// ```
/// use shuangsuiji::verify::document_text;
/// assert_eq!(document_text(b"\xEF\xBB\xBF{}")?, "{}");
/// let e = document_text(b"{\"a\":\"\xFF\"}").unwrap_err();
/// assert_eq!(e.code().as_str(), "encoding_invalid");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn document_text(bytes: &[u8]) -> Result<&str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            crate::InputCode::EncodingInvalid,
            format!(
                "a published document must be UTF-8; byte {} is not",
                e.valid_up_to()
            ),
        )
        .with_detail("offset", e.valid_up_to().to_string())
    })
}

/// [`from_committed_json`] of a text already known to be UTF-8 (the same answers,
/// without validating the bytes again).
///
/// # Errors
/// As [`from_committed_json`].
///
/// ```
/// let v: Vec<u32> = shuangsuiji::verify::from_committed_text("[1, 2]")?;
/// assert_eq!(v, [1, 2]);
/// assert!(shuangsuiji::verify::from_committed_text::<Vec<u32>>("[1.5]").is_err());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn from_committed_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    // The limits, and whether the text holds only safe integers (one pass). If it
    // does, the integer check cannot fail, and typed parsing straight from the text
    // gives the same value; on any error the general path names it.
    if committed::check_text(text)? {
        if let Ok(value) = serde_json::from_str(text) {
            return Ok(value);
        }
    }
    from_committed_json_general(text.as_bytes())
}

/// The general path of [`from_committed_json`]: a `serde_json::Value` first, its
/// numbers checked, then the type (shape errors located by the value's path). The same
/// answer, slower; the reference the fast path is tested and fuzzed against.
///
/// # Errors
/// As [`from_committed_json`].
///
/// ```
/// use shuangsuiji::verify::{from_committed_json, from_committed_json_general};
/// let text = br#"{"a": [1, 2]}"#;
/// let fast: serde_json::Value = from_committed_json(text)?;
/// assert_eq!(fast, from_committed_json_general::<serde_json::Value>(text)?);
/// assert!(from_committed_json_general::<Vec<u32>>(b"[1.5]").is_err());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn from_committed_json_general<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    let text = document_text(bytes)?;
    crate::json::limits::check_json_text(text)?;
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::from_json(&e))?;
    check_integers_only(&v)?;
    crate::json::located::from_value(v)
}
