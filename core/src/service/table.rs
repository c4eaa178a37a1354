//! A plain table with Chinese headers — the shape the bindings turn into data frames.

use serde::{Deserialize, Serialize};

/// Headers and rows of text cells (every row as long as the headers).
///
/// ```
/// let t = shuangsuiji::service::Table::new(&["甲", "乙"], vec![vec!["1".into(), "2".into()]]);
/// assert_eq!(t.headers, ["甲", "乙"]);
/// assert_eq!(t.rows[0][1], "2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table of `headers` and `rows`.
    #[must_use]
    pub fn new(headers: &[&str], rows: Vec<Vec<String>>) -> Self {
        debug_assert!(rows.iter().all(|r| r.len() == headers.len()));
        Self {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        }
    }
}
