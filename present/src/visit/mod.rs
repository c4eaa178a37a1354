//! The printed matter of one visit (联企服务), as printable Chinese A4 pages:
//!
//! * the enterprise service card (企业服务卡): the enterprise and the task, the day of the
//!   visit, the lead department and its contact, the departments of the joint team; how
//!   to raise a demand (诉求), that every demand gets an answer (事事有回音) and within how
//!   many working days; and how the enterprise can check why it was drawn — its receipt's
//!   address on the public verification page, as text and as a QR code;
//! * the policy list (政策清单): per policy its title, issuer, document number (文号), date
//!   and validity, and why it applies to this enterprise; made-up entries are marked 示例;
//! * the law-education sheet (普法明白纸): per trade, each article in plain words, its
//!   common violations and the leniency menu entries (首违不罚 …) they link to.
//!
//! The data comes in as plain views ([`VisitPackView`], serde in both directions, so a
//! platform can hand over JSON), or from the service core's matching with
//! [`pack_from_matches`]; [`render`] prints all three sheets as one document, each
//! starting on a new page, [`render_sheets`] any of them. Every value is HTML-escaped.
//!
//! ```
//! use shuangsuiji_present::visit::{self, ServiceCardView, VisitPackView};
//! let uscc = "91150581YX018YNJ72".parse()?;
//! let card = ServiceCardView {
//!     task_id: shuangsuiji::draw::TaskId::parse("2024q3-food")?,
//!     task_name: "2024年第三季度食品生产企业联合抽查".into(),
//!     visit_date: chrono::NaiveDate::from_ymd_opt(2024, 9, 10).unwrap(),
//!     enterprise_name: "某某食品有限公司（示例）".into(),
//!     uscc,
//!     lead_department: "霍林郭勒市市场监督管理局".into(),
//!     contact_name: "王丽（示例）".into(),
//!     contact_phone: "0475-2812345".into(),
//!     departments: vec!["市场监督管理局".into(), "消防救援大队".into()],
//!     demand_time_limit_days: 5,
//!     // The page's address is each platform's own; example.gov.cn is a placeholder.
//!     receipt_url: visit::receipt_url("https://example.gov.cn/ssj/", "2024q3-food/", &uscc)?,
//! };
//! let pack = VisitPackView { card, policies: vec![], law_entries: vec![] };
//! let html = visit::render(&pack)?;
//! assert!(html.contains("企业服务卡") && html.contains("事事有回音") && html.contains("<svg"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod matches;
mod model;
mod page;
mod qr;
mod receipt;

pub use matches::pack_from_matches;
pub use model::{LawEntryView, PolicyView, ServiceCardView, VisitPackView};
pub use receipt::receipt_url;

use serde::{Deserialize, Serialize};
use shuangsuiji::Error;

const TEMPLATE: &str = include_str!("../../templates/visit.html");

/// One of the three printed sheets of a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sheet {
    /// 企业服务卡.
    ServiceCard,
    /// 政策清单.
    PolicyList,
    /// 普法明白纸.
    LawSheet,
}

/// Renders the card, the policy list and the law sheet as one HTML document (UTF-8, print
/// CSS for A4 included), each sheet starting on a new page.
///
/// # Errors
/// `field_too_long` (field `card.receipt_url`) if the receipt's address does not fit in a
/// QR code (over 2,331 bytes); `internal_invariant` only if the template fails — a bug of
/// this crate.
///
/// See the [module documentation](self) for an example.
pub fn render(pack: &VisitPackView) -> Result<String, Error> {
    render_sheets(
        pack,
        &[Sheet::ServiceCard, Sheet::PolicyList, Sheet::LawSheet],
    )
}

/// Renders the chosen sheets (in the fixed order card, policies, law sheet, whatever the
/// order of `sheets`) as one HTML document, each starting on a new page.
///
/// # Errors
/// As [`render`] (the QR code is drawn only when the card is printed).
///
/// ```
/// # let v: serde_json::Value = serde_json::from_str(r#"{"card": {"task_id": "t1",
/// #   "task_name": "联合抽查", "visit_date": "2024-09-10", "enterprise_name": "某公司",
/// #   "uscc": "91150581YX018YNJ72", "lead_department": "市场监督管理局",
/// #   "contact_name": "王丽", "contact_phone": "0475-2812345", "departments": [],
/// #   "demand_time_limit_days": 5, "receipt_url": "https://example.gov.cn/?task=t1"},
/// #   "law_entries": [{"law": "《中华人民共和国食品安全法》", "article": "第五十三条",
/// #   "explanation": "进货时查验供货者的许可证和产品合格证明。", "trade": "食品生产"}]}"#).unwrap();
/// use shuangsuiji_present::visit::{render_sheets, Sheet, VisitPackView};
/// let pack: VisitPackView = serde_json::from_value(v).unwrap(); // a platform's JSON
/// let html = render_sheets(&pack, &[Sheet::LawSheet])?;
/// assert!(html.contains("普法明白纸") && html.contains("第五十三条"));
/// assert!(!html.contains("企业服务卡"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn render_sheets(pack: &VisitPackView, sheets: &[Sheet]) -> Result<String, Error> {
    let chosen: Vec<Sheet> = [Sheet::ServiceCard, Sheet::PolicyList, Sheet::LawSheet]
        .into_iter()
        .filter(|s| sheets.contains(s))
        .collect();
    crate::page::render("visit.html", TEMPLATE, &page::Page::of(pack, &chosen)?)
}
