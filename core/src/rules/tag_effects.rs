//! Tags change supervision (issue #20 §4): what a tag does to an enterprise's place in
//! the random pool, as data with sources, bound into the committed plan.
//!
//! Sources: 《食品安全法》 Art. 113 \[V] (more frequent checks for a poor credit record);
//! 国市监信发〔2022〕6号 \[S] ("无事不扰" for low-risk A-class enterprises, "大幅提高抽查比例
//! 和频次" and "必要时主动实施现场检查" for D-class ones); 国办发〔2015〕58号 (c) \[S]
//! ("加大随机抽查力度"). None of them fixes a number: every effect is a local preset that
//! cites its own document, article and effective dates.
//!
//! Three effects, each on the enterprises carrying one tag of the [`TagSet`] as of the
//! plan date (tags are computed inside [`eligibility_with_tags`](super::eligibility_with_tags) from the events, never
//! handed in):
//!
//! * `ratio` — a stratum override: the enterprise is drawn from its own stratum
//!   `tag=<rule id>` at the effect's ratio (an integer rational; with `min_ratio` /
//!   `max_ratio` the legal range its source allows, refused outside it with
//!   `tag_effect_ratio_out_of_range`). Several ratio tags: the highest ratio wins
//!   (ties: the first effect). The stratum carries a `tag_ratio` reason.
//! * `spare` — 无事不扰: an enterprise checked within the last `years` years (1 …
//!   [`MAX_SPARE_YEARS`]) is left out with reason `tag_spared` and the visits as evidence.
//!   It never spares an enterprise a force-in trigger names (complaints, lists, D class).
//! * `focus` — 重点检查: the enterprise is checked on purpose, kept **outside** the random
//!   pool and listed in the item's `focus` with reason `tag_focus`; the random draw is
//!   then drawn from the others and stays verifiable.
//!
//! Precedence for one enterprise and item, after every exclusion reason of the other
//! rules: focus, then forced-in, then spare, then ratio, then its ordinary stratum.
//!
//! The tag rules, the effects and the repair policy used are echoed in the report
//! ([`TagsApplied`]) and their hash ([`TagsApplied::hash`]) is the plan's `tags_hash`,
//! so a tag or an effect changed after the seed no longer matches the committed plan.
//!
//! ```
//! use shuangsuiji::profile::TagSet;
//! use shuangsuiji::rules::TagEffects;
//! let set = TagSet::food_producers()?;
//! let e = TagEffects::from_json(r#"{"id": "local", "effects": [{"tag": "food.poor_credit_record",
//!   "effect": "ratio", "ratio": "3/4", "max_ratio": "1/2",
//!   "provenance": {"document": "本局抽查方案", "verification": "local"}}]}"#, &set).unwrap_err();
//! assert_eq!(e.code().as_str(), "tag_effect_ratio_out_of_range");
//! assert_eq!(e.details().field.as_deref(), Some("effects[0].ratio"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::enforcement::credit_repair::RepairPolicy;
use crate::json::canonical::tagged_hash;
use crate::model::{Provenance, Ratio};
use crate::profile::{Tag, TagSet};
use crate::proof::{Bytes32, committed_json};
use crate::{Error, ProfileCode, Result};

/// Most effects in one document.
pub const MAX_EFFECTS: usize = 256;
/// Longest 无事不扰 period, in years.
pub const MAX_SPARE_YEARS: u32 = 5;
/// The prefix of a ratio tag's stratum key: `tag=<rule id>`.
pub const TAG_STRATUM_PREFIX: &str = "tag=";

/// What a tag does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    /// A raised or lowered sampling ratio (its own stratum).
    Ratio,
    /// 无事不扰: not checked again within `years`.
    Spare,
    /// 重点检查: checked on purpose, outside the random pool.
    Focus,
}

/// One effect of one tag, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagEffect {
    /// The tag rule id (of the tag set).
    pub tag: String,
    /// What it does.
    pub effect: EffectKind,
    /// `ratio`: the sampling ratio of the tag's stratum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// `ratio`: the lowest ratio the source allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_ratio: Option<Ratio>,
    /// `ratio`: the highest ratio the source allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ratio: Option<Ratio>,
    /// `spare`: not checked again within this many years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The source (document, article or "local preset", effective dates); the effect
    /// applies only on plan dates its source is in force.
    pub provenance: Provenance,
    /// Why this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A document of tag effects, checked against a tag set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagEffects {
    /// Stable id.
    pub id: String,
    /// The effects, in file order (one per tag).
    pub effects: Vec<TagEffect>,
}

