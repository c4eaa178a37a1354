//! A stratum's eligible enterprises as the engine keeps them: in ascending USCC order
//! (which is ascending base-31 index order), so that the selection can sweep every
//! item's strata together a cache-sized chunk at a time without building and sorting
//! one packed key per eligible row first.

use super::ticket::{IndexRuns, uscc_index};
use crate::model::Uscc;

/// One stratum's eligible enterprises, ascending.
#[derive(Debug, Clone)]
pub(super) enum Eligible {
    /// The codes as the input gave them, already strictly ascending (the order of a
    /// roster, of an eligibility report and of a published eligible list): kept as
    /// they are, nothing copied; indices are computed as the sweep reaches them.
    Codes(Vec<Uscc>),
    /// The codes' base-31 indices, sorted ascending: the input was in another order
    /// (a column read in row order). An enterprise listed twice has two equal,
    /// adjacent indices.
    Indices(Vec<u128>),
}

impl Eligible {
    /// Takes a stratum's codes; the flag is set iff some code is listed twice.
    pub(super) fn new(codes: Vec<Uscc>) -> (Self, bool) {
        if strictly_ascending(&codes) {
            return (Self::Codes(codes), false);
        }
        let mut ms = Vec::with_capacity(codes.len());
        crate::parallel::map_chunks(&codes, 1, &mut ms, |chunk, ms| {
            ms.extend(chunk.iter().map(uscc_index));
        });
        drop(codes);
        crate::parallel::sort_keys(&mut ms);
        let twice = ms.windows(2).any(|w| w[0] == w[1]);
        (Self::Indices(ms), twice)
    }

    /// How many enterprises.
    pub(super) fn len(&self) -> usize {
        match self {
            Self::Codes(v) => v.len(),
            Self::Indices(v) => v.len(),
        }
    }

    /// The index at position `i`, if any.
    pub(super) fn index(&self, i: usize) -> Option<u128> {
        match self {
            Self::Codes(v) => v.get(i).map(uscc_index),
            Self::Indices(v) => v.get(i).copied(),
        }
    }

    /// The position of the first index not below `m` (the length if none).
    pub(super) fn position(&self, m: u128) -> usize {
        match self {
            Self::Codes(v) => v.partition_point(|u| uscc_index(u) < m),
            Self::Indices(v) => v.partition_point(|&x| x < m),
        }
    }

    /// Appends `index << 32 | tag` for each position from `*cursor` on whose index is
    /// below `end`, and moves `*cursor` past them.
    #[inline]
    pub(super) fn take_below(&self, cursor: &mut usize, end: u128, tag: u128, out: &mut Vec<u128>) {
        match self {
            Self::Codes(v) => {
                let mut runs = IndexRuns::default();
                for u in v.get(*cursor..).unwrap_or(&[]) {
                    let m = runs.index(u);
                    if m >= end {
                        break;
                    }
                    out.push((m << 32) | tag);
                    *cursor += 1;
                }
            }
            Self::Indices(v) => {
                for &m in v.get(*cursor..).unwrap_or(&[]) {
                    if m >= end {
                        break;
                    }
                    out.push((m << 32) | tag);
                    *cursor += 1;
                }
            }
        }
    }

    /// Every index, ascending.
    pub(super) fn indices(&self) -> impl Iterator<Item = u128> + '_ {
        let (codes, indices) = match self {
            Self::Codes(v) => (Some(v.iter().map(uscc_index)), None),
            Self::Indices(v) => (None, Some(v.iter().copied())),
        };
        codes
            .into_iter()
            .flatten()
            .chain(indices.into_iter().flatten())
    }
}

/// Whether every code is below the next (on several threads for long lists with the
/// `parallel` feature: each part checks its codes and the first of the next part).
fn strictly_ascending(codes: &[Uscc]) -> bool {
    let parts = crate::parallel::threads_for_len(codes.len());
    let bounds: Vec<(usize, usize)> = (0..parts)
        .map(|k| {
            let (from, to) = (codes.len() * k / parts, codes.len() * (k + 1) / parts);
            (from, (to + 1).min(codes.len()))
        })
        .collect();
    crate::parallel::map_each(&bounds, |&(from, to)| {
        codes
            .get(from..to)
            .unwrap_or(&[])
            .windows(2)
            .all(|w| w[0] < w[1])
    })
    .into_iter()
    .all(|ok| ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_code as code;

    #[test]
    fn ascending_codes_are_kept_others_sorted_and_repeats_flagged() {
        let c: Vec<Uscc> = [3, 17, 40, 41, 9000].into_iter().map(code).collect();
        let up: Vec<u128> = c.iter().map(uscc_index).collect();
        assert!(up.windows(2).all(|w| w[0] < w[1]));
        let (e, twice) = Eligible::new(c.clone());
        assert!(matches!(e, Eligible::Codes(_)) && !twice);
        assert_eq!(e.indices().collect::<Vec<_>>(), up);
        assert_eq!((e.len(), e.index(1), e.index(5)), (5, Some(up[1]), None));
        assert_eq!(
            (e.position(up[2]), e.position(up[2] + 1), e.position(0)),
            (2, 3, 0)
        );
        let mut down = c.clone();
        down.reverse();
        let (e, twice) = Eligible::new(down);
        assert!(matches!(e, Eligible::Indices(_)) && !twice);
        assert_eq!(e.indices().collect::<Vec<_>>(), up);
        assert_eq!((e.position(up[2]), e.position(u128::MAX)), (2, 5));
        let mut dup = c.clone();
        dup.push(c[0]);
        let (e, twice) = Eligible::new(dup);
        assert!(twice && e.len() == 6);
        // Equal neighbours are not ascending: a repeat in order is flagged too.
        let (_, twice) = Eligible::new(vec![c[0], c[0], c[1]]);
        assert!(twice);
        // take_below stops at the bound and moves the cursor.
        for e in [Eligible::new(c.clone()).0, Eligible::Indices(up.clone())] {
            let (mut cursor, mut out) = (1, Vec::new());
            e.take_below(&mut cursor, up[3], 7, &mut out);
            assert_eq!(cursor, 3);
            assert_eq!(out, [(up[1] << 32) | 7, (up[2] << 32) | 7]);
        }
    }

    #[test]
    fn long_lists_are_checked_across_part_boundaries() {
        let c: Vec<Uscc> = (0..20_000).map(code).collect();
        assert!(strictly_ascending(&c));
        for at in [1, 4095, 4096, 9999, 10_000, 10_001, 19_999] {
            let mut swapped = c.clone();
            swapped.swap(at - 1, at);
            assert!(!strictly_ascending(&swapped), "swap at {at}");
            let mut repeated = c.clone();
            repeated[at] = repeated[at - 1];
            assert!(!strictly_ascending(&repeated), "repeat at {at}");
        }
    }
}
