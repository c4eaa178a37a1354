//! Work split across threads, where the `parallel` feature allows it.
//!
//! Only pure, per-element work is split: each chunk is computed by the same function
//! as it would be on one thread, and the chunks' results are put back in input order,
//! so a result never depends on the number of threads. Without the feature (the
//! default, and always on WebAssembly, which has no threads), or where a thread cannot
//! be started, everything runs on the calling thread.

/// Fewest elements worth a thread of their own: below this, starting a thread costs
/// more than it saves.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
const MIN_PER_THREAD: usize = 4096;

/// Most threads used at once.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
const MAX_THREADS: usize = 8;

/// How many threads `len` elements get (1 = the calling thread alone).
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
fn threads_for(len: usize) -> usize {
    let available = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    available.min(MAX_THREADS).min(len / MIN_PER_THREAD).max(1)
}

/// How many pieces a text of `len` bytes is worth cutting into for separate threads
/// (1 without the `parallel` feature).
pub(crate) fn threads_for_bytes(len: usize) -> usize {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        // About 64 bytes per element of `MIN_PER_THREAD`.
        threads_for(len / 64)
    }
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    {
        let _ = len;
        1
    }
}

/// [`map_each`] of parts handed over by value: `f` of each part, in order, parts after
/// the first on threads of their own where the `parallel` feature allows (a part whose
/// thread cannot be started is computed on this thread, as by `map_each`).
///
/// # Errors
/// `internal_invariant` if a part's thread stopped (a panic) after taking its part, which can
/// then not be computed again.
pub(crate) fn map_owned<P: Send, R: Send>(
    parts: Vec<P>,
    f: impl Fn(P) -> R + Sync,
) -> crate::Result<Vec<R>> {
    let n = parts.len();
    let slots: Vec<std::sync::Mutex<Option<P>>> = parts
        .into_iter()
        .map(|p| std::sync::Mutex::new(Some(p)))
        .collect();
    // The lock is held only to take the part out, never while `f` runs.
    let done: Vec<R> = map_each(&slots, |slot| {
        let part = slot.lock().ok().and_then(|mut guard| guard.take());
        part.map(&f)
    })
    .into_iter()
    .flatten()
    .collect();
    if done.len() == n {
        Ok(done)
    } else {
        Err(crate::Error::internal("a part's thread stopped"))
    }
}

/// `f` of each part, in order; parts after the first run on threads of their own where
/// the `parallel` feature allows (the caller sizes the parts).
pub(crate) fn map_each<P: Sync, R: Send>(parts: &[P], f: impl Fn(&P) -> R + Sync) -> Vec<R> {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if parts.len() > 1 {
        let f = &f;
        return std::thread::scope(|scope| {
            let spawned: Vec<_> = parts
                .iter()
                .skip(1)
                .map(|part| {
                    let handle = std::thread::Builder::new().spawn_scoped(scope, move || f(part));
                    (part, handle)
                })
                .collect();
            let mut out = Vec::with_capacity(parts.len());
            out.extend(parts.first().map(f));
            for (part, handle) in spawned {
                match handle.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(r)) => out.push(r),
                    // Not started, or stopped: this thread computes the part.
                    _ => out.push(f(part)),
                }
            }
            out
        });
    }
    parts.iter().map(f).collect()
}

/// `f` over consecutive chunks of `items`, results appended to `out` in input order:
/// the same as `f(items, out)` when `f` maps each element on its own. `align` makes
/// every chunk but the last a multiple of it (the lane count of a batched `f`).
pub(crate) fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    align: usize,
    out: &mut Vec<R>,
    f: impl Fn(&[T], &mut Vec<R>) + Sync,
) {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        let threads = threads_for(items.len());
        if threads > 1 {
            let per = items.len().div_ceil(threads).div_ceil(align.max(1)) * align.max(1);
            let chunks: Vec<&[T]> = items.chunks(per).collect();
            for mut part in map_each(&chunks, |chunk| {
                let mut part = Vec::with_capacity(chunk.len());
                f(chunk, &mut part);
                part
            }) {
                out.append(&mut part);
            }
            return;
        }
    }
    let _ = align;
    f(items, out);
}

