//! `verify_draw`: recompute a whole draw from the published files and name the first
//! mismatch.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::compare::{difference_error, locate, result_difference, root_mismatch};
use super::document::{ResultDocument, attempt_adjustments, revised_document};
use crate::model::Catalog;
use crate::proof::{Bytes32, DrawLog, EligibleLeaf, Event, Plan, verify_log, verify_plan};
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
/// # fn f(plan: &shuangsuiji::proof::Plan, h: &shuangsuiji::proof::Bytes32,
/// #      catalog: &shuangsuiji::model::Catalog, log: &shuangsuiji::proof::DrawLog,
/// #      head: &shuangsuiji::proof::Bytes32, eligible: &[shuangsuiji::proof::EligibleLeaf],
/// #      result: &shuangsuiji::draw_record::ResultDocument) -> shuangsuiji::Result<()> {
/// let summary = shuangsuiji::draw_record::verify_draw(plan, h, catalog, log, head, eligible, result)?;
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
    PublishedDraw {
        plan,
        plan_hash,
        catalog,
        log,
        log_head,
        eligible,
        result,
    }
    .verify()
}

/// The first half of [`verify_draw`] ([`PublishedDraw::check_roots`]), on the files it
/// needs only: the plan hash, the catalog hash, the eligible tree (root and size) and
/// every stratum's `N` and quota. The other half is
/// [`PublishedDraw::check_recomputation`]; run side by side, the verdict of
/// [`verify_draw`] is this half's error if it has one, else the other half's answer.
///
/// # Errors
/// `plan_hash_mismatch` (field `plan_hash`); `root_mismatch` (field `catalog_hash`,
/// `eligible.root`, `eligible.size` or `eligible`); `result_mismatch` for a stratum's
/// `population` or `quota`; as [`verify_draw`] names them.
///
/// ```no_run
/// # fn f(plan: &shuangsuiji::proof::Plan, h: &shuangsuiji::proof::Bytes32,
/// #      catalog: &shuangsuiji::model::Catalog,
/// #      eligible: &[shuangsuiji::proof::EligibleLeaf]) -> shuangsuiji::Result<()> {
/// shuangsuiji::draw_record::verify_draw_roots(plan, h, catalog, eligible)?;
/// # Ok(()) }
/// ```
pub fn verify_draw_roots(
    plan: &Plan,
    plan_hash: &Bytes32,
    catalog: &Catalog,
    eligible: &[EligibleLeaf],
) -> Result<()> {
    verify_plan(plan, plan_hash)?;
    let catalog_hash = catalog.content_hash()?;
    if catalog_hash != plan.catalog_hash.to_hex() {
        return Err(root_mismatch(
            "catalog_hash",
            &plan.catalog_hash.to_hex(),
            &catalog_hash,
        ));
    }
    let tree = crate::proof::merkle::tree_commitment(eligible).map_err(|e| {
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
    check_strata(plan, eligible)
}

/// The published files of one draw, as [`PublishedDraw::verify`] (and [`verify_draw`])
/// read them: named fields instead of seven positional arguments.
///
/// ```no_run
/// # fn f(plan: &shuangsuiji::proof::Plan, plan_hash: &shuangsuiji::proof::Bytes32,
/// #      catalog: &shuangsuiji::model::Catalog, log: &shuangsuiji::proof::DrawLog,
/// #      log_head: &shuangsuiji::proof::Bytes32, eligible: &[shuangsuiji::proof::EligibleLeaf],
/// #      result: &shuangsuiji::draw_record::ResultDocument) -> shuangsuiji::Result<()> {
/// use shuangsuiji::draw_record::PublishedDraw;
/// let draw = PublishedDraw { plan, plan_hash, catalog, log, log_head, eligible, result };
/// println!("{} visits confirmed", draw.verify()?.visits);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PublishedDraw<'a> {
    /// The published plan.
    pub plan: &'a Plan,
    /// The plan hash the log and the notice announce.
    pub plan_hash: &'a Bytes32,
    /// The catalog the plan commits to.
    pub catalog: &'a Catalog,
    /// The draw log.
    pub log: &'a DrawLog,
    /// The announced log head.
    pub log_head: &'a Bytes32,
    /// The eligible entries the plan commits to.
    pub eligible: &'a [EligibleLeaf],
    /// The published result document.
    pub result: &'a ResultDocument,
}

/// The log's current attempt and where its result document is pinned.
struct Pinned {
    attempt: u32,
    seed: Bytes32,
    result_hash: Bytes32,
    revision: u32,
    substitutions: Vec<super::document::LoggedSubstitution>,
    before: Bytes32,
}

impl PublishedDraw<'_> {
    /// Recomputes the draw and confirms it, or names the first mismatch: as
    /// [`verify_draw`], in four steps — the roots, the log, the recomputation, the
    /// comparison.
    ///
    /// # Errors
    /// As [`verify_draw`].
    pub fn verify(&self) -> Result<DrawSummary> {
        self.check_roots()?;
        self.recompute()
    }

    /// Step 1 of [`Self::verify`] alone: the plan hash, the catalog hash, the eligible
    /// tree (root and size) and every stratum's `N` and quota. With
    /// [`Self::check_recomputation`] it makes the whole verification in two halves
    /// that share nothing, so that they can run at the same time (the public page runs
    /// them in two workers): the verdict of [`Self::verify`] is this half's error if it
    /// has one, else the other half's answer.
    ///
    /// # Errors
    /// `plan_hash_mismatch`, `root_mismatch` and the strata's `result_mismatch`, as
    /// [`verify_draw`].
    ///
    /// ```no_run
    /// # fn f(draw: shuangsuiji::draw_record::PublishedDraw<'_>) -> shuangsuiji::Result<()> {
    /// // On two threads: the roots here, the recomputation beside it.
    /// let (roots, rest) = std::thread::scope(|s| {
    ///     let rest = s.spawn(|| draw.check_recomputation());
    ///     (draw.check_roots(), rest.join())
    /// });
    /// roots?;
    /// let summary = rest.expect("no panic")?;
    /// assert_eq!(summary, draw.verify()?);
    /// # Ok(()) }
    /// ```
    pub fn check_roots(&self) -> Result<()> {
        verify_draw_roots(self.plan, self.plan_hash, self.catalog, self.eligible)
    }

    /// Steps 2 to 4 of [`Self::verify`] alone — the log, the recomputation, the
    /// comparison — after the plan hash (checked again here, so that no draw is
    /// recomputed from a plan other than the published one). Their answer is
    /// [`Self::verify`]'s whenever [`Self::check_roots`] passes; see there.
    ///
    /// # Errors
    /// As [`verify_draw`], except the catalog, tree and strata checks of
    /// [`Self::check_roots`].
    pub fn check_recomputation(&self) -> Result<DrawSummary> {
        verify_plan(self.plan, self.plan_hash)?;
        self.recompute()
    }

    /// Steps 2 to 4 (the plan hash already checked).
    fn recompute(&self) -> Result<DrawSummary> {
        let pinned = self.pin_in_log()?;
        let expected = revised_document(
            self.plan,
            self.eligible,
            self.catalog,
            pinned.attempt,
            &pinned.seed,
            &pinned.substitutions,
            pinned.revision,
            &pinned.before,
        )?;
        self.compare(&expected, &pinned.result_hash)?;
        Ok(DrawSummary {
            plan_hash: *self.plan_hash,
            attempt: pinned.attempt,
            revision: pinned.revision,
            substitutions: pinned.substitutions.len() as u64,
            seed: pinned.seed,
            result_hash: pinned.result_hash,
            log_head: *self.log_head,
            visits: self.result.draw.visits.len() as u64,
        })
    }

    /// Step 2: the log verifies up to the announced head; its current attempt was
    /// drawn; the document is pinned at the log head just before the event that records
    /// its hash (the `draw` event, revision 0, or the last `revision` event).
    fn pin_in_log(&self) -> Result<Pinned> {
        let log = self.log;
        let summary = verify_log(self.plan, log, Some(self.log_head))?;
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
            .ok_or_else(|| {
                Error::new(VerifyCode::LogOrder, "no draw event").with_field("entries")
            })?;
        Ok(Pinned {
            attempt,
            seed,
            result_hash,
            revision,
            substitutions: adjustments.substitutions,
            before,
        })
    }

    /// Step 4: the published document against the recomputed one (a stale attempt or
    /// revision named as such, then the first differing path), then the result hash the
    /// log records.
    fn compare(&self, expected: &ResultDocument, result_hash: &Bytes32) -> Result<()> {
        let result = self.result;
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
        if let Some((path, ev, av)) = result_difference(expected, result)? {
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
        if actual_hash != *result_hash {
            return Err(
                difference_error("result_hash", "the log records another result hash")
                    .with_detail("expected", result_hash.to_hex())
                    .with_detail("actual", actual_hash.to_hex()),
            );
        }
        Ok(())
    }
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
