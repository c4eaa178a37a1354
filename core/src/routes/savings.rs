//! Construction: the Clarke–Wright savings method (parallel version).
//!
//! Start with one route per stop (start → k → start). The saving of joining the route
//! that ends in `i` to the route that begins with `j` is `s(i, j) = d(i, 0) + d(0, j) −
//! λ·d(i, j)` (λ = 1 is the classic method; the plan tries the λ of [`LAMBDAS`]). Pairs with a positive saving are taken in decreasing order of saving (ties:
//! `i`, then `j`, in USCC order); a pair joins two routes when `i` is an end of one and
//! `j` an end of the other (each turned round if needed so that `i` is last and `j`
//! first) and the joined route still fits in a day (visits and minutes).

use std::cmp::Reverse;

use super::costs::Costs;

/// The shape factors λ (in tenths) of the savings `d(i, 0) + d(0, j) − λ·d(i, j)` tried
/// one after the other; 10 is the classic method, the others are its usual
/// parametrised variants (smaller λ favours joining far stops, larger λ near ones).
pub(crate) const LAMBDAS: [u64; 5] = [10, 6, 14, 20, 3];
/// How many of [`LAMBDAS`] a plan of more than `ruin::RUIN_MAX_STOPS` stops tries.
pub(crate) const LARGE_LAMBDAS: usize = 2;

/// The routes built by savings with shape factor `lambda` (tenths), as lists of nodes
/// (1…n).
pub(crate) fn savings(c: &Costs, lambda: u64) -> Vec<Vec<usize>> {
    let n = c.nodes - 1;
    let mut routes: Vec<Vec<usize>> = (1..=n).map(|k| vec![k]).collect();
    // route_of[k]: index in `routes` of the route holding node k (k ≥ 1).
    let mut route_of: Vec<usize> = (0..=n).map(|k| k.saturating_sub(1)).collect();
    let mut pairs: Vec<(Reverse<u64>, u32, u32)> = Vec::new();
    for i in 1..=n {
        for j in 1..=n {
            if i == j {
                continue;
            }
            let s = ((c.d(i, 0) + c.d(0, j)) * 10).saturating_sub(c.d(i, j) * lambda);
            if s > 0 {
                pairs.push((Reverse(s), node32(i), node32(j)));
            }
        }
    }
    pairs.sort_unstable();
    for (_, i, j) in pairs {
        let (i, j) = (i as usize, j as usize);
        let (ra, rb) = (route_of[i], route_of[j]);
        if ra == rb || routes[ra].len() + routes[rb].len() > c.max_visits {
            continue;
        }
        let (a, b) = (&routes[ra], &routes[rb]);
        let i_end = a.first() == Some(&i) || a.last() == Some(&i);
        let j_end = b.first() == Some(&j) || b.last() == Some(&j);
        if !i_end || !j_end {
            continue;
        }
        let mut joined: Vec<usize> = Vec::with_capacity(a.len() + b.len());
        if a.last() == Some(&i) {
            joined.extend_from_slice(a);
        } else {
            joined.extend(a.iter().rev());
        }
        if b.first() == Some(&j) {
            joined.extend_from_slice(b);
        } else {
            joined.extend(b.iter().rev());
        }
        let (_, minutes) = c.tour(&joined);
        if !c.fits(joined.len(), minutes) {
            continue;
        }
        for &k in &joined {
            route_of[k] = ra;
        }
        routes[ra] = joined;
        routes[rb].clear();
    }
    routes.retain(|r| !r.is_empty());
    routes
}

fn node32(k: usize) -> u32 {
    // Nodes are bounded by MAX_STOPS + 1.
    u32::try_from(k).unwrap_or(u32::MAX)
}
