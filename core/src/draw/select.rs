//! Selection within one stratum: the `n` smallest `(ticket, uscc)` keys with a bounded
//! max-heap (O(n) memory, O(N log n) time), or every key under a Bernoulli threshold.
//!
//! Keys are `(ticket, m)` where `m` is the USCC's base-31 index: ordering by `m` is
//! ordering by USCC bytes, so this is exactly the spec's `(ticket, uscc)` order.

use std::collections::BinaryHeap;

use super::threshold::Threshold;
use super::ticket::Ticket;

/// `(ticket, base-31 USCC index)`.
pub(crate) type Key = (Ticket, u128);

/// Collects one stratum's sample while the tickets stream past.
#[derive(Debug)]
pub(crate) enum Selector {
    /// Keep the `n` smallest keys.
    Smallest { n: usize, heap: BinaryHeap<Key> },
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
            heap: BinaryHeap::with_capacity(n),
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
            Self::Smallest { n, heap } => {
                if heap.len() < *n {
                    heap.push(key);
                } else if let Some(mut top) = heap.peek_mut() {
                    if key < *top {
                        *top = key;
                    }
                }
            }
            Self::Below { threshold, picked } => {
                if threshold.selects(key.0) {
                    picked.push(key);
                }
            }
        }
    }

    /// The selected keys in ascending order.
    pub(crate) fn into_sorted(self) -> Vec<Key> {
        match self {
            Self::Smallest { heap, .. } => heap.into_sorted_vec(),
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

    proptest! {
        #[test]
        fn heap_equals_sort(v in proptest::collection::vec((any::<u8>(), any::<u8>()), 0..200), n in 0usize..50) {
            let keys: Vec<Key> = v.iter().enumerate()
                .map(|(i, (t, _))| (Ticket::from_value(u128::from(*t)), i as u128)).collect();
            let mut sel = Selector::smallest(n);
            for k in &keys { sel.offer(*k); }
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.truncate(n);
            prop_assert_eq!(sel.into_sorted(), sorted);
        }
    }
}
