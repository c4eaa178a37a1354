//! Synthetic inspection outcomes for the sample county (SYNTHETIC: no real check):
//! what each department of each visit records, made up from the visit's ticket. Shared
//! by the `county` example and the year test in `core/tests/outcomes.rs` (included there
//! by path), so that both run the same cycle.

use chrono::{Datelike, Days, NaiveDate};
use serde_json::json;
use shuangsuiji::draw::{DrawInput, DrawResult};
use shuangsuiji::model::Catalog;
use shuangsuiji::outcomes::{CheckWindow, OutcomeRecord};
use shuangsuiji::rules::EligibilityReport;
use shuangsuiji::teams::TeamAssignment;

/// The draw input of an eligibility report (fixed mode: the report's quotas; forced-in
/// enterprises in a stratum `forced` drawn whole).
///
/// # Errors
/// The draw input's own refusals (`json_shape`, `task_id_invalid`, …).
#[allow(dead_code)] // used by the year test, not by the `county` example
pub fn draw_input(
    report: &EligibilityReport,
    catalog: &Catalog,
    task_id: &str,
    seed: &str,
) -> shuangsuiji::Result<DrawInput> {
    let items: Vec<_> = report
        .draw_input()
        .into_iter()
        .map(|it| {
            let department = catalog
                .items
                .iter()
                .find(|c| c.id == it.item)
                .map(|c| c.department.clone());
            let mut strata: Vec<_> = it
                .strata
                .iter()
                .map(|s| json!({"key": s.key, "eligible": s.eligible, "quota": s.quota}))
                .collect();
            if !it.forced_in.is_empty() {
                strata.push(
                    json!({"key": "forced", "eligible": it.forced_in, "quota": it.forced_in.len()}),
                );
            }
            json!({"item_id": it.item, "department": department, "strata": strata})
        })
        .collect();
    serde_json::from_value(json!({
        "algorithm": "v1", "task_id": task_id, "seed": seed, "mode": "fixed", "items": items
    }))
    .map_err(|e| shuangsuiji::Error::from_json(&e))
}

/// One record per department of each visit: checked on a working day of the window
/// (Monday–Friday) spread by the visit's place in the list, recorded five days later, with every team
/// member present; one visit in seven has a problem ordered corrected (责令改正 within 30
/// days), one in thirteen a problem left for follow-up (立案), the rest none.
#[must_use]
pub fn records(
    draw: &DrawResult,
    teams: &TeamAssignment,
    window: CheckWindow,
) -> Vec<OutcomeRecord> {
    let weekdays: Vec<NaiveDate> = window
        .first_day
        .iter_days()
        .take_while(|d| *d <= window.last_day)
        .filter(|d| d.weekday().number_from_monday() <= 5)
        .collect();
    let mut out = Vec::new();
    for (n, visit) in draw.visits.iter().enumerate() {
        let Some(team) = teams.teams.iter().find(|t| t.uscc == visit.uscc) else {
            continue;
        };
        let date = weekdays
            .get(n % weekdays.len().max(1))
            .copied()
            .unwrap_or(window.first_day);
        let category = |k: usize| match (n + k) % 91 {
            x if x % 7 == 3 => ("corrected", true),
            x if x % 13 == 5 => ("pending_follow_up", false),
            _ => ("no_problem", false),
        };
        for d in &visit.departments {
            let findings: Vec<_> = visit
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| &i.department == d)
                .map(|(k, i)| {
                    let (cat, ordered) = category(k);
                    let follow_ups = match (cat, ordered) {
                        (_, true) => {
                            json!([{"kind": "rectification", "deadline": date + Days::new(30)}])
                        }
                        ("pending_follow_up", _) => json!([{"kind": "case_filed"}]),
                        _ => json!([]),
                    };
                    json!({"item_id": i.item_id, "category": cat, "follow_ups": follow_ups})
                })
                .collect();
            if findings.is_empty() {
                continue;
            }
            let record = json!({
                "uscc": visit.uscc, "department": d, "date": date,
                "recorded_on": date + Days::new(5),
                "officers": team.members.iter().map(|m| &m.inspector).collect::<Vec<_>>(),
                "findings": findings,
            });
            if let Ok(r) = serde_json::from_value(record) {
                out.push(r);
            }
        }
    }
    out
}
