//! Tickets: one 128-bit pseudo-random number per enterprise per draw task.
//!
//! v1 construction (docs/draw-spec-v1.md §3):
//!
//! * `K = SHA-256(LP("SSJ/v1/ticket_key") ‖ LP(seed) ‖ LP(task_id))` — one ChaCha20 key
//!   per draw task;
//! * `m = Σ v(c_i)·31^(17−i)` — the USCC's 18 characters read as a base-31 number
//!   (`v` = position in the GB 32100 alphabet), so `m < 31^18 < 2^90` and distinct USCCs
//!   give distinct `m`;
//! * the ticket is the first 16 bytes of the ChaCha20 keystream block with block counter
//!   `m mod 2^64` and stream id `⌊m / 2^64⌋`, read as a big-endian 128-bit number.
//!
//! Different enterprises use different keystream blocks (the map `m ↦ (counter, stream)`
//! is injective and each ticket reads inside one block), so tickets are independent
//! outputs of the ChaCha20 PRF. The stratum is not an input: re-classifying an enterprise
//! cannot move its ticket. The alternative with one key per enterprise is kept in
//! [`alternative`] for the benchmark that motivated the choice.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::rng::{LANES, block_prefix16, block_prefix16_lanes};
use super::types::{Seed, TaskId, decode_hex};
use crate::json::canonical::TAG_PREFIX;
use crate::model::{USCC_ALPHABET, Uscc};
use crate::{DrawCode, Error, Result};

/// A 128-bit ticket. Ordered as an unsigned integer (= its 16 big-endian bytes compared
/// lexicographically). JSON: 32 lowercase hex digits.
///
/// ```
/// use shuangsuiji::draw::Ticket;
/// let t = Ticket::parse("000000000000000000000000000000ff").unwrap();
/// assert_eq!(t.value(), 255);
/// assert!(t < Ticket::from_value(256));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Ticket(u128);

impl Ticket {
    /// The ticket with this integer value.
    #[must_use]
    pub const fn from_value(value: u128) -> Self {
        Self(value)
    }

    /// The ticket whose big-endian bytes are `bytes`.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(u128::from_be_bytes(bytes))
    }

    /// The integer value.
    #[must_use]
    pub const fn value(self) -> u128 {
        self.0
    }

    /// The 16 big-endian bytes (the keystream bytes, in keystream order).
    #[must_use]
    pub const fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// Parses 32 lowercase hex digits.
    ///
    /// # Errors
    /// `ticket_invalid` for anything else.
    pub fn parse(input: &str) -> Result<Self> {
        decode_hex::<16>(input)
            .map(Self::from_bytes)
            .ok_or_else(|| {
                Error::new(
                    DrawCode::TicketInvalid,
                    "a ticket is 16 bytes written as 32 lowercase hex digits",
                )
                .with_value(input)
            })
    }

    /// 32 lowercase hex digits.
    #[must_use]
    pub fn to_hex(self) -> String {
        hex::encode(self.to_bytes())
    }
}

