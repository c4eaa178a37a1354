//! Comparing the recomputed result document with the published one: typed equality
//! first, and only on a mismatch the JSON values that name the first differing path.
//!
//! A leaf of `publish`: the result document, the recomputation and the receipts use
//! these helpers; this module uses none of them.
//!
//! Tested by `core/tests/all/publish_tamper.rs` and `core/tests/all/publish_vectors.rs`.

use serde::Serialize;
use serde_json::Value;

use crate::{Error, Result, VerifyCode};

/// `None` if the published result equals the recomputed one as JSON; otherwise the
/// path of the first difference ([`first_difference`]) with both documents as JSON
/// values. Equal typed documents serialise to equal JSON, so the JSON values (a tree
/// per document, the costly part for a large draw) are only built when the typed
/// documents differ.
pub(crate) fn result_difference<T: Serialize + PartialEq>(
    expected: &T,
    actual: &T,
) -> Result<Option<(String, Value, Value)>> {
    if expected == actual {
        return Ok(None);
    }
    let ev = serde_json::to_value(expected).map_err(|e| Error::from_json(&e))?;
    let av = serde_json::to_value(actual).map_err(|e| Error::from_json(&e))?;
    Ok(first_difference(&ev, &av).map(|path| (path, ev, av)))
}

/// A `result_mismatch` at `field`.
pub(crate) fn difference_error(field: &str, msg: &str) -> Error {
    Error::new(VerifyCode::ResultMismatch, msg).with_field(field)
}

fn push(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of the first difference between two JSON values (object keys in sorted
/// order, array elements by index, a length difference as `path[len]`); `None` if
/// equal.
///
/// ```
/// use serde_json::json;
/// use shuangsuiji::draw_record::first_difference;
/// let a = json!({"items": [{"n": 1}, {"n": 2}]});
/// let b = json!({"items": [{"n": 1}, {"n": 3}]});
/// assert_eq!(first_difference(&a, &b).as_deref(), Some("items[1].n"));
/// assert_eq!(first_difference(&a, &a), None);
/// ```
#[must_use]
pub fn first_difference(expected: &Value, actual: &Value) -> Option<String> {
    diff(expected, actual, "")
}

fn diff(e: &Value, a: &Value, path: &str) -> Option<String> {
    match (e, a) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => diff(p, q, &push(path, k)),
                _ => Some(push(path, k)),
            })
        }
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| diff(p, q, &format!("{path}[{i}]")))
            .or_else(|| (x.len() != y.len()).then(|| format!("{path}[{}]", x.len().min(y.len())))),
        _ => (e != a).then(|| {
            if path.is_empty() {
                "$".to_owned()
            } else {
                path.to_owned()
            }
        }),
    }
}

/// Item, stratum and enterprise a result path points at (from the expected document).
pub(crate) fn locate(doc: &Value, path: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let index = |key: &str| -> Option<usize> {
        let start = path.find(key)? + key.len();
        let rest = path.get(start..)?;
        rest.get(..rest.find(']')?)?.parse().ok()
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    if let Some(i) = index("draw.items[") {
        let item = doc.pointer(&format!("/draw/items/{i}"));
        if let Some(id) = text(item.and_then(|v| v.get("item_id"))) {
            out.push(("item", id));
        }
        if let Some(j) = index(".strata[") {
            let s = item.and_then(|v| v.pointer(&format!("/strata/{j}")));
            if let Some(k) = text(s.and_then(|v| v.get("key"))) {
                out.push(("stratum", k));
            }
            for list in ["selected", "replaced"] {
                if let Some(m) = index(&format!(".{list}[")) {
                    let p = s.and_then(|v| v.pointer(&format!("/{list}/{m}/uscc")));
                    if let Some(u) = text(p) {
                        out.push(("enterprise", u));
                    }
                }
            }
        }
    }
    if let Some(k) = index("draw.visits[") {
        if let Some(u) = text(doc.pointer(&format!("/draw/visits/{k}/uscc"))) {
            out.push(("enterprise", u));
        }
    }
    out
}

/// A `root_mismatch`: a value recomputed from the published files differs from the plan.
pub(crate) fn root_mismatch(field: &str, expected: &str, actual: &str) -> Error {
    Error::mismatch(
        VerifyCode::RootMismatch,
        field,
        "a value recomputed from the published files differs from the plan",
        expected,
        actual,
    )
}
