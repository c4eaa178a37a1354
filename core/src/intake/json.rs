//! JSON input: an array of records in the model's serde shape, or an envelope object
//! that carries the array under the table's key beside metadata
//! (`{"synthetic": true, "provenance": {…}, "enterprises": […]}`). Each element is
//! deserialised on its own so that a check can report every bad element; errors are
//! located by `field` (`[3].uscc` style index path) and the JSON line where known.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::encoding::decode;
use super::limits;
use super::options::{Encoding, Limits};
use super::table::{Parsed, Record};
use crate::model::Provenance;
use crate::{Error, InputCode, Result};

/// Metadata keys an envelope may carry besides the records.
const ENVELOPE_META: &[&str] = &["synthetic", "provenance", "description"];

/// The records of a JSON document: the array itself, or the array under `key` in an
/// envelope object whose other keys are metadata (`synthetic` boolean, `provenance`
/// in the model's shape, `description` text). Any other key is refused.
fn unwrap_envelope(value: serde_json::Value, key: &str) -> Result<Vec<serde_json::Value>> {
    use serde_json::Value;
    let shape = |field: &str, msg: String| Error::new(InputCode::JsonShape, msg).with_field(field);
    match value {
        Value::Array(v) => Ok(v),
        Value::Object(mut map) => {
            for k in map.keys() {
                if k != key && !ENVELOPE_META.contains(&k.as_str()) {
                    return Err(shape(
                        k,
                        format!("unknown key {k:?} in the envelope; expected {key:?} and metadata"),
                    ));
                }
            }
            if let Some(p) = map.get("provenance") {
                Provenance::deserialize(p)
                    .map_err(|e| Error::from_json(&e).within("provenance"))?;
            }
            if map.get("synthetic").is_some_and(|v| !v.is_boolean()) {
                return Err(shape(
                    "synthetic",
                    "synthetic must be true or false".to_owned(),
                ));
            }
            match map.remove(key) {
                Some(Value::Array(v)) => Ok(v),
                _ => Err(shape(
                    key,
                    format!("the envelope needs an array under {key:?}"),
                )),
            }
        }
        _ => Err(Error::new(
            InputCode::JsonShape,
            format!("expected an array of records or an envelope object with {key:?}"),
        )),
    }
}

/// Decodes JSON bytes (UTF-8, optional BOM) and checks the documented limits.
pub(crate) fn json_text(bytes: &[u8]) -> Result<String> {
    let text = decode(bytes, Encoding::Utf8)?;
    limits::check_json_text(&text)?;
    Ok(text)
}

pub(crate) fn json_records<T: Record>(bytes: &[u8], lim: &Limits, all: bool) -> Parsed<T> {
    let fail = |e: Error| Parsed {
        items: Vec::new(),
        errors: vec![e],
        order: None,
    };
    let text = match json_text(bytes) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return fail(Error::from_json(&e)),
    };
    let values = match unwrap_envelope(value, T::TABLE.envelope_key()) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    if let Err(e) = limits::check_rows(
        u64::try_from(values.len()).unwrap_or(u64::MAX),
        lim.max_rows,
    ) {
        return fail(e);
    }
    let mut items = Vec::with_capacity(values.len());
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in values.into_iter().enumerate() {
        let at = format!("[{i}]");
        let rec = match T::deserialize(v) {
            Ok(r) => r,
            Err(e) => {
                errors.push(Error::from_json(&e).within(&at));
                if !all {
                    break;
                }
                continue;
            }
        };
        if let Err(e) = rec.validate() {
            errors.push(e.within(&at));
        } else if let (Some((field, code)), Some(key)) = (T::UNIQUE, rec.key()) {
            if let Some(&first) = seen.get(&key) {
                errors.push(
                    Error::new(code, format!("{key} appears twice: [{first}] and [{i}]"))
                        .with_field(format!("{at}.{field}"))
                        .with_value(&key)
                        .with_detail("first_index", first.to_string()),
                );
            } else {
                seen.insert(key, i);
                items.push(rec);
            }
        } else {
            items.push(rec);
        }
        if !all && !errors.is_empty() {
            break;
        }
    }
    Parsed {
        items,
        errors,
        order: None,
    }
}
