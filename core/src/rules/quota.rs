//! The quota of one stratum: `n = min(N, max(min, min(max, ceil(N·p/q))))`.
//!
//! Sources, rule by rule:
//!
//! * **a ratio of the stratum** — 国办发〔2015〕58号 (c) "合理确定随机抽查的比例和频次"
//!   (\[S], 2015-08-05 onward) and 国市监信〔2019〕38号 二(一) (ratios per item kind,
//!   \[S], 2019-02-12 onward); the numbers themselves are policy data with their own
//!   provenance ([`super::policy`]).
//! * **the ceiling** `ceil(N·p/q)` — a ratio stated as a floor, as in 企业公示信息抽查办法
//!   (SAMR 令101, 2025-03-18) Art. 4 \[V] "抽取辖区内不少于3%的企业", is met only by
//!   rounding up, so a stratum of 101 at 3 % draws 4, not 3. No national text states a rounding rule for
//!   other ratios; rounding up is the project's choice (design/DRAW.md, "Selection per
//!   stratum") so that a non-empty stratum with a positive ratio is never drawn at 0.
//! * **the clamps** `min` / `max` — local plans state counts beside ratios (e.g. 石嘴山
//!   2023, 一般事项 ≤ 5 %, RULES-ADDENDUM §5 \[S]; the county plan's 按清单规定比例); they
//!   are policy data. The result never exceeds `N` (nobody is drawn twice).
//! * **`min > max`** is refused with `min_above_max` everywhere — the policy path, the
//!   quota function and the bindings' `quota` (issue #15 item 10): a rule whose bounds
//!   contradict each other has no answer.
//!
//! Integer arithmetic only: the ceiling is exact ([`Ratio::ceil_of`]); there is no float.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use serde::{Deserialize, Serialize};

use crate::model::Ratio;
use crate::{Error, Result, RulesCode};

/// The numbers that give a stratum's quota: ratio `p/q`, optional minimum and maximum
/// count.
///
/// ```
/// use shuangsuiji::model::Ratio;
/// use shuangsuiji::rules::QuotaRule;
/// let rule = QuotaRule { ratio: Ratio::new(3, 100)?, min: Some(2), max: Some(10) };
/// assert_eq!(rule.quota(0)?, 0);     // N = 0: nothing to draw, whatever the minimum
/// assert_eq!(rule.quota(1)?, 1);     // min 2 clamped to N = 1
/// assert_eq!(rule.quota(100)?, 3);   // exact multiple
/// assert_eq!(rule.quota(101)?, 4);   // ceil(3.03)
/// assert_eq!(rule.quota(1000)?, 10); // max
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaRule {
    /// Sampling ratio `p/q`.
    pub ratio: Ratio,
    /// Minimum count (clamped to the stratum size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// Maximum count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

impl QuotaRule {
    /// Checks `min ≤ max`.
    ///
    /// # Errors
    /// `min_above_max`.
    pub fn validate(&self) -> Result<()> {
        if let (Some(lo), Some(hi)) = (self.min, self.max) {
            if lo > hi {
                return Err(Error::new(
                    RulesCode::MinAboveMax,
                    format!("minimum count {lo} is above maximum count {hi}"),
                )
                .with_field("min")
                .with_detail("min", lo.to_string())
                .with_detail("max", hi.to_string()));
            }
        }
        Ok(())
    }

    /// The quota for a stratum of `population` eligible enterprises.
    ///
    /// # Errors
    /// `min_above_max`.
    pub fn quota(&self, population: u64) -> Result<u64> {
        quota(population, self.ratio, self.min, self.max)
    }
}

/// `min(N, max(min, min(max, ceil(N·p/q))))` with absent bounds meaning 0 and ∞.
///
/// ```
/// use shuangsuiji::model::Ratio;
/// let half = Ratio::new(1, 2).unwrap();
/// assert_eq!(shuangsuiji::rules::quota(7, half, None, None).unwrap(), 4);
/// let err = shuangsuiji::rules::quota(7, half, Some(5), Some(3)).unwrap_err();
/// assert_eq!(err.code().as_str(), "min_above_max");
/// ```
///
/// # Errors
/// `min_above_max` if both bounds are given and `min > max` (the same answer as the
/// policy path gives for the same numbers).
pub fn quota(population: u64, ratio: Ratio, min: Option<u64>, max: Option<u64>) -> Result<u64> {
    QuotaRule { ratio, min, max }.validate()?;
    let by_ratio = ratio.ceil_of(population);
    let capped = max.map_or(by_ratio, |m| by_ratio.min(m));
    let floored = min.map_or(capped, |m| capped.max(m));
    Ok(floored.min(population))
}
