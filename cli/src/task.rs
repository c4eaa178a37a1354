//! The yearly task, one subcommand per step, each reading files, calling the library
//! and writing files: `eligibility`, `plan`, `ceremony`, `draw`, `publish`, `verify`.
//!
//! The plan, the ceremony and the draw share a work folder (`--dir`); `publish` writes
//! the publication folder as the verification page and the verifiers read it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::json;
use shuangsuiji::VerifyCode;
use shuangsuiji::draw_record::{self as publish, PlanMeta, Publication, ResultDocument};
use shuangsuiji::proof::{
    BeaconValue, Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf, Plan, Reveal, canonicalize,
    commitment, verify_ceremony, verify_log,
};
use shuangsuiji::rules::{self, EligibilityReport, PlanRequest};
use shuangsuiji::{Error, draw_record};

use crate::args::Args;
use crate::exit::Out;
use crate::export;
use crate::fail::Fail;
use crate::files;
use crate::progress::Progress;
use crate::results;

/// The files of the work folder and of the publication folder.
pub mod names {
    pub use shuangsuiji::draw_record::publication::{
        CATALOG, ELIGIBLE, FILES, LOG, LOG_HEAD, PLAN, PLAN_HASH, RECEIPTS, RESULT,
    };
    /// The excluded leaves (work folder only: the receipts carry their proofs).
    pub const EXCLUDED: &str = "excluded.json";
    /// The seed of the ceremony (work folder only).
    pub const SEED: &str = "seed";
}

fn dir(a: &Args, name: &str) -> Result<PathBuf, Fail> {
    a.need(name).map(PathBuf::from)
}

/// `eligibility --request R --catalog C --roster E [--history H] [-o REPORT] [--csv F] [--xlsx F]`.
///
/// # Errors
/// Usage, I/O, the readers' and the eligibility's errors.
pub fn eligibility(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[
        "request", "catalog", "roster", "history", "out", "csv", "xlsx",
    ])?;
    let request: PlanRequest = files::json(Path::new(a.need("request")?))?;
    let catalog = files::catalog(Path::new(a.need("catalog")?))?;
    let roster = files::roster(Path::new(a.need("roster")?), out)?;
    let history = files::history(a.get("history"), out)?;
    let spin = out.progress("正在判定抽查对象……", "deciding eligibility…");
    let report = rules::eligibility(&request, &catalog, &roster, &history)?;
    drop(spin);
    if let Some(p) = a.get("csv") {
        files::write(Path::new(p), &export::eligibility_csv(&report, &roster))?;
    }
    if let Some(p) = a.get("xlsx") {
        export::eligibility_xlsx(&report, &roster, Path::new(p))?;
    }
    let Some(p) = a.get("out") else {
        println!("{}", files::pretty(&report)?);
        return Ok(());
    };
    files::write_json(Path::new(p), &report)?;
    let eligible: usize = report
        .items
        .iter()
        .flat_map(|i| &i.strata)
        .map(|s| s.eligible.len())
        .sum();
    let excluded: usize = report.items.iter().map(|i| i.excluded.len()).sum();
    let items = report.items.len();
    out.done(
        &format!("{items} 个检查事项：可抽取 {eligible} 项次，排除 {excluded} 项次；报告已写入 {p}"),
        &format!("{items} items: {eligible} eligible and {excluded} excluded (item × enterprise); report written to {p}"),
        json!({"items": items, "eligible": eligible, "excluded": excluded, "report": p}),
    );
    Ok(())
}

