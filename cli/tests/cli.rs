//! The command line as a process: the built `shuangsuiji` binary is spawned with
//! arguments and stdin, and its stdout, stderr and exit code are checked.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shuangsuiji"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed stdin from another thread: a child that answers while it reads would block
    // on a full stdout pipe while this thread still writes (a deadlock once the answers
    // outgrow the pipe, as the catalogue's did with two messages per error).
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_owned();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A file in a fresh folder under the target dir (no temp crate needed).
fn file(name: &str, text: &str) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn ops_answers_one_line_per_request() {
    let out = run(
        &["ops"],
        concat!(
            r#"{"op": "parse_ratio", "input": {"text": "1/2"}, "id": 7}"#,
            "\n\n",
            r#"{"op": "parse_ratio", "input": {"text": "1/0"}}"#,
            "\n",
            "not json\n",
            r#"{"input": {}}"#,
            "\n",
            r#"{"op": "no_such_op", "input": {}}"#,
            "\n",
            r#"{"op": "parse_ratio", "input": {"text": "1/2"}, "extra": 1}"#,
            "\n",
            // The last request has no newline: it is answered all the same.
            r#"{"op": "parse_uscc", "input": {"text": "91350100M000100Y43"}}"#,
        ),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got = lines(&out);
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!(got[0], json!({"id": 7, "result": "1/2"}));
    assert_eq!(got[1]["error"]["code"], "ratio_zero_denominator");
    assert_eq!(got[1]["error"]["family"], "validation");
    assert!(got[1]["error"]["message"].is_string() && got[1]["error"]["details"].is_object());
    assert_eq!(got[2]["error"]["code"], "json_syntax");
    assert_eq!(got[3]["error"]["details"]["field"], "op");
    assert_eq!(got[4]["error"]["details"]["field"], "operation");
    assert_eq!(got[5]["error"]["details"]["field"], "extra");
    assert_eq!(got[6]["result"]["division_code"], "350100");
}

/// Every operation of the table is reachable: an empty input gives that operation's
/// own error (a missing argument), never "unknown operation" — new table entries need no
/// change here.
#[test]
fn ops_reaches_every_operation_of_the_table() {
    let names: Vec<&str> = shuangsuiji::ops::OPERATION_TABLE
        .iter()
        .map(|o| {
            if o.name == "validate:<kind>" {
                "validate:roster"
            } else {
                o.name
            }
        })
        .collect();
    let stdin: String = names
        .iter()
        .map(|n| json!({"op": n, "input": {}}).to_string() + "\n")
        .collect();
    let got = lines(&run(&["ops"], &stdin));
    assert_eq!(got.len(), names.len());
    for (n, a) in names.iter().zip(&got) {
        let unknown = a["error"]["details"]["field"] == "operation";
        assert!(!unknown, "{n}: {a}");
    }
}

const HEADER: &str = "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n";

#[test]
fn check_lists_every_problem_with_row_and_column() {
    let bad = file(
        "roster.csv",
        &format!("{HEADER}91350100M000100Y43,,150581,Z,存续\n"),
    );
    let bad = bad.to_str().unwrap();
    let out = run(&["check", "enterprises", bad, "--json"], "");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = doc["problems"].as_array().unwrap();
    let at: Vec<(&str, u64, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap(),
                p["details"]["row"].as_u64().unwrap_or(0),
                p["details"]["column"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(at[0], ("cell_empty", 2, "企业名称"), "{doc}");
    assert_eq!(at[1], ("credit_class_unknown", 2, "信用风险分类"), "{doc}");
    assert_eq!(at.len(), 2, "{doc}");
    assert_eq!(doc["file"], "roster.csv");
    // Exit code of the first problem's family: cell_empty is `input` (10).
    assert_eq!(out.status.code(), Some(10));

    let zh = run(&["check", "enterprises", bad], "");
    let text = String::from_utf8(zh.stdout).unwrap();
    assert!(
        text.starts_with(&format!("roster.csv：发现 {} 个问题", at.len())),
        "{text}"
    );
    assert!(text.contains("第 2 行，列 企业名称：cell_empty"), "{text}");
    let en = run(&["--lang", "en", "check", "enterprises", bad], "");
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(
        text.contains("row 2, column 信用风险分类: credit_class_unknown"),
        "{text}"
    );
}

#[test]
fn check_of_a_good_file_exits_zero_and_usage_errors_exit_two() {
    let good = file(
        "good.csv",
        &format!("{HEADER}91350100M000100Y43,企业,150581,A,存续\n"),
    );
    let out = run(&["check", "enterprises", good.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "good.csv：未发现问题\n"
    );
    let out = run(
        &["check", "enterprises", good.to_str().unwrap(), "--json"],
        "",
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["problems"], json!([]));

    assert_eq!(
        run(&["check", "rosters", "x.csv"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "history", "/no/such/file.csv"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(run(&["--help"], "").status.code(), Some(0));
}

/// Every case of the bad-input catalogue through `ops`: the catalogue's code and
/// family, and nothing on stderr — in particular no panic message from inside a
/// dependency (calamine overflowed on `xlsx_cell_reference_overflow` in debug builds;
/// the panic was caught but printed).
#[test]
fn the_catalogue_through_ops_answers_its_codes_and_prints_nothing_on_stderr() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/errors");
    let mut cases = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let doc: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        let list = doc.get("cases").unwrap_or(&doc).as_array().unwrap().clone();
        cases.extend(list);
    }
    assert!(cases.len() >= 60, "{}", cases.len());
    let stdin: String = cases
        .iter()
        .map(|c| json!({"op": c["operation"], "input": c["input"]}).to_string() + "\n")
        .collect();
    let out = run(&["ops"], &stdin);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let got = lines(&out);
    assert_eq!(got.len(), cases.len());
    for (c, a) in cases.iter().zip(&got) {
        assert_eq!(
            a["error"]["code"], c["expected"]["code"],
            "{}: {a}",
            c["name"]
        );
        assert_eq!(
            a["error"]["family"], c["expected"]["family"],
            "{}",
            c["name"]
        );
    }
}
