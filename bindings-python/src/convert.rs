//! The one conversion path: JSON text in, JSON text out, through the core's serde shapes.

use serde::Serialize;
use serde::de::DeserializeOwned;
use shuangsuiji::{Error, InputCode};

/// Parses JSON text into a core type, keeping the core's stable error codes.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    shuangsuiji::intake::limits::check_json_text(text)?;
    serde_json::from_str(text).map_err(|e| Error::from_json(&e))
}

/// Serialises a core value as JSON text (the same shape as the test vectors).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}
