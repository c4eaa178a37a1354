//! One error type for the whole library, with stable snake_case codes.
//!
//! Every fallible function in this crate returns [`Error`]. An error carries
//!
//! * a [`ErrorCode`] — a stable, machine-readable `snake_case` string such as
//!   `uscc_check_character`. Codes are API: they are identical in Rust, Python and
//!   JavaScript and never change meaning once released;
//! * a human message (may be reworded between releases);
//! * [`Details`] that locate the problem: file, row, column, field, value and any
//!   extra key/value evidence (which party, which stratum, expected and actual …).
//!
//! Codes are grouped in families ([`ErrorFamily`]); each family lives in its own
//! module so that the catalogue stays readable. The Python binding maps each family
//! to a subclass of `ShuangsuijiError(ValueError)`, the JS binding to an `Error`
//! with `.code` and `.family`.
//!
//! ```
//! use shuangsuiji::{Error, ErrorCode, model::Uscc};
//!
//! let err = Uscc::parse("91350100M000100Y4A").unwrap_err();
//! assert_eq!(err.code().as_str(), "uscc_check_character");
//! assert_eq!(ErrorCode::from_code("uscc_check_character"), Some(err.code()));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares one family of error codes: an enum whose variants map to fixed strings.
macro_rules! error_codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal {
                zh: $zh:literal,
                en: $en:literal $(,)?
            }, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every code of this family, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable snake_case code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// The code whose string is `code`, if this family has it.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }

            /// The code's title in Chinese: one short sentence a clerk understands.
            #[must_use]
            pub const fn title_zh(self) -> &'static str {
                match self { $($name::$variant => $zh),* }
            }

            /// The code's title in English: one short sentence.
            #[must_use]
            pub const fn title_en(self) -> &'static str {
                match self { $($name::$variant => $en),* }
            }
        }
    };
}

mod draw;
mod enforcement;
mod input;
mod internal;
mod lang;
mod limit;
mod model;
mod outcome;
mod profile;
mod render_zh;
mod rules;
mod service;
mod team;
mod verify;

pub use draw::DrawCode;
pub use enforcement::EnforcementCode;
pub use input::InputCode;
pub use internal::InternalCode;
pub use lang::Lang;
pub use limit::LimitCode;
pub use model::ModelCode;
pub use outcome::OutcomeCode;
pub use profile::ProfileCode;
pub use rules::RulesCode;
pub use service::ServiceCode;
pub use team::TeamCode;
pub use verify::VerifyCode;

