//! The eligibility report as a table for people: one row per item and enterprise —
//! 可抽取 (in a stratum of the random pool), 必查 (forced in), 重点检查 (checked on purpose
//! by a tag) or 排除 (excluded) — with the reasons as codes and in Chinese words
//! ([`label_zh`](crate::rules::ReasonCode::label_zh)); the report itself is
//! [`crate::rules`]'s. The command line writes it as CSV or xlsx, the bindings build a
//! data frame from it; the layout is decided here once.
//!
//! Tested by the doc example below, `tests/vectors/export/eligibility_table.ops.json` and
//! the command line's eligibility export tests.

use super::Table;
use crate::model::{Roster, Uscc};
use crate::rules::{EligibilityReport, Reason};

/// The headers of [`eligibility_table`].
pub const ELIGIBILITY_TABLE_HEADERS: [&str; 7] = [
    "检查事项",
    "统一社会信用代码",
    "企业名称",
    "结果",
    "分层",
    "原因代码",
    "原因",
];

fn reasons(rs: &[Reason]) -> (String, String) {
    let codes: Vec<&str> = rs.iter().map(|r| r.code.as_str()).collect();
    let words: Vec<&str> = rs.iter().map(|r| r.code.label_zh()).collect();
    (codes.join(";"), words.join("；"))
}

/// The report as a table under [`ELIGIBILITY_TABLE_HEADERS`], items in report order and,
/// per item, the strata's eligible enterprises, then the forced-in, the 重点检查 and the
/// excluded ones; names from `roster` (empty for an enterprise it does not hold).
///
/// ```
/// use shuangsuiji::export::{eligibility_table, ELIGIBILITY_TABLE_HEADERS};
/// # let report: shuangsuiji::rules::EligibilityReport = serde_json::from_str(
/// #     &std::fs::read_to_string("../tests/vectors/eligibility/reasons_cap_class_limits.ops.json").map(|t| {
/// #         let v: serde_json::Value = serde_json::from_str(&t).unwrap();
/// #         v["cases"][0]["expect"].to_string()
/// #     }).unwrap()).unwrap();
/// let table = eligibility_table(&report, None);
/// assert_eq!(table.headers, ELIGIBILITY_TABLE_HEADERS);
/// assert!(table.rows.iter().all(|r| ["可抽取", "必查", "重点检查", "排除"].contains(&r[3].as_str())));
/// ```
#[must_use]
pub fn eligibility_table(report: &EligibilityReport, roster: Option<&Roster>) -> Table {
    let name = |u: &Uscc| {
        roster
            .and_then(|r| r.get(u))
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for item in &report.items {
        let id = item.item.as_str();
        for s in &item.strata {
            for u in &s.eligible {
                let (code, words) = s
                    .reason
                    .as_ref()
                    .map_or_else(Default::default, |r| reasons(std::slice::from_ref(r)));
                rows.push(vec![
                    id.into(),
                    u.to_string(),
                    name(u),
                    "可抽取".into(),
                    s.key.clone(),
                    code,
                    words,
                ]);
            }
        }
        for f in &item.forced_in {
            rows.push(vec![
                id.into(),
                f.uscc.to_string(),
                name(&f.uscc),
                "必查".into(),
                String::new(),
                f.reason.as_str().into(),
                f.reason.label_zh().into(),
            ]);
        }
        for (list, status) in [(&item.focus, "重点检查"), (&item.excluded, "排除")] {
            for x in list {
                let (codes, words) = reasons(&x.reasons);
                rows.push(vec![
                    id.into(),
                    x.uscc.to_string(),
                    name(&x.uscc),
                    status.into(),
                    String::new(),
                    codes,
                    words,
                ]);
            }
        }
    }
    Table::new(&ELIGIBILITY_TABLE_HEADERS, rows)
}
