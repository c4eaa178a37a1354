//! Reason codes: why an enterprise is or is not in the pool of an item.
//!
//! Sources: each code names the rule module that gives it, and that module cites its
//! document and article; the duty to give reasons is 国办发〔2015〕58号 (d) (公开) and
//! 《优化营商环境条例》 Art. 54 \[V]. Visits are grouped per [`CheckRecord::visit_key`]
//! (one joint visit counts once, Art. 54 进一次门、查多项事).
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{CheckKind, CheckRecord, ItemId};

/// Why an enterprise is outside (or forced into) an item's random pool. Serialises as
/// a stable snake_case string; these strings are API.
///
/// | Code | Meaning | Rule |
/// |---|---|---|
/// | `outside_jurisdiction` | registered outside the planning authority's territory | [`super::applicability`] |
/// | `deregistered` | 注销 | [`super::status`] |
/// | `revoked` | 吊销 | [`super::status`] |
/// | `moved_out` | 迁出 | [`super::status`] |
/// | `not_in_item_scope` | the item does not apply to the enterprise's categories | [`super::applicability`] |
/// | `yearly_cap_reached` | the yearly per-enterprise visit cap is reached | [`super::cap`] |
/// | `checked_by_higher_level` | a covering higher-level authority checked it (whole year, or the same item within 3 months) | [`super::hierarchy`] |
/// | `no_stratum` | the policy's strata for the item do not cover the enterprise (e.g. no food risk grade under a risk-graded policy) | [`super::policy`] |
/// | `forced_in` | always checked, outside the random quota | [`super::force`] |
/// | `tag_focus` | 重点检查: a tag's effect checks it on purpose, outside the random pool | [`super::tag_effects`] |
/// | `tag_spared` | 无事不扰: a tag's effect spares it, checked within its period | [`super::tag_effects`] |
/// | `tag_ratio` | (on a stratum) a tag's effect draws its carriers at their own ratio | [`super::tag_effects`] |
///
/// ```
/// use shuangsuiji::rules::ReasonCode;
/// assert_eq!(serde_json::to_string(&ReasonCode::YearlyCapReached).unwrap(), "\"yearly_cap_reached\"");
/// assert_eq!(ReasonCode::MovedOut.as_str(), "moved_out");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonCode {
    /// Registered outside the authority's jurisdiction.
    OutsideJurisdiction,
    /// 注销.
    Deregistered,
    /// 吊销.
    Revoked,
    /// 迁出.
    MovedOut,
    /// The item's scope does not include the enterprise.
    NotInItemScope,
    /// The yearly visit cap is reached.
    YearlyCapReached,
    /// Checked by a covering higher-level authority.
    CheckedByHigherLevel,
    /// No stratum of the policy contains the enterprise.
    NoStratum,
    /// Forced into the check outside the random quota.
    ForcedIn,
    /// 重点检查 by a tag: checked on purpose, outside the random pool.
    TagFocus,
    /// 无事不扰 by a tag: checked within the tag effect's period.
    TagSpared,
    /// A tag's stratum with its own ratio.
    TagRatio,
}

impl ReasonCode {
    /// Every code, in report order.
    pub const ALL: &'static [Self] = &[
        Self::OutsideJurisdiction,
        Self::Deregistered,
        Self::Revoked,
        Self::MovedOut,
        Self::NotInItemScope,
        Self::YearlyCapReached,
        Self::CheckedByHigherLevel,
        Self::NoStratum,
        Self::ForcedIn,
        Self::TagFocus,
        Self::TagSpared,
        Self::TagRatio,
    ];

    /// The stable snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OutsideJurisdiction => "outside_jurisdiction",
            Self::Deregistered => "deregistered",
            Self::Revoked => "revoked",
            Self::MovedOut => "moved_out",
            Self::NotInItemScope => "not_in_item_scope",
            Self::YearlyCapReached => "yearly_cap_reached",
            Self::CheckedByHigherLevel => "checked_by_higher_level",
            Self::NoStratum => "no_stratum",
            Self::ForcedIn => "forced_in",
            Self::TagFocus => "tag_focus",
            Self::TagSpared => "tag_spared",
            Self::TagRatio => "tag_ratio",
        }
    }

    /// The reason in a few Chinese words, for lists a clerk or a citizen reads (the
    /// page's longer texts cite the rule as well).
    ///
    /// ```
    /// use shuangsuiji::rules::ReasonCode;
    /// assert_eq!(ReasonCode::YearlyCapReached.label_zh(), "本年度抽查次数已达上限");
    /// assert!(ReasonCode::ALL.iter().all(|r| !r.label_zh().is_empty()));
    /// ```
    #[must_use]
    pub const fn label_zh(self) -> &'static str {
        match self {
            Self::OutsideJurisdiction => "登记地不在本机关辖区",
            Self::Deregistered => "已注销",
            Self::Revoked => "已吊销营业执照",
            Self::MovedOut => "已迁出",
            Self::NotInItemScope => "本检查事项不适用于该企业",
            Self::YearlyCapReached => "本年度抽查次数已达上限",
            Self::CheckedByHigherLevel => "上级部门已检查",
            Self::NoStratum => "不属于方案的任何分层",
            Self::ForcedIn => "依规定必查，不参与随机抽取",
            Self::TagFocus => "按标签列为重点检查，不参与随机抽取",
            Self::TagSpared => "按标签无事不扰，本次不抽查",
            Self::TagRatio => "按标签适用单独的抽查比例",
        }
    }
}

