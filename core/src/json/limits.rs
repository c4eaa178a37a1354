//! Documented input limits, enforced before any large allocation.
//!
//! | limit | value |
//! |---|---|
//! | bytes of one JSON document | [`MAX_JSON_BYTES`] |
//! | nesting depth of a JSON document | [`MAX_JSON_DEPTH`] |
//! | bytes of one roster / history file (CSV, xlsx, JSON) | [`MAX_FILE_BYTES`] (256 MiB; may be raised to [`CEILING_FILE_BYTES`], 1 GiB) |
//! | data rows (or JSON records) of one file | [`MAX_ROWS`] (1 000 000; may be raised to [`CEILING_ROWS`], 10 000 000) |
//! | bytes of one cell (after decoding, UTF-8) | [`MAX_FIELD_BYTES`] (4 096) |
//! | total uncompressed size of an xlsx workbook | [`MAX_DECOMPRESSED_BYTES`] (512 MiB) |
//! | entries in an xlsx zip archive | [`MAX_ZIP_ENTRIES`] (10 000) |
//! | columns of a header row (CSV, xlsx) | [`MAX_COLUMNS`] (1 000) |
//! | problems a checker (`check_enterprises` …) returns | [`MAX_PROBLEMS`] (1 000, then one `too_many_problems` with the count of the rest) |
//! | bytes of the file name kept in an error's `file` | [`MAX_FILE_NAME_BYTES`] (255, the end kept after `…`) |
//!
//! The tabular limits can be tightened per read with
//! [`Limits`](crate::intake::Limits) in [`ReadOptions`](crate::intake::ReadOptions); the
//! rows and bytes of one file can also be raised, up to [`CEILING_ROWS`] and
//! [`CEILING_FILE_BYTES`] (a province's roster in one file), never beyond.
//! The xlsx limit is checked on the sizes the zip central directory declares, before
//! any entry is decompressed.

use crate::{Error, LimitCode, Result};

/// Maximum size of one JSON document: 1 GiB.
pub const MAX_JSON_BYTES: usize = 1 << 30;

/// Maximum size of one roster, inspector or history file: 256 MiB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Maximum number of data rows (CSV, xlsx) or records (JSON) in one file, unless the
/// read's [`Limits`](crate::intake::Limits) raise it (up to [`CEILING_ROWS`]).
pub const MAX_ROWS: u64 = 1_000_000;

/// The most data rows a read may ask for (`limits.max_rows`): ten times [`MAX_ROWS`].
pub const CEILING_ROWS: u64 = 10_000_000;

/// The most bytes a read may ask for (`limits.max_bytes`): 1 GiB, four times
/// [`MAX_FILE_BYTES`] (a file of [`CEILING_ROWS`] roster rows is about 900 MB).
pub const CEILING_FILE_BYTES: u64 = 1 << 30;

/// Maximum length of one cell in bytes (UTF-8, after decoding).
pub const MAX_FIELD_BYTES: u64 = 4096;

/// Maximum total uncompressed size of the entries of an xlsx workbook: 512 MiB.
pub const MAX_DECOMPRESSED_BYTES: u64 = 512 << 20;

/// Maximum number of entries in an xlsx zip archive.
pub const MAX_ZIP_ENTRIES: u64 = 10_000;

/// Maximum number of columns of a header row. A roster has about twenty; an xlsx
/// sheet wider than this is refused while its cells are streamed, before any grid.
pub const MAX_COLUMNS: u64 = 1000;

/// Checks a header's width.
///
/// # Errors
/// `too_many_columns`.
///
/// ```
/// use shuangsuiji::intake::limits::{check_columns, MAX_COLUMNS};
/// assert!(check_columns(MAX_COLUMNS).is_ok());
/// assert_eq!(check_columns(MAX_COLUMNS + 1).unwrap_err().code().as_str(), "too_many_columns");
/// ```
pub fn check_columns(columns: u64) -> Result<()> {
    if columns > MAX_COLUMNS {
        return Err(Error::new(
            LimitCode::TooManyColumns,
            format!("the header has {columns} or more columns (limit {MAX_COLUMNS})"),
        )
        .with_detail("limit", MAX_COLUMNS.to_string()));
    }
    Ok(())
}

