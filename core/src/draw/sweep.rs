//! The selection sweep: every eligible enterprise's ticket computed once, in ascending
//! index order, and offered to each (item, stratum) that lists it.
//!
//! The sweep walks all strata of all items together, a chunk of indices at a time: per
//! chunk it packs each item's keys `index << 32 | stratum` (merging the item's strata),
//! then merges the items so that an enterprise listed by several items gets one
//! ticket. A chunk holds at most [`CHUNK`] enterprises of each stratum, so its keys
//! stay in cache; nothing the size of the draw is allocated or sorted. Large draws are
//! cut into index ranges, one per thread ([`ranges`]), each with selectors of its own.

use std::collections::BTreeMap;

use super::eligible::Eligible;
use super::select::Selector;
use super::ticket::{Ticket, Ticketer};

/// At most this many enterprises of one stratum per chunk.
const CHUNK: usize = 4096;

/// How many distinct enterprises [`select_lists`] collects before computing their
/// tickets together: a multiple of the ChaCha20 lane count, small enough to stay in
/// cache.
const TICKET_BATCH: usize = 1 << 14;

const LOW32: u128 = 0xffff_ffff;

/// Where a sweep starts in each item's strata (positions) and the index it stops
/// before (`None`: the end of every list).
pub(super) type Range = (Vec<Vec<usize>>, Option<u128>);

