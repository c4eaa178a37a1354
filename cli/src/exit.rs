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
//! | 20 | `outcome` (inspection results and their 公示) |
//! | 21 | `profile` (enterprise events, tag rules) |
//! | 22 | `service` (联企服务) |
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
        "outcome" => 20,
        "profile" => 21,
        "service" => 22,
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
    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty. Chinese when it starts with `zh`, and also when none is set
    /// or it is `C` / `POSIX` (with or without an encoding: people read Chinese first);
    /// English for any other language (`en_US`, `fr_FR`, …).
    pub fn from_env() -> Self {
        Self::of_locale(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
                .as_deref(),
        )
    }

    /// The language of a locale name (`None`: unset).
    fn of_locale(locale: Option<&str>) -> Self {
        let Some(l) = locale else { return Self::Zh };
        let base = l.split(['.', '@']).next().unwrap_or_default();
        if base.starts_with("zh") || base == "C" || base == "POSIX" {
            Self::Zh
        } else {
            Self::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn chinese_for_zh_unset_c_and_posix_english_for_other_languages() {
        for l in [
            None,
            Some("C"),
            Some("C.UTF-8"),
            Some("POSIX"),
            Some("zh_CN.UTF-8"),
            Some("zh_TW"),
            Some("zh"),
        ] {
            assert_eq!(Lang::of_locale(l), Lang::Zh, "{l:?}");
        }
        for l in ["en_US.UTF-8", "en", "fr_FR.UTF-8", "de_DE@euro", "ja_JP"] {
            assert_eq!(Lang::of_locale(Some(l)), Lang::En, "{l}");
        }
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

    /// A spinner for a long step, on stderr when it is a terminal (never in pipes, logs
    /// or tests); it goes away when the returned guard is dropped.
    #[must_use = "the spinner is cleared when the guard is dropped"]
    pub fn progress(self, zh: &str, en: &str) -> crate::progress::Progress {
        crate::progress::Progress::spinner(self, zh, en)
    }
}