impl fmt::Debug for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ticket({})", self.to_hex())
    }
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Ticket {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // The hex form on the stack (results hold a ticket per selection and visit).
        let mut buf = [0u8; 32];
        hex::encode_to_slice(self.to_bytes(), &mut buf).map_err(serde::ser::Error::custom)?;
        s.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Ticket {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// `u32_be(len) ‖ bytes` into a hasher. Only used for fields of at most a few hundred
/// bytes (tags, seeds, validated ids), so the length always fits.
fn lp_into(h: &mut Sha256, bytes: &[u8]) {
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    h.update(len.to_be_bytes());
    h.update(bytes);
}

fn tag_into(h: &mut Sha256, tag: &str) {
    lp_into(h, format!("{TAG_PREFIX}{tag}").as_bytes());
}

/// The per-task ChaCha20 key `SHA-256(LP("SSJ/v1/ticket_key") ‖ LP(seed) ‖ LP(task_id))`.
///
/// ```
/// use shuangsuiji::draw::{Seed, TaskId, ticket_key};
/// let k = ticket_key(&Seed::from_bytes([0; 32]), &TaskId::parse("t").unwrap());
/// assert_eq!(k.len(), 32);
/// ```
#[must_use]
pub fn ticket_key(seed: &Seed, task: &TaskId) -> [u8; 32] {
    let mut h = Sha256::new();
    tag_into(&mut h, "ticket_key");
    lp_into(&mut h, seed.as_bytes());
    lp_into(&mut h, task.as_str().as_bytes());
    h.finalize().into()
}

/// The base-31 index `m` of a USCC: its 18 characters as digits (GB 32100 values
/// 0–30), most significant first. Injective, order-preserving (`a < b` as bytes ⇔
/// `index(a) < index(b)`) and below `31^18 < 2^90`.
///
/// ```
/// use shuangsuiji::{draw::uscc_index, model::Uscc};
/// let a = Uscc::parse("91350100M000100Y43").unwrap();
/// assert!(uscc_index(&a) < 31u128.pow(18));
/// ```
#[must_use]
pub fn uscc_index(uscc: &Uscc) -> u128 {
    // Two 9-character halves in u64 (31^9 < 2^45), then one 128-bit multiply-add.
    // Each half is a sum of digit × constant power rather than Horner's chain of nine
    // dependent multiply-adds: the products are independent, so the CPU overlaps them
    // (the draw computes this once per eligible row: 25 M times in a 10 M draw).
    let b = uscc.as_bytes();
    index_high(b) + u128::from(index_half(&b[9..]))
}

/// The value of 9 characters as base-31 digits, most significant first (below
/// `31^9 < 2^45`).
#[inline]
fn index_half(chars: &[u8]) -> u64 {
    chars
        .iter()
        .zip(POWERS_OF_31)
        .map(|(&c, p)| u64::from(DIGIT[usize::from(c)]) * p)
        .sum::<u64>()
}

/// The part of [`uscc_index`] from the first 9 characters (registration authority,
/// kind, division code, first character of the body): `index = high + low`.
#[inline]
pub(crate) fn index_high(code: &[u8; 18]) -> u128 {
    u128::from(index_half(&code[..9])) * u128::from(31u64.pow(9))
}

/// The indices of sorted codes, which share their first 9 characters in long runs (one
/// county, one kind of entity): the high part is computed once per run.
#[derive(Debug, Default)]
pub(crate) struct IndexRuns {
    prefix: [u8; 9],
    high: u128,
}

impl IndexRuns {
    /// [`uscc_index`] of `uscc`.
    #[inline]
    pub(crate) fn index(&mut self, uscc: &Uscc) -> u128 {
        let b = uscc.as_bytes();
        let (prefix, rest) = b.split_at(9);
        if prefix != self.prefix {
            self.prefix.copy_from_slice(prefix);
            self.high = index_high(b);
        }
        self.high + u128::from(index_half(rest))
    }
}

/// `31^8, 31^7, …, 31^0`: the place values of a 9-character half of a USCC.
const POWERS_OF_31: [u64; 9] = {
    let mut p = [1u64; 9];
    let mut i = 8;
    while i > 0 {
        p[i - 1] = p[i] * 31;
        i -= 1;
    }
    p
};

/// GB 32100 character values by ASCII byte (every stored USCC byte is in the alphabet;
/// other bytes map to 0 and never occur).
const DIGIT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i: u8 = 0;
    while (i as usize) < USCC_ALPHABET.len() {
        t[USCC_ALPHABET[i as usize] as usize] = i;
        i += 1;
    }
    t
};

/// The `(block counter, stream id)` pair of index `m`: `(m mod 2^64, ⌊m / 2^64⌋)`.
#[must_use]
pub(crate) fn counter_stream(m: u128) -> (u64, u64) {
    let b = m.to_le_bytes();
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&b[..8]);
    hi.copy_from_slice(&b[8..]);
    (u64::from_le_bytes(lo), u64::from_le_bytes(hi))
}

/// Computes the tickets of one draw task (seed, task id): derive the key once, then
/// one ChaCha20 block per enterprise.
///
/// ```
/// use shuangsuiji::{draw::{Seed, TaskId, Ticketer, ticket}, model::Uscc};
/// let (seed, task) = (Seed::from_bytes([7; 32]), TaskId::parse("demo").unwrap());
/// let u = Uscc::parse("91350100M000100Y43").unwrap();
/// let t = Ticketer::new(&seed, &task);
/// assert_eq!(t.ticket(&u), ticket(&seed, &task, &u));
/// ```
#[derive(Clone, Debug)]
pub struct Ticketer {
    key: [u8; 32],
}

impl Ticketer {
    /// The ticketer of a draw task.
    #[must_use]
    pub fn new(seed: &Seed, task: &TaskId) -> Self {
        Self {
            key: ticket_key(seed, task),
        }
    }

