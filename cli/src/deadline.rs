//! `shuangsuiji deadline KIND DATE`: an enforcement deadline on the national working-day
//! calendar, through the operations table's `deadline`.

use serde_json::json;
use shuangsuiji::ops::run_operation;

use crate::args::Args;
use crate::exit::Out;
use crate::fail::Fail;

/// The due date of `kind` counted from `start` (the start day not counted).
///
/// # Errors
/// Usage; the operation's errors (an unknown kind, a date that is not `YYYY-MM-DD`, a
/// date outside the bundled calendar).
pub fn run(kind: &str, start: &str, a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[])?;
    let d = run_operation("deadline", &json!({"kind": kind, "start": start}))?;
    let due = d["due"].as_str().unwrap_or_default();
    out.done(
        &format!("自 {start} 起（当日不计），截止日期 {due}"),
        &format!("from {start} (not counted), due on {due}"),
        d.clone(),
    );
    Ok(())
}
