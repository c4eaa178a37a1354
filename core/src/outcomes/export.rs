//! The outcome set as a table with Chinese headers: one row per department record and
//! item, the category as its published Chinese term and the follow-ups in words. The
//! CSV writer here is also the 公示 list's ([`crate::disclosure::disclosure_csv`]).

use super::record::{FollowUp, OutcomeSet, ReferralTarget};
use crate::Result;

/// The column headers of [`outcomes_csv`], in order.
pub const OUTCOME_CSV_HEADERS: [&str; 10] = [
    "任务编号",
    "统一社会信用代码",
    "检查实施部门",
    "检查日期",
    "检查人员",
    "检查事项",
    "检查结果",
    "备注",
    "后续处置",
    "记录日期",
];

/// One follow-up in words: `责令改正（期限 2024-10-18）`, `立案`, `立案（2024-10-02）`,
/// `移送公安机关`, `移送 health` (the receiving department's code).
fn follow_up_text(u: &FollowUp) -> String {
    match u {
        FollowUp::Rectification { deadline } => format!("责令改正（期限 {deadline}）"),
        FollowUp::CaseFiled { date: None } => "立案".to_owned(),
        FollowUp::CaseFiled { date: Some(d) } => format!("立案（{d}）"),
        FollowUp::Referral {
            to: ReferralTarget::PublicSecurity,
            ..
        } => "移送公安机关".to_owned(),
        FollowUp::Referral { department, .. } => match department {
            Some(d) => format!("移送 {}", d.as_str()),
            None => "移送".to_owned(),
        },
    }
}

/// The rows of the set under [`OUTCOME_CSV_HEADERS`], in the set's order (by enterprise
/// and department), one per finding.
fn rows(set: &OutcomeSet) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for r in &set.records {
        for f in &r.findings {
            out.push(vec![
                set.task_id.clone(),
                r.uscc.as_str().to_owned(),
                r.department.as_str().to_owned(),
                r.date.to_string(),
                r.officers
                    .iter()
                    .map(|o| o.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                f.item_id.as_str().to_owned(),
                f.category.label().to_owned(),
                f.remark.clone().unwrap_or_default(),
                f.follow_ups
                    .iter()
                    .map(follow_up_text)
                    .collect::<Vec<_>>()
                    .join("；"),
                r.recorded_on.to_string(),
            ]);
        }
    }
    out
}

/// The outcome set as CSV under [`OUTCOME_CSV_HEADERS`]: one row per department record
/// and item, the result as its published Chinese term ([`super::FindingCategory::label`]), the
/// officers joined with `、`, the follow-ups in words joined with `；` (责令改正 with its
/// deadline, 立案, 移送 with the receiving department's code or 公安机关). UTF-8 with
/// BOM, CRLF, quoted as [`crate::disclosure::disclosure_csv`]. Unlike the 公示 list it
/// holds the officers and follow-ups: it is the departments' own record.
///
/// # Errors
/// None at present; the `Result` leaves room for limits.
///
/// ```
/// let set: shuangsuiji::outcomes::OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
///   "records": [{"uscc": "91350100M000100Y43", "department": "market", "date": "2026-03-10",
///     "recorded_on": "2026-03-12", "officers": ["A1", "A2"],
///     "findings": [{"item_id": "market.food_production", "category": "corrected",
///       "follow_ups": [{"kind": "rectification", "deadline": "2026-04-10"}]}]}]})).unwrap();
/// let text = String::from_utf8(shuangsuiji::outcomes::outcomes_csv(&set)?).unwrap();
/// let mut lines = text.trim_start_matches('\u{feff}').lines();
/// assert!(lines.next().unwrap().starts_with("任务编号,统一社会信用代码,检查实施部门,"));
/// assert_eq!(lines.next().unwrap(), "T1,91350100M000100Y43,market,2026-03-10,A1、A2,\
///     market.food_production,发现问题已责令改正,,责令改正（期限 2026-04-10）,2026-03-12");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn outcomes_csv(set: &OutcomeSet) -> Result<Vec<u8>> {
    Ok(outcomes_table(set).to_csv())
}

/// The outcome set as a [`crate::export::Table`] under [`OUTCOME_CSV_HEADERS`], the rows
/// of [`outcomes_csv`]: write it as CSV ([`crate::export::Table::to_csv`]) or as an xlsx
/// sheet ([`crate::export::Table::to_xlsx`]); [`crate::intake::read_outcome_records`]
/// reads either back.
///
/// ```
/// let set: shuangsuiji::outcomes::OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
///   "records": [{"uscc": "91350100M000100Y43", "department": "market", "date": "2026-03-10",
///     "recorded_on": "2026-03-12", "officers": ["A1", "A2"],
///     "findings": [{"item_id": "market.food_production", "category": "no_problem"}]}]})).unwrap();
/// let table = shuangsuiji::outcomes::outcomes_table(&set);
/// assert_eq!(table.rows[0][6], "未发现问题");
/// let back = shuangsuiji::intake::read_outcome_records(&table.to_csv(), &Default::default())?;
/// assert_eq!(back, set.records);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[must_use]
pub fn outcomes_table(set: &OutcomeSet) -> crate::export::Table {
    crate::export::Table::new(&OUTCOME_CSV_HEADERS, rows(set))
}
