//! The enterprise profile (一企一档) and tags as rules (标签化): seed §三(四)一, 食品安全法
//! Art. 113 (食品安全信用档案; more frequent checks for poor records).
//!
//! * [`ProfileEvent`]: typed events with source system, date and reference — registration,
//!   licences, checks (from check history, [`events_from_history`]) and check outcomes
//!   (recorded inspection outcomes, [`events_from_outcomes`]: one per visit), food
//!   sampling, complaints, 经营异常名录 and 严重违法失信名单 in/out, penalties (with
//!   首违不罚/轻微不罚). Read from JSON, CSV or xlsx by [`crate::intake::read_events`].
//! * [`build_profiles`]: the profile of each enterprise as of a date — a pure fold, the
//!   same whatever the order of the events; [`Indicator`]s with windows; the credit status
//!   of each penalty from [`crate::enforcement::credit_repair`].
//! * [`TagSet`]: tag rules as data, checked at load time, with effective dates, category
//!   and provenance; [`TagSet::food_producers`] is the bundled default set; each [`Tag`]
//!   says which rule and which indicator values.
//! * [`MeasureSet`]: 守信激励 / 失信惩戒 as data — each measure with its trigger tags, legal
//!   basis and authority; [`MeasureSet::applied`] gives an enterprise's measures with reasons.
//! * [`referral`]: the referral record of a suspected crime (行政执法机关移送涉嫌犯罪案件的规定
//!   Art. 5–6): deadlines, documents, what is overdue.
//! * [`PublicProfile`]: what may be published, a separate type.
//!
//! ```
//! use shuangsuiji::intake::{read_events, ReadOptions};
//! use shuangsuiji::profile::{profile_and_tag, TagSet};
//! let csv = "统一社会信用代码,日期,事件类型,来源系统,产品名称,是否合格,不合格项目\n\
//!            91350100M000100Y43,2025-09-01,抽样检验,抽检系统,酱油,否,菌落总数\n";
//! let events = read_events(csv.as_bytes(), &ReadOptions::named("events.csv"))?;
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
//! let out = profile_and_tag(&events, day, &Default::default(), &TagSet::food_producers()?);
//! assert!(out[0].tags.iter().any(|t| t.rule == "food.sampling_failed"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod event;
mod fold;
mod indicator;
mod measures;
mod public;
mod referral;
mod table;
mod tags;

pub(crate) use event::EventWire;
pub use event::{
    CLEAN_RESULTS, EventDetail, EventKind, Leniency, OUTCOMES_SOURCE, PenaltyEvent, ProfileEvent,
    events_from_history, events_from_outcomes,
};
pub use fold::{PenaltyStatus, Profile, build_profiles};
pub use indicator::{Indicator, IndicatorType, Reading, Value, Window};
pub use measures::{
    AppliedMeasure, EnterpriseMeasures, MAX_MEASURES, Measure, MeasureKind, MeasureSet,
};
pub use public::{PublicPenalty, PublicProfile, TaggedProfile};
pub use referral::{Referral, ReferralCase, referral};
pub use table::{ProfileTable, profile_table};
pub use tags::{
    CmpOp, Comparison, Condition, MAX_DEPTH, MAX_NODES, MAX_RULES, Tag, TagCategory, TagRule,
    TagSet,
};

use chrono::NaiveDate;

use crate::enforcement::credit_repair::RepairPolicy;

/// The profiles of [`build_profiles`] with their tags under `set` (sorted by USCC).
///
/// ```
/// use shuangsuiji::profile::{profile_and_tag, TagSet};
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// assert!(profile_and_tag(&[], day, &Default::default(), &TagSet::food_producers()?).is_empty());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[must_use]
pub fn profile_and_tag(
    events: &[ProfileEvent],
    as_of: NaiveDate,
    policy: &RepairPolicy,
    set: &TagSet,
) -> Vec<TaggedProfile> {
    build_profiles(events, as_of, policy)
        .into_iter()
        .map(|profile| {
            let tags = set.tags(&profile);
            TaggedProfile { profile, tags }
        })
        .collect()
}

/// What may be published of each profile ([`PublicProfile`]), sorted by USCC: the one
/// path from events to 公示.
///
/// ```
/// use shuangsuiji::profile::{public_profiles, TagSet};
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// assert!(public_profiles(&[], day, &Default::default(), &TagSet::food_producers()?).is_empty());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[must_use]
pub fn public_profiles(
    events: &[ProfileEvent],
    as_of: NaiveDate,
    policy: &RepairPolicy,
    set: &TagSet,
) -> Vec<PublicProfile> {
    profile_and_tag(events, as_of, policy, set)
        .iter()
        .map(PublicProfile::from)
        .collect()
}

/// The measures that apply to each enterprise (sorted by USCC), each with the tags that
/// triggered it; `measures` is checked against `set` first.
///
/// # Errors
/// The codes of [`MeasureSet::check`], located under `measures`.
///
/// ```
/// use shuangsuiji::profile::{apply_measures, MeasureSet, TagSet};
/// let tags = TagSet::food_producers()?;
/// let m = MeasureSet::food_producers(&tags)?;
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// assert!(apply_measures(&[], day, &Default::default(), &tags, &m)?.is_empty());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn apply_measures(
    events: &[ProfileEvent],
    as_of: NaiveDate,
    policy: &RepairPolicy,
    set: &TagSet,
    measures: &MeasureSet,
) -> crate::Result<Vec<EnterpriseMeasures>> {
    measures.check(set).map_err(|e| e.within("measures"))?;
    Ok(profile_and_tag(events, as_of, policy, set)
        .iter()
        .map(|t| EnterpriseMeasures {
            uscc: t.profile.uscc,
            measures: measures.applied(t),
        })
        .collect())
}
