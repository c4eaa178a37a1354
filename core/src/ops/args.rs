//! How an operation reads its arguments, from either front end: the JSON input object
//! of [`run_operation`](super::run_operation) (the conventions in the
//! [module docs](super)), or the positional values a binding hands over as [`Arg`]s.
//! Both go through one reader per argument type ([`ReadArg::from_arg`]), so an argument
//! is checked the same way whichever way it came in.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::draw::Seed;
use crate::enforcement::{Menu, MenuEntry};
use crate::intake::ReadOptions;
use crate::model::Catalog;
use crate::verify::{self, Bytes32};
use crate::{Error, InputCode, Result};

/// One argument as a binding hands it over: its native value, converted only as far as
/// the binding must (a JS object or a Python dict is written out as JSON text, nothing
/// is parsed). The argument's reader ([`ReadArg::from_arg`]) decides what it may be.
///
/// ```
/// use shuangsuiji::ops::{Arg, ParseRatioArgs, QuotaArgs};
/// // What a binding's generated `parse_ratio("3%")` does:
/// assert_eq!(ParseRatioArgs::call(vec![Arg::Str("3%".into())])?, r#""3/100""#);
/// // A value of the wrong type is `argument_type`, naming the argument.
/// let e = QuotaArgs::call(vec![Arg::Str("10".into())]).unwrap_err();
/// assert_eq!(e.code().as_str(), "argument_type");
/// assert_eq!(e.details().field.as_deref(), Some("eligible"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Arg<'a> {
    /// Not given (`None`, `undefined`, `null`, or left out of the input object).
    Absent,
    /// A string as given (a text, a date, hex — or a document's JSON text).
    Str(Cow<'a, str>),
    /// The JSON text of a structured value (a dict / list, a JS object / array).
    Json(Cow<'a, str>),
    /// Bytes (a Python `bytes`, a JS `Uint8Array` / `ArrayBuffer`, a file's content).
    Bytes(Cow<'a, [u8]>),
    /// A non-negative integer.
    Int(u64),
    /// Anything else, described for the error (`"float 1.9"`, `"boolean"`).
    Other(String),
}

impl Arg<'_> {
    /// How the value is described in an `argument_type` error.
    fn describe(&self) -> String {
        match self {
            Self::Absent => "nothing (None / undefined)".to_owned(),
            Self::Str(_) => "a string".to_owned(),
            Self::Json(_) => "an object or array".to_owned(),
            Self::Bytes(_) => "bytes".to_owned(),
            Self::Int(n) => format!("the integer {n}"),
            Self::Other(what) => what.clone(),
        }
    }
}

/// The `argument_type` error: argument `field` should have been `expected` and is `arg`.
///
/// ```
/// use shuangsuiji::ops::{Arg, type_error};
/// let e = type_error("attempt", "an integer", &Arg::Other("float 1.5".into()));
/// assert_eq!(e.code().as_str(), "argument_type");
/// assert_eq!(e.details().field.as_deref(), Some("attempt"));
/// ```
#[cold]
#[must_use]
pub fn type_error(field: &str, expected: &str, arg: &Arg<'_>) -> Error {
    let actual = arg.describe();
    Error::new(
        InputCode::ArgumentType,
        format!("argument {field} must be {expected}, not {actual}"),
    )
    .with_field(field)
    .with_detail("expected", expected)
    .with_detail("actual", actual)
}

/// How an argument is given in the input object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ArgKind {
    /// A string.
    Text,
    /// A date `YYYY-MM-DD`.
    Date,
    /// 64 hex digits.
    Hex,
    /// Bytes of any length: hex digits (an even number, lowercase) in a string, or
    /// bytes as a binding hands them over.
    HexBytes,
    /// A non-negative integer.
    Integer,
    /// A JSON document (or its text under `<name>_text`), read by [`crate::json::parse_arg`].
    Document,
    /// A committed JSON document (or its text under `<name>_text`): no floats,
    /// integers within 2^53 − 1, no duplicate keys.
    Committed,
    /// A file: `input_text` (UTF-8) or `input_base64`.
    File,
    /// A bundled menu entry's id (a string) or a menu entry (a document).
    Entry,
    /// A JSON value (or its text under `<name>_text`) whose usual form is a string or a
    /// number (a ratio `"3/100"`, a band, a beacon kind): a binding's string is that
    /// string value, not JSON text.
    Value,
}