/// Declares every error family in one place: one line per family generates
/// [`ErrorFamily`] (and its `as_str`, `ALL`), the [`ErrorCode`] variant, its `as_str`,
/// `family`, `all`, `from_code` and the `From<FamilyCode>` conversion. A new family is
/// one line here plus one code file; the bindings read the list from `error_codes()`.
macro_rules! error_families {
    (
        $( $(#[$doc:meta])* $family:ident($ty:ident) = $name:literal, )*
    ) => {
        /// The family an [`ErrorCode`] belongs to; each binding maps a family to an error class.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum ErrorFamily {
            $( $(#[$doc])* #[serde(rename = $name)] $family, )*
        }

        impl ErrorFamily {
            /// Every family, in declaration order.
            pub const ALL: &'static [ErrorFamily] = &[$(ErrorFamily::$family),*];

            /// The stable snake_case name of the family.
            ///
            /// ```
            /// assert_eq!(shuangsuiji::ErrorFamily::Validation.as_str(), "validation");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $( Self::$family => $name, )* }
            }
        }

        /// A stable error code. Serialises as its snake_case string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( #[doc = concat!("See [`", stringify!($ty), "`].")] $family($ty), )*
        }

        impl ErrorCode {
            /// The stable snake_case string of this code.
            ///
            /// ```
            /// use shuangsuiji::{ErrorCode, ModelCode};
            /// assert_eq!(ErrorCode::from(ModelCode::UsccLength).as_str(), "uscc_length");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $( Self::$family(c) => c.as_str(), )* }
            }

            /// The code's title in `lang`: one short sentence, the same in every binding.
            ///
            /// ```
            /// use shuangsuiji::{ErrorCode, Lang, ModelCode};
            /// let c = ErrorCode::from(ModelCode::UsccLength);
            /// assert_eq!(c.title(Lang::Zh), "统一社会信用代码不是 18 位");
            /// assert_eq!(c.title(Lang::En), "A USCC is not 18 characters long");
            /// ```
            #[must_use]
            pub const fn title(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => match self { $( Self::$family(c) => c.title_zh(), )* },
                    Lang::En => match self { $( Self::$family(c) => c.title_en(), )* },
                }
            }

            /// The family of this code (derived from the code, never stored).
            ///
            /// ```
            /// use shuangsuiji::{ErrorCode, ErrorFamily, ModelCode};
            /// assert_eq!(ErrorCode::from(ModelCode::UsccLength).family(), ErrorFamily::Validation);
            /// ```
            #[must_use]
            pub const fn family(self) -> ErrorFamily {
                match self { $( Self::$family(_) => ErrorFamily::$family, )* }
            }

            /// Every code of every family. Codes are unique across families.
            ///
            /// ```
            /// let all = shuangsuiji::ErrorCode::all();
            /// assert!(all.iter().any(|c| c.as_str() == "uscc_length"));
            /// ```
            #[must_use]
            pub fn all() -> Vec<Self> {
                let mut v: Vec<Self> = Vec::new();
                $( v.extend($ty::ALL.iter().map(|&c| Self::$family(c))); )*
                v
            }

            /// Looks a code up by its string (a generated match per family); `None` if
            /// there is no such code.
            ///
            /// ```
            /// use shuangsuiji::ErrorCode;
            /// assert_eq!(ErrorCode::from_code("uscc_length").map(ErrorCode::as_str), Some("uscc_length"));
            /// assert_eq!(ErrorCode::from_code("no_such_code"), None);
            /// ```
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                $( if let Some(c) = $ty::from_code(code) { return Some(Self::$family(c)); } )*
                None
            }
        }

        $( impl From<$ty> for ErrorCode {
            fn from(c: $ty) -> Self { Self::$family(c) }
        } )*
    };
}

error_families! {
    /// Reading bytes: encodings, CSV, JSON, xlsx, headers.
    Input(InputCode) = "input",
    /// A value that does not satisfy the domain model (USCC, division, ratio …).
    Validation(ModelCode) = "validation",
    /// Sampling policy, presets, eligibility.
    Rules(RulesCode) = "rules",
    /// The draw engine: algorithm versions, seeds, tickets, substitutions.
    Draw(DrawCode) = "draw",
    /// Public verification: commitments, reveals, logs, receipts.
    Verify(VerifyCode) = "verify",
    /// Inspector team assignment, day routes and the work plan.
    Team(TeamCode) = "team",
    /// Leniency, discretion, calendar, deadlines, credit repair.
    Enforcement(EnforcementCode) = "enforcement",
    /// A documented size or depth limit was exceeded.
    Limit(LimitCode) = "limit",
    /// A bug in this library: an invariant it guarantees did not hold. Never caused by
    /// input; please report it.
    Internal(InternalCode) = "internal",
    /// Inspection outcomes (检查结果) and their publication (公示).
    Outcome(OutcomeCode) = "outcome",
    /// Enterprise events (一企一档) and tag rules (标签化).
    Profile(ProfileCode) = "profile",
    /// The enterprise service (联企服务): demands and follow-up visits.
    Service(ServiceCode) = "service",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown error code {s:?}")))
    }
}

/// Where an error was found and the evidence for it. Every field is optional.
///
/// Rows are 1-based data rows as a person counts them in a spreadsheet (the header is
/// row 1, the first record row 2); `column` is the header text as it appeared in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Details {
    /// The file (or logical source) the problem was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based row number in the file (header = row 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The column header as written in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The model field (serde name), e.g. `credit_class` or `plan.strata[2].quota`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The offending value, as text (truncated to 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Further evidence: `party`, `stratum`, `expected`, `actual`, `enterprise` …
    /// Serialised flat, beside the fields above (`{"row": 3, "expected": "4"}`).
    #[serde(flatten)]
    pub extra: BTreeMap<String, String>,
}