/// How many threads a job over `len` elements gets (1 without the `parallel` feature,
/// and below two threads' worth of elements).
pub(crate) fn threads_for_len(len: usize) -> usize {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        threads_for(len)
    }
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    {
        let _ = len;
        1
    }
}

/// Jobs dealt to as many groups as their total weight is worth threads
/// ([`threads_for_len`]), heaviest first, each to the group with the least weight so
/// far; one group without the `parallel` feature. Each group keeps its jobs in the
/// order dealt.
pub(crate) fn deal<T>(mut jobs: Vec<T>, weight: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    jobs.sort_by_key(|j| std::cmp::Reverse(weight(j)));
    let total: usize = jobs.iter().map(&weight).sum();
    let threads = threads_for_len(total).min(jobs.len()).max(1);
    let mut groups: Vec<Vec<T>> = (0..threads).map(|_| Vec::new()).collect();
    let mut loads = vec![0usize; threads];
    for job in jobs {
        let g = (0..threads).min_by_key(|&g| loads[g]).unwrap_or(0);
        if let (Some(load), Some(group)) = (loads.get_mut(g), groups.get_mut(g)) {
            *load += weight(&job);
            group.push(job);
        }
    }
    groups
}

/// Below this many descents (places where a key is greater than the next), keys are
/// a few ascending runs — strata listed in USCC order, one run each — and a merge of
/// the runs beats sorting from scratch.
const FEW_RUNS: usize = 64;

/// Sorts `keys` ascending (the order of `sort_unstable`: equal keys are
/// indistinguishable, so any correct sort gives the same slice).
///
/// Input that is already sorted costs one pass. Input made of fewer than [`FEW_RUNS`]
/// ascending runs is merged run by run (the standard library's stable sort finds and
/// merges natural runs). Otherwise the slice is sorted in place; with threads, it is
/// first partitioned around its middle element (`select_nth_unstable`, linear, in
/// place) and the two sides are sorted at once: nothing is merged or copied
/// afterwards, each side already holds its final elements.
pub(crate) fn sort_keys(keys: &mut [u128]) {
    let descents = keys
        .windows(2)
        .filter(|w| w[0] > w[1])
        .take(FEW_RUNS)
        .count();
    if descents == 0 {
        return;
    }
    if descents < FEW_RUNS {
        keys.sort();
        return;
    }
    sort_split(keys, threads_for_len(keys.len()));
}

