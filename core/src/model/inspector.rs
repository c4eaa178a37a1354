//! Inspectors (执法检查人员) on the inspector roster (执法检查人员名录库).

use std::collections::BTreeSet;

use serde::{Deserialize, Deserializer, Serialize};

use super::authority::ascii_id;
use super::{DepartmentCode, Uscc};
use crate::{Error, ModelCode, Result};

/// An inspector's published opaque id, e.g. the 执法证号. Printable ASCII, 1–64
/// characters, no spaces. Names are never used as ids.
///
/// ```
/// use shuangsuiji::model::InspectorId;
/// assert_eq!(InspectorId::parse("15058120240012").unwrap().as_str(), "15058120240012");
/// assert!(InspectorId::parse("张 三").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct InspectorId(String);

impl InspectorId {
    /// Parses an inspector id.
    ///
    /// # Errors
    /// `inspector_id_invalid` if empty, too long or not printable ASCII.
    pub fn parse(input: &str) -> Result<Self> {
        ascii_id(input, ModelCode::InspectorIdInvalid, "an inspector id").map(Self)
    }

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for InspectorId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// An inspector.
///
/// ```
/// let i: shuangsuiji::model::Inspector = serde_json::from_str(r#"{
///     "id": "15058120240012", "department": "market", "certified": true,
///     "qualifications": ["market.food_production"], "capacity": 12
/// }"#).unwrap();
/// assert!(i.active && i.certified);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspector {
    /// Published opaque id (执法证号 or similar).
    pub id: InspectorId,
    /// Display name (never hashed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Department the inspector belongs to.
    pub department: DepartmentCode,
    /// Holds a law-enforcement certificate (持有行政执法证件).
    pub certified: bool,
    /// Item ids or categories the inspector is qualified for; empty = any item of the
    /// department.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub qualifications: BTreeSet<String>,
    /// Enterprises the inspector must not inspect (declared conflicts, 回避).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub conflicts: BTreeSet<Uscc>,
    /// Maximum visits per task; `None` = no cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Available for this task (not on leave, not suspended).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub active: bool,
}
