//! Fast paths of [`crate::proof::committed_json`] and [`crate::proof::from_committed_json`] for the
//! common case — a document whose numbers are all safe integers — that give exactly
//! the answer of the general paths or decline (`None`), never another answer.
//!
//! The general paths go through `serde_json::Value`: one tree node per JSON value and a
//! path string per checked number. For a published draw of a million enterprises that
//! is most of the verification time; these paths skip the tree:
//!
//! * [`integers_only`] scans a JSON text once: when every number in it is an integer of
//!   magnitude ≤ 2^53 − 1, the `number_not_integer` check of the general path cannot
//!   fail, and typed deserialisation straight from the text yields the same value
//!   (a failure falls back to the general path, which names the error as before);
//! * [`canonical_committed_json`] writes canonical JSON (keys sorted by bytes at every
//!   depth, compact, `serde_json`'s escaping and integer forms) straight from the
//!   `Serialize` impl, declining at the first value the general path would treat
//!   specially (a float, an integer beyond ±(2^53 − 1), a non-string map key, a repeated
//!   key, bytes, a custom serialisation error).

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::MAX_SAFE_INTEGER;

/// `true` if every number token outside the strings of `bytes` is an integer (optional
/// minus sign, digits only) of magnitude ≤ 2^53 − 1. Says nothing about whether `bytes`
/// is JSON at all.
///
/// ```
/// use shuangsuiji::proof::committed::integers_only;
/// assert!(integers_only(br#"{"a":[1,-2,9007199254740991],"b":"1.5e3"}"#));
/// assert!(!integers_only(br#"{"a":1.0}"#));
/// assert!(!integers_only(br#"{"a":1e3}"#));
/// assert!(!integers_only(br#"{"a":9007199254740992}"#));
/// ```
#[must_use]
pub fn integers_only(bytes: &[u8]) -> bool {
    scan(bytes, usize::MAX).unwrap_or(false)
}

/// [`crate::json::limits::check_json_text`] and [`integers_only`]: the limits' or
/// duplicate key's error, or whether every number is a safe integer.
///
/// # Errors
/// `too_many_bytes` / `too_deep` / `json_duplicate_key`, exactly as `check_json_text`.
pub(crate) fn check_text(text: &str) -> crate::Result<bool> {
    use crate::json::limits::{MAX_JSON_BYTES, MAX_JSON_DEPTH, check_json_text};
    if text.len() > MAX_JSON_BYTES {
        return check_json_text(text).map(|()| false);
    }
    match scan(text.as_bytes(), MAX_JSON_DEPTH) {
        Some(integers) => {
            crate::json::limits::check_json_structure(text)?;
            Ok(integers)
        }
        // Too deep: the limits check names the error.
        None => check_json_text(text).map(|()| false),
    }
}

/// One pass: `None` as soon as brackets nest deeper than `max_depth` (counted as
/// `check_json_text` does), else whether every number token is a safe integer.
///
/// The text is taken in chunks of 64 KiB by a function that is not inlined: a
/// WebAssembly engine compiles a function called often with its optimising tier, but
/// would run one long loop over a 100 MB text in the baseline code of the one call.
fn scan(bytes: &[u8], max_depth: usize) -> Option<bool> {
    const CHUNK: usize = 1 << 16;
    let mut st = Scan {
        i: 0,
        depth: 0,
        integers: true,
    };
    while st.i < bytes.len() {
        let end = bytes.len().min(st.i.saturating_add(CHUNK));
        match scan_until(bytes, end, max_depth, &mut st) {
            Step::Go => {}
            Step::Deep => return None,
            Step::Stop => break,
        }
    }
    Some(st.integers)
}

/// Where a [`scan`] is.
struct Scan {
    i: usize,
    depth: usize,
    integers: bool,
}

/// What a chunk of a [`scan`] found.
enum Step {
    /// Scanned up to the chunk's end (or past it, inside a string or a number).
    Go,
    /// Nested too deep.
    Deep,
    /// An unterminated string: nothing more to read.
    Stop,
}

#[inline(never)]
fn scan_until(bytes: &[u8], end: usize, max_depth: usize, st: &mut Scan) -> Step {
    let mut i = st.i;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        i += 1;
        match b {
            b'"' => {
                // Skip the string: up to the next quote not escaped by a backslash.
                loop {
                    i = skip_plain(bytes, i);
                    match bytes.get(i) {
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(b'\\') => i += 2,
                        Some(_) => i += 1,
                        None => return Step::Stop, // unterminated: the parser says so
                    }
                }
            }
            b'[' | b'{' => {
                st.depth += 1;
                if st.depth > max_depth {
                    return Step::Deep;
                }
            }
            b']' | b'}' => st.depth = st.depth.saturating_sub(1),
            b'-' | b'0'..=b'9' if st.integers => {
                let start = i - 1;
                while matches!(
                    bytes.get(i),
                    Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                ) {
                    i += 1;
                }
                let token = bytes.get(start..i).unwrap_or_default();
                st.integers = safe_integer(token.strip_prefix(b"-").unwrap_or(token));
            }
            _ => {}
        }
    }
    st.i = i;
    Step::Go
}

