//! One entry point for every operation by a stable name, with JSON in and JSON out.
//!
//! The bad-input catalogue (`tests/vectors/errors/`) names each case's operation by
//! one of the names below; the Rust, Python and Node runners all hand the case's
//! `input` object to [`run_operation`] (the bindings expose it as `run_operation`), so
//! that the three runners are the same loop and cannot disagree about how an
//! operation is called. The names are API: they never change meaning.
//!
//! Conventions for the input object:
//!
//! * a document field `x` is given either as a JSON value under `x` or as JSON *text*
//!   under `x_text` (to test truncated, over-long or over-deep documents); both are
//!   parsed by the same code, the value after being written out as text;
//! * a file is given as `input_text` (UTF-8) or `input_base64` (standard base64 with
//!   padding, for GBK bytes and workbooks);
//! * dates are `YYYY-MM-DD` strings.
//!
//! | operation | input fields | result |
//! |---|---|---|
//! | `parse_uscc` | `text` | `{"uscc", "division_code"}` |
//! | `parse_division` | `text` | the six-digit code |
//! | `parse_ratio` | `text` | `"p/q"` |
//! | `validate:<kind>` | `json` / `json_text` | the canonical value ([`ModelKind`] names: `enterprise`, `roster`, `inspector`, `inspector_roster`, `authority`, `check_record`, `history`, `ratio`, `item`, `catalog`) |
//! | `read_enterprises`, `read_inspectors`, `read_history` | file, `options` (a [`ReadOptions`] object, optional) | `{"records": n}` |
//! | `read_catalog` | file, `options` | `{"items": n}` |
//! | `eligibility` | `catalog`, `roster`, `history`, `request` | the [`EligibilityReport`] |
//! | `draw` | `input` (a [`DrawInput`]) | the [`DrawResult`] |
//! | `verify_plan` | `plan`, `plan_hash` | `{"ok": true}` |
//! | `verify_log` | `plan`, `log`, `expected_head` (optional) | the [`LogSummary`] |
//! | `beacon_canonicalize` | `kind`, `value` | the canonical value text |
//! | `beacon_validate` | `kind`, `value` (must already be canonical) | `{"ok": true}` |
//! | `beacon_spec` | `spec` (a [`BeaconSpec`]) | `{"ok": true}` |
//! | `commitment` | `party_id`, `secret` (64 hex) | the commitment hex |
//! | `decide` | `entry` (bundled menu entry id or null), `facts`, `history` (optional), `on` | the [`Decision`] |
//! | `calendar_status` | `date` | the [`DayStatus`] of the bundled national calendar |
//! | `assign_teams` | `request` (a [`TeamRequest`]) | the [`TeamAssignment`] |
//! | `log_append` | `log`, `event` (committed) | the log with the event appended |
//! | `publish_draw` | `plan`, `log`, `eligible` (committed), `catalog`, `attempt` (integer), `seed` (64 hex) | `{"result", "log"}` |
//!
//! Committed documents (`plan`, `log`) are parsed as committed JSON
//! ([`from_committed_json`]: no floats, integers within 2^53 − 1). Every other
//! document passes [`check_json_text`] (size and depth limits) before serde sees it.
//!
//! ```
//! use serde_json::json;
//! use shuangsuiji::ops::run_operation;
//!
//! let ok = run_operation("parse_uscc", &json!({"text": "91350100M000100Y43"}))?;
//! assert_eq!(ok["division_code"], "350100");
//! let err = run_operation("parse_ratio", &json!({"text": "3/0"})).unwrap_err();
//! assert_eq!(err.code().as_str(), "ratio_zero_denominator");
//! # Ok::<(), shuangsuiji::Error>(())
//! ```
//!
//! [`ModelKind`]: crate::model::ModelKind
//! [`ReadOptions`]: crate::intake::ReadOptions
//! [`EligibilityReport`]: crate::rules::EligibilityReport
//! [`DrawInput`]: crate::draw::DrawInput
//! [`DrawResult`]: crate::draw::DrawResult
//! [`TeamRequest`]: crate::teams::TeamRequest
//! [`TeamAssignment`]: crate::teams::TeamAssignment
//! [`LogSummary`]: crate::verify::LogSummary
//! [`BeaconSpec`]: crate::verify::BeaconSpec
//! [`Decision`]: crate::enforcement::Decision
//! [`DayStatus`]: crate::enforcement::DayStatus
//! [`from_committed_json`]: crate::verify::from_committed_json
//! [`check_json_text`]: crate::intake::limits::check_json_text

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::enforcement::{Calendar, CaseFacts, Menu, ViolationRecord, decide};
use crate::intake::{self, ReadOptions};
use crate::model::{Catalog, CheckRecord, DivisionCode, ModelKind, Ratio, Roster, Uscc};
use crate::rules::{PlanRequest, eligibility};
use crate::verify::{self, BeaconKind, BeaconSpec, Bytes32, DrawLog, Plan};
use crate::{Error, InputCode, Result};

