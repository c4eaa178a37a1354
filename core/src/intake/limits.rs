//! Documented input limits, enforced before any large allocation.
//!
//! | limit | value |
//! |---|---|
//! | bytes of one JSON document | [`MAX_JSON_BYTES`] |
//! | nesting depth of a JSON document | [`MAX_JSON_DEPTH`] |

use crate::{Error, LimitCode, Result};

/// Maximum size of one JSON document: 1 GiB.
pub const MAX_JSON_BYTES: usize = 1 << 30;

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
