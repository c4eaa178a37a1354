//! The ChaCha20 block function of the draw.
//!
//! The draw uses the raw ChaCha20 keystream (D. J. Bernstein's layout: 20 rounds, a
//! 256-bit key, a 64-bit block counter in state words 12–13 and a 64-bit stream id in
//! words 14–15, output words serialised little-endian; docs/draw-spec-v1.md §4.3). A
//! ticket reads 16 bytes of one block, so the block is computed here directly: a
//! keystream generator (`rand_chacha::ChaCha20Rng`, pinned exactly in the workspace)
//! computes four blocks per refill, three of them thrown away — four times the work on
//! the draw's hottest path. The tests below hold this function to `rand_chacha`'s
//! keystream and to OpenSSL's values; the draw vectors hold it to the contract.

#[cfg(test)]
use rand_chacha::ChaCha20Rng;
#[cfg(test)]
use rand_core::{Rng, SeedableRng};

/// `"expand 32-byte k"` as four little-endian words.
const SIGMA: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];

#[inline(always)]
fn quarter_round(x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(16);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(12);
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(8);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(7);
}

/// One column round and one diagonal round.
#[inline(always)]
fn double_round(x: &mut [u32; 16]) {
    quarter_round(x, 0, 4, 8, 12);
    quarter_round(x, 1, 5, 9, 13);
    quarter_round(x, 2, 6, 10, 14);
    quarter_round(x, 3, 7, 11, 15);
    quarter_round(x, 0, 5, 10, 15);
    quarter_round(x, 1, 6, 11, 12);
    quarter_round(x, 2, 7, 8, 13);
    quarter_round(x, 3, 4, 9, 14);
}

/// The low and high 32-bit halves of a 64-bit value.
const fn halves(v: u64) -> (u32, u32) {
    let b = v.to_le_bytes();
    (
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
    )
}

/// The first 16 bytes of the ChaCha20 keystream block under `key` with block counter
/// `counter` and stream id `stream` (equivalently: the 16-byte ChaCha20 "nonce" input
/// `u64_le(counter) ‖ u64_le(stream)`, e.g. for OpenSSL).
#[inline]
pub(crate) fn block_prefix16(key: &[u8; 32], counter: u64, stream: u64) -> [u8; 16] {
    let mut state = [0u32; 16];
    state[..4].copy_from_slice(&SIGMA);
    for (word, bytes) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    (state[12], state[13]) = halves(counter);
    (state[14], state[15]) = halves(stream);
    let mut x = state;
    for _ in 0..10 {
        double_round(&mut x);
    }
    let mut out = [0u8; 16];
    for (i, chunk) in out.chunks_exact_mut(4).enumerate() {
        chunk.copy_from_slice(&x[i].wrapping_add(state[i]).to_le_bytes());
    }
    out
}

/// How many blocks [`block_prefix16_lanes`] computes at once.
pub(crate) const LANES: usize = 8;

/// [`block_prefix16`] of `LANES` (counter, stream) pairs under one key: the same
/// values, computed lane-wise so that the compiler can keep the lanes in SIMD
/// registers (SSE2 on every x86-64, NEON on aarch64, `simd128` in the SIMD wasm build:
/// about half the time of [`block_prefix16`] per block on each).
///
/// The state is word-major (`x[w][lane]`); each double round runs over the lanes as an
/// inner loop with no dependency between iterations, the shape LLVM's loop vectoriser
/// turns into vector instructions. Written the other way round (lanes inside each
/// quarter-round) it is not vectorised. Where no SIMD exists it is scalar code with the
/// same result but slower, so the ticketer uses it only on SIMD targets;
/// `matches_the_single_block_function` holds it to [`block_prefix16`].
#[inline]
pub(crate) fn block_prefix16_lanes(
    key: &[u8; 32],
    inputs: &[(u64, u64); LANES],
) -> [[u8; 16]; LANES] {
    let mut state = [[0u32; LANES]; 16];
    for (word, sigma) in state.iter_mut().zip(SIGMA) {
        *word = [sigma; LANES];
    }
    for (word, bytes) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
        *word = [u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]); LANES];
    }
    for (lane, &(counter, stream)) in inputs.iter().enumerate() {
        (state[12][lane], state[13][lane]) = halves(counter);
        (state[14][lane], state[15][lane]) = halves(stream);
    }
    lanes_prefix16(&state)
}

