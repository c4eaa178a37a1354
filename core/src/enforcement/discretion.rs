//! Discretion bands (裁量阶次) for a statutory fine range.
//!
//! # Sources
//!
//! * 行政处罚法 (2021 revision, in force 2021-07-15) Art. 5 ¶2 (过罚相当) and Art. 34
//!   (裁量基准) \[V\].
//! * 国市监法规〔2022〕2号 《关于规范市场监督管理行政处罚裁量权的指导意见》 (adopted
//!   2022-09-28) \[S\]: 不予 / 减轻 / 从轻 / 一般 / 从重.
//! * The **30 % / 70 %** split (从轻 in the lowest 30 % of [min, max], 一般 30–70 %,
//!   从重 the rest) is a city AMR's implementing rule \[S\]; that it is verbatim in the
//!   SAMR guidance is \[R\]. It is therefore a configurable [`DiscretionPreset`], not law.
//!
//! # Arithmetic
//!
//! All amounts are integer fen; no floats. With span = max − min and the preset ratios
//! p/q, the cut points are `min + ⌊span · p / q⌋` — **rounded down, toward the
//! minimum** (in favour of the party at the 从轻 edge). Adjacent bands share their cut
//! point (both ends inclusive). 减轻 is any amount below the statutory minimum,
//! `[0, min − 1 fen]`, and is empty when the minimum is 0 (a lighter kind of penalty
//! is then the only 减轻).
//!
//! Tested by `core/tests/all/enforcement_discretion.rs` (vectors in `tests/vectors/discretion/`).

use serde::{Deserialize, Serialize};

use crate::model::{Provenance, Ratio, Verification};
use crate::{EnforcementCode, Error, Result};

/// A statutory fine range in fen, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FineRange {
    /// Minimum, fen.
    pub min_fen: u64,
    /// Maximum, fen.
    pub max_fen: u64,
}

/// A discretion level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 不予处罚: no fine.
    NotPunished,
    /// 减轻: below the minimum.
    Mitigated,
    /// 从轻: lower part of the range.
    Lighter,
    /// 一般: middle part.
    Ordinary,
    /// 从重: upper part.
    Heavier,
}

/// The cut points of the range as ratios of the span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscretionPreset {
    /// Upper edge of 从轻 (default 3/10).
    pub lighter_upper: Ratio,
    /// Upper edge of 一般 (default 7/10).
    pub ordinary_upper: Ratio,
    /// Where the preset comes from.
    pub provenance: Provenance,
}

impl Default for DiscretionPreset {
    fn default() -> Self {
        Self {
            lighter_upper: Ratio::new(3, 10).unwrap_or(Ratio::ZERO),
            ordinary_upper: Ratio::new(7, 10).unwrap_or(Ratio::ONE),
            provenance: Provenance {
                document: "国市监法规〔2022〕2号 关于规范市场监督管理行政处罚裁量权的指导意见; 30/70 split from a city AMR's implementing rules".to_owned(),
                article: None,
                verification: Verification::Secondary,
                effective_from: chrono::NaiveDate::from_ymd_opt(2022, 9, 28),
                effective_to: None,
                note: Some("30/70 verbatim in the SAMR guidance is unverified [R]".to_owned()),
            },
        }
    }
}

/// The permitted fine range for a band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandRange {
    /// The band.
    pub band: Band,
    /// Lowest permitted fine, fen; `None` when the band permits no fine amount.
    pub min_fen: Option<u64>,
    /// Highest permitted fine, fen.
    pub max_fen: Option<u64>,
    /// The preset's provenance.
    pub provenance: Provenance,
    /// Explanation.
    pub note: String,
}

fn cut(min: u64, span: u64, r: Ratio) -> u64 {
    let part = u128::from(span) * u128::from(r.p()) / u128::from(r.q());
    // part ≤ span, so it fits in u64.
    min + u64::try_from(part).unwrap_or(span)
}

/// The permitted fine range for `band` within `range`.
///
/// # Errors
/// `fine_range_invalid` when `min_fen > max_fen`, or the preset's 从轻 edge lies above
/// its 一般 edge.
///
/// ```
/// use shuangsuiji::enforcement::{discretion_band, Band, DiscretionPreset, FineRange};
/// // 食品安全法 Art. 124: 5万–10万元.
/// let r = FineRange { min_fen: 5_000_000, max_fen: 10_000_000 };
/// let b = discretion_band(r, Band::Lighter, &DiscretionPreset::default())?;
/// assert_eq!((b.min_fen, b.max_fen), (Some(5_000_000), Some(6_500_000)));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn discretion_band(
    range: FineRange,
    band: Band,
    preset: &DiscretionPreset,
) -> Result<BandRange> {
    if range.min_fen > range.max_fen {
        return Err(Error::new(
            EnforcementCode::FineRangeInvalid,
            format!(
                "minimum {} fen is above maximum {} fen",
                range.min_fen, range.max_fen
            ),
        )
        .with_field("min_fen")
        .with_value(range.min_fen.to_string()));
    }
    if preset.lighter_upper > preset.ordinary_upper {
        return Err(Error::new(
            EnforcementCode::FineRangeInvalid,
            format!(
                "preset 从轻 edge {} is above the 一般 edge {}",
                preset.lighter_upper, preset.ordinary_upper
            ),
        )
        .with_field("lighter_upper"));
    }
    let span = range.max_fen - range.min_fen;
    let c1 = cut(range.min_fen, span, preset.lighter_upper);
    let c2 = cut(range.min_fen, span, preset.ordinary_upper);
    let (lo, hi, note) = match band {
        Band::NotPunished => (Some(0), Some(0), "不予处罚: no fine".to_owned()),
        Band::Mitigated => match range.min_fen.checked_sub(1) {
            Some(top) => (
                Some(0),
                Some(top),
                "减轻: below the statutory minimum (or a lighter kind of penalty)".to_owned(),
            ),
            None => (
                None,
                None,
                "减轻: the minimum is 0, so no lower fine exists; only a lighter kind of penalty"
                    .to_owned(),
            ),
        },
        Band::Lighter => (
            Some(range.min_fen),
            Some(c1),
            format!("从轻: [min, min + ⌊span·{}⌋]", preset.lighter_upper),
        ),
        Band::Ordinary => (
            Some(c1),
            Some(c2),
            format!(
                "一般: [min + ⌊span·{}⌋, min + ⌊span·{}⌋]",
                preset.lighter_upper, preset.ordinary_upper
            ),
        ),
        Band::Heavier => (
            Some(c2),
            Some(range.max_fen),
            format!("从重: [min + ⌊span·{}⌋, max]", preset.ordinary_upper),
        ),
    };
    Ok(BandRange {
        band,
        min_fen: lo,
        max_fen: hi,
        provenance: preset.provenance.clone(),
        note,
    })
}
