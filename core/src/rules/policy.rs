//! Sampling policies: ratio, minimum and maximum per item (or item kind) and stratum,
//! as data with provenance.
//!
//! Sources: 国办发〔2015〕58号 (c) — ratios and frequencies set locally, more checks
//! for enterprises with complaints or abnormal records (\[S], 2015-08-05 onward);
//! 国市监信〔2019〕38号 二(一) — 重点 items uncapped, 一般 items "严格进行限制"
//! (\[S], confirmed in RULES-ADDENDUM §5, 2019-02-12 onward); 国市监信发〔2022〕6号 —
//! ratios by credit-risk class A–D (\[S], 2022-01-13 onward, no national numbers).
//! No national rule fixes a number for a stratum, so every number is policy data
//! carrying its own [`Provenance`].
//!
//! # How a row is chosen for an item
//! Rows target one item (`item`), all items of a kind (`item_kind`), or every item
//! (neither). For each plan item the most specific non-empty group wins: rows naming
//! the item, else rows naming its kind, else rows naming neither. Inside the chosen
//! group every row must constrain the same stratum fields (all `credit=…`, all
//! `risk=…`, all `credit=…;risk=…`, or one `all` row) so that the strata partition the
//! enterprises; an enterprise that falls in none of them is reported with reason
//! `no_stratum`. If no group applies, the item's `default_ratio` from the catalog is
//! used as the single stratum `all`, with the item's provenance.
//!
//! # Sources of these rules
//! * **Per item, per kind** — the county plan (seed, \[S]) draws "按清单规定比例", the
//!   ratio the 抽查事项清单 gives each item; 38号 二(一) gives rules per item kind
//!   (重点 / 一般). "Item beats kind beats all" is the project's reading of the two
//!   together: the item's own ratio is the more specific statement.
//! * **One stratum per enterprise** — 6号文's classes A–D and 令49 Art. 21's risk grades
//!   A–D are each exclusive, so rows stratifying by one field partition the
//!   enterprises; mixing fields in one group would let an enterprise fall in two strata
//!   (`stratum_overlap`). The partition requirement is the project's, so that every
//!   enterprise is counted once.
//! * **The catalog's `default_ratio`** — the ratio written in the 抽查事项清单 itself
//!   (seed: "按清单规定比例"); used only when the policy names nothing for the item.
//! * **The quota of a stratum** (ceiling, `min`/`max` clamps, `min_above_max`) — see
//!   [`quota`](mod@super::quota), which cites its own sources.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::quota::QuotaRule;
use super::stratum::StratumKey;
use crate::model::{Catalog, ItemId, ItemKind, Provenance, Ratio, SupervisionItem};
use crate::{Error, Result, RulesCode};

/// One row of a sampling policy.
///
/// ```
/// let row: shuangsuiji::rules::PolicyRow = serde_json::from_str(
///     r#"{"item_kind":"general","stratum":{"credit_class":"A"},"ratio":"2/100","max":50}"#,
/// ).unwrap();
/// assert_eq!(row.ratio.to_string(), "2/100");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyRow {
    /// The one item this row applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// All items of this kind (重点/一般). Exclusive with `item`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_kind: Option<ItemKind>,
    /// The stratum (empty = `all`).
    #[serde(default)]
    pub stratum: StratumKey,
    /// Sampling ratio `p/q`.
    pub ratio: Ratio,
    /// Minimum count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// Maximum count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// Where this row comes from, if it differs from the policy's provenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// Why this number (e.g. "lower bound of the documented 5–20 % range").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PolicyRow {
    /// The quota numbers of this row.
    #[must_use]
    pub const fn quota_rule(&self) -> QuotaRule {
        QuotaRule {
            ratio: self.ratio,
            min: self.min,
            max: self.max,
        }
    }
}

/// A sampling policy: named rows with a common provenance.
///
/// ```
/// use shuangsuiji::rules::SamplingPolicy;
/// let p: SamplingPolicy = serde_json::from_str(r#"{
///   "name": "local",
///   "provenance": {"document": "本局2025年抽查计划", "verification": "local"},
///   "rows": [{"ratio": "5/100"}]
/// }"#).unwrap();
/// p.validate().unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SamplingPolicy {
    /// Name of the policy (a preset's name, or the user's).
    pub name: String,
    /// Source of the policy and the period it is in force.
    pub provenance: Provenance,
    /// The rows.
    pub rows: Vec<PolicyRow>,
}

/// The rule the policy gives one item in one stratum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumRule {
    /// The stratum.
    pub stratum: StratumKey,
    /// Ratio, minimum and maximum.
    pub rule: QuotaRule,
    /// Provenance of the numbers.
    pub provenance: Provenance,
    /// Note carried from the policy row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target<'a> {
    Item(&'a ItemId),
    Kind(ItemKind),
    Every,
}