/// One prior visit used as evidence: the rows of the history that share a
/// [`CheckRecord::visit_key`], merged.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitEvidence {
    /// Earliest date among the visit's rows.
    pub date: NaiveDate,
    /// The visit key.
    pub visit_key: String,
    /// Task ids (sorted, unique).
    pub task_ids: Vec<String>,
    /// Authority ids (sorted, unique).
    pub authorities: Vec<String>,
    /// Kinds of check (sorted, unique).
    pub kinds: Vec<CheckKind>,
    /// Items checked (sorted, unique).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemId>,
    /// For the 3-month rule: the last day the visit blocks (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_until: Option<NaiveDate>,
}

/// Groups history rows into visits (by [`CheckRecord::visit_key`]), sorted by date then
/// key. Independent of the order of `records`.
pub(crate) fn group_visits<'a>(
    records: impl IntoIterator<Item = &'a CheckRecord>,
) -> Vec<VisitEvidence> {
    #[derive(Default)]
    struct Acc {
        date: Option<NaiveDate>,
        tasks: BTreeSet<String>,
        auths: BTreeSet<String>,
        kinds: BTreeSet<CheckKind>,
        items: BTreeSet<ItemId>,
    }
    let mut map: BTreeMap<String, Acc> = BTreeMap::new();
    for r in records {
        let a = map.entry(r.visit_key()).or_default();
        a.date = Some(a.date.map_or(r.date, |d| d.min(r.date)));
        a.tasks.insert(r.task_id.clone());
        a.auths.insert(r.authority.id.clone());
        a.kinds.insert(r.kind);
        a.items.extend(r.items.iter().cloned());
    }
    let mut v: Vec<VisitEvidence> = map
        .into_iter()
        .filter_map(|(key, a)| {
            Some(VisitEvidence {
                date: a.date?,
                visit_key: key,
                task_ids: a.tasks.into_iter().collect(),
                authorities: a.auths.into_iter().collect(),
                kinds: a.kinds.into_iter().collect(),
                items: a.items.into_iter().collect(),
                blocked_until: None,
            })
        })
        .collect();
    v.sort();
    v
}

/// One reason with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The code.
    pub code: ReasonCode,
    /// Prior visits that justify it (cap, hierarchy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<VisitEvidence>,
    /// Further evidence as key/value text (status, division, limit …).
    #[serde(default, skip_serializing_if = "Detail::is_empty")]
    pub detail: Detail,
}

impl Reason {
    /// A reason without evidence.
    #[must_use]
    pub fn new(code: ReasonCode) -> Self {
        Self {
            code,
            visits: Vec::new(),
            detail: Detail::new(),
        }
    }

    /// Adds a key/value piece of evidence (a fixed text is kept without a copy).
    ///
    /// ```
    /// use shuangsuiji::rules::{Reason, ReasonCode};
    /// let r = Reason::new(ReasonCode::YearlyCapReached).with("limit", "2").with("year", 2026.to_string());
    /// assert_eq!((r.detail.get("limit"), r.detail.get("year")), (Some("2"), Some("2026")));
    /// ```
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<DetailText>) -> Self {
        self.detail.insert(key, value);
        self
    }
}

/// A text of a [`Detail`]: borrowed when the rules wrote a fixed text, owned otherwise.
pub type DetailText = Cow<'static, str>;

/// The evidence of a [`Reason`]: texts by key, each key once, in key order. Its
/// JSON is an object, as a `BTreeMap<String, String>`'s would be (a key given twice
/// keeps its last value).
///
/// An eligibility report holds one per exclusion, a million of them for a large roster
/// (issue #25): a map there cost a 544-byte node and a copy of every key and of every
/// fixed value; this is a short sorted list that keeps the rules' fixed texts borrowed.
///
/// ```
/// use shuangsuiji::rules::Detail;
/// let mut d = Detail::new();
/// d.insert("year", 2026.to_string());
/// d.insert("department", "market");
/// assert_eq!(d.get("year"), Some("2026"));
/// assert_eq!(d.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["department", "year"]);
/// assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"department":"market","year":"2026"}"#);
/// let back: Detail = serde_json::from_str(r#"{"year":"2025","department":"market"}"#).unwrap();
/// assert_eq!(back.get("year"), Some("2025"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail(Vec<(DetailText, DetailText)>);

