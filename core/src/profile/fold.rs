//! The profile of each enterprise as of a date: a pure fold of its events up to that date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::event::{CLEAN_RESULTS, EventDetail, EventKind, Leniency, PenaltyEvent, ProfileEvent};
use super::indicator::{Indicator, Reading, Value, Window};
use crate::enforcement::credit_repair::{RepairFacts, RepairPolicy, assess};
use crate::model::Uscc;

/// The counted indicators, in the order of [`Timeline::dates`].
const COUNTED: [Indicator; 8] = [
    Indicator::Complaints,
    Indicator::ComplaintsSubstantiated,
    Indicator::Sampling,
    Indicator::SamplingFailed,
    Indicator::Penalties,
    Indicator::PenaltiesWaived,
    Indicator::Checks,
    Indicator::ChecksWithFindings,
];

fn slot(i: Indicator) -> Option<usize> {
    COUNTED.iter().position(|c| *c == i)
}

/// The dated facts the windowed indicators are read from (sorted, none after the date).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Timeline {
    dates: [Vec<NaiveDate>; 8],
    /// Last days of the licences in force on the date.
    licence_expiries: Vec<NaiveDate>,
}

/// The credit status of one penalty decision on the profile's date (internal: the
/// decision numbers of waived decisions and the repair dates are not published here).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PenaltyStatus {
    /// Date of the decision.
    pub decided_on: NaiveDate,
    /// 决定书文号.
    pub decision_no: String,
    /// Not punished (首违不罚/轻微不罚), and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leniency: Option<Leniency>,
    /// Published and still shown on the date.
    pub shown: bool,
    /// Last day shown, when published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicity_last_day: Option<NaiveDate>,
    /// First day credit repair may be applied for, when it can be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest_repair_application: Option<NaiveDate>,
    /// Shown, and every repair condition holds on the date.
    pub repair_eligible_now: bool,
    /// The error code when the credit-repair module could not assess it (e.g. a
    /// decision before its regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_assessed: Option<String>,
}

/// The profile of one enterprise as of a date (internal: see [`super::PublicProfile`] for
/// what may be published).
///
/// ```
/// use shuangsuiji::profile::{build_profiles, Indicator, ProfileEvent, Value};
/// let events: Vec<ProfileEvent> = serde_json::from_str(r#"[
///   {"uscc":"91350100M000100Y43","date":"2025-11-02","kind":"complaint","source":"12315","substantiated":true},
///   {"uscc":"91350100M000100Y43","date":"2026-01-10","kind":"abnormal_listed","source":"公示系统","reason":"未按期年报"}
/// ]"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// let p = &build_profiles(&events, day, &Default::default())[0];
/// assert_eq!(p.value(Indicator::ComplaintsSubstantiated, None), Value::Count(1));
/// assert_eq!(p.value(Indicator::OnAbnormalList, None), Value::Flag(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// The enterprise.
    pub uscc: Uscc,
    /// The date the profile is drawn as of (a parameter, never the clock).
    pub as_of: NaiveDate,
    /// Every indicator at its default window.
    pub indicators: Vec<Reading>,
    /// Every penalty decision up to the date, with its credit status.
    pub penalties: Vec<PenaltyStatus>,
    /// How many events the profile was folded from.
    pub events: usize,
    #[serde(skip)]
    timeline: Timeline,
    #[serde(skip)]
    abnormal: bool,
    #[serde(skip)]
    serious: bool,
    #[serde(skip)]
    established: Option<NaiveDate>,
}