/// Cuts the index space into at most `parts` ranges holding about as many positions
/// each (of all lists together: strata may cover different parts of the index space).
/// Every position of every list is in exactly one range, and an enterprise's positions
/// (one per list holding it) are all in the same range.
pub(super) fn ranges(lists: &[&[Eligible]], parts: usize) -> Vec<Range> {
    let all = || lists.iter().flat_map(|strata| strata.iter());
    let below = |m: u128| -> usize { all().map(|l| l.position(m)).sum() };
    let total: usize = all().map(Eligible::len).sum();
    // The k-th cut: the smallest index with at least k/parts of the positions below it
    // (binary search over the index space, below 31^18 < 2^90).
    let mut cuts: Vec<u128> = (1..parts)
        .map(|k| {
            let target = total * k / parts;
            let (mut lo, mut hi) = (0u128, 1u128 << 90);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if below(mid) < target {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        })
        .filter(|&c| c > 0 && c < 1 << 90)
        .collect();
    cuts.dedup();
    let starts = |cut: Option<u128>| -> Vec<Vec<usize>> {
        lists
            .iter()
            .map(|strata| {
                strata
                    .iter()
                    .map(|l| cut.map_or(0, |c| l.position(c)))
                    .collect()
            })
            .collect()
    };
    let mut from = None;
    let mut out = Vec::with_capacity(cuts.len() + 1);
    for cut in cuts.into_iter().map(Some).chain([None]) {
        out.push((starts(from), cut));
        from = cut;
    }
    out
}

/// Sweeps one range of `lists` (per item, per stratum) and offers every key to
/// `selectors` (per item, per stratum). Returns `false`, having stopped, on finding an
/// enterprise in two strata of one item: the draw is then refused, and what the
/// selectors hold is meaningless.
pub(super) fn sweep(
    ticketer: &Ticketer,
    overrides: &BTreeMap<u128, Ticket>,
    lists: &[&[Eligible]],
    (starts, end): &Range,
    selectors: &mut [Vec<Selector>],
) -> bool {
    let mut cursors = starts.clone();
    let mut keys: Vec<Vec<u128>> = lists.iter().map(|_| Vec::new()).collect();
    let end = end.unwrap_or(u128::MAX);
    loop {
        // The chunk ends at the end of the range or at the index CHUNK places on in
        // some list, whichever comes first: each list gives at most CHUNK keys, and the
        // list that set the cut gives exactly CHUNK (so every round moves on).
        let mut cut = end;
        for (strata, cur) in lists.iter().zip(&cursors) {
            for (l, &c) in strata.iter().zip(cur) {
                if let Some(m) = l.index(c + CHUNK) {
                    cut = cut.min(m);
                }
            }
        }
        let mut any = false;
        for ((strata, cur), out) in lists.iter().zip(cursors.iter_mut()).zip(keys.iter_mut()) {
            out.clear();
            let mut runs = 0;
            for (h, (l, c)) in strata.iter().zip(cur.iter_mut()).enumerate() {
                let before = out.len();
                l.take_below(c, cut, h as u128, out);
                runs += usize::from(out.len() > before);
            }
            if runs > 1 {
                // The strata's runs merged (a stable sort merges ascending runs); an
                // enterprise in two strata leaves two keys with one index side by side.
                out.sort();
                if out.windows(2).any(|w| w[0] >> 32 == w[1] >> 32) {
                    return false;
                }
            }
            any |= !out.is_empty();
        }
        if !any {
            return true;
        }
        let chunk: Vec<&[u128]> = keys.iter().map(Vec::as_slice).collect();
        select_lists(ticketer, overrides, &chunk, selectors);
    }
}

/// Offers every key of the sorted `lists` (one per item, packed `index << 32 |
/// stratum`) to the selector of its item and stratum, computing each enterprise's
/// ticket once however many lists hold it, in batches of [`TICKET_BATCH`] distinct
/// enterprises.
fn select_lists(
    ticketer: &Ticketer,
    overrides: &BTreeMap<u128, Ticket>,
    lists: &[&[u128]],
    selectors: &mut [Vec<Selector>],
) {
    let mut cursors = vec![0usize; lists.len()];
    // Batches of distinct indices in ascending order, with the (item, stratum) offers
    // each one gets: the batch's tickets are computed `LANES` at a time.
    let mut batch: Vec<u128> = Vec::with_capacity(TICKET_BATCH);
    let mut offers: Vec<(usize, usize, usize)> = Vec::with_capacity(TICKET_BATCH);
    let mut tickets: Vec<Ticket> = Vec::with_capacity(TICKET_BATCH);
    loop {
        batch.clear();
        offers.clear();
        if let ([list], [c]) = (lists, cursors.as_mut_slice()) {
            // One item: its keys are the batch, no merge.
            let chunk = list.get(*c..).unwrap_or(&[]);
            let chunk = chunk.get(..TICKET_BATCH).unwrap_or(chunk);
            for &k in chunk {
                let h = usize::try_from(k & LOW32).unwrap_or(usize::MAX);
                offers.push((0, h, batch.len()));
                batch.push(k >> 32);
            }
            *c += chunk.len();
        } else {
            while batch.len() < TICKET_BATCH {
                let mut min: Option<u128> = None;
                for (list, &c) in lists.iter().zip(&cursors) {
                    if let Some(&k) = list.get(c) {
                        let m = k >> 32;
                        min = Some(min.map_or(m, |x: u128| x.min(m)));
                    }
                }
                let Some(m) = min else { break };
                for (i, (list, c)) in lists.iter().zip(cursors.iter_mut()).enumerate() {
                    if let Some(&k) = list.get(*c) {
                        if k >> 32 == m {
                            let h = usize::try_from(k & LOW32).unwrap_or(usize::MAX);
                            offers.push((i, h, batch.len()));
                            *c += 1;
                        }
                    }
                }
                batch.push(m);
            }
        }
        if batch.is_empty() {
            break;
        }
        tickets.clear();
        ticketer.tickets_here(&batch, &mut tickets);
        if !overrides.is_empty() {
            for (t, m) in tickets.iter_mut().zip(&batch) {
                if let Some(o) = overrides.get(m) {
                    *t = *o;
                }
            }
        }
        for &(i, h, b) in &offers {
            let sel = selectors.get_mut(i).and_then(|sels| sels.get_mut(h));
            if let (Some(sel), Some(&t), Some(&m)) = (sel, tickets.get(b), batch.get(b)) {
                sel.offer((t, m));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut puts every position in exactly one range, and every index of a range
    /// below every index of the ranges after it (so an enterprise's positions, one per
    /// list holding it, are in one range).
    #[test]
    fn ranges_cover_each_position_once() {
        let items = [
            vec![
                Eligible::Indices(vec![1, 2, 3, 5, 8, 13, 21]),
                Eligible::Indices(vec![4, 6]),
            ],
            vec![Eligible::Indices(vec![2, 3, 4])],
            vec![Eligible::Indices(Vec::new())],
        ];
        let lists: Vec<&[Eligible]> = items.iter().map(Vec::as_slice).collect();
        for parts in 1..10 {
            let rs = ranges(&lists, parts);
            assert!(!rs.is_empty() && rs.len() <= parts);
            assert!(rs[0].0.iter().flatten().all(|&p| p == 0));
            assert_eq!(rs.last().map(|r| r.1), Some(None));
            // Range k covers the positions from its starts to the next range's.
            let mut seen: Vec<Vec<u128>> = Vec::new();
            for (k, (starts, end)) in rs.iter().enumerate() {
                let mut ms = Vec::new();
                for (i, strata) in lists.iter().enumerate() {
                    for (h, l) in strata.iter().enumerate() {
                        let to = rs.get(k + 1).map_or(l.len(), |next| next.0[i][h]);
                        for p in starts[i][h]..to {
                            let m = l.index(p).unwrap();
                            assert!(end.is_none_or(|e| m < e), "parts {parts}");
                            ms.push(m);
                        }
                    }
                }
                seen.push(ms);
            }
            let total: usize = seen.iter().map(Vec::len).sum();
            assert_eq!(total, 12, "parts {parts}");
            for w in seen.windows(2) {
                assert!(
                    w[0].iter().all(|x| w[1].iter().all(|y| x < y)),
                    "parts {parts}"
                );
            }
        }
    }
}
