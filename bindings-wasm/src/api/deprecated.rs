//! The names the JavaScript binding had before the operation table named every
//! operation once (#26): each calls the table's function, warns once per name on the
//! console, and goes away in 0.3.0 (CHANGELOG.md lists them with their new names).
//! Hand-written because they map an old name (and, for `assessCreditRepair`, an old
//! parameter order) onto the table's.

use std::cell::RefCell;
use std::collections::BTreeSet;

use wasm_bindgen::prelude::*;

use super::table;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

thread_local! {
    static WARNED: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// Warns once (per name) that `old` is deprecated in favour of `new`.
fn deprecated(old: &'static str, new: &str) {
    let first = WARNED.with(|w| w.borrow_mut().insert(old));
    if first {
        console_warn(&format!(
            "shuangsuiji: {old} is deprecated and goes away in 0.3.0; use {new}"
        ));
    }
}

/// @deprecated Use `decide(entry, facts, history, on)` (the same parameters).
///
/// # Errors
/// As `decide`.
#[wasm_bindgen(unchecked_return_type = "Decision")]
pub fn leniency(
    entry: JsValue,
    facts: JsValue,
    history: JsValue,
    on: JsValue,
) -> Result<JsValue, JsValue> {
    deprecated("leniency", "decide");
    table::decide(entry, facts, history, on, JsValue::UNDEFINED)
}

/// @deprecated Use `calendarStatus(date)`.
///
/// # Errors
/// As `calendarStatus`.
#[wasm_bindgen(js_name = dayStatus, unchecked_return_type = "DayStatus")]
pub fn day_status(day: JsValue) -> Result<JsValue, JsValue> {
    deprecated("dayStatus", "calendarStatus");
    table::calendar_status(day)
}

/// @deprecated Use `creditRepairAssess(record, facts, on, policy)` — note the order: `on`
/// now comes before the (optional) `policy`.
///
/// # Errors
/// As `creditRepairAssess`.
#[wasm_bindgen(js_name = assessCreditRepair, unchecked_return_type = "RepairAssessment")]
pub fn assess_credit_repair(
    record: JsValue,
    facts: JsValue,
    policy: JsValue,
    on: JsValue,
) -> Result<JsValue, JsValue> {
    deprecated("assessCreditRepair", "creditRepairAssess");
    table::credit_repair_assess(record, facts, on, policy)
}

/// @deprecated Use `listRemovalAssess(record, facts, on)`.
///
/// # Errors
/// As `listRemovalAssess`.
#[wasm_bindgen(js_name = assessListRemoval, unchecked_return_type = "ListAssessment")]
pub fn assess_list_removal(
    record: JsValue,
    facts: JsValue,
    on: JsValue,
) -> Result<JsValue, JsValue> {
    deprecated("assessListRemoval", "listRemovalAssess");
    table::list_removal_assess(record, facts, on)
}

/// @deprecated Use `commitment(partyId, secret)`.
///
/// # Errors
/// As `commitment`.
#[wasm_bindgen(js_name = partyCommitment, unchecked_return_type = "Hash64")]
pub fn party_commitment(party_id: JsValue, secret: JsValue) -> Result<JsValue, JsValue> {
    deprecated("partyCommitment", "commitment");
    table::commitment(party_id, secret)
}

/// @deprecated Use `beaconValidate(kind, value)` (which returns `{ok: true}`; this returns
/// nothing, as before).
///
/// # Errors
/// As `beaconValidate`.
#[wasm_bindgen(js_name = validateBeacon)]
pub fn validate_beacon(kind: JsValue, value: JsValue) -> Result<(), JsValue> {
    deprecated("validateBeacon", "beaconValidate");
    table::beacon_validate(kind, value).map(drop)
}

/// @deprecated Use `beaconCanonicalize(kind, value)`.
///
/// # Errors
/// As `beaconCanonicalize`.
#[wasm_bindgen(js_name = canonicalizeBeacon, unchecked_return_type = "string")]
pub fn canonicalize_beacon(kind: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    deprecated("canonicalizeBeacon", "beaconCanonicalize");
    table::beacon_canonicalize(kind, input)
}

/// @deprecated Use `beaconSpec(spec)` (which returns `{ok: true}`; this returns nothing, as
/// before).
///
/// # Errors
/// As `beaconSpec`.
#[wasm_bindgen(js_name = validateBeaconSpec)]
pub fn validate_beacon_spec(spec: JsValue) -> Result<(), JsValue> {
    deprecated("validateBeaconSpec", "beaconSpec");
    table::beacon_spec(spec).map(drop)
}

/// @deprecated Use `planCanonicalJson(plan)`.
///
/// # Errors
/// As `planCanonicalJson`.
#[wasm_bindgen(js_name = canonicalPlanJson, unchecked_return_type = "string")]
pub fn canonical_plan_json(plan: JsValue) -> Result<JsValue, JsValue> {
    deprecated("canonicalPlanJson", "planCanonicalJson");
    table::plan_canonical_json(plan)
}