/// `plan --report R --catalog C --inspectors I --meta M --dir WORK`: the committed plan,
/// its leaves and the log's first entry, in a new work folder.
///
/// # Errors
/// Usage (also when the folder already holds a log), I/O, the plan's errors.
pub fn plan(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&["report", "catalog", "inspectors", "meta", "dir"])?;
    let report: EligibilityReport = files::json(Path::new(a.need("report")?))?;
    let catalog = files::catalog(Path::new(a.need("catalog")?))?;
    let inspectors = files::inspectors(Path::new(a.need("inspectors")?), out)?;
    let meta: PlanMeta = files::json(Path::new(a.need("meta")?))?;
    let work = dir(a, "dir")?;
    if work.join(names::LOG).exists() {
        return Err(Fail::usage(
            &format!(
                "{} 已有抽取日志：计划一经公布不得重写，请换一个文件夹",
                work.display()
            ),
            &format!(
                "{} already holds a draw log: a published plan is never rewritten; use another folder",
                work.display()
            ),
        ));
    }
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta)?;
    let hash = plan.plan_hash()?;
    let log = DrawLog::new(hash)?;
    files::mkdir(&work)?;
    files::write_json(&work.join(names::PLAN), &plan)?;
    files::write_hash(&work.join(names::PLAN_HASH), &hash)?;
    files::write_json(
        &work.join(names::ELIGIBLE),
        &publish::eligible_leaves(&report),
    )?;
    files::write_json(
        &work.join(names::EXCLUDED),
        &publish::excluded_leaves(&report),
    )?;
    files::write_json(&work.join(names::CATALOG), &catalog)?;
    save_log(&work, &log)?;
    out.done(
        &format!(
            "计划 {} 已提交，计划哈希 {hash}（须在抽取前公布）",
            plan.task_id
        ),
        &format!(
            "plan {} committed, plan hash {hash} (publish it before the draw)",
            plan.task_id
        ),
        json!({"task_id": plan.task_id, "plan_hash": hash}),
    );
    Ok(())
}

pub fn save_log(work: &Path, log: &DrawLog) -> Result<(), Fail> {
    files::write_json(&work.join(names::LOG), log)?;
    let head = log
        .head()
        .ok_or_else(|| Fail::from(Error::new(VerifyCode::LogOrder, "the log is empty")))?;
    files::write_hash(&work.join(names::LOG_HEAD), &head)
}

/// Appends `event` to the work folder's log after checking the longer log as verifiers
/// will (`verify_log`), so that nothing unverifiable is ever written.
fn append(work: &Path, event: Event) -> Result<DrawLog, Fail> {
    let plan: Plan = files::committed(&work.join(names::PLAN))?;
    let mut log: DrawLog = files::committed(&work.join(names::LOG))?;
    log.append(event)?;
    verify_log(&plan, &log, None)?;
    save_log(work, &log)?;
    Ok(log)
}

fn secret(a: &Args) -> Result<Bytes32, Fail> {
    Ok(Bytes32::from_hex(a.need("secret")?).map_err(|e| e.with_field("secret"))?)
}

