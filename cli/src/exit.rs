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

impl Lang {
    /// The language of the environment: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the
    /// first that is set and not empty); English when it starts with `en`, Chinese
    /// otherwise (also when none is set, or `C` / `POSIX`).
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .map_or(Self::Zh, |s| {
                if s.starts_with("en") {
                    Self::En
                } else {
                    Self::Zh
                }
            })
    }
}

/// Where a subcommand tells what it did: a sentence in the chosen language, or one JSON
/// line (`--json`), on stdout; progress on stderr only when stderr is a terminal.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    /// The language of sentences.
    pub lang: Lang,
    /// `--json`.
    pub json: bool,
}

impl Out {
    /// The outcome of a subcommand.
    pub fn done(self, zh: &str, en: &str, json: serde_json::Value) {
        if self.json {
            println!("{json}");
        } else {
            println!("{}", if self.lang == Lang::Zh { zh } else { en });
        }
    }

    /// A progress line for a long step, on stderr when it is a terminal (never in pipes,
    /// logs or tests).
    pub fn progress(self, zh: &str, en: &str) {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            eprintln!("{}", if self.lang == Lang::Zh { zh } else { en });
        }
    }
}