impl Profile {
    /// The value of an indicator over a window (`None` = its default window).
    ///
    /// ```
    /// use shuangsuiji::profile::{build_profiles, Indicator, Value, Window};
    /// let p = &build_profiles(&[], chrono::NaiveDate::MIN, &Default::default());
    /// assert!(p.is_empty());
    /// ```
    #[must_use]
    pub fn value(&self, indicator: Indicator, window: Option<Window>) -> Value {
        let window = window.or(indicator.default_window());
        if let (Some(s), Some(w)) = (slot(indicator), window) {
            let dates = &self.timeline.dates[s];
            let start = w.start(self.as_of);
            let n = dates.len() - dates.partition_point(|d| *d < start);
            return Value::Count(u32::try_from(n).unwrap_or(u32::MAX));
        }
        let count = |n: usize| Value::Count(u32::try_from(n).unwrap_or(u32::MAX));
        match indicator {
            Indicator::OnAbnormalList => Value::Flag(self.abnormal),
            Indicator::OnSeriousViolationList => Value::Flag(self.serious),
            Indicator::LicenceExpiring => {
                let end = window.map_or(self.as_of, |w| w.end(self.as_of));
                Value::Flag(
                    self.timeline
                        .licence_expiries
                        .iter()
                        .any(|d| *d >= self.as_of && *d <= end),
                )
            }
            Indicator::PenaltiesShown => count(self.penalties.iter().filter(|p| p.shown).count()),
            Indicator::CreditRepairEligible => count(
                self.penalties
                    .iter()
                    .filter(|p| p.repair_eligible_now)
                    .count(),
            ),
            Indicator::YearsSinceEstablishment => self
                .established
                .and_then(|d| self.as_of.years_since(d))
                .map_or(Value::Unknown, Value::Count),
            _ => Value::Unknown,
        }
    }

    /// The reading of an indicator: name, window, value.
    #[must_use]
    pub fn reading(&self, indicator: Indicator, window: Option<Window>) -> Reading {
        let window = window.or(indicator.default_window());
        Reading {
            indicator,
            window,
            value: self.value(indicator, window),
        }
    }
}

/// The list state on the date: the latest entry or removal wins; on one day a removal
/// counts after an entry (so the order of the input never matters).
fn on_list(events: &[&ProfileEvent], listed: EventKind, removed: EventKind) -> bool {
    events
        .iter()
        .filter_map(|e| {
            let k = e.kind();
            (k == listed || k == removed).then_some((e.date, k == removed))
        })
        .max()
        .is_some_and(|(_, was_removal)| !was_removal)
}

/// Last days of the licences in force: per licence number the latest event wins (on one
/// day revoked after changed after granted; of two same-day changes the later end).
fn licence_expiries(events: &[&ProfileEvent]) -> Vec<NaiveDate> {
    let mut latest: BTreeMap<&str, (NaiveDate, u8, Option<NaiveDate>)> = BTreeMap::new();
    for e in events {
        if let EventDetail::Licence {
            kind,
            licence_no,
            expires,
        } = &e.detail
        {
            let rank = match kind {
                EventKind::LicenceGranted => 0,
                EventKind::LicenceChanged => 1,
                _ => 2,
            };
            let key = (e.date, rank, *expires);
            let slot = latest.entry(licence_no).or_insert(key);
            if key > *slot {
                *slot = key;
            }
        }
    }
    let mut v: Vec<NaiveDate> = latest
        .into_values()
        .filter(|(_, rank, _)| *rank < 2)
        .filter_map(|(_, _, exp)| exp)
        .collect();
    v.sort_unstable();
    v
}

fn penalty_status(
    p: &PenaltyEvent,
    date: NaiveDate,
    all: &[&PenaltyEvent],
    abnormal: bool,
    serious: bool,
    policy: &RepairPolicy,
    as_of: NaiveDate,
) -> PenaltyStatus {
    let mut s = PenaltyStatus {
        decided_on: date,
        decision_no: p.decision_no.clone(),
        leniency: p.leniency,
        shown: false,
        publicity_last_day: None,
        earliest_repair_application: None,
        repair_eligible_now: false,
        not_assessed: None,
    };
    let Some(record) = &p.record else {
        return s;
    };
    // 令45 Art. 14 (三): punished again for the same type (same basis) after this one.
    let repeated = all.iter().any(|o| {
        o.record
            .as_ref()
            .is_some_and(|r| r.decided_on > date && o.basis == p.basis)
    });
    let facts = RepairFacts {
        duties_fulfilled: p.duties_fulfilled,
        harm_eliminated: p.harm_eliminated,
        repeated_same_type: repeated,
        on_abnormal_list: abnormal,
        on_serious_list: serious,
    };
    match assess(record, &facts, policy, as_of) {
        Ok(a) => {
            s.shown = a.published && a.publicity_last_day.is_some_and(|d| as_of <= d);
            s.publicity_last_day = a.publicity_last_day;
            s.earliest_repair_application = a.earliest_repair_application;
            s.repair_eligible_now = s.shown && a.eligible_now;
        }
        Err(e) => s.not_assessed = Some(e.code().as_str().to_owned()),
    }
    s
}