/// `ceremony secret|commit|beacon|reveal|seed`.
///
/// # Errors
/// Usage, I/O, the ceremony's errors.
pub fn ceremony(step: &str, a: &Args, out: Out) -> Result<(), Fail> {
    match step {
        "secret" => {
            a.only(&[])?;
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).map_err(|e| {
                Fail::usage(
                    &format!("无法从操作系统取得随机数：{e}"),
                    &format!("no randomness from the operating system: {e}"),
                )
            })?;
            let s = Bytes32(bytes).to_hex();
            out.done(&s, &s, json!({"secret": s}));
        }
        "commit" => {
            a.only(&["party", "secret"])?;
            let c = commitment(a.need("party")?, &secret(a)?)?;
            out.done(&c.to_hex(), &c.to_hex(), json!({"commitment": c}));
        }
        "beacon" => {
            a.only(&["dir", "source", "value"])?;
            let work = dir(a, "dir")?;
            let plan: Plan = files::committed(&work.join(names::PLAN))?;
            let source = a.need("source")?;
            let spec = plan
                .beacons
                .iter()
                .find(|b| b.source_id == source)
                .ok_or_else(|| {
                    Error::new(
                        VerifyCode::BeaconUnknown,
                        format!("the plan names no beacon {source:?}"),
                    )
                    .with_field("source")
                    .with_value(source)
                })?;
            let value =
                canonicalize(spec.kind, a.need("value")?).map_err(|e| e.with_field("value"))?;
            append(
                &work,
                Event::Beacon {
                    attempt: 0,
                    source: source.to_owned(),
                    value: value.clone(),
                },
            )?;
            out.done(
                &format!("信标 {source} 已记录：{value}"),
                &format!("beacon {source} recorded: {value}"),
                json!({"source": source, "value": value}),
            );
        }
        "reveal" => {
            a.only(&["dir", "party", "secret"])?;
            let work = dir(a, "dir")?;
            let party = a.need("party")?;
            append(
                &work,
                Event::Reveal {
                    attempt: 0,
                    party: party.to_owned(),
                    secret: secret(a)?,
                },
            )?;
            out.done(
                &format!("{party} 的秘密值已揭示并与承诺核对一致"),
                &format!("{party} revealed; the secret matches its commitment"),
                json!({"party": party}),
            );
        }
        "seed" => {
            a.only(&["dir"])?;
            let work = dir(a, "dir")?;
            let plan: Plan = files::committed(&work.join(names::PLAN))?;
            let log: DrawLog = files::committed(&work.join(names::LOG))?;
            let (mut reveals, mut beacons) = (Vec::new(), Vec::new());
            for e in &log.entries {
                match &e.event {
                    Event::Reveal {
                        attempt: 0,
                        party,
                        secret,
                    } => {
                        reveals.push(Reveal {
                            party: party.clone(),
                            secret: *secret,
                        });
                    }
                    Event::Beacon {
                        attempt: 0,
                        source,
                        value,
                    } => {
                        beacons.push(BeaconValue {
                            source: source.clone(),
                            value: value.clone(),
                        });
                    }
                    _ => {}
                }
            }
            let seed = verify_ceremony(&plan, &reveals, &beacons, 0)?;
            files::write_hash(&work.join(names::SEED), &seed)?;
            out.done(
                &format!("种子 {seed}"),
                &format!("seed {seed}"),
                json!({"seed": seed}),
            );
        }
        _ => {
            return Err(Fail::usage(
                &format!("未知的仪式步骤 {step:?}：应为 secret、commit、beacon、reveal 或 seed"),
                &format!(
                    "unknown ceremony step {step:?}: expected secret, commit, beacon, reveal or seed"
                ),
            ));
        }
    }
    Ok(())
}

/// `draw --dir WORK`: the draw of the seed, its result document and the log's `draw`
/// entry.
///
/// # Errors
/// Usage, I/O, the draw's errors.
pub fn draw(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&["dir"])?;
    let work = dir(a, "dir")?;
    let plan: Plan = files::committed(&work.join(names::PLAN))?;
    let eligible: Vec<EligibleLeaf> = files::json(&work.join(names::ELIGIBLE))?;
    let catalog = files::catalog(&work.join(names::CATALOG))?;
    let mut log: DrawLog = files::committed(&work.join(names::LOG))?;
    let seed = files::hash(&work.join(names::SEED))?;
    let spin = out.progress("正在抽取……", "drawing…");
    let result = draw_record::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed)?;
    drop(spin);
    files::write_json(&work.join(names::RESULT), &result)?;
    save_log(&work, &log)?;
    let visits = result.draw.visits.len();
    out.done(
        &format!(
            "抽取完成：{visits} 户企业（联合检查合并后），结果哈希 {}",
            result.result_hash()?
        ),
        &format!(
            "drawn: {visits} visits (joint checks merged), result hash {}",
            result.result_hash()?
        ),
        json!({"visits": visits, "result_hash": result.result_hash()?}),
    );
    Ok(())
}

