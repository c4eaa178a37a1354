//! After the draw, in the work folder: `substitute` (a refused or closed enterprise
//! replaced, new log entries), `outcomes` (a department's results recorded against the
//! draw, the teams and the window, then committed to the log), `disclose` (the 公示 list
//! as of a date and its completeness). `publish` then copies `outcomes.json` and
//! `disclosure.json` into the publication folder, and `verify` checks them.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};
use shuangsuiji::disclosure::{self, Completeness, Disclosure};
use shuangsuiji::draw::SubstitutionRequest;
use shuangsuiji::draw_record::{self as publish, ResultDocument};
use shuangsuiji::outcomes::{self, CheckWindow, OutcomeIntake, OutcomeSet};
use shuangsuiji::proof::{DrawLog, EligibleLeaf, Plan, verify_log};
use shuangsuiji::teams::{MIN_CERTIFIED_FLOOR, TeamAssignment};
use shuangsuiji::{Error, InputCode};

use crate::args::Args;
use crate::exit::Out;
use crate::fail::Fail;
use crate::files;
use crate::task::{names, save_log};

/// The work folder's and the publication folder's files of the results.
pub mod result_names {
    /// The committed outcome set (the log's last `outcomes` event names its hash).
    pub const OUTCOMES: &str = "outcomes.json";
    /// The 公示 list.
    pub const DISCLOSURE: &str = "disclosure.json";
}

/// A date option `YYYY-MM-DD`, refused as the operations refuse a bad date
/// (`json_shape`, the option as field).
fn date(a: &Args, name: &str) -> Result<NaiveDate, Fail> {
    let text = a.need(name)?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        Fail::from(
            Error::new(InputCode::JsonShape, format!("not a date YYYY-MM-DD: {e}"))
                .with_field(name)
                .with_value(text),
        )
    })
}

/// `substitute --dir WORK --requests REQUESTS.json`: the requested enterprises replaced
/// (`[{"uscc", "reason", "item_id"?, "evidence"?}]`), as a new revision of the result;
/// the log gets one `substitution` entry per item replaced and a `revision` entry.
///
/// # Errors
/// Usage, I/O, the substitution's errors (nothing is written then).
pub fn substitute(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&["dir", "requests"])?;
    let work = Path::new(a.need("dir")?);
    let requests: Vec<SubstitutionRequest> = files::json(Path::new(a.need("requests")?))?;
    let plan: Plan = files::committed(&work.join(names::PLAN))?;
    let eligible: Vec<EligibleLeaf> = files::json(&work.join(names::ELIGIBLE))?;
    let catalog = files::catalog(&work.join(names::CATALOG))?;
    let mut log: DrawLog = files::committed(&work.join(names::LOG))?;
    let current: ResultDocument = files::committed(&work.join(names::RESULT))?;
    let before = log.entries.len();
    let revised =
        publish::publish_substitutions(&plan, &eligible, &catalog, &mut log, &current, &requests)?;
    files::write_json(&work.join(names::RESULT), &revised)?;
    save_log(work, &log)?;
    let (added, revision) = (log.entries.len() - before, revised.revision);
    let hash = revised.result_hash()?;
    out.done(
        &format!(
            "替补完成：第 {revision} 版抽取结果，日志新增 {added} 条，结果哈希 {hash}（请重新 publish）"
        ),
        &format!(
            "substituted: result revision {revision}, {added} new log entries, result hash {hash} (publish again)"
        ),
        json!({"revision": revision, "log_entries_added": added, "result_hash": hash}),
    );
    Ok(())
}

/// `outcomes --dir WORK --teams TEAMS.json --records RECORDS --from DATE --to DATE
/// [--min-certified N] [--csv F] [--xlsx F]`: the records (one department's results: a
/// sheet in CSV or xlsx, one row per item checked under the outcome table's Chinese
/// headers, or a JSON list) checked against the current result, the teams and the
/// window, added to the work folder's accepted set (`outcomes.json`), which is then
/// committed to the log; `--csv` / `--xlsx` write the whole set as the outcome table.
///
/// # Errors
/// Usage, I/O, the intake's errors (all or nothing: nothing is written then).
pub fn outcomes(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[
        "dir",
        "teams",
        "records",
        "from",
        "to",
        "min-certified",
        "csv",
        "xlsx",
    ])?;
    let work = Path::new(a.need("dir")?);
    let window = CheckWindow {
        first_day: date(a, "from")?,
        last_day: date(a, "to")?,
    };
    let min_certified = match a.get("min-certified") {
        None => MIN_CERTIFIED_FLOOR,
        Some(n) => n.parse().map_err(|_| {
            Fail::usage(
                &format!("--min-certified 应为非负整数：{n}"),
                &format!("--min-certified must be a whole number: {n}"),
            )
        })?,
    };
    let teams: TeamAssignment = files::json(Path::new(a.need("teams")?))?;
    let records = files::outcome_records(Path::new(a.need("records")?), out)?;
    let plan: Plan = files::committed(&work.join(names::PLAN))?;
    let mut log: DrawLog = files::committed(&work.join(names::LOG))?;
    let result: ResultDocument = files::committed(&work.join(names::RESULT))?;
    let set_path = work.join(result_names::OUTCOMES);
    let accepted: Option<OutcomeSet> = if set_path.exists() {
        Some(files::committed(&set_path)?)
    } else {
        None
    };
    let n = records.len();
    let set = outcomes::record_outcomes(&OutcomeIntake {
        draw: result.draw.clone(),
        teams,
        window,
        min_certified,
        accepted,
        records,
    })?;
    let hash = disclosure::publish_outcomes(&mut log, &result, &set)?;
    verify_log(&plan, &log, None)?;
    let table = outcomes::outcomes_table(&set);
    let xlsx = a
        .get("xlsx")
        .map(|_| table.to_xlsx("检查结果"))
        .transpose()?;
    if let Some(p) = a.get("csv") {
        files::write(Path::new(p), &table.to_csv())?;
    }
    if let (Some(p), Some(bytes)) = (a.get("xlsx"), xlsx) {
        files::write(Path::new(p), &bytes)?;
    }
    files::write_json(&set_path, &set)?;
    save_log(work, &log)?;
    let total = set.records.len();
    out.done(
        &format!("已登记 {n} 条检查结果（共 {total} 条），已提交至日志，检查结果哈希 {hash}"),
        &format!(
            "{n} results recorded ({total} in all), committed to the log, outcomes hash {hash}"
        ),
        json!({"recorded": n, "records": total, "outcomes_hash": hash}),
    );
    Ok(())
}

