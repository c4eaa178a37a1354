//! Comparing the recomputed result document with the published one: typed equality
//! first, and only on a mismatch the JSON values that name the first differing path.

use serde_json::Value;

use super::document::ResultDocument;
use super::recompute::first_difference;
use crate::{Error, Result};

/// `None` if the published result equals the recomputed one as JSON; otherwise the
/// path of the first difference ([`first_difference`]) with both documents as JSON
/// values. Equal typed documents serialise to equal JSON, so the JSON values (a tree
/// per document, the costly part for a large draw) are only built when the typed
/// documents differ.
pub(crate) fn result_difference(
    expected: &ResultDocument,
    actual: &ResultDocument,
) -> Result<Option<(String, Value, Value)>> {
    if expected == actual {
        return Ok(None);
    }
    let ev = serde_json::to_value(expected).map_err(|e| Error::from_json(&e))?;
    let av = serde_json::to_value(actual).map_err(|e| Error::from_json(&e))?;
    Ok(first_difference(&ev, &av).map(|path| (path, ev, av)))
}