/// Every operation name [`run_operation`] accepts (`validate:<kind>` once per kind).
pub const OPERATIONS: &[&str] = &[
    "parse_uscc",
    "parse_division",
    "parse_ratio",
    "validate:<kind>",
    "read_enterprises",
    "read_inspectors",
    "read_history",
    "read_catalog",
    "eligibility",
    "draw",
    "verify_plan",
    "verify_log",
    "beacon_canonicalize",
    "beacon_validate",
    "beacon_spec",
    "commitment",
    "decide",
    "calendar_status",
    "assign_teams",
];

/// Runs one operation by its stable name on a JSON input object (table in the
/// [module docs](self)) and returns its result as JSON.
///
/// # Errors
/// `json_shape` (field `operation`) for an unknown operation name; `json_shape` with
/// the field's name for a missing or mistyped input field; `json_syntax` for an invalid
/// `*_text` document or bad base64; otherwise exactly the errors of the operation's
/// function (its codes are listed there).
pub fn run_operation(op: &str, input: &Value) -> Result<Value> {
    if let Some(kind) = op.strip_prefix("validate:") {
        let kind = ModelKind::from_label(kind).map_err(|e| e.with_field("operation"))?;
        let text = doc_text(input, "json")?;
        let canon = crate::model::validate_json(kind, &text)?;
        return serde_json::from_str(&canon).map_err(|e| Error::from_json(&e));
    }
    match op {
        "parse_uscc" => {
            let u = Uscc::parse(str_field(input, "text")?)?;
            Ok(json!({"uscc": u.as_str(), "division_code": u.division_code()}))
        }
        "parse_division" => to_json(&DivisionCode::parse(str_field(input, "text")?)?),
        "parse_ratio" => to_json(&Ratio::parse(str_field(input, "text")?)?),
        "read_enterprises" => {
            let n = intake::read_enterprises(&file(input)?, &options(input)?)?.len();
            Ok(json!({ "records": n }))
        }
        "read_inspectors" => {
            let n = intake::read_inspectors(&file(input)?, &options(input)?)?
                .inspectors()
                .len();
            Ok(json!({ "records": n }))
        }
        "read_history" => {
            let n = intake::read_history(&file(input)?, &options(input)?)?.len();
            Ok(json!({ "records": n }))
        }
        "read_catalog" => {
            let c = intake::read_catalog(&file(input)?, &options(input)?)?;
            Ok(json!({ "items": c.items.len() }))
        }
        "eligibility" => {
            let catalog = Catalog::from_json(&doc_text(input, "catalog")?)
                .map_err(|e| e.within("catalog"))?;
            let roster: Roster = doc(input, "roster")?;
            let history: Vec<CheckRecord> = opt_doc(input, "history")?.unwrap_or_default();
            let request: PlanRequest = doc(input, "request")?;
            to_json(&eligibility(&request, &catalog, &roster, &history)?)
        }
        "draw" => to_json(&crate::draw::draw(doc(input, "input")?)?),
        "assign_teams" => to_json(&crate::teams::assign(&doc(input, "request")?)?),
        "verify_plan" => {
            let plan: Plan = committed(input, "plan")?;
            let hash = Bytes32::from_hex(str_field(input, "plan_hash")?)
                .map_err(|e| e.with_field("plan_hash"))?;
            verify::verify_plan(&plan, &hash)?;
            Ok(json!({"ok": true}))
        }
        "verify_log" => {
            let plan: Plan = committed(input, "plan")?;
            let log: DrawLog = committed(input, "log")?;
            let head = match input.get("expected_head") {
                None | Some(Value::Null) => None,
                Some(_) => Some(
                    Bytes32::from_hex(str_field(input, "expected_head")?)
                        .map_err(|e| e.with_field("expected_head"))?,
                ),
            };
            to_json(&verify::verify_log(&plan, &log, head.as_ref())?)
        }
        "beacon_canonicalize" => {
            let kind: BeaconKind = doc(input, "kind")?;
            to_json(&verify::canonicalize(kind, str_field(input, "value")?)?)
        }
        "beacon_validate" => {
            let kind: BeaconKind = doc(input, "kind")?;
            verify::validate_value(kind, str_field(input, "value")?)?;
            Ok(json!({"ok": true}))
        }
        "beacon_spec" => {
            let spec: BeaconSpec = doc(input, "spec")?;
            spec.validate()?;
            Ok(json!({"ok": true}))
        }
        "commitment" => {
            let secret = Bytes32::from_hex(str_field(input, "secret")?)
                .map_err(|e| e.with_field("secret"))?;
            Ok(Value::String(
                verify::commitment(str_field(input, "party_id")?, &secret)?.to_hex(),
            ))
        }
        "decide" => {
            let entry = match input.get("entry") {
                None | Some(Value::Null) => None,
                Some(_) => Some(Menu::bundled_entry(str_field(input, "entry")?)?),
            };
            let facts: CaseFacts = doc(input, "facts")?;
            let history: Vec<ViolationRecord> = opt_doc(input, "history")?.unwrap_or_default();
            let on = date(input, "on")?;
            to_json(&decide(entry.as_ref(), &facts, &history, on)?)
        }
        "calendar_status" => to_json(&Calendar::national()?.status(date(input, "date")?)?),
        "log_append" => {
            let mut log: DrawLog = committed(input, "log")?;
            log.append(committed(input, "event")?)?;
            to_json(&log)
        }
        "publish_draw" => {
            let plan: Plan = committed(input, "plan")?;
            let mut log: DrawLog = committed(input, "log")?;
            let attempt = input
                .get("attempt")
                .and_then(Value::as_u64)
                .and_then(|a| u32::try_from(a).ok())
                .ok_or_else(|| missing("attempt"))?;
            let seed =
                Bytes32::from_hex(str_field(input, "seed")?).map_err(|e| e.with_field("seed"))?;
            let eligible: Vec<verify::EligibleLeaf> = committed(input, "eligible")?;
            let catalog = crate::model::Catalog::from_json(&doc_text(input, "catalog")?)
                .map_err(|e| e.within("catalog"))?;
            let result =
                crate::publish::publish_draw(&plan, &eligible, &catalog, &mut log, attempt, &seed)?;
            Ok(json!({"result": to_json(&result)?, "log": to_json(&log)?}))
        }
        _ => Err(
            Error::new(InputCode::JsonShape, format!("unknown operation {op:?}"))
                .with_field("operation")
                .with_value(op),
        ),
    }
}

