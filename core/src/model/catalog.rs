//! The item catalog (监管事项清单): a versioned set of supervision items with a
//! content hash.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Department, DepartmentCode, ItemId, Provenance, SupervisionItem};
use crate::{Error, ModelCode, Result, canonical};

/// A versioned catalog of supervision items.
///
/// ```
/// use shuangsuiji::model::Catalog;
/// let json = r#"{
///   "id": "huolinguole-food-joint", "version": "2024.1", "name": "食品生产企业综合监管事项清单",
///   "departments": [{"code": "market", "name": "市场监督管理局"}],
///   "items": [{
///     "id": "market.food_production", "name": "食品生产监督检查", "department": "market",
///     "kind": "key", "form": "joint", "default_ratio": "5/100",
///     "provenance": {"document": "食品生产经营监督检查管理办法", "verification": "verified"}
///   }]
/// }"#;
/// let catalog = Catalog::from_json(json).unwrap();
/// assert_eq!(catalog.items.len(), 1);
/// assert_eq!(catalog.content_hash().unwrap().len(), 64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Stable catalog id.
    pub id: String,
    /// Version label (each published revision gets a new one).
    pub version: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Departments that own items. When non-empty, every item's department must be here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
    /// The items.
    pub items: Vec<SupervisionItem>,
    /// Where the catalog comes from (the adopting document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Catalog {
    /// Parses a catalog from JSON and validates it.
    ///
    /// # Errors
    /// `json_syntax`, `json_shape`; `item_department_missing` for an item without a
    /// department; and the codes of [`Catalog::validate`].
    pub fn from_json(text: &str) -> Result<Self> {
        crate::json::limits::check_json_text(text)?;
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::from_json(&e))?;
        if let Some(items) = value.get("items").and_then(|v| v.as_array()) {
            for (i, item) in items.iter().enumerate() {
                let dept = item.get("department");
                let missing = match dept {
                    None | Some(serde_json::Value::Null) => true,
                    Some(serde_json::Value::String(s)) => s.trim().is_empty(),
                    Some(_) => false,
                };
                if missing {
                    let id = item.get("id").and_then(|v| v.as_str()).unwrap_or("?");
                    return Err(Error::new(
                        ModelCode::ItemDepartmentMissing,
                        format!("item {id} has no responsible department (抽查主体)"),
                    )
                    .with_field(format!("items[{i}].department")));
                }
            }
        }
        let catalog: Self = crate::json::located::from_value(value)?;
        catalog.validate()?;
        Ok(catalog)
    }

    /// Checks the catalog: at least one item, unique item ids, every item valid, and
    /// every item's department listed when departments are given.
    ///
    /// # Errors
    /// `catalog_empty`, `item_duplicate`, `department_unknown`, `text_empty`,
    /// `date_range_invalid`.
    pub fn validate(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(
                Error::new(ModelCode::CatalogEmpty, "the catalog has no items").with_field("items"),
            );
        }
        let depts: BTreeSet<&DepartmentCode> = self.departments.iter().map(|d| &d.code).collect();
        let mut seen = BTreeSet::new();
        for (i, item) in self.items.iter().enumerate() {
            let at = format!("items[{i}]");
            if !seen.insert(&item.id) {
                return Err(Error::new(
                    ModelCode::ItemDuplicate,
                    format!("item id {} appears twice", item.id.as_str()),
                )
                .with_field(format!("{at}.id"))
                .with_value(item.id.as_str()));
            }
            item.validate().map_err(|e| e.within(&at))?;
            if !depts.is_empty() && !depts.contains(&item.department) {
                return Err(Error::new(
                    ModelCode::DepartmentUnknown,
                    format!(
                        "item {} names department {} which the catalog does not list",
                        item.id.as_str(),
                        item.department.as_str()
                    ),
                )
                .with_field(format!("{at}.department"))
                .with_value(item.department.as_str()));
            }
        }
        Ok(())
    }

    /// Looks an item up by id.
    #[must_use]
    pub fn item(&self, id: &ItemId) -> Option<&SupervisionItem> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// Hex SHA-256 content hash: `H("catalog"; canonical_json(catalog))` (see
    /// [`crate::canonical`]). Independent of the JSON layout the catalog was read from.
    ///
    /// # Errors
    /// `json_shape` only if the catalog cannot be serialised (it always can).
    pub fn content_hash(&self) -> Result<String> {
        let json = canonical::canonical_json(self)?;
        Ok(hex::encode(canonical::tagged_hash(
            "catalog",
            &[json.as_bytes()],
        )?))
    }
}
