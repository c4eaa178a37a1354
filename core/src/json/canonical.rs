//! Canonical encodings shared by every hash in the library.
//!
//! * **Canonical JSON**: the serde JSON form with object keys sorted by their UTF-8
//!   bytes, no insignificant white space, strings escaped as `serde_json` does (which
//!   for the ASCII keys and integer-only numbers used here equals RFC 8785 JCS).
//! * **Length prefix** `LP(x) = u32_be(len(x)) ‖ x` for every variable-length field
//!   inside a hash input.
//! * **Tagged hash** `H(tag; f1, …, fn) = SHA-256(LP("SSJ/v1/" ‖ tag) ‖ LP(f1) ‖ … ‖ LP(fn))`.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Error, InputCode, LimitCode, Result};

/// The domain-separation prefix of every v1 hash.
pub const TAG_PREFIX: &str = "SSJ/v1/";

/// Serialises a value as canonical JSON (sorted keys, compact).
///
/// # Errors
/// `json_shape` if the value cannot be represented as JSON (e.g. a map with non-string
/// keys).
///
/// ```
/// use std::collections::HashMap;
/// let mut m = HashMap::new();
/// m.insert("b", 1);
/// m.insert("a", 2);
/// assert_eq!(shuangsuiji::canonical::canonical_json(&m).unwrap(), r#"{"a":2,"b":1}"#);
/// ```
pub fn canonical_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let v = serde_json::to_value(value).map_err(|e| {
        Error::new(
            InputCode::JsonShape,
            format!("not representable as JSON: {e}"),
        )
    })?;
    // serde_json::Value's map is a BTreeMap (the `preserve_order` feature is off), so
    // keys come out sorted at every depth.
    serde_json::to_string(&v).map_err(|e| {
        Error::new(
            InputCode::JsonShape,
            format!("not representable as JSON: {e}"),
        )
    })
}

/// Appends `u32_be(len(bytes)) ‖ bytes` to `buf`.
///
/// # Errors
/// `too_many_bytes` if the field is 4 GiB or longer.
///
/// ```
/// let mut buf = Vec::new();
/// shuangsuiji::canonical::lp(&mut buf, b"ab").unwrap();
/// assert_eq!(buf, [0, 0, 0, 2, b'a', b'b']);
/// ```
pub fn lp(buf: &mut Vec<u8>, bytes: &[u8]) -> Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| {
        Error::new(
            LimitCode::TooManyBytes,
            "a hashed field must be shorter than 4 GiB",
        )
    })?;
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(bytes);
    Ok(())
}

/// `SHA-256(LP("SSJ/v1/" ‖ tag) ‖ LP(f1) ‖ … ‖ LP(fn))`.
///
/// # Errors
/// `too_many_bytes` if a field is 4 GiB or longer.
///
/// ```
/// let h = shuangsuiji::canonical::tagged_hash("catalog", &[b"{}"]).unwrap();
/// assert_eq!(h.len(), 32);
/// ```
pub fn tagged_hash(tag: &str, fields: &[&[u8]]) -> Result<[u8; 32]> {
    let mut buf = Vec::with_capacity(64 + fields.iter().map(|f| f.len() + 4).sum::<usize>());
    lp(&mut buf, format!("{TAG_PREFIX}{tag}").as_bytes())?;
    for f in fields {
        lp(&mut buf, f)?;
    }
    Ok(Sha256::digest(&buf).into())
}

/// Plain SHA-256.
///
/// ```
/// assert_eq!(
///     hex::encode(shuangsuiji::canonical::sha256(b"abc")),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
#[must_use]
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}
