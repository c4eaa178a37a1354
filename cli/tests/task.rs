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

fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{out:?}");
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
    let d = data();
    let teams = dir.join("teams.json");
    let out = ok(&ssj(&[
        "--json",
        "teams",
        "--result",
        s(&work.join("result.json")),
        "--roster",
        s(&d.join("enterprises.csv")),
        "--inspectors",
        s(&d.join("inspectors.csv")),
        "--history",
        s(&d.join("history.csv")),
        "--staffing",
        s(&fixture("staffing.json")),
        "-o",
        s(&teams),
    ]));
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
    for f in ["request.json", "staffing.json"] {
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
    // C and zh_CN locales are Chinese; --lang wins over the locale.
    assert_eq!(ok(&ssj_env(&["--help"], &[("LANG", "C.UTF-8")])), zh);
    assert_eq!(ok(&ssj_env(&["--help"], &[("LANG", "zh_CN.UTF-8")])), zh);
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
