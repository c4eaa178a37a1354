//! `shuangsuiji workplan`: the work plan (具体工作方案) of a task — departments, items,
//! the check window in working days, the team-days with their routes — on the bundled
//! national calendar.

use std::path::Path;

use serde_json::json;
use shuangsuiji::draw_record::ResultDocument;
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::teams::{Route, TeamAssignment};
use shuangsuiji::workplan::{WorkPlanInputs, WorkPlanRequest, work_plan};

use crate::args::Args;
use crate::exit::Out;
use crate::fail::Fail;
use crate::files;

/// `workplan --request R --catalog C --roster E --inspectors I --result R --teams T
/// [--routes ROUTES.json] [-o OUT]`: the routes are the teams' own (`routes` of the team
/// assignment) unless a file of day routes (a list of `{"index", "visits"}`, e.g.
/// `plan_routes` → `team_routes`) is given.
///
/// # Errors
/// Usage, I/O, the readers' and the work plan's errors.
pub fn run(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[
        "request",
        "catalog",
        "roster",
        "inspectors",
        "result",
        "teams",
        "routes",
        "out",
    ])?;
    let request: WorkPlanRequest = files::json(Path::new(a.need("request")?))?;
    let catalog = files::catalog(Path::new(a.need("catalog")?))?;
    let roster = files::roster(Path::new(a.need("roster")?), out)?;
    let inspectors = files::inspectors(Path::new(a.need("inspectors")?), out)?;
    let result: ResultDocument = files::committed(Path::new(a.need("result")?))?;
    let teams: TeamAssignment = files::json(Path::new(a.need("teams")?))?;
    let routes: Option<Vec<Route>> = a
        .get("routes")
        .map(|p| files::json(Path::new(p)))
        .transpose()?;
    let inputs = WorkPlanInputs {
        catalog: &catalog,
        roster: &roster,
        inspectors: &inspectors,
        draw: &result.draw,
        teams: &teams,
        routes: routes.as_ref().unwrap_or(&teams.routes),
    };
    let plan = work_plan(&request, &inputs, &Calendar::national()?)?;
    let Some(p) = a.get("out") else {
        println!("{}", files::pretty(&plan)?);
        return Ok(());
    };
    files::write_json(Path::new(p), &plan)?;
    let (first, last) = (plan.window.first_day, plan.window.last_day);
    let (days, team_days) = (plan.window.working_days, plan.team_days.len());
    out.done(
        &format!(
            "工作方案已写入 {p}：检查时间 {first} 至 {last}（{days} 个工作日），{team_days} 个组日（每组每日一条路线）"
        ),
        &format!(
            "work plan written to {p}: checks from {first} to {last} ({days} working days), {team_days} team-days (one route each)"
        ),
        json!({"out": p, "first_day": first, "last_day": last, "working_days": days, "team_days": team_days}),
    );
    Ok(())
}