/// `disclose --dir WORK --as-of DATE [--csv F] [--xlsx F] [--completeness F]`: the 公示
/// list of the committed results as of the date (`disclosure.json` in the work folder),
/// and what is missing, late or pending per department.
///
/// # Errors
/// Usage, I/O, the list's errors.
pub fn disclose(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&["dir", "as-of", "csv", "xlsx", "completeness"])?;
    let work = Path::new(a.need("dir")?);
    let as_of = date(a, "as-of")?;
    let result: ResultDocument = files::committed(&work.join(names::RESULT))?;
    let set_path = work.join(result_names::OUTCOMES);
    if !set_path.exists() {
        return Err(Fail::usage(
            &format!("{} 中尚无检查结果：请先用 outcomes 登记", work.display()),
            &format!(
                "{} holds no results yet: record them with outcomes first",
                work.display()
            ),
        ));
    }
    let set: OutcomeSet = files::committed(&set_path)?;
    let list = disclosure::disclose(&result.draw, &set, as_of)?;
    let report = disclosure::completeness(&result.draw, &set, as_of)?;
    if let Some(p) = a.get("csv") {
        files::write(Path::new(p), &disclosure::disclosure_csv(&list)?)?;
    }
    if let Some(p) = a.get("xlsx") {
        files::write(Path::new(p), &disclosure::disclosure_xlsx(&list)?)?;
    }
    if let Some(p) = a.get("completeness") {
        files::write_json(Path::new(p), &report)?;
    }
    files::write_json(&work.join(result_names::DISCLOSURE), &list)?;
    let (zh, en, v) = completeness_words(&list, &report);
    out.done(&zh, &en, v);
    Ok(())
}

/// Counts of a completeness report: (expected, on time, late, overdue, pending).
fn counts(report: &Completeness) -> [u64; 5] {
    let mut c = [0u64; 5];
    for d in &report.departments {
        c[0] += d.expected;
        c[1] += d.on_time;
        c[2] += d.late.len() as u64;
        c[3] += d.overdue.len() as u64;
        c[4] += d.pending.len() as u64;
    }
    c
}

/// The sentences (Chinese, English) and the JSON of a 公示 list and its completeness.
pub fn completeness_words(list: &Disclosure, report: &Completeness) -> (String, String, Value) {
    let [expected, on_time, late, overdue, pending] = counts(report);
    let (as_of, records) = (list.as_of, list.records.len());
    let (zh_state, en_state) = if report.complete {
        ("齐全", "complete")
    } else {
        ("不齐全", "incomplete")
    };
    (
        format!(
            "截至 {as_of} 的公示名单：{records} 户企业；应公示 {expected} 项，按时 {on_time}、逾期公示 {late}、逾期未公示 {overdue}、未到期 {pending}；{zh_state}"
        ),
        format!(
            "公示 list as of {as_of}: {records} enterprises; {expected} results due, {on_time} on time, {late} late, {overdue} overdue, {pending} pending; {en_state}"
        ),
        json!({"as_of": as_of, "records": records, "completeness": report}),
    )
}

/// `verify`'s second half: when the folder holds `outcomes.json` and `disclosure.json`,
/// the list is checked against the set committed in the log (`None` when it holds
/// neither).
///
/// # Errors
/// `publication_file_missing` for one without the other; the files' readers' and
/// [`disclosure::verify_disclosure`]'s errors.
pub fn verify_results(
    folder: &Path,
    log: &DrawLog,
    result: &ResultDocument,
) -> Result<Option<(Disclosure, Completeness)>, Fail> {
    let (o, d) = (
        folder.join(result_names::OUTCOMES),
        folder.join(result_names::DISCLOSURE),
    );
    match (o.exists(), d.exists()) {
        (false, false) => return Ok(None),
        (true, true) => {}
        (has_outcomes, _) => {
            let missing = if has_outcomes {
                result_names::DISCLOSURE
            } else {
                result_names::OUTCOMES
            };
            return Err(Fail::from(
                Error::new(
                    shuangsuiji::VerifyCode::PublicationFileMissing,
                    format!(
                        "the folder holds one of outcomes.json and disclosure.json, not {missing}"
                    ),
                )
                .with_field(missing),
            ));
        }
    }
    let set: OutcomeSet = files::committed(&o)?;
    let list: Disclosure = files::committed(&d)?;
    let report = disclosure::verify_disclosure(log, result, &set, &list)?;
    Ok(Some((list, report)))
}