/// How an operation reads one argument. The wrapper types below implement it;
/// `Option<W>` makes an argument optional.
pub trait ReadArg: Sized {
    /// How the argument is given (for the operation table and the bindings' docs).
    const KIND: ArgKind;
    /// Whether the argument may be left out.
    const OPTIONAL: bool = false;
    /// Reads argument `field` from a binding's value.
    ///
    /// # Errors
    /// `argument_type` naming the field when the value is of the wrong type (or absent);
    /// the codes of the argument's reader otherwise.
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self>;
    /// Reads argument `field` of a JSON input object (the [module docs](super)).
    ///
    /// # Errors
    /// `json_shape` naming the field when it is missing or mistyped; the codes of the
    /// argument's reader otherwise.
    fn read(input: &Value, field: &str) -> Result<Self> {
        match value_arg(input, field, Self::KIND)? {
            Arg::Absent if !Self::OPTIONAL => Err(missing(field)),
            arg => Self::from_arg(arg, field),
        }
    }
}

impl<W: ReadArg> ReadArg for Option<W> {
    const KIND: ArgKind = W::KIND;
    const OPTIONAL: bool = true;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Absent => Ok(None),
            arg => W::from_arg(arg, field).map(Some),
        }
    }
    fn read(input: &Value, field: &str) -> Result<Self> {
        match value_arg(input, field, W::KIND)? {
            Arg::Absent => Ok(None),
            _ => W::read(input, field).map(Some),
        }
    }
}

/// The [`Arg`] of field `field` of a JSON input object, as an argument of `kind` is
/// given there; `json_shape` (naming the field) when it is there but mistyped.
fn value_arg<'a>(input: &'a Value, field: &str, kind: ArgKind) -> Result<Arg<'a>> {
    match kind {
        ArgKind::Text | ArgKind::Date | ArgKind::Hex | ArgKind::HexBytes => {
            match input.get(field) {
                None | Some(Value::Null) => Ok(Arg::Absent),
                Some(Value::String(s)) => Ok(Arg::Str(Cow::Borrowed(s))),
                Some(_) => Err(missing(field)),
            }
        }
        ArgKind::Integer => match input.get(field) {
            None | Some(Value::Null) => Ok(Arg::Absent),
            Some(v) => v.as_u64().map(Arg::Int).ok_or_else(|| missing(field)),
        },
        ArgKind::Document | ArgKind::Committed | ArgKind::Value => doc_arg(input, field),
        ArgKind::Entry => match input.get(field) {
            None | Some(Value::Null) => Ok(Arg::Absent),
            Some(Value::String(s)) => Ok(Arg::Str(Cow::Borrowed(s))),
            Some(_) => doc_arg(input, field),
        },
        ArgKind::File => file_arg(input),
    }
}

/// A document field: `field` (a JSON value, written out as text) or `field_text` (its
/// text, borrowed as given).
fn doc_arg<'a>(input: &'a Value, field: &str) -> Result<Arg<'a>> {
    let text_key = format!("{field}_text");
    match (input.get(field), input.get(&text_key)) {
        (Some(_), Some(_)) => Err(Error::new(
            InputCode::JsonShape,
            format!("give {field:?} or {text_key:?}, not both"),
        )
        .with_field(field)),
        (Some(v), None) => serde_json::to_string(v)
            .map(|t| Arg::Json(Cow::Owned(t)))
            .map_err(|e| Error::from_json(&e).within(field)),
        (None, Some(Value::String(s))) => Ok(Arg::Json(Cow::Borrowed(s))),
        (None, Some(_)) => Err(missing(&text_key)),
        (None, None) => Ok(Arg::Absent),
    }
}