/// The first position from `i` on that holds a quote or a backslash (or the first of
/// the last few bytes), eight bytes at a time.
pub(crate) fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        if has_zero(v ^ (ONES * u64::from(b'"'))) || has_zero(v ^ (ONES * u64::from(b'\\'))) {
            break;
        }
        i += 8;
    }
    i
}

/// Digits only, at most 16 of them, value ≤ 2^53 − 1.
fn safe_integer(digits: &[u8]) -> bool {
    !digits.is_empty()
        && digits.len() <= 16
        && digits.iter().all(u8::is_ascii_digit)
        && digits
            .iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'))
            <= MAX_SAFE_INTEGER
}

/// Why the fast writer declined: the general path decides.
#[derive(Debug)]
pub(crate) struct Decline;

impl std::fmt::Display for Decline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("declined")
    }
}

impl std::error::Error for Decline {}

impl ser::Error for Decline {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Self
    }
}

type Done = std::result::Result<(), Decline>;

/// Canonical JSON of `value` — byte for byte what `serde_json::to_string` gives for the
/// `serde_json::Value` of `value` when that value holds only strings, booleans, nulls
/// and integers of magnitude ≤ 2^53 − 1 — or `None` when `value` holds anything else
/// (the general path then decides, and names any error).
///
/// ```
/// use shuangsuiji::proof::committed::canonical_committed_json;
/// #[derive(serde::Serialize)]
/// struct S { b: u32, a: Vec<&'static str>, c: Option<u8> }
/// let s = S { b: 1, a: vec!["x\n"], c: None };
/// assert_eq!(canonical_committed_json(&s).as_deref(), Some(r#"{"a":["x\n"],"b":1,"c":null}"#));
/// assert_eq!(canonical_committed_json(&0.5_f64), None);
/// ```
#[must_use]
pub fn canonical_committed_json<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut w = Writer {
        out: Vec::new(),
        entries: Vec::new(),
    };
    value.serialize(&mut w).ok()?;
    String::from_utf8(w.out).ok()
}

struct Writer {
    out: Vec<u8>,
    /// Key and byte range of each `"key":value` of the objects being written (commas
    /// excluded), innermost object last.
    entries: Vec<(Cow<'static, str>, usize, usize)>,
}

impl Writer {
    fn string(&mut self, s: &str) -> Done {
        // serde_json's own escaping (the same one `Value`'s strings go through).
        s.serialize(&mut serde_json::Serializer::new(&mut self.out))
            .map_err(|_| Decline)
    }

    fn unsigned(&mut self, v: u64) -> Done {
        if v > MAX_SAFE_INTEGER {
            return Err(Decline);
        }
        v.serialize(&mut serde_json::Serializer::new(&mut self.out))
            .map_err(|_| Decline)
    }

    fn signed(&mut self, v: i64) -> Done {
        if v.unsigned_abs() > MAX_SAFE_INTEGER {
            return Err(Decline);
        }
        v.serialize(&mut serde_json::Serializer::new(&mut self.out))
            .map_err(|_| Decline)
    }

    fn object(&mut self) -> Object<'_> {
        self.out.push(b'{');
        let start = self.out.len();
        let base = self.entries.len();
        Object {
            w: self,
            start,
            base,
            key: None,
        }
    }
}

/// An object being written: entries go straight into the output as `"key":value`,
/// comma-separated in the order given; at the end, if that order is not the key order,
/// they are rearranged.
struct Object<'a> {
    w: &'a mut Writer,
    start: usize,
    /// Where this object's entries start in `w.entries`.
    base: usize,
    /// The key given by `serialize_key`, waiting for its value.
    key: Option<String>,
}

impl<'a> Object<'a> {
    fn entry<V: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, value: &V) -> Done {
        if self.w.entries.len() > self.base {
            self.w.out.push(b',');
        }
        let from = self.w.out.len();
        self.w.string(&key)?;
        self.w.out.push(b':');
        value.serialize(&mut *self.w)?;
        let to = self.w.out.len();
        self.w.entries.push((key, from, to));
        Ok(())
    }

    fn finish(self) -> std::result::Result<&'a mut Writer, Decline> {
        let Self {
            w,
            start,
            base,
            key,
        } = self;
        if key.is_some() {
            return Err(Decline);
        }
        let entries = w.entries.get_mut(base..).ok_or(Decline)?;
        let sorted = entries.windows(2).all(|p| match p {
            [a, b] => a.0 < b.0,
            _ => true,
        });
        if !sorted {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            if entries
                .windows(2)
                .any(|p| matches!(p, [a, b] if a.0 == b.0))
            {
                // A repeated key: `Value` keeps the last one; let the general path do so.
                return Err(Decline);
            }
            let body = w.out.split_off(start);
            for (i, (_, from, to)) in entries.iter().enumerate() {
                if i > 0 {
                    w.out.push(b',');
                }
                let part = body.get(from - start..to - start).ok_or(Decline)?;
                w.out.extend_from_slice(part);
            }
        }
        w.entries.truncate(base);
        w.out.push(b'}');
        Ok(w)
    }
}

