//! Options for the readers: file name for error locations, encoding, format, sheet,
//! strictness about extra columns, and (tighter) limits. Deserialisable from JSON so
//! that the bindings can pass them through unchanged.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::limits;
use crate::{Error, InputCode, Result};

/// The text encoding of a CSV file.
///
/// JSON names: `"auto"`, `"utf-8"` (also `"utf8"`), `"gbk"` (also `"gb2312"`, `"cp936"`),
/// `"gb18030"`; case is ignored. Any other name is refused with `encoding_unknown`.
///
/// ```
/// use shuangsuiji::intake::Encoding;
/// assert_eq!(Encoding::from_name("UTF-8").unwrap(), Encoding::Utf8);
/// assert_eq!(Encoding::from_name("latin1").unwrap_err().code().as_str(), "encoding_unknown");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    /// Detect: a UTF-8 BOM or valid UTF-8 means UTF-8, anything else is tried as GB18030.
    #[default]
    Auto,
    /// UTF-8 (a leading BOM is allowed and removed).
    Utf8,
    /// GBK (decoded with the GB18030 decoder, of which GBK is a subset).
    Gbk,
    /// GB18030.
    Gb18030,
}

impl Encoding {
    /// Parses an encoding name (case-insensitive).
    ///
    /// # Errors
    /// `encoding_unknown` for a name that is not listed in [`Encoding`]'s docs.
    pub fn from_name(name: &str) -> Result<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(Self::Auto),
            "utf-8" | "utf8" => Ok(Self::Utf8),
            "gbk" | "gb2312" | "cp936" => Ok(Self::Gbk),
            "gb18030" => Ok(Self::Gb18030),
            _ => Err(Error::new(
                InputCode::EncodingUnknown,
                format!("unknown encoding {name:?}; expected auto, utf-8, gbk or gb18030"),
            )
            .with_value(name)),
        }
    }

    /// The canonical name (`auto`, `utf-8`, `gbk`, `gb18030`).
    ///
    /// ```
    /// assert_eq!(shuangsuiji::intake::Encoding::Gbk.as_str(), "gbk");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Utf8 => "utf-8",
            Self::Gbk => "gbk",
            Self::Gb18030 => "gb18030",
        }
    }
}

impl Serialize for Encoding {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Encoding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::from_name(&s).map_err(Error::into_de)
    }
}

/// The format of an input file. JSON names: `"json"`, `"csv"`, `"xlsx"` (any case);
/// another name is `format_unknown`.
///
/// ```
/// use shuangsuiji::intake::Format;
/// assert_eq!(Format::from_name("XLSX").unwrap(), Format::Xlsx);
/// assert_eq!(Format::from_name("xls").unwrap_err().code().as_str(), "format_unknown");
/// assert_eq!(Format::sniff(b"PK\x03\x04rest"), Format::Xlsx);
/// assert_eq!(Format::sniff(b"  [{}]"), Format::Json);
/// assert_eq!(Format::sniff("企业名称,uscc".as_bytes()), Format::Csv);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A JSON array in the model's serde shape.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// An Excel 2007+ workbook.
    Xlsx,
}

impl Format {
    /// Parses a format name (case-insensitive).
    ///
    /// # Errors
    /// `format_unknown` unless the name is `json`, `csv` or `xlsx`.
    pub fn from_name(name: &str) -> Result<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Self::Json),
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            _ => Err(Error::new(
                InputCode::FormatUnknown,
                format!("unknown format {name:?}; expected json, csv or xlsx"),
            )
            .with_value(name)),
        }
    }

    /// Guesses the format from the first bytes: the zip magic `PK\x03\x04` (or the
    /// OLE magic of an old `.xls` / password-protected workbook, which the xlsx reader
    /// then refuses with `xlsx_invalid`) means xlsx, a first non-space byte `[` or `{` (after an optional UTF-8 BOM) means JSON,
    /// anything else CSV.
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04")
            || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        {
            return Self::Xlsx;
        }
        let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match rest.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[' | b'{') => Self::Json,
            _ => Self::Csv,
        }
    }

    /// The canonical name.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::intake::Format::Xlsx.as_str(), "xlsx");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

impl Serialize for Format {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::from_name(&s).map_err(Error::into_de)
    }
}

/// Limits for one read. The defaults are the documented maxima in [`limits`]; the rows
/// and bytes of one file may be raised up to [`limits::CEILING_ROWS`] and
/// [`limits::CEILING_FILE_BYTES`] (a large roster in one file), the others only
/// tightened. A value above its ceiling is refused (`count_invalid`, field
/// `limits.<name>`), never silently lowered — a caller who asked for more must learn
/// that it was not granted.
///
/// ```
/// use shuangsuiji::intake::{limits, Limits};
/// let l = Limits { max_rows: 10, ..Limits::default() };
/// assert_eq!(l.checked()?.max_rows, 10);
/// let province = Limits { max_rows: 4_000_000, max_bytes: 512 << 20, ..Limits::default() };
/// assert_eq!(province.checked()?.max_rows, 4_000_000);
/// assert_eq!(Limits::default().max_rows, limits::MAX_ROWS);
/// let huge = Limits { max_rows: u64::MAX, ..Limits::default() };
/// let e = huge.checked().unwrap_err();
/// assert_eq!(e.code().as_str(), "count_invalid");
/// assert_eq!(e.details().field.as_deref(), Some("limits.max_rows"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Maximum bytes of the input ([`limits::MAX_FILE_BYTES`]; at most
    /// [`limits::CEILING_FILE_BYTES`]).
    pub max_bytes: u64,
    /// Maximum data rows or records ([`limits::MAX_ROWS`]; at most
    /// [`limits::CEILING_ROWS`]).
    pub max_rows: u64,
    /// Maximum bytes of one cell ([`limits::MAX_FIELD_BYTES`]).
    pub max_field_bytes: u64,
    /// Maximum total uncompressed size of an xlsx workbook
    /// ([`limits::MAX_DECOMPRESSED_BYTES`]).
    pub max_decompressed_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: limits::MAX_FILE_BYTES,
            max_rows: limits::MAX_ROWS,
            max_field_bytes: limits::MAX_FIELD_BYTES,
            max_decompressed_bytes: limits::MAX_DECOMPRESSED_BYTES,
        }
    }
}