fn to_json<T: Serialize>(v: &T) -> Result<Value> {
    serde_json::to_value(v)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}

fn missing(field: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("the operation's input has no field {field:?} of the right type"),
    )
    .with_field(field)
}

fn str_field<'a>(input: &'a Value, field: &str) -> Result<&'a str> {
    input
        .get(field)
        .and_then(Value::as_str)
        .ok_or_else(|| missing(field))
}

fn date(input: &Value, field: &str) -> Result<NaiveDate> {
    let s = str_field(input, field)?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        Error::new(InputCode::JsonShape, format!("not a date YYYY-MM-DD: {e}"))
            .with_field(field)
            .with_value(s)
    })
}

/// The JSON text of document `field`: `field_text` as given, or `field` written out.
fn opt_doc_text(input: &Value, field: &str) -> Result<Option<String>> {
    let text_key = format!("{field}_text");
    match (input.get(field), input.get(&text_key)) {
        (Some(_), Some(_)) => Err(Error::new(
            InputCode::JsonShape,
            format!("give {field:?} or {text_key:?}, not both"),
        )
        .with_field(field)),
        (Some(v), None) => serde_json::to_string(v)
            .map(Some)
            .map_err(|e| Error::from_json(&e).within(field)),
        (None, Some(Value::String(s))) => Ok(Some(s.clone())),
        (None, Some(_)) => Err(missing(&text_key)),
        (None, None) => Ok(None),
    }
}