/// Maximum number of problems a checker returns: after that many, one more
/// `too_many_problems` error carries the number of the others (detail `omitted`), so
/// that a file of a million bad rows costs no more memory than one of a thousand.
pub const MAX_PROBLEMS: usize = 1000;

/// Maximum length in bytes of the file name an error carries. A longer name keeps its
/// end (where the base name is) after `…`.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// The file name as errors carry it: at most [`MAX_FILE_NAME_BYTES`] bytes of its end,
/// after `…` when cut.
///
/// ```
/// use shuangsuiji::intake::limits::{file_name_for_errors, MAX_FILE_NAME_BYTES};
/// assert_eq!(file_name_for_errors("名录.csv"), "名录.csv");
/// let long = format!("{}名录.csv", "d/".repeat(1000));
/// let kept = file_name_for_errors(&long);
/// assert!(kept.starts_with('…') && kept.ends_with("名录.csv"));
/// assert!(kept.len() <= MAX_FILE_NAME_BYTES + '…'.len_utf8());
/// ```
#[must_use]
pub fn file_name_for_errors(name: &str) -> String {
    if name.len() <= MAX_FILE_NAME_BYTES {
        return name.to_owned();
    }
    let mut start = name.len() - MAX_FILE_NAME_BYTES;
    while !name.is_char_boundary(start) {
        start += 1;
    }
    format!("…{}", &name[start..])
}

/// Keeps at most [`MAX_PROBLEMS`] problems; the rest become one `too_many_problems`.
pub(crate) fn cap_problems(errors: &mut Vec<Error>, omitted: u64) {
    let over = errors.len().saturating_sub(MAX_PROBLEMS) as u64;
    errors.truncate(MAX_PROBLEMS);
    let omitted = omitted.saturating_add(over);
    if omitted > 0 {
        errors.push(
            Error::new(
                LimitCode::TooManyProblems,
                format!(
                    "{omitted} more problems not listed (a check lists the first {MAX_PROBLEMS}); fix these and check again"
                ),
            )
            .with_detail("omitted", omitted.to_string())
            .with_detail("max", MAX_PROBLEMS.to_string()),
        );
    }
}

/// Checks an input's size against a byte limit.
///
/// # Errors
/// `too_many_bytes`.
///
/// ```
/// use shuangsuiji::intake::limits::check_bytes;
/// assert!(check_bytes(10, 10).is_ok());
/// assert_eq!(check_bytes(11, 10).unwrap_err().code().as_str(), "too_many_bytes");
/// ```
pub fn check_bytes(len: usize, max: u64) -> Result<()> {
    if u64::try_from(len).map_or(true, |n| n > max) {
        return Err(Error::new(
            LimitCode::TooManyBytes,
            format!("input of {len} bytes exceeds the limit of {max} bytes"),
        )
        .with_detail("limit", max.to_string()));
    }
    Ok(())
}

/// Checks a row count against a limit.
///
/// # Errors
/// `too_many_rows`.
///
/// ```
/// use shuangsuiji::intake::limits::check_rows;
/// assert_eq!(check_rows(3, 2).unwrap_err().code().as_str(), "too_many_rows");
/// ```
pub fn check_rows(rows: u64, max: u64) -> Result<()> {
    if rows > max {
        return Err(
            Error::new(LimitCode::TooManyRows, format!("more than {max} data rows"))
                .with_detail("limit", max.to_string()),
        );
    }
    Ok(())
}

/// Checks one field's length against a limit.
///
/// # Errors
/// `field_too_long` (the value is reported truncated).
///
/// ```
/// use shuangsuiji::intake::limits::check_field;
/// assert_eq!(check_field("abc", 2).unwrap_err().code().as_str(), "field_too_long");
/// ```
pub fn check_field(text: &str, max: u64) -> Result<()> {
    if u64::try_from(text.len()).map_or(true, |n| n > max) {
        return Err(Error::new(
            LimitCode::FieldTooLong,
            format!(
                "cell of {} bytes exceeds the limit of {max} bytes",
                text.len()
            ),
        )
        .with_value(text)
        .with_detail("limit", max.to_string()));
    }
    Ok(())
}

/// Maximum nesting depth of arrays and objects in a JSON document.
pub const MAX_JSON_DEPTH: usize = 32;

