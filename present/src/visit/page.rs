//! What the visit pages show, in the words and formats the enterprise reads.

use serde::Serialize;
use shuangsuiji::Error;

use super::Sheet;
use super::model::{LawEntryView, PolicyView, ServiceCardView, VisitPackView};
use super::qr::qr_svg;
use crate::format::{date_cn, date_weekday_cn};

#[derive(Serialize)]
pub(super) struct Page {
    title: String,
    /// Printed at the top of every sheet: to whom, for which task.
    to: To,
    card: Option<Card>,
    policies: Option<Policies>,
    law: Option<Law>,
}

#[derive(Serialize)]
struct To {
    enterprise_name: String,
    uscc: String,
    task_name: String,
    lead_department: String,
    contact_name: String,
    contact_phone: String,
}

#[derive(Serialize)]
struct Card {
    visit_date: String,
    departments: String,
    time_limit_days: u32,
    receipt_url: String,
    /// Inline SVG made by this crate (no data in it but the drawn modules).
    qr_svg: String,
    qr_modules: usize,
    task_id: String,
}

#[derive(Serialize)]
struct Policies {
    break_before: bool,
    entries: Vec<Policy>,
    any_synthetic: bool,
}

#[derive(Serialize)]
struct Policy {
    number: usize,
    title: String,
    issuer: String,
    doc_number: String,
    date: String,
    valid_until: Option<String>,
    synthetic: bool,
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct Law {
    break_before: bool,
    trades: Vec<Trade>,
}

#[derive(Serialize)]
struct Trade {
    name: String,
    entries: Vec<LawEntry>,
}

#[derive(Serialize)]
struct LawEntry {
    number: usize,
    law: String,
    article: String,
    explanation: String,
    violations: Vec<String>,
    leniency: Vec<String>,
}

impl Page {
    pub(super) fn of(pack: &VisitPackView, sheets: &[Sheet]) -> Result<Self, Error> {
        let c = &pack.card;
        let card = if sheets.contains(&Sheet::ServiceCard) {
            Some(card(c)?)
        } else {
            None
        };
        let policies = sheets.contains(&Sheet::PolicyList).then(|| Policies {
            break_before: card.is_some(),
            entries: pack.policies.iter().enumerate().map(policy).collect(),
            any_synthetic: pack.policies.iter().any(|p| p.synthetic),
        });
        let law = sheets.contains(&Sheet::LawSheet).then(|| Law {
            break_before: card.is_some() || policies.is_some(),
            trades: trades(&pack.law_entries),
        });
        let title = sheets
            .iter()
            .map(|s| match s {
                Sheet::ServiceCard => "企业服务卡",
                Sheet::PolicyList => "政策清单",
                Sheet::LawSheet => "普法明白纸",
            })
            .collect::<Vec<_>>()
            .join("、");
        Ok(Self {
            title: format!("{title}　{}", c.enterprise_name),
            to: To {
                enterprise_name: c.enterprise_name.clone(),
                uscc: c.uscc.to_string(),
                task_name: c.task_name.clone(),
                lead_department: c.lead_department.clone(),
                contact_name: c.contact_name.clone(),
                contact_phone: c.contact_phone.clone(),
            },
            card,
            policies,
            law,
        })
    }
}

fn card(c: &ServiceCardView) -> Result<Card, Error> {
    let qr = qr_svg(&c.receipt_url)?;
    Ok(Card {
        visit_date: date_weekday_cn(c.visit_date),
        departments: c.departments.join("、"),
        time_limit_days: c.demand_time_limit_days,
        receipt_url: c.receipt_url.clone(),
        qr_svg: qr.svg,
        qr_modules: qr.modules,
        task_id: c.task_id.as_str().to_owned(),
    })
}

fn policy((i, p): (usize, &PolicyView)) -> Policy {
    Policy {
        number: i + 1,
        title: p.title.clone(),
        issuer: p.issuer.clone(),
        doc_number: p.doc_number.clone(),
        date: date_cn(p.date),
        valid_until: p.valid_until.map(date_cn),
        synthetic: p.synthetic,
        reasons: p.reasons.clone(),
    }
}

/// The entries grouped by trade, trades in the order they first appear, entries numbered
/// through the sheet in printed order.
fn trades(entries: &[LawEntryView]) -> Vec<Trade> {
    let mut trades: Vec<Trade> = Vec::new();
    for e in entries {
        let entry = LawEntry {
            number: 0,
            law: e.law.clone(),
            article: e.article.clone(),
            explanation: e.explanation.clone(),
            violations: e.violations.clone(),
            leniency: e.leniency.clone(),
        };
        match trades.iter_mut().find(|t| t.name == e.trade) {
            Some(t) => t.entries.push(entry),
            None => trades.push(Trade {
                name: e.trade.clone(),
                entries: vec![entry],
            }),
        }
    }
    for (i, e) in trades.iter_mut().flat_map(|t| &mut t.entries).enumerate() {
        e.number = i + 1;
    }
    trades
}
