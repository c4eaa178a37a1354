//! Why a subcommand failed, and how that is told: a sentence on stderr (Chinese or
//! English) or, with `--json`, one line `{"error": {…}}` on stdout; the exit code by
//! family ([`crate::exit`]).

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};
use shuangsuiji::Error;

use crate::exit::{Lang, USAGE, family_code};

/// A failed subcommand.
#[derive(Debug)]
pub enum Fail {
    /// Wrong arguments: the sentence in both languages.
    Usage {
        /// 中文.
        zh: String,
        /// English.
        en: String,
    },
    /// A file could not be read or written.
    Io {
        /// The file.
        path: String,
        /// The system's error.
        err: std::io::Error,
    },
    /// The library refused the input: its typed error, and the file it came from if one.
    Core {
        /// The file, if the error is about one.
        file: Option<String>,
        /// The library's error.
        err: Error,
    },
}

impl From<Error> for Fail {
    fn from(err: Error) -> Self {
        Self::Core { file: None, err }
    }
}

impl Fail {
    /// A usage error.
    pub fn usage(zh: &str, en: &str) -> Self {
        Self::Usage {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, err: std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            err,
        }
    }

    /// A library error about the file `path`.
    pub fn in_file(path: &Path) -> impl FnOnce(Error) -> Self + '_ {
        move |err| Self::Core {
            file: Some(path.display().to_string()),
            err,
        }
    }

    /// The exit code: 2 for usage and I/O, the family's code for a library error.
    pub fn code(&self) -> u8 {
        match self {
            Self::Usage { .. } | Self::Io { .. } => USAGE,
            Self::Core { err, .. } => family_code(err.family()),
        }
    }

    /// Tells the failure (stderr, or stdout as JSON) and gives the exit code.
    pub fn report(&self, lang: Lang, json: bool) -> ExitCode {
        if json {
            println!("{}", json!({ "error": self.to_json() }));
        } else {
            eprintln!("{}", self.text(lang));
        }
        ExitCode::from(self.code())
    }

    /// The error object: the library's error JSON (with `file` in `details` when known);
    /// `usage` / `io` codes of family `cli` for the command line's own failures.
    fn to_json(&self) -> Value {
        match self {
            Self::Usage { en, .. } => json!({"code": "usage", "family": "cli", "message": en}),
            Self::Io { path, err } => json!({
                "code": "io", "family": "cli", "message": err.to_string(),
                "details": {"file": path},
            }),
            Self::Core { file, err } => {
                let mut v = serde_json::to_value(err)
                    .unwrap_or_else(|_| json!({"code": err.code().as_str()}));
                if let (Some(f), Some(d)) = (file, v.get_mut("details")) {
                    if let Some(d) = d.as_object_mut() {
                        d.entry("file").or_insert_with(|| json!(f));
                    }
                }
                v
            }
        }
    }

    /// The sentence for people.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Usage { zh, .. }, Lang::Zh) => format!("用法错误：{zh}（shuangsuiji --help）"),
            (Self::Usage { en, .. }, Lang::En) => {
                format!("usage error: {en} (shuangsuiji --help)")
            }
            (Self::Io { path, err }, Lang::Zh) => format!("无法读写文件 {path}：{err}"),
            (Self::Io { path, err }, Lang::En) => format!("cannot read or write {path}: {err}"),
            (Self::Core { file, err }, _) => {
                let d = err.details();
                let mut at: Vec<String> = file
                    .clone()
                    .or_else(|| d.file.clone())
                    .into_iter()
                    .collect();
                let zh = lang == Lang::Zh;
                at.extend(d.row.map(|r| {
                    if zh {
                        format!("第 {r} 行")
                    } else {
                        format!("row {r}")
                    }
                }));
                at.extend(d.column.as_ref().map(|c| {
                    if zh {
                        format!("列 {c}")
                    } else {
                        format!("column {c}")
                    }
                }));
                at.extend(d.field.as_ref().map(|f| {
                    if zh {
                        format!("字段 {f}")
                    } else {
                        format!("field {f}")
                    }
                }));
                let head = if zh { "错误" } else { "error" };
                let sep = if zh { "：" } else { ": " };
                let at = if at.is_empty() {
                    String::new()
                } else {
                    format!("{}{sep}", at.join(if zh { "，" } else { ", " }))
                };
                format!(
                    "{head}{sep}{at}{} ({}) {}",
                    err.code().as_str(),
                    err.family().as_str(),
                    if zh {
                        err.message_zh()
                    } else {
                        err.message_en().to_owned()
                    }
                )
            }
        }
    }
}
