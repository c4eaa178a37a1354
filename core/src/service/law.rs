//! The law-education menu (普法教育菜单, seed §三(三)二): entries per trade citing a law
//! and article, a plain-language explanation (the 明白纸 text) and common violations
//! linked to the leniency menu entries that already exist ([`crate::enforcement::Menu`]).
//!
//! Tested by `core/tests/all/service_matching.rs` and
//! `tests/vectors/service/matching.ops.json`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::enforcement::Menu;
use crate::model::Provenance;
use crate::{Error, Result, ServiceCode};

/// A common violation of an entry, with the leniency menu entries that may apply to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonViolation {
    /// The violation, with its penalty provision.
    pub violation: String,
    /// Ids of bundled leniency menu entries ([`Menu::bundled_entry`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub menu_entries: Vec<String>,
}

/// One entry of the law-education menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawEntry {
    /// A stable id.
    pub id: String,
    /// A short title.
    pub title: String,
    /// Industry / licence category patterns it is for (empty: every trade).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub trades: BTreeSet<String>,
    /// The law and article (`document`, `article`), verification and effective date.
    pub provenance: Provenance,
    /// The plain-language explanation.
    pub plain: String,
    /// Common violations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<CommonViolation>,
}

const BUNDLED: &str = include_str!("../../data/service/food_law_entries.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundledFile {
    #[serde(rename = "说明")]
    _note: String,
    entries: Vec<LawEntry>,
}

fn invalid(field: String, message: String) -> Error {
    Error::new(ServiceCode::LawEntryInvalid, message).with_field(field)
}

/// Checks a law-education menu: ids unique and not empty, a title, a plain text and
/// an article, and every linked menu entry a bundled one.
///
/// # Errors
/// `law_entry_invalid` naming the field (`[i].violations[j].menu_entries[k]` for an
/// unknown menu entry).
///
/// ```
/// use shuangsuiji::service::{LawEntry, check_law_entries};
/// let mut entries = LawEntry::food_producers()?;
/// check_law_entries(&entries)?;
/// entries[0].violations[0].menu_entries.push("no-such-entry".into());
/// assert_eq!(check_law_entries(&entries).unwrap_err().code().as_str(), "law_entry_invalid");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn check_law_entries(entries: &[LawEntry]) -> Result<()> {
    let mut ids = BTreeSet::new();
    for (i, e) in entries.iter().enumerate() {
        for (field, text) in [("id", &e.id), ("title", &e.title), ("plain", &e.plain)] {
            if text.trim().is_empty() {
                return Err(invalid(
                    format!("[{i}].{field}"),
                    format!("a law entry's {field} must not be empty"),
                ));
            }
        }
        if e.provenance
            .article
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
        {
            return Err(invalid(
                format!("[{i}].provenance.article"),
                format!("law entry {} cites no article", e.id),
            ));
        }
        if !ids.insert(e.id.as_str()) {
            return Err(
                invalid(format!("[{i}].id"), format!("law entry id {} twice", e.id))
                    .with_value(&e.id),
            );
        }
        for (j, v) in e.violations.iter().enumerate() {
            for (k, m) in v.menu_entries.iter().enumerate() {
                if Menu::bundled_entry(m).is_err() {
                    return Err(invalid(
                        format!("[{i}].violations[{j}].menu_entries[{k}]"),
                        format!(
                            "law entry {} links menu entry {m:?}, which is not bundled",
                            e.id
                        ),
                    )
                    .with_value(m));
                }
            }
        }
    }
    Ok(())
}

impl LawEntry {
    /// The bundled entries for food producers (`core/data/service/food_law_entries.json`),
    /// citing 食品安全法, 行政处罚法 and 令49 from the law texts the project holds.
    ///
    /// # Errors
    /// `internal` if the bundled file does not read or check (a bug).
    ///
    /// ```
    /// let entries = shuangsuiji::service::LawEntry::food_producers()?;
    /// assert!(entries.iter().any(|e| e.provenance.article.as_deref() == Some("第七十一条")));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn food_producers() -> Result<Vec<Self>> {
        let file: BundledFile = serde_json::from_str(BUNDLED)
            .map_err(|e| Error::internal(format!("bundled food_law_entries.json: {e}")))?;
        check_law_entries(&file.entries)
            .map_err(|e| Error::internal(format!("bundled food_law_entries.json: {e}")))?;
        Ok(file.entries)
    }
}