/// `publish --dir WORK --out FOLDER`: the publication folder (plan, its hash, log, its
/// head, result, eligible leaves, catalog, `receipts/<USCC>.json`).
///
/// # Errors
/// Usage, I/O, the receipts' errors.
pub fn publish(a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&["dir", "out"])?;
    let work = dir(a, "dir")?;
    let to = dir(a, "out")?;
    let plan: Plan = files::committed(&work.join(names::PLAN))?;
    let eligible: Vec<EligibleLeaf> = files::json(&work.join(names::ELIGIBLE))?;
    let excluded: Vec<ExcludedLeaf> = files::json(&work.join(names::EXCLUDED))?;
    let catalog = files::catalog(&work.join(names::CATALOG))?;
    let log: DrawLog = files::committed(&work.join(names::LOG))?;
    let result: ResultDocument = files::committed(&work.join(names::RESULT))?;
    let spin = out.progress("正在生成回执……", "writing receipts…");
    let publication = Publication::new(plan, eligible, &excluded, catalog, log, result)?;
    let n = publication.receipts.len();
    let written = publication.files()?;
    drop(spin);
    files::mkdir(&to.join(names::RECEIPTS))?;
    let bar = Progress::bar(
        out,
        written.len() as u64,
        "正在写出公示文件",
        "writing the files",
        false,
    );
    for (name, bytes) in written {
        files::write(&to.join(name), &bytes)?;
        bar.inc(1);
    }
    drop(bar);
    // The results, when recorded and disclosed (`outcomes`, `disclose`).
    for name in [
        results::result_names::OUTCOMES,
        results::result_names::DISCLOSURE,
    ] {
        if work.join(name).exists() {
            files::write(&to.join(name), &files::read(&work.join(name))?)?;
        }
    }
    let p = to.display();
    out.done(
        &format!("公示文件夹已写入 {p}（计划、日志、结果、可抽取名单、事项清单、{n} 份回执）"),
        &format!("publication folder written to {p} (plan, log, result, eligible list, catalog, {n} receipts)"),
        json!({"folder": p.to_string(), "receipts": n}),
    );
    Ok(())
}

/// `verify FOLDER`: recomputes the draw from the published files and checks every
/// receipt; the first problem is the error (and the exit code).
///
/// # Errors
/// Usage, I/O, the verification's errors.
pub fn verify(folder: &str, a: &Args, out: Out) -> Result<(), Fail> {
    a.only(&[])?;
    let d = Path::new(folder);
    let mut folder_files = BTreeMap::new();
    for name in names::FILES {
        let path = d.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => {
                folder_files.insert(name.to_owned(), bytes);
            }
            // The library names a missing file (`publication_file_missing`).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Fail::io(&path, e)),
        }
    }
    let receipts = d.join(names::RECEIPTS);
    let entries = match std::fs::read_dir(&receipts) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(Fail::io(&receipts, e)),
    };
    let entries: Vec<PathBuf> = entries;
    let bar = Progress::bar(
        out,
        entries.len() as u64,
        "正在读取回执",
        "reading receipts",
        false,
    );
    for p in entries {
        if let Some(file) = p.file_name().and_then(|f| f.to_str()) {
            folder_files.insert(format!("{}/{file}", names::RECEIPTS), files::read(&p)?);
        }
        bar.inc(1);
    }
    drop(bar);
    let spin = out.progress("正在重新计算抽取结果……", "recomputing the draw…");
    let check = Publication::verify(&folder_files)?;
    drop(spin);
    let (n, selected, visits) = (check.receipts, check.selected, check.draw.visits);
    let entries = check.log_entries;
    let mut zh = format!(
        "验证通过：计划、日志（{entries} 条）、结果（{visits} 户企业）与重新计算一致；{n} 份回执有效（{selected} 份为抽中）"
    );
    let mut en = format!(
        "verified: the plan, the log ({entries} entries) and the result ({visits} visits) match the recomputation; {n} receipts valid ({selected} selected)"
    );
    let mut v =
        json!({"verified": true, "summary": check.draw, "receipts": n, "selected": selected});
    let log: DrawLog = files::committed(&d.join(names::LOG))?;
    let result: ResultDocument = files::committed(&d.join(names::RESULT))?;
    if let Some((list, report)) = results::verify_results(d, &log, &result)? {
        let (z, e, j) = results::completeness_words(&list, &report);
        zh = format!("{zh}\n检查结果与登记一致；{z}");
        en = format!("{en}\nthe results match their commitment; {e}");
        v["disclosure"] = j;
    }
    out.done(&zh, &en, v);
    Ok(())
}
