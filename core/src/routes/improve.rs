//! Improvement: local search to a local optimum, deterministic.
//!
//! A move is taken only if it keeps every route within a day and makes the plan strictly
//! better in the order (total metres, then total minutes); so the search ends. Rounds
//! repeat until no move helps:
//!
//! 1. inside each route, the best of all **2-opt** moves (reverse a stretch) and
//!    **Or-opt** moves (move a stretch of 1–3 stops elsewhere in the route, either way
//!    round), repeated until none helps;
//! 2. between routes, the first helpful move in a fixed scan order: **relocate** a
//!    stretch of 1–3 stops (either way round) into another route at any place, or
//!    **swap** two stops of different routes, or else a **2-opt\*** exchange of the
//!    routes' ends (see `tails`). A route left empty is dropped.

use super::costs::Costs;

/// Improves `routes` in place.
pub(crate) fn improve(c: &Costs, routes: &mut Vec<Vec<usize>>) {
    let mut dirty = vec![true; routes.len()];
    loop {
        for (r, d) in routes.iter_mut().zip(&mut dirty) {
            if *d {
                intra(c, r);
                *d = false;
            }
        }
        let mut moved = false;
        for a in 0..routes.len() {
            while let Some(b) = inter(c, routes, a) {
                dirty[a] = true;
                dirty[b] = true;
                moved = true;
            }
        }
        if !moved {
            match tails(c, routes) {
                Some((a, b)) => {
                    dirty[a] = true;
                    dirty[b] = true;
                }
                None => break,
            }
        }
        let keep: Vec<bool> = routes.iter().map(|r| !r.is_empty()).collect();
        let mut k = keep.iter();
        routes.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        dirty.retain(|_| *k.next().unwrap_or(&true));
    }
}

/// 2-opt and Or-opt inside one route, best move first, until none helps.
fn intra(c: &Costs, r: &mut Vec<usize>) {
    let len = r.len();
    if len < 2 {
        return;
    }
    loop {
        let mut best = c.tour(r);
        let mut best_route: Option<Vec<usize>> = None;
        let mut consider = |cand: Vec<usize>, best_route: &mut Option<Vec<usize>>| {
            let cost = c.tour(&cand);
            if cost.1 <= c.day_minutes && cost < best {
                best = cost;
                *best_route = Some(cand);
            }
        };
        for i in 0..len {
            for j in (i + 1)..len {
                let mut cand = r.clone();
                cand[i..=j].reverse();
                consider(cand, &mut best_route);
            }
        }
        for seg in 1..=3.min(len - 1) {
            for i in 0..=(len - seg) {
                let mut rest = r.clone();
                let moved: Vec<usize> = rest.drain(i..i + seg).collect();
                for p in 0..=rest.len() {
                    if p == i {
                        continue;
                    }
                    for reversed in [false, true] {
                        if reversed && seg == 1 {
                            continue;
                        }
                        let mut cand = Vec::with_capacity(len);
                        cand.extend_from_slice(&rest[..p]);
                        if reversed {
                            cand.extend(moved.iter().rev());
                        } else {
                            cand.extend_from_slice(&moved);
                        }
                        cand.extend_from_slice(&rest[p..]);
                        consider(cand, &mut best_route);
                    }
                }
            }
        }
        match best_route {
            Some(b) => *r = b,
            None => return,
        }
    }
}

/// Node before position `p` of `r` (the start at 0), and the node at `p` (the start past
/// the end).
fn around(r: &[usize], p: usize) -> (usize, usize) {
    let before = if p == 0 { 0 } else { r[p - 1] };
    (before, r.get(p).copied().unwrap_or(0))
}

/// Signed (metres, minutes) of the path through `seg` from `u` to `v`, on-site included.
fn path(c: &Costs, u: usize, seg: &[usize], v: usize) -> (i64, i64) {
    path_dir(c, u, seg, false, v)
}

/// [`path`] through `seg` forwards or turned round.
fn path_dir(c: &Costs, u: usize, seg: &[usize], reversed: bool, v: usize) -> (i64, i64) {
    let mut prev = u;
    let (mut m, mut t) = (0i64, 0i64);
    let mut step = |k: usize| {
        m += signed(c.d(prev, k));
        t += signed(c.t(prev, k) + c.onsite[k]);
        prev = k;
    };
    if reversed {
        seg.iter().rev().for_each(|&k| step(k));
    } else {
        seg.iter().for_each(|&k| step(k));
    }
    (m + signed(c.d(prev, v)), t + signed(c.t(prev, v)))
}

fn signed(x: u64) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

fn add(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 + b.0, a.1 + b.1)
}

