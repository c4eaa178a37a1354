//! The published result document and its hash.
//!
//! `result_hash = H("result"; canonical_json(result))`. The document binds the draw
//! result to the plan hash, the attempt, the seed and the log head *before* the `draw`
//! event (which pins every reveal and beacon); the `draw` event then records the
//! result hash, so the log and the result pin each other.

use serde::{Deserialize, Serialize};

use crate::canonical::tagged_hash;
use crate::draw::DrawResult;
use crate::model::Catalog;
use crate::verify::{Bytes32, DrawLog, EligibleLeaf, Event, Plan, committed_json};
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
    /// The log head just before the `draw` event.
    pub log_head: Bytes32,
    /// The draw: per item and stratum `N`, `n`, cut-off and selection; visits;
    /// expansions and substitutions.
    pub draw: DrawResult,
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
/// `log_head` as given.
///
/// # Errors
/// Those of [`super::draw_input_from_plan`], [`crate::draw::draw`] and
/// [`Plan::plan_hash`].
pub fn result_document(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    attempt: u32,
    seed: &Bytes32,
    log_head: &Bytes32,
) -> Result<ResultDocument> {
    let input = super::draw_input_from_plan(plan, eligible, catalog, seed, 0)?;
    let draw = crate::draw::draw(input)?;
    Ok(ResultDocument {
        algorithm: crate::verify::plan::ALGORITHM.to_owned(),
        plan_hash: plan.plan_hash()?,
        attempt,
        seed: *seed,
        log_head: *log_head,
        draw,
    })
}

/// Draws and publishes: builds the result document with the current log head and
/// appends the `draw` event (attempt, seed, result hash) to the log.
///
/// # Errors
/// `log_order` for an empty log; those of [`result_document`].
pub fn publish_draw(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    log: &mut DrawLog,
    attempt: u32,
    seed: &Bytes32,
) -> Result<ResultDocument> {
    let head = log
        .head()
        .ok_or_else(|| Error::new(VerifyCode::LogOrder, "the log is empty"))?;
    let doc = result_document(plan, eligible, catalog, attempt, seed, &head)?;
    log.append(Event::Draw {
        attempt,
        seed: *seed,
        result_hash: doc.result_hash()?,
    })?;
    Ok(doc)
}
