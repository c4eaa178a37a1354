//! The work plan (具体工作方案) as a printable Chinese A4 page.
//!
//! The front pages carry the plan itself — lead department and contact, the
//! participating departments and their items (参与部门、检查内容), the check window in
//! working days (检查时间), the team-days with their areas (检查路线), the working rules,
//! the signature line and a small 技术信息 section with the task id, seed and catalog
//! hash. Each team-day follows on its own page (附页) with its inspectors and its
//! route in visiting order, so that it can be handed to the team.
//!
//! ```
//! # fn plan() -> shuangsuiji::workplan::WorkPlan {
//! #     let v: serde_json::Value = serde_json::from_str(include_str!(
//! #         "../../../tests/vectors/workplan/map_routes_one_team_a_day.ops.json")).unwrap();
//! #     serde_json::from_value(v["cases"][0]["expect"].clone()).unwrap()
//! # }
//! let plan: shuangsuiji::workplan::WorkPlan = plan(); // from shuangsuiji::workplan::work_plan
//! let html = shuangsuiji_present::workplan::render(&plan)?;
//! assert!(html.contains("具体工作方案") && html.contains("2024年9月9日（星期一）"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod view;

use shuangsuiji::Error;
use shuangsuiji::workplan::WorkPlan;

const TEMPLATE: &str = include_str!("../../templates/workplan.html");

/// Renders the work plan as one HTML document (UTF-8, print CSS for A4 included).
/// Every value from the plan is HTML-escaped.
///
/// # Errors
/// `internal_invariant` only if the template fails — a bug of this crate, never caused
/// by the plan.
///
/// See the [module documentation](self) for an example.
pub fn render(plan: &WorkPlan) -> Result<String, Error> {
    crate::page::render("workplan.html", TEMPLATE, &view::View::of(plan))
}
