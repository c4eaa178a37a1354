//! The yearly per-enterprise visit cap.
//!
//! Sources: the county plan (霍林郭勒市 食品生产领域"综合监管一件事"试点方案, \[S], the
//! project's seed document): "原则上同一年度内同一企业抽查次数不超过2次"; 国办发〔2024〕54号
//! (published 2025-01-03, \[S]): localities must publish a yearly per-enterprise check cap
//! by end-June 2025. **No national number exists** (RULES.md §7), so the cap is a
//! configurable parameter with default 2 (the county plan's).
//!
//! * The cap counts **visits** in the plan's calendar year, not rows: rows with the same
//!   [`CheckRecord::visit_key`] are one visit (one joint visit checking many items counts
//!   once — 优化营商环境条例 Art. 54 \[V]: "进一次门、查多项事").
//! * Only visits of the counted kinds count (default `random` and `special`); the
//!   个案检查 categories of the 卫健 2025 template (complaint, referred case, assisting a
//!   higher level, audit, off-site lead, media exposure, rectification recheck, enterprise
//!   request, licensing site check, emergency) do not (\[S], RULES.md §7).
//! * Scope: visits by this authority only, by every authority, or by authorities of the
//!   same level as the planning authority (卫健: "each level ≤ 2").
//! * Default scope `all_authorities`: the county plan limits how often an enterprise is
//!   checked, whoever checks it ("防止检查过多和执法扰民", 国办发〔2015〕58号 (c)).
//!
//! An enterprise with `visits ≥ limit` is excluded with `yearly_cap_reached`; the
//! evidence lists every counted visit (task ids, dates, authorities).

use std::collections::BTreeSet;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::reason::{Reason, ReasonCode, group_visits};
use crate::model::{Authority, CheckKind, CheckRecord};
use crate::{Error, Result, RulesCode};

/// Whose visits count towards the cap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapScope {
    /// Only visits by the planning authority (same authority id).
    ThisAuthority,
    /// Visits by any authority.
    #[default]
    AllAuthorities,
    /// Visits by authorities of the planning authority's level.
    SameLevel,
}

fn default_limit() -> u32 {
    2
}

fn default_kinds() -> BTreeSet<CheckKind> {
    [CheckKind::Random, CheckKind::Special].into()
}

/// Yearly cap configuration.
///
/// ```
/// let c: shuangsuiji::rules::CapConfig = serde_json::from_str("{}").unwrap();
/// assert_eq!(c.limit, 2);
/// assert_eq!(c.counted_kinds.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapConfig {
    /// Maximum visits per enterprise per calendar year (≥ 1).
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// Whose visits count.
    #[serde(default)]
    pub scope: CapScope,
    /// Which kinds of check count; every other kind is an exception.
    #[serde(default = "default_kinds")]
    pub counted_kinds: BTreeSet<CheckKind>,
}

impl Default for CapConfig {
    fn default() -> Self {
        Self {
            limit: default_limit(),
            scope: CapScope::default(),
            counted_kinds: default_kinds(),
        }
    }
}

impl CapConfig {
    /// Checks `limit ≥ 1` (a cap of 0 would exclude everyone; turn the cap off instead).
    ///
    /// # Errors
    /// `cap_invalid`.
    pub fn validate(&self) -> Result<()> {
        if self.limit == 0 {
            return Err(Error::new(
                RulesCode::CapInvalid,
                "a yearly cap of 0 visits excludes every enterprise; omit the cap instead",
            )
            .with_field("cap.limit")
            .with_value("0"));
        }
        Ok(())
    }

    /// `yearly_cap_reached` with the counted visits if the enterprise's history (its own
    /// records) reaches the cap in calendar year `year`.
    ///
    /// ```
    /// use shuangsuiji::model::{Authority, CheckRecord};
    /// use shuangsuiji::rules::CapConfig;
    /// let a: Authority = serde_json::from_str(
    ///     r#"{"id":"c","department":"market","level":"county","jurisdiction":"150581"}"#).unwrap();
    /// let visit = |task: &str, date: &str| -> CheckRecord { serde_json::from_value(serde_json::json!({
    ///     "task_id": task, "uscc": "91350100M000100Y43", "date": date,
    ///     "authority": a, "kind": "random"})).unwrap() };
    /// let h = [visit("T1", "2025-03-01"), visit("T2", "2025-06-01")];
    /// let r = CapConfig::default().reason(&a, 2025, h.iter()).unwrap();
    /// assert_eq!(r.visits.len(), 2);
    /// assert!(CapConfig::default().reason(&a, 2025, h[..1].iter()).is_none());
    /// ```
    pub fn reason<'a>(
        &self,
        authority: &Authority,
        year: i32,
        history: impl IntoIterator<Item = &'a CheckRecord>,
    ) -> Option<Reason> {
        let counted = history.into_iter().filter(|r| {
            r.date.year() == year
                && self.counted_kinds.contains(&r.kind)
                && match self.scope {
                    CapScope::ThisAuthority => r.authority.id == authority.id,
                    CapScope::AllAuthorities => true,
                    CapScope::SameLevel => r.authority.level == authority.level,
                }
        });
        let visits = group_visits(counted);
        let n = u64::try_from(visits.len()).unwrap_or(u64::MAX);
        (n >= u64::from(self.limit)).then(|| {
            let mut r = Reason::new(ReasonCode::YearlyCapReached)
                .with("limit", self.limit.to_string())
                .with("visits", n.to_string())
                .with("year", year.to_string());
            r.visits = visits;
            r
        })
    }
}
