//! The conversion paths, all through the core's serde shapes: JSON text in, JSON text
//! out — or, where the size of the output makes the JSON round trip the cost, Python
//! objects built by the same `Serialize` impls ([`objects::to_py`]).

pub mod objects;

use serde::Serialize;
use serde::de::DeserializeOwned;
use shuangsuiji::{Error, InputCode};

/// Serialises a core value as JSON text (the same shape as the test vectors).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}

/// Parses JSON text handed over by the Python layer into a core value. Errors keep the
/// core's codes (`json_syntax`, `json_shape`, or the model code of a bad value) and
/// name the argument in `field`.
pub fn from_json<T: DeserializeOwned>(text: &str, argument: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::from_json(&e).within(argument))
}

/// Parses an optional JSON argument (`None` = the core's default).
pub fn from_json_or_default<T: DeserializeOwned + Default>(
    text: Option<&str>,
    argument: &str,
) -> Result<T, Error> {
    text.map_or_else(|| Ok(T::default()), |t| from_json(t, argument))
}
