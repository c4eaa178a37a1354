//! The optimum of a small plan: every feasible closed tour, then the best split of the
//! stops into such tours.
//!
//! For plans of at most [`EXACT_MAX_STOPS`] stops (a team's day in one town, a small
//! task), where enumerating costs a few milliseconds at most. Construction, local
//! search and ruin-and-recreate were measured within 5 % of the optimum on nearly all
//! such instances but not all of them (a 7-stop instance 8 % above it): here a plan
//! is the least (metres, minutes) there is. Deterministic: stops are numbered in USCC
//! order, tours are enumerated depth first in that order and the DP scans subsets in
//! a fixed order; on ties the first found is kept.

use super::costs::{Costs, Plan};

/// (metres, minutes).
type Cost = (u64, u64);

/// Largest plan solved exactly.
pub(crate) const EXACT_MAX_STOPS: usize = 9;

/// The least (metres, minutes) plan, or `None` above [`EXACT_MAX_STOPS`] stops.
pub(crate) fn optimum(c: &Costs) -> Option<Plan> {
    let n = c.nodes - 1;
    if n == 0 || n > EXACT_MAX_STOPS {
        return None;
    }
    let subsets = 1usize << n;
    // The best closed tour of each subset: (metres, minutes) and its order.
    let mut tour: Vec<Option<(Cost, Vec<usize>)>> = vec![None; subsets];
    let mut path: Vec<usize> = Vec::with_capacity(n);
    // The least (metres, minutes) of a path seen so far per (subset, last node): a path
    // no shorter and no quicker than one seen earlier to the same place cannot lead to
    // a better tour than that one's completions, so it is not followed. (It may give
    // up a tour as good; which of equal optima is kept stays a fixed function of the
    // stops.)
    let mut reached: Vec<Cost> = vec![(u64::MAX, u64::MAX); subsets * c.nodes];
    // Depth first over the simple paths from the start that fit the day so far:
    // (subset, last node, metres, minutes incl. on-site, depth).
    let mut stack: Vec<(usize, usize, u64, u64, usize)> = vec![(0, 0, 0, 0, 0)];
    while let Some((mask, last, m, mins, depth)) = stack.pop() {
        path.truncate(depth.saturating_sub(1));
        if depth > 0 {
            path.push(last);
            let cost = (m + c.d(last, 0), mins + c.t(last, 0));
            if c.fits(depth, cost.1) && tour[mask].as_ref().is_none_or(|(b, _)| cost < *b) {
                tour[mask] = Some((cost, path.clone()));
            }
        }
        if depth == c.max_visits {
            continue;
        }
        for k in (1..=n).rev() {
            let bit = 1 << (k - 1);
            if mask & bit != 0 {
                continue;
            }
            let next = mins + c.t(last, k) + c.onsite[k];
            let metres = m + c.d(last, k);
            let seen = &mut reached[(mask | bit) * c.nodes + k];
            if next <= c.day_minutes && (metres < seen.0 || next < seen.1) {
                if metres <= seen.0 && next <= seen.1 {
                    *seen = (metres, next);
                }
                stack.push((mask | bit, k, metres, next, depth + 1));
            }
        }
    }
    // The best split of each subset: the tour of its lowest stop, then the rest.
    let mut best: Vec<Option<(Cost, usize)>> = vec![None; subsets];
    best[0] = Some(((0, 0), 0));
    for s in 1..subsets {
        let low = s & s.wrapping_neg();
        let mut sub = s;
        while sub > 0 {
            if sub & low != 0 {
                if let (Some((t, _)), Some((rest, _))) = (&tour[sub], &best[s ^ sub]) {
                    let cost = (t.0 + rest.0, t.1 + rest.1);
                    if best[s].is_none_or(|(b, _)| cost < b) {
                        best[s] = Some((cost, sub));
                    }
                }
            }
            sub = (sub - 1) & s;
        }
    }
    let mut plan = Plan::new();
    let mut s = subsets - 1;
    while s > 0 {
        let (_, sub) = best[s]?;
        plan.push(tour[sub].as_ref()?.1.clone());
        s ^= sub;
    }
    Some(plan)
}