    /// The ticket of an enterprise.
    #[must_use]
    pub fn ticket(&self, uscc: &Uscc) -> Ticket {
        self.ticket_at(uscc_index(uscc))
    }

    /// The ticket of the enterprise with base-31 index `m` (see [`uscc_index`]).
    pub(crate) fn ticket_at(&self, m: u128) -> Ticket {
        let (counter, stream) = counter_stream(m);
        Ticket::from_bytes(block_prefix16(&self.key, counter, stream))
    }

    /// The tickets of the indices `ms`, in order, appended to `out`: the values of
    /// [`Self::ticket_at`], computed [`LANES`] blocks at a time.
    /// Large batches are split across threads with the `parallel` feature.
    pub(crate) fn tickets_at(&self, ms: &[u128], out: &mut Vec<Ticket>) {
        crate::parallel::map_chunks(ms, LANES, out, |ms, out| self.tickets_here(ms, out));
    }

    /// [`Self::tickets_at`] on the calling thread: lane-wise where the target has
    /// SIMD registers for it, one block at a time elsewhere — without SIMD the
    /// lane-wise form is slower (plain wasm: about 1.5 times the time).
    pub(crate) fn tickets_here(&self, ms: &[u128], out: &mut Vec<Ticket>) {
        if !cfg!(any(
            target_feature = "sse2",
            target_feature = "neon",
            target_feature = "simd128"
        )) {
            out.extend(ms.iter().map(|&m| self.ticket_at(m)));
            return;
        }
        for chunk in ms.chunks(LANES) {
            let mut inputs = [(0u64, 0u64); LANES];
            for (input, &m) in inputs.iter_mut().zip(chunk) {
                *input = counter_stream(m);
            }
            let blocks = block_prefix16_lanes(&self.key, &inputs);
            out.extend(
                blocks
                    .iter()
                    .take(chunk.len())
                    .map(|&b| Ticket::from_bytes(b)),
            );
        }
    }
}

/// The ticket of one enterprise in one draw task (derives the key; use [`Ticketer`]
/// for many enterprises).
///
/// ```
/// use shuangsuiji::{draw::{Seed, TaskId, ticket}, model::Uscc};
/// let t = ticket(
///     &Seed::from_bytes([7; 32]),
///     &TaskId::parse("demo").unwrap(),
///     &Uscc::parse("91350100M000100Y43").unwrap(),
/// );
/// assert_eq!(t.to_hex().len(), 32);
/// ```
#[must_use]
pub fn ticket(seed: &Seed, task: &TaskId, uscc: &Uscc) -> Ticket {
    Ticketer::new(seed, task).ticket(uscc)
}

/// The construction v1 did **not** choose, kept for the benchmark that compared them:
/// one ChaCha20 key per enterprise,
/// `K_e = SHA-256(LP("SSJ/v1/ticket_alt") ‖ LP(seed) ‖ LP(task_id) ‖ LP(USCC))`, ticket =
/// keystream bytes 0..16 of block 0, stream 0. Not part of the v1 contract.
#[doc(hidden)]
pub mod alternative {
    use super::*;

    /// Per-enterprise-key tickets; the SHA-256 state after the common prefix is reused.
    #[derive(Clone, Debug)]
    pub struct KeyedTicketer {
        prefix: Sha256,
    }

    impl KeyedTicketer {
        /// The hasher state after `LP(tag) ‖ LP(seed) ‖ LP(task_id)`.
        #[must_use]
        pub fn new(seed: &Seed, task: &TaskId) -> Self {
            let mut prefix = Sha256::new();
            tag_into(&mut prefix, "ticket_alt");
            lp_into(&mut prefix, seed.as_bytes());
            lp_into(&mut prefix, task.as_str().as_bytes());
            Self { prefix }
        }

        /// The alternative ticket of one enterprise.
        #[must_use]
        pub fn ticket(&self, uscc: &Uscc) -> Ticket {
            let mut h = self.prefix.clone();
            lp_into(&mut h, uscc.as_bytes());
            let key: [u8; 32] = h.finalize().into();
            Ticket::from_bytes(block_prefix16(&key, 0, 0))
        }
    }

