//! How a row of a demand register (企业诉求台账) becomes a [`DemandEvent`]: the kind from
//! its Chinese label, the cells the kind uses into its JSON shape, any other cell must be
//! empty; an error is located at the offending column.

use serde_json::{Map, Value};

use super::cells::{located, text, whole};
use super::headers::Table;
use super::table::{Record, RowReader};
use crate::model::{DepartmentCode, Uscc};
use crate::service::DemandEvent;
use crate::{Error, InputCode, Result};

/// The JSON kind of a 事件类型 label (or the kind itself).
fn kind(s: &str) -> Result<&'static str> {
    Ok(match s.trim() {
        "登记" | "recorded" => "recorded",
        "当场解答" | "answered_on_site" => "answered_on_site",
        "转办" | "transferred" => "transferred",
        "联合会商" | "consulted" => "consulted",
        "提请上级" | "escalated" => "escalated",
        "答复" | "replied" => "replied",
        "办结" | "closed" => "closed",
        "评价" | "rated" => "rated",
        other => {
            return Err(Error::new(
                InputCode::CellInvalid,
                format!(
                    "{other:?} is not a demand event: 登记, 当场解答, 转办, 联合会商, 提请上级, 答复, 办结 or 评价"
                ),
            ));
        }
    })
}

fn channel(s: &str) -> Result<&'static str> {
    Ok(match s.trim() {
        "当场" | "on_site" => "on_site",
        "电话" | "phone" => "phone",
        "书面" | "written" => "written",
        "网上" | "online" => "online",
        other => {
            return Err(Error::new(
                InputCode::CellInvalid,
                format!("{other:?} is not a reply channel: 当场, 电话, 书面 or 网上"),
            ));
        }
    })
}

fn number(s: &str) -> Result<u32> {
    whole(s, "whole number")
}

/// The cells each kind uses (the JSON field first, the column second).
fn fields(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "recorded" => &[
            ("uscc", "uscc"),
            ("task_id", "task_id"),
            ("department", "department"),
            ("lead_department", "lead_department"),
            ("category", "category"),
            ("text", "text"),
        ],
        "answered_on_site" => &[("department", "department"), ("answer", "answer")],
        "transferred" => &[("to", "to"), ("time_limit", "time_limit")],
        "consulted" => &[("departments", "departments"), ("measures", "measures")],
        "escalated" => &[("to", "escalated_to"), ("reason", "reason")],
        "replied" => &[("content", "answer"), ("channel", "channel")],
        "rated" => &[("rating", "rating")],
        _ => &[],
    }
}

/// Every optional column, read and checked for its type.
const COLUMNS: [&str; 15] = [
    "uscc",
    "task_id",
    "department",
    "lead_department",
    "category",
    "text",
    "answer",
    "to",
    "time_limit",
    "departments",
    "measures",
    "escalated_to",
    "reason",
    "channel",
    "rating",
];

impl Record for DemandEvent {
    const TABLE: Table = Table::Demands;
    const LITERAL_FIELDS: &'static [&'static str] = &["demand_id", "uscc"];

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let demand_id = r.req("demand_id", text);
        let date = r.date("date");
        let kind = r.req("kind", kind);
        let mut cells: Map<String, Value> = Map::new();
        let mut ok = true;
        for column in COLUMNS {
            let value = match column {
                "uscc" => r.opt(column, |s| Uscc::parse(s).map(|u| Value::from(u.as_str()))),
                "department" | "lead_department" | "to" => r.opt(column, |s| {
                    DepartmentCode::parse(s).map(|d| Value::from(d.as_str()))
                }),
                "time_limit" => r.opt(column, |s| {
                    number(s).map(|n| serde_json::json!({"unit": "working_days", "count": n}))
                }),
                "departments" => r
                    .multi(column, |s| {
                        DepartmentCode::parse(s).map(|d| d.as_str().to_owned())
                    })
                    .map(|v| (!v.is_empty()).then(|| Value::from(v))),
                "channel" => r.opt(column, |s| channel(s).map(Value::from)),
                "rating" => r.opt(column, |s| number(s).map(Value::from)),
                _ => r.opt(column, |s| text(s).map(Value::from)),
            };
            match value {
                Some(Some(v)) => {
                    cells.insert(column.to_owned(), v);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        let (demand_id, date, kind) = (demand_id?, date?, kind?);
        if !ok {
            return None;
        }
        let mut obj = Map::new();
        obj.insert("kind".into(), kind.into());
        obj.insert("demand_id".into(), demand_id.into());
        obj.insert("date".into(), date.to_string().into());
        let used = fields(kind);
        for (column, v) in cells {
            match used.iter().find(|(_, c)| *c == column) {
                Some((field, _)) => {
                    obj.insert((*field).to_owned(), v);
                }
                None => {
                    r.record_error(
                        &column,
                        Error::new(
                            InputCode::CellInvalid,
                            format!("a {kind} event has no {column}: leave the cell empty"),
                        ),
                    );
                    return None;
                }
            }
        }
        if let Some((_, column)) = used.iter().find(|(f, _)| !obj.contains_key(*f)) {
            r.record_error(
                column,
                Error::new(
                    InputCode::CellEmpty,
                    format!("a {kind} event needs its {column}"),
                ),
            );
            return None;
        }
        let built = serde_json::from_value(Value::Object(obj))
            .map_err(|e| Error::new(InputCode::CellInvalid, e.to_string()));
        located(r, built, "kind")
    }
}
