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

/// Parses JSON text handed over by the Python layer into a core value, through the
/// core's one JSON reader (limits and duplicate keys checked first). Errors keep the
/// core's codes (`json_syntax`, `json_shape`, `json_duplicate_key`, or the model code
/// of a bad value) and name the argument in `field`.
pub fn from_json<T: DeserializeOwned>(text: &str, argument: &str) -> Result<T, Error> {
    shuangsuiji::json::parse_arg(text, argument)
}

/// Parses a published (committed) document — plan, log, event, result, receipt, leaves
/// — through the core's strict committed reader, the one the wasm binding uses too
/// (integers only, duplicate keys refused), naming the argument in `field`.
pub fn from_committed<T: DeserializeOwned>(text: &str, argument: &str) -> Result<T, Error> {
    shuangsuiji::verify::from_committed_text(text).map_err(|e| e.within(argument))
}