/// The error type of every fallible function in this crate.
///
/// ```
/// use shuangsuiji::{Error, ModelCode};
///
/// let e = Error::new(ModelCode::UsccLength, "统一社会信用代码应为18位")
///     .with_file("roster.csv")
///     .with_row(7)
///     .with_column("统一社会信用代码")
///     .with_value("9135");
/// assert_eq!(e.code().as_str(), "uscc_length");
/// assert_eq!(e.details().row, Some(7));
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["code"], "uscc_length");
/// assert_eq!(json["family"], "validation");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "ErrorWire", from = "ErrorWire")]
pub struct Error {
    code: ErrorCode,
    message: String,
    details: Box<Details>,
}

/// `{code}: {Chinese message}`; the alternate form (`{:#}`) is the English one,
/// `{code}: {English message} ({location})`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(
                f,
                "{}: {}{}",
                self.code,
                self.message,
                location_suffix(&self.details)
            )
        } else {
            write!(f, "{}: {}", self.code, self.message_zh())
        }
    }
}

/// The JSON shape of an [`Error`]: `family` is written for readers in other languages
/// and ignored on reading (it follows from `code`); `message` is the Chinese message
/// (made from the code and the details, so it is recomputed on reading), `message_en`
/// the English one (optional on reading: without it, `message` is taken as the English
/// text, as errors were written before they carried both).
#[derive(Serialize, Deserialize)]
struct ErrorWire {
    code: ErrorCode,
    #[serde(default, skip_deserializing)]
    family: Option<ErrorFamily>,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message_en: Option<String>,
    #[serde(default)]
    details: Box<Details>,
}

impl From<Error> for ErrorWire {
    fn from(e: Error) -> Self {
        Self {
            code: e.code,
            family: Some(e.code.family()),
            message: e.message_zh(),
            message_en: Some(e.message),
            details: e.details,
        }
    }
}

impl From<ErrorWire> for Error {
    fn from(w: ErrorWire) -> Self {
        Self {
            code: w.code,
            message: w.message_en.unwrap_or(w.message),
            details: w.details,
        }
    }
}

