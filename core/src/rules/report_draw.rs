//! The draw of an eligibility report under its published plan, in one call, so that a
//! binding holding the report (issue #25: a 1 M-enterprise report kept in Rust) draws
//! from it without handing its eligible lists over as text.
//!
//! Source: 国务院办公厅关于推广随机抽查规范事中事后监管的通知 (国办发〔2015〕58号) (a)
//! "随机抽取检查对象" from the 名录库 — here the report's eligible lists, per stratum, with
//! the quotas of the published plan; 国发〔2019〕5号 — one joint draw for several
//! departments' items. No new rule: the selection is the draw engine's
//! (docs/draw-spec-v1.md), the plan's commitment docs/verify-spec-v1.md.

use std::collections::BTreeMap;

use crate::Result;
use crate::draw::{DrawInput, DrawResult};
use crate::draw_record::FORCED_STRATUM;
use crate::model::{Catalog, Uscc};
use crate::rules::EligibilityReport;
use crate::verify::{Bytes32, Plan};

/// The draw of `report` under `plan` with `seed`: the draw input of
/// [`draw_record::draw_input`](crate::draw_record::draw_input) (fixed quotas from the
/// plan, the forced-in stratum, the plan's `max_substitutions`) drawn by
/// [`crate::draw::draw`] — the `draw` of the result document
/// [`publish_draw`](crate::draw_record::publish_draw) writes for the same plan, eligible
/// leaves and seed.
///
/// The input is built from the report's lists per stratum, not through the eligible
/// leaves (an owned item id and stratum key per enterprise and item): the same input,
/// errors included (`core/tests/all/rules_report_draw.rs` compares both).
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
) -> Result<DrawResult> {
    crate::draw::draw(report_draw_input(report, catalog, plan, seed)?)
}

/// [`draw_record::draw_input`](crate::draw_record::draw_input) with the plan's
/// `max_substitutions`, pooling the report's lists per (item, stratum) as the eligible
/// leaves would pool them: in USCC order (a stable sort, as the leaves' sort by USCC
/// and item), a (item, stratum) the plan does not list refused with the first in that
/// order.
///
/// # Errors
/// As [`draw_eligible`], before the draw.
///
/// ```no_run
/// # use shuangsuiji::rules::{EligibilityReport, report_draw_input};
/// # fn f(report: &EligibilityReport, catalog: &shuangsuiji::model::Catalog,
/// #      plan: &shuangsuiji::verify::Plan, seed: &shuangsuiji::verify::Bytes32) -> shuangsuiji::Result<()> {
/// let input = report_draw_input(report, catalog, plan, seed)?;
/// assert_eq!(input.items.len(), plan.items.len());
/// # Ok(()) }
/// ```
pub fn report_draw_input(
    report: &EligibilityReport,
    catalog: &Catalog,
    plan: &Plan,
    seed: &Bytes32,
) -> Result<DrawInput> {
    let mut pool: BTreeMap<(&str, &str), Vec<Uscc>> = BTreeMap::new();
    for item in &report.items {
        let id = item.item.as_str();
        for s in &item.strata {
            pool.entry((id, s.key.as_str()))
                .or_default()
                .extend_from_slice(&s.eligible);
        }
        if !item.forced_in.is_empty() {
            pool.entry((id, FORCED_STRATUM))
                .or_default()
                .extend(item.forced_in.iter().map(|f| f.uscc));
        }
    }
    pool.retain(|_, v| !v.is_empty());
    for v in pool.values_mut() {
        v.sort(); // stable; the report's lists are sorted already
    }
    crate::draw_record::draw_input_from_pool(plan, pool, catalog, seed, plan.max_substitutions)
}