    /// One raw ChaCha20 block prefix (the floor of either construction), for benchmarks.
    #[must_use]
    pub fn chacha_block_prefix(key: &[u8; 32], counter: u64, stream: u64) -> [u8; 16] {
        block_prefix16(key, counter, stream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::uscc_char_value;

    #[test]
    fn index_is_order_preserving_and_bounded() {
        let a = Uscc::parse("91350100M000100Y43").unwrap();
        let b = Uscc::complete("91350100M000100Y4").unwrap();
        assert_eq!(a, b);
        let max = 31u128.pow(18);
        assert!(uscc_index(&a) < max);
        assert!(max < 1u128 << 90);
        let c = Uscc::complete("11350100M000100Y4").unwrap();
        assert_eq!(c < a, uscc_index(&c) < uscc_index(&a));
        let (lo, hi) = counter_stream((5u128 << 64) | 9);
        assert_eq!((lo, hi), (9, 5));
    }

    #[test]
    fn fast_index_equals_the_definition() {
        for s in [
            "91350100M000100Y43",
            "YY999999YYYYYYYYYY",
            "000000000000000000",
        ] {
            let u = Uscc::parse(s).or_else(|_| Uscc::complete(&s[..17])).ok();
            if let Some(u) = u {
                let slow = u.as_bytes().iter().fold(0u128, |m, &c| {
                    m * 31 + u128::from(uscc_char_value(c).unwrap())
                });
                assert_eq!(uscc_index(&u), slow);
            }
        }
    }

    proptest::proptest! {
        /// The index of any valid USCC (17 characters from the alphabet, the check
        /// character completed) equals Horner's rule over its 18 character values.
        #[test]
        fn index_of_any_code_equals_horner(digits in proptest::collection::vec(0usize..31, 17)) {
            let body: String = digits.iter().map(|&d| char::from(USCC_ALPHABET[d])).collect();
            if let Ok(u) = Uscc::complete(&body) {
                let slow = u.as_bytes().iter().fold(0u128, |m, &c| {
                    m * 31 + u128::from(uscc_char_value(c).unwrap())
                });
                proptest::prop_assert_eq!(uscc_index(&u), slow);
            }
        }

        /// Run by run (the cached high part reused or replaced) the indices are the
        /// same as one by one, for codes in any order with shared prefixes.
        #[test]
        fn runs_index_as_one_by_one(picks in proptest::collection::vec((0usize..4, 0u32..50), 0..60)) {
            let prefixes = ["91150581", "92150581", "91150582", "91150581"];
            let mut runs = IndexRuns::default();
            for (p, i) in picks {
                let body = format!("{}{:07}", ["M", "0", "M", "A"][p], i);
                let b: [u8; 8] = body.as_bytes().try_into().unwrap();
                let org = char::from(crate::model::org_code_check_char(&b).unwrap());
                let code = Uscc::complete(&format!("{}{body}{org}", prefixes[p]));
                proptest::prop_assert!(code.is_ok(), "{}{} {:?}", prefixes[p], body, code);
                if let Ok(u) = code {
                    proptest::prop_assert_eq!(runs.index(&u), uscc_index(&u));
                }
            }
        }
    }

    /// The batched tickets equal the one-at-a-time ones for every batch length around
    /// the lane count (full chunks, a partial last chunk, none).
    #[test]
    fn batched_tickets_equal_single_ones() {
        let t = Ticketer::new(&Seed::from_bytes([3; 32]), &TaskId::parse("batch").unwrap());
        let ms: Vec<u128> = (0..20_001u128)
            .map(|i| (i * 0x9e37_79b9_7f4a_7c15_f39c) % 31u128.pow(18))
            .collect();
        for len in [
            0,
            1,
            LANES - 1,
            LANES,
            LANES + 1,
            2 * LANES + 3,
            300,
            20_001,
        ] {
            let mut out = vec![Ticket::from_value(7)];
            t.tickets_at(&ms[..len], &mut out);
            assert_eq!(out.len(), len + 1, "appends");
            for (i, &m) in ms[..len].iter().enumerate() {
                assert_eq!(out[i + 1], t.ticket_at(m), "len {len} index {i}");
            }
        }
    }

    #[test]
    fn ticket_hex_round_trip() {
        let t = Ticket::from_value(0x0102_0304);
        assert_eq!(Ticket::parse(&t.to_hex()).unwrap(), t);
        assert_eq!(
            Ticket::parse("ABCDEF00000000000000000000000000")
                .unwrap_err()
                .code()
                .as_str(),
            "ticket_invalid"
        );
    }
}
