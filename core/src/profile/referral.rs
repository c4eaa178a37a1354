//! Referral of a suspected crime to the public security organ (issue #20 §5), per
//! 《行政执法机关移送涉嫌犯罪案件的规定》 (国务院令第310号, 2020 revision) \[V]:
//!
//! * Art. 5 ¶1: a special group of at least 2 officers, a written report to the head;
//! * Art. 5 ¶2: the head decides **within 3 days of receiving the report**; when approved,
//!   the case is transferred **within 24 hours**; a refusal is recorded with its reasons;
//! * Art. 6: the documents that go with it.
//!
//! Days are counted from the day after the report is received (民法典 Art. 201 \[R]). The
//! 24 hours are kept at day level: the transfer is due by the day after approval (the
//! core has no clock times; the hour of approval decides the exact limit) \[S].

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Provenance, Uscc, Verification};
use crate::{Error, ProfileCode, Result};

/// A suspected-crime case found while handling an enterprise (e.g. from an inspection
/// outcome), with the dates of the steps taken so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralCase {
    /// The enterprise.
    pub uscc: Uscc,
    /// The case (案件编号) or the outcome it comes from.
    pub case_reference: String,
    /// The day the suspected crime was found.
    pub found_on: NaiveDate,
    /// The day the head received the written report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_received_on: Option<NaiveDate>,
    /// The day the head decided, and whether the transfer was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<NaiveDate>,
    /// Approved (with `decided_on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<bool>,
    /// The day the case was transferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred_on: Option<NaiveDate>,
}

/// The referral record: deadlines, the documents to attach, what is overdue on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    /// The case.
    pub case: ReferralCase,
    /// The head's decision is due by this day (report + 3 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_due: Option<NaiveDate>,
    /// The transfer is due by this day (approval + 1 day, for 24 hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_due: Option<NaiveDate>,
    /// The documents that go with the transfer (Art. 6).
    pub documents: Vec<String>,
    /// The steps overdue on the assessment date: `decision`, `transfer`.
    pub overdue: Vec<String>,
    /// A refusal must be recorded with its reasons (Art. 5 ¶2).
    pub refusal_to_record: bool,
    /// The sources.
    pub provenance: Vec<Provenance>,
}

const DOCUMENTS: [&str; 5] = [
    "涉嫌犯罪案件移送书",
    "涉嫌犯罪案件情况的调查报告",
    "涉案物品清单",
    "有关检验报告或者鉴定结论",
    "其他有关涉嫌犯罪的材料",
];

fn bad(field: &str, msg: &str) -> Error {
    Error::new(ProfileCode::ReferralInvalid, msg).with_field(field)
}

/// The referral record of a case on the date `on` (a parameter, never the clock).
///
/// # Errors
/// `referral_invalid` when the dates are out of order (a report before the finding, a
/// decision before the report, a transfer before approval or without it), `approved`
/// without `decided_on` or the reverse, or `on` before the finding.
///
/// ```
/// use shuangsuiji::profile::{referral, ReferralCase};
/// let case: ReferralCase = serde_json::from_str(r#"{"uscc": "91350100M000100Y43",
///   "case_reference": "检查结果-2026-17", "found_on": "2026-05-06",
///   "report_received_on": "2026-05-08", "decided_on": "2026-05-12", "approved": true}"#).unwrap();
/// let r = referral(&case, chrono::NaiveDate::from_ymd_opt(2026, 5, 14).unwrap())?;
/// assert_eq!(r.decision_due.unwrap().to_string(), "2026-05-11");
/// assert_eq!(r.transfer_due.unwrap().to_string(), "2026-05-13");
/// assert_eq!(r.overdue, ["decision", "transfer"]);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn referral(case: &ReferralCase, on: NaiveDate) -> Result<Referral> {
    if on < case.found_on {
        return Err(bad("on", "the assessment date is before the finding"));
    }
    if case.report_received_on.is_some_and(|d| d < case.found_on) {
        return Err(bad(
            "report_received_on",
            "the report is dated before the finding",
        ));
    }
    if case.decided_on.is_some() != case.approved.is_some() {
        return Err(bad(
            "approved",
            "a decision has a date and an outcome (approved)",
        ));
    }
    if let Some(d) = case.decided_on {
        match case.report_received_on {
            Some(r) if d >= r => {}
            _ => {
                return Err(bad(
                    "decided_on",
                    "a decision comes after the report is received",
                ));
            }
        }
    }
    if let Some(t) = case.transferred_on {
        match (case.approved, case.decided_on) {
            (Some(true), Some(d)) if t >= d => {}
            _ => return Err(bad("transferred_on", "a transfer follows an approval")),
        }
    }
    let decision_due = case
        .report_received_on
        .and_then(|r| r.checked_add_days(Days::new(3)));
    let transfer_due = match (case.approved, case.decided_on) {
        (Some(true), Some(d)) => d.checked_add_days(Days::new(1)),
        _ => None,
    };
    let mut overdue = Vec::new();
    if let Some(due) = decision_due {
        let decided = case.decided_on.unwrap_or(on);
        if decided > due {
            overdue.push("decision".to_owned());
        }
    }
    if let Some(due) = transfer_due {
        if case.transferred_on.unwrap_or(on) > due {
            overdue.push("transfer".to_owned());
        }
    }
    let source = |article: &str, verification| Provenance {
        document: "行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号，2020年修订）".to_owned(),
        article: Some(article.to_owned()),
        verification,
        effective_from: NaiveDate::from_ymd_opt(2020, 8, 7),
        effective_to: None,
        note: None,
    };
    Ok(Referral {
        case: case.clone(),
        decision_due,
        transfer_due,
        documents: DOCUMENTS.iter().map(|d| (*d).to_owned()).collect(),
        overdue,
        refusal_to_record: case.approved == Some(false),
        provenance: vec![
            source("第五条", Verification::Verified),
            source("第六条", Verification::Verified),
        ],
    })
}
