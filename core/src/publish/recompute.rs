//! `verify_draw`: recompute a whole draw from the published files and name the first
//! mismatch.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::document::{ResultDocument, attempt_adjustments, revised_document};
use crate::model::Catalog;
use crate::verify::{Bytes32, DrawLog, EligibleLeaf, Event, Plan, verify_log, verify_plan};
use crate::{Error, Result, VerifyCode};

/// What [`verify_draw`] confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawSummary {
    /// The plan hash.
    pub plan_hash: Bytes32,
    /// The current attempt.
    pub attempt: u32,
    /// The result's revision: 0 as drawn, N after the N-th published round of
    /// substitutions (verify spec §10.5).
    pub revision: u32,
    /// How many item selections the attempt's logged substitutions replaced (0 as
    /// drawn).
    pub substitutions: u64,
    /// Its seed.
    pub seed: Bytes32,
    /// The result hash.
    pub result_hash: Bytes32,
    /// The log head.
    pub log_head: Bytes32,
    /// Number of visits.
    pub visits: u64,
}

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
/// use shuangsuiji::publish::first_difference;
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
fn locate(doc: &Value, path: &str) -> Vec<(&'static str, String)> {
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

fn root_mismatch(field: &str, expected: &str, actual: &str) -> Error {
    Error::new(
        VerifyCode::RootMismatch,
        "a value recomputed from the published files differs from the plan",
    )
    .with_field(field)
    .with_detail("expected", expected)
    .with_detail("actual", actual)
}

/// Recomputes a whole draw from the published files and confirms it, or names the
/// first mismatch. In order: the plan hash; the catalog hash; the eligible tree (root
/// and size) from the supplied eligible entries; every stratum's `N` and quota; the
/// log (chain, ceremony, seeds, head); the result document, recomputed from plan,
/// eligible entries, catalog, the log's seed, the substitutions the log records for the
/// current attempt (replayed in order; each must take the substitute the log names) and
/// the log head before the event that records the document (the `draw` event, or the
/// last `revision` event), compared field by field; finally the result hash that event
/// records.
///
/// # Errors
/// `plan_hash_mismatch` (field `plan_hash`); `root_mismatch` (field `catalog_hash`,
/// `eligible.root` or `eligible.size`, details `expected`/`actual`); `result_mismatch`
/// naming the field — `items[i].strata[j].population` / `.quota` of the plan, the first
/// differing path of the result document (e.g. `draw.items[0].strata[1].cutoff.ticket`,
/// with details `item`, `stratum`, `enterprise` where they apply, `expected`,
/// `actual`), or `result_hash`; `log_order` if the current attempt was not drawn or
/// the log records substitutions the result does not hold; every code of
/// [`verify_log`] and [`Plan::validate`]; those of the draw itself.
///
/// ```no_run
/// # fn f(plan: &shuangsuiji::verify::Plan, h: &shuangsuiji::verify::Bytes32,
/// #      catalog: &shuangsuiji::model::Catalog, log: &shuangsuiji::verify::DrawLog,
/// #      head: &shuangsuiji::verify::Bytes32, eligible: &[shuangsuiji::verify::EligibleLeaf],
/// #      result: &shuangsuiji::publish::ResultDocument) -> shuangsuiji::Result<()> {
/// let summary = shuangsuiji::publish::verify_draw(plan, h, catalog, log, head, eligible, result)?;
/// println!("{} visits confirmed", summary.visits);
/// # Ok(()) }
/// ```
pub fn verify_draw(
    plan: &Plan,
    plan_hash: &Bytes32,
    catalog: &Catalog,
    log: &DrawLog,
    log_head: &Bytes32,
    eligible: &[EligibleLeaf],
    result: &ResultDocument,
) -> Result<DrawSummary> {
    verify_plan(plan, plan_hash)?;
    let catalog_hash = catalog.content_hash()?;
    if catalog_hash != plan.catalog_hash.to_hex() {
        return Err(root_mismatch(
            "catalog_hash",
            &plan.catalog_hash.to_hex(),
            &catalog_hash,
        ));
    }
    let tree = crate::verify::merkle::tree_commitment(eligible).map_err(|e| {
        let f = e.details().field.clone();
        e.with_field(f.map_or_else(|| "eligible".to_owned(), |f| format!("eligible.{f}")))
    })?;
    if tree.size != plan.eligible.size {
        return Err(root_mismatch(
            "eligible.size",
            &plan.eligible.size.to_string(),
            &tree.size.to_string(),
        ));
    }
    if tree.root != plan.eligible.root {
        return Err(root_mismatch(
            "eligible.root",
            &plan.eligible.root.to_hex(),
            &tree.root.to_hex(),
        ));
    }
    check_strata(plan, eligible)?;
    let summary = verify_log(plan, log, Some(log_head))?;
    let current = summary
        .attempts
        .last()
        .ok_or_else(|| Error::new(VerifyCode::LogOrder, "the log has no attempt"))?;
    let (Some(seed), Some(result_hash)) = (current.seed, current.result_hash) else {
        return Err(
            Error::new(VerifyCode::LogOrder, "the current attempt was not drawn")
                .with_field("entries"),
        );
    };
    let attempt = current.attempt;
    let adjustments = attempt_adjustments(log, attempt)?;
    if let Some(i) = adjustments.pending {
        return Err(Error::new(
            VerifyCode::LogOrder,
            "the log records a substitution the published result does not hold",
        )
        .with_field(format!("entries[{i}]"))
        .with_detail("index", i.to_string()));
    }
    // The document pins the log head just before the event that records its hash:
    // the `draw` event (revision 0) or the last `revision` event.
    let (pin, revision) = match adjustments.last_revision {
        Some((i, r, _)) => (i, r),
        None => {
            let draw_at = log
                .entries
                .iter()
                .position(|e| matches!(e.event, Event::Draw { attempt: a, .. } if a == attempt))
                .ok_or_else(|| {
                    Error::new(VerifyCode::LogOrder, "no draw event").with_field("entries")
                })?;
            (draw_at, 0)
        }
    };
    let before = pin
        .checked_sub(1)
        .and_then(|p| log.entries.get(p))
        .map(|e| e.hash)
        .ok_or_else(|| Error::new(VerifyCode::LogOrder, "no draw event").with_field("entries"))?;
    let expected = revised_document(
        plan,
        eligible,
        catalog,
        attempt,
        &seed,
        &adjustments.substitutions,
        revision,
        &before,
    )?;
    // A stale document (an earlier attempt or revision) is named as such.
    for (field, want, got) in [
        ("attempt", expected.attempt, result.attempt),
        ("revision", expected.revision, result.revision),
    ] {
        if want != got {
            return Err(difference_error(
                field,
                "the published result is not the log's current one",
            )
            .with_detail("expected", want.to_string())
            .with_detail("actual", got.to_string()));
        }
    }
    if let Some((path, ev, av)) = super::compare::result_difference(&expected, result)? {
        let pointer = format!("/{}", path.replace(['[', '.'], "/").replace(']', ""));
        let show = |v: &Value| {
            v.pointer(&pointer)
                .map_or_else(|| "(absent)".to_owned(), Value::to_string)
        };
        let mut err = difference_error(
            &path,
            "the published result differs from the recomputed one",
        )
        .with_detail("expected", show(&ev))
        .with_detail("actual", show(&av));
        for (k, v) in locate(&ev, &path) {
            err = err.with_detail(k, v);
        }
        return Err(err);
    }
    let actual_hash = result.result_hash()?;
    if actual_hash != result_hash {
        return Err(
            difference_error("result_hash", "the log records another result hash")
                .with_detail("expected", result_hash.to_hex())
                .with_detail("actual", actual_hash.to_hex()),
        );
    }
    Ok(DrawSummary {
        plan_hash: *plan_hash,
        attempt,
        revision,
        substitutions: adjustments.substitutions.len() as u64,
        seed,
        result_hash,
        log_head: *log_head,
        visits: result.draw.visits.len() as u64,
    })
}

fn check_strata(plan: &Plan, eligible: &[EligibleLeaf]) -> Result<()> {
    let mut counts: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for l in eligible {
        *counts
            .entry((l.item_id.as_str(), l.stratum_key.as_str()))
            .or_default() += 1;
    }
    for (i, item) in plan.items.iter().enumerate() {
        for (j, s) in item.strata.iter().enumerate() {
            let at = |f: &str| format!("items[{i}].strata[{j}].{f}");
            let n = counts
                .remove(&(item.item_id.as_str(), s.stratum_key.as_str()))
                .unwrap_or(0);
            let ctx = |e: Error| {
                e.with_detail("item", &item.item_id)
                    .with_detail("stratum", &s.stratum_key)
            };
            if n != s.population {
                return Err(ctx(difference_error(
                    &at("population"),
                    "N differs from the eligible entries of the stratum",
                )
                .with_detail("expected", n.to_string())
                .with_detail("actual", s.population.to_string())));
            }
            let q = crate::rules::quota(s.population, s.ratio, Some(s.min), s.max)
                .map_err(|e| ctx(e.within(&format!("items[{i}].strata[{j}]"))))?;
            if q != s.quota {
                return Err(ctx(difference_error(
                    &at("quota"),
                    "the quota is not min(N, max(min, min(max, ceil(N*p/q))))",
                )
                .with_detail("expected", q.to_string())
                .with_detail("actual", s.quota.to_string())));
            }
        }
    }
    if let Some(((item, stratum), _)) = counts.into_iter().next() {
        return Err(Error::new(
            VerifyCode::RootMismatch,
            "an eligible entry names an item or stratum the plan does not list",
        )
        .with_field("eligible")
        .with_detail("item", item)
        .with_detail("stratum", stratum));
    }
    Ok(())
}
