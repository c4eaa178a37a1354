//! JSON input: an array of records in the model's serde shape. Each element is
//! deserialised on its own so that a check can report every bad element; errors are
//! located by `field` (`[3].uscc` style index path) and the JSON line where known.

use std::collections::BTreeMap;

use super::encoding::decode;
use super::limits;
use super::options::{Encoding, Limits};
use super::table::{Parsed, Record};
use crate::{Error, Result};

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
    };
    let text = match json_text(bytes) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let values: Vec<serde_json::Value> = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return fail(Error::from_json(&e)),
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
    Parsed { items, errors }
}