fn file_arg(input: &Value) -> Result<Arg<'_>> {
    match (input.get("input_text"), input.get("input_base64")) {
        (None, None) => Ok(Arg::Absent),
        (Some(Value::String(t)), None) => Ok(Arg::Bytes(Cow::Borrowed(t.as_bytes()))),
        (None, Some(Value::String(b))) => base64_decode(b).map(|b| Arg::Bytes(Cow::Owned(b))),
        _ => Err(file_missing()),
    }
}

#[cold]
fn file_missing() -> Error {
    Error::new(
        InputCode::JsonShape,
        "give exactly one of input_text, input_base64 (strings)",
    )
    .with_field("input_text")
}

/// `json_shape`: the input object has no (well-typed) field `field`.
#[cold]
pub(super) fn missing(field: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("the operation's input has no field {field:?} of the right type"),
    )
    .with_field(field)
}

/// The JSON text of a document argument: a string or a structured value's text as is,
/// bytes as a published file's text (UTF-8, one leading BOM dropped).
fn doc_text<'a>(arg: &'a Arg<'_>, field: &str) -> Result<&'a str> {
    match arg {
        Arg::Str(t) | Arg::Json(t) => Ok(t),
        Arg::Bytes(b) => verify::document_text(b).map_err(|e| e.within(field)),
        other => Err(type_error(
            field,
            "a JSON value, its text or a file's bytes",
            other,
        )),
    }
}

/// A string argument.
#[derive(Debug, Clone)]
pub struct Text(pub String);
/// A date argument (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy)]
pub struct Date(pub NaiveDate);
/// A 32-byte value given as 64 hex digits.
#[derive(Debug, Clone, Copy)]
pub struct Hex(pub Bytes32);
/// Bytes of any length, given as lowercase hex text or (from a binding) as bytes.
#[derive(Debug, Clone)]
pub struct HexBytes(pub Vec<u8>);
/// An integer argument that fits a `u32`.
#[derive(Debug, Clone, Copy)]
pub struct Int(pub u32);
/// An integer argument that fits a `u64` (counts).
#[derive(Debug, Clone, Copy)]
pub struct Count(pub u64);
/// A JSON document read by [`crate::json::parse_arg`] (limits, located errors).
#[derive(Debug, Clone)]
pub struct Doc<T>(pub T);
/// A committed JSON document (the strict committed reader).
#[derive(Debug, Clone)]
pub struct Committed<T>(pub T);
/// A catalog document (read by [`Catalog::from_json`], which also checks the items).
#[derive(Debug, Clone)]
pub struct CatalogDoc(pub Catalog);
/// A file's bytes.
#[derive(Debug, Clone)]
pub struct File(pub Vec<u8>);
/// Intake options (read by [`ReadOptions::from_json`]).
#[derive(Debug, Clone, Default)]
pub struct Options(pub ReadOptions);
/// The text of a JSON document argument, as given (for readers that take text).
#[derive(Debug, Clone)]
pub struct DocText(pub String);
/// A JSON value whose usual form is a string or a number ([`ArgKind::Value`]).
#[derive(Debug, Clone)]
pub struct Val<T>(pub T);
/// A leniency-menu entry: a bundled entry named by its id (a string), or a menu entry
/// given as a document.
#[derive(Debug, Clone)]
pub struct EntryRef(pub MenuEntry);

fn string(arg: Arg<'_>, field: &str, expected: &str) -> Result<String> {
    match arg {
        Arg::Str(s) => Ok(s.into_owned()),
        other => Err(type_error(field, expected, &other)),
    }
}

impl ReadArg for Text {
    const KIND: ArgKind = ArgKind::Text;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        string(arg, field, "a string").map(Self)
    }
}

