//! Which tag moved whom, and whether the tags are the committed ones (issue #20 §4;
//! verify spec §6.4).
//!
//! A plan made with tag effects carries `tags_hash`, the hash of the tag rules, effects
//! and repair policy that were applied ([`TagsApplied::hash`]). [`verify_tags`] checks the
//! published tags against it, so a tag or an effect changed after the seed is caught;
//! [`tag_moves`] lists, from the eligibility report, every enterprise a tag moved and how.

use serde::{Deserialize, Serialize};

use super::compare::root_mismatch;
use crate::model::Uscc;
use crate::proof::Plan;
use crate::rules::{EffectKind, EligibilityReport, ReasonCode, TagsApplied};
use crate::{Error, Result, VerifyCode};

/// One enterprise moved by one tag in one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagMove {
    /// The enterprise.
    pub uscc: Uscc,
    /// The item.
    pub item_id: String,
    /// The tag rule id.
    pub tag: String,
    /// The tag as people read it.
    pub label: String,
    /// What the tag did: `ratio` (drawn in the tag's stratum), `spare` (left out, 无事不扰),
    /// `focus` (checked on purpose, outside the random pool).
    pub effect: EffectKind,
    /// For `ratio`: the tag's stratum key (`tag=<rule id>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stratum_key: Option<String>,
}

fn detail(r: &crate::rules::Reason, key: &str) -> String {
    r.detail.get(key).unwrap_or_default().to_owned()
}

/// Every enterprise a tag moved, sorted by USCC, item and tag.
///
/// ```
/// # fn f(report: &shuangsuiji::rules::EligibilityReport) {
/// for m in shuangsuiji::draw_record::tag_moves(report) {
///     println!("{} {} {:?} by {}", m.uscc, m.item_id, m.effect, m.tag);
/// }
/// # }
/// ```
#[must_use]
pub fn tag_moves(report: &EligibilityReport) -> Vec<TagMove> {
    let mut out = Vec::new();
    for item in &report.items {
        let id = item.item.as_str();
        for s in &item.strata {
            let Some(r) = s.reason.as_ref().filter(|r| r.code == ReasonCode::TagRatio) else {
                continue;
            };
            out.extend(s.eligible.iter().map(|u| TagMove {
                uscc: *u,
                item_id: id.to_owned(),
                tag: detail(r, "tag"),
                label: detail(r, "label"),
                effect: EffectKind::Ratio,
                stratum_key: Some(s.key.clone()),
            }));
        }
        for x in item.excluded.iter().chain(&item.focus) {
            for r in &x.reasons {
                let effect = match r.code {
                    ReasonCode::TagSpared => EffectKind::Spare,
                    ReasonCode::TagFocus => EffectKind::Focus,
                    _ => continue,
                };
                out.push(TagMove {
                    uscc: x.uscc,
                    item_id: id.to_owned(),
                    tag: detail(r, "tag"),
                    label: detail(r, "label"),
                    effect,
                    stratum_key: None,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.uscc, &a.item_id, &a.tag).cmp(&(b.uscc, &b.item_id, &b.tag)));
    out
}

/// Checks the published tags (the report's `tags`: rules, effects, repair policy)
/// against the plan's `tags_hash`.
///
/// # Errors
/// `root_mismatch` with field `tags_hash` (details `expected`, `actual`) when the tags
/// do not hash to the plan's `tags_hash`, or when tags are given for a plan that binds
/// none; with field `tags` when the plan binds tags and none are given; `number_not_integer`
/// from the hash.
///
/// ```
/// use shuangsuiji::draw_record::verify_tags;
/// use shuangsuiji::profile::TagSet;
/// use shuangsuiji::rules::{TagEffects, TagsApplied};
/// # fn plan() -> shuangsuiji::proof::Plan { unimplemented!() }
/// let set = TagSet::food_producers()?;
/// let effects = TagEffects::from_json(r#"{"id": "none", "effects": []}"#, &set)?;
/// let tags = TagsApplied { set, effects, repair_policy: Default::default() };
/// # if false {
/// let mut p = plan();
/// p.tags_hash = Some(tags.hash()?);
/// verify_tags(&p, Some(&tags))?;
/// # }
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn verify_tags(plan: &Plan, tags: Option<&TagsApplied>) -> Result<()> {
    match (plan.tags_hash, tags) {
        (None, None) => Ok(()),
        (Some(expected), Some(t)) => {
            let actual = t.hash()?;
            if actual == expected {
                Ok(())
            } else {
                Err(root_mismatch(
                    "tags_hash",
                    &expected.to_hex(),
                    &actual.to_hex(),
                ))
            }
        }
        (None, Some(t)) => Err(root_mismatch("tags_hash", "", &t.hash()?.to_hex())),
        (Some(_), None) => Err(Error::new(
            VerifyCode::RootMismatch,
            "the plan binds tags (tags_hash): give the published tag rules and effects",
        )
        .with_field("tags")),
    }
}