/// Elements of an array, written in place with commas.
struct Array<'a> {
    w: &'a mut Writer,
    first: bool,
    /// Closes a `{"variant":[` opened by a tuple variant.
    variant: bool,
}

impl Array<'_> {
    fn element<V: Serialize + ?Sized>(&mut self, value: &V) -> Done {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.w)
    }

    fn finish(self) -> Done {
        self.w.out.push(b']');
        if self.variant {
            self.w.out.push(b'}');
        }
        Ok(())
    }
}

/// A struct variant: `{"variant":{…}}`.
struct Variant<'a> {
    inner: Object<'a>,
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Decline;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.signed(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.signed(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.signed(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.signed(v)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.unsigned(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.unsigned(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.unsigned(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.unsigned(v)
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(Decline)
    }
    fn serialize_f64(self, _v: f64) -> Done {
        Err(Decline)
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        Err(Decline)
    }
    fn serialize_none(self) -> Done {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _n: &'static str, _i: u32, variant: &'static str) -> Done {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _n: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let mut o = self.object();
        o.entry(Cow::Borrowed(variant), value)?;
        o.finish().map(|_| ())
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Array<'a>, Decline> {
        self.out.push(b'[');
        Ok(Array {
            w: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Array<'a>, Decline> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _n: &'static str,
        len: usize,
    ) -> std::result::Result<Array<'a>, Decline> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Array<'a>, Decline> {
        // `{"variant":[…]}`: one key, so no ordering to do.
        self.out.push(b'{');
        self.string(variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Array {
            w: self,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Object<'a>, Decline> {
        Ok(self.object())
    }
    fn serialize_struct(
        self,
        _n: &'static str,
        _len: usize,
    ) -> std::result::Result<Object<'a>, Decline> {
        Ok(self.object())
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Variant<'a>, Decline> {
        // `{"variant":{…}}`: one key outside, the fields sorted inside.
        self.out.push(b'{');
        self.string(variant)?;
        self.out.push(b':');
        Ok(Variant {
            inner: self.object(),
        })
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.entry(Cow::Borrowed(key), value)
    }
    fn end(self) -> Done {
        self.finish().map(|_| ())
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.inner.entry(Cow::Borrowed(key), value)
    }
    fn end(self) -> Done {
        self.inner.finish()?.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Decline;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        if self.key.is_some() {
            return Err(Decline);
        }
        self.key = Some(key.serialize(KeyOnly)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        let key = self.key.take().ok_or(Decline)?;
        self.entry(Cow::Owned(key), value)
    }
    fn end(self) -> Done {
        self.finish().map(|_| ())
    }
}

/// A map key: only strings are taken (as `Value` would; other keys decline).
struct KeyOnly;

impl ser::Serializer for KeyOnly {
    type Ok = String;
    type Error = Decline;
    type SerializeSeq = Impossible<String, Decline>;
    type SerializeTuple = Impossible<String, Decline>;
    type SerializeTupleStruct = Impossible<String, Decline>;
    type SerializeTupleVariant = Impossible<String, Decline>;
    type SerializeMap = Impossible<String, Decline>;
    type SerializeStruct = Impossible<String, Decline>;
    type SerializeStructVariant = Impossible<String, Decline>;

    fn serialize_str(self, v: &str) -> std::result::Result<String, Decline> {
        Ok(v.to_owned())
    }
    fn serialize_bool(self, _v: bool) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_i8(self, _v: i8) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_i16(self, _v: i16) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_i32(self, _v: i32) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_i64(self, _v: i64) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_u8(self, _v: u8) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_u16(self, _v: u16) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_u32(self, _v: u32) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_u64(self, _v: u64) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_f32(self, _v: f32) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_f64(self, _v: f64) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_char(self, _v: char) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_bytes(self, _v: &[u8]) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_none(self) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _v: &T) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_unit(self) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_unit_struct(self, _n: &'static str) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_unit_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
    ) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _v: &T,
    ) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        _var: &'static str,
        _v: &T,
    ) -> std::result::Result<String, Decline> {
        Err(Decline)
    }
    fn serialize_seq(self, _l: Option<usize>) -> std::result::Result<Self::SerializeSeq, Decline> {
        Err(Decline)
    }
    fn serialize_tuple(self, _l: usize) -> std::result::Result<Self::SerializeTuple, Decline> {
        Err(Decline)
    }
    fn serialize_tuple_struct(
        self,
        _n: &'static str,
        _l: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, Decline> {
        Err(Decline)
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _l: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, Decline> {
        Err(Decline)
    }
    fn serialize_map(self, _l: Option<usize>) -> std::result::Result<Self::SerializeMap, Decline> {
        Err(Decline)
    }
    fn serialize_struct(
        self,
        _n: &'static str,
        _l: usize,
    ) -> std::result::Result<Self::SerializeStruct, Decline> {
        Err(Decline)
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _l: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, Decline> {
        Err(Decline)
    }
}
