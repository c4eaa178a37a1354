//! The published result document and its hash.
//!
//! `result_hash = H("result"; canonical_json(result))`. The document binds the draw
//! result to the plan hash, the attempt, the seed and the log head *before* the `draw`
//! event (which pins every reveal and beacon); the `draw` event then records the
//! result hash, so the log and the result pin each other.
//!
//! A substitution after the draw (an enterprise that cannot be checked is replaced by
//! the next ticket of its stratum) is published as a *revision*: `substitution` events
//! in the log, then a `revision` event recording the hash of the revised document,
//! whose `revision` counts 1, 2, … and whose `log_head` is the head just before the
//! `revision` event (it pins the substitutions). See [`publish_substitutions`].

use serde::{Deserialize, Serialize};

use super::compare::difference_error;
use crate::draw::{Draw, DrawResult, SubstitutionReason, SubstitutionRequest};
use crate::json::canonical::tagged_hash;
use crate::model::{Catalog, ItemId};
use crate::proof::{Bytes32, DrawLog, EligibleLeaf, Event, Plan, committed_json, verify_log};
use crate::{Error, Result, VerifyCode};

/// The published result of one attempt (built by [`publish_draw`]; see the
/// [module example](super)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultDocument {
    /// Algorithm version (`"v1"`).
    pub algorithm: String,
    /// The plan hash.
    pub plan_hash: Bytes32,
    /// The attempt drawn.
    pub attempt: u32,
    /// The seed of the attempt.
    pub seed: Bytes32,
    /// The log head just before the `draw` event (revision 0), or just before the
    /// `revision` event that records this document.
    pub log_head: Bytes32,
    /// The revision: 0 for the draw's own result (absent in the JSON), `r ≥ 1` after
    /// the substitutions the log records up to its `r`-th `revision` event.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// The draw: per item and stratum `N`, `n`, cut-off and selection; visits;
    /// expansions and substitutions.
    pub draw: DrawResult,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &T
const fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl ResultDocument {
    /// `H("result"; canonical_json(self))`.
    ///
    /// # Errors
    /// `number_not_integer` / `json_shape` if the document cannot be committed.
    pub fn result_hash(&self) -> Result<Bytes32> {
        let json = committed_json(self)?;
        Ok(Bytes32(tagged_hash("result", &[json.as_bytes()])?))
    }
}

/// Runs the draw of `attempt` with `seed` and builds its result document, with
/// `log_head` as given (revision 0).
///
/// # Errors
/// Those of [`super::draw_input_from_plan`], [`crate::draw::draw`] and
/// [`Plan::plan_hash`].
///
/// ```no_run
/// # fn f(plan: &shuangsuiji::proof::Plan, eligible: &[shuangsuiji::proof::EligibleLeaf],
/// #      catalog: &shuangsuiji::model::Catalog, seed: &shuangsuiji::proof::Bytes32,
/// #      head: &shuangsuiji::proof::Bytes32) -> shuangsuiji::Result<()> {
/// let doc = shuangsuiji::draw_record::result_document(plan, eligible, catalog, 0, seed, head)?;
/// println!("{}", doc.result_hash()?);
/// # Ok(()) }
/// ```
pub fn result_document(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    attempt: u32,
    seed: &Bytes32,
    log_head: &Bytes32,
) -> Result<ResultDocument> {
    revised_document(plan, eligible, catalog, attempt, seed, &[], 0, log_head)
}

/// One logged substitution: the log index of its event and the request it replays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LoggedSubstitution {
    pub index: usize,
    pub request: SubstitutionRequest,
    pub stratum_key: String,
    pub substitute: crate::model::Uscc,
}