fn location_suffix(d: &Details) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &d.file {
        parts.push(format!("file {f}"));
    }
    if let Some(r) = d.row {
        parts.push(format!("row {r}"));
    }
    if let Some(c) = &d.column {
        parts.push(format!("column {c}"));
    }
    if let Some(f) = &d.field {
        parts.push(format!("field {f}"));
    }
    if let Some(v) = &d.value {
        parts.push(format!("value {v:?}"));
    }
    for (k, v) in &d.extra {
        parts.push(format!("{k} {v}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

const MAX_VALUE_CHARS: usize = 200;

impl Error {
    /// A new error with a code and its specific English message (the Chinese message is
    /// made from the code and the details: [`Error::message_zh`]).
    ///
    /// ```
    /// let e = shuangsuiji::Error::new(shuangsuiji::ModelCode::UsccLength, "too short");
    /// assert_eq!(e.message_en(), "too short");
    /// ```
    #[must_use]
    pub fn new(code: impl Into<ErrorCode>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            details: Box::default(),
        }
    }

    /// The same thing given twice: `"{what} appears twice"`, with the repeated value
    /// under `details.extra[key]`.
    ///
    /// ```
    /// use shuangsuiji::{Error, VerifyCode};
    /// let e = Error::duplicate(VerifyCode::PartyDuplicate, "a party", "party", "市监局");
    /// assert_eq!(e.message_en(), "a party appears twice");
    /// assert_eq!(e.details().extra["party"], "市监局");
    /// ```
    #[cold]
    #[inline(never)]
    #[must_use]
    pub fn duplicate(
        code: impl Into<ErrorCode>,
        what: &str,
        key: &str,
        value: impl Into<String>,
    ) -> Self {
        Self::new(code, format!("{what} appears twice")).with_detail(key, value)
    }

    /// A name or reference that is not known: `"unknown {what}"`, with the value.
    ///
    /// ```
    /// use shuangsuiji::{Error, TeamCode};
    /// let e = Error::unknown(TeamCode::TeamRequestInvalid, "inspector", "I-9");
    /// assert_eq!(e.message_en(), "unknown inspector");
    /// assert_eq!(e.details().value.as_deref(), Some("I-9"));
    /// ```
    #[cold]
    #[inline(never)]
    #[must_use]
    pub fn unknown(code: impl Into<ErrorCode>, what: &str, value: impl AsRef<str>) -> Self {
        Self::new(code, format!("unknown {what}")).with_value(value)
    }

    /// A value that differs from the one it must equal: the field, a message, and the
    /// evidence under `details.extra["expected"]` and `["actual"]`.
    ///
    /// ```
    /// use shuangsuiji::{Error, VerifyCode};
    /// let e = Error::mismatch(VerifyCode::RootMismatch, "plan_hash", "differs", "ab", "cd");
    /// assert_eq!(e.details().field.as_deref(), Some("plan_hash"));
    /// assert_eq!(e.details().extra["expected"], "ab");
    /// assert_eq!(e.details().extra["actual"], "cd");
    /// ```
    #[cold]
    #[inline(never)]
    #[must_use]
    pub fn mismatch(
        code: impl Into<ErrorCode>,
        field: impl Into<String>,
        message: impl Into<String>,
        expected: impl Into<String>,
        actual: impl Into<String>,
    ) -> Self {
        Self::new(code, message)
            .with_field(field)
            .with_detail("expected", expected)
            .with_detail("actual", actual)
    }

    /// A bug in this library (code `internal_invariant`, family `internal`): an invariant
    /// it guarantees did not hold. Never used for anything input can cause.
    ///
    /// ```
    /// let e = shuangsuiji::Error::internal("no certified lead chosen");
    /// assert_eq!(e.code().as_str(), "internal_invariant");
    /// assert_eq!(e.family().as_str(), "internal");
    /// ```
    #[cold]
    #[inline(never)]
    #[must_use]
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(InternalCode::InternalInvariant, message)
    }

    /// The stable code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The family of the code.
    #[must_use]
    pub const fn family(&self) -> ErrorFamily {
        self.code.family()
    }

    /// The human message in the default language, Chinese (not stable): the same as
    /// [`Error::message_zh`].
    ///
    /// ```
    /// use shuangsuiji::{Error, ModelCode};
    /// let e = Error::new(ModelCode::UsccLength, "a USCC has 18 characters").with_row(7);
    /// assert_eq!(e.message(), "统一社会信用代码不是 18 位（第 7 行）");
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        self.message_in(Lang::default())
    }

    /// The message in `lang`: [`Error::message_zh`] or [`Error::message_en`].
    ///
    /// ```
    /// use shuangsuiji::{Error, Lang, ModelCode};
    /// let e = Error::new(ModelCode::UsccLength, "a USCC has 18 characters");
    /// assert_eq!(e.message_in(Lang::En), "a USCC has 18 characters");
    /// assert_eq!(e.message_in(Lang::Zh), "统一社会信用代码不是 18 位");
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message.clone(),
        }
    }

    /// The message entirely in Chinese: the code's title, then the location and the
    /// evidence of [`Error::details`] (文件、第 N 行、列「…」、字段、值、应为/实际为 …;
    /// evidence keys without a Chinese name as `key=value`). Made from the code and the
    /// details only, so every binding shows the same text.
    ///
    /// ```
    /// use shuangsuiji::{Error, ModelCode};
    /// let e = Error::new(ModelCode::UsccLength, "too short")
    ///     .with_file("名录.csv")
    ///     .with_row(7)
    ///     .with_column("统一社会信用代码")
    ///     .with_value("9135")
    ///     .with_detail("expected", "18");
    /// assert_eq!(
    ///     e.message_zh(),
    ///     "统一社会信用代码不是 18 位（文件「名录.csv」，第 7 行，列「统一社会信用代码」，值「9135」，应为 18）"
    /// );
    /// ```
    #[must_use]
    pub fn message_zh(&self) -> String {
        render_zh::message_zh(self.code, &self.details)
    }

    /// The specific English message, as the place that found the error wrote it.
    ///
    /// ```
    /// let e = shuangsuiji::Error::new(shuangsuiji::ModelCode::UsccLength, "too short");
    /// assert_eq!(e.message_en(), "too short");
    /// ```
    #[must_use]
    pub fn message_en(&self) -> &str {
        &self.message
    }

    /// The same error with another human message (a hint added where the error is
    /// understood better than where it was made).
    #[must_use]
    pub(crate) fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }

    /// The location and evidence.
    #[must_use]
    pub fn details(&self) -> &Details {
        &self.details
    }

    /// The location and evidence, to relocate an error found on a trial value.
    pub(crate) fn details_mut(&mut self) -> &mut Details {
        &mut self.details
    }

    /// Sets the file (only if none is set yet, so inner locations win).
    #[must_use]
    pub fn with_file(mut self, file: impl Into<String>) -> Self {
        if self.details.file.is_none() {
            self.details.file = Some(file.into());
        }
        self
    }

    /// Sets the 1-based row (only if none is set yet).
    #[must_use]
    pub fn with_row(mut self, row: u64) -> Self {
        if self.details.row.is_none() {
            self.details.row = Some(row);
        }
        self
    }

    /// Sets the column header (only if none is set yet).
    #[must_use]
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        if self.details.column.is_none() {
            self.details.column = Some(column.into());
        }
        self
    }

    /// Sets the model field (only if none is set yet).
    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        if self.details.field.is_none() {
            self.details.field = Some(field.into());
        }
        self
    }

    /// Prefixes the field path, e.g. `credit_class` → `enterprises[3].credit_class`.
    #[must_use]
    pub fn within(mut self, prefix: &str) -> Self {
        self.details.field = Some(match self.details.field.take() {
            Some(f) if f.starts_with('[') => format!("{prefix}{f}"),
            Some(f) => format!("{prefix}.{f}"),
            None => prefix.to_owned(),
        });
        self
    }

    /// Sets the offending value (truncated to 200 characters; only if none is set yet).
    #[must_use]
    pub fn with_value(mut self, value: impl AsRef<str>) -> Self {
        if self.details.value.is_none() {
            let v: String = value.as_ref().chars().take(MAX_VALUE_CHARS).collect();
            self.details.value = Some(v);
        }
        self
    }

    /// Adds a key/value piece of evidence.
    #[must_use]
    pub fn with_detail(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.details.extra.insert(key.into(), value.into());
        self
    }
}

