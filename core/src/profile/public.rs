//! What of a profile may be published (公示), as its own type: the publication paths take
//! only [`PublicProfile`], so internal indicators (complaints, sampling, check findings,
//! risk tags, repair dates) cannot reach them by accident.

use chrono::NaiveDate;
use serde::Serialize;

use super::fold::Profile;
use super::indicator::{Indicator, Value};
use super::tags::Tag;
use crate::model::Uscc;

/// A profile with its tags (internal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaggedProfile {
    /// The profile.
    pub profile: Profile,
    /// Its tags, in rule order.
    pub tags: Vec<Tag>,
}

/// A penalty decision as 公示 shows it (企业信息公示暂行条例 Art. 6; 令45): only those
/// still shown on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicPenalty {
    /// 决定书文号.
    pub decision_no: String,
    /// Date of the decision.
    pub decided_on: NaiveDate,
}

/// What may be published of a profile: list status, the penalties still shown and the
/// tags whose rule is `publishable`.
///
/// ```
/// use shuangsuiji::profile::{build_profiles, ProfileEvent, PublicProfile, TagSet, TaggedProfile};
/// let events: Vec<ProfileEvent> = serde_json::from_str(r#"[
///   {"uscc":"91350100M000100Y43","date":"2026-01-10","kind":"serious_violation_listed","source":"公示系统","reason":"食品安全严重违法"},
///   {"uscc":"91350100M000100Y43","date":"2026-02-01","kind":"complaint","source":"12315","substantiated":true},
///   {"uscc":"91350100M000100Y43","date":"2026-03-01","kind":"complaint","source":"12315","substantiated":true}
/// ]"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// let profile = build_profiles(&events, day, &Default::default()).remove(0);
/// let tags = TagSet::food_producers()?.tags(&profile);
/// assert!(tags.iter().any(|t| t.rule == "food.repeated_complaints"));
/// let public = PublicProfile::from(&TaggedProfile { profile, tags });
/// assert!(public.on_serious_violation_list);
/// assert!(public.tags.iter().all(|t| t.publishable));
/// assert!(!serde_json::to_string(&public).unwrap().contains("complaints"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicProfile {
    /// The enterprise.
    pub uscc: Uscc,
    /// The date.
    pub as_of: NaiveDate,
    /// On the 经营异常名录.
    pub on_abnormal_list: bool,
    /// On the 严重违法失信名单.
    pub on_serious_violation_list: bool,
    /// Penalties still shown.
    pub penalties: Vec<PublicPenalty>,
    /// The publishable tags.
    pub tags: Vec<Tag>,
}

impl From<&TaggedProfile> for PublicProfile {
    fn from(t: &TaggedProfile) -> Self {
        let p = &t.profile;
        let flag = |i| p.value(i, None) == Value::Flag(true);
        Self {
            uscc: p.uscc,
            as_of: p.as_of,
            on_abnormal_list: flag(Indicator::OnAbnormalList),
            on_serious_violation_list: flag(Indicator::OnSeriousViolationList),
            penalties: p
                .penalties
                .iter()
                .filter(|s| s.shown)
                .map(|s| PublicPenalty {
                    decision_no: s.decision_no.clone(),
                    decided_on: s.decided_on,
                })
                .collect(),
            tags: t.tags.iter().filter(|t| t.publishable).cloned().collect(),
        }
    }
}
