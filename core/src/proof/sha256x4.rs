//! Four SHA-256 computations side by side (FIPS 180-4 §6.2), one per lane of a vector
//! of four 32-bit words, for the Merkle trees of large rosters: a tree of a million
//! leaves needs some four million compressions, and in the WebAssembly build with
//! SIMD (`+simd128`) four lanes cost about what two single compressions cost.
//!
//! The lane arithmetic is generic ([`Lanes`]): [`Portable`] lanes (plain arrays) keep
//! the algorithm testable against the `sha2` crate on every target, and the `wasm32`
//! SIMD lanes run it in the browser. Messages are already padded (one or two blocks).

/// Four 32-bit lanes and the operations SHA-256 needs.
pub(crate) trait Lanes: Copy {
    fn splat(v: u32) -> Self;
    fn from_lanes(v: [u32; 4]) -> Self;
    fn to_lanes(self) -> [u32; 4];
    fn add(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    fn and(self, o: Self) -> Self;
    fn or(self, o: Self) -> Self;
    /// `!self & o`.
    fn andnot(self, o: Self) -> Self;
    fn shr(self, n: u32) -> Self;
    fn shl(self, n: u32) -> Self;
    #[inline(always)]
    fn rotr(self, n: u32) -> Self {
        self.shr(n).or(self.shl(32 - n))
    }
}

/// Lanes as a plain array (any target; the reference for the tests). Unused by the
/// SIMD build's code, which has real lanes.
#[derive(Clone, Copy)]
#[cfg_attr(
    all(target_arch = "wasm32", target_feature = "simd128"),
    allow(dead_code)
)]
pub(crate) struct Portable([u32; 4]);

#[cfg_attr(
    all(target_arch = "wasm32", target_feature = "simd128"),
    allow(dead_code)
)]
impl Portable {
    #[inline(always)]
    fn map2(self, o: Self, f: impl Fn(u32, u32) -> u32) -> Self {
        let [a, b, c, d] = self.0;
        let [p, q, r, s] = o.0;
        Self([f(a, p), f(b, q), f(c, r), f(d, s)])
    }
}

impl Lanes for Portable {
    fn splat(v: u32) -> Self {
        Self([v; 4])
    }
    fn from_lanes(v: [u32; 4]) -> Self {
        Self(v)
    }
    fn to_lanes(self) -> [u32; 4] {
        self.0
    }
    fn add(self, o: Self) -> Self {
        self.map2(o, u32::wrapping_add)
    }
    fn xor(self, o: Self) -> Self {
        self.map2(o, |a, b| a ^ b)
    }
    fn and(self, o: Self) -> Self {
        self.map2(o, |a, b| a & b)
    }
    fn or(self, o: Self) -> Self {
        self.map2(o, |a, b| a | b)
    }
    fn andnot(self, o: Self) -> Self {
        self.map2(o, |a, b| !a & b)
    }
    fn shr(self, n: u32) -> Self {
        Self(self.0.map(|a| a >> n))
    }
    fn shl(self, n: u32) -> Self {
        Self(self.0.map(|a| a << n))
    }
}

/// Lanes of a WebAssembly SIMD vector.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(crate) mod simd {
    use core::arch::wasm32::{
        i32x4_add, u32x4, u32x4_extract_lane, u32x4_shl, u32x4_shr, u32x4_splat, v128, v128_and,
        v128_andnot, v128_or, v128_xor,
    };

    /// Four lanes in one `v128`.
    #[derive(Clone, Copy)]
    pub(crate) struct Simd(v128);

    impl super::Lanes for Simd {
        #[inline(always)]
        fn splat(v: u32) -> Self {
            Self(u32x4_splat(v))
        }
        #[inline(always)]
        fn from_lanes(v: [u32; 4]) -> Self {
            Self(u32x4(v[0], v[1], v[2], v[3]))
        }
        #[inline(always)]
        fn to_lanes(self) -> [u32; 4] {
            [
                u32x4_extract_lane::<0>(self.0),
                u32x4_extract_lane::<1>(self.0),
                u32x4_extract_lane::<2>(self.0),
                u32x4_extract_lane::<3>(self.0),
            ]
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Self(i32x4_add(self.0, o.0))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Self(v128_xor(self.0, o.0))
        }
        #[inline(always)]
        fn and(self, o: Self) -> Self {
            Self(v128_and(self.0, o.0))
        }
        #[inline(always)]
        fn or(self, o: Self) -> Self {
            Self(v128_or(self.0, o.0))
        }
        #[inline(always)]
        fn andnot(self, o: Self) -> Self {
            // v128_andnot(a, b) = a & !b
            Self(v128_andnot(o.0, self.0))
        }
        #[inline(always)]
        fn shr(self, n: u32) -> Self {
            Self(u32x4_shr(self.0, n))
        }
        #[inline(always)]
        fn shl(self, n: u32) -> Self {
            Self(u32x4_shl(self.0, n))
        }
    }
}

