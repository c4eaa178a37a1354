//! The Bernoulli threshold: exact integer arithmetic only (the quota formula is [`crate::rules::quota`]).
//!
//! Source of the quota rule: 国市监信〔2019〕38号 lets the ratio (抽查比例) be set per
//! item; the draw receives each stratum's quota already computed by the plan (the
//! eligibility step, [`crate::rules::quota`]). That formula is documented in
//! docs/draw-spec-v1.md §5 and vector-tested, so that a verifier can recompute it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ticket::Ticket;
use crate::model::Ratio;
use crate::{DrawCode, Error, Result};

/// The Bernoulli threshold `t = floor(2^128·p/q)`: an enterprise is selected ⇔ its
/// ticket `< t`. For `p = q`, `t = 2^128` selects everyone; for `p = 0`, `t = 0` selects
/// no one. JSON: the 129-bit integer `t` as exactly 33 lowercase hex digits.
///
/// ```
/// use shuangsuiji::{draw::{Threshold, Ticket}, model::Ratio};
/// let half = Threshold::of(Ratio::new(1, 2).unwrap());
/// assert_eq!(half.to_hex(), "080000000000000000000000000000000");
/// assert!(half.selects(Ticket::from_value((1 << 127) - 1)));
/// assert!(!half.selects(Ticket::from_value(1 << 127)));
/// assert!(Threshold::of(Ratio::ONE).selects(Ticket::from_value(u128::MAX)));
/// assert!(!Threshold::of(Ratio::ZERO).selects(Ticket::from_value(0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Threshold {
    /// `t < 2^128` (the ratio is below 1): selected ⇔ ticket `< t`.
    Below(u128),
    /// `t = 2^128` (the ratio is 1): every ticket is selected.
    Everything,
}

impl Threshold {
    /// `floor(2^128·p/q)`, computed by long division of `p·2^128` by `q` in base
    /// `2^32` (every intermediate value is below `2^64`).
    #[must_use]
    pub fn of(ratio: Ratio) -> Self {
        let (p, q) = (u64::from(ratio.p()), u64::from(ratio.q()));
        if p >= q {
            return Self::Everything;
        }
        // Dividend limbs (base 2^32, most significant first): p, 0, 0, 0, 0. The first
        // quotient limb is 0 because p < q; the remainder r < q < 2^32 throughout.
        let mut r = p;
        let mut t: u128 = 0;
        for _ in 0..4 {
            let cur = r << 32;
            t = (t << 32) | u128::from(cur / q);
            r = cur % q;
        }
        Self::Below(t)
    }

    /// Whether a ticket is selected.
    #[must_use]
    pub fn selects(self, ticket: Ticket) -> bool {
        match self {
            Self::Below(t) => ticket.value() < t,
            Self::Everything => true,
        }
    }

    /// The 129-bit value as 33 lowercase hex digits.
    #[must_use]
    pub fn to_hex(self) -> String {
        match self {
            Self::Below(t) => format!("0{t:032x}"),
            Self::Everything => format!("1{:032x}", 0),
        }
    }

    /// Parses 33 lowercase hex digits (a value of at most `2^128`).
    ///
    /// # Errors
    /// `ticket_invalid` if the text is not 33 lowercase hex digits or exceeds `2^128`.
    pub fn parse(input: &str) -> Result<Self> {
        let bad = || {
            Error::new(
                DrawCode::TicketInvalid,
                "a Bernoulli threshold is 33 lowercase hex digits, at most 2^128",
            )
            .with_value(input)
        };
        let (head, tail) = input.split_at_checked(1).ok_or_else(bad)?;
        let low = Ticket::parse(tail).map_err(|_| bad())?.value();
        match (head, low) {
            ("0", t) => Ok(Self::Below(t)),
            ("1", 0) => Ok(Self::Everything),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Threshold {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reference: the same quotient by shift-and-subtract, one bit at a time.
    fn bitwise(p: u32, q: u32) -> Option<u128> {
        if p >= q {
            return None;
        }
        let (q, mut r, mut t) = (u128::from(q), u128::from(p), 0u128);
        for _ in 0..128 {
            r <<= 1;
            t <<= 1;
            if r >= q {
                r -= q;
                t |= 1;
            }
        }
        Some(t)
    }

    #[test]
    fn edges() {
        assert_eq!(Threshold::of(Ratio::ZERO), Threshold::Below(0));
        assert_eq!(Threshold::of(Ratio::ONE), Threshold::Everything);
        let r = Ratio::new(u32::MAX - 1, u32::MAX).unwrap();
        assert_eq!(
            Threshold::of(r),
            Threshold::Below(bitwise(u32::MAX - 1, u32::MAX).unwrap())
        );
        let t = Threshold::of(Ratio::new(1, 3).unwrap());
        assert_eq!(t.to_hex(), "055555555555555555555555555555555");
        assert_eq!(Threshold::parse(&t.to_hex()).unwrap(), t);
        assert_eq!(
            Threshold::parse(&Threshold::Everything.to_hex()).unwrap(),
            Threshold::Everything
        );
        assert!(Threshold::parse("100000000000000000000000000000001").is_err());
        assert!(Threshold::parse("2").is_err());
    }

    proptest! {
        #[test]
        fn long_division_is_exact(q in 1u32.., p in any::<u32>()) {
            let p = p % q;
            prop_assert_eq!(Threshold::of(Ratio::new(p, q).unwrap()), Threshold::Below(bitwise(p, q).unwrap()));
        }

        #[test]
        fn quota_is_clamped(n in 0u64..1_000_000, p in 0u32..=100, min in 0u64..50, max in proptest::option::of(0u64..500)) {
            let r = Ratio::new(p, 100).unwrap();
            let Ok(k) = crate::rules::quota(n, r, Some(min), max) else {
                prop_assert!(max.is_some_and(|m| m < min));
                return Ok(());
            };
            prop_assert!(k <= n);
            if n >= min { prop_assert!(k >= min); }
        }
    }
}