fn sub(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 - b.0, a.1 - b.1)
}

fn fits(c: &Costs, len: usize, minutes: i64) -> bool {
    u64::try_from(minutes).is_ok_and(|m| c.fits(len, m))
}

/// The first helpful move of a stretch of route `a` into another route, or swap of a
/// stop of `a` with a stop of another route, applied; the other route, or `None`.
fn inter(c: &Costs, routes: &mut [Vec<usize>], a: usize) -> Option<usize> {
    let minutes: Vec<i64> = routes.iter().map(|r| signed(c.tour(r).1)).collect();
    let la = routes[a].len();
    // Relocate a stretch of routes[a] into another route.
    for seg in 1..=3.min(la) {
        for i in 0..=(la - seg) {
            let ra = &routes[a];
            let moved = &ra[i..i + seg];
            let (pa, na) = (around(ra, i).0, around(ra, i + seg).1);
            let removed = sub(path(c, pa, &[], na), path(c, pa, moved, na));
            if !fits(c, la - seg, minutes[a] + removed.1) {
                continue;
            }
            for b in 0..routes.len() {
                if b == a || routes[b].len() + seg > c.max_visits {
                    continue;
                }
                for p in 0..=routes[b].len() {
                    let (u, v) = around(&routes[b], p);
                    let base = path(c, u, &[], v);
                    for reversed in [false, true] {
                        if reversed && seg == 1 {
                            continue;
                        }
                        let added = sub(path_dir(c, u, moved, reversed, v), base);
                        if add(removed, added) >= (0, 0)
                            || !fits(c, routes[b].len() + seg, minutes[b] + added.1)
                        {
                            continue;
                        }
                        let mut ins: Vec<usize> = routes[a].drain(i..i + seg).collect();
                        if reversed {
                            ins.reverse();
                        }
                        let tail = routes[b].split_off(p);
                        routes[b].extend(ins);
                        routes[b].extend(tail);
                        return Some(b);
                    }
                }
            }
        }
    }
    // Swap one stop of routes[a] with one of another route.
    for i in 0..la {
        let x = routes[a][i];
        let (pa, na) = (around(&routes[a], i).0, around(&routes[a], i + 1).1);
        for b in 0..routes.len() {
            if b == a {
                continue;
            }
            for j in 0..routes[b].len() {
                let y = routes[b][j];
                let (pb, nb) = (around(&routes[b], j).0, around(&routes[b], j + 1).1);
                let da = sub(path(c, pa, &[y], na), path(c, pa, &[x], na));
                let db = sub(path(c, pb, &[x], nb), path(c, pb, &[y], nb));
                if add(da, db) >= (0, 0)
                    || !fits(c, la, minutes[a] + da.1)
                    || !fits(c, routes[b].len(), minutes[b] + db.1)
                {
                    continue;
                }
                routes[a][i] = y;
                routes[b][j] = x;
                return Some(b);
            }
        }
    }
    None
}

/// 2-opt* between two routes: cut both and join each head to the other's tail
/// (`a₁ b₂ | b₁ a₂`), or each head to the other's head turned round
/// (`a₁ b₁ʳ | a₂ʳ b₂`). The first helpful exchange in scan order is applied.
fn tails(c: &Costs, routes: &mut [Vec<usize>]) -> Option<(usize, usize)> {
    for a in 0..routes.len() {
        for b in (a + 1)..routes.len() {
            let (ra, rb) = (&routes[a], &routes[b]);
            let before = add_u(c.tour(ra), c.tour(rb));
            for i in 0..=ra.len() {
                for j in 0..=rb.len() {
                    for turned in [false, true] {
                        let (na, nb): (Vec<usize>, Vec<usize>) = if turned {
                            (
                                ra[..i]
                                    .iter()
                                    .chain(rb[..j].iter().rev())
                                    .copied()
                                    .collect(),
                                ra[i..].iter().rev().chain(&rb[j..]).copied().collect(),
                            )
                        } else {
                            (
                                ra[..i].iter().chain(&rb[j..]).copied().collect(),
                                rb[..j].iter().chain(&ra[i..]).copied().collect(),
                            )
                        };
                        let (ca, cb) = (c.tour(&na), c.tour(&nb));
                        if add_u(ca, cb) < before
                            && c.fits(na.len(), ca.1)
                            && c.fits(nb.len(), cb.1)
                        {
                            routes[a] = na;
                            routes[b] = nb;
                            return Some((a, b));
                        }
                    }
                }
            }
        }
    }
    None
}

fn add_u(a: (u64, u64), b: (u64, u64)) -> (u64, u64) {
    (a.0 + b.0, a.1 + b.1)
}
