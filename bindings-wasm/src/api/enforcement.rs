//! Enforcement exports: the national working-day calendar, deadlines, leniency
//! decisions, discretion bands and credit repair.

use crate::convert::{opt_str_arg, str_arg};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use shuangsuiji::Error;
use shuangsuiji::enforcement::credit_repair::{PenaltyRecord, RepairFacts, RepairPolicy, assess};
use shuangsuiji::enforcement::list_removal::{self, ListFacts, ListRecord};
use shuangsuiji::enforcement::{
    Band, Calendar, CaseFacts, DeadlineKind, DiscretionPreset, FineRange, Menu, Period,
    ViolationRecord, deadline as core_deadline, decide, discretion_band as core_band, due_date,
};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// A scalar argument read through its serde form (dates, enum names).
fn scalar<T: DeserializeOwned>(text: &str, field: &str) -> Result<T, JsValue> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|e| Error::from_json(&e).within(field))
        .js_err()
}

fn date(text: &str, field: &str) -> Result<NaiveDate, JsValue> {
    scalar(text, field)
}

fn national() -> Result<Calendar, JsValue> {
    Calendar::national().js_err()
}

/// The working-day status of a date on the bundled national calendar: `workday`,
/// `weekend`, `holiday_off` or `makeup_workday`.
///
/// # Errors
/// `calendar_year_missing` for a year without a bundled notice; `json_shape` for a
/// malformed date.
#[wasm_bindgen(js_name = dayStatus, unchecked_return_type = "DayStatus")]
pub fn day_status(
    #[wasm_bindgen(unchecked_param_type = "string")] day: JsValue,
) -> Result<JsValue, JsValue> {
    let day = str_arg(&day, "day")?;
    let day = day.as_str();
    let status = national()?.status(date(day, "date")?).js_err()?;
    to_js(&status).js_err()
}

/// Parses and validates one calendar year (the `core/data/calendar` schema); returns it
/// in canonical form.
///
/// # Errors
/// `calendar_invalid` and the JSON codes.
#[wasm_bindgen(js_name = parseCalendarYear, unchecked_return_type = "Record<string, unknown>")]
pub fn parse_calendar_year(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] year: JsValue,
) -> Result<JsValue, JsValue> {
    let text = match year.as_string() {
        Some(t) => t,
        None => crate::convert::json_of(&year).js_err()?,
    };
    let parsed = Calendar::parse_year(&text).js_err()?;
    Calendar::from_years([parsed.clone()]).js_err()?;
    to_js(&parsed).js_err()
}

/// The statutory deadline of `kind` starting on `start`, on the national calendar:
/// `{kind, start, period, due, …}`.
///
/// # Errors
/// `deadline_kind_unknown` (or the core's code for an unknown kind),
/// `calendar_year_missing`.
#[wasm_bindgen(unchecked_return_type = "Deadline")]
pub fn deadline(
    #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = str_arg(&kind, "kind")?;
    let kind = kind.as_str();
    let start = str_arg(&start, "start")?;
    let start = start.as_str();
    let kind = DeadlineKind::parse(kind).js_err()?;
    let d = core_deadline(&national()?, kind, date(start, "start")?).js_err()?;
    to_js(&d).js_err()
}

/// The due date (`YYYY-MM-DD`) of a period (`{unit, count}`) from `start` on the
/// national calendar.
///
/// # Errors
/// `facts_invalid` for a count outside 1..=`MAX_PERIOD_COUNT`, `calendar_year_missing`.
#[wasm_bindgen(js_name = dueDate)]
pub fn due_date_js(
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Period | string")] period: JsValue,
) -> Result<String, JsValue> {
    let start = str_arg(&start, "start")?;
    let start = start.as_str();
    let period: Period = from_js(&period, Some("period")).js_err()?;
    let due = due_date(&national()?, date(start, "start")?, period).js_err()?;
    Ok(due.to_string())
}

/// The leniency decision (处罚裁量: 不予处罚 / 从轻 / 减轻 …) for the facts, with the
/// history of earlier violations, on the decision date; `entry` is the id of a bundled
/// 免罚/轻罚清单 entry or null.
///
/// Deprecated: use `decide` (the operation table's name); `leniency` stays for one
/// release.
///
/// # Errors
/// `menu_entry_unknown`, `menu_entry_not_found`, `facts_invalid` and the other codes of
/// the core's `enforcement::decide`.
#[wasm_bindgen(unchecked_return_type = "Decision")]
pub fn leniency(
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] entry: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CaseFacts | string")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ViolationRecord[] | string | null | undefined")]
    history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] on: JsValue,
) -> Result<JsValue, JsValue> {
    let entry = opt_str_arg(&entry, "entry")?;
    let on = str_arg(&on, "on")?;
    let on = on.as_str();
    let entry = entry
        .as_deref()
        .map(Menu::bundled_entry)
        .transpose()
        .js_err()?;
    let facts: CaseFacts = from_js(&facts, Some("facts")).js_err()?;
    let history: Vec<ViolationRecord> = if history.is_null() || history.is_undefined() {
        Vec::new()
    } else {
        from_js(&history, Some("history")).js_err()?
    };
    let dec = decide(entry.as_ref(), &facts, &history, date(on, "on")?).js_err()?;
    to_js(&dec).js_err()
}