/// `keys.sort_unstable()` on up to `threads` threads.
pub(crate) fn sort_split<T: Ord + Send>(keys: &mut [T], threads: usize) {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if threads > 1 && keys.len() >= 2 * MIN_PER_THREAD {
        let left_threads = threads / 2;
        let mid = keys.len() * left_threads / threads;
        keys.select_nth_unstable(mid);
        let (left, right) = keys.split_at_mut(mid);
        let right_sorted = std::thread::scope(|scope| {
            let handle = std::thread::Builder::new()
                .spawn_scoped(scope, || sort_split(right, threads - left_threads));
            sort_split(left, left_threads);
            handle.is_ok_and(|h| h.join().is_ok())
        });
        if !right_sorted {
            // Not started, or stopped: this thread sorts it.
            let (_, right) = keys.split_at_mut(mid);
            right.sort_unstable();
        }
        return;
    }
    let _ = threads;
    keys.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xorshift(n: usize, mut x: u64) -> Vec<u128> {
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (u128::from(x) << 40) | u128::from(x % 7)
            })
            .collect()
    }

    /// Chunked results come back whole and in input order, for lengths below, at and
    /// above the thread threshold (threads run only with the `parallel` feature).
    #[test]
    fn map_each_keeps_order() {
        for n in [0, 1, 2, 5] {
            let parts: Vec<usize> = (0..n).collect();
            assert_eq!(
                map_each(&parts, |&p| p * 10),
                (0..n).map(|p| p * 10).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn map_owned_keeps_order() {
        for n in [0, 1, 2, 5] {
            let parts: Vec<Vec<usize>> = (0..n).map(|p| vec![p; 3]).collect();
            assert_eq!(
                map_owned(parts, |p| p.into_iter().sum::<usize>()).unwrap(),
                (0..n).map(|p| p * 3).collect::<Vec<_>>()
            );
        }
    }

    /// A part whose thread panicked cannot be computed again (its part is gone): an
    /// `internal_invariant` error, not a shorter list.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    #[test]
    fn map_owned_reports_a_part_lost_to_a_panic() {
        let parts: Vec<Vec<usize>> = vec![vec![0], vec![1]];
        let err = map_owned(parts, |p| {
            assert_eq!(p, vec![0], "the second part's thread stops");
            0
        })
        .unwrap_err();
        assert_eq!(err.code().as_str(), "internal_invariant");
    }

    #[test]
    fn map_chunks_keeps_order() {
        for n in [0, 1, 7, 4095, 4096, 8192, 8193, 50_001] {
            let items: Vec<u64> = (0..n as u64).collect();
            let mut out = vec![u64::MAX];
            map_chunks(&items, 8, &mut out, |chunk, out| {
                out.extend(chunk.iter().map(|x| x * 3));
            });
            assert_eq!(out.len(), n + 1);
            assert_eq!(out[0], u64::MAX);
            assert!(
                out[1..].iter().enumerate().all(|(i, &x)| x == 3 * i as u64),
                "n {n}"
            );
        }
    }

    /// The split sort equals `sort_unstable`, duplicates included.
    #[test]
    fn sort_keys_equals_sort_unstable() {
        for n in [0, 1, 2, 4095, 8192, 8193, 100_003] {
            let mut keys = xorshift(n, 0x2545_f491_4f6c_dd1d);
            keys.extend_from_within(..n / 10);
            let mut expected = keys.clone();
            expected.sort_unstable();
            sort_keys(&mut keys);
            assert_eq!(keys, expected, "n {n}");
        }
    }

    /// Split into any number of threads' parts, partly sorted input included, the sort
    /// still equals `sort_unstable` (threads run only with the `parallel` feature).
    #[test]
    fn split_sort_equals_sort_unstable_for_any_thread_count() {
        for n in [0, 8191, 8192, 50_001] {
            let mut keys = xorshift(n, 0x9e37_79b9_7f4a_7c15);
            keys.extend_from_within(..n / 7);
            // Runs: ascending halves, as strata listed in USCC order give.
            let half = keys.len() / 2;
            keys[..half].sort_unstable();
            keys[half..].sort_unstable();
            let mut expected = keys.clone();
            expected.sort_unstable();
            for threads in 1..=5 {
                let mut got = keys.clone();
                sort_split(&mut got, threads);
                assert_eq!(got, expected, "n {n} threads {threads}");
            }
            sort_keys(&mut keys);
            assert_eq!(keys, expected, "n {n}");
        }
    }

    /// Few runs (merged), many runs (sorted), around the [`FEW_RUNS`] boundary.
    #[test]
    fn sort_keys_of_runs_equals_sort_unstable() {
        for runs in [1, 2, 4, FEW_RUNS - 1, FEW_RUNS, FEW_RUNS + 1, 500] {
            let mut keys = xorshift(20_000, 0x2545_f491_4f6c_dd1d);
            keys.extend_from_within(..100);
            for run in keys.chunks_mut(20_100usize.div_ceil(runs)) {
                run.sort_unstable();
            }
            let mut expected = keys.clone();
            expected.sort_unstable();
            sort_keys(&mut keys);
            assert_eq!(keys, expected, "runs {runs}");
        }
    }
}
