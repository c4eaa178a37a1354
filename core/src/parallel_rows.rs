//! Reading a large table on several threads (issue #25 goal 1), where the `parallel`
//! feature allows: how many parts an input is cut into, and running the first part on
//! the calling thread while the others run on threads of their own.
//!
//! Kept apart from `parallel.rs` (the draw engine's helpers): the same cfg, the same
//! rule that a result never depends on the number of threads.

/// Fewest input bytes read in parts: below this (about 40 000 roster rows) a table is
/// read on the calling thread alone.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
const MIN_PARALLEL_BYTES: usize = 4 << 20;

/// How many parts a table of `len` bytes is read in (1 without the `parallel`
/// feature, on WebAssembly, and below [`MIN_PARALLEL_BYTES`]).
pub(crate) fn parts_for_bytes(len: usize) -> usize {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if len >= MIN_PARALLEL_BYTES {
        return crate::parallel::threads_for_bytes(len);
    }
    let _ = len;
    1
}

/// `first(&parts[0])` on the calling thread and `rest` of every other part, in order,
/// on threads of their own where the `parallel` feature allows (where a thread cannot
/// be started or stops, the calling thread computes its part). Without parts, `first`
/// is not called and the result is `None`.
pub(crate) fn first_and_rest<P: Sync, A, R: Send>(
    parts: &[P],
    first: impl FnOnce(&P) -> A,
    rest: impl Fn(&P) -> R + Sync,
) -> Option<(A, Vec<R>)> {
    let (head, tail) = parts.split_first()?;
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if !tail.is_empty() {
        let rest = &rest;
        return Some(std::thread::scope(|scope| {
            let spawned: Vec<_> = tail
                .iter()
                .map(|part| {
                    let handle =
                        std::thread::Builder::new().spawn_scoped(scope, move || rest(part));
                    (part, handle)
                })
                .collect();
            let a = first(head);
            let mut out = Vec::with_capacity(tail.len());
            for (part, handle) in spawned {
                match handle.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(r)) => out.push(r),
                    // Not started, or stopped: this thread computes the part.
                    _ => out.push(rest(part)),
                }
            }
            (a, out)
        }));
    }
    let a = first(head);
    Some((a, tail.iter().map(rest).collect()))
}

/// `items.sort_unstable()`, on threads where the `parallel` feature allows
/// ([`crate::parallel::sort_split`]: partitioned around the middle element in place,
/// the two sides sorted at once, nothing merged or copied afterwards). For elements no
/// two of which are equal (pairs with a distinct index): every correct sort gives the
/// same slice then.
pub(crate) fn sort_distinct<T: Ord + Send>(items: &mut [T]) {
    crate::parallel::sort_split(items, crate::parallel::threads_for_len(items.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_and_rest_keeps_order() {
        let none: [u32; 0] = [];
        assert!(first_and_rest(&none, |&p| p, |&p| p).is_none());
        for n in 1..6u32 {
            let parts: Vec<u32> = (0..n).collect();
            let (a, rest) = first_and_rest(&parts, |&p| p + 100, |&p| p * 10).expect("parts");
            assert_eq!(a, 100);
            assert_eq!(rest, (1..n).map(|p| p * 10).collect::<Vec<_>>());
        }
    }

    /// The split sort is `sort_unstable` for any thread count (threads run only with
    /// the `parallel` feature).
    #[test]
    fn split_sort_equals_sort_unstable() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        for n in [0usize, 1, 2, 1000, 1 << 14, 40_001] {
            let items: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % 1000, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            for threads in 1..=5 {
                let mut got = items.clone();
                crate::parallel::sort_split(&mut got, threads);
                assert_eq!(got, expected, "n {n} threads {threads}");
            }
            let mut got = items;
            sort_distinct(&mut got);
            assert_eq!(got, expected, "n {n}");
        }
    }

    #[test]
    fn small_inputs_are_one_part() {
        assert_eq!(parts_for_bytes(0), 1);
        assert_eq!(parts_for_bytes(1 << 20), 1);
        assert!(parts_for_bytes(1 << 30) >= 1);
    }
}
