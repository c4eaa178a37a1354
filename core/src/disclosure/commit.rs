//! The outcome set committed like the draw: a canonical hash, an `outcomes` event in
//! the draw log, and a verification that recomputes the 公示 list and names the first
//! difference.

use serde_json::Value;

use super::completeness::{Completeness, completeness};
use super::list::{Disclosure, disclose};
use crate::json::canonical::tagged_hash;
use crate::outcomes::OutcomeSet;
use crate::publish::{ResultDocument, first_difference};
use crate::verify::{Bytes32, DrawLog, Event, committed_json};
use crate::{Error, OutcomeCode, Result};

/// `H("outcomes"; canonical_json(set))` (docs/outcomes-spec-v1.md).
///
/// # Errors
/// `number_not_integer` / `json_shape` if the set cannot be put in canonical JSON.
///
/// ```
/// let set: shuangsuiji::outcomes::OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"}, "records": []})).unwrap();
/// assert_eq!(shuangsuiji::disclosure::outcomes_hash(&set)?.to_hex().len(), 64);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn outcomes_hash(set: &OutcomeSet) -> Result<Bytes32> {
    let json = committed_json(set)?;
    Ok(Bytes32(tagged_hash("outcomes", &[json.as_bytes()])?))
}

fn mismatch(field: impl Into<String>, msg: impl Into<String>) -> Error {
    Error::new(OutcomeCode::DisclosureMismatch, msg).with_field(field)
}

/// Commits `set` for the published `result`: appends an `outcomes` event (attempt,
/// revision, outcomes hash) to the draw log and returns the hash. A later commitment
/// of the same attempt supersedes this one (e.g. when more departments have recorded).
///
/// # Errors
/// `outcome_record_invalid` if the set is of another task than the result; as
/// [`outcomes_hash`] and [`DrawLog::append`].
///
/// ```no_run
/// # fn f(log: &mut shuangsuiji::verify::DrawLog, result: &shuangsuiji::publish::ResultDocument,
/// #      set: &shuangsuiji::outcomes::OutcomeSet) -> shuangsuiji::Result<()> {
/// let hash = shuangsuiji::disclosure::publish_outcomes(log, result, set)?;
/// println!("outcomes {hash}");
/// # Ok(()) }
/// ```
pub fn publish_outcomes(
    log: &mut DrawLog,
    result: &ResultDocument,
    set: &OutcomeSet,
) -> Result<Bytes32> {
    super::list::check_task(&result.draw, set)?;
    let outcomes_hash = outcomes_hash(set)?;
    log.append(Event::Outcomes {
        attempt: result.attempt,
        revision: result.revision,
        outcomes_hash,
    })?;
    Ok(outcomes_hash)
}

/// A revision number and a hash recorded with it.
type Logged = (u32, Bytes32);

/// The last `outcomes` event of the attempt and the result hash the log records for
/// each revision.
fn logged(log: &DrawLog, attempt: u32) -> (Option<Logged>, Vec<Logged>) {
    let mut results = Vec::new();
    let mut outcomes = None;
    for e in &log.entries {
        match &e.event {
            Event::Draw {
                attempt: a,
                result_hash,
                ..
            } if *a == attempt => {
                results.push((0, *result_hash));
            }
            Event::Revision {
                attempt: a,
                revision,
                result_hash,
            } if *a == attempt => {
                results.push((*revision, *result_hash));
            }
            Event::Outcomes {
                attempt: a,
                revision,
                outcomes_hash,
            } if *a == attempt => {
                outcomes = Some((*revision, *outcomes_hash));
            }
            _ => {}
        }
    }
    (outcomes, results)
}

/// Verifies a published 公示 list from the published files alone: the log's chain;
/// that the result document is the one the log records for the revision its last
/// `outcomes` event names; that the outcome set hashes to that event's hash; that the
/// list carries the same hash; and that the list equals the one recomputed from the
/// set as of its date. Returns the completeness report as of the list's date.
///
/// Verify the draw itself first ([`crate::publish::verify_draw`]).
///
/// # Errors
/// `log_chain_broken`, `log_order` (from the chain check); `disclosure_mismatch` naming
/// the field: `log` (no `outcomes` event for the attempt), `result` (the result is not
/// the committed revision), `outcomes_hash` (the set or the list is not the committed
/// one), or the path of the first difference in the list (e.g.
/// `records[3].results[0].findings[0].category`, detail `enterprise`); as [`disclose`].
///
/// ```no_run
/// # fn f(log: &shuangsuiji::verify::DrawLog, result: &shuangsuiji::publish::ResultDocument,
/// #      set: &shuangsuiji::outcomes::OutcomeSet, list: &shuangsuiji::disclosure::Disclosure)
/// #      -> shuangsuiji::Result<()> {
/// let report = shuangsuiji::disclosure::verify_disclosure(log, result, set, list)?;
/// for d in &report.departments {
///     println!("{}: {} overdue", d.department.as_str(), d.overdue.len());
/// }
/// # Ok(()) }
/// ```
pub fn verify_disclosure(
    log: &DrawLog,
    result: &ResultDocument,
    set: &OutcomeSet,
    published: &Disclosure,
) -> Result<Completeness> {
    log.check_chain()?;
    let (outcomes, results) = logged(log, result.attempt);
    let Some((revision, committed)) = outcomes else {
        return Err(mismatch(
            "log",
            format!(
                "the log has no outcomes event for attempt {}",
                result.attempt
            ),
        ));
    };
    let result_hash = result.result_hash()?;
    if result.revision != revision || !results.contains(&(revision, result_hash)) {
        return Err(mismatch(
            "result",
            format!(
                "the result document is not the one the log records for attempt {} revision {revision}",
                result.attempt
            ),
        )
        .with_detail("revision", result.revision.to_string()));
    }
    let actual = outcomes_hash(set)?;
    if actual != committed {
        return Err(mismatch(
            "outcomes_hash",
            "the outcome set is not the one committed in the log",
        )
        .with_detail("expected", committed.to_hex())
        .with_detail("actual", actual.to_hex()));
    }
    let expected = disclose(&result.draw, set, published.as_of)?;
    if expected != *published {
        let ev = serde_json::to_value(&expected).map_err(|e| Error::from_json(&e))?;
        let av = serde_json::to_value(published).map_err(|e| Error::from_json(&e))?;
        let path = first_difference(&ev, &av).unwrap_or_default();
        let mut e = mismatch(
            path.clone(),
            format!("the published 公示 list differs at {path}"),
        );
        if let Some(i) = record_index(&path) {
            if let Some(Value::String(u)) = ev["records"].get(i).map(|r| &r["uscc"]) {
                e = e.with_detail("enterprise", u.clone());
            }
        }
        return Err(e);
    }
    completeness(&result.draw, set, published.as_of)
}

/// `3` from `records[3].…`.
fn record_index(path: &str) -> Option<usize> {
    path.strip_prefix("records[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}
