//! The yearly task through the command line, as a clerk runs it: the sample county
//! (examples/data/huolinguole) through eligibility → plan → ceremony → draw → publish →
//! verify, each step a spawned `shuangsuiji` process. The published folder must verify
//! with the library's own verifier and hold exactly the bytes the library's functions
//! give for the same inputs; a tampered folder must fail `verify` with the family's exit
//! code. Also: teams, deadline, the eligibility tables, the language and `--json`
//! errors, and every shell block of cli/README.md.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use shuangsuiji::draw_record::{self as publish, PlanMeta, ReceiptChecker, ResultDocument};
use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::proof::{
    BeaconKind, BeaconValue, Bytes32, DrawLog, EligibleLeaf, Event, Plan, Reveal, canonicalize,
    from_committed_json, verify_ceremony,
};
use shuangsuiji::rules::{self, PlanRequest};

const PARTIES: [(&str, &str); 2] = [("dept-market", "11"), ("notary-huolinguole", "44")];
const SSQ: &str = "03 08 14 20 27 33 + 07";

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/huolinguole")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("task-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `shuangsuiji ARGS` with the locale variables removed (Chinese by default).
fn ssj(args: &[&str]) -> Output {
    ssj_env(args, &[])
}

fn ssj_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_shuangsuiji"));
    c.args(args).env("RUST_BACKTRACE", "0");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(v);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// The stdout of a successful run; stderr must stay empty (no progress bar is drawn
/// when stderr is not a terminal).
fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn secret(hex2: &str) -> String {
    hex2.repeat(32)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The meta file of the plan, with commitments from `ceremony commit`.
fn meta(dir: &Path) -> PathBuf {
    let parties: Vec<Value> = PARTIES
        .iter()
        .map(|(id, b)| {
            let c = ok(&ssj(&[
                "--json",
                "ceremony",
                "commit",
                "--party",
                id,
                "--secret",
                &secret(b),
            ]));
            let c: Value = serde_json::from_str(&c).unwrap();
            json!({"party_id": id, "commitment": c["commitment"]})
        })
        .collect();
    let meta = json!({
        "task_id": "HLGL-LH-2024-12",
        "reveal_order": "after_beacon",
        "beacons": [{"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2024151"}],
        "parties": parties,
        "max_substitutions": 2,
    });
    let p = dir.join("meta.json");
    std::fs::write(&p, serde_json::to_string_pretty(&meta).unwrap()).unwrap();
    p
}

/// The task of [`run_task`], run once for all the tests: (folder, work, publication).
fn shared() -> &'static (PathBuf, PathBuf, PathBuf) {
    static TASK: std::sync::OnceLock<(PathBuf, PathBuf, PathBuf)> = std::sync::OnceLock::new();
    TASK.get_or_init(|| {
        let dir = fresh("shared");
        let (work, public) = run_task(&dir);
        (dir, work, public)
    })
}