impl SamplingPolicy {
    /// Checks every row: `min ≤ max`, `item` and `item_kind` not both set, no two rows
    /// with the same target and stratum, and one stratum shape per target group.
    ///
    /// # Errors
    /// `min_above_max`, `policy_target_invalid`, `stratum_duplicate`,
    /// `stratum_overlap`, and `date_range_invalid` for a bad provenance period.
    pub fn validate(&self) -> Result<()> {
        self.provenance
            .validity()
            .validate()
            .map_err(|e| e.within("provenance"))?;
        let mut seen: BTreeSet<(String, StratumKey)> = BTreeSet::new();
        for (i, row) in self.rows.iter().enumerate() {
            let at = format!("rows[{i}]");
            row.quota_rule().validate().map_err(|e| e.within(&at))?;
            if let Some(p) = &row.provenance {
                p.validity()
                    .validate()
                    .map_err(|e| e.within(&format!("{at}.provenance")))?;
            }
            let target = target_of(row).map_err(|e| e.within(&at))?;
            let tkey = target_key(target);
            if !seen.insert((tkey.clone(), row.stratum)) {
                return Err(Error::new(
                    RulesCode::StratumDuplicate,
                    format!("two rows for target {tkey} and stratum {}", row.stratum),
                )
                .with_field(format!("{at}.stratum"))
                .with_value(row.stratum.to_string()));
            }
            let first_same_target = self
                .rows
                .iter()
                .find(|r| target_of(r).ok() == Some(target))
                .map(|r| r.stratum);
            if let Some(first) = first_same_target {
                if first.shape() != row.stratum.shape() {
                    return Err(Error::new(
                        RulesCode::StratumOverlap,
                        format!(
                            "rows for target {tkey} mix stratum {first} with {}; one group must stratify by the same fields",
                            row.stratum
                        ),
                    )
                    .with_field(format!("{at}.stratum"))
                    .with_value(row.stratum.to_string()));
                }
            }
        }
        Ok(())
    }

    /// Checks that every item the rows name is in the catalog.
    ///
    /// # Errors
    /// `item_unknown`.
    pub fn check_items(&self, catalog: &Catalog) -> Result<()> {
        for (i, row) in self.rows.iter().enumerate() {
            if let Some(id) = &row.item {
                if catalog.item(id).is_none() {
                    return Err(Error::new(
                        RulesCode::ItemUnknown,
                        format!(
                            "policy row names item {} which is not in the catalog",
                            id.as_str()
                        ),
                    )
                    .with_field(format!("rows[{i}].item"))
                    .with_value(id.as_str()));
                }
            }
        }
        Ok(())
    }

    /// Whether the policy is in force on `date`.
    #[must_use]
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.provenance.validity().contains(date)
    }

    /// The stratum rules for one item, sorted by stratum key text (see the module docs
    /// for how the rows are chosen).
    ///
    /// # Errors
    /// `policy_missing` if no row applies and the item has no `default_ratio`.
    pub fn rules_for(&self, item: &SupervisionItem) -> Result<Vec<StratumRule>> {
        let groups = [
            Target::Item(&item.id),
            Target::Kind(item.kind),
            Target::Every,
        ];
        for g in groups {
            let mut rules: Vec<StratumRule> = self
                .rows
                .iter()
                .filter(|r| target_of(r).ok() == Some(g))
                .map(|r| StratumRule {
                    stratum: r.stratum,
                    rule: r.quota_rule(),
                    provenance: r
                        .provenance
                        .clone()
                        .unwrap_or_else(|| self.provenance.clone()),
                    note: r.note.clone(),
                })
                .collect();
            if !rules.is_empty() {
                rules.sort_by_key(|r| r.stratum.to_string());
                return Ok(rules);
            }
        }
        match item.default_ratio {
            Some(ratio) => Ok(vec![StratumRule {
                stratum: StratumKey::ALL,
                rule: QuotaRule {
                    ratio,
                    min: None,
                    max: None,
                },
                provenance: item.provenance.clone(),
                note: Some("the catalog item's default_ratio".to_owned()),
            }]),
            None => Err(Error::new(
                RulesCode::PolicyMissing,
                format!(
                    "policy {} has no row for item {} and the item has no default_ratio",
                    self.name,
                    item.id.as_str()
                ),
            )
            .with_value(item.id.as_str())),
        }
    }
}

fn target_of(row: &PolicyRow) -> Result<Target<'_>> {
    match (&row.item, row.item_kind) {
        (Some(_), Some(_)) => Err(Error::new(
            RulesCode::PolicyTargetInvalid,
            "a policy row names both an item and an item kind",
        )
        .with_field("item_kind")),
        (Some(id), None) => Ok(Target::Item(id)),
        (None, Some(k)) => Ok(Target::Kind(k)),
        (None, None) => Ok(Target::Every),
    }
}

fn target_key(t: Target<'_>) -> String {
    match t {
        Target::Item(id) => format!("item={}", id.as_str()),
        Target::Kind(k) => format!("item_kind={}", k.as_str()),
        Target::Every => "every_item".to_owned(),
    }
}
