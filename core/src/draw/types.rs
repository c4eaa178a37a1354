//! Small value types of the draw: algorithm id, seed, task id, stratum key, mode.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{DrawCode, Error, Result};

/// The version of the draw algorithm. Stored in every input and every result; a
/// released version is never changed (a change is a new version).
///
/// ```
/// use shuangsuiji::draw::AlgorithmVersion;
/// assert_eq!(serde_json::to_string(&AlgorithmVersion::V1).unwrap(), "\"v1\"");
/// assert!(serde_json::from_str::<AlgorithmVersion>("\"v9\"").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum AlgorithmVersion {
    /// `v1`: docs/draw-spec-v1.md.
    #[default]
    V1,
}

impl AlgorithmVersion {
    /// The id as written in JSON (`"v1"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "v1",
        }
    }

    /// Parses an algorithm id.
    ///
    /// # Errors
    /// `algorithm_unknown` for anything but `v1`.
    pub fn parse(input: &str) -> Result<Self> {
        match input {
            "v1" => Ok(Self::V1),
            other => Err(Error::new(
                DrawCode::AlgorithmUnknown,
                format!("unknown draw algorithm {other:?}; this library knows \"v1\""),
            )
            .with_value(other)),
        }
    }
}

impl Serialize for AlgorithmVersion {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AlgorithmVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// Decodes exactly `N` bytes from lowercase hex.
pub(crate) fn decode_hex<const N: usize>(input: &str) -> Option<[u8; N]> {
    let b = input.as_bytes();
    if b.len() != 2 * N
        || !b
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
    {
        return None;
    }
    let mut out = [0u8; N];
    hex::decode_to_slice(input, &mut out).ok()?;
    Some(out)
}

/// The 32-byte seed of a draw. JSON: 64 lowercase hex digits.
///
/// How the seed is produced (commitments, beacons, the plan hash) is defined by the
/// verifiability extension; the draw takes it as given.
///
/// ```
/// use shuangsuiji::draw::Seed;
/// let s = Seed::parse(&"ab".repeat(32)).unwrap();
/// assert_eq!(s.as_bytes()[0], 0xab);
/// assert_eq!(Seed::parse("AB").unwrap_err().code().as_str(), "seed_invalid");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Seed([u8; 32]);

/// A ceremony's output ([`crate::proof::Ceremony::seed`]) is the draw's seed.
impl From<crate::proof::Bytes32> for Seed {
    fn from(b: crate::proof::Bytes32) -> Self {
        Self(b.0)
    }
}

/// The seed as the 32 bytes the draw record and the log hold.
impl From<Seed> for crate::proof::Bytes32 {
    fn from(s: Seed) -> Self {
        Self(s.0)
    }
}

impl Seed {
    /// A seed from its bytes.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// Parses 64 lowercase hex digits.
    ///
    /// # Errors
    /// `seed_invalid` for anything else (upper case, wrong length, non-hex).
    pub fn parse(input: &str) -> Result<Self> {
        decode_hex::<32>(input).map(Self).ok_or_else(|| {
            Error::new(
                DrawCode::SeedInvalid,
                "a seed is 32 bytes written as 64 lowercase hex digits",
            )
            .with_value(input)
        })
    }

    /// The 32 bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// 64 lowercase hex digits.
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Debug for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Seed({})", self.to_hex())
    }
}

impl Serialize for Seed {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Seed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// Checks the common rules of printable ASCII identifiers (1–`max` characters,
/// `0x21..=0x7e`, so no spaces and no control characters).
fn ascii_token(input: &str, max: usize) -> bool {
    !input.is_empty() && input.len() <= max && input.bytes().all(|b| b.is_ascii_graphic())
}

/// The id of a (joint) draw task, e.g. `2026-huolinguole-food-01`: 1–128 printable ASCII
/// characters without spaces. Its bytes enter the ticket key, so it is taken exactly as
/// written (no trimming, no case folding).
///
/// ```
/// use shuangsuiji::draw::TaskId;
/// assert!(TaskId::parse("2026-food-q1").is_ok());
/// assert_eq!(TaskId::parse(" 2026").unwrap_err().code().as_str(), "task_id_invalid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct TaskId(String);

impl TaskId {
    /// Parses a task id.
    ///
    /// # Errors
    /// `task_id_invalid` if empty, longer than 128 bytes, or not printable ASCII.
    pub fn parse(input: &str) -> Result<Self> {
        if ascii_token(input, 128) {
            Ok(Self(input.into()))
        } else {
            Err(Error::new(
                DrawCode::TaskIdInvalid,
                "a task id is 1–128 printable ASCII characters without spaces",
            )
            .with_value(input))
        }
    }

    /// The id as text (its UTF-8 = ASCII bytes are hashed).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for TaskId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// The key of a stratum within an item, e.g. `credit_a/risk_low`: 1–64 printable ASCII
/// characters without spaces. It is a label only: it never enters a ticket.
///
/// ```
/// use shuangsuiji::draw::StratumKey;
/// assert!(StratumKey::parse("risk_high").is_ok());
/// assert_eq!(StratumKey::parse("").unwrap_err().code().as_str(), "stratum_key_invalid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StratumKey(std::sync::Arc<str>);

impl StratumKey {
    /// Parses a stratum key.
    ///
    /// # Errors
    /// `stratum_key_invalid` if empty, longer than 64 bytes, or not printable ASCII.
    pub fn parse(input: &str) -> Result<Self> {
        if ascii_token(input, 64) {
            Ok(Self(input.into()))
        } else {
            Err(Error::new(
                DrawCode::StratumKeyInvalid,
                "a stratum key is 1–64 printable ASCII characters without spaces",
            )
            .with_value(input))
        }
    }

    /// The key as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for StratumKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// How each stratum's sample is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DrawMode {
    /// Exactly `quota` enterprises per stratum: the `quota` smallest tickets.
    #[default]
    Fixed,
    /// Every enterprise whose ticket is below `floor(2^128·p/q)`: a random sample size,
    /// but each enterprise can check its own fate from the seed alone.
    Bernoulli,
}