/// A copy of the publication folder that a test may spoil.
fn copy_of_public(name: &str) -> PathBuf {
    let to = fresh(name);
    let from = &shared().2;
    std::fs::create_dir_all(to.join("receipts")).unwrap();
    for sub in ["", "receipts"] {
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, to.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    to
}

/// The whole task; returns the work and publication folders.
fn run_task(dir: &Path) -> (PathBuf, PathBuf) {
    let (work, public) = (dir.join("work"), dir.join("public"));
    let report = dir.join("report.json");
    let d = data();
    ok(&ssj(&[
        "eligibility",
        "--request",
        s(&fixture("request.json")),
        "--catalog",
        s(&d.join("catalog.json")),
        "--roster",
        s(&d.join("enterprises-gbk.csv")),
        "--history",
        s(&d.join("history.csv")),
        "-o",
        s(&report),
        "--csv",
        s(&dir.join("list.csv")),
        "--xlsx",
        s(&dir.join("list.xlsx")),
    ]));
    let meta = meta(dir);
    ok(&ssj(&[
        "plan",
        "--report",
        s(&report),
        "--catalog",
        s(&d.join("catalog.json")),
        "--inspectors",
        s(&d.join("inspectors.csv")),
        "--meta",
        s(&meta),
        "--dir",
        s(&work),
    ]));
    ok(&ssj(&[
        "ceremony",
        "beacon",
        "--dir",
        s(&work),
        "--source",
        "ssq",
        "--value",
        SSQ,
    ]));
    for (id, b) in PARTIES {
        ok(&ssj(&[
            "ceremony",
            "reveal",
            "--dir",
            s(&work),
            "--party",
            id,
            "--secret",
            &secret(b),
        ]));
    }
    ok(&ssj(&["ceremony", "seed", "--dir", s(&work)]));
    ok(&ssj(&["draw", "--dir", s(&work)]));
    ok(&ssj(&["publish", "--dir", s(&work), "--out", s(&public)]));
    (work, public)
}

fn pretty<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

fn read(name: &str) -> (Vec<u8>, ReadOptions) {
    (
        std::fs::read(data().join(name)).unwrap(),
        ReadOptions::named(name),
    )
}

#[test]
fn the_task_end_to_end_publishes_what_the_library_gives_and_verifies() {
    let (dir, _, public) = shared();

    // The same task through the library's own functions.
    let (b, o) = read("catalog.json");
    let catalog = intake::read_catalog(&b, &o).unwrap();
    let (b, o) = read("enterprises-gbk.csv");
    let roster = intake::read_enterprises(&b, &o).unwrap();
    let (b, o) = read("inspectors.csv");
    let inspectors = intake::read_inspectors(&b, &o).unwrap();
    let (b, o) = read("history.csv");
    let history = intake::read_history(&b, &o).unwrap();
    let request: PlanRequest =
        serde_json::from_slice(&std::fs::read(fixture("request.json")).unwrap()).unwrap();
    let report = rules::eligibility(&request, &catalog, &roster, &history).unwrap();
    let meta: PlanMeta =
        serde_json::from_slice(&std::fs::read(dir.join("meta.json")).unwrap()).unwrap();
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta).unwrap();
    let hash = plan.plan_hash().unwrap();
    let eligible = publish::eligible_leaves(&report);
    let excluded = publish::excluded_leaves(&report);
    let mut log = DrawLog::new(hash).unwrap();
    let value = canonicalize(BeaconKind::CwlSsq, SSQ).unwrap();
    log.append(Event::Beacon {
        attempt: 0,
        source: "ssq".into(),
        value: value.clone(),
    })
    .unwrap();
    let reveals: Vec<Reveal> = PARTIES
        .iter()
        .map(|(id, b)| Reveal {
            party: (*id).into(),
            secret: Bytes32::from_hex(&secret(b)).unwrap(),
        })
        .collect();
    for r in &reveals {
        log.append(Event::Reveal {
            attempt: 0,
            party: r.party.clone(),
            secret: r.secret,
        })
        .unwrap();
    }
    let seed = verify_ceremony(
        &plan,
        &reveals,
        &[BeaconValue {
            source: "ssq".into(),
            value,
        }],
        0,
    )
    .unwrap();
    let result = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed).unwrap();
    let receipts = publish::receipts(&plan, &eligible, &excluded, &result).unwrap();

    let file = |n: &str| std::fs::read_to_string(public.join(n)).unwrap();
    assert_eq!(
        file("result.json"),
        pretty(&result),
        "result.json differs from the library's"
    );
    assert_eq!(file("plan.json"), pretty(&plan));
    assert_eq!(file("plan.hash"), format!("{hash}\n"));
    assert_eq!(file("log.json"), pretty(&log));
    assert_eq!(file("log.head"), format!("{}\n", log.head().unwrap()));
    assert_eq!(file("eligible.json"), pretty(&eligible));
    assert_eq!(file("catalog.json"), pretty(&catalog));
    assert_eq!(
        std::fs::read_dir(public.join("receipts")).unwrap().count(),
        receipts.len()
    );
    for r in &receipts {
        assert_eq!(file(&format!("receipts/{}.json", r.uscc)), pretty(r));
    }

    // The published files verify with the library's verifier, read as verifiers read them.
    let plan2: Plan = from_committed_json(file("plan.json").as_bytes()).unwrap();
    let log2: DrawLog = from_committed_json(file("log.json").as_bytes()).unwrap();
    let result2: ResultDocument = from_committed_json(file("result.json").as_bytes()).unwrap();
    let eligible2: Vec<EligibleLeaf> = serde_json::from_str(&file("eligible.json")).unwrap();
    let catalog2 = intake::read_catalog(
        file("catalog.json").as_bytes(),
        &ReadOptions::named("catalog.json"),
    )
    .unwrap();
    let head2 = Bytes32::from_hex(file("log.head").trim()).unwrap();
    let summary = publish::verify_draw(
        &plan2, &hash, &catalog2, &log2, &head2, &eligible2, &result2,
    )
    .unwrap();
    let checker = ReceiptChecker::new(&plan2, &result2).unwrap();
    let selected = receipts
        .iter()
        .filter(|r| checker.verify(r).unwrap().selected())
        .count();
    assert_eq!(
        u64::try_from(result.draw.visits.len()).unwrap(),
        summary.visits
    );

    // ... and with the command line's `verify`.
    let out = ok(&ssj(&["--json", "verify", s(public)]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verified"], true, "{v}");
    assert_eq!(v["receipts"], receipts.len());
    assert_eq!(v["selected"], selected);
    let zh = ok(&ssj(&["verify", s(public)]));
    assert!(zh.starts_with("验证通过："), "{zh}");
    let en = ok(&ssj_env(&["verify", s(public)], &[("LANG", "en_US.UTF-8")]));
    assert!(en.starts_with("verified: "), "{en}");
    // --lang wins over the environment.
    let zh = ok(&ssj_env(
        &["--lang", "zh", "verify", s(public)],
        &[("LC_ALL", "en_GB.UTF-8")],
    ));
    assert!(zh.starts_with("验证通过："), "{zh}");

    // The eligibility tables: one row per item and enterprise, Chinese headers.
    let csv = std::fs::read(dir.join("list.csv")).unwrap();
    let csv = String::from_utf8(csv.strip_prefix(b"\xEF\xBB\xBF").unwrap().to_vec()).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        rows[0],
        "检查事项,统一社会信用代码,企业名称,结果,分层,原因代码,原因"
    );
    let pairs: usize = report
        .items
        .iter()
        .map(|i| {
            i.strata.iter().map(|s| s.eligible.len()).sum::<usize>()
                + i.forced_in.len()
                + i.excluded.len()
        })
        .sum();
    assert_eq!(rows.len() - 1, pairs);
    let capped = rows
        .iter()
        .find(|r| r.contains(",排除,,yearly_cap_reached,"))
        .expect("a capped enterprise");
    assert!(capped.ends_with(",本年度抽查次数已达上限"), "{capped}");
    assert!(
        std::fs::read(dir.join("list.xlsx"))
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
}

#[test]
fn a_tampered_folder_fails_verify_with_the_family_exit_code() {
    let public = copy_of_public("tamper");

    // A selected visit removed from the result: `verify` family, exit 14.
    let path = public.join("result.json");
    let mut result: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    result["draw"]["visits"].as_array_mut().unwrap().pop();
    std::fs::write(&path, serde_json::to_string_pretty(&result).unwrap()).unwrap();
    let out = ssj(&["--json", "verify", s(&public)]);
    assert_eq!(out.status.code(), Some(14), "{out:?}");
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["family"], "verify", "{e}");
    let out = ssj(&["verify", s(&public)]);
    assert_eq!(out.status.code(), Some(14));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("错误："));

    // A receipt of another plan: also refused, naming the receipt's file.
    let public = copy_of_public("tamper-receipt");
    ok(&ssj(&["verify", s(&public)]));
    let receipt = std::fs::read_dir(public.join("receipts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut r: Value = serde_json::from_slice(&std::fs::read(&receipt).unwrap()).unwrap();
    r["plan_hash"] = json!("00".repeat(32));
    std::fs::write(&receipt, serde_json::to_string_pretty(&r).unwrap()).unwrap();
    let out = ssj(&["--json", "verify", s(&public)]);
    assert_eq!(out.status.code(), Some(14), "{out:?}");
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    let field = e["error"]["details"]["field"].as_str().unwrap_or_default();
    assert!(
        field.starts_with("receipts/") && field.contains(".json"),
        "{e}"
    );

    // A missing file of the publication is named by the library (verify family).
    std::fs::remove_file(public.join("log.head")).unwrap();
    let out = ssj(&["--json", "verify", s(&public)]);
    assert_eq!(out.status.code(), Some(14), "{out:?}");
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "publication_file_missing", "{e}");
    assert_eq!(e["error"]["details"]["field"], "log.head", "{e}");
}