/// Builds the result document of `attempt` after replaying `substitutions` in order
/// (each names its item, so each replaces in exactly one stratum).
///
/// # Errors
/// As [`result_document`]; a substitution the draw refuses
/// (`substitute_not_selected`, `substitution_limit`, `substitute_exhausted`, …) with
/// field `entries[i]` of its log event; `result_mismatch` (field
/// `entries[i].event.stratum_key` or `.substitute`) when the replay takes another
/// enterprise or stratum than the log says.
#[allow(clippy::too_many_arguments)]
pub(crate) fn revised_document(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    attempt: u32,
    seed: &Bytes32,
    substitutions: &[LoggedSubstitution],
    revision: u32,
    log_head: &Bytes32,
) -> Result<ResultDocument> {
    let input = super::draw_input_from_plan(plan, eligible, catalog, seed, plan.max_substitutions)?;
    let mut draw = Draw::new(input)?;
    for s in substitutions {
        let at = |f: &str| format!("entries[{}].event.{f}", s.index);
        let before = draw.substitution_count();
        draw.substitute(&s.request).map_err(|e| {
            e.with_field(format!("entries[{}]", s.index))
                .with_detail("index", s.index.to_string())
        })?;
        let rec = draw.substitution_record(before).ok_or_else(|| {
            Error::new(
                VerifyCode::ResultMismatch,
                "the substitution replaced nothing",
            )
            .with_field(at("replaced"))
        })?;
        for (field, want, got) in [
            ("stratum_key", s.stratum_key.as_str(), rec.stratum.as_str()),
            ("substitute", s.substitute.as_str(), rec.substitute.as_str()),
        ] {
            if want != got {
                return Err(Error::new(
                    VerifyCode::ResultMismatch,
                    "the log names another substitution than the draw gives",
                )
                .with_field(at(field))
                .with_detail("index", s.index.to_string())
                .with_detail("expected", got)
                .with_detail("actual", want));
            }
        }
    }
    Ok(ResultDocument {
        algorithm: crate::proof::plan::ALGORITHM.to_owned(),
        plan_hash: plan.plan_hash()?,
        attempt,
        seed: *seed,
        log_head: *log_head,
        revision,
        draw: draw.result(),
    })
}

/// The substitutions the log records for `attempt`, in order, with the index of the
/// last `revision` event of the attempt (if any) and of the first substitution after it
/// (one the published result cannot hold yet).
pub(crate) struct AttemptAdjustments {
    pub substitutions: Vec<LoggedSubstitution>,
    pub last_revision: Option<(usize, u32, Bytes32)>,
    pub pending: Option<usize>,
}