/// The tags of a plan: the rules, their effects and the repair policy the profiles are
/// built with. `set` absent: [`TagSet::food_producers`].
///
/// ```
/// let t: shuangsuiji::rules::TagPlan = serde_json::from_str(r#"{"effects": {"id": "none", "effects": []}}"#).unwrap();
/// assert!(t.set.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagPlan {
    /// The tag rules; absent: the bundled food-producer set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<TagSet>,
    /// The effects.
    pub effects: TagEffects,
    /// How penalties count in the profiles; absent: the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_policy: Option<RepairPolicy>,
}

/// What the eligibility report says about tags: exactly what was applied, so that its
/// hash can be recomputed from the report (and from the published documents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagsApplied {
    /// The tag rules.
    pub set: TagSet,
    /// The effects.
    pub effects: TagEffects,
    /// The repair policy the profiles were built with.
    pub repair_policy: RepairPolicy,
}

impl TagsApplied {
    /// `tags_hash = H("tags"; canonical_json({"set", "effects", "repair_policy"}))`
    /// (verify spec §6.4): the plan's `tags_hash`.
    ///
    /// # Errors
    /// `number_not_integer` if a number exceeds 2^53 − 1.
    ///
    /// ```
    /// use shuangsuiji::profile::TagSet;
    /// use shuangsuiji::rules::{TagEffects, TagsApplied};
    /// let set = TagSet::food_producers()?;
    /// let effects = TagEffects::from_json(r#"{"id": "none", "effects": []}"#, &set)?;
    /// let t = TagsApplied { set, effects, repair_policy: Default::default() };
    /// assert_eq!(t.hash()?.to_hex().len(), 64);
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn hash(&self) -> Result<Bytes32> {
        Ok(Bytes32(tagged_hash(
            "tags",
            &[committed_json(self)?.as_bytes()],
        )?))
    }
}

fn effect_invalid(field: String, msg: impl Into<String>) -> Error {
    Error::new(ProfileCode::TagEffectInvalid, msg).with_field(field)
}

impl TagEffects {
    /// Reads an effects document and checks it against `set` ([`TagEffects::check`]).
    ///
    /// # Errors
    /// `json_syntax`, `json_shape` and the limits; those of [`TagEffects::check`].
    pub fn from_json(text: &str, set: &TagSet) -> Result<Self> {
        let effects: Self = crate::json::parse(text)?;
        effects.check(set)?;
        Ok(effects)
    }

    /// Checks the document against `set`: every effect names a rule of the set, one
    /// effect per tag, a `ratio` effect has a ratio above 0 within its `min_ratio` …
    /// `max_ratio`, a `spare` effect has 1 … [`MAX_SPARE_YEARS`] years, and no effect
    /// carries the numbers of another kind.
    ///
    /// # Errors
    /// `tag_effect_tag_unknown` (detail `tag_set`), `tag_effect_ratio_out_of_range`,
    /// `tag_effect_invalid` — each with the path as `field` (`effects[1].years`).
    pub fn check(&self, set: &TagSet) -> Result<()> {
        if self.effects.len() > MAX_EFFECTS {
            return Err(effect_invalid(
                "effects".to_owned(),
                format!("a tag-effects document has at most {MAX_EFFECTS} effects"),
            ));
        }
        for (i, e) in self.effects.iter().enumerate() {
            let at = |f: &str| format!("effects[{i}].{f}");
            let Some(rule) = set.rules.iter().find(|r| r.id == e.tag) else {
                return Err(
                    Error::unknown(ProfileCode::TagEffectTagUnknown, "tag rule", &e.tag)
                        .with_field(at("tag"))
                        .with_detail("tag_set", &set.id),
                );
            };
            if self.effects[..i].iter().any(|o| o.tag == e.tag) {
                return Err(effect_invalid(at("tag"), "a tag has one effect").with_value(&e.tag));
            }
            e.provenance
                .validity()
                .validate()
                .map_err(|x| x.within(&format!("effects[{i}].provenance")))?;
            let stray =
                |f: &str| effect_invalid(at(f), format!("a {:?} effect has no {f}", e.effect));
            match e.effect {
                EffectKind::Ratio => {
                    if e.years.is_some() {
                        return Err(stray("years"));
                    }
                    let Some(ratio) = e.ratio else {
                        return Err(effect_invalid(
                            at("ratio"),
                            "a ratio effect gives its ratio",
                        ));
                    };
                    let lo = e.min_ratio.unwrap_or(Ratio::ZERO);
                    let hi = e.max_ratio.unwrap_or(Ratio::ONE);
                    if lo > hi {
                        return Err(effect_invalid(at("min_ratio"), "min_ratio > max_ratio")
                            .with_value(lo.to_string()));
                    }
                    if ratio == Ratio::ZERO || ratio < lo || ratio > hi {
                        return Err(Error::new(
                            ProfileCode::TagEffectRatioOutOfRange,
                            format!(
                                "ratio {ratio} is outside the range its source allows ({lo} … {hi}, above 0)"
                            ),
                        )
                        .with_field(at("ratio"))
                        .with_value(ratio.to_string())
                        .with_detail("min_ratio", lo.to_string())
                        .with_detail("max_ratio", hi.to_string()));
                    }
                    let key = format!("{TAG_STRATUM_PREFIX}{}", rule.id);
                    crate::draw::StratumKey::parse(&key).map_err(|_| {
                        effect_invalid(
                            at("tag"),
                            "a ratio tag's stratum key tag=<id> must be 1–64 printable ASCII characters",
                        )
                        .with_value(&e.tag)
                    })?;
                }
                EffectKind::Spare => {
                    for f in ["ratio", "min_ratio", "max_ratio"] {
                        if (f == "ratio" && e.ratio.is_some())
                            || (f == "min_ratio" && e.min_ratio.is_some())
                            || (f == "max_ratio" && e.max_ratio.is_some())
                        {
                            return Err(stray(f));
                        }
                    }
                    match e.years {
                        Some(y) if (1..=MAX_SPARE_YEARS).contains(&y) => {}
                        y => {
                            return Err(effect_invalid(
                                at("years"),
                                format!("a spare effect gives 1 … {MAX_SPARE_YEARS} years"),
                            )
                            .with_value(y.map_or("none".to_owned(), |y| y.to_string())));
                        }
                    }
                }
                EffectKind::Focus => {
                    if e.ratio.is_some() || e.min_ratio.is_some() || e.max_ratio.is_some() {
                        return Err(stray("ratio"));
                    }
                    if e.years.is_some() {
                        return Err(stray("years"));
                    }
                }
            }
        }
        Ok(())
    }

