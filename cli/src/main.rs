//! `shuangsuiji`: the command line of the library.
//!
//! * `shuangsuiji ops` — a long-lived helper process: one JSON request
//!   `{"op": …, "input": {…}, "id": …}` per line on stdin, one JSON answer per line on
//!   stdout (`{"result": …}` or `{"error": {"code", "family", "message", "details"}}`,
//!   with the request's `id` when it had one). Every operation of the core's table.
//! * `shuangsuiji check enterprises|inspectors|history FILE [--json] [--lang zh|en]` —
//!   every problem of the file with its row and column.
//!
//! Exit codes: see [`exit`].

mod check;
mod exit;
mod ops;

use std::process::ExitCode;

use exit::{Lang, USAGE};

const USAGE_ZH: &str = "用法：
  shuangsuiji ops                                   从标准输入逐行读取 JSON 操作 {\"op\", \"input\"}，逐行输出结果
  shuangsuiji check enterprises|inspectors|history 文件 [--json] [--lang zh|en]
                                                    列出企业名录、检查人员名录或检查记录文件的全部问题（行、列）
退出码：0 成功；2 用法或文件读取错误；10–18 按错误类别（见 README）";

const USAGE_EN: &str = "usage:
  shuangsuiji ops                                   JSON operations {\"op\", \"input\"} one per line on stdin, one answer per line on stdout
  shuangsuiji check enterprises|inspectors|history FILE [--json] [--lang zh|en]
                                                    every problem of an enterprise roster, inspector list or history file (row, column)
exit codes: 0 success; 2 usage or file read error; 10-18 by error family (see README)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = Lang::Zh;
    let mut json = false;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--lang" => match it.next().map(String::as_str) {
                Some("zh") => lang = Lang::Zh,
                Some("en") => lang = Lang::En,
                _ => return usage(lang),
            },
            "-h" | "--help" => {
                println!("{}", if lang == Lang::Zh { USAGE_ZH } else { USAGE_EN });
                return ExitCode::SUCCESS;
            }
            _ => rest.push(a.as_str()),
        }
    }
    match rest.as_slice() {
        ["ops"] => ops::serve(std::io::stdin().lock(), std::io::stdout().lock()),
        ["check", kind, file] => check::run(kind, file, json, lang),
        _ => usage(lang),
    }
}

fn usage(lang: Lang) -> ExitCode {
    eprintln!("{}", if lang == Lang::Zh { USAGE_ZH } else { USAGE_EN });
    ExitCode::from(USAGE)
}
