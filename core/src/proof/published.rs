//! Canonical values in published files (verify spec §2.6).
//!
//! A published file (plan, eligible and exclusion leaves, log, receipt) is hashed by an
//! independent verifier *as written*. The library's readers of ordinary input are
//! lenient (a lower-case USCC, a full-width digit, `"3%"` for a ratio are accepted and
//! normalised), so a value with two spellings would verify here and fail a
//! spec-literal hash. These field deserialisers refuse every spelling but the canonical
//! one with `value_not_canonical` (the general committed-JSON reader adds the field's
//! path; the message names the canonical text).
//!
//! ```
//! use shuangsuiji::proof::{EligibleLeaf, from_committed_json};
//! let ok = br#"{"uscc": "91150581MA000100X7", "item_id": "SP-01", "stratum_key": "A"}"#;
//! assert!(from_committed_json::<EligibleLeaf>(ok).is_ok());
//! let lower = br#"[{"uscc": "91150581ma000100x7", "item_id": "SP-01", "stratum_key": "A"}]"#;
//! let e = from_committed_json::<Vec<EligibleLeaf>>(lower).unwrap_err();
//! assert_eq!(e.code().as_str(), "value_not_canonical");
//! assert_eq!(e.details().field.as_deref(), Some("[0].uscc"));
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use crate::model::{Ratio, Uscc};
use crate::{Error, VerifyCode};

pub(crate) fn not_canonical(what: &str, written: &str, canonical: &str) -> Error {
    Error::new(
        VerifyCode::ValueNotCanonical,
        format!(
            "{what} {written:?} is not in canonical form: a published file holds {canonical:?}"
        ),
    )
    .with_value(written)
}

/// A USCC written exactly as its canonical text (18 upper-case ASCII characters).
///
/// # Errors
/// The codes of [`Uscc::parse`]; `value_not_canonical` for any other spelling.
pub(crate) fn uscc<'de, D: Deserializer<'de>>(d: D) -> Result<Uscc, D::Error> {
    let s = <Cow<'de, str>>::deserialize(d)?;
    let u = Uscc::parse(&s).map_err(Error::into_de)?;
    if u.as_str() == s {
        Ok(u)
    } else {
        Err(not_canonical("USCC", &s, u.as_str()).into_de())
    }
}

/// A list of USCCs, each written as its canonical text.
///
/// # Errors
/// As [`uscc`], for the first element that fails.
pub(crate) fn uscc_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Uscc>, D::Error> {
    #[derive(Deserialize)]
    struct Canonical(#[serde(deserialize_with = "uscc")] Uscc);
    let v = Vec::<Canonical>::deserialize(d)?;
    Ok(v.into_iter().map(|c| c.0).collect())
}

/// A date written as `YYYY-MM-DD` (zero-padded month and day).
///
/// # Errors
/// `json_shape` for text that is no date; `value_not_canonical` for another spelling
/// of a valid date (`2026-3-2`).
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<chrono::NaiveDate, D::Error> {
    let s = <Cow<'de, str>>::deserialize(d)?;
    let date: chrono::NaiveDate = s.parse().map_err(serde::de::Error::custom)?;
    let canonical = date.format("%Y-%m-%d").to_string();
    if canonical == s {
        Ok(date)
    } else {
        Err(not_canonical("date", &s, &canonical).into_de())
    }
}

/// A ratio written as the text `"p/q"` (decimal digits, no sign, space or percent).
///
/// # Errors
/// The codes of [`Ratio::parse`]; `value_not_canonical` for any other form.
pub(crate) fn ratio<'de, D: Deserializer<'de>>(d: D) -> Result<Ratio, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    let r: Ratio = serde_json::from_value(v.clone()).map_err(|e| Error::from_json(&e).into_de())?;
    let canonical = r.to_string();
    match v.as_str() {
        Some(s) if s == canonical => Ok(r),
        _ => Err(not_canonical("ratio", &v.to_string(), &canonical).into_de()),
    }
}