/// The same 16 bytes through `rand_chacha`'s keystream generator (the reference).
#[cfg(test)]
fn block_prefix16_rand_chacha(key: &[u8; 32], counter: u64, stream: u64) -> [u8; 16] {
    let mut rng = ChaCha20Rng::from_seed(*key);
    // Seek first: at a block boundary `set_stream` does not regenerate the buffer.
    rng.set_word_pos(u128::from(counter) << 4);
    rng.set_stream(stream);
    let mut out = [0u8; 16];
    rng.fill_bytes(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values re-computed with OpenSSL's ChaCha20 through Python `cryptography`
    /// (research report §4): key 0x42×32.
    #[test]
    fn matches_openssl_chacha20() {
        let key = [0x42; 32];
        assert_eq!(
            hex::encode(block_prefix16(&key, 0, 0)),
            "a4ddf31f7f32ba696f14ce50ecf3f21e"
        );
        // Block 1 of stream 5, first 8 bytes.
        assert_eq!(
            &hex::encode(block_prefix16(&key, 1, 5))[..16],
            "6bef0fcc0c38e158"
        );
    }

    /// The direct block function gives `rand_chacha`'s keystream: edge counters and
    /// streams, and a spread of keys, counters and streams from a simple generator.
    #[test]
    fn matches_rand_chacha() {
        let edges = [
            0,
            1,
            2,
            0xffff_ffff,
            1 << 32,
            (1 << 32) + 1,
            u64::MAX - 1,
            u64::MAX,
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            // splitmix64
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        let mut cases = Vec::new();
        for &c in &edges {
            for &s in &edges {
                cases.push(([0x42; 32], c, s));
            }
        }
        for _ in 0..2000 {
            let mut key = [0u8; 32];
            for chunk in key.chunks_exact_mut(8) {
                chunk.copy_from_slice(&next().to_le_bytes());
            }
            cases.push((key, next(), next() >> (next() % 64)));
        }
        for (key, counter, stream) in cases {
            assert_eq!(
                block_prefix16(&key, counter, stream),
                block_prefix16_rand_chacha(&key, counter, stream),
                "key {} counter {counter} stream {stream}",
                hex::encode(key)
            );
        }
    }

    /// The lane-wise function gives the single-block function's values in every lane,
    /// lanes independent of each other (one key, mixed counters and streams).
    #[test]
    fn matches_the_single_block_function() {
        let mut x: u64 = 0x0123_4567_89ab_cdef;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for round in 0..500 {
            let mut key = [0u8; 32];
            for chunk in key.chunks_exact_mut(8) {
                chunk.copy_from_slice(&next().to_le_bytes());
            }
            let mut inputs = [(0u64, 0u64); LANES];
            for (lane, input) in inputs.iter_mut().enumerate() {
                *input = match (round + lane) % 4 {
                    0 => (next(), next() >> 40),
                    1 => (u64::MAX - (lane as u64), u64::MAX),
                    2 => (lane as u64, 0),
                    _ => (next(), next()),
                };
            }
            let lanes = block_prefix16_lanes(&key, &inputs);
            for (lane, &(counter, stream)) in inputs.iter().enumerate() {
                assert_eq!(
                    lanes[lane],
                    block_prefix16(&key, counter, stream),
                    "lane {lane}"
                );
            }
        }
    }
}

/// The first 16 bytes of block 0, stream 0 of the ChaCha20 keystream under each of
/// `keys`, appended to `out` in order: the values of [`block_prefix16`]`(key, 0, 0)`.
///
/// The teams' tickets use one key per (visit, inspector) pair, so the draw's lane-wise
/// function (one key, many counters) does not fit them; this one puts a different key
/// in each of its [`LANES`] lanes. On targets without SIMD registers it computes one
/// block at a time, as the draw's ticketer does; `many_keys_match_the_single_block_function`
/// holds it to [`block_prefix16`].
pub(crate) fn block0_prefix16_keys(keys: &[[u8; 32]], out: &mut Vec<[u8; 16]>) {
    out.reserve(keys.len());
    if !cfg!(any(
        target_feature = "sse2",
        target_feature = "neon",
        target_feature = "simd128"
    )) {
        out.extend(keys.iter().map(|key| block_prefix16(key, 0, 0)));
        return;
    }
    for chunk in keys.chunks(LANES) {
        let mut state = [[0u32; LANES]; 16];
        for (word, sigma) in state.iter_mut().zip(SIGMA) {
            *word = [sigma; LANES];
        }
        for (lane, key) in chunk.iter().enumerate() {
            for (word, bytes) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
                word[lane] = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            }
        }
        // Words 12–15 (block counter and stream id) stay 0.
        let blocks = lanes_prefix16(&state);
        out.extend_from_slice(&blocks[..chunk.len()]);
    }
}

/// The 20 rounds and the feed-forward of [`LANES`] word-major states (`state[w][lane]`),
/// first 16 output bytes of each lane, in a loop shape LLVM vectorises; shared by the
/// draw's [`block_prefix16_lanes`] (one key, many counters) and [`block0_prefix16_keys`].
#[inline]
fn lanes_prefix16(state: &[[u32; LANES]; 16]) -> [[u8; 16]; LANES] {
    let mut x = *state;
    for _ in 0..10 {
        for lane in 0..LANES {
            let mut y = [0u32; 16];
            for (yw, xw) in y.iter_mut().zip(&x) {
                *yw = xw[lane];
            }
            double_round(&mut y);
            for (xw, yw) in x.iter_mut().zip(y) {
                xw[lane] = yw;
            }
        }
    }
    let mut out = [[0u8; 16]; LANES];
    for (lane, block) in out.iter_mut().enumerate() {
        for (w, chunk) in block.chunks_exact_mut(4).enumerate() {
            chunk.copy_from_slice(&x[w][lane].wrapping_add(state[w][lane]).to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod many_keys_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Lane by lane, for every batch length around the lane count (full chunks, a
        /// partial last chunk, none), the many-key function equals the single block.
        #[test]
        fn many_keys_match_the_single_block_function(
            keys in proptest::collection::vec(any::<[u8; 32]>(), 0..=3 * LANES + 1),
        ) {
            let mut out = vec![[7u8; 16]];
            block0_prefix16_keys(&keys, &mut out);
            prop_assert_eq!(out.len(), keys.len() + 1);
            prop_assert_eq!(out[0], [7u8; 16]);
            for (key, got) in keys.iter().zip(&out[1..]) {
                prop_assert_eq!(*got, block_prefix16(key, 0, 0));
            }
        }
    }

    #[test]
    fn many_keys_start_with_the_rfc_8439_zero_block() {
        let mut out = Vec::new();
        block0_prefix16_keys(&[[0; 32]; LANES + 1], &mut out);
        for block in out {
            assert_eq!(hex::encode(block), "76b8e0ada0f13d90405d6ae55386bd28");
        }
    }
}
