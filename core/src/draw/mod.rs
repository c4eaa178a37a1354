//! The reproducible draw (随机抽取检查对象), algorithm `v1`.
//!
//! Normative specification: `docs/draw-spec-v1.md`. In short:
//!
//! 1. one ChaCha20 key per task: `K = SHA-256(LP("SSJ/v1/ticket_key") ‖ LP(seed) ‖ LP(task_id))`;
//! 2. one 128-bit [`Ticket`] per enterprise: the first 16 bytes of the keystream block
//!    addressed by the USCC's base-31 index (block counter = low 64 bits, stream id =
//!    high bits) — shared by every item of the joint task, independent of the stratum;
//! 3. per item and stratum, the `quota` smallest `(ticket, uscc)` keys ([`DrawMode::Fixed`])
//!    or every ticket below `floor(2^128·p/q)` ([`DrawMode::Bernoulli`]); the cut-off is
//!    published, so *selected ⇔ eligible in stratum h and (ticket, uscc) ≤ cut-off of h*;
//! 4. one [`Visit`] per selected enterprise with every item that selected it;
//! 5. expansions and substitutions take the next keys of the stratum and are recorded.
//!
//! The input is the draw's own [`DrawInput`]; the result a [`DrawResult`]. Both are
//! independent of the order of items, strata and eligible lists.
//!
//! ```
//! use shuangsuiji::draw::{draw, DrawInput};
//! let input: DrawInput = serde_json::from_str(r#"{
//!   "algorithm": "v1", "task_id": "demo",
//!   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
//!   "mode": "fixed",
//!   "items": [
//!     {"item_id": "food.production", "department": "market", "strata": [
//!       {"key": "all", "eligible": ["91350100M000100Y43", "91350100MA00000155", "91350100MA00000230"], "quota": 2}]},
//!     {"item_id": "fire.safety", "department": "fire", "strata": [
//!       {"key": "all", "eligible": ["91350100M000100Y43", "91350100MA00000155", "91350100MA00000230"], "quota": 1}]}
//!   ]
//! }"#).unwrap();
//! let result = draw(input)?;
//! // Same pool, same strata: the smaller sample nests in the larger one.
//! assert_eq!(result.visits.len(), 2);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod columns;
mod eligible;
mod engine;
mod input;
pub mod partial;
mod result;
pub(crate) mod rng;
mod select;
mod substitute;
mod sweep;
mod threshold;
mod ticket;
mod types;
mod visit;

pub use crate::rules::quota;
pub use columns::{
    ColumnText, ItemColumns, SelectionColumns, StratumColumns, VisitColumns, draw_column_texts,
    draw_columns, join_column_texts, join_columns,
};
pub use engine::Draw;
pub use input::{
    Adjustment, DrawInput, Expansion, ItemDraw, StratumDraw, SubstitutionReason,
    SubstitutionRequest,
};
pub use result::{
    Basis, Cutoff, DrawResult, ExpansionRecord, ItemResult, Pick, StratumResult,
    SubstitutionRecord, Visit, VisitItem,
};
pub use threshold::Threshold;
#[doc(hidden)]
pub use ticket::alternative;
pub use ticket::{Ticket, Ticketer, ticket, ticket_key, uscc_index};
pub use types::{AlgorithmVersion, DrawMode, Seed, StratumKey, TaskId};

/// Runs a whole draw: validate, select, apply the adjustments, publish.
///
/// # Errors
/// The codes of [`Draw::new`]: `quota_missing`, `ratio_missing`,
/// `mode_field_unexpected`, `quota_exceeds_eligible`, `item_duplicate`,
/// `stratum_duplicate`, `eligible_duplicate`, `stratum_overlap`, and for adjustments
/// `item_unknown`, `stratum_unknown`, `expansion_invalid`, `substitute_not_selected`,
/// `substitution_limit`, `substitute_exhausted`.
pub fn draw(input: DrawInput) -> crate::Result<DrawResult> {
    Draw::new(input).map(|d| d.result())
}
