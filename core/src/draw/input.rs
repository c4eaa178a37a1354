//! The draw's own input: one plain JSON shape, independent of how eligibility was found.

use serde::{Deserialize, Serialize};

use super::types::{AlgorithmVersion, DrawMode, Seed, StratumKey, TaskId};
use crate::model::label::labelled_enum;
use crate::model::{DepartmentCode, ItemId, Ratio, Uscc};
use crate::{DrawCode, Error, Result};

/// Everything the draw needs: algorithm, task, seed, mode, per item and stratum the
/// eligible enterprises and the quota, and the post-draw adjustments in the order they
/// were made.
///
/// The order of `items`, `strata` and `eligible` does not matter (the draw sorts by
/// canonical ids); the order of `adjustments` does (each one sees the earlier ones).
///
/// ```
/// use shuangsuiji::draw::DrawInput;
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}
///   ]}]
/// }"#).unwrap();
/// assert_eq!(input.items[0].strata[0].quota, Some(1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawInput {
    /// The algorithm version (`"v1"`).
    pub algorithm: AlgorithmVersion,
    /// The (joint) task id; it enters every ticket.
    pub task_id: TaskId,
    /// The 32-byte seed.
    pub seed: Seed,
    /// Fixed quotas or Bernoulli thresholds, for every stratum of every item.
    pub mode: DrawMode,
    /// The supervision items of the joint task.
    pub items: Vec<ItemDraw>,
    /// Expansions and substitutions, applied in this order after the draw.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

/// One supervision item of the joint task and its strata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDraw {
    /// The item id.
    pub item_id: ItemId,
    /// The department responsible for the item.
    pub department: DepartmentCode,
    /// The strata; their eligible sets must be disjoint.
    pub strata: Vec<StratumDraw>,
}

/// One stratum of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumDraw {
    /// The stratum key (a label; not a ticket input).
    pub key: StratumKey,
    /// The eligible enterprises (any order; no duplicates).
    pub eligible: Vec<Uscc>,
    /// Fixed mode: how many to draw (at most `eligible.len()`). Absent in Bernoulli mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u64>,
    /// Bernoulli mode: the inclusion probability `p/q`. Absent in fixed mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// How many substitutions this stratum allows (default 0).
    #[serde(default)]
    pub max_substitutions: u32,
}

/// A change made after the draw, recorded and replayed in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustment {
    /// Take more enterprises from one stratum of one item.
    Expand(Expansion),
    /// Replace a selected enterprise.
    Substitute(SubstitutionRequest),
}

/// `extra` more picks in one stratum of one item: the next tickets after everything
/// already taken; earlier picks are unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expansion {
    /// The item.
    pub item_id: ItemId,
    /// The stratum of that item.
    pub stratum: StratumKey,
    /// How many more (at least 1, at most what is left).
    pub extra: u64,
}

/// Replace a selected enterprise by the next untaken ticket in the same stratum.
///
/// With `item_id`, only that item's selection is replaced; without it, every item
/// whose current selection holds the enterprise (the whole visit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubstitutionRequest {
    /// The enterprise to replace.
    pub uscc: Uscc,
    /// Restrict to one item; absent = every item that selected the enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<ItemId>,
    /// Why.
    pub reason: SubstitutionReason,
    /// A reference to the evidence (document number, record id); not interpreted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

labelled_enum! {
    /// Why a selected enterprise is replaced.
    pub enum SubstitutionReason (DrawCode::SubstitutionReasonUnknown) {
        /// 通过登记的住所或经营场所无法联系 — cannot be reached at its registered address.
        Unreachable = "unreachable" ["无法联系", "查无下落"],
        /// 抽取后已注销 — deregistered after the draw.
        DeregisteredAfterDraw = "deregistered_after_draw" ["抽取后注销", "已注销"],
        /// 抽取后已吊销营业执照 — licence revoked after the draw.
        RevokedAfterDraw = "revoked_after_draw" ["抽取后吊销", "已吊销"],
        /// 抽取后停业或歇业 — suspended or dormant after the draw.
        SuspendedAfterDraw = "suspended_after_draw" ["停业", "歇业"],
        /// 抽取后不再属于该事项的检查范围 — no longer in the item's scope.
        OutOfScopeAfterDraw = "out_of_scope_after_draw" ["不属于检查范围"],
    }
}

impl DrawInput {
    /// Checks the per-stratum mode fields (the set rules — duplicates, overlaps — are
    /// checked when the draw runs).
    ///
    /// # Errors
    /// `quota_missing`, `ratio_missing`, `mode_field_unexpected`,
    /// `quota_exceeds_eligible`, each with `field` = `items[i].strata[j]…`.
    pub fn validate_modes(&self) -> Result<()> {
        for (i, item) in self.items.iter().enumerate() {
            for (j, s) in item.strata.iter().enumerate() {
                let at = |e: Error| e.within(&format!("items[{i}].strata[{j}]"));
                let n = u64::try_from(s.eligible.len()).unwrap_or(u64::MAX);
                match self.mode {
                    DrawMode::Fixed => {
                        if s.ratio.is_some() {
                            return Err(at(mode_field("ratio", "fixed")));
                        }
                        let q = s.quota.ok_or_else(|| {
                            at(Error::new(
                                DrawCode::QuotaMissing,
                                "a fixed-mode stratum needs a quota",
                            )
                            .with_field("quota"))
                        })?;
                        if q > n {
                            return Err(at(Error::new(
                                DrawCode::QuotaExceedsEligible,
                                format!("quota {q} is larger than the {n} eligible enterprises"),
                            )
                            .with_field("quota")
                            .with_detail("stratum", s.key.as_str())
                            .with_detail("item", item.item_id.as_str())));
                        }
                    }
                    DrawMode::Bernoulli => {
                        if s.quota.is_some() {
                            return Err(at(mode_field("quota", "bernoulli")));
                        }
                        if s.ratio.is_none() {
                            return Err(at(Error::new(
                                DrawCode::RatioMissing,
                                "a Bernoulli-mode stratum needs a ratio",
                            )
                            .with_field("ratio")));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn mode_field(field: &str, mode: &str) -> Error {
    Error::new(
        DrawCode::ModeFieldUnexpected,
        format!("`{field}` is not used in {mode} mode; leave it out"),
    )
    .with_field(field)
}
