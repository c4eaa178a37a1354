//! Exports of the 公示 list with Chinese headers: CSV (UTF-8 with BOM, so that Excel
//! opens it as UTF-8) and xlsx (with the `xlsx` feature).
//!
//! One row per enterprise, department and item; a department whose result is not
//! recorded yet has one row with its deadline and status and empty result columns.
//! The xlsx writer is this crate's own (a stored zip of five XML parts, inline strings):
//! `rust_xlsxwriter` reads the system clock for the document's creation time, which
//! the pure core must not do (and which panics on `wasm32-unknown-unknown`); the file
//! is therefore the same bytes for the same list.

use super::list::Disclosure;
use crate::Result;

/// The column headers of both exports, in order.
pub const CSV_HEADERS: [&str; 10] = [
    "任务编号",
    "统一社会信用代码",
    "检查实施部门",
    "检查日期",
    "检查事项",
    "检查结果",
    "备注",
    "公示日期",
    "公示期限",
    "公示状态",
];

/// The rows of the list under [`CSV_HEADERS`].
fn rows(list: &Disclosure) -> Vec<[String; 10]> {
    let opt = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut out = Vec::new();
    for r in &list.records {
        for res in &r.results {
            let base = |item: &str, result: &str, remark: &str| {
                [
                    list.task_id.clone(),
                    r.uscc.as_str().to_owned(),
                    res.department.as_str().to_owned(),
                    opt(res.date),
                    item.to_owned(),
                    result.to_owned(),
                    remark.to_owned(),
                    opt(res.recorded_on),
                    res.deadline.to_string(),
                    res.status.label().to_owned(),
                ]
            };
            if res.findings.is_empty() {
                out.push(base("", "", ""));
            }
            for f in &res.findings {
                out.push(base(
                    f.item_id.as_str(),
                    &f.label,
                    f.remark.as_deref().unwrap_or(""),
                ));
            }
        }
    }
    out
}

/// The 公示 list as CSV: UTF-8 with a byte-order mark, CRLF line ends, the Chinese
/// headers of [`CSV_HEADERS`], fields quoted only when they hold `,` `"` or a line end.
///
/// # Errors
/// None at present; the `Result` leaves room for limits.
///
/// ```
/// # use shuangsuiji::disclosure::{disclose, disclosure_csv};
/// # let draw = shuangsuiji::draw::draw(serde_json::from_str(r#"{"algorithm": "v1",
/// #   "task_id": "T1", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
/// #   "mode": "fixed", "items": [{"item_id": "market.food_production", "department": "market",
/// #   "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
/// # let set = serde_json::from_value(serde_json::json!({"task_id": "T1",
/// #   "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"}, "records": []})).unwrap();
/// let list = disclose(&draw, &set, "2026-03-30".parse().unwrap())?;
/// let bytes = disclosure_csv(&list)?;
/// assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
/// let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
/// assert!(text.starts_with("任务编号,统一社会信用代码,"));
/// assert!(text.contains(",待公示\r\n"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn disclosure_csv(list: &Disclosure) -> Result<Vec<u8>> {
    Ok(crate::export::csv_bytes(&CSV_HEADERS, &rows(list)))
}

/// The 公示 list as an xlsx workbook (one sheet, 检查结果公示, headers of
/// [`CSV_HEADERS`]); the same list gives the same bytes.
///
/// # Errors
/// `xlsx_unsupported` when the crate is built without its `xlsx` feature.
///
/// ```
/// # use shuangsuiji::disclosure::{disclose, disclosure_xlsx};
/// # let draw = shuangsuiji::draw::draw(serde_json::from_str(r#"{"algorithm": "v1",
/// #   "task_id": "T1", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
/// #   "mode": "fixed", "items": [{"item_id": "market.food_production", "department": "market",
/// #   "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
/// # let set = serde_json::from_value(serde_json::json!({"task_id": "T1",
/// #   "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"}, "records": []})).unwrap();
/// let list = disclose(&draw, &set, "2026-03-30".parse().unwrap())?;
/// # #[cfg(feature = "xlsx")] {
/// let bytes = disclosure_xlsx(&list)?;
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// assert_eq!(bytes, disclosure_xlsx(&list)?);
/// # }
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn disclosure_xlsx(list: &Disclosure) -> Result<Vec<u8>> {
    #[cfg(feature = "xlsx")]
    {
        let mut table: Vec<Vec<String>> =
            vec![CSV_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
        table.extend(rows(list).into_iter().map(Vec::from));
        Ok(crate::export::xlsx_workbook("检查结果公示", &table))
    }
    #[cfg(not(feature = "xlsx"))]
    {
        let _ = list;
        Err(crate::Error::new(
            crate::InputCode::XlsxUnsupported,
            "this build has no xlsx support (feature `xlsx`)",
        ))
    }
}