/// The leniency decision under the operation table's name (`decide`, Python's name too),
/// with the table's argument order `(entry, facts, history, on)`: the same as
/// [`leniency`], which stays as a deprecated alias for one release.
///
/// # Errors
/// As [`leniency`].
#[wasm_bindgen(js_name = decide, unchecked_return_type = "Decision")]
pub fn decide_op(
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] entry: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CaseFacts | string")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ViolationRecord[] | string | null | undefined")]
    history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] on: JsValue,
) -> Result<JsValue, JsValue> {
    leniency(entry, facts, history, on)
}

/// The bundled default discretion preset (band cut points with their provenance).
///
/// # Errors
/// Never in practice (conversion only).
#[wasm_bindgen(js_name = defaultDiscretionPreset, unchecked_return_type = "DiscretionPreset")]
pub fn default_discretion_preset() -> Result<JsValue, JsValue> {
    to_js(&DiscretionPreset::default()).js_err()
}

/// The fine range (in fen) of a discretion band (`lighter`, `ordinary`, `heavier`) within
/// a statutory range, under a preset: `{min_fen, max_fen}`.
///
/// # Errors
/// The codes of the core's `enforcement::discretion_band` (`facts_invalid`, …).
#[wasm_bindgen(js_name = discretionBand, unchecked_return_type = "BandRange")]
pub fn discretion_band(
    #[wasm_bindgen(unchecked_param_type = "FineRange | string")] range: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] band: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DiscretionPreset | string")] preset: JsValue,
) -> Result<JsValue, JsValue> {
    let band = str_arg(&band, "band")?;
    let band = band.as_str();
    let range: FineRange = from_js(&range, Some("range")).js_err()?;
    let band: Band = scalar(band, "band")?;
    let preset: DiscretionPreset = from_js(&preset, Some("preset")).js_err()?;
    let r = core_band(range, band, &preset).js_err()?;
    to_js(&r).js_err()
}

/// Credit repair (信用修复): the regime, publicity period and whether the enterprise may
/// apply on `on`, with every condition.
///
/// # Errors
/// The codes of the core's `credit_repair::assess`.
#[wasm_bindgen(js_name = assessCreditRepair, unchecked_return_type = "RepairAssessment")]
pub fn assess_credit_repair(
    #[wasm_bindgen(unchecked_param_type = "PenaltyRecord | string")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RepairFacts | string")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RepairPolicy | string")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] on: JsValue,
) -> Result<JsValue, JsValue> {
    let on = str_arg(&on, "on")?;
    let on = on.as_str();
    let record: PenaltyRecord = from_js(&record, Some("record")).js_err()?;
    let facts: RepairFacts = from_js(&facts, Some("facts")).js_err()?;
    let policy: RepairPolicy = from_js(&policy, Some("policy")).js_err()?;
    let a = assess(&record, &facts, &policy, date(on, "on")?).js_err()?;
    to_js(&a).js_err()
}

/// Removal from the 经营异常名录 / 严重违法失信名单 (令44), or repair of a negative
/// spot-check result (令107): conditions, earliest dates and sources on `on`.
///
/// # Errors
/// The codes of the core's `list_removal::assess`.
#[wasm_bindgen(js_name = assessListRemoval, unchecked_return_type = "ListAssessment")]
pub fn assess_list_removal(
    #[wasm_bindgen(unchecked_param_type = "ListRecord | string")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ListFacts | string")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] on: JsValue,
) -> Result<JsValue, JsValue> {
    // A string check, not `&str`: wasm-bindgen's string passing traps on a non-string.
    let on = str_arg(&on, "on")?;
    let on = on.as_str();
    let record: ListRecord = from_js(&record, Some("record")).js_err()?;
    let facts: ListFacts = from_js(&facts, Some("facts")).js_err()?;
    let a = list_removal::assess(&record, &facts, date(on, "on")?).js_err()?;
    to_js(&a).js_err()
}
