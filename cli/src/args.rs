//! The command line's arguments: global switches (`--json`, `--lang`, `--help`) anywhere,
//! `--name value` options and positional words. Hand-written, so that the help texts
//! stay in both languages and no parser crate is needed.

use std::collections::BTreeMap;

use crate::exit::Lang;
use crate::fail::Fail;

/// The parsed command line.
#[derive(Debug, Default)]
pub struct Args {
    /// The words that are not options, in order (the subcommand first).
    pub words: Vec<String>,
    /// `--name value` options (`-o` is `--out`).
    pub opts: BTreeMap<String, String>,
    /// `--json`: machine output.
    pub json: bool,
    /// `--help` / `-h`.
    pub help: bool,
    /// `--lang`, if given.
    pub lang: Option<Lang>,
}

impl Args {
    /// Parses the arguments after the program name.
    ///
    /// # Errors
    /// A usage error for `--lang` without `zh`/`en` or an option without its value.
    pub fn parse(args: &[String]) -> Result<Self, Fail> {
        let mut out = Self::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => out.json = true,
                "-h" | "--help" => out.help = true,
                "--lang" => {
                    out.lang = Some(match it.next().map(String::as_str) {
                        Some("zh") => Lang::Zh,
                        Some("en") => Lang::En,
                        _ => {
                            return Err(Fail::usage(
                                "--lang 应为 zh 或 en",
                                "--lang must be zh or en",
                            ));
                        }
                    });
                }
                o if o.starts_with("--") || o == "-o" => {
                    let name = if o == "-o" { "out" } else { &o[2..] };
                    let Some(v) = it.next() else {
                        return Err(Fail::usage(
                            &format!("选项 {o} 缺少取值"),
                            &format!("option {o} needs a value"),
                        ));
                    };
                    out.opts.insert(name.to_owned(), v.clone());
                }
                w => out.words.push(w.to_owned()),
            }
        }
        Ok(out)
    }

    /// Refuses options other than `allowed`.
    ///
    /// # Errors
    /// A usage error naming the first unknown option.
    pub fn only(&self, allowed: &[&str]) -> Result<(), Fail> {
        match self.opts.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(Fail::usage(
                &format!("此子命令没有选项 --{k}"),
                &format!("this subcommand has no option --{k}"),
            )),
            None => Ok(()),
        }
    }

    /// A required option.
    ///
    /// # Errors
    /// A usage error naming it when it is missing.
    pub fn need(&self, name: &str) -> Result<&str, Fail> {
        self.opts.get(name).map(String::as_str).ok_or_else(|| {
            Fail::usage(
                &format!("缺少选项 --{name}"),
                &format!("missing option --{name}"),
            )
        })
    }

    /// An optional option.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.opts.get(name).map(String::as_str)
    }
}
