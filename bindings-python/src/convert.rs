//! The one conversion path: JSON text in, JSON text out, through the core's serde shapes.

use serde::Serialize;
use shuangsuiji::{Error, InputCode};

/// Serialises a core value as JSON text (the same shape as the test vectors).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}
