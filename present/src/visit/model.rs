//! What a platform (or the service core's matcher) hands over for one visit: plain data,
//! serde in both directions so that the same shape also comes in as JSON.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use shuangsuiji::draw::TaskId;
use shuangsuiji::model::Uscc;

/// The enterprise service card (企业服务卡) of one visit.
///
/// `receipt_url` is the address of the enterprise's receipt on the public verification
/// page, made by [`receipt_url`](super::receipt_url) from the page's address; it is
/// printed as text and as a QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceCardView {
    /// The draw task's id (printed in small type on the card).
    pub task_id: TaskId,
    /// The task's name, e.g. 2024年第三季度食品生产企业“综合监管一件事”联合抽查.
    pub task_name: String,
    /// The day of the visit.
    pub visit_date: NaiveDate,
    /// The enterprise's registered name.
    pub enterprise_name: String,
    /// Its unified social credit code (checked when read).
    pub uscc: Uscc,
    /// The lead department (牵头部门) that answers demands, e.g. 霍林郭勒市市场监督管理局.
    pub lead_department: String,
    /// The lead department's contact person.
    pub contact_name: String,
    /// The contact's phone number.
    pub contact_phone: String,
    /// The departments of the joint team, in the order to print (the lead first).
    pub departments: Vec<String>,
    /// Working days within which a demand that is not answered on site gets its answer.
    pub demand_time_limit_days: u32,
    /// The receipt's address on the public verification page.
    pub receipt_url: String,
}

/// One policy of the 政策清单, with why it applies to this enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyView {
    /// The document's title.
    pub title: String,
    /// The issuing authority (发文机关).
    pub issuer: String,
    /// The document number (文号), e.g. 内市监发〔2024〕12号.
    pub doc_number: String,
    /// The date of issue.
    pub date: NaiveDate,
    /// The last day the policy is valid, when the document states one.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// The entry is made-up sample data (printed as 示例), not a real document.
    #[serde(default)]
    pub synthetic: bool,
    /// Why it applies to this enterprise, as the matcher explained it.
    #[serde(default)]
    pub reasons: Vec<String>,
}

/// One entry of the 普法明白纸: an article in plain words and what goes wrong in practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawEntryView {
    /// The law or regulation, e.g. 《中华人民共和国食品安全法》.
    pub law: String,
    /// The article, e.g. 第五十三条.
    pub article: String,
    /// A plain-language explanation of what the article asks.
    pub explanation: String,
    /// Common violations of it.
    #[serde(default)]
    pub violations: Vec<String>,
    /// The leniency menu entries those violations link to (首违不罚, 轻微不罚 …).
    #[serde(default)]
    pub leniency: Vec<String>,
    /// The trade the entry is written for, e.g. 食品生产.
    pub trade: String,
}

/// Everything printed for one visit: the card, the policies and the law entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitPackView {
    /// The service card; its enterprise and task head the other two sheets.
    pub card: ServiceCardView,
    /// The policies matched to the enterprise, in the order to print.
    #[serde(default)]
    pub policies: Vec<PolicyView>,
    /// The law-education entries matched to the enterprise, in the order to print.
    #[serde(default)]
    pub law_entries: Vec<LawEntryView>,
}
