//! 守信激励 and 失信惩戒 as data (issue #20 §5): a measure, what triggers it (a tag), its
//! legal basis and the authority applying it; per enterprise the measures that apply, each
//! with the tag (and so the rule and indicator values) that triggered it.

use serde::{Deserialize, Serialize};

use super::public::TaggedProfile;
use super::tags::{Tag, TagSet};
use crate::model::{Provenance, Uscc};
use crate::{Error, ProfileCode, Result};

/// Most measures in one set.
pub const MAX_MEASURES: usize = 256;

/// Incentive or consequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 守信激励.
    Incentive,
    /// 失信惩戒.
    Consequence,
}

/// One measure and its trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id.
    pub id: String,
    /// The measure as people read it, e.g. 列为重点监管对象，提高检查频次.
    pub label: String,
    /// Incentive or consequence.
    pub kind: MeasureKind,
    /// The tag rule ids that trigger it (any one suffices).
    pub when_tagged: Vec<String>,
    /// The authority applying it, e.g. 市场监督管理部门.
    pub authority: String,
    /// Its legal basis (at least one).
    pub basis: Vec<Provenance>,
}

/// A set of measures, checked against the tag set whose tags trigger them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureSet {
    /// Stable id.
    pub id: String,
    /// The measures, in file order.
    pub measures: Vec<Measure>,
}

/// A measure that applies to an enterprise, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedMeasure {
    /// The measure's id.
    pub measure: String,
    /// Its label.
    pub label: String,
    /// Incentive or consequence.
    pub kind: MeasureKind,
    /// Who applies it.
    pub authority: String,
    /// The tags on the enterprise that triggered it (with their rules' readings).
    pub because: Vec<Tag>,
}

/// The measures of one enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseMeasures {
    /// The enterprise.
    pub uscc: Uscc,
    /// Its measures, in set order.
    pub measures: Vec<AppliedMeasure>,
}

impl MeasureSet {
    /// Reads a measure set and checks it against `tags`: every trigger names a rule of
    /// the tag set, ids are unique, every measure cites a basis.
    ///
    /// # Errors
    /// `json_syntax`, `json_shape` and the limits; `measure_trigger_unknown` (a trigger
    /// that is no rule of `tags`), `measure_invalid` (no trigger or no basis),
    /// `measure_duplicate`, `tag_condition_too_large` (more than [`MAX_MEASURES`]) — each
    /// with the path as `field`.
    ///
    /// ```
    /// use shuangsuiji::profile::{MeasureSet, TagSet};
    /// let tags = TagSet::food_producers()?;
    /// let e = MeasureSet::from_json(r#"{"id": "m", "measures": [{"id": "x", "label": "x",
    ///   "kind": "consequence", "when_tagged": ["food.nope"], "authority": "市场监督管理部门",
    ///   "basis": [{"document": "本地", "verification": "local"}]}]}"#, &tags).unwrap_err();
    /// assert_eq!(e.code().as_str(), "measure_trigger_unknown");
    /// assert_eq!(e.details().field.as_deref(), Some("measures[0].when_tagged[0]"));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn from_json(text: &str, tags: &TagSet) -> Result<Self> {
        let set: Self = crate::json::parse(text)?;
        set.check(tags)?;
        Ok(set)
    }

    /// Checks the set against `tags` (as [`MeasureSet::from_json`] does).
    ///
    /// # Errors
    /// As [`MeasureSet::from_json`], without the JSON codes.
    pub fn check(&self, tags: &TagSet) -> Result<()> {
        if self.measures.len() > MAX_MEASURES {
            return Err(Error::new(
                ProfileCode::TagConditionTooLarge,
                format!("a measure set has at most {MAX_MEASURES} measures"),
            )
            .with_field("measures"));
        }
        for (i, m) in self.measures.iter().enumerate() {
            let at = format!("measures[{i}]");
            if self.measures[..i].iter().any(|o| o.id == m.id) {
                return Err(Error::duplicate(
                    ProfileCode::MeasureDuplicate,
                    "a measure id",
                    "measure",
                    &m.id,
                )
                .with_field(format!("{at}.id")));
            }
            let invalid = |f: &str, msg: &str| {
                Error::new(ProfileCode::MeasureInvalid, msg).with_field(format!("{at}.{f}"))
            };
            if m.when_tagged.is_empty() {
                return Err(invalid(
                    "when_tagged",
                    "a measure names the tags that trigger it",
                ));
            }
            if m.basis.is_empty() {
                return Err(invalid("basis", "a measure cites its legal basis"));
            }
            for (j, t) in m.when_tagged.iter().enumerate() {
                if !tags.rules.iter().any(|r| &r.id == t) {
                    return Err(
                        Error::unknown(ProfileCode::MeasureTriggerUnknown, "tag rule", t)
                            .with_field(format!("{at}.when_tagged[{j}]"))
                            .with_detail("tag_set", &tags.id),
                    );
                }
            }
        }
        Ok(())
    }

    /// The bundled measures for food producers (`core/data/tags/food_measures.json`),
    /// triggered by [`TagSet::food_producers`].
    ///
    /// # Errors
    /// Never in a released build (the file is checked by the tests).
    ///
    /// ```
    /// use shuangsuiji::profile::{MeasureSet, TagSet};
    /// let m = MeasureSet::food_producers(&TagSet::food_producers()?)?;
    /// assert!(m.measures.iter().any(|m| m.id == "serious.key_supervision"));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn food_producers(tags: &TagSet) -> Result<Self> {
        Self::from_json(include_str!("../../data/tags/food_measures.json"), tags)
    }

    /// The measures that apply to a tagged enterprise, in set order, each with the tags
    /// that triggered it.
    ///
    /// ```
    /// use shuangsuiji::profile::{profile_and_tag, MeasureSet, ProfileEvent, TagSet};
    /// let e: ProfileEvent = serde_json::from_str(r#"{"uscc":"91350100M000100Y43","date":"2026-01-10",
    ///   "kind":"serious_violation_listed","source":"公示系统","reason":"食品安全严重违法"}"#).unwrap();
    /// let tags = TagSet::food_producers()?;
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    /// let t = &profile_and_tag(&[e], day, &Default::default(), &tags)[0];
    /// let applied = MeasureSet::food_producers(&tags)?.applied(t);
    /// assert!(applied.iter().any(|m| m.measure == "serious.no_commitment"));
    /// assert_eq!(applied[0].because[0].rule, "food.serious_violation");
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn applied(&self, tagged: &TaggedProfile) -> Vec<AppliedMeasure> {
        self.measures
            .iter()
            .filter_map(|m| {
                let because: Vec<Tag> = tagged
                    .tags
                    .iter()
                    .filter(|t| m.when_tagged.contains(&t.rule))
                    .cloned()
                    .collect();
                (!because.is_empty()).then(|| AppliedMeasure {
                    measure: m.id.clone(),
                    label: m.label.clone(),
                    kind: m.kind,
                    authority: m.authority.clone(),
                    because,
                })
            })
            .collect()
    }
}