/// Checks a JSON text against [`MAX_JSON_BYTES`] and [`MAX_JSON_DEPTH`], and refuses an
/// object that names a key twice, with one linear scan (no recursion), so that a crafted
/// document cannot exhaust the stack or memory, nor mean one thing to a reader that keeps
/// the first of two keys and another to one that keeps the last. Every JSON text the
/// library reads goes through this check (or [`check_json_structure`] after its own size
/// check) before it is parsed.
///
/// # Errors
/// `too_many_bytes`, `too_deep`, `json_duplicate_key` (the key as `value`, with the
/// `line` and `json_column` of its second occurrence).
///
/// ```
/// use shuangsuiji::intake::limits::check_json_text;
/// assert!(check_json_text("[[1]]").is_ok());
/// let deep = "[".repeat(100);
/// assert_eq!(check_json_text(&deep).unwrap_err().code().as_str(), "too_deep");
/// let twice = r#"{"a": 1, "b": {"a": 2}, "\u0061": 3}"#;
/// assert_eq!(check_json_text(twice).unwrap_err().code().as_str(), "json_duplicate_key");
/// ```
pub fn check_json_text(text: &str) -> Result<()> {
    if text.len() > MAX_JSON_BYTES {
        return Err(Error::new(
            LimitCode::TooManyBytes,
            format!(
                "JSON document of {} bytes exceeds the limit of {MAX_JSON_BYTES}",
                text.len()
            ),
        ));
    }
    check_json_structure(text)
}

