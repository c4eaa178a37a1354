//! The eligibility report as files for people: the core's table
//! ([`export::eligibility_table`]: one row per item and enterprise, 可抽取 / 必查 /
//! 重点检查 / 排除, Chinese headers, reasons as codes and in words) written by the core's
//! writers ([`shuangsuiji::export`]): CSV (UTF-8 with BOM, CRLF) or xlsx. Nothing is laid
//! out here.

use std::path::Path;

use shuangsuiji::export;
use shuangsuiji::model::Roster;
use shuangsuiji::rules::EligibilityReport;

use crate::fail::Fail;

/// The table as CSV bytes.
pub fn eligibility_csv(report: &EligibilityReport, roster: &Roster) -> Vec<u8> {
    export::eligibility_table(report, Some(roster)).to_csv()
}

/// The table as an xlsx workbook (one sheet, 抽查对象名录) written to `path`.
///
/// # Errors
/// The library's `xlsx_unsupported`; I/O naming the file.
pub fn eligibility_xlsx(
    report: &EligibilityReport,
    roster: &Roster,
    path: &Path,
) -> Result<(), Fail> {
    let bytes = export::eligibility_table(report, Some(roster)).to_xlsx("抽查对象名录")?;
    crate::files::write(path, &bytes)
}
