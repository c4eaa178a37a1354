//! The check window on the working-day calendar, and which date each team-day runs.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::request::{WindowRequest, invalid};
use crate::enforcement::Calendar;
use crate::model::InspectorId;
use crate::{Error, Result, TeamCode};

/// The working days of the window: `start` (which must be a working day) and the
/// working days after it, `working_days` in all.
pub(super) fn working_days(cal: &Calendar, w: &WindowRequest) -> Result<Vec<NaiveDate>> {
    let status = cal.status(w.start)?;
    if !status.is_working() {
        return Err(invalid(format!(
            "the check window cannot start on {}, a day off ({})",
            w.start,
            status.as_str()
        ))
        .with_field("window.start")
        .with_value(w.start.to_string())
        .with_detail("status", status.as_str()));
    }
    let mut days = vec![w.start];
    while days.len() < usize::try_from(w.working_days).unwrap_or(usize::MAX) {
        let last = days[days.len() - 1];
        days.push(
            cal.next_working_day(last)
                .map_err(|e| e.with_field("window.working_days"))?,
        );
    }
    Ok(days)
}

/// Puts each route (given as the set of its inspectors, in route order) on a day:
/// the earliest day that has fewer than `per_day` routes and none of the route's
/// inspectors. Returns the day index of each route, or the first route that fits
/// nowhere.
fn first_fit(
    routes: &[BTreeSet<&InspectorId>],
    days: usize,
    per_day: usize,
) -> Result<Vec<usize>, usize> {
    let mut busy: Vec<BTreeSet<&InspectorId>> = vec![BTreeSet::new(); days];
    let mut count = vec![0usize; days];
    let mut out = Vec::with_capacity(routes.len());
    for (r, people) in routes.iter().enumerate() {
        let day = (0..days)
            .find(|&d| count[d] < per_day && busy[d].is_disjoint(people))
            .ok_or(r)?;
        count[day] += 1;
        busy[day].extend(people.iter().copied());
        out.push(day);
    }
    Ok(out)
}

/// The day index of each route and the teams per day used: with `per_day` given,
/// exactly that; otherwise the smallest number (from ⌈routes / days⌉ up) that fits.
/// `labels` are the routes' indexes, for the error.
pub(super) fn schedule(
    routes: &[BTreeSet<&InspectorId>],
    labels: &[u32],
    days: usize,
    per_day: Option<u32>,
) -> Result<(Vec<usize>, u32)> {
    let n = routes.len();
    let tries: Vec<usize> = match per_day {
        Some(k) => vec![usize::try_from(k).unwrap_or(usize::MAX)],
        None => (n.div_ceil(days.max(1)).max(1)..=n.max(1)).collect(),
    };
    let mut failed = 0;
    for &k in &tries {
        match first_fit(routes, days, k) {
            Ok(at) => return Ok((at, u32::try_from(k).unwrap_or(u32::MAX))),
            Err(r) => failed = r,
        }
    }
    let k = tries.last().copied().unwrap_or(1);
    let failed = labels.get(failed).copied().unwrap_or_default();
    let why = if n > days.saturating_mul(k) {
        format!("{n} team-days do not fit into {days} working days at {k} a day")
    } else {
        format!(
            "route {failed} shares an inspector with a route on every working day of the window"
        )
    };
    Err(Error::new(TeamCode::WorkplanWindowShort, why)
        .with_field(if per_day.is_some() {
            "teams_per_day"
        } else {
            "window.working_days"
        })
        .with_detail("team_days", n.to_string())
        .with_detail("working_days", days.to_string())
        .with_detail("teams_per_day", k.to_string())
        .with_detail("route", failed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the routes and their people: every route gets one day of the window,
        /// no day holds more than the teams per day, nobody is on two routes of a day,
        /// and without a given number the one used is the smallest that fits.
        #[test]
        fn schedule_keeps_its_rules(
            routes in prop::collection::vec(prop::collection::btree_set(0u8..8, 1..4), 1..10),
            days in 1usize..6,
            per_day in prop::option::of(1u32..4),
        ) {
            let pool: Vec<InspectorId> =
                (0..8).map(|i| InspectorId::parse(&format!("I{i}")).unwrap()).collect();
            let sets: Vec<BTreeSet<&InspectorId>> = routes
                .iter()
                .map(|r| r.iter().map(|&i| &pool[usize::from(i)]).collect())
                .collect();
            let labels: Vec<u32> = (0..u32::try_from(sets.len()).unwrap()).collect();
            match schedule(&sets, &labels, days, per_day) {
                Ok((at, k)) => {
                    prop_assert_eq!(at.len(), sets.len());
                    if let Some(p) = per_day {
                        prop_assert_eq!(k, p);
                    } else if k > 1 && usize::try_from(k - 1).unwrap() >= sets.len().div_ceil(days) {
                        prop_assert!(first_fit(&sets, days, usize::try_from(k - 1).unwrap()).is_err());
                    }
                    for d in 0..days {
                        let on: Vec<usize> = (0..sets.len()).filter(|&r| at[r] == d).collect();
                        prop_assert!(on.len() <= usize::try_from(k).unwrap());
                        for (x, &a) in on.iter().enumerate() {
                            for &b in &on[x + 1..] {
                                prop_assert!(sets[a].is_disjoint(&sets[b]));
                            }
                        }
                    }
                }
                Err(e) => {
                    prop_assert_eq!(e.code().as_str(), "workplan_window_short");
                    // It fits neither at the rate given nor at one route a day
                    // when there are more routes than days.
                    prop_assert!(per_day.is_some() || sets.len() > days || first_fit(&sets, days, sets.len()).is_err());
                }
            }
        }
    }

    fn ids(v: &[&str]) -> Vec<InspectorId> {
        v.iter().map(|s| InspectorId::parse(s).unwrap()).collect()
    }

    #[test]
    fn shared_inspectors_go_to_different_days() {
        let a = ids(&["A", "B"]);
        let b = ids(&["B", "C"]);
        let c = ids(&["D"]);
        let routes: Vec<BTreeSet<&InspectorId>> =
            vec![a.iter().collect(), b.iter().collect(), c.iter().collect()];
        // Two a day: route 1 shares B with route 0, so it goes to day 1; route 2 joins day 0.
        assert_eq!(
            schedule(&routes, &[0, 1, 2], 3, Some(2)).unwrap(),
            (vec![0, 1, 0], 2)
        );
        // Smallest that fits in two days: two a day.
        assert_eq!(
            schedule(&routes, &[0, 1, 2], 2, None).unwrap(),
            (vec![0, 1, 0], 2)
        );
        // One day: routes 0 and 1 can never share it.
        let e = schedule(&routes, &[0, 1, 7], 1, None).unwrap_err();
        assert_eq!(e.code().as_str(), "workplan_window_short");
        assert_eq!(e.details().extra["route"], "1");
        // Too many for the days at the given rate.
        let e = schedule(&routes, &[0, 1, 2], 1, Some(2)).unwrap_err();
        assert_eq!(e.details().field.as_deref(), Some("teams_per_day"));
    }
}
