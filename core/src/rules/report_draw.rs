//! The draw of an eligibility report under its published plan, in one call, so that a
//! binding holding the report (issue #25: a 1 M-enterprise report kept in Rust) draws
//! from it without handing its eligible lists over as text.

use crate::draw::DrawResult;
use crate::draw_record::draw_input;
use crate::model::Catalog;
use crate::rules::EligibilityReport;
use crate::verify::{Bytes32, Plan};

/// The draw of `report` under `plan` with `seed`: the draw input of
/// [`draw_record::draw_input`](crate::draw_record::draw_input) (fixed quotas from the
/// plan, the forced-in stratum, the plan's `max_substitutions`) drawn by
/// [`crate::draw::draw`] — the `draw` of the result document
/// [`publish_draw`](crate::draw_record::publish_draw) writes for the same plan, eligible
/// leaves and seed.
///
/// # Errors
/// Those of [`draw_record::draw_input`](crate::draw_record::draw_input) (`item_unknown`,
/// `root_mismatch`, `task_id_invalid`, `stratum_key_invalid`) and of
/// [`crate::draw::draw`].
///
/// ```no_run
/// # use shuangsuiji::rules::{EligibilityReport, draw_eligible};
/// # fn f(report: &EligibilityReport, catalog: &shuangsuiji::model::Catalog,
/// #      plan: &shuangsuiji::verify::Plan, seed: &shuangsuiji::verify::Bytes32) -> shuangsuiji::Result<()> {
/// let result = draw_eligible(report, catalog, plan, seed)?;
/// println!("{} visits", result.visits.len());
/// # Ok(()) }
/// ```
pub fn draw_eligible(
    report: &EligibilityReport,
    catalog: &Catalog,
    plan: &Plan,
    seed: &Bytes32,
) -> crate::Result<DrawResult> {
    crate::draw::draw(draw_input(
        report,
        catalog,
        plan,
        seed,
        plan.max_substitutions,
    )?)
}