impl std::error::Error for Error {}

/// `Result<T, shuangsuiji::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let all = ErrorCode::all();
        let mut seen = BTreeSet::new();
        for c in &all {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "not snake_case: {s}"
            );
            assert_eq!(ErrorCode::from_code(s), Some(*c));
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), *c);
        }
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_code_has_a_chinese_and_an_english_title() {
        let mut zh_seen = BTreeSet::new();
        for c in ErrorCode::all() {
            let (zh, en) = (c.title(Lang::Zh), c.title(Lang::En));
            assert!(has_cjk(zh), "{c}: the Chinese title {zh:?} has no Chinese");
            assert!(
                !en.trim().is_empty() && !has_cjk(en),
                "{c}: English title {en:?}"
            );
            assert!(
                !zh.ends_with('。') && !en.ends_with('.'),
                "{c}: a title, not a paragraph"
            );
            assert!(
                zh.chars().count() <= 60 && en.len() <= 120,
                "{c}: one short sentence"
            );
            assert!(
                zh_seen.insert(zh),
                "{c}: the Chinese title {zh:?} is another code's"
            );
        }
    }

    #[test]
    fn the_chinese_message_is_made_from_the_code_and_the_details() {
        let e = Error::new(ModelCode::UsccLength, "USCC must be 18 characters, got 4")
            .with_file("roster.csv")
            .with_row(3)
            .with_field("uscc")
            .with_detail("expected", "18")
            .with_detail("actual", "4")
            .with_detail("zz_unknown", "v");
        assert_eq!(
            e.message(),
            "统一社会信用代码不是 18 位（文件「roster.csv」，第 3 行，字段「uscc」，应为 18，实际为 4，zz_unknown=v）"
        );
        assert_eq!(e.message_en(), "USCC must be 18 characters, got 4");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["message"], e.message_zh());
        assert_eq!(json["message_en"], "USCC must be 18 characters, got 4");
        // A wire error without `message_en` (as written before) reads its message as English.
        let old: Error =
            serde_json::from_value(serde_json::json!({"code": "uscc_length", "message": "old"}))
                .unwrap();
        assert_eq!(old.message_en(), "old");
        assert_eq!(old.message(), "统一社会信用代码不是 18 位");
    }

    #[test]
    fn error_json_round_trip() {
        let e = Error::new(ModelCode::UsccLength, "x")
            .with_row(3)
            .with_detail("k", "v");
        let back: Error = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        assert!(format!("{e:#}").contains("row 3"));
        assert!(e.to_string().contains("第 3 行"));
    }
}

