//! `shuangsuiji teams`: joint inspection teams for the visits of a published draw.

use std::path::Path;

use serde_json::json;
use shuangsuiji::draw_record::ResultDocument;
use shuangsuiji::teams::{self, Staffing};

use crate::args::Args;
use crate::exit::Out;
use crate::fail::Fail;
use crate::files;

/// `teams --result R --roster E --inspectors I [--history H] --staffing S [-o OUT]`.
///
/// # Errors
/// Usage, I/O, the readers' and the team assignment's errors.
pub fn run(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[
        "result",
        "roster",
        "inspectors",
        "history",
        "staffing",
        "out",
    ])?;
    let result: ResultDocument = files::committed(Path::new(a.need("result")?))?;
    let roster = files::roster(Path::new(a.need("roster")?), out)?;
    let inspectors = files::inspectors(Path::new(a.need("inspectors")?), out)?;
    let history = files::history(a.get("history"), out)?;
    let staffing: Staffing = files::json(Path::new(a.need("staffing")?))?;
    let spin = out.progress("正在组建检查组……", "forming teams…");
    let request = teams::team_request(&result.draw, &roster, &inspectors, &history, &staffing)?;
    let assignment = teams::assign(&request)?;
    drop(spin);
    let Some(p) = a.get("out") else {
        println!(
            "{}",
            serde_json::to_string_pretty(&assignment).unwrap_or_default()
        );
        return Ok(());
    };
    files::write_json(Path::new(p), &assignment)?;
    let n = assignment.teams.len();
    out.done(
        &format!("{n} 个检查组已写入 {p}"),
        &format!("{n} teams written to {p}"),
        json!({"teams": n, "out": p}),
    );
    Ok(())
}