#[test]
fn the_ceremony_refuses_what_would_not_verify_and_writes_nothing() {
    let dir = fresh("ceremony");
    let d = data();
    let report = dir.join("report.json");
    ok(&ssj(&[
        "eligibility",
        "--request",
        s(&fixture("request.json")),
        "--catalog",
        s(&d.join("catalog.json")),
        "--roster",
        s(&d.join("enterprises.csv")),
        "-o",
        s(&report),
    ]));
    let (cat, insp, m) = (d.join("catalog.json"), d.join("inspectors.csv"), meta(&dir));
    let work = dir.join("work");
    let plan_args = [
        "plan",
        "--report",
        s(&report),
        "--catalog",
        s(&cat),
        "--inspectors",
        s(&insp),
        "--meta",
        s(&m),
        "--dir",
        s(&work),
    ];
    ok(&ssj(&plan_args));
    // A plan is never rewritten over its log.
    assert_eq!(ssj(&plan_args).status.code(), Some(2));
    let log = std::fs::read(work.join("log.json")).unwrap();
    // Reveal before the beacon (the plan says after), a wrong secret, an unknown beacon:
    // refused with the `verify` family, the log unchanged.
    let (id, b) = PARTIES[0];
    let out = ssj(&[
        "ceremony",
        "reveal",
        "--dir",
        s(&work),
        "--party",
        id,
        "--secret",
        &secret(b),
    ]);
    assert_eq!(out.status.code(), Some(14), "{out:?}");
    ok(&ssj(&[
        "ceremony",
        "beacon",
        "--dir",
        s(&work),
        "--source",
        "ssq",
        "--value",
        SSQ,
    ]));
    let log = std::fs::read(work.join("log.json"))
        .unwrap()
        .len()
        .max(log.len());
    let out = ssj(&[
        "--json",
        "ceremony",
        "reveal",
        "--dir",
        s(&work),
        "--party",
        id,
        "--secret",
        &secret("12"),
    ]);
    assert_eq!(out.status.code(), Some(14));
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "reveal_mismatch", "{e}");
    let out = ssj(&[
        "--json",
        "ceremony",
        "beacon",
        "--dir",
        s(&work),
        "--source",
        "dlt",
        "--value",
        "1",
    ]);
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["error"]["code"],
        "beacon_unknown"
    );
    assert_eq!(std::fs::read(work.join("log.json")).unwrap().len(), log);
    // The seed needs every reveal.
    let out = ssj(&["--json", "ceremony", "seed", "--dir", s(&work)]);
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["error"]["code"],
        "reveal_missing"
    );
    // Usage errors: exit 2, in the chosen language.
    let out = ssj(&["ceremony", "shuffle", "--dir", s(&work)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("用法错误：")
    );
    let out = ssj(&["--lang", "en", "draw"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "usage error: missing option --dir (shuangsuiji --help)\n"
    );
    assert_eq!(
        ssj(&["draw", "--dir", s(&work), "--bogus", "1"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn teams_and_deadline() {
    let dir = fresh("teams");
    let work = &shared().1;
    let teams = dir.join("teams.json");
    let out = ok(&run_teams(&work.join("result.json"), &teams, &["--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let written: Value = serde_json::from_slice(&std::fs::read(&teams).unwrap()).unwrap();
    assert_eq!(v["teams"], written["teams"].as_array().unwrap().len());
    let result: Value =
        serde_json::from_slice(&std::fs::read(work.join("result.json")).unwrap()).unwrap();
    assert_eq!(
        v["teams"],
        result["draw"]["visits"].as_array().unwrap().len()
    );

    // 20 working days from 2024-09-27, across 国庆 and its make-up days: the library's date.
    let out = ok(&ssj(&["deadline", "result_publication", "2024-09-27"]));
    let due = shuangsuiji::enforcement::deadline(
        &shuangsuiji::enforcement::Calendar::national().unwrap(),
        shuangsuiji::enforcement::DeadlineKind::ResultPublication,
        "2024-09-27".parse().unwrap(),
    )
    .unwrap()
    .due;
    assert_eq!(
        out,
        format!("自 2024-09-27 起（当日不计），截止日期 {due}\n")
    );
    let out = ok(&ssj(&[
        "--json",
        "deadline",
        "result_publication",
        "2024-09-27",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], due.to_string());
    let out = ssj(&["--json", "deadline", "no_such_kind", "2024-09-27"]);
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["details"]["field"], "kind", "{e}");
    assert_eq!(out.status.code(), Some(i32::from(family(&e))));
}

fn family(e: &Value) -> u8 {
    match e["error"]["family"].as_str().unwrap() {
        "input" => 10,
        "validation" => 11,
        "enforcement" => 16,
        other => panic!("{other}"),
    }
}

/// The ```bash blocks of cli/README.md, in order, in a folder holding the files they
/// name, with this build's `shuangsuiji` first on PATH: they run and say what they say.
#[test]
fn readme_blocks_run() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut script = String::from("set -euo pipefail\n");
    let mut inside = false;
    for line in readme.lines() {
        match (inside, line) {
            (false, "```bash") => inside = true,
            (true, "```") => inside = false,
            (true, l) => {
                script.push_str(l);
                script.push('\n');
            }
            _ => {}
        }
    }
    assert!(script.contains("shuangsuiji verify"), "{script}");
    let dir = fresh("readme");
    for f in [
        "catalog.json",
        "enterprises-gbk.csv",
        "inspectors.csv",
        "history.csv",
    ] {
        std::fs::copy(data().join(f), dir.join(f)).unwrap();
    }
    for f in ["request.json", "staffing.json", "workplan.json"] {
        std::fs::copy(fixture(f), dir.join(f)).unwrap();
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_shuangsuiji"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("bash");
    c.arg("-c")
        .arg(&script)
        .current_dir(&dir)
        .env("PATH", path)
        .env("RUST_BACKTRACE", "0");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(v);
    }
    let out = c.output().unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout.contains("6 个检查事项：可抽取 10562 项次，排除 1438 项次；报告已写入 report.json"),
        "{stdout}"
    );
    assert!(
        stdout.contains("信标 ssq 已记录：03.08.14.20.27.33+07"),
        "{stdout}"
    );
    assert!(stdout.contains("验证通过：计划、日志（5 条）"), "{stdout}");
    assert!(stdout.contains("2000 份回执"), "{stdout}");
    assert!(stdout.contains("截止日期 2024-10-30\n"), "{stdout}");
    assert!(stdout.contains(r#""due":"2024-10-30""#), "{stdout}");
    assert!(stdout.contains("exit 14"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: ") && stderr.contains("(verify)"),
        "{stderr}"
    );
    assert!(dir.join("公示/receipts").is_dir() && dir.join("抽查对象.xlsx").is_file());
    // After the draw: substitution, work plan, results, the 公示 list, verified again.
    for line in [
        "替补完成：第 1 版抽取结果，日志新增 ",
        "工作方案已写入 工作方案.json：检查时间 2025-01-06 至 ",
        "条检查结果（共 ",
        "\n检查结果与登记一致；截至 2025-06-30 的公示名单：",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
    for f in [
        "公示/outcomes.json",
        "公示/disclosure.json",
        "公示名单.csv",
        "公示名单.xlsx",
        "检查结果.csv",
        "检查结果.xlsx",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
}

#[test]
fn help_is_chinese_by_default_and_english_for_an_english_locale() {
    let zh = ok(&ssj(&["--help"]));
    assert!(
        zh.contains("\n用法：\n") && zh.contains("shuangsuiji verify 公示文件夹"),
        "{zh}"
    );
    for (k, v) in [
        ("LANG", "en_US.UTF-8"),
        ("LC_ALL", "en"),
        ("LC_MESSAGES", "en_GB"),
    ] {
        let en = ok(&ssj_env(&["publish", "--help"], &[(k, v)]));
        assert!(
            en.contains("\nusage:\n") && en.contains("shuangsuiji verify FOLDER"),
            "{k}: {en}"
        );
    }
    // Any other language set explicitly is English too.
    for (k, v) in [
        ("LANG", "fr_FR.UTF-8"),
        ("LC_ALL", "de_DE@euro"),
        ("LC_MESSAGES", "ja_JP"),
    ] {
        let en = ok(&ssj_env(&["--help"], &[(k, v)]));
        assert!(en.contains("\nusage:\n"), "{k}={v}: {en}");
    }
    // Unset, C, POSIX and zh* locales are Chinese; --lang wins over the locale.
    for (k, v) in [
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C"),
        ("LANG", "POSIX"),
        ("LANG", "zh_CN.UTF-8"),
        ("LC_MESSAGES", "zh_TW.UTF-8"),
        ("LANG", ""),
    ] {
        assert_eq!(ok(&ssj_env(&["--help"], &[(k, v)])), zh, "{k}={v}");
    }
    assert_eq!(
        ok(&ssj_env(
            &["--lang", "en", "--help"],
            &[("LANG", "zh_CN.UTF-8")]
        )),
        ok(&ssj_env(&["--help"], &[("LANG", "en_US.UTF-8")]))
    );
    // Errors follow the same choice.
    let out = ssj_env(&["draw"], &[("LANG", "fr_FR.UTF-8")]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "usage error: missing option --dir (shuangsuiji --help)\n"
    );
    let out = ssj_env(&["draw"], &[("LC_ALL", "POSIX")]);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("用法错误：")
    );
    assert_eq!(
        ok(&ssj_env(
            &["--help", "--lang", "zh"],
            &[("LC_ALL", "en_US.UTF-8")]
        )),
        zh
    );
    // LC_ALL is looked at before LANG.
    assert_eq!(
        ok(&ssj_env(
            &["--help"],
            &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]
        )),
        zh
    );
}

#[test]
fn ceremony_secret_is_fresh_hex_that_commit_accepts() {
    let a = ok(&ssj(&["ceremony", "secret"]));
    let b: Value = serde_json::from_str(&ok(&ssj(&["--json", "ceremony", "secret"]))).unwrap();
    let a = a.trim_end();
    assert_eq!(a.len(), 64);
    assert!(
        a.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)),
        "{a}"
    );
    assert_ne!(a, b["secret"].as_str().unwrap());
    ok(&ssj(&[
        "ceremony",
        "commit",
        "--party",
        "dept-market",
        "--secret",
        a,
    ]));
}

fn read_json(p: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// One record per department of the team of `uscc`: every member present, every item
/// of the department in the visit found without problem.
fn records_of(teams: &Value, result: &Value, uscc: &str, departments: &[&str]) -> Vec<Value> {
    let team = teams["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["uscc"] == uscc)
        .unwrap();
    let visit = result["draw"]["visits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["uscc"] == uscc)
        .unwrap();
    let officers: Vec<&Value> = team["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["inspector"])
        .collect();
    team["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["department"].as_str().unwrap())
        .filter(|d| departments.is_empty() || departments.contains(d))
        .map(|d| {
            let findings: Vec<Value> = visit["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["department"] == d)
                .map(|i| json!({"item_id": i["item_id"], "category": "no_problem"}))
                .collect();
            json!({"uscc": uscc, "department": d, "date": "2025-01-08",
                   "recorded_on": "2025-01-10", "officers": officers, "findings": findings})
        })
        .collect()
}

/// After the draw, as a clerk goes on: a drawn enterprise deregistered and replaced
/// (`substitute`), teams for the revised result, the work plan with its routes, the
/// departments' results in two batches (`outcomes`, each committed to the log), the 公示
/// list (`disclose`), publish again and `verify` the folder again — draw and results.
/// Each file is what the library's functions give for the same inputs.
#[test]
fn after_the_draw_substitute_record_disclose_publish_and_verify_again() {
    let dir = fresh("results");
    let (work, _) = run_task(&dir);
    let d = data();
    let first: Value = read_json(&work.join("result.json"));
    let gone = first["draw"]["visits"][0]["uscc"]
        .as_str()
        .unwrap()
        .to_owned();

    // Substitution: a new revision, the log's new entries, the library's bytes.
    let requests = dir.join("requests.json");
    std::fs::write(
        &requests,
        json!([{"uscc": gone, "reason": "deregistered_after_draw", "evidence": "注销登记 2025-01-02"}])
            .to_string(),
    )
    .unwrap();
    let plan: Plan = from_committed_json(&std::fs::read(work.join("plan.json")).unwrap()).unwrap();
    let eligible: Vec<EligibleLeaf> =
        serde_json::from_value(read_json(&work.join("eligible.json"))).unwrap();
    let catalog = intake::read_catalog(
        &std::fs::read(work.join("catalog.json")).unwrap(),
        &ReadOptions::named("catalog.json"),
    )
    .unwrap();
    let mut log: DrawLog =
        from_committed_json(&std::fs::read(work.join("log.json")).unwrap()).unwrap();
    let current: ResultDocument =
        from_committed_json(&std::fs::read(work.join("result.json")).unwrap()).unwrap();
    let reqs: Vec<shuangsuiji::draw::SubstitutionRequest> =
        serde_json::from_slice(&std::fs::read(&requests).unwrap()).unwrap();
    let revised =
        publish::publish_substitutions(&plan, &eligible, &catalog, &mut log, &current, &reqs)
            .unwrap();
    let before = std::fs::read(work.join("log.json")).unwrap();
    let out = ok(&ssj(&[
        "substitute",
        "--dir",
        s(&work),
        "--requests",
        s(&requests),
    ]));
    assert!(
        out.starts_with("替补完成：第 1 版抽取结果，日志新增 "),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(work.join("result.json")).unwrap(),
        pretty(&revised)
    );
    assert_eq!(
        std::fs::read_to_string(work.join("log.json")).unwrap(),
        pretty(&log)
    );
    assert_ne!(std::fs::read(work.join("log.json")).unwrap(), before);
    // The same request again: the enterprise is no longer drawn; refused, nothing written.
    let again = ssj(&[
        "--json",
        "substitute",
        "--dir",
        s(&work),
        "--requests",
        s(&requests),
    ]);
    let e: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again.status.code(), Some(13), "{e}");
    assert_eq!(
        std::fs::read_to_string(work.join("log.json")).unwrap(),
        pretty(&log)
    );

    // Teams and the work plan for the revised result.
    let teams = dir.join("teams.json");
    ok(&run_teams(&work.join("result.json"), &teams, &[]));
    let wp = dir.join("workplan.json");
    let out = ok(&ssj(&[
        "workplan",
        "--request",
        s(&fixture("workplan.json")),
        "--catalog",
        s(&d.join("catalog.json")),
        "--roster",
        s(&d.join("enterprises.csv")),
        "--inspectors",
        s(&d.join("inspectors.csv")),
        "--result",
        s(&work.join("result.json")),
        "--teams",
        s(&teams),
        "-o",
        s(&wp),
    ]));
    assert!(
        out.starts_with(&format!(
            "工作方案已写入 {}：检查时间 2025-01-06 至 ",
            s(&wp)
        )),
        "{out}"
    );
    let plan_doc = read_json(&wp);
    let stops: usize = plan_doc["team_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["stops"].as_array().unwrap().len())
        .sum();
    assert_eq!(stops, revised.draw.visits.len());

    // Results in two batches: market first, then the other departments of the same visits.
    let teams_v = read_json(&teams);
    let result_v = read_json(&work.join("result.json"));
    let visits: Vec<String> = result_v["draw"]["visits"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|v| v["uscc"].as_str().unwrap().to_owned())
        .collect();
    let batch = |deps: &[&str], other: bool| -> Vec<Value> {
        visits
            .iter()
            .flat_map(|u| records_of(&teams_v, &result_v, u, &[]))
            .filter(|r| deps.contains(&r["department"].as_str().unwrap()) != other)
            .collect()
    };
    let (market, rest) = (batch(&["market"], false), batch(&["market"], true));
    assert!(!market.is_empty() && !rest.is_empty());
    let window = ["--from", "2025-01-06", "--to", "2025-01-24"];
    for (name, records) in [("market.json", &market), ("rest.json", &rest)] {
        let p = dir.join(name);
        std::fs::write(&p, serde_json::to_string(records).unwrap()).unwrap();
        let mut args = vec![
            "--json",
            "outcomes",
            "--dir",
            s(&work),
            "--teams",
            s(&teams),
            "--records",
            s(&p),
        ];
        args.extend(window);
        let v: Value = serde_json::from_str(&ok(&ssj(&args))).unwrap();
        assert_eq!(v["recorded"], records.len(), "{v}");
    }
    let set: shuangsuiji::outcomes::OutcomeSet =
        from_committed_json(&std::fs::read(work.join("outcomes.json")).unwrap()).unwrap();
    assert_eq!(set.records.len(), market.len() + rest.len());
    let log: DrawLog = from_committed_json(&std::fs::read(work.join("log.json")).unwrap()).unwrap();
    let outcome_events = log
        .entries
        .iter()
        .filter(|e| matches!(e.event, Event::Outcomes { .. }))
        .count();
    assert_eq!(outcome_events, 2, "one commitment per batch");
    // A batch recorded twice: refused with the catalogue's code, nothing written.
    let p = dir.join("market.json");
    let mut args = vec![
        "--json",
        "outcomes",
        "--dir",
        s(&work),
        "--teams",
        s(&teams),
        "--records",
        s(&p),
    ];
    args.extend(window);
    let out = ssj(&args);
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["family"], "outcome", "{e}");
    assert_eq!(out.status.code(), Some(20), "{e}");
    assert_eq!(
        std::fs::read_to_string(work.join("log.json")).unwrap(),
        pretty(&log)
    );

    // The 公示 list: the library's list, its tables, its completeness.
    let csv = dir.join("公示.csv");
    let xlsx = dir.join("公示.xlsx");
    let out = ok(&ssj(&[
        "disclose",
        "--dir",
        s(&work),
        "--as-of",
        "2025-03-31",
        "--csv",
        s(&csv),
        "--xlsx",
        s(&xlsx),
    ]));
    let revised: ResultDocument =
        from_committed_json(&std::fs::read(work.join("result.json")).unwrap()).unwrap();
    let list =
        shuangsuiji::disclosure::disclose(&revised.draw, &set, "2025-03-31".parse().unwrap())
            .unwrap();
    assert_eq!(
        std::fs::read_to_string(work.join("disclosure.json")).unwrap(),
        pretty(&list)
    );
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        shuangsuiji::disclosure::disclosure_csv(&list).unwrap()
    );
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        shuangsuiji::disclosure::disclosure_xlsx(&list).unwrap()
    );
    assert!(out.starts_with("截至 2025-03-31 的公示名单："), "{out}");
    assert!(out.trim_end().ends_with("；不齐全"), "{out}");

    // Publish again and verify: the draw and the results.
    let public = dir.join("public2");
    ok(&ssj(&["publish", "--dir", s(&work), "--out", s(&public)]));
    for f in ["outcomes.json", "disclosure.json"] {
        assert_eq!(
            std::fs::read(public.join(f)).unwrap(),
            std::fs::read(work.join(f)).unwrap()
        );
    }
    let out = ok(&ssj(&["verify", s(&public)]));
    assert!(out.starts_with("验证通过："), "{out}");
    assert!(
        out.contains("\n检查结果与登记一致；截至 2025-03-31 的公示名单："),
        "{out}"
    );
    let v: Value = serde_json::from_str(&ok(&ssj(&["--json", "verify", s(&public)]))).unwrap();
    assert_eq!(v["disclosure"]["completeness"]["complete"], false, "{v}");
    assert_eq!(v["disclosure"]["records"], list.records.len());

    // A changed result in the 公示 list: refused (outcome family), naming the difference.
    let path = public.join("disclosure.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"no_problem\"", "\"corrected\"", 1)).unwrap();
    let out = ssj(&["--json", "verify", s(&public)]);
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "disclosure_mismatch", "{e}");
    assert_eq!(out.status.code(), Some(20));
    // One of the two files alone: the other is named missing.
    std::fs::remove_file(&path).unwrap();
    let out = ssj(&["--json", "verify", s(&public)]);
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "publication_file_missing", "{e}");
    assert_eq!(e["error"]["details"]["field"], "disclosure.json", "{e}");
}

/// Progress bars: drawn on stderr in a terminal (a pseudo-terminal from util-linux's
/// `script`), never otherwise — stdout is the same either way, and a large file that is
/// read with a bar in a terminal gives the same error as without one.
#[test]
fn progress_bars_only_in_a_terminal() {
    let public = &shared().2;
    let plain = ok(&ssj(&["verify", s(public)]));
    if Path::new("/usr/bin/script").exists() {
        let cmd = format!(
            "{} verify {} 2>&1",
            env!("CARGO_BIN_EXE_shuangsuiji"),
            s(public)
        );
        let tty = ssj_env_cmd(
            "/usr/bin/script",
            &["-qec", &cmd, "/dev/null"],
            &[("TERM", "xterm")],
        );
        let text = String::from_utf8_lossy(&tty.stdout);
        assert!(
            text.contains("正在读取回执 [") && text.contains("/2000"),
            "{text}"
        );
        assert!(text.replace("\r\n", "\n").ends_with(&plain), "{text}");
        // TERM=dumb: no bar even in a terminal.
        let dumb = ssj_env_cmd(
            "/usr/bin/script",
            &["-qec", &cmd, "/dev/null"],
            &[("TERM", "dumb")],
        );
        assert_eq!(
            String::from_utf8_lossy(&dumb.stdout).replace("\r\n", "\n"),
            plain
        );
    } else {
        eprintln!("no /usr/bin/script: the terminal half of this test is skipped");
    }
    // A roster over the bar's threshold (1 MiB) that is not a roster: the reader's error
    // alone on stderr.
    let dir = fresh("big");
    let big = dir.join("big.csv");
    std::fs::write(&big, "a,b\n".repeat(300_000)).unwrap();
    let out = ssj(&[
        "--json",
        "eligibility",
        "--request",
        s(&fixture("request.json")),
        "--catalog",
        s(&data().join("catalog.json")),
        "--roster",
        s(&big),
    ]);
    assert!(out.stderr.is_empty(), "{out:?}");
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["family"], "input", "{e}");
    assert_eq!(e["error"]["details"]["file"], "big.csv", "{e}");
}

fn ssj_env_cmd(program: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(program);
    c.args(args).env("RUST_BACKTRACE", "0");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(v);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Every error code the golden vectors expect: the bad-input catalogue
/// (tests/vectors/errors) and the error cases of the operation vectors — objects with a
/// `code` and a `family`.
fn catalogue_codes() -> std::collections::BTreeSet<String> {
    fn walk(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                if let (Some(Value::String(c)), Some(Value::String(_))) =
                    (m.get("code"), m.get("family"))
                {
                    out.insert(c.clone());
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    fn files(d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
        &mut paths,
    );
    let mut codes = std::collections::BTreeSet::new();
    for p in paths {
        if let Ok(v) = serde_json::from_slice::<Value>(&std::fs::read(&p).unwrap()) {
            walk(&v, &mut codes);
        }
    }
    codes
}

/// A fresh folder holding a copy of the drawn work folder (`work`) and the teams of its
/// result (`teams.json`): (folder, work, teams).
fn drawn_work_with_teams(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = fresh(name);
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    for e in std::fs::read_dir(&shared().1).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, work.join(p.file_name().unwrap())).unwrap();
    }
    let teams = dir.join("teams.json");
    ok(&run_teams(&work.join("result.json"), &teams, &[]));
    (dir, work, teams)
}

/// `shuangsuiji [first…] teams` for `result` with the sample roster, inspectors, history
/// and staffing, written to `teams`.
fn run_teams(result: &Path, teams: &Path, first: &[&str]) -> std::process::Output {
    let d = data();
    let mut args: Vec<&str> = first.to_vec();
    let (result, teams) = (s(result).to_owned(), s(teams).to_owned());
    let (roster, inspectors, history, staffing) = (
        s(&d.join("enterprises.csv")).to_owned(),
        s(&d.join("inspectors.csv")).to_owned(),
        s(&d.join("history.csv")).to_owned(),
        s(&fixture("staffing.json")).to_owned(),
    );
    args.extend([
        "teams",
        "--result",
        &result,
        "--roster",
        &roster,
        "--inspectors",
        &inspectors,
        "--history",
        &history,
        "--staffing",
        &staffing,
        "-o",
        &teams,
    ]);
    ssj(&args)
}

/// Bad inputs of `substitute`, `outcomes`, `disclose` and `workplan`: each refused with
/// the code the golden vectors give for the same fault, its family's exit code, and the
/// work folder unchanged.
#[test]
fn bad_inputs_of_the_results_subcommands_give_the_catalogue_codes() {
    let known = catalogue_codes();
    let (dir, work, teams) = drawn_work_with_teams("results-bad");
    let d = data();
    let (teams_v, result_v) = (read_json(&teams), read_json(&work.join("result.json")));
    let drawn = result_v["draw"]["visits"][0]["uscc"]
        .as_str()
        .unwrap()
        .to_owned();
    let good = records_of(&teams_v, &result_v, &drawn, &["market"]);
    let snapshot = || {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&work)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (s(&p).to_owned(), std::fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    let file = |name: &str, text: String| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let with = |f: &dyn Fn(&mut Value)| {
        let mut r = json!(good);
        f(&mut r[0]);
        r.to_string()
    };
    let not_drawn = read_json(&work.join("eligible.json"))
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uscc"].as_str().unwrap().to_owned())
        .find(|u| {
            result_v["draw"]["visits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|v| v["uscc"] != *u)
        })
        .unwrap();
    let window = ["--from", "2025-01-06", "--to", "2025-01-24"];
    let outcomes = |records: &Path, extra: &[&str]| {
        let mut a = vec![
            "--json",
            "outcomes",
            "--dir",
            s(&work),
            "--teams",
            s(&teams),
            "--records",
            s(records),
        ];
        a.extend(window);
        a.extend(extra.iter().copied());
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let cases: Vec<(&str, Vec<String>, &str)> = vec![
        (
            "substitution reason not in the table",
            vec![
                "--json".into(),
                "substitute".into(),
                "--dir".into(),
                s(&work).into(),
                "--requests".into(),
                s(&file(
                    "r1.json",
                    json!([{"uscc": drawn, "reason": "moved_away"}]).to_string(),
                ))
                .into(),
            ],
            "substitution_reason_unknown",
        ),
        (
            "substitution of an enterprise not drawn",
            vec![
                "--json".into(),
                "substitute".into(),
                "--dir".into(),
                s(&work).into(),
                "--requests".into(),
                s(&file(
                    "r2.json",
                    json!([{"uscc": not_drawn, "reason": "unreachable"}]).to_string(),
                ))
                .into(),
            ],
            "substitute_not_selected",
        ),
        (
            "records file that is not JSON",
            outcomes(&file("o0.json", "[{".into()), &[]),
            "json_syntax",
        ),
        (
            "a result for an enterprise not drawn",
            outcomes(
                &file("o1.json", with(&|r| r["uscc"] = json!(not_drawn))),
                &[],
            ),
            "outcome_not_drawn",
        ),
        (
            "a check date after the window",
            outcomes(
                &file(
                    "o2.json",
                    with(&|r| {
                        r["date"] = json!("2025-01-27");
                        r["recorded_on"] = json!("2025-01-28");
                    }),
                ),
                &[],
            ),
            "outcome_date_outside_window",
        ),
        (
            "a category not in the table",
            outcomes(
                &file(
                    "o3.json",
                    with(&|r| r["findings"][0]["category"] = json!("fine")),
                ),
                &[],
            ),
            "finding_category_unknown",
        ),
        (
            "one officer present",
            outcomes(
                &file(
                    "o4.json",
                    with(&|r| {
                        let first = r["officers"][0].clone();
                        r["officers"] = json!([first]);
                    }),
                ),
                &[],
            ),
            "outcome_officers_short",
        ),
        (
            "a window date that is not a date",
            outcomes(
                &file("o5.json", json!(good).to_string()),
                &["--to", "2025-02-30"],
            ),
            "json_shape",
        ),
        (
            "disclose: a date that is not a date",
            vec![
                "--json".into(),
                "disclose".into(),
                "--dir".into(),
                s(&work).into(),
                "--as-of".into(),
                "31.03.2025".into(),
            ],
            "json_shape",
        ),
        (
            "workplan: a lead department that takes no part",
            vec![
                "--json".into(),
                "workplan".into(),
                "--request".into(),
                s(&file("wp.json", {
                    let mut r = read_json(&fixture("workplan.json"));
                    r["lead_department"] = json!("tax");
                    r.to_string()
                }))
                .into(),
                "--catalog".into(),
                s(&d.join("catalog.json")).into(),
                "--roster".into(),
                s(&d.join("enterprises.csv")).into(),
                "--inspectors".into(),
                s(&d.join("inspectors.csv")).into(),
                "--result".into(),
                s(&work.join("result.json")).into(),
                "--teams".into(),
                s(&teams).into(),
            ],
            "workplan_request_invalid",
        ),
    ];
    for (what, args, code) in cases {
        assert!(
            known.contains(code),
            "{code} is not a code of the golden vectors"
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ssj(&args);
        let e: Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{what}: {out:?}"));
        assert_eq!(e["error"]["code"], code, "{what}: {e}");
        let family = e["error"]["family"].as_str().unwrap();
        let exit = match family {
            "input" => 10,
            "validation" => 11,
            "draw" => 13,
            "team" => 15,
            "outcome" => 20,
            other => panic!("{what}: {other}"),
        };
        assert_eq!(out.status.code(), Some(exit), "{what}: {e}");
        assert!(out.stderr.is_empty(), "{what}: {out:?}");
        assert!(before == snapshot(), "{what}: the work folder changed");
    }
    // disclose before any result is recorded: a usage error saying what to run first.
    let out = ssj(&["disclose", "--dir", s(&work), "--as-of", "2025-03-31"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("用法错误：") && err.contains("outcomes"),
        "{err}"
    );
    // The same records, good: accepted (the faults above were the only ones).
    let p = file("good.json", json!(good).to_string());
    let args = outcomes(&p, &[]);
    ok(&ssj(&args.iter().map(String::as_str).collect::<Vec<_>>()));
}

/// `outcomes` reads a department's sheet as the clerk has it: the market results as CSV
/// (UTF-8 with BOM, Chinese headers, one row per item), the other departments' as xlsx;
/// the set accepted is the one the same records give as JSON, and `--csv` / `--xlsx`
/// write the core's outcome table of it. A sheet with a bad cell is refused with its row
/// and column, and nothing is written.
#[test]
fn outcomes_reads_csv_and_xlsx_sheets_and_writes_the_table() {
    use shuangsuiji::outcomes::{CheckWindow, OutcomeRecord, OutcomeSet, outcomes_table};
    let (dir, work, teams) = drawn_work_with_teams("results-sheets");
    let (teams_v, result_v) = (read_json(&teams), read_json(&work.join("result.json")));
    let visits: Vec<String> = result_v["draw"]["visits"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|v| v["uscc"].as_str().unwrap().to_owned())
        .collect();
    let records: Vec<OutcomeRecord> = visits
        .iter()
        .flat_map(|u| records_of(&teams_v, &result_v, u, &[]))
        .map(|r| serde_json::from_value(r).unwrap())
        .collect();
    let window = CheckWindow {
        first_day: "2025-01-06".parse().unwrap(),
        last_day: "2025-01-24".parse().unwrap(),
    };
    let sheet = |records: Vec<OutcomeRecord>| {
        outcomes_table(&OutcomeSet {
            task_id: "sheet".into(),
            window,
            records,
        })
    };
    let (market, rest): (Vec<_>, Vec<_>) = records
        .iter()
        .cloned()
        .partition(|r| r.department.as_str() == "market");
    assert!(!market.is_empty() && !rest.is_empty());
    let market_csv = dir.join("市场监管.csv");
    std::fs::write(&market_csv, sheet(market).to_csv()).unwrap();
    let rest_xlsx = dir.join("其他部门.xlsx");
    std::fs::write(&rest_xlsx, sheet(rest).to_xlsx("检查结果").unwrap()).unwrap();
    let run = |records: &Path, extra: &[&str]| {
        let mut a = vec![
            "--json",
            "outcomes",
            "--dir",
            s(&work),
            "--teams",
            s(&teams),
            "--records",
            s(records),
            "--from",
            "2025-01-06",
            "--to",
            "2025-01-24",
        ];
        a.extend(extra);
        ssj(&a)
    };

    // A bad cell: refused with its row and column, exit code of the input family.
    let bad = dir.join("bad.csv");
    let text = String::from_utf8(sheet(records.clone()).to_csv()).unwrap();
    std::fs::write(&bad, text.replacen("未发现问题", "良好", 1)).unwrap();
    let before = std::fs::read(work.join("log.json")).unwrap();
    let out = run(&bad, &[]);
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "finding_category_unknown", "{e}");
    assert_eq!(e["error"]["details"]["row"], 2, "{e}");
    assert_eq!(e["error"]["details"]["column"], "检查结果", "{e}");
    assert_eq!(e["error"]["details"]["file"], "bad.csv", "{e}");
    assert_eq!(out.status.code(), Some(20), "{e}");
    assert_eq!(std::fs::read(work.join("log.json")).unwrap(), before);
    assert!(!work.join("outcomes.json").exists());
    // `check outcomes` lists the sheet's problems before anything is recorded.
    let out = ssj(&["--json", "check", "outcomes", s(&bad)]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "finding_category_unknown", "{v}");
    assert_eq!(v["problems"][0]["details"]["row"], 2, "{v}");
    assert_eq!(out.status.code(), Some(20), "{v}");
    let out = ssj(&["--json", "check", "outcomes", s(&market_csv)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // The two sheets, then the table of the whole set as CSV and xlsx.
    ok(&run(&market_csv, &[]));
    let (csv, xlsx) = (dir.join("结果.csv"), dir.join("结果.xlsx"));
    let v: Value = serde_json::from_str(&ok(&run(
        &rest_xlsx,
        &["--csv", s(&csv), "--xlsx", s(&xlsx)],
    )))
    .unwrap();
    let set: OutcomeSet =
        from_committed_json(&std::fs::read(work.join("outcomes.json")).unwrap()).unwrap();
    assert_eq!(v["records"], records.len(), "{v}");
    let mut want = records;
    want.sort_by(|a, b| (a.uscc, &a.department).cmp(&(b.uscc, &b.department)));
    assert_eq!(set.records, want);
    let table = outcomes_table(&set);
    assert_eq!(std::fs::read(&csv).unwrap(), table.to_csv());
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        table.to_xlsx("检查结果").unwrap()
    );
    // What was written reads back as the set's records.
    let back = intake::read_outcome_records(
        &std::fs::read(&xlsx).unwrap(),
        &ReadOptions::named("结果.xlsx"),
    );
    assert_eq!(back, Ok(set.records));
}
