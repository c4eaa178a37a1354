//! The eligibility report as tables for people: one row per item and enterprise (可抽取,
//! 必查 or 排除) with Chinese headers and the reasons in words. CSV is UTF-8 with a
//! byte-order mark (so that Excel opens it as UTF-8) and CRLF line ends.
//!
//! Presentation only: the outcome and the reason codes are the report's; the words are
//! the core's (`ReasonCode::label_zh`).

use std::path::Path;

use shuangsuiji::model::Roster;
use shuangsuiji::rules::EligibilityReport;

use crate::fail::Fail;

/// The headers of both tables.
pub const HEADERS: [&str; 7] = [
    "检查事项",
    "统一社会信用代码",
    "企业名称",
    "结果",
    "分层",
    "原因代码",
    "原因",
];

/// The rows under [`HEADERS`].
fn rows(report: &EligibilityReport, roster: &Roster) -> Vec<[String; 7]> {
    let name =
        |u: &shuangsuiji::model::Uscc| roster.get(u).map(|e| e.name.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for item in &report.items {
        let id = item.item.as_str();
        for s in &item.strata {
            for u in &s.eligible {
                out.push([
                    id.into(),
                    u.to_string(),
                    name(u),
                    "可抽取".into(),
                    s.key.clone(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        for f in &item.forced_in {
            out.push([
                id.into(),
                f.uscc.to_string(),
                name(&f.uscc),
                "必查".into(),
                String::new(),
                f.reason.as_str().into(),
                f.reason.label_zh().into(),
            ]);
        }
        for x in &item.excluded {
            let codes: Vec<&str> = x.reasons.iter().map(|r| r.code.as_str()).collect();
            let words: Vec<&str> = x.reasons.iter().map(|r| r.code.label_zh()).collect();
            out.push([
                id.into(),
                x.uscc.to_string(),
                name(&x.uscc),
                "排除".into(),
                String::new(),
                codes.join(";"),
                words.join("；"),
            ]);
        }
    }
    out
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The table as CSV bytes.
pub fn eligibility_csv(report: &EligibilityReport, roster: &Roster) -> Vec<u8> {
    let mut s = String::from("\u{feff}");
    let mut line = |cells: &[&str]| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            csv_field(&mut s, c);
        }
        s.push_str("\r\n");
    };
    line(&HEADERS);
    for r in rows(report, roster) {
        line(&r.each_ref().map(String::as_str));
    }
    s.into_bytes()
}

/// The table as an xlsx workbook (one sheet, 抽查对象名录) written to `path`.
///
/// # Errors
/// I/O (also a failure of the workbook writer) naming the file.
pub fn eligibility_xlsx(
    report: &EligibilityReport,
    roster: &Roster,
    path: &Path,
) -> Result<(), Fail> {
    use rust_xlsxwriter::Workbook;
    let failed =
        |e: rust_xlsxwriter::XlsxError| Fail::io(path, std::io::Error::other(e.to_string()));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("抽查对象名录").map_err(failed)?;
    let table = std::iter::once(HEADERS.map(String::from)).chain(rows(report, roster));
    for (r, row) in table.enumerate() {
        let r = u32::try_from(r)
            .map_err(|_| Fail::usage("表格行数过多", "too many rows for a sheet"))?;
        for (c, cell) in (0u16..).zip(row.iter()) {
            sheet.write_string(r, c, cell).map_err(failed)?;
        }
    }
    let bytes = book.save_to_buffer().map_err(failed)?;
    crate::files::write(path, &bytes)
}
