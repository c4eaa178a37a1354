//! Ruin and recreate, for small plans: a deterministic escape from local optima.
//!
//! For each size of [`RUIN_SIZES`], for each stop `k` in USCC order: take `k` and its
//! size − 1 nearest stops
//! (by metres from `k`, ties by USCC) out of the plan, put them back one by one (farthest
//! from the start first, ties by USCC) where they add the least (metres, minutes) and
//! fit, or on a new route, improve the result to a local optimum and keep it if it is
//! strictly better; passes repeat (at most [`RUIN_PASSES`]) while one keeps something.
//! Only for plans of at most [`RUIN_MAX_STOPS`] stops, where a pass
//! costs little; larger plans keep the result of construction and local search.

use super::costs::{Costs, Plan};
use super::improve::improve;

/// Stops taken out at a time: each size in turn.
pub(crate) const RUIN_SIZES: [usize; 4] = [2, 3, 4, 6];
/// At most this many passes over every stop (a pass that keeps nothing ends it sooner).
pub(crate) const RUIN_PASSES: usize = 8;
/// Largest plan that gets the ruin-and-recreate pass.
pub(crate) const RUIN_MAX_STOPS: usize = 40;

/// (metres, minutes) of a whole plan.
pub(crate) fn total(c: &Costs, rs: &[Vec<usize>]) -> (u64, u64) {
    rs.iter()
        .map(|r| c.tour(r))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
}

/// One ruin-and-recreate pass over every stop; returns the best plan seen.
pub(crate) fn ruin_recreate(c: &Costs, mut best: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let n = c.nodes - 1;
    if !(2..=RUIN_MAX_STOPS).contains(&n) {
        return best;
    }
    let mut best_cost = total(c, &best);
    for _ in 0..RUIN_PASSES {
        let before = best_cost;
        for size in RUIN_SIZES {
            for k in 1..=n {
                (best, best_cost) = ruin_one(c, best, best_cost, k, size);
            }
        }
        if best_cost == before {
            break;
        }
    }
    best
}

/// Takes `k` and its `size` − 1 nearest stops out, puts them back, improves; keeps the
/// better of that and `best`.
fn ruin_one(
    c: &Costs,
    best: Vec<Vec<usize>>,
    best_cost: (u64, u64),
    k: usize,
    size: usize,
) -> (Vec<Vec<usize>>, (u64, u64)) {
    let n = c.nodes - 1;
    {
        let mut near: Vec<usize> = (1..=n).collect();
        near.sort_by_key(|&x| (x != k, c.d(k, x), x));
        near.truncate(size.min(n));
        let mut kept: Vec<Vec<usize>> = best
            .iter()
            .map(|r| r.iter().copied().filter(|x| !near.contains(x)).collect())
            .collect();
        kept.retain(|r: &Vec<usize>| !r.is_empty());
        // Put back farthest from the start first, then nearest first (ties by USCC).
        near.sort_by_key(|&x| (std::cmp::Reverse(c.d(0, x)), x));
        let mut orders = vec![near.clone()];
        near.sort_by_key(|&x| (c.d(0, x), x));
        orders.push(near);
        let mut found: Option<(Plan, (u64, u64))> = None;
        for order in orders {
            let mut cand = kept.clone();
            for &x in &order {
                insert_cheapest(c, &mut cand, x);
            }
            improve(c, &mut cand);
            let cost = total(c, &cand);
            if cost < found.as_ref().map_or(best_cost, |f| f.1) {
                found = Some((cand, cost));
            }
        }
        if let Some(f) = found {
            return f;
        }
    }
    (best, best_cost)
}

/// Puts `x` where it adds the least (metres, minutes) and fits; else on a new route.
fn insert_cheapest(c: &Costs, rs: &mut Vec<Vec<usize>>, x: usize) {
    let mut best: Option<((i128, i128), usize, usize)> = None;
    for (ri, r) in rs.iter().enumerate() {
        if r.len() + 1 > c.max_visits {
            continue;
        }
        let before = c.tour(r);
        for p in 0..=r.len() {
            let mut cand = r.clone();
            cand.insert(p, x);
            let after = c.tour(&cand);
            if after.1 > c.day_minutes {
                continue;
            }
            // Signed: a platform matrix need not obey the triangle inequality.
            let add = (
                i128::from(after.0) - i128::from(before.0),
                i128::from(after.1) - i128::from(before.1),
            );
            if best.is_none_or(|(b, _, _)| add < b) {
                best = Some((add, ri, p));
            }
        }
    }
    match best {
        Some((_, ri, p)) => rs[ri].insert(p, x),
        None => rs.push(vec![x]),
    }
}
