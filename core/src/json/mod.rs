//! JSON in one place: the documented limits ([`limits`]), path-located errors, the one
//! canonical form every hash reads ([`canonical`]), the strict committed reader, and the
//! one entry every binding and [`ops`](crate::ops) parses an argument with:
//! [`parse_arg`].
//!
//! A leaf module: it uses only the error type, never the domain model, so the model,
//! intake, verification and publication all build on it.
//!
//! Tested by the unit tests of each submodule, `core/tests/all/errors_catalogue.rs` (the
//! bad-input catalogue, `tests/vectors/errors/`) and the binding runners of the same
//! catalogue.

pub mod canonical;
pub mod committed;
pub mod document;
pub mod limits;
pub(crate) mod located;

use serde::de::DeserializeOwned;

use crate::Result;

/// The largest integer magnitude allowed in a committed JSON document (2^53 − 1), so
/// that every RFC 8785 (JCS) implementation, which reads numbers as IEEE doubles,
/// prints it exactly as we do.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Parses one JSON argument the way every entry point does: the size, depth and
/// duplicate-key checks of [`limits::check_json_text`] first, then serde with the path
/// of a bad value located under the argument's name (`roster[1].credit_class`).
///
/// # Errors
/// `too_many_bytes` / `too_deep` / `json_duplicate_key` from the limits; `json_syntax`,
/// `json_shape` or the model code of a bad value, with `details.field` the path below
/// `argument`.
///
/// ```
/// use shuangsuiji::model::Roster;
/// let text = r#"[{"uscc":"91350100M000100Y43","name":"甲","credit_class":"Z"}]"#;
/// let e = shuangsuiji::json::parse_arg::<Roster>(text, "roster").unwrap_err();
/// assert!(e.details().field.as_deref().unwrap().starts_with("roster[0]"));
/// let deep = "[".repeat(200) + &"]".repeat(200);
/// let e = shuangsuiji::json::parse_arg::<serde_json::Value>(&deep, "roster").unwrap_err();
/// assert_eq!(e.code().as_str(), "too_deep");
/// ```
pub fn parse_arg<T: DeserializeOwned>(text: &str, argument: &str) -> Result<T> {
    parse(text).map_err(|e| e.within(argument))
}

/// [`parse_arg`] for a document that is not an argument of a call (no field prefix).
///
/// # Errors
/// As [`parse_arg`].
///
/// ```
/// let n: Vec<u32> = shuangsuiji::json::parse("[1, 2]")?;
/// assert_eq!(n, [1, 2]);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T> {
    located::from_str(text)
}
