//! Departments (部门) and authorities (执法主体: a department at one level of government).

use serde::{Deserialize, Deserializer, Serialize};

use super::DivisionCode;
use super::label::labelled_enum;
use crate::{Error, ModelCode, Result};

/// A department code, e.g. `market` (市场监管) or `fire` (消防救援). Printable ASCII
/// without spaces, 1–64 characters; it is what records and hashes refer to.
///
/// ```
/// use shuangsuiji::model::DepartmentCode;
/// assert_eq!(DepartmentCode::parse(" market ").unwrap().as_str(), "market");
/// assert!(DepartmentCode::parse("市场 监管").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DepartmentCode(std::sync::Arc<str>);

/// Validates an ASCII identifier: 1–64 printable characters, no spaces.
pub(crate) fn ascii_id(input: &str, code: ModelCode, what: &str) -> Result<String> {
    let t = super::normalize_width(input);
    if t.is_empty() || t.len() > 64 || !t.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::new(
            code,
            format!("{what} must be 1–64 printable ASCII characters without spaces"),
        )
        .with_value(input));
    }
    Ok(t)
}

impl DepartmentCode {
    /// Parses a department code.
    ///
    /// # Errors
    /// `department_invalid` if empty, longer than 64 characters, or not printable ASCII.
    pub fn parse(input: &str) -> Result<Self> {
        ascii_id(input, ModelCode::DepartmentInvalid, "a department code").map(|s| Self(s.into()))
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for DepartmentCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// A department: code and display name.
///
/// ```
/// let d: shuangsuiji::model::Department =
///     serde_json::from_str(r#"{"code":"market","name":"市场监督管理局"}"#).unwrap();
/// assert_eq!(d.code.as_str(), "market");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable code.
    pub code: DepartmentCode,
    /// Display name, e.g. 市场监督管理局.
    pub name: String,
}

labelled_enum! {
    /// The level of government an authority belongs to. Ordered from the top:
    /// `National < Provincial < Prefecture < County` in seniority order.
    pub enum Level (ModelCode::LevelUnknown) {
        /// 国家级.
        National = "national" ["国家", "国家级", "中央"],
        /// 省级 (province, autonomous region, municipality).
        Provincial = "provincial" ["省级", "省", "自治区", "区级（自治区）"],
        /// 地市级 (prefecture-level city, league).
        Prefecture = "prefecture" ["市级", "地市级", "设区的市", "盟"],
        /// 县级 (county, county-level city, district, banner).
        County = "county" ["县级", "县", "区县", "旗", "县级市"],
    }
}

impl Level {
    /// How many leading division digits an authority of this level covers.
    #[must_use]
    pub const fn division_digits(self) -> usize {
        match self {
            Self::National => 0,
            Self::Provincial => 2,
            Self::Prefecture => 4,
            Self::County => 6,
        }
    }

    /// Whether this level is strictly above `other`.
    ///
    /// ```
    /// use shuangsuiji::model::Level;
    /// assert!(Level::Prefecture.is_above(Level::County));
    /// assert!(!Level::County.is_above(Level::County));
    /// ```
    #[must_use]
    pub fn is_above(self, other: Self) -> bool {
        self < other
    }
}

/// An authority: a department at one level with a territorial jurisdiction.
///
/// ```
/// use shuangsuiji::model::{Authority, DivisionCode};
/// let city: Authority = serde_json::from_str(
///     r#"{"id":"tongliao-market","department":"market","level":"prefecture","jurisdiction":"150500"}"#,
/// ).unwrap();
/// let county: Authority = serde_json::from_str(
///     r#"{"id":"huolinguole-market","department":"market","level":"county","jurisdiction":"150581"}"#,
/// ).unwrap();
/// assert!(city.is_above(&county));
/// assert!(city.covers(DivisionCode::parse("150581").unwrap()));
/// assert!(!county.covers(DivisionCode::parse("150502").unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Stable id of the authority, e.g. `huolinguole-market`.
    pub id: String,
    /// The department.
    pub department: DepartmentCode,
    /// Level of government.
    pub level: Level,
    /// Territorial jurisdiction.
    pub jurisdiction: DivisionCode,
    /// Display name, e.g. 霍林郭勒市市场监督管理局.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Authority {
    /// Whether an enterprise registered in `division` is inside this authority's
    /// jurisdiction (by the level's division prefix; national covers everything).
    #[must_use]
    pub fn covers(&self, division: DivisionCode) -> bool {
        self.jurisdiction
            .starts(division, self.level.division_digits())
    }

    /// Whether this authority is at a higher level than `other` *and* its jurisdiction
    /// contains `other`'s. The department is not compared: a prefecture 生态环境局 is
    /// above a county 市场监管局 in the same territory.
    #[must_use]
    pub fn is_above(&self, other: &Self) -> bool {
        self.level.is_above(other.level) && self.covers(other.jurisdiction)
    }

    /// Checks the id is non-empty and the jurisdiction code fits the level (a
    /// provincial authority has a `PP0000` code, a prefecture one `PPCC00`).
    ///
    /// # Errors
    /// `text_empty` for an empty id; `division_invalid` if the code does not fit the level.
    pub fn validate(&self) -> Result<()> {
        super::text::required_text(&self.id, "id")?;
        let digits = self.jurisdiction.significant_digits();
        let ok = match self.level {
            Level::National => true,
            Level::Provincial => digits == 2,
            Level::Prefecture => digits <= 4,
            Level::County => true,
        };
        if ok {
            Ok(())
        } else {
            Err(Error::new(
                ModelCode::DivisionInvalid,
                format!(
                    "jurisdiction {} does not fit level {}",
                    self.jurisdiction,
                    self.level.as_str()
                ),
            )
            .with_field("jurisdiction"))
        }
    }
}
