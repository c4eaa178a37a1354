//! Frequency and coverage (监管频次): which enterprises are due a check of an item, as of
//! the plan date.
//!
//! Sources: 《食品生产经营监督检查管理办法》 (SAMR 令49, in force 2022-03-15) Art. 22 \[V]:
//! "市场监督管理部门应当每两年对本行政区域内所有食品生产经营者至少进行一次覆盖全部检查要点
//! 的监督检查" (preset `food_art22`: once every two years); the 抽查事项清单's own
//! 监管频次 (the seed: each item states 监管频次; [`SupervisionItem::frequency`], with the
//! item's provenance; source `catalog`). Art. 22 para. 2 (重点监督检查 of special-food
//! producers and C/D risk grades, "可以根据实际情况增加日常监督检查频次") gives no number
//! and is left to the catalog's frequency.
//!
//! An enterprise is **due** for an item when, in the window of the frequency's `years`
//! ending on the plan date (from the day after the same date `years` years earlier, to
//! the plan date, both inclusive), it had fewer than `times` checks that are 监督检查
//! ([`SUPERVISION_KINDS`]) naming the item, made by an
//! authority of the item's department. Only enterprises that pass every exclusion rule
//! are listed (a due enterprise that is capped or out of scope stays excluded).
//!
//! The coverage list is reported per item, apart from the random strata. With
//! `force_due` the due enterprises are forced in (`forced_in`, why `frequency_due`):
//! they are taken out of their strata before `N` and the quota are counted, so the
//! random draw over the rest stays verifiable and the forced list is public.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::hierarchy::SUPERVISION_KINDS;
use crate::model::{CheckRecord, Frequency, Provenance, SupervisionItem, Uscc, Verification};

/// Where the frequency of an item comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrequencySource {
    /// The catalog item's `frequency` (监管频次), with the item's provenance; items
    /// without one get no coverage list.
    #[default]
    Catalog,
    /// 令49 Art. 22 para. 1: once every two years, for every item of the `market`
    /// department (the catalog's frequency, if stricter, is not used).
    FoodArt22,
}

/// Coverage options of a plan.
///
/// ```
/// let c: shuangsuiji::rules::CoverageConfig = serde_json::from_str(r#"{"source":"food_art22","force_due":true}"#).unwrap();
/// assert!(c.force_due);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageConfig {
    /// The frequency source.
    #[serde(default)]
    pub source: FrequencySource,
    /// Force the due enterprises in, outside the random quota.
    #[serde(default)]
    pub force_due: bool,
}

/// One enterprise due a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DueEntry {
    /// The enterprise.
    pub uscc: Uscc,
    /// Counted checks in the window (< `times`).
    pub checks: u64,
    /// Date of the latest counted check before the window, or in it; none if never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_check: Option<NaiveDate>,
}

/// The coverage list of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemCoverage {
    /// The frequency applied.
    pub frequency: Frequency,
    /// Where it comes from.
    pub provenance: Provenance,
    /// First day of the window (inclusive); the last is the plan date.
    pub window_from: NaiveDate,
    /// Enterprises due a check, sorted by USCC.
    pub due: Vec<DueEntry>,
}

fn art22() -> Provenance {
    Provenance {
        document: "食品生产经营监督检查管理办法（国家市场监督管理总局令第49号）".to_owned(),
        article: Some("第二十二条第一款".to_owned()),
        verification: Verification::Verified,
        effective_from: NaiveDate::from_ymd_opt(2022, 3, 15),
        effective_to: None,
        note: Some("每两年至少一次覆盖全部检查要点的监督检查".to_owned()),
    }
}

/// The frequency and provenance that apply to `item` under `source`, if any.
///
/// ```
/// use shuangsuiji::model::SupervisionItem;
/// use shuangsuiji::rules::{FrequencySource, item_frequency};
/// let item: SupervisionItem = serde_json::from_value(serde_json::json!({
///     "id": "market.food_production", "name": "食品生产", "department": "market",
///     "kind": "key", "form": "joint",
///     "provenance": {"document": "清单", "verification": "local"}})).unwrap();
/// assert!(item_frequency(&item, FrequencySource::Catalog).is_none());
/// let (f, p) = item_frequency(&item, FrequencySource::FoodArt22).unwrap();
/// assert_eq!((f.times, f.years), (1, 2));
/// assert_eq!(p.article.as_deref(), Some("第二十二条第一款"));
/// ```
#[must_use]
pub fn item_frequency(
    item: &SupervisionItem,
    source: FrequencySource,
) -> Option<(Frequency, Provenance)> {
    match source {
        FrequencySource::Catalog => item.frequency.map(|f| (f, item.provenance.clone())),
        FrequencySource::FoodArt22 => (item.department.as_str() == "market")
            .then(|| (Frequency { times: 1, years: 2 }, art22())),
    }
}

/// First day of the window of `years` years ending on `date`.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// assert_eq!(shuangsuiji::rules::window_from(d("2026-03-01"), 2), d("2024-03-02"));
/// assert_eq!(shuangsuiji::rules::window_from(d("2024-02-29"), 1), d("2023-03-01"));
/// ```
#[must_use]
pub fn window_from(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(years.saturating_mul(12)))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(NaiveDate::MIN)
}

/// `Some(entry)` if the enterprise with history `history` (its own rows) is due a
/// check of `item` on `date` under `frequency`.
///
/// ```
/// use shuangsuiji::model::{CheckRecord, Frequency, SupervisionItem, Uscc};
/// use shuangsuiji::rules::due_entry;
/// let item: SupervisionItem = serde_json::from_value(serde_json::json!({
///     "id": "market.food_production", "name": "食品生产", "department": "market",
///     "kind": "key", "form": "joint",
///     "provenance": {"document": "清单", "verification": "local"}})).unwrap();
/// let u = Uscc::parse("91350100M000100Y43").unwrap();
/// let check: CheckRecord = serde_json::from_value(serde_json::json!({
///     "task_id": "T", "uscc": u.as_str(), "date": "2025-05-01", "kind": "random",
///     "items": ["market.food_production"],
///     "authority": {"id": "c", "department": "market", "level": "county", "jurisdiction": "150581"}})).unwrap();
/// let every2 = Frequency { times: 1, years: 2 };
/// let d = "2026-03-01".parse().unwrap();
/// assert!(due_entry(u, &item, every2, d, [&check]).is_none());
/// assert_eq!(due_entry(u, &item, every2, d, []).unwrap().checks, 0);
/// ```
pub fn due_entry<'a>(
    uscc: Uscc,
    item: &SupervisionItem,
    frequency: Frequency,
    date: NaiveDate,
    history: impl IntoIterator<Item = &'a CheckRecord>,
) -> Option<DueEntry> {
    let from = window_from(date, frequency.years);
    let mut dates: Vec<NaiveDate> = history
        .into_iter()
        .filter(|r| {
            r.authority.department == item.department
                && SUPERVISION_KINDS.contains(&r.kind)
                && r.items.contains(&item.id)
                && r.date <= date
        })
        .map(|r| r.date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let checks = u64::try_from(dates.iter().filter(|d| **d >= from).count()).unwrap_or(u64::MAX);
    (checks < u64::from(frequency.times)).then(|| DueEntry {
        uscc,
        checks,
        last_check: dates.last().copied(),
    })
}