const K: [u32; 64] = [
    0x428a_2f98,
    0x7137_4491,
    0xb5c0_fbcf,
    0xe9b5_dba5,
    0x3956_c25b,
    0x59f1_11f1,
    0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98,
    0x1283_5b01,
    0x2431_85be,
    0x550c_7dc3,
    0x72be_5d74,
    0x80de_b1fe,
    0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1,
    0xefbe_4786,
    0x0fc1_9dc6,
    0x240c_a1cc,
    0x2de9_2c6f,
    0x4a74_84aa,
    0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152,
    0xa831_c66d,
    0xb003_27c8,
    0xbf59_7fc7,
    0xc6e0_0bf3,
    0xd5a7_9147,
    0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85,
    0x2e1b_2138,
    0x4d2c_6dfc,
    0x5338_0d13,
    0x650a_7354,
    0x766a_0abb,
    0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1,
    0xa81a_664b,
    0xc24b_8b70,
    0xc76c_51a3,
    0xd192_e819,
    0xd699_0624,
    0xf40e_3585,
    0x106a_a070,
    0x19a4_c116,
    0x1e37_6c08,
    0x2748_774c,
    0x34b0_bcb5,
    0x391c_0cb3,
    0x4ed8_aa4a,
    0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee,
    0x78a5_636f,
    0x84c8_7814,
    0x8cc7_0208,
    0x90be_fffa,
    0xa450_6ceb,
    0xbef9_a3f7,
    0xc671_78f2,
];

/// FIPS 180-4 §5.3.3: the initial hash value of SHA-256 (also the start of the teams'
/// ticket-key midstates, `teams::midstate`).
pub(crate) const H0: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// Big-endian word `i` of lane `j`'s block `b` (64-byte blocks).
#[inline(always)]
fn word(msg: &[u8; 128], b: usize, i: usize) -> u32 {
    let at = 64 * b + 4 * i;
    u32::from_be_bytes([msg[at], msg[at + 1], msg[at + 2], msg[at + 3]])
}

/// One compression of block `b` of each lane's message.
#[inline(always)]
fn compress<L: Lanes>(state: &mut [L; 8], msgs: &[[u8; 128]; 4], b: usize) {
    let mut w: [L; 16] = core::array::from_fn(|i| {
        L::from_lanes([
            word(&msgs[0], b, i),
            word(&msgs[1], b, i),
            word(&msgs[2], b, i),
            word(&msgs[3], b, i),
        ])
    });
    let [mut a, mut bb, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for (i, &k) in K.iter().enumerate() {
        let wi = if i < 16 {
            w[i]
        } else {
            let w15 = w[(i + 1) % 16];
            let w2 = w[(i + 14) % 16];
            let s0 = w15.rotr(7).xor(w15.rotr(18)).xor(w15.shr(3));
            let s1 = w2.rotr(17).xor(w2.rotr(19)).xor(w2.shr(10));
            let v = w[i % 16].add(s0).add(w[(i + 9) % 16]).add(s1);
            w[i % 16] = v;
            v
        };
        let s1 = e.rotr(6).xor(e.rotr(11)).xor(e.rotr(25));
        let ch = e.and(f).xor(e.andnot(g));
        let t1 = h.add(s1).add(ch).add(L::splat(k)).add(wi);
        let s0 = a.rotr(2).xor(a.rotr(13)).xor(a.rotr(22));
        let maj = a.and(bb).or(c.and(a.or(bb)));
        let t2 = s0.add(maj);
        h = g;
        g = f;
        f = e;
        e = d.add(t1);
        d = c;
        c = bb;
        bb = a;
        a = t1.add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, bb, c, d, e, f, g, h]) {
        *s = s.add(v);
    }
}

