//! Where a rule or an item comes from: document, article, verification level and the
//! dates it is in force.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::label::labelled_enum;
use crate::{Error, ModelCode, Result};

labelled_enum! {
    /// How far a rule was checked against its source (see the project's RULES.md).
    pub enum Verification (ModelCode::VerificationUnknown) {
        /// Checked against the full official text. National verified rules are built in.
        Verified = "verified" ["V", "已核实"],
        /// Checked against a secondary source quoting the document. A preset, not truth.
        Secondary = "secondary" ["S", "二手来源"],
        /// Recalled, not confirmed. A configurable preset only.
        Recalled = "recalled" ["R", "待核实"],
        /// Set locally by the user of the library (their own document).
        Local = "local" ["L", "本地"],
        /// Synthetic sample data; never a rule.
        Synthetic = "synthetic" ["合成", "示例"],
    }
}

impl Verification {
    /// The short tag used in reports and in RULES.md: `[V]`, `[S]`, `[R]`, `[L]`, or
    /// `synthetic`.
    ///
    /// ```
    /// use shuangsuiji::model::Verification;
    /// assert_eq!(Verification::Secondary.label(), "[S]");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Verified => "[V]",
            Self::Secondary => "[S]",
            Self::Recalled => "[R]",
            Self::Local => "[L]",
            Self::Synthetic => "synthetic",
        }
    }
}

/// A citation of a legal or policy document.
///
/// ```
/// let r: shuangsuiji::model::LegalRef = serde_json::from_str(
///     r#"{"document":"食品安全法","article":"第一百一十条"}"#).unwrap();
/// assert_eq!(r.document, "食品安全法");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    /// Document title, e.g. 《食品生产经营监督检查管理办法》 (SAMR 令49).
    pub document: String,
    /// Article, paragraph, item, e.g. `第二十三条`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Quoted text of the provision, when bundled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The period a rule is in force: `effective_from ≤ date ≤ effective_to`, both
/// inclusive, either end open.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::model::Validity;
/// let v = Validity::new(NaiveDate::from_ymd_opt(2022, 3, 15), None).unwrap();
/// assert!(v.contains(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()));
/// assert!(!v.contains(NaiveDate::from_ymd_opt(2022, 3, 14).unwrap()));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First day in force (inclusive); `None` = since always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last day in force (inclusive); `None` = still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
}

impl Validity {
    /// Builds a validity period.
    ///
    /// # Errors
    /// `date_range_invalid` if `to` is before `from`.
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Self> {
        let v = Self {
            effective_from: from,
            effective_to: to,
        };
        v.validate()?;
        Ok(v)
    }

    /// Whether `date` is inside the period.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|f| f <= date) && self.effective_to.is_none_or(|t| date <= t)
    }

    /// Checks `from ≤ to`.
    ///
    /// # Errors
    /// `date_range_invalid` if `to` is before `from`.
    pub fn validate(&self) -> Result<()> {
        if let (Some(f), Some(t)) = (self.effective_from, self.effective_to) {
            if t < f {
                return Err(Error::new(
                    ModelCode::DateRangeInvalid,
                    format!("effective_to {t} is before effective_from {f}"),
                )
                .with_field("effective_to"));
            }
        }
        Ok(())
    }
}

/// Provenance of a rule or item: the source document and article, how well it was
/// verified, and when it is in force.
///
/// ```
/// use shuangsuiji::model::{Provenance, Verification};
/// let p: Provenance = serde_json::from_str(r#"{
///   "document": "食品生产经营监督检查管理办法（国家市场监督管理总局令第49号）",
///   "article": "第二十三条", "verification": "verified", "effective_from": "2022-03-15"
/// }"#).unwrap();
/// assert_eq!(p.verification, Verification::Verified);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Source document.
    pub document: String,
    /// Article(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Verification level.
    pub verification: Verification,
    /// First day the source is in force (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last day the source is in force (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// Free note (e.g. which secondary source was used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provenance {
    /// The period the source is in force.
    #[must_use]
    pub const fn validity(&self) -> Validity {
        Validity {
            effective_from: self.effective_from,
            effective_to: self.effective_to,
        }
    }
}