impl ReadArg for Date {
    const KIND: ArgKind = ArgKind::Date;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let s = string(arg, field, "a date YYYY-MM-DD (a string)")?;
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Self)
            .map_err(|e| {
                Error::new(InputCode::JsonShape, format!("not a date YYYY-MM-DD: {e}"))
                    .with_field(field)
                    .with_value(&s)
            })
    }
}

impl ReadArg for Hex {
    const KIND: ArgKind = ArgKind::Hex;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let s = string(arg, field, "64 hex digits (a string)")?;
        Bytes32::from_hex(&s)
            .map(Self)
            .map_err(|e| e.with_field(field))
    }
}

/// A seed: 64 lowercase hex digits, refused with the draw's `seed_invalid` wherever a
/// seed is an argument (not the generic `hex_invalid` of other hashes).
impl ReadArg for Seed {
    const KIND: ArgKind = ArgKind::Hex;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let s = string(arg, field, "64 hex digits (a string)")?;
        Seed::parse(&s).map_err(|e| e.with_field(field))
    }
}

impl ReadArg for HexBytes {
    const KIND: ArgKind = ArgKind::HexBytes;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Bytes(b) => Ok(Self(b.into_owned())),
            Arg::Str(s) => hex_bytes(&s).map(Self).map_err(|e| e.with_field(field)),
            other => Err(type_error(field, "hex text or bytes", &other)),
        }
    }
}

/// Lowercase hex text of an even length as bytes; `hex_invalid` otherwise.
fn hex_bytes(text: &str) -> Result<Vec<u8>> {
    let lower = text
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    match hex::decode(text) {
        Ok(bytes) if lower => Ok(bytes),
        _ => {
            let shown: String = text.chars().take(60).collect();
            Err(Error::new(
                crate::error::VerifyCode::HexInvalid,
                "expected hex text: pairs of 0-9, a-f (lowercase)",
            )
            .with_value(&shown))
        }
    }
}

impl ReadArg for Int {
    const KIND: ArgKind = ArgKind::Integer;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Int(n) => u32::try_from(n).map(Self).ok(),
            _ => None,
        }
        .ok_or_else(|| type_error(field, "an integer from 0 to 4294967295", &arg))
    }
}

impl ReadArg for Count {
    const KIND: ArgKind = ArgKind::Integer;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Int(n) => Ok(Self(n)),
            other => Err(type_error(
                field,
                "an integer from 0 to 18446744073709551615",
                &other,
            )),
        }
    }
}

impl<T: DeserializeOwned> ReadArg for Doc<T> {
    const KIND: ArgKind = ArgKind::Document;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        crate::json::parse_arg(doc_text(&arg, field)?, field).map(Self)
    }
}

impl<T: DeserializeOwned> ReadArg for Val<T> {
    const KIND: ArgKind = ArgKind::Value;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let text = match &arg {
            Arg::Str(s) => Cow::Owned(Value::String(s.to_string()).to_string()),
            Arg::Int(n) => Cow::Owned(n.to_string()),
            Arg::Json(t) => Cow::Borrowed(t.as_ref()),
            other => return Err(type_error(field, "a string or a JSON value", other)),
        };
        crate::json::parse_arg(&text, field).map(Self)
    }
}

impl<T: DeserializeOwned> ReadArg for Committed<T> {
    const KIND: ArgKind = ArgKind::Committed;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let parsed = match &arg {
            Arg::Bytes(b) => verify::from_committed_json(b),
            arg => verify::from_committed_json(doc_text(arg, field)?.as_bytes()),
        };
        parsed.map(Self).map_err(|e| e.within(field))
    }
}

/// A document read by its type's own reader (`from_json`: it checks more than serde
/// does), its errors located under the argument.
fn read_with<T>(arg: &Arg<'_>, field: &str, read: fn(&str) -> Result<T>) -> Result<T> {
    read(doc_text(arg, field)?).map_err(|e| e.within(field))
}