fn doc_text(input: &Value, field: &str) -> Result<String> {
    opt_doc_text(input, field)?.ok_or_else(|| missing(field))
}

fn parse_text<T: DeserializeOwned>(text: &str, field: &str) -> Result<T> {
    crate::error::located::from_str(text).map_err(|e| e.within(field))
}

fn opt_doc<T: DeserializeOwned>(input: &Value, field: &str) -> Result<Option<T>> {
    opt_doc_text(input, field)?
        .map(|t| parse_text(&t, field))
        .transpose()
}

fn doc<T: DeserializeOwned>(input: &Value, field: &str) -> Result<T> {
    parse_text(&doc_text(input, field)?, field)
}

fn committed<T: DeserializeOwned>(input: &Value, field: &str) -> Result<T> {
    verify::from_committed_json(doc_text(input, field)?.as_bytes()).map_err(|e| e.within(field))
}

fn options(input: &Value) -> Result<ReadOptions> {
    match opt_doc_text(input, "options")? {
        Some(t) => ReadOptions::from_json(&t).map_err(|e| e.within("options")),
        None => Ok(ReadOptions::default()),
    }
}

fn file(input: &Value) -> Result<Vec<u8>> {
    match (input.get("input_text"), input.get("input_base64")) {
        (Some(Value::String(t)), None) => Ok(t.as_bytes().to_vec()),
        (None, Some(Value::String(b))) => base64_decode(b),
        _ => Err(Error::new(
            InputCode::JsonShape,
            "give exactly one of input_text, input_base64 (strings)",
        )
        .with_field("input_text")),
    }
}

/// Decodes standard base64 (RFC 4648 alphabet, `=` padding required).
fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let bad = || Error::new(InputCode::JsonSyntax, "invalid base64").with_field("input_base64");
    let bytes = s.as_bytes();
    if bytes.len() % 4 != 0 {
        return Err(bad());
    }
    let val = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        let last = i + 1 == chunks;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return Err(bad());
        }
        let mut n: u32 = 0;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | val(c).ok_or_else(bad)?;
        }
        n <<= 6 * u32::try_from(pad).map_err(|_| bad())?;
        let [_, a, b, c] = n.to_be_bytes();
        out.extend_from_slice(&[a, b, c][..3 - pad]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("").unwrap(), b"");
        assert_eq!(base64_decode("Zg==").unwrap(), b"f");
        assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
        assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
        assert_eq!(base64_decode("UEsDBA==").unwrap(), b"PK\x03\x04");
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*", "===="] {
            assert!(base64_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_operation_is_a_typed_error() {
        let e = run_operation("explode", &json!({})).unwrap_err();
        assert_eq!(e.code().as_str(), "json_shape");
        assert_eq!(e.details().field.as_deref(), Some("operation"));
    }
}
