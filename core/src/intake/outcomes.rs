//! How a department's outcome sheet (检查结果) becomes [`OutcomeRecord`]s: one row per
//! item checked, laid out as the outcome table the library writes
//! ([`crate::outcomes::OUTCOME_CSV_HEADERS`]); the rows of one enterprise and department
//! make one record, and must agree on the date, the officers and the recording date.
//! JSON gives the records whole. An officer change (a replacement with its reason) has
//! no column: records with changes are given as JSON.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::headers::Table;
use super::table::{Record, RowReader, parse_date};
use crate::model::{DepartmentCode, InspectorId, ItemId, Uscc, normalize_width};
use crate::outcomes::{Finding, FindingCategory, FollowUp, OutcomeRecord, ReferralTarget};
use crate::{Error, InputCode, ModelCode, Result};

/// Where a row came from: its number and the headers of the columns its record's rows
/// must agree on (`None` for a JSON record, which is whole).
#[derive(Debug, Clone)]
struct Located {
    row: u64,
    columns: BTreeMap<&'static str, Option<String>>,
}

/// One row of an outcome sheet: a record of one finding (or a whole JSON record).
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "OutcomeRecord")]
pub(crate) struct OutcomeRow {
    record: OutcomeRecord,
    at: Option<Located>,
}

impl From<OutcomeRecord> for OutcomeRow {
    fn from(record: OutcomeRecord) -> Self {
        Self { record, at: None }
    }
}

/// The fields every row of one record repeats.
const SHARED: [&str; 3] = ["date", "officers", "recorded_on"];

fn text(s: &str) -> Result<String> {
    Ok(s.to_owned())
}

fn bad_follow_up(s: &str) -> Error {
    Error::new(
        InputCode::CellInvalid,
        format!(
            "{s:?} is not a follow-up: 责令改正（期限 2026-04-10）, 立案, 立案（2026-04-02）, 移送公安机关 or 移送 <department code>"
        ),
    )
}

/// A follow-up in the words [`crate::outcomes::outcomes_csv`] writes.
fn follow_up(s: &str) -> Result<FollowUp> {
    // Full-width brackets become ASCII ones here.
    let t = normalize_width(s);
    let inner = |rest: &str| -> Option<String> {
        let r = rest.trim();
        r.strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .map(|r| r.trim().to_owned())
    };
    let date = |d: &str| parse_date(d).map_err(|_| bad_follow_up(s));
    if let Some(rest) = t.strip_prefix("责令改正") {
        let Some(d) = inner(rest) else {
            return Err(Error::new(
                InputCode::CellInvalid,
                format!("{s:?}: 责令改正 needs its deadline, as 责令改正（期限 2026-04-10）"),
            ));
        };
        let d = d.strip_prefix("期限").unwrap_or(&d).trim().to_owned();
        return Ok(FollowUp::Rectification {
            deadline: date(&d)?,
        });
    }
    if let Some(rest) = t.strip_prefix("立案") {
        if rest.trim().is_empty() {
            return Ok(FollowUp::CaseFiled { date: None });
        }
        let d = inner(rest).ok_or_else(|| bad_follow_up(s))?;
        return Ok(FollowUp::CaseFiled {
            date: Some(date(&d)?),
        });
    }
    if let Some(rest) = t.strip_prefix("移送") {
        let rest = rest.trim();
        if matches!(rest, "公安机关" | "公安") {
            return Ok(FollowUp::Referral {
                to: ReferralTarget::PublicSecurity,
                department: None,
            });
        }
        if rest.is_empty() {
            return Err(bad_follow_up(s));
        }
        return Ok(FollowUp::Referral {
            to: ReferralTarget::Department,
            department: Some(DepartmentCode::parse(rest)?),
        });
    }
    Err(bad_follow_up(s))
}

impl Record for OutcomeRow {
    const TABLE: Table = Table::Outcomes;
    const LITERAL_FIELDS: &'static [&'static str] = &["uscc", "department", "item_id"];
    const UNIQUE: Option<(&'static str, ModelCode)> = None;

    fn key(&self) -> Option<String> {
        None
    }

    fn validate(&self) -> Result<()> {
        Ok(())
    }

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let task_id = r.opt("task_id", text);
        let uscc = r.req("uscc", Uscc::parse);
        let department = r.req("department", DepartmentCode::parse);
        let date = r.date("date");
        let officers = r.multi("officers", InspectorId::parse);
        let item_id = r.req("item_id", ItemId::parse);
        let category = r.req("category", FindingCategory::from_label);
        let remark = r.opt("remark", text);
        let follow_ups = r.multi("follow_ups", follow_up);
        let recorded_on = r.date("recorded_on");
        task_id?;
        let officers = officers?;
        if officers.is_empty() {
            r.record_error(
                "officers",
                Error::new(InputCode::CellEmpty, "officers must not be empty"),
            );
            return None;
        }
        let mut at = Located {
            row: 0,
            columns: BTreeMap::new(),
        };
        for field in SHARED {
            let (row, column) = r.location(field);
            at.row = row;
            at.columns.insert(field, column);
        }
        Some(Self {
            record: OutcomeRecord {
                uscc: uscc?,
                department: department?,
                date: date?,
                recorded_on: recorded_on?,
                officers,
                changes: Vec::new(),
                findings: vec![Finding {
                    item_id: item_id?,
                    category: category?,
                    remark: remark?,
                    follow_ups: follow_ups?,
                }],
            },
            at: Some(at),
        })
    }
}

/// The value of a shared field as a cell would show it.
fn shown(r: &OutcomeRecord, field: &str) -> String {
    match field {
        "date" => r.date.to_string(),
        "recorded_on" => r.recorded_on.to_string(),
        _ => r
            .officers
            .iter()
            .map(InspectorId::as_str)
            .collect::<Vec<_>>()
            .join("、"),
    }
}

/// The rows of one enterprise and department merged into one record, in the order of
/// their first rows; every row that disagrees with its record's first row on a
/// [`SHARED`] field is a `cell_invalid` at that cell (detail `first_row`). JSON records
/// pass through whole.
pub(crate) fn group(rows: Vec<OutcomeRow>) -> (Vec<OutcomeRecord>, Vec<Error>) {
    let mut out: Vec<OutcomeRecord> = Vec::new();
    let mut first: BTreeMap<(Uscc, DepartmentCode), (usize, u64)> = BTreeMap::new();
    let mut errors = Vec::new();
    for OutcomeRow { record, at } in rows {
        let Some(at) = at else {
            out.push(record);
            continue;
        };
        let key = (record.uscc, record.department.clone());
        let Some(&(i, first_row)) = first.get(&key) else {
            first.insert(key, (out.len(), at.row));
            out.push(record);
            continue;
        };
        let Some(merged) = out.get_mut(i) else {
            continue;
        };
        let mut agrees = true;
        for field in SHARED {
            let (mine, theirs) = (shown(&record, field), shown(merged, field));
            if mine != theirs {
                agrees = false;
                let mut e = Error::new(
                    InputCode::CellInvalid,
                    format!(
                        "the rows of one enterprise and department are one record: {field} {mine:?} differs from {theirs:?} in row {first_row}"
                    ),
                )
                .with_row(at.row)
                .with_field(field)
                .with_value(mine)
                .with_detail("first_row", first_row.to_string());
                if let Some(Some(column)) = at.columns.get(field) {
                    e = e.with_column(column);
                }
                errors.push(e);
            }
        }
        if agrees {
            merged.findings.extend(record.findings);
        }
    }
    (out, errors)
}