/// Collects the substitutions and revisions of `attempt` from the log.
///
/// # Errors
/// `substitution_reason_unknown` (field `entries[i].event.reason`), `item_id_invalid`
/// for a logged substitution that cannot be replayed.
pub(crate) fn attempt_adjustments(log: &DrawLog, attempt: u32) -> Result<AttemptAdjustments> {
    let mut out = AttemptAdjustments {
        substitutions: Vec::new(),
        last_revision: None,
        pending: None,
    };
    for (i, entry) in log.entries.iter().enumerate() {
        match &entry.event {
            Event::Substitution {
                attempt: a,
                item_id,
                stratum_key,
                replaced,
                substitute,
                reason,
                evidence,
            } if *a == attempt => {
                let at = |f: &str| format!("entries[{i}].event.{f}");
                let request = SubstitutionRequest {
                    uscc: *replaced,
                    item_id: Some(ItemId::parse(item_id).map_err(|e| e.with_field(at("item_id")))?),
                    reason: SubstitutionReason::from_label(reason)
                        .map_err(|e| e.with_field(at("reason")))?,
                    evidence: (!evidence.is_empty()).then(|| evidence.clone()),
                };
                out.substitutions.push(LoggedSubstitution {
                    index: i,
                    request,
                    stratum_key: stratum_key.clone(),
                    substitute: *substitute,
                });
                out.pending = out.pending.or(Some(i));
            }
            Event::Revision {
                attempt: a,
                revision,
                result_hash,
            } if *a == attempt => {
                out.last_revision = Some((i, *revision, *result_hash));
                out.pending = None;
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Draws and publishes: builds the result document with the current log head and
/// appends the `draw` event (attempt, seed, result hash) to the log.
///
/// Before drawing, the log with the `draw` event appended is checked as
/// [`verify_log`] will check the published log, so that what would fail verification
/// later is refused here: a seed that is not the one the log's reveals and beacons
/// derive, a log without the beacons or reveals of the attempt, an attempt that is not
/// the current one. The error then names the field of the draw (`seed`, `attempt`,
/// `kind`) rather than a log entry.
///
/// # Errors
/// `log_order` for an empty log or a wrong attempt; `result_mismatch` (field `seed`)
/// for a seed that is not the log's; `beacon_missing` / `reveal_missing`; the other
/// codes of [`verify_log`]; those of [`result_document`].
pub fn publish_draw(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    log: &mut DrawLog,
    attempt: u32,
    seed: &Bytes32,
) -> Result<ResultDocument> {
    let head = draw_log_head(plan, log, attempt, seed)?;
    let doc = result_document(plan, eligible, catalog, attempt, seed, &head)?;
    append_draw(log, &doc)?;
    Ok(doc)
}

/// [`publish_draw`] for a roster held in parts (Spark partitions): the eligible entries
/// are not given, only each part's [`Candidates`](crate::draw::partial::Candidates) of
/// the plan's draw input (`draw::partial`). The result document and the log are
/// byte-identical to [`publish_draw`] over all the entries.
///
/// Every stratum's summed count must be the plan's population (otherwise
/// `root_mismatch`, field `items[i].strata[j].population`): the plan commits to the
/// eligible set the parts hold.
///
/// # Errors
/// Those of [`publish_draw`]; those of
/// [`merge_candidates`](crate::draw::partial::merge_candidates)
/// (`candidates_insufficient`, `stratum_unknown`, the draw's); `root_mismatch` as above.
///
/// ```no_run
/// # fn f(plan: &shuangsuiji::proof::Plan, parts: &[shuangsuiji::draw::partial::Candidates],
/// #      catalog: &shuangsuiji::model::Catalog, log: &mut shuangsuiji::proof::DrawLog,
/// #      seed: &shuangsuiji::proof::Bytes32) -> shuangsuiji::Result<()> {
/// let doc = shuangsuiji::draw_record::publish_draw_from_candidates(plan, parts, catalog, log, 0, seed)?;
/// println!("{}", doc.result_hash()?);
/// # Ok(()) }
/// ```
pub fn publish_draw_from_candidates(
    plan: &Plan,
    parts: &[crate::draw::partial::Candidates],
    catalog: &Catalog,
    log: &mut DrawLog,
    attempt: u32,
    seed: &Bytes32,
) -> Result<ResultDocument> {
    let head = draw_log_head(plan, log, attempt, seed)?;
    let input = super::draw_input_from_plan(plan, &[], catalog, seed, plan.max_substitutions)?;
    let draw = crate::draw::partial::merge_candidates(input, parts)?;
    let plan = plan.canonical();
    for (i, (item, drawn)) in plan.items.iter().zip(&draw.items).enumerate() {
        for (j, (s, d)) in item.strata.iter().zip(&drawn.strata).enumerate() {
            if s.population != d.eligible_count {
                return Err(Error::new(
                    VerifyCode::RootMismatch,
                    "the parts hold another number of eligible entries than the plan's population",
                )
                .with_field(format!("items[{i}].strata[{j}].population"))
                .with_detail("expected", s.population.to_string())
                .with_detail("actual", d.eligible_count.to_string()));
            }
        }
    }
    let doc = ResultDocument {
        algorithm: crate::proof::plan::ALGORITHM.to_owned(),
        plan_hash: plan.plan_hash()?,
        attempt,
        seed: *seed,
        log_head: head,
        revision: 0,
        draw,
    };
    append_draw(log, &doc)?;
    Ok(doc)
}

/// The log's head before a `draw` of `attempt` and `seed`, once that entry is known to
/// verify ([`check_draw_event`]): what the result document binds.
fn draw_log_head(plan: &Plan, log: &DrawLog, attempt: u32, seed: &Bytes32) -> Result<Bytes32> {
    let head = log
        .head()
        .ok_or_else(|| Error::new(VerifyCode::LogOrder, "the log is empty"))?;
    check_draw_event(plan, log, attempt, seed)?;
    Ok(head)
}

/// Appends the `draw` event of a result document to the log.
fn append_draw(log: &mut DrawLog, doc: &ResultDocument) -> Result<()> {
    log.append(Event::Draw {
        attempt: doc.attempt,
        seed: doc.seed,
        result_hash: doc.result_hash()?,
    })?;
    Ok(())
}

/// [`verify_log`] of `log` with a `draw` of `attempt` and `seed` appended (its result
/// hash is not known yet, and not checked by `verify_log`); an error about that new
/// entry names the draw's own field.
fn check_draw_event(plan: &Plan, log: &DrawLog, attempt: u32, seed: &Bytes32) -> Result<()> {
    let mut trial = log.clone();
    trial.append(Event::Draw {
        attempt,
        seed: *seed,
        result_hash: Bytes32::default(),
    })?;
    let prefix = format!("entries[{}].event.", trial.entries.len() - 1);
    verify_log(plan, &trial, None).map(|_| ()).map_err(|mut e| {
        let own = e
            .details()
            .field
            .as_deref()
            .and_then(|f| f.strip_prefix(&prefix))
            .map(str::to_owned);
        if let Some(field) = own {
            e.details_mut().field = Some(field);
            e.details_mut().extra.remove("index");
        }
        e
    })
}

/// Publishes substitutions after a draw as a new revision of the current result: each
/// request replaces a selected enterprise by the next untaken ticket of its stratum (in
/// the named item, or in every item of its visit), the log gets one `substitution`
/// event per item replaced and then a `revision` event with the revised document's
/// hash, and the revised document is returned. `current` must be the log's current
/// result (the draw's, or the last revision's). All or nothing: on error the log is
/// unchanged.
///
/// # Errors
/// `result_mismatch` (field `result`) when `current` is not the log's current result;
/// `log_order` when the log already holds substitutions without a revision, or
/// `requests` is empty; the draw's `substitute_not_selected`, `substitution_limit`
/// (the plan's `max_substitutions`), `substitute_exhausted`, `item_unknown`; those of
/// [`verify_log`] and [`result_document`].
///
/// ```no_run
/// # use shuangsuiji::draw::{SubstitutionReason, SubstitutionRequest};
/// # fn f(plan: &shuangsuiji::proof::Plan, eligible: &[shuangsuiji::proof::EligibleLeaf],
/// #      catalog: &shuangsuiji::model::Catalog, log: &mut shuangsuiji::proof::DrawLog,
/// #      result: &shuangsuiji::draw_record::ResultDocument, uscc: shuangsuiji::model::Uscc)
/// #      -> shuangsuiji::Result<()> {
/// let request = SubstitutionRequest { uscc, item_id: None,
///     reason: SubstitutionReason::Unreachable, evidence: Some("核查记录 2025-017".into()) };
/// let revised = shuangsuiji::draw_record::publish_substitutions(plan, eligible, catalog, log, result, &[request])?;
/// assert_eq!(revised.revision, result.revision + 1);
/// # Ok(()) }
/// ```
pub fn publish_substitutions(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    log: &mut DrawLog,
    current: &ResultDocument,
    requests: &[SubstitutionRequest],
) -> Result<ResultDocument> {
    if requests.is_empty() {
        return Err(
            Error::new(VerifyCode::LogOrder, "no substitution requested").with_field("requests"),
        );
    }
    let summary = verify_log(plan, log, None)?;
    let attempt = summary
        .attempts
        .last()
        .filter(|a| a.attempt == current.attempt)
        .and_then(|a| a.result_hash.map(|h| (a, h)));
    let current_hash = current.result_hash()?;
    let Some((state, logged_hash)) = attempt else {
        return Err(difference_error(
            "result",
            "the result is not of the log's current, drawn attempt",
        ));
    };
    if logged_hash != current_hash {
        return Err(
            difference_error("result", "the result is not the log's current result")
                .with_detail("expected", logged_hash.to_hex())
                .with_detail("actual", current_hash.to_hex()),
        );
    }
    let known = attempt_adjustments(log, current.attempt)?;
    if let Some(i) = known.pending {
        return Err(Error::new(
            VerifyCode::LogOrder,
            "the log holds substitutions no revision has published yet",
        )
        .with_field(format!("entries[{i}]"))
        .with_detail("index", i.to_string()));
    }
    // Expand each request to the items it replaces in (whole-visit requests name no
    // item): run the draw with the logged substitutions and the new requests as given.
    let mut draw = Draw::new(super::draw_input_from_plan(
        plan,
        eligible,
        catalog,
        &current.seed,
        plan.max_substitutions,
    )?)?;
    for s in &known.substitutions {
        draw.substitute(&s.request)?;
    }
    let first_new = draw.substitution_count();
    for (k, r) in requests.iter().enumerate() {
        draw.substitute(r)
            .map_err(|e| e.within(&format!("requests[{k}]")))?;
    }
    let mut next = log.clone();
    let mut all = known.substitutions;
    for rec in (first_new..draw.substitution_count()).filter_map(|k| draw.substitution_record(k)) {
        let evidence = rec.evidence.clone().unwrap_or_default();
        let index = next.entries.len();
        next.append(Event::Substitution {
            attempt: current.attempt,
            item_id: rec.item_id.as_str().to_owned(),
            stratum_key: rec.stratum.as_str().to_owned(),
            replaced: rec.replaced,
            substitute: rec.substitute,
            reason: rec.reason.as_str().to_owned(),
            evidence: evidence.clone(),
        })?;
        all.push(LoggedSubstitution {
            index,
            request: SubstitutionRequest {
                uscc: rec.replaced,
                item_id: Some(rec.item_id.clone()),
                reason: rec.reason,
                evidence: rec.evidence.clone(),
            },
            stratum_key: rec.stratum.as_str().to_owned(),
            substitute: rec.substitute,
        });
    }
    let head = next
        .head()
        .ok_or_else(|| Error::new(VerifyCode::LogOrder, "the log is empty"))?;
    let revision = state.revision.saturating_add(1);
    let doc = revised_document(
        plan,
        eligible,
        catalog,
        current.attempt,
        &current.seed,
        &all,
        revision,
        &head,
    )?;
    next.append(Event::Revision {
        attempt: current.attempt,
        revision,
        result_hash: doc.result_hash()?,
    })?;
    *log = next;
    Ok(doc)
}
