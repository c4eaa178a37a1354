//! Teams exports: joint inspection team assignment, its explanation, and the team
//! request built from a draw's visits.

use shuangsuiji::draw::DrawResult;
use shuangsuiji::model::{CheckRecord, InspectorRoster, Roster};
use shuangsuiji::teams::{self, Staffing, TeamAssignment, TeamRequest};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::errors::IntoJs;

/// Assigns the teams of a `TeamRequest`; returns the `TeamAssignment`.
///
/// # Errors
/// `json_syntax`/`json_shape`; the team codes of the core's `teams::assign`
/// (`team_infeasible`, `certified_short`, `team_size_invalid`, …).
#[wasm_bindgen(js_name = assignTeams, unchecked_return_type = "TeamAssignment")]
pub fn assign_teams(
    #[wasm_bindgen(unchecked_param_type = "TeamRequest | string")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let request: TeamRequest = from_js(&request, Some("request")).js_err()?;
    to_js(&teams::assign(&request).js_err()?).js_err()
}

/// Explains an assignment: per visit and department, every candidate and its fate.
///
/// # Errors
/// `json_syntax`/`json_shape`; those of the core's `teams::explain`.
#[wasm_bindgen(js_name = explainTeams, unchecked_return_type = "TeamExplanation[]")]
pub fn explain_teams(
    #[wasm_bindgen(unchecked_param_type = "TeamRequest | string")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TeamAssignment | string")] assignment: JsValue,
) -> Result<JsValue, JsValue> {
    let request: TeamRequest = from_js(&request, Some("request")).js_err()?;
    let assignment: TeamAssignment = from_js(&assignment, Some("assignment")).js_err()?;
    to_js(&teams::explain(&request, &assignment).js_err()?).js_err()
}

/// The team request for a draw result's visits.
///
/// # Errors
/// `json_syntax`/`json_shape` naming the argument; those of the core's
/// `teams::team_request`.
#[wasm_bindgen(js_name = teamRequest, unchecked_return_type = "TeamRequest")]
pub fn team_request(
    #[wasm_bindgen(unchecked_param_type = "DrawResult | string")] result: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Enterprise[] | string")] roster: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Inspector[] | string")] inspectors: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckRecord[] | string")] history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Staffing | string")] staffing: JsValue,
) -> Result<JsValue, JsValue> {
    let result: DrawResult = from_js(&result, Some("result")).js_err()?;
    let roster: Roster = from_js(&roster, Some("roster")).js_err()?;
    let inspectors: InspectorRoster = from_js(&inspectors, Some("inspectors")).js_err()?;
    let history: Vec<CheckRecord> = from_js(&history, Some("history")).js_err()?;
    let staffing: Staffing = from_js(&staffing, Some("staffing")).js_err()?;
    to_js(&teams::team_request(&result, &roster, &inspectors, &history, &staffing).js_err()?)
        .js_err()
}
