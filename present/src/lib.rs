//! Printable Chinese pages of shuangsuiji documents, outside the pure core.
//!
//! Each document has one small module with its template (`templates/*.html`, rendered by
//! [minijinja] with HTML autoescaping: every value from the data is escaped) and a view
//! that turns the core's JSON shape into what a clerk reads — Chinese names, dates as
//! 2024年9月13日 with the 星期, codes and hashes only in a small 技术信息 section. Pages
//! carry print CSS (A4, margins, a page break before each team-day, table headers
//! repeated on every page, a CJK font stack led by Noto Sans CJK SC) so that the browser's
//! print to PDF (`chromium --headless --print-to-pdf`) gives the paper document.
//!
//! * [`workplan`]: the work plan (具体工作方案) of a task.
//! * [`visit`]: the printed matter of one visit — the enterprise service card (企业服务卡)
//!   with its receipt's QR code, the 政策清单 and the 普法明白纸.
//!
//! ```
//! assert_eq!(shuangsuiji_present::date_cn(chrono::NaiveDate::from_ymd_opt(2024, 9, 13).unwrap()),
//!            "2024年9月13日");
//! ```

#![forbid(unsafe_code)]

mod format;
mod page;
pub mod visit;
pub mod workplan;

pub use format::{date_cn, weekday_cn};