/// The depth and duplicate-key part of [`check_json_text`], without the size check.
///
/// # Errors
/// `too_deep`, `json_duplicate_key`.
///
/// ```
/// use shuangsuiji::intake::limits::check_json_structure;
/// assert!(check_json_structure(r#"[{"a":1},{"a":1}]"#).is_ok());
/// let e = check_json_structure("{\"a\":1,\n \"a\":2}").unwrap_err();
/// assert_eq!(e.code().as_str(), "json_duplicate_key");
/// assert_eq!(e.details().value.as_deref(), Some("a"));
/// ```
pub fn check_json_structure(text: &str) -> Result<()> {
    let bytes = text.as_bytes();
    let mut scan = KeyScan::default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'"' => {
                let start = i;
                let mut escaped = false;
                loop {
                    i = crate::json::committed::skip_plain(bytes, i);
                    match bytes.get(i) {
                        Some(b'"') => break,
                        Some(b'\\') => {
                            escaped = true;
                            i += 2;
                        }
                        Some(_) => i += 1,
                        // Unterminated: the parser says so.
                        None => return Ok(()),
                    }
                }
                scan.last = Some((start, i, escaped));
                i += 1;
            }
            b'{' | b'[' => {
                scan.frames.push((b == b'{', scan.keys.len(), None));
                if scan.frames.len() > MAX_JSON_DEPTH {
                    return Err(Error::new(
                        LimitCode::TooDeep,
                        format!("JSON nests deeper than {MAX_JSON_DEPTH} levels"),
                    ));
                }
            }
            b']' | b'}' => {
                if let Some((_, base, _)) = scan.frames.pop() {
                    scan.keys.truncate(base);
                }
            }
            b':' => {
                if let Some((start, end, escaped)) = scan.last.take() {
                    let raw = text.get(start..end).unwrap_or_default();
                    if !scan.insert(raw, escaped) {
                        return Err(duplicate_key(text, raw, end));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The keys of one object with many of them.
type KeySet<'a> = std::collections::HashSet<std::borrow::Cow<'a, str>>;

/// Where a [`check_json_structure`] scan is: the open containers and the keys seen in
/// the open objects.
#[derive(Default)]
struct KeyScan<'a> {
    /// Per open container: is it an object, where its keys start in `keys`, and (for an
    /// object with many keys) the set of them.
    frames: Vec<(bool, usize, Option<KeySet<'a>>)>,
    /// The keys of the open objects, innermost last.
    keys: Vec<std::borrow::Cow<'a, str>>,
    /// The last string read (content range, whether it holds an escape): a key if a
    /// colon follows.
    last: Option<(usize, usize, bool)>,
}

impl<'a> KeyScan<'a> {
    /// Keys compared one by one up to this many in one object, through a set beyond.
    const LINEAR: usize = 16;

    /// Records `raw` (the key as written) in the innermost object: `false` if it is
    /// already there.
    fn insert(&mut self, raw: &'a str, escaped: bool) -> bool {
        let Some((true, base, set)) = self.frames.last_mut() else {
            return true; // not in an object: the parser says what is wrong
        };
        let key: std::borrow::Cow<'a, str> = if escaped {
            // `\u0061` and `a` are the same key.
            serde_json::from_str::<String>(&format!("\"{raw}\""))
                .map_or(std::borrow::Cow::Borrowed(raw), std::borrow::Cow::Owned)
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        if let Some(set) = set {
            return set.insert(key);
        }
        let mine = self.keys.get(*base..).unwrap_or_default();
        if mine.contains(&key) {
            return false;
        }
        if mine.len() >= Self::LINEAR {
            let mut all: std::collections::HashSet<_> = self.keys.drain(*base..).collect();
            all.insert(key);
            *set = Some(all);
        } else {
            self.keys.push(key);
        }
        true
    }
}

fn duplicate_key(text: &str, raw: &str, end: usize) -> Error {
    let before = text.as_bytes().get(..end).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text.get(line_start..end).map_or(0, |t| t.chars().count()) + 1;
    let key = serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.into());
    Error::new(
        crate::InputCode::JsonDuplicateKey,
        format!("the key {key:?} appears twice in one JSON object"),
    )
    .with_value(key)
    .with_detail("line", line.to_string())
    .with_detail("json_column", column.to_string())
}

#[cfg(test)]
mod duplicate_key_tests {
    use super::check_json_text;

    fn dup(text: &str) -> Option<String> {
        match check_json_text(text) {
            Ok(()) => None,
            Err(e) => {
                assert_eq!(e.code().as_str(), "json_duplicate_key", "{e:?}");
                e.details().value.clone()
            }
        }
    }

    #[test]
    fn same_key_in_different_objects_is_fine() {
        assert_eq!(
            dup(r#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":{"b":1}}"#),
            None
        );
        assert_eq!(dup(r#"[{"a":1},{"a":1}]"#), None);
        assert_eq!(dup(r#"{"a":"a:","b":"\"a\":"}"#), None);
    }

    #[test]
    fn a_key_twice_in_one_object_is_refused_at_any_depth() {
        assert_eq!(dup(r#"{"a":1,"a":1}"#).as_deref(), Some("a"));
        assert_eq!(
            dup(r#"[{"x":{"k":1,"j":[1,{"k":2}],"k":3}}]"#).as_deref(),
            Some("k")
        );
        // After a nested object that used the same key.
        assert_eq!(dup(r#"{"a":{"a":1},"a":2}"#).as_deref(), Some("a"));
        // Escapes name the same key.
        assert_eq!(dup(r#"{"é":1,"\u00e9":2}"#).as_deref(), Some("é"));
        assert_eq!(dup(r#"{"a\"b":1,"a\u0022b":2}"#).as_deref(), Some("a\"b"));
    }

    #[test]
    fn large_objects_go_through_a_set() {
        let keys: Vec<String> = (0..200).map(|i| format!("\"k{i}\":{i}")).collect();
        let ok = format!("{{{}}}", keys.join(","));
        assert_eq!(dup(&ok), None);
        let bad = format!("{{{},\"k7\":0}}", keys.join(","));
        assert_eq!(dup(&bad).as_deref(), Some("k7"));
        // A nested object inside a large one keeps its own keys.
        let nested = format!("{{{},\"z\":{{\"k7\":1,\"k8\":2}}}}", keys.join(","));
        assert_eq!(dup(&nested), None);
    }

    #[test]
    fn the_second_occurrence_is_located() {
        let e = check_json_text("{\n  \"a\": 1,\n  \"a\": 2\n}").unwrap_err();
        assert_eq!(e.details().extra.get("line").map(String::as_str), Some("3"));
        assert_eq!(
            e.details().extra.get("json_column").map(String::as_str),
            Some("5")
        );
    }

    #[test]
    fn broken_text_does_not_panic() {
        for t in [
            "{\"a",
            "{\"a\":",
            "\"\\",
            "{:1}",
            "}}{{",
            "[\"a\":1]",
            "{\"a\":1,\"a",
        ] {
            let _ = check_json_text(t);
        }
    }
}