/// Marker that carries a stable code through serde's string-only custom errors.
const SERDE_CODE_OPEN: &str = "\u{27e6}";
const SERDE_CODE_CLOSE: &str = "\u{27e7}";
/// Separates the code from the field inside the marker.
const SERDE_FIELD_MARK: char = '|';

impl Error {
    /// Turns this error into a serde deserialisation error that keeps the code, so that
    /// [`Error::from_json`] can recover it.
    pub(crate) fn into_de<E: serde::de::Error>(self) -> E {
        E::custom(format!(
            "{SERDE_CODE_OPEN}{}{SERDE_CODE_CLOSE} {}",
            self.code.as_str(),
            self.message
        ))
    }

    /// As [`Error::into_de`], keeping the field too: [`Error::from_json`] recovers it
    /// and a located reader puts it under the path where serde met the value
    /// (`entries[4].event` + `secret`).
    pub(crate) fn into_de_with_field<E: serde::de::Error>(self) -> E {
        let field = self
            .details
            .field
            .as_deref()
            .map_or_else(String::new, |f| format!("{SERDE_FIELD_MARK}{f}"));
        E::custom(format!(
            "{SERDE_CODE_OPEN}{}{field}{SERDE_CODE_CLOSE} {}",
            self.code.as_str(),
            self.message
        ))
    }

    /// Converts a `serde_json` error into a typed error: a code carried by
    /// the model's serde impls is recovered; otherwise `json_syntax` (the text is not JSON or
    /// ends early) or `json_shape` (valid JSON of the wrong shape). The JSON line and
    /// column go to `details.extra` (`line`, `json_column`).
    #[must_use]
    pub fn from_json(err: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let text = err.to_string();
        let (code, field, message): (ErrorCode, Option<String>, String) = match extract_code(&text)
        {
            Some((code, field, rest)) => (code, field, rest),
            None => match err.classify() {
                Category::Syntax | Category::Eof | Category::Io => {
                    (InputCode::JsonSyntax.into(), None, text.clone())
                }
                Category::Data => (InputCode::JsonShape.into(), None, text.clone()),
            },
        };
        let mut e = Self::new(code, message);
        if let Some(f) = field {
            e = e.with_field(f);
        }
        if err.line() > 0 {
            e = e
                .with_detail("line", err.line().to_string())
                .with_detail("json_column", err.column().to_string());
        }
        e
    }
}

fn extract_code(text: &str) -> Option<(ErrorCode, Option<String>, String)> {
    let start = text.find(SERDE_CODE_OPEN)?;
    let after = &text[start + SERDE_CODE_OPEN.len()..];
    let end = after.find(SERDE_CODE_CLOSE)?;
    let (code, field) = match after[..end].split_once(SERDE_FIELD_MARK) {
        Some((code, field)) => (code, Some(field.to_owned())),
        None => (&after[..end], None),
    };
    let code = ErrorCode::from_code(code)?;
    let rest = after[end + SERDE_CODE_CLOSE.len()..].trim_start();
    // serde_json appends " at line L column C"; keep the human part only.
    let rest = rest.split(" at line ").next().unwrap_or(rest);
    Some((code, field, rest.to_owned()))
}

#[cfg(test)]
mod serde_code_tests {
    use super::*;

    #[test]
    fn code_survives_serde_json() {
        let r: std::result::Result<crate::model::Uscc, _> = serde_json::from_str("\"12345\"");
        let e = Error::from_json(&r.unwrap_err());
        assert_eq!(e.code(), ModelCode::UsccLength.into());
        assert!(!e.message_en().contains('\u{27e6}'));
    }

    #[test]
    fn syntax_and_shape() {
        let r: std::result::Result<Vec<u32>, _> = serde_json::from_str("[1, 2");
        assert_eq!(
            Error::from_json(&r.unwrap_err()).code().as_str(),
            "json_syntax"
        );
        let r: std::result::Result<Vec<u32>, _> = serde_json::from_str("[\"x\"]");
        assert_eq!(
            Error::from_json(&r.unwrap_err()).code().as_str(),
            "json_shape"
        );
    }
}
