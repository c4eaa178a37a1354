//! Exact sampling ratios as integer rationals `p/q` — no floating point anywhere.

use std::cmp::Ordering;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::normalize_width;
use crate::{Error, ModelCode, Result};

/// A ratio `p/q` with `0 ≤ p ≤ q`, `q > 0`, both `u32`. Kept as written (3/100 stays
/// 3/100) so that published plans show the source's numbers; comparisons are exact.
///
/// JSON form: the string `"p/q"`. Also accepted on input: an integer or exact decimal
/// percentage string (`"5%"`, `"2.5%"` → 25/1000) and an object `{"p": 3, "q": 100}`.
/// JSON numbers are rejected: `0.03` gives `ratio_float`, `1` gives `ratio_malformed`.
///
/// ```
/// use shuangsuiji::model::Ratio;
/// let r: Ratio = "3/100".parse().unwrap();
/// assert_eq!((r.p(), r.q()), (3, 100));
/// assert_eq!(Ratio::parse("2.5%").unwrap(), Ratio::new(25, 1000).unwrap());
/// assert_eq!(serde_json::from_str::<Ratio>("0.03").unwrap_err().to_string().contains("ratio_float"), true);
/// assert_eq!(r.ceil_of(101), 4); // ceil(101·3/100) = ceil(3.03)
/// ```
#[derive(Clone, Copy, Debug, Eq)]
pub struct Ratio {
    p: u32,
    q: u32,
}

impl Ratio {
    /// The ratio 0/1.
    pub const ZERO: Self = Self { p: 0, q: 1 };
    /// The ratio 1/1.
    pub const ONE: Self = Self { p: 1, q: 1 };

    /// Builds `p/q`.
    ///
    /// # Errors
    /// `ratio_zero_denominator` if `q == 0`; `ratio_above_one` if `p > q`.
    pub fn new(p: u32, q: u32) -> Result<Self> {
        if q == 0 {
            return Err(Error::new(
                ModelCode::RatioZeroDenominator,
                format!("ratio {p}/{q} has denominator 0"),
            )
            .with_value(format!("{p}/{q}")));
        }
        if p > q {
            return Err(Error::new(
                ModelCode::RatioAboveOne,
                format!("ratio {p}/{q} is greater than 1"),
            )
            .with_value(format!("{p}/{q}")));
        }
        Ok(Self { p, q })
    }

    /// Parses `"p/q"` or a percentage `"N%"` / `"N.D%"` (exact decimal).
    ///
    /// # Errors
    /// `ratio_float` for a bare decimal such as `"0.03"`; `ratio_malformed` for other
    /// text; plus the codes of [`Ratio::new`].
    pub fn parse(input: &str) -> Result<Self> {
        let t = normalize_width(input).replace('％', "%");
        let malformed = || {
            Error::new(
                ModelCode::RatioMalformed,
                format!("ratio {input:?} is not of the form \"p/q\" or \"N%\""),
            )
            .with_value(input)
        };
        if let Some((p, q)) = t.split_once('/') {
            let p = parse_u32(p.trim()).ok_or_else(malformed)?;
            let q = parse_u32(q.trim()).ok_or_else(malformed)?;
            return Self::new(p, q).map_err(|e| e.with_value(input));
        }
        if let Some(pct) = t.strip_suffix('%') {
            let pct = pct.trim();
            let (int, frac) = pct.split_once('.').unwrap_or((pct, ""));
            if int.is_empty() || frac.len() > 6 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(malformed());
            }
            let digits = format!("{int}{frac}");
            let p = parse_u32(&digits).ok_or_else(malformed)?;
            let exp = u32::try_from(frac.len()).map_err(|_| malformed())?;
            let q = 100u32.checked_mul(10u32.pow(exp)).ok_or_else(malformed)?;
            return Self::new(p, q).map_err(|e| e.with_value(input));
        }
        if t.contains('.') || t.contains('e') || t.contains('E') {
            return Err(Error::new(
                ModelCode::RatioFloat,
                format!("ratio {input:?} looks like a floating-point number; write it as \"p/q\""),
            )
            .with_value(input));
        }
        Err(malformed())
    }

    /// Numerator.
    #[must_use]
    pub const fn p(self) -> u32 {
        self.p
    }

    /// Denominator.
    #[must_use]
    pub const fn q(self) -> u32 {
        self.q
    }

    /// `ceil(n · p / q)` computed exactly in 128-bit integers.
    ///
    /// ```
    /// use shuangsuiji::model::Ratio;
    /// let r = Ratio::new(1, 3).unwrap();
    /// assert_eq!(r.ceil_of(0), 0);
    /// assert_eq!(r.ceil_of(3), 1);
    /// assert_eq!(r.ceil_of(4), 2);
    /// ```
    #[must_use]
    pub fn ceil_of(self, n: u64) -> u64 {
        let num = u128::from(n) * u128::from(self.p);
        let q = u128::from(self.q);
        // p ≤ q, so the result is ≤ n and fits in u64.
        u64::try_from(num.div_ceil(q)).unwrap_or(n)
    }
}

fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        (u64::from(self.p) * u64::from(other.q)).cmp(&(u64::from(other.p) * u64::from(self.q)))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.p, self.q)
    }
}

impl std::str::FromStr for Ratio {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

struct RatioVisitor;

impl<'de> Visitor<'de> for RatioVisitor {
    type Value = Ratio;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ratio \"p/q\", \"N%\" or {\"p\": .., \"q\": ..}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Ratio, E> {
        Ratio::parse(v).map_err(Error::into_de)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Ratio, E> {
        Err(Error::new(
            ModelCode::RatioFloat,
            format!("ratio {v} is a floating-point number; write it as \"p/q\""),
        )
        .with_value(v.to_string())
        .into_de())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Ratio, E> {
        Err(Error::new(
            ModelCode::RatioMalformed,
            format!("ratio {v} is a bare number; write it as \"p/q\""),
        )
        .with_value(v.to_string())
        .into_de())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Ratio, E> {
        Err(Error::new(
            ModelCode::RatioMalformed,
            format!("ratio {v} is a bare number; write it as \"p/q\""),
        )
        .with_value(v.to_string())
        .into_de())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Ratio, A::Error> {
        let (mut p, mut q) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "p" => p = Some(map.next_value::<u32>()?),
                "q" => q = Some(map.next_value::<u32>()?),
                other => {
                    return Err(Error::new(
                        ModelCode::RatioMalformed,
                        format!("unknown ratio key {other:?}"),
                    )
                    .into_de());
                }
            }
        }
        match (p, q) {
            (Some(p), Some(q)) => Ratio::new(p, q).map_err(Error::into_de),
            _ => {
                Err(Error::new(ModelCode::RatioMalformed, "a ratio object needs p and q").into_de())
            }
        }
    }
}

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(RatioVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(json: &str) -> String {
        let e = serde_json::from_str::<Ratio>(json).unwrap_err();
        Error::from_json(&e).code().as_str().to_owned()
    }

    #[test]
    fn json_forms() {
        assert_eq!(
            serde_json::from_str::<Ratio>("\"3/100\"").unwrap(),
            Ratio::new(3, 100).unwrap()
        );
        assert_eq!(
            serde_json::from_str::<Ratio>("{\"p\":1,\"q\":2}").unwrap(),
            Ratio::new(1, 2).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&Ratio::new(3, 100).unwrap()).unwrap(),
            "\"3/100\""
        );
        assert_eq!(code("0.03"), "ratio_float");
        assert_eq!(code("\"0.03\""), "ratio_float");
        assert_eq!(code("1"), "ratio_malformed");
        assert_eq!(code("\"0/0\""), "ratio_zero_denominator");
        assert_eq!(code("\"3/2\""), "ratio_above_one");
        assert_eq!(code("\"120%\""), "ratio_above_one");
        assert_eq!(code("\"a/b\""), "ratio_malformed");
        assert_eq!(code("\"-1/2\""), "ratio_malformed");
    }

    #[test]
    fn ceil_is_exact() {
        let r = Ratio::new(u32::MAX, u32::MAX).unwrap();
        assert_eq!(r.ceil_of(u64::MAX), u64::MAX);
        let r = Ratio::new(3, 100).unwrap();
        assert_eq!(r.ceil_of(100), 3);
        assert_eq!(r.ceil_of(1), 1);
        assert_eq!(Ratio::ZERO.ceil_of(1000), 0);
        assert!(Ratio::new(1, 2).unwrap() == Ratio::new(50, 100).unwrap());
    }
}