fn fold_one(
    uscc: &Uscc,
    events: &[&ProfileEvent],
    as_of: NaiveDate,
    policy: &RepairPolicy,
) -> Profile {
    let mut t = Timeline::default();
    let mut established: Option<NaiveDate> = None;
    let mut penalties: Vec<(&PenaltyEvent, NaiveDate)> = Vec::new();
    for e in events {
        let mut push = |i: Indicator| {
            if let Some(s) = slot(i) {
                t.dates[s].push(e.date);
            }
        };
        match &e.detail {
            EventDetail::Registered => {
                established = Some(established.map_or(e.date, |d| d.min(e.date)));
            }
            EventDetail::Check { .. } => push(Indicator::Checks),
            EventDetail::CheckOutcome { result } => {
                if !CLEAN_RESULTS.contains(&result.trim()) {
                    push(Indicator::ChecksWithFindings);
                }
            }
            EventDetail::Sampling { passed, .. } => {
                push(Indicator::Sampling);
                if !passed {
                    push(Indicator::SamplingFailed);
                }
            }
            EventDetail::Complaint { substantiated } => {
                push(Indicator::Complaints);
                if *substantiated == Some(true) {
                    push(Indicator::ComplaintsSubstantiated);
                }
            }
            EventDetail::Penalty(p) => {
                push(if p.leniency.is_some() {
                    Indicator::PenaltiesWaived
                } else {
                    Indicator::Penalties
                });
                penalties.push((p, e.date));
            }
            EventDetail::Licence { .. } | EventDetail::List { .. } => {}
        }
    }
    for d in &mut t.dates {
        d.sort_unstable();
    }
    t.licence_expiries = licence_expiries(events);
    let abnormal = on_list(
        events,
        EventKind::AbnormalListed,
        EventKind::AbnormalRemoved,
    );
    let serious = on_list(events, EventKind::SeriousListed, EventKind::SeriousRemoved);
    let all: Vec<&PenaltyEvent> = penalties.iter().map(|(p, _)| *p).collect();
    let mut statuses: Vec<PenaltyStatus> = penalties
        .iter()
        .map(|(p, d)| penalty_status(p, *d, &all, abnormal, serious, policy, as_of))
        .collect();
    statuses.sort();
    let mut p = Profile {
        uscc: *uscc,
        as_of,
        indicators: Vec::new(),
        penalties: statuses,
        events: events.len(),
        timeline: t,
        abnormal,
        serious,
        established,
    };
    p.indicators = Indicator::ALL.iter().map(|i| p.reading(*i, None)).collect();
    p
}

/// The profile of every enterprise that has an event on or before `as_of`, sorted by
/// USCC: a pure fold (events after the date are ignored; the result does not depend on
/// the order of `events`). `policy` is the credit-repair preset
/// ([`crate::enforcement::credit_repair::RepairPolicy`]).
///
/// Duplicate events count twice: give one event per visit ([`super::events_from_history`]
/// does so for check history).
///
/// ```
/// use shuangsuiji::profile::{build_profiles, ProfileEvent};
/// let e: ProfileEvent = serde_json::from_str(r#"{"uscc":"91350100M000100Y43",
///   "date":"2027-01-01","kind":"registered","source":"登记系统"}"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// assert!(build_profiles(&[e], day, &Default::default()).is_empty()); // after the date
/// ```
#[must_use]
pub fn build_profiles(
    events: &[ProfileEvent],
    as_of: NaiveDate,
    policy: &RepairPolicy,
) -> Vec<Profile> {
    let mut refs: Vec<&ProfileEvent> = events.iter().filter(|e| e.date <= as_of).collect();
    refs.sort_unstable_by_key(|e| e.uscc);
    refs.chunk_by(|a, b| a.uscc == b.uscc)
        .map(|group| fold_one(&group[0].uscc, group, as_of, policy))
        .collect()
}
