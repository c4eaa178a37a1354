//! `shuangsuiji check enterprises|inspectors|history|outcomes FILE`.

use std::process::ExitCode;

use serde_json::json;
use shuangsuiji::Error;
use shuangsuiji::intake::{
    ReadOptions, check_enterprises, check_history, check_inspectors, check_outcome_records,
};

use crate::exit::{Lang, Out, USAGE, family_code};

/// Checks `file` as `kind` and prints every problem; the exit code is that of the first
/// problem's family (0 when there is none).
pub fn run(kind: &str, file: &str, json: bool, lang: Lang) -> ExitCode {
    let check: fn(&[u8], &ReadOptions) -> Vec<Error> = match kind {
        "enterprises" => check_enterprises,
        "inspectors" => check_inspectors,
        "history" => check_history,
        "outcomes" => check_outcome_records,
        _ => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Zh => format!(
                        "未知的文件类别 {kind:?}：应为 enterprises、inspectors、history 或 outcomes"
                    ),
                    Lang::En => format!(
                        "unknown kind {kind:?}: expected enterprises, inspectors, history or outcomes"
                    ),
                }
            );
            return ExitCode::from(USAGE);
        }
    };
    // A large file is read with a byte bar, the check under a spinner (stderr, terminal only).
    let out = Out { lang, json };
    let bytes = match crate::progress::read(std::path::Path::new(file), out) {
        Ok(b) => b,
        Err(f) => return f.report(lang, false),
    };
    let name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let spin = out.progress("正在检查文件……", "checking the file…");
    let problems = check(&bytes, &ReadOptions::named(&name));
    drop(spin);
    if json {
        println!(
            "{}",
            json!({"file": name, "kind": kind, "problems": problems})
        );
    } else {
        print!("{}", text(&name, &problems, lang));
    }
    problems.first().map_or(ExitCode::SUCCESS, |e| {
        ExitCode::from(family_code(e.family()))
    })
}

/// The readable report: one line for the file, one per problem.
fn text(name: &str, problems: &[Error], lang: Lang) -> String {
    let mut out = match (lang, problems.len()) {
        (Lang::Zh, 0) => format!("{name}：未发现问题\n"),
        (Lang::Zh, n) => format!("{name}：发现 {n} 个问题\n"),
        (Lang::En, 0) => format!("{name}: no problems\n"),
        (Lang::En, 1) => format!("{name}: 1 problem\n"),
        (Lang::En, n) => format!("{name}: {n} problems\n"),
    };
    for e in problems {
        let d = e.details();
        let mut at = Vec::new();
        match lang {
            Lang::Zh => {
                at.extend(d.row.map(|r| format!("第 {r} 行")));
                at.extend(d.column.as_ref().map(|c| format!("列 {c}")));
            }
            Lang::En => {
                at.extend(d.row.map(|r| format!("row {r}")));
                at.extend(d.column.as_ref().map(|c| format!("column {c}")));
            }
        }
        let at = at.join(if lang == Lang::Zh { "，" } else { ", " });
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        let at = if at.is_empty() {
            String::new()
        } else {
            format!("{at}{sep}")
        };
        out.push_str(&format!(
            "  {at}{} ({}) {}\n",
            e.code().as_str(),
            e.family().as_str(),
            e.message_in(match lang {
                Lang::Zh => shuangsuiji::Lang::Zh,
                Lang::En => shuangsuiji::Lang::En,
            })
        ));
    }
    out
}