/// The number of 64-byte blocks of a padded `len`-byte message, if one or two.
pub(crate) const fn blocks(len: usize) -> Option<usize> {
    match len {
        0..=55 => Some(1),
        56..=119 => Some(2),
        _ => None,
    }
}

/// Pads the message `msg[..len]` in place (`0x80`, zeros, the bit length) to `n`
/// blocks (`n` from [`blocks`]).
pub(crate) fn pad(msg: &mut [u8; 128], len: usize, n: usize) {
    msg[len] = 0x80;
    let end = 64 * n;
    msg[len + 1..end - 8].fill(0);
    msg[end - 8..end].copy_from_slice(&((len as u64) * 8).to_be_bytes());
}

/// SHA-256 of four padded messages of `n` blocks each.
///
/// Never inlined, here and in [`node4`]: a WebAssembly engine compiles a function called
/// often with its optimising tier, but keeps running a long loop in the baseline code
/// of the one call it started in — the hashing must not live in the tree's loop.
#[inline(never)]
pub(crate) fn digest4<L: Lanes>(msgs: &[[u8; 128]; 4], n: usize) -> [[u8; 32]; 4] {
    let mut state = H0.map(L::splat);
    for b in 0..n {
        compress(&mut state, msgs, b);
    }
    let mut out = [[0u8; 32]; 4];
    for (i, s) in state.iter().enumerate() {
        for (j, v) in s.to_lanes().into_iter().enumerate() {
            out[j][4 * i..4 * i + 4].copy_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// `SHA-256(0x01 ‖ l ‖ r)` of four pairs.
#[inline(never)]
pub(crate) fn node4<L: Lanes>(pairs: [(&[u8; 32], &[u8; 32]); 4]) -> [[u8; 32]; 4] {
    let mut msgs = [[0u8; 128]; 4];
    for (msg, (l, r)) in msgs.iter_mut().zip(pairs) {
        msg[0] = 0x01;
        msg[1..33].copy_from_slice(l);
        msg[33..65].copy_from_slice(r);
        pad(msg, 65, 2);
    }
    digest4::<L>(&msgs, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::canonical::sha256;

    #[test]
    fn four_lanes_give_sha256_of_each_message() {
        for len in 0..=119usize {
            let mut msgs = [[0u8; 128]; 4];
            let mut plain = Vec::new();
            for (j, msg) in msgs.iter_mut().enumerate() {
                for (i, b) in msg[..len].iter_mut().enumerate() {
                    *b = u8::try_from((i * 31 + j * 7 + len) % 251).unwrap();
                }
                plain.push(msg[..len].to_vec());
            }
            let n = blocks(len).unwrap();
            for msg in &mut msgs {
                pad(msg, len, n);
            }
            let got = digest4::<Portable>(&msgs, n);
            for (j, p) in plain.iter().enumerate() {
                assert_eq!(got[j], sha256(p), "len {len} lane {j}");
            }
        }
        assert_eq!(blocks(120), None);
    }

    #[test]
    fn node_hashes() {
        let h: Vec<[u8; 32]> = (0u8..8).map(|i| sha256(&[i])).collect();
        let got = node4::<Portable>([
            (&h[0], &h[1]),
            (&h[2], &h[3]),
            (&h[4], &h[5]),
            (&h[6], &h[7]),
        ]);
        for (k, g) in got.iter().enumerate() {
            assert_eq!(
                *g,
                crate::proof::merkle::node_hash(&h[2 * k], &h[2 * k + 1])
            );
        }
    }
}
