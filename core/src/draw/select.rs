//! Selection within one stratum: the `n` smallest `(ticket, uscc)` keys with a
//! buffered partial selection (O(n) memory, O(N) expected time), or every key under a
//! Bernoulli threshold.
//!
//! Keys are `(ticket, m)` where `m` is the USCC's base-31 index: ordering by `m` is
//! ordering by USCC bytes, so this is exactly the spec's `(ticket, uscc)` order.

use super::threshold::Threshold;
use super::ticket::Ticket;

/// `(ticket, base-31 USCC index)`.
pub(crate) type Key = (Ticket, u128);

/// Collects one stratum's sample while the tickets stream past.
#[derive(Debug)]
pub(crate) enum Selector {
    /// Keep the `n` smallest keys.
    ///
    /// Keys go into `buf` until it holds `2n` (at least `n + 256`); then it is cut
    /// back to its `n` smallest with a linear-time selection, and `bound` (the largest
    /// of those) rejects every later key that cannot be among the `n` smallest with
    /// one comparison. This replaced a bounded max-heap whose sift-downs cost more than
    /// the tickets of the rejected keys; the selected set is the same by definition.
    Smallest {
        n: usize,
        buf: Vec<Key>,
        bound: Option<Key>,
    },
    /// Keep every key whose ticket is under the threshold.
    Below {
        threshold: Threshold,
        picked: Vec<Key>,
    },
}

impl Selector {
    /// A bounded selector for the `n` smallest keys.
    pub(crate) fn smallest(n: usize) -> Self {
        Self::Smallest {
            n,
            buf: Vec::new(),
            bound: None,
        }
    }

    /// A Bernoulli selector.
    pub(crate) fn below(threshold: Threshold) -> Self {
        Self::Below {
            threshold,
            picked: Vec::new(),
        }
    }

    /// Offers one key.
    #[inline]
    pub(crate) fn offer(&mut self, key: Key) {
        match self {
            Self::Smallest { n, buf, bound } => {
                // Most keys are rejected here: the ticket alone decides unless it
                // equals the bound's (then the USCC does).
                if *n == 0 || bound.is_some_and(|b| key.0 > b.0 || key >= b) {
                    return;
                }
                buf.push(key);
                if buf.len() >= n.saturating_mul(2).max(n.saturating_add(256)) {
                    // `n - 1` is in range: `n > 0` and `buf.len() > n`.
                    let (_, nth, _) = buf.select_nth_unstable(*n - 1);
                    *bound = Some(*nth);
                    buf.truncate(*n);
                }
            }
            Self::Below { threshold, picked } => {
                if threshold.selects(key.0) {
                    picked.push(key);
                }
            }
        }
    }

    /// How many keys it holds now (more than it will keep, until sorted).
    pub(crate) fn len(&self) -> usize {
        match self {
            Self::Smallest { buf, .. } => buf.len(),
            Self::Below { picked, .. } => picked.len(),
        }
    }

    /// A selector of the same kind and size that has seen no key yet.
    pub(crate) fn empty_like(&self) -> Self {
        match self {
            Self::Smallest { n, .. } => Self::smallest(*n),
            Self::Below { threshold, .. } => Self::below(*threshold),
        }
    }

    /// Takes in what `other` (of the same kind and size) kept, as if its keys had been
    /// offered here: the `n` smallest of a union are the `n` smallest among the
    /// parts' `n` smallest, and a threshold selects key by key.
    pub(crate) fn absorb(&mut self, other: Self) {
        match other {
            Self::Smallest { buf, .. } => {
                for key in buf {
                    self.offer(key);
                }
            }
            Self::Below { picked, .. } => {
                for key in picked {
                    self.offer(key);
                }
            }
        }
    }

    /// The selected keys in ascending order.
    pub(crate) fn into_sorted(self) -> Vec<Key> {
        match self {
            Self::Smallest { n, mut buf, .. } => {
                buf.sort_unstable();
                buf.truncate(n);
                buf
            }
            Self::Below { mut picked, .. } => {
                picked.sort_unstable();
                picked
            }
        }
    }
}

/// The `count` smallest keys strictly greater than `after` (all keys if `after` is
/// `None`), ascending.
pub(crate) fn next_after(
    keys: impl Iterator<Item = Key>,
    after: Option<Key>,
    count: usize,
) -> Vec<Key> {
    let mut sel = Selector::smallest(count);
    for k in keys {
        if after.is_none_or(|a| k > a) {
            sel.offer(k);
        }
    }
    sel.into_sorted()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn smallest(keys: &[Key], n: usize) -> Vec<Key> {
        let mut sel = Selector::smallest(n);
        for k in keys {
            sel.offer(*k);
        }
        sel.into_sorted()
    }

    fn sorted_prefix(keys: &[Key], n: usize) -> Vec<Key> {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        sorted.truncate(n);
        sorted
    }

    proptest! {
        // Up to 3000 keys and n up to 400: the buffer (2n, at least n + 256) is cut
        // back many times, and tickets from a byte give many ties broken by the index.
        #[test]
        fn selection_equals_sort(v in proptest::collection::vec(any::<u8>(), 0..3000), n in 0usize..400) {
            let keys: Vec<Key> = v.iter().enumerate()
                .map(|(i, t)| (Ticket::from_value(u128::from(*t)), i as u128)).collect();
            prop_assert_eq!(smallest(&keys, n), sorted_prefix(&keys, n));
        }

        // Equal keys (not produced by a draw, which refuses duplicates) still give the
        // n smallest values.
        #[test]
        fn selection_with_equal_keys(v in proptest::collection::vec(0u8..4, 0..2000), n in 0usize..300) {
            let keys: Vec<Key> = v.iter().map(|t| (Ticket::from_value(u128::from(*t)), 0)).collect();
            prop_assert_eq!(smallest(&keys, n), sorted_prefix(&keys, n));
        }
    }

    proptest! {
        // Keys dealt to any number of selectors in any way, then absorbed into one,
        // select what one selector offered every key selects (the threaded draw).
        #[test]
        fn absorbed_parts_equal_one_selector(
            v in proptest::collection::vec((any::<u8>(), 0usize..4), 0..3000),
            n in 0usize..400,
            below in any::<bool>(),
        ) {
            let keys: Vec<(Key, usize)> = v.iter().enumerate()
                .map(|(i, (t, part))| ((Ticket::from_value(u128::from(*t) << 120), i as u128), *part))
                .collect();
            let one = if below {
                Selector::below(Threshold::of(crate::model::Ratio::new(1, 3).unwrap()))
            } else {
                Selector::smallest(n)
            };
            let mut parts: Vec<Selector> = (0..4).map(|_| one.empty_like()).collect();
            let mut whole = one;
            for &(k, part) in &keys {
                whole.offer(k);
                parts[part].offer(k);
            }
            let mut parts = parts.into_iter();
            let mut joined = parts.next().unwrap();
            for p in parts {
                joined.absorb(p);
            }
            prop_assert_eq!(joined.into_sorted(), whole.into_sorted());
        }
    }

    #[test]
    fn ascending_and_descending_streams() {
        // Worst and best orders for the bound: every key pushed, or few.
        let up: Vec<Key> = (0..5000u128).map(|i| (Ticket::from_value(i), i)).collect();
        let down: Vec<Key> = up.iter().rev().copied().collect();
        for n in [0, 1, 255, 256, 257, 1000, 4999, 5000, 6000] {
            assert_eq!(smallest(&up, n), sorted_prefix(&up, n));
            assert_eq!(smallest(&down, n), sorted_prefix(&down, n));
        }
    }
}