/// A draw's visits for the teams: the [`DrawResult`](crate::draw::DrawResult) itself,
/// or the published result document that holds it (what a clerk has in hand after
/// publishing: `{"plan_hash", "draw", …}`), read as such.
#[derive(Debug, Clone)]
pub struct DrawDoc(pub crate::draw::DrawResult);

impl ReadArg for DrawDoc {
    const KIND: ArgKind = ArgKind::Document;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        let text = doc_text(&arg, field)?;
        let published = serde_json::from_str::<serde_json::Map<String, Value>>(text)
            .is_ok_and(|m| m.contains_key("plan_hash") && m.contains_key("draw"));
        if published {
            crate::json::parse_arg::<crate::draw_record::ResultDocument>(text, field)
                .map(|r| Self(r.draw))
        } else {
            crate::json::parse_arg(text, field).map(Self)
        }
    }
}

impl ReadArg for CatalogDoc {
    const KIND: ArgKind = ArgKind::Document;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        read_with(&arg, field, Catalog::from_json).map(Self)
    }
}

impl ReadArg for Options {
    const KIND: ArgKind = ArgKind::Document;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        read_with(&arg, field, ReadOptions::from_json).map(Self)
    }
}

impl ReadArg for DocText {
    const KIND: ArgKind = ArgKind::Document;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        doc_text(&arg, field).map(|t| Self(t.to_owned()))
    }
}

impl ReadArg for File {
    const KIND: ArgKind = ArgKind::File;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Bytes(b) => Ok(Self(b.into_owned())),
            other => Err(type_error(field, "bytes", &other)),
        }
    }
    fn read(input: &Value, field: &str) -> Result<Self> {
        match file_arg(input)? {
            Arg::Absent => Err(file_missing()),
            arg => Self::from_arg(arg, field),
        }
    }
}

impl ReadArg for EntryRef {
    const KIND: ArgKind = ArgKind::Entry;
    fn from_arg(arg: Arg<'_>, field: &str) -> Result<Self> {
        match arg {
            Arg::Str(id) => Menu::bundled_entry(&id).map(Self),
            Arg::Json(text) => crate::json::parse_arg(&text, field).map(Self),
            other => Err(type_error(
                field,
                "a bundled menu entry's id (a string) or a menu entry",
                &other,
            )),
        }
    }
}

/// Decodes standard base64 (RFC 4648 alphabet, `=` padding required).
fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let bad = || Error::new(InputCode::JsonSyntax, "invalid base64").with_field("input_base64");
    let bytes = s.as_bytes();
    if bytes.len() % 4 != 0 {
        return Err(bad());
    }
    let val = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        let last = i + 1 == chunks;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return Err(bad());
        }
        let mut n: u32 = 0;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | val(c).ok_or_else(bad)?;
        }
        n <<= 6 * u32::try_from(pad).map_err(|_| bad())?;
        let [_, a, b, c] = n.to_be_bytes();
        out.extend_from_slice(&[a, b, c][..3 - pad]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("").unwrap(), b"");
        assert_eq!(base64_decode("Zg==").unwrap(), b"f");
        assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
        assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
        assert_eq!(base64_decode("UEsDBA==").unwrap(), b"PK\x03\x04");
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*", "===="] {
            assert!(base64_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_binding_value_of_the_wrong_type_is_argument_type_naming_it() {
        let e = Int::from_arg(Arg::Str("1".into()), "attempt").unwrap_err();
        assert_eq!(e.code().as_str(), "argument_type");
        assert_eq!(e.details().field.as_deref(), Some("attempt"));
        let e = Text::from_arg(Arg::Absent, "text").unwrap_err();
        assert_eq!(e.code().as_str(), "argument_type");
        let e = Int::from_arg(Arg::Int(1 << 32), "attempt").unwrap_err();
        assert_eq!(e.code().as_str(), "argument_type");
        assert!(Option::<Int>::from_arg(Arg::Absent, "x").unwrap().is_none());
    }
}
