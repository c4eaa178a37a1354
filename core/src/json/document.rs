//! Committed JSON documents — what goes into a hash and what a published file holds:
//! integers only (within 2^53 − 1), canonical form, and the one strict reader (limits,
//! duplicate keys, UTF-8 only). `verify` re-exports these under its old paths.
//!
//! Tested by `core/tests/all/committed_fast.rs`, `core/tests/all/verify_reading.rs` and the
//! `documents` vectors (`tests/vectors/documents/`).

use serde::Serialize;

use super::MAX_SAFE_INTEGER;
use super::committed;
use crate::{Error, Result, VerifyCode};

/// Rejects any JSON number that is not an integer of magnitude ≤ 2^53 − 1, anywhere in
/// the document. With that constraint (and object keys that are ASCII), our canonical
/// JSON ([`crate::json::canonical::canonical_json`]) equals RFC 8785 JCS.
///
/// # Errors
/// `number_not_integer` naming the JSON path of the first offending number.
///
/// ```
/// use shuangsuiji::proof::check_integers_only;
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
/// let s = shuangsuiji::proof::committed_json(&serde_json::json!({"b": 1, "a": "x"}))?;
/// assert_eq!(s, r#"{"a":"x","b":1}"#);
/// assert!(shuangsuiji::proof::committed_json(&serde_json::json!({"p": 0.5})).is_err());
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
/// use shuangsuiji::proof::{committed_json, committed_json_general};
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
/// use shuangsuiji::proof::document_text;
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
/// let v: Vec<u32> = shuangsuiji::proof::from_committed_text("[1, 2]")?;
/// assert_eq!(v, [1, 2]);
/// assert!(shuangsuiji::proof::from_committed_text::<Vec<u32>>("[1.5]").is_err());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn from_committed_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    // The limits, and whether the text holds only safe integers (one pass). If it
    // does, the integer check cannot fail, and typed parsing straight from the text
    // gives the same value; on any error the general path names it — on the text as
    // given: its byte-order mark, if any, was dropped already (a second one is a fault).
    if committed::check_text(text)? {
        if let Ok(value) = serde_json::from_str(text) {
            return Ok(value);
        }
    }
    general_text(text)
}

/// The general path of [`from_committed_json`]: a `serde_json::Value` first, its
/// numbers checked, then the type (shape errors located by the value's path). The same
/// answer, slower; the reference the fast path is tested and fuzzed against.
///
/// # Errors
/// As [`from_committed_json`].
///
/// ```
/// use shuangsuiji::proof::{from_committed_json, from_committed_json_general};
/// let text = br#"{"a": [1, 2]}"#;
/// let fast: serde_json::Value = from_committed_json(text)?;
/// assert_eq!(fast, from_committed_json_general::<serde_json::Value>(text)?);
/// assert!(from_committed_json_general::<Vec<u32>>(b"[1.5]").is_err());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn from_committed_json_general<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    general_text(document_text(bytes)?)
}

/// The general path on a document's text (its byte-order mark already dropped).
fn general_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    crate::json::limits::check_json_text(text)?;
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::from_json(&e))?;
    check_integers_only(&v)?;
    crate::json::located::from_value(v)
}