    /// The bundled effects for food producers (`core/data/tags/food_effects.json`) on the
    /// tags of [`TagSet::food_producers`]: 严重违法失信 → focus, 不良信用记录 → ratio 1/2,
    /// 检查发现问题 → ratio 1/3, 守法诚信 → spare 1 year. The consequences cite their law;
    /// every number is a preset (marked in each effect's note).
    ///
    /// # Errors
    /// Those of [`TagEffects::check`] against `set` (never with the bundled set).
    ///
    /// ```
    /// use shuangsuiji::profile::TagSet;
    /// use shuangsuiji::rules::{EffectKind, TagEffects};
    /// let e = TagEffects::food_producers(&TagSet::food_producers()?)?;
    /// assert!(e.effects.iter().any(|e| e.effect == EffectKind::Focus));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn food_producers(set: &TagSet) -> Result<Self> {
        Self::from_json(include_str!("../../data/tags/food_effects.json"), set)
    }

    /// The effects in force on `date` (their source's dates), in file order.
    pub(crate) fn in_force(&self, date: NaiveDate) -> impl Iterator<Item = &TagEffect> {
        self.effects
            .iter()
            .filter(move |e| e.provenance.validity().contains(date))
    }
}

/// The effects that act on one enterprise, from its tags (computed once per
/// enterprise, applied per item).
#[derive(Debug, Default)]
pub(crate) struct Acting<'a> {
    /// Focus tags (in effect order).
    pub focus: Vec<(&'a TagEffect, &'a Tag)>,
    /// The spare effect with the longest period.
    pub spare: Option<(&'a TagEffect, &'a Tag)>,
    /// The ratio effect with the highest ratio.
    pub ratio: Option<(&'a TagEffect, &'a Tag)>,
}

impl<'a> Acting<'a> {
    pub(crate) fn of(effects: &[&'a TagEffect], tags: &'a [Tag]) -> Self {
        let mut a = Self::default();
        for e in effects {
            let Some(t) = tags.iter().find(|t| t.rule == e.tag) else {
                continue;
            };
            match e.effect {
                EffectKind::Focus => a.focus.push((e, t)),
                EffectKind::Spare => {
                    if a.spare.is_none_or(|(s, _)| e.years > s.years) {
                        a.spare = Some((e, t));
                    }
                }
                EffectKind::Ratio => {
                    if a.ratio.is_none_or(|(r, _)| e.ratio > r.ratio) {
                        a.ratio = Some((e, t));
                    }
                }
            }
        }
        a
    }
}