impl Limits {
    /// These limits, if none is above its ceiling (rows and bytes) or documented
    /// maximum (the others).
    ///
    /// # Errors
    /// `count_invalid` naming the first limit above its ceiling (field
    /// `limits.<name>`, value the requested number, detail `maximum`).
    pub fn checked(&self) -> Result<Self> {
        for (name, value, max) in [
            ("max_bytes", self.max_bytes, limits::CEILING_FILE_BYTES),
            ("max_rows", self.max_rows, limits::CEILING_ROWS),
            (
                "max_field_bytes",
                self.max_field_bytes,
                limits::MAX_FIELD_BYTES,
            ),
            (
                "max_decompressed_bytes",
                self.max_decompressed_bytes,
                limits::MAX_DECOMPRESSED_BYTES,
            ),
        ] {
            if value > max {
                return Err(Error::new(
                    crate::ModelCode::CountInvalid,
                    format!("{name} = {value} is above the documented maximum {max}; it cannot be raised further"),
                )
                .with_field(format!("limits.{name}"))
                .with_value(value.to_string())
                .with_detail("maximum", max.to_string()));
            }
        }
        Ok(*self)
    }
}

/// How to read one file. Every field has a default; the JSON form uses the same
/// snake_case names, e.g. `{"file_name": "名录.csv", "encoding": "gbk"}`.
///
/// ```
/// use shuangsuiji::intake::{Encoding, ReadOptions};
/// let o = ReadOptions::from_json(r#"{"file_name":"名录.csv","encoding":"gbk"}"#).unwrap();
/// assert_eq!(o.encoding, Encoding::Gbk);
/// assert!(!o.allow_unknown_columns);
/// let bad = ReadOptions::from_json(r#"{"encoding":"latin1"}"#).unwrap_err();
/// assert_eq!(bad.code().as_str(), "encoding_unknown");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadOptions {
    /// Name reported in every error's `file` (the core does no file I/O).
    pub file_name: Option<String>,
    /// Encoding of CSV input (JSON must be UTF-8; xlsx carries its own).
    pub encoding: Encoding,
    /// Format; `None` = sniff the bytes ([`Format::sniff`]).
    pub format: Option<Format>,
    /// Worksheet of an xlsx workbook; `None` = the first sheet.
    pub sheet: Option<String>,
    /// Ignore columns that are not in the alias table instead of failing with
    /// `column_unknown`.
    pub allow_unknown_columns: bool,
    /// The row number (1-based, as a spreadsheet shows it) of the header row, for files
    /// with a title or notes above it (a platform export's 「XX市场主体名录（导出时间…）」);
    /// the rows above it are skipped. `None`: the first non-blank row is the header.
    /// `0` is refused (`count_invalid`, field `header_row`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_row: Option<u64>,
    /// Limits that may only tighten the documented maxima.
    pub limits: Limits,
}

impl ReadOptions {
    /// Options that only name the file.
    ///
    /// ```
    /// let o = shuangsuiji::intake::ReadOptions::named("a.csv");
    /// assert_eq!(o.file_name.as_deref(), Some("a.csv"));
    /// ```
    #[must_use]
    pub fn named(file_name: &str) -> Self {
        Self {
            file_name: Some(file_name.to_owned()),
            ..Self::default()
        }
    }

    /// Parses options from JSON.
    ///
    /// # Errors
    /// `json_syntax`, `json_shape`, `encoding_unknown`, `too_deep`; `count_invalid` for a limit above its documented maximum (see [`Limits::checked`]).
    pub fn from_json(text: &str) -> Result<Self> {
        let o: Self = crate::json::located::from_str(text)?;
        o.limits.checked()?;
        o.checked_header_row()?;
        Ok(o)
    }

    /// `count_invalid` for a header row 0 (rows count from 1).
    pub(crate) fn checked_header_row(&self) -> Result<()> {
        if self.header_row == Some(0) {
            return Err(Error::new(
                crate::ModelCode::CountInvalid,
                "header_row counts rows from 1, as a spreadsheet shows them",
            )
            .with_field("header_row")
            .with_value("0"));
        }
        Ok(())
    }

    /// Attaches the file name (if any) to an error.
    pub(crate) fn locate(&self, e: Error) -> Error {
        match &self.file_name {
            Some(f) => e.with_file(super::limits::file_name_for_errors(f)),
            None => e,
        }
    }
}
