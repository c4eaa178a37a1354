//! Chinese labels for the codes a clerk meets in results and errors: exclusion reasons,
//! error codes (their titles) and, for a given catalog, its departments and items.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Catalog;
use crate::rules::ReasonCode;
use crate::{ErrorCode, Lang};

/// Chinese labels by code, as [`labels`] returns them. Every map is ordered by code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Labels {
    /// Exclusion (and eligibility) reason code → its Chinese label.
    pub reasons: BTreeMap<&'static str, &'static str>,
    /// Error code → its Chinese title.
    pub errors: BTreeMap<&'static str, &'static str>,
    /// Department code → its name, from the catalog (empty without one).
    pub departments: BTreeMap<String, String>,
    /// Item id → its name, from the catalog (empty without one).
    pub items: BTreeMap<String, String>,
}

/// The Chinese labels of every exclusion-reason code and every error code, and of the
/// departments and items of `catalog` if one is given.
///
/// # Errors
/// None today; the `Result` keeps the signature of an operation.
///
/// ```
/// let l = shuangsuiji::labels::labels(None).unwrap();
/// assert_eq!(l.reasons["deregistered"], "已注销");
/// assert_eq!(l.errors["uscc_length"], "统一社会信用代码不是 18 位");
/// assert!(l.departments.is_empty() && l.items.is_empty());
/// ```
pub fn labels(catalog: Option<&Catalog>) -> crate::Result<Labels> {
    let (departments, items) = match catalog {
        Some(c) => (
            c.departments
                .iter()
                .map(|d| (d.code.as_str().to_owned(), d.name.clone()))
                .collect(),
            c.items
                .iter()
                .map(|i| (i.id.as_str().to_owned(), i.name.clone()))
                .collect(),
        ),
        None => (BTreeMap::new(), BTreeMap::new()),
    };
    Ok(Labels {
        reasons: ReasonCode::ALL
            .iter()
            .map(|r| (r.as_str(), r.label_zh()))
            .collect(),
        errors: ErrorCode::all()
            .into_iter()
            .map(|c| (c.as_str(), c.title(Lang::Zh)))
            .collect(),
        departments,
        items,
    })
}
