//! The yearly per-enterprise visit cap.
//!
//! Sources: the county plan (霍林郭勒市 食品生产领域"综合监管一件事"试点方案, \[S], the
//! project's seed document): "原则上同一年度内同一企业抽查次数不超过2次"; 国办发〔2024〕54号
//! (published 2025-01-03, \[S]): localities must publish a yearly per-enterprise check cap
//! by end-June 2025. **No national number exists** (RULES.md §7), so the cap is a
//! configurable parameter, and the documented local caps are bundled as dated **cap
//! presets** with their sources ([`cap_preset`](mod@super::cap_preset)).
//!
//! * The cap counts **visits** in the plan's calendar year, not rows: rows with the same
//!   [`CheckRecord::visit_key`] are one visit (one joint visit checking many items counts
//!   once — 优化营商环境条例 Art. 54 \[V]: "进一次门、查多项事").
//! * Only visits of the counted kinds count. Which kinds is part of each preset, with
//!   its source: the county plan caps 抽查次数 (random checks only, preset
//!   `huolinguole_2024`); the 卫健 2025 template counts every check except its ten
//!   listed 个案检查 categories (complaint, referred case, assisting a higher level,
//!   audit, off-site lead, media exposure, rectification recheck, enterprise request,
//!   licensing site check, emergency; preset `weijian_2025`). The **default** counts
//!   `random` and `special`: the limit 2 and the scope are the county plan's, counting
//!   专项 checks too is the project's choice (a planned on-site check disturbs the
//!   enterprise as a random one does; 太原 2025 counts 日常 + 专项), wider than the seed's
//!   抽查次数 — name `huolinguole_2024` for the seed's own reading.
//! * Scope: visits by this authority only, by every authority, by authorities of the
//!   same level as the planning authority (卫健: "each level ≤ 2"), or by authorities of
//!   its department (广东 2025: "市场监管部门 … 原则上不得重复抽查").
//! * Default scope `all_authorities`: the county plan limits how often an enterprise is
//!   checked, whoever checks it ("防止检查过多和执法扰民", 国办发〔2015〕58号 (c)).
//! * **Per-class caps** (`class_limits`): the limit for enterprises of a credit class
//!   replaces `limit` (广东 2025: class A not checked twice a year, RULES.md §7 / R2.3).
//! * **Combined multi-level caps** (`level_limit`): besides `limit` over the scope, the
//!   visits by authorities of the planning authority's level are capped (卫健 2025:
//!   "each level ≤ 2, city and county together ≤ 4" → `limit` 4, `level_limit` 2).
//!
//! An enterprise that reaches a limit is excluded with `yearly_cap_reached`; the
//! evidence lists every counted visit (task ids, dates, authorities) and the detail
//! names the limit that was reached (`limit`, `class_limit` or `level_limit`).
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs` and the unit tests below.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::reason::{Reason, ReasonCode, VisitEvidence, group_visits};
use crate::model::{Authority, CheckKind, CheckRecord, CreditClass, Provenance};
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
    /// Visits by authorities of the planning authority's department, any level
    /// (广东 2025: "市场监管部门 … 不得重复抽查").
    SameDepartment,
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
    /// Per credit class, a limit that replaces `limit` for enterprises of that class
    /// (each ≥ 1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub class_limits: BTreeMap<CreditClass, u32>,
    /// A further limit on the visits by authorities of the planning authority's level
    /// (≥ 1; ≤ `limit` to mean anything). Counted with the same kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_limit: Option<u32>,
    /// Where the numbers come from (set by the bundled cap presets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Default for CapConfig {
    fn default() -> Self {
        Self {
            limit: default_limit(),
            scope: CapScope::default(),
            counted_kinds: default_kinds(),
            class_limits: BTreeMap::new(),
            level_limit: None,
            provenance: None,
        }
    }
}

fn zero_cap(field: String) -> Error {
    Error::new(
        RulesCode::CapInvalid,
        "a yearly cap of 0 visits excludes every enterprise; omit the cap instead",
    )
    .with_field(field)
    .with_value("0")
}

impl CapConfig {
    /// Checks `limit ≥ 1`, every class limit ≥ 1 and `level_limit ≥ 1` (a cap of 0
    /// would exclude everyone; turn the cap off instead).
    ///
    /// # Errors
    /// `cap_invalid`.
    pub fn validate(&self) -> Result<()> {
        if self.limit == 0 {
            return Err(zero_cap("cap.limit".to_owned()));
        }
        if let Some((c, _)) = self.class_limits.iter().find(|(_, n)| **n == 0) {
            return Err(zero_cap(format!("cap.class_limits.{}", c.as_str())));
        }
        if self.level_limit == Some(0) {
            return Err(zero_cap("cap.level_limit".to_owned()));
        }
        Ok(())
    }

    /// `yearly_cap_reached` with the counted visits if the history of an enterprise of
    /// credit class `class` (its own records) reaches a limit in calendar year `year`:
    /// the class's limit (or `limit`) over the scope, then `level_limit` over the
    /// planning authority's level.
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
    /// let b = shuangsuiji::model::CreditClass::B;
    /// let r = CapConfig::default().reason(&a, b, 2025, h.iter()).unwrap();
    /// assert_eq!(r.visits.len(), 2);
    /// assert!(CapConfig::default().reason(&a, b, 2025, h[..1].iter()).is_none());
    /// ```
    pub fn reason<'a>(
        &self,
        authority: &Authority,
        class: CreditClass,
        year: i32,
        history: impl IntoIterator<Item = &'a CheckRecord>,
    ) -> Option<Reason> {
        let counted: Vec<&CheckRecord> = history
            .into_iter()
            .filter(|r| r.date.year() == year && self.counted_kinds.contains(&r.kind))
            .collect();
        let in_scope = counted.iter().copied().filter(|r| match self.scope {
            CapScope::ThisAuthority => r.authority.id == authority.id,
            CapScope::AllAuthorities => true,
            CapScope::SameLevel => r.authority.level == authority.level,
            CapScope::SameDepartment => r.authority.department == authority.department,
        });
        let visits = group_visits(in_scope);
        let n = u64::try_from(visits.len()).unwrap_or(u64::MAX);
        let (key, limit) = self
            .class_limits
            .get(&class)
            .map_or(("limit", self.limit), |l| ("class_limit", *l));
        let reached = |key: &'static str, limit: u32, n: u64, visits: Vec<VisitEvidence>| {
            let mut r = Reason::new(ReasonCode::YearlyCapReached)
                .with(key, limit.to_string())
                .with("visits", n.to_string())
                .with("year", year.to_string());
            if key == "class_limit" {
                r = r.with("credit_class", class.as_str());
            }
            r.visits = visits;
            r
        };
        if n >= u64::from(limit) {
            return Some(reached(key, limit, n, visits));
        }
        let level_limit = self.level_limit?;
        let level = group_visits(
            counted
                .into_iter()
                .filter(|r| r.authority.level == authority.level),
        );
        let m = u64::try_from(level.len()).unwrap_or(u64::MAX);
        (m >= u64::from(level_limit)).then(|| {
            reached("level_limit", level_limit, m, level).with("level", authority.level.as_str())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn auth(id: &str, dept: &str, level: &str, jur: &str) -> Authority {
        serde_json::from_value(
            json!({"id": id, "department": dept, "level": level, "jurisdiction": jur}),
        )
        .unwrap()
    }

    fn visit(task: &str, date: &str, a: &Authority) -> CheckRecord {
        serde_json::from_value(json!({
            "task_id": task, "uscc": "91350100M000100Y43", "date": date,
            "authority": a, "kind": "random"}))
        .unwrap()
    }

    #[test]
    fn class_and_level_limits() {
        let county = auth("c", "market", "county", "150581");
        let city = auth("p", "market", "prefecture", "150500");
        let h = [visit("T1", "2025-03-01", &county)];
        let cap = CapConfig {
            class_limits: [(CreditClass::A, 1)].into(),
            ..CapConfig::default()
        };
        assert!(
            cap.reason(&county, CreditClass::A, 2025, h.iter())
                .is_some()
        );
        assert!(
            cap.reason(&county, CreditClass::B, 2025, h.iter())
                .is_none()
        );
        let cap = CapConfig {
            limit: 4,
            level_limit: Some(2),
            ..CapConfig::default()
        };
        let two_county = [
            visit("T1", "2025-03-01", &county),
            visit("T2", "2025-04-01", &county),
        ];
        let r = cap
            .reason(&county, CreditClass::B, 2025, two_county.iter())
            .unwrap();
        assert_eq!(r.detail.get("level_limit"), Some("2"));
        let mixed = [
            visit("T1", "2025-03-01", &county),
            visit("T2", "2025-04-01", &city),
            visit("T3", "2025-05-01", &city),
        ];
        assert!(
            cap.reason(&county, CreditClass::B, 2025, mixed.iter())
                .is_none()
        );
        assert_eq!(
            CapConfig {
                level_limit: Some(0),
                ..CapConfig::default()
            }
            .validate()
            .unwrap_err()
            .code()
            .as_str(),
            "cap_invalid"
        );
    }
}
