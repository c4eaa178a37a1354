//! `shuangsuiji`: the command line of the library.
//!
//! * `shuangsuiji ops` — a long-lived helper process: one JSON request
//!   `{"op": …, "input": {…}, "id": …}` per line on stdin, one JSON answer per line on
//!   stdout (`{"result": …}` or `{"error": {"code", "family", "message", "details"}}`,
//!   with the request's `id` when it had one). Every operation of the core's table.
//! * `shuangsuiji check enterprises|inspectors|history|outcomes FILE` — every problem of the file
//!   with its row and column.
//! * the yearly task, step by step ([`task`]): `eligibility`, `plan`, `ceremony`, `draw`,
//!   `publish`, `verify`; and `teams`, `deadline`.
//!
//! Each subcommand reads files, calls the library and writes files; no rule and no
//! default lives here. Exit codes: see [`exit`]; help texts: [`help`].

mod args;
mod check;
mod deadline;
mod exit;
mod export;
mod fail;
mod files;
mod help;
mod ops;
mod progress;
mod results;
mod task;
mod teams;
mod workplan;

use std::process::ExitCode;

use args::Args;
use exit::{Lang, Out};
use fail::Fail;

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let env_lang = Lang::from_env();
    let a = match Args::parse(&raw) {
        Ok(a) => a,
        Err(f) => return f.report(env_lang, raw.iter().any(|r| r == "--json")),
    };
    let out = Out {
        lang: a.lang.unwrap_or(env_lang),
        json: a.json,
    };
    if a.help {
        println!(
            "{}",
            if out.lang == Lang::Zh {
                help::ZH
            } else {
                help::EN
            }
        );
        return ExitCode::SUCCESS;
    }
    let words: Vec<&str> = a.words.iter().map(String::as_str).collect();
    let done = match words.as_slice() {
        ["ops"] => return ops::serve(std::io::stdin().lock(), std::io::stdout().lock()),
        ["check", kind, file] => return check::run(kind, file, out.json, out.lang),
        ["eligibility"] => task::eligibility(&a, out),
        ["plan"] => task::plan(&a, out),
        ["ceremony", step] => task::ceremony(step, &a, out),
        ["draw"] => task::draw(&a, out),
        ["publish"] => task::publish(&a, out),
        ["verify", folder] => task::verify(folder, &a, out),
        ["teams"] => teams::run(&a, out),
        ["deadline", kind, start] => deadline::run(kind, start, &a, out),
        ["substitute"] => results::substitute(&a, out),
        ["outcomes"] => results::outcomes(&a, out),
        ["disclose"] => results::disclose(&a, out),
        ["workplan"] => workplan::run(&a, out),
        _ => Err(Fail::usage(
            "未知的子命令或参数个数不对",
            "unknown subcommand or wrong number of arguments",
        )),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => f.report(out.lang, out.json),
    }
}
