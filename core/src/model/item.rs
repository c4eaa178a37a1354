//! Supervision items (抽查事项) of the item catalog (监管事项清单).

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

use super::authority::ascii_id;
use super::label::labelled_enum;
use super::{DepartmentCode, Enterprise, LegalRef, Provenance, Ratio, Validity};
use crate::{Error, ModelCode, Result};

/// A stable item id, e.g. `market.food_production`. Printable ASCII, 1–64 characters.
///
/// ```
/// assert!(shuangsuiji::model::ItemId::parse("fire.safety").is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ItemId(Arc<str>);

impl ItemId {
    /// Parses an item id.
    ///
    /// # Errors
    /// `item_id_invalid` if empty, too long or not printable ASCII.
    pub fn parse(input: &str) -> Result<Self> {
        ascii_id(input, ModelCode::ItemIdInvalid, "an item id").map(|s| Self(s.into()))
    }

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

labelled_enum! {
    /// 重点检查事项 or 一般检查事项 (国市监信〔2019〕38号 二(一)).
    pub enum ItemKind (ModelCode::ItemKindUnknown) {
        /// 重点检查事项: safety, quality, public interest; ratio not capped nationally.
        Key = "key" ["重点", "重点检查事项", "重点事项"],
        /// 一般检查事项: ratio to be strictly limited.
        General = "general" ["一般", "一般检查事项", "一般事项"],
    }
}

labelled_enum! {
    /// Whether the item is checked in a cross-department joint visit or alone.
    pub enum CheckForm (ModelCode::ItemKindUnknown) {
        /// 跨部门联合检查.
        Joint = "joint" ["联合", "联合检查", "部门联合", "跨部门联合"],
        /// 单部门检查.
        Single = "single" ["单独", "单部门", "本部门"],
    }
}

/// How often an item is checked: `times` per `years` (e.g. 1 per 2 years).
///
/// ```
/// let f: shuangsuiji::model::Frequency = serde_json::from_str(r#"{"times":1,"years":2}"#).unwrap();
/// assert_eq!((f.times, f.years), (1, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    /// Number of checks.
    pub times: u32,
    /// Per this many years.
    pub years: u32,
}

/// Which enterprises an item applies to. Empty lists mean "no restriction".
///
/// A category pattern `p` matches an enterprise category `c` when `c == p` or `c`
/// starts with `p` followed by `:` (so `food_production` matches
/// `food_production:dairy`).
///
/// ```
/// use shuangsuiji::model::Applicability;
/// let a = Applicability { categories: ["food_production".to_owned()].into(), ..Default::default() };
/// assert!(a.matches_category("food_production:dairy"));
/// assert!(!a.matches_category("food_production_x"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    /// Industry / licence category patterns; the enterprise needs one matching category.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub categories: BTreeSet<String>,
    /// Category patterns that exclude an enterprise even if another category matches.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub exclude_categories: BTreeSet<String>,
}

fn pattern_matches(pattern: &str, category: &str) -> bool {
    category == pattern
        || (category.len() > pattern.len()
            && category.starts_with(pattern)
            && category.as_bytes()[pattern.len()] == b':')
}

impl Applicability {
    /// Whether one enterprise category matches the scope's categories.
    #[must_use]
    pub fn matches_category(&self, category: &str) -> bool {
        self.categories.iter().any(|p| pattern_matches(p, category))
    }

    /// Whether the item applies to the enterprise's categories.
    #[must_use]
    pub fn applies_to(&self, enterprise: &Enterprise) -> bool {
        let included = self.categories.is_empty()
            || enterprise
                .categories
                .iter()
                .any(|c| self.matches_category(c));
        let excluded = enterprise.categories.iter().any(|c| {
            self.exclude_categories
                .iter()
                .any(|p| pattern_matches(p, c))
        });
        included && !excluded
    }
}

/// One supervision item (抽查事项) with its legal basis and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionItem {
    /// Stable id.
    pub id: ItemId,
    /// 抽查事项名称.
    pub name: String,
    /// 抽查子项.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<String>,
    /// 抽查主体: the responsible department.
    pub department: DepartmentCode,
    /// 检查内容.
    #[serde(default)]
    pub content: String,
    /// 重点 / 一般.
    pub kind: ItemKind,
    /// Joint or single-department.
    pub form: CheckForm,
    /// Which enterprises the item applies to.
    #[serde(default)]
    pub applies_to: Applicability,
    /// Default sampling ratio when the plan's policy gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_ratio: Option<Ratio>,
    /// 抽查频次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// 抽查依据: legal basis for checking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_basis: Vec<LegalRef>,
    /// 违法行为处理的法律依据及违法责任.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub liability_basis: Vec<LegalRef>,
    /// Ids of leniency-menu entries (轻微免罚情形) that may apply to findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leniency_refs: Vec<String>,
    /// First day the item is in force (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<chrono::NaiveDate>,
    /// Last day the item is in force (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<chrono::NaiveDate>,
    /// Where the item comes from.
    pub provenance: Provenance,
}

impl SupervisionItem {
    /// Checks non-empty name and a valid date range.
    ///
    /// # Errors
    /// `text_empty`, `date_range_invalid`.
    pub fn validate(&self) -> Result<()> {
        super::text::required_text(&self.name, "name")?;
        self.validity().validate()?;
        self.provenance.validity().validate()
    }

    /// The period the item is in force.
    #[must_use]
    pub const fn validity(&self) -> Validity {
        Validity {
            effective_from: self.effective_from,
            effective_to: self.effective_to,
        }
    }
}