impl Detail {
    /// No evidence.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// The text under `key`, if any.
    ///
    /// ```
    /// let d = shuangsuiji::rules::Detail::new();
    /// assert_eq!(d.get("year"), None);
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.position(key).ok().map(|i| self.0[i].1.as_ref())
    }

    /// Whether there is a text under `key`.
    ///
    /// ```
    /// let mut d = shuangsuiji::rules::Detail::new();
    /// d.insert("mode", "same_year");
    /// assert!(d.contains_key("mode") && !d.contains_key("year"));
    /// ```
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets the text under `key`, returning the text it replaces.
    ///
    /// ```
    /// let mut d = shuangsuiji::rules::Detail::new();
    /// assert_eq!(d.insert("visits", "1"), None);
    /// assert_eq!(d.insert("visits", 2.to_string()).as_deref(), Some("1"));
    /// assert_eq!(d.get("visits"), Some("2"));
    /// ```
    pub fn insert(
        &mut self,
        key: impl Into<DetailText>,
        value: impl Into<DetailText>,
    ) -> Option<DetailText> {
        let (key, value) = (key.into(), value.into());
        match self.position(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                // Room for one more only: most reasons carry one to three texts, and
                // the most frequent (`not_in_item_scope`) one.
                self.0.reserve_exact(1);
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The keys and texts, in key order.
    ///
    /// ```
    /// let mut d = shuangsuiji::rules::Detail::new();
    /// d.insert("b", "2");
    /// d.insert("a", "1");
    /// assert_eq!(d.iter().collect::<Vec<_>>(), [("a", "1"), ("b", "2")]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))
    }

    /// How many keys.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::rules::Detail::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no evidence.
    ///
    /// ```
    /// assert!(shuangsuiji::rules::Detail::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }
}

impl<K: Into<DetailText>, V: Into<DetailText>> FromIterator<(K, V)> for Detail {
    /// ```
    /// let d: shuangsuiji::rules::Detail = [("year", "2026"), ("year", "2027")].into_iter().collect();
    /// assert_eq!((d.len(), d.get("year")), (1, Some("2027")));
    /// ```
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut d = Self::new();
        for (k, v) in iter {
            d.insert(k, v);
        }
        d
    }
}

impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> Visitor<'de> for Texts {
            type Value = Detail;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Detail, A::Error> {
                let mut d = Detail::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    d.insert(k, v);
                }
                Ok(d)
            }
        }
        d.deserialize_map(Texts)
    }
}

#[cfg(test)]
mod detail_tests {
    use std::collections::BTreeMap;

    use super::Detail;

    /// The JSON (both ways) and the lookups of a `BTreeMap<String, String>`, for keys
    /// inserted in any order, repeated or not.
    #[test]
    fn it_reads_and_writes_as_a_map_would() {
        let mut x = 0x9e37_79b9_u32;
        for n in 0..40 {
            let mut map = BTreeMap::new();
            let mut detail = Detail::new();
            for i in 0..n {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                let (k, v) = (format!("k{}", x % 16), format!("v{i}"));
                assert_eq!(
                    detail.insert(k.clone(), v.clone()).map(|t| t.into_owned()),
                    map.insert(k, v)
                );
            }
            let json = serde_json::to_string(&detail).expect("json");
            assert_eq!(json, serde_json::to_string(&map).expect("json"));
            let back: Detail = serde_json::from_str(&json).expect("back");
            assert_eq!(back, detail);
            assert_eq!(detail.len(), map.len());
            for k in (0..17).map(|k| format!("k{k}")) {
                assert_eq!(detail.get(&k), map.get(&k).map(String::as_str));
            }
        }
        let repeated: Detail = serde_json::from_str(r#"{"a":"1","b":"2","a":"3"}"#).expect("json");
        let as_map: BTreeMap<String, String> =
            serde_json::from_str(r#"{"a":"1","b":"2","a":"3"}"#).expect("json");
        assert_eq!(
            repeated.iter().collect::<Vec<_>>(),
            as_map
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>()
        );
        assert!(serde_json::from_str::<Detail>(r#"{"a":1}"#).is_err());
        assert!(serde_json::from_str::<Detail>(r#"["a"]"#).is_err());
    }
}
