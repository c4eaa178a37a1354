//! Exit codes and the language of messages.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success; `check`: no problem found |
//! | 2 | usage error, or the file cannot be read (I/O) |
//! | 10 | `input` family (format, encoding, JSON, CSV, columns) |
//! | 11 | `validation` (a value is invalid: USCC, division, credit class, …) |
//! | 12 | `rules` |
//! | 13 | `draw` |
//! | 14 | `verify` |
//! | 15 | `team` |
//! | 16 | `enforcement` |
//! | 17 | `limit` (a size or depth limit) |
//! | 18 | `internal` (a bug in the library) |
//! | 19 | a family this table does not know yet |
//!
//! `check` exits with the code of its first problem's family.

use shuangsuiji::ErrorFamily;

/// Usage error or unreadable file.
pub const USAGE: u8 = 2;

/// The exit code of an error family (the table above).
pub fn family_code(family: ErrorFamily) -> u8 {
    match family.as_str() {
        "input" => 10,
        "validation" => 11,
        "rules" => 12,
        "draw" => 13,
        "verify" => 14,
        "team" => 15,
        "enforcement" => 16,
        "limit" => 17,
        "internal" => 18,
        _ => 19,
    }
}

/// The language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese (the default).
    Zh,
    /// English (`--lang en`).
    En,
}
