//! Tables for people: headers and rows of text, written as CSV (UTF-8 with a
//! byte-order mark, so that Excel opens it as UTF-8; CRLF line ends) or as an xlsx
//! workbook of one sheet (this crate's own deterministic writer: a stored zip of five
//! XML parts with inline strings — `rust_xlsxwriter` reads the system clock for the
//! document's creation time, which would make two exports of one list differ).
//!
//! Every table the library offers to a clerk (the eligibility list, the outcome set, the
//! 公示 list, demands, follow-ups) is laid out by its own module; this one only writes
//! them, so that the command line, the bindings and the examples write the same bytes.
//!
//! Tested by the doc examples below and the tables' own tests.

use serde::{Deserialize, Serialize};

use crate::Result;

mod csv;
mod eligibility;
mod visits;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use csv::csv_bytes;
pub use eligibility::{ELIGIBILITY_TABLE_HEADERS, eligibility_table};
pub use visits::{TEAM_TABLE_HEADERS, VISIT_TABLE_HEADERS, team_table, visit_table};
#[cfg(feature = "xlsx")]
pub(crate) use xlsx::workbook as xlsx_workbook;

/// Headers and rows of text cells (every row as long as the headers).
///
/// ```
/// use shuangsuiji::export::Table;
/// let t = Table::new(&["甲", "乙"], vec![vec!["1".into(), "2,3".into()]]);
/// assert_eq!(t.headers, ["甲", "乙"]);
/// assert_eq!(t.to_csv(), "\u{feff}甲,乙\r\n1,\"2,3\"\r\n".as_bytes());
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

    /// The table as CSV bytes ([`csv_bytes`]).
    #[must_use]
    pub fn to_csv(&self) -> Vec<u8> {
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        csv_bytes(&headers, &self.rows)
    }

    /// The table as an xlsx workbook of one sheet named `sheet`, the headers in its
    /// first row. The same table gives the same bytes.
    ///
    /// ```
    /// # #[cfg(feature = "xlsx")] {
    /// let t = shuangsuiji::export::Table::new(&["甲"], vec![vec!["1".into()]]);
    /// let bytes = t.to_xlsx("名录")?;
    /// assert_eq!(&bytes[..4], b"PK\x03\x04");
    /// assert_eq!(bytes, t.to_xlsx("名录")?);
    /// # }
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    ///
    /// # Errors
    /// `xlsx_unsupported` when the crate is built without its `xlsx` feature.
    pub fn to_xlsx(&self, sheet: &str) -> Result<Vec<u8>> {
        #[cfg(feature = "xlsx")]
        {
            let mut all = Vec::with_capacity(self.rows.len() + 1);
            all.push(self.headers.clone());
            all.extend(self.rows.iter().cloned());
            Ok(xlsx::workbook(sheet, &all))
        }
        #[cfg(not(feature = "xlsx"))]
        {
            let _ = sheet;
            Err(crate::Error::new(
                crate::InputCode::XlsxUnsupported,
                "this build has no xlsx support (the crate's `xlsx` feature is off)",
            ))
        }
    }
}
