//! Administrative division codes (行政区划代码, GB/T 2260): six digits `PPCCXX`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::normalized_width;
use crate::{Error, ModelCode, Result};

/// A 6-digit administrative division code such as `150581` (霍林郭勒市).
///
/// The code's own level follows from its trailing zeros: `150000` is a province-level
/// code, `150500` a prefecture-level one, `150581` a county-level one.
///
/// ```
/// use shuangsuiji::model::DivisionCode;
/// let region = DivisionCode::parse("150000").unwrap();
/// let city = DivisionCode::parse("150500").unwrap();
/// let county = DivisionCode::parse("150581").unwrap();
/// assert!(region.contains(county) && city.contains(county) && !county.contains(city));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DivisionCode([u8; 6]);

impl DivisionCode {
    /// Parses a division code (full-width digits are accepted and normalised).
    ///
    /// # Errors
    /// `division_invalid` unless the text is exactly six ASCII digits; also for
    /// `000000`, a placeholder common in exports that names no division of GB/T 2260.
    ///
    /// ```
    /// use shuangsuiji::model::DivisionCode;
    /// assert!(DivisionCode::parse("15058").is_err());
    /// let e = DivisionCode::parse("000000").unwrap_err();
    /// assert_eq!(e.code().as_str(), "division_invalid");
    /// ```
    pub fn parse(input: &str) -> Result<Self> {
        let canon = normalized_width(input);
        let bytes: [u8; 6] = canon
            .as_bytes()
            .try_into()
            .ok()
            .filter(|b: &[u8; 6]| b.iter().all(u8::is_ascii_digit))
            .ok_or_else(|| {
                Error::new(
                    ModelCode::DivisionInvalid,
                    "行政区划代码应为6位数字 (GB/T 2260)",
                )
                .with_value(input)
            })?;
        if bytes == *b"000000" {
            return Err(Error::new(
                ModelCode::DivisionInvalid,
                "行政区划代码 000000 是占位值，不是 GB/T 2260 中的区划；请填写实际的6位区划代码",
            )
            .with_value(input)
            .with_detail("reason", "placeholder"));
        }
        Ok(Self(bytes))
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// Number of significant leading digits: 2 for `PP0000`, 4 for `PPCC00`, else 6.
    #[must_use]
    pub fn significant_digits(&self) -> usize {
        if &self.0[2..] == b"0000" {
            2
        } else if &self.0[4..] == b"00" {
            4
        } else {
            6
        }
    }

    /// Whether `other` lies inside this division (a code contains itself).
    #[must_use]
    pub fn contains(&self, other: Self) -> bool {
        self.starts(other, self.significant_digits())
    }

    /// Whether the first `digits` digits of the two codes agree.
    #[must_use]
    pub fn starts(&self, other: Self, digits: usize) -> bool {
        let d = digits.min(6);
        self.0[..d] == other.0[..d]
    }
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DivisionCode({})", self.as_str())
    }
}

impl Serialize for DivisionCode {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DivisionCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}
