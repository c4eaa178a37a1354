//! The quota of one stratum: `n = min(N, max(min, min(max, ceil(N·p/q))))`.
//!
//! Source: the project's draw design (design/DRAW.md, "Selection per stratum") built on
//! 国办发〔2015〕58号 (c) ("合理确定随机抽查的比例和频次", \[S], 2015-08-05 onward) and
//! 国市监信〔2019〕38号 二(一) (ratios per item kind, \[S], 2019-02-12 onward). Integer
//! arithmetic only: the ceiling is exact ([`Ratio::ceil_of`]); there is no float.

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
        self.validate()?;
        Ok(quota(population, self.ratio, self.min, self.max))
    }
}

/// `min(N, max(min, min(max, ceil(N·p/q))))` with absent bounds meaning 0 and ∞.
/// Callers must have checked `min ≤ max`.
///
/// ```
/// use shuangsuiji::model::Ratio;
/// assert_eq!(shuangsuiji::rules::quota(7, Ratio::new(1, 2).unwrap(), None, None), 4);
/// ```
#[must_use]
pub fn quota(population: u64, ratio: Ratio, min: Option<u64>, max: Option<u64>) -> u64 {
    let by_ratio = ratio.ceil_of(population);
    let capped = max.map_or(by_ratio, |m| by_ratio.min(m));
    let floored = min.map_or(capped, |m| capped.max(m));
    floored.min(population)
}
