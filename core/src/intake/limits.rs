//! Documented input limits, enforced before any large allocation.
//!
//! | limit | value |
//! |---|---|
//! | bytes of one JSON document | [`MAX_JSON_BYTES`] |
//! | nesting depth of a JSON document | [`MAX_JSON_DEPTH`] |
//! | bytes of one roster / history file (CSV, xlsx, JSON) | [`MAX_FILE_BYTES`] (256 MiB) |
//! | data rows (or JSON records) of one file | [`MAX_ROWS`] (1 000 000) |
//! | bytes of one cell (after decoding, UTF-8) | [`MAX_FIELD_BYTES`] (4 096) |
//! | total uncompressed size of an xlsx workbook | [`MAX_DECOMPRESSED_BYTES`] (512 MiB) |
//! | entries in an xlsx zip archive | [`MAX_ZIP_ENTRIES`] (10 000) |
//!
//! The tabular limits can be tightened per read with
//! [`Limits`](super::Limits) in [`ReadOptions`](super::ReadOptions), never raised.
//! The xlsx limit is checked on the sizes the zip central directory declares, before
//! any entry is decompressed.

use crate::{Error, LimitCode, Result};

/// Maximum size of one JSON document: 1 GiB.
pub const MAX_JSON_BYTES: usize = 1 << 30;

/// Maximum size of one roster, inspector or history file: 256 MiB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Maximum number of data rows (CSV, xlsx) or records (JSON) in one file.
pub const MAX_ROWS: u64 = 1_000_000;

/// Maximum length of one cell in bytes (UTF-8, after decoding).
pub const MAX_FIELD_BYTES: u64 = 4096;

/// Maximum total uncompressed size of the entries of an xlsx workbook: 512 MiB.
pub const MAX_DECOMPRESSED_BYTES: u64 = 512 << 20;

/// Maximum number of entries in an xlsx zip archive.
pub const MAX_ZIP_ENTRIES: u64 = 10_000;

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

/// Checks a JSON text against [`MAX_JSON_BYTES`] and [`MAX_JSON_DEPTH`] with one linear
/// scan (no recursion), so that a crafted document cannot exhaust the stack or memory.
///
/// # Errors
/// `too_many_bytes`, `too_deep`.
///
/// ```
/// use shuangsuiji::intake::limits::check_json_text;
/// assert!(check_json_text("[[1]]").is_ok());
/// let deep = "[".repeat(100);
/// assert_eq!(check_json_text(&deep).unwrap_err().code().as_str(), "too_deep");
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
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(Error::new(
                        LimitCode::TooDeep,
                        format!("JSON nests deeper than {MAX_JSON_DEPTH} levels"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
