//! Progress bars (indicatif) for long work: reading a large file, the draw, the
//! verification. Drawn on stderr only when stderr is a terminal; otherwise (pipes, logs,
//! tests, `TERM=dumb`) a hidden bar that writes nothing, so the output is the same with
//! and without them.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::exit::{Lang, Out};
use crate::fail::Fail;

/// Files smaller than this are read without a bar (it would only flicker).
const BAR_FROM_BYTES: u64 = 1 << 20;

/// A bar or spinner on stderr, cleared when dropped.
#[derive(Debug)]
pub struct Progress(ProgressBar);

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

fn shown() -> bool {
    std::io::stderr().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn words<'a>(out: Out, zh: &'a str, en: &'a str) -> &'a str {
    if out.lang == Lang::Zh { zh } else { en }
}

impl Progress {
    /// A spinner with a message, ticking while the library works.
    pub fn spinner(out: Out, zh: &str, en: &str) -> Self {
        if !shown() {
            return Self(ProgressBar::hidden());
        }
        let bar = ProgressBar::new_spinner().with_message(words(out, zh, en).to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Self(bar)
    }

    /// A bar over `len` steps (receipt files, bytes …).
    pub fn bar(out: Out, len: u64, zh: &str, en: &str, bytes: bool) -> Self {
        if !shown() {
            return Self(ProgressBar::hidden());
        }
        let template = if bytes {
            "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})"
        } else {
            "{msg} [{bar:30}] {pos}/{len}"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        Self(
            ProgressBar::new(len)
                .with_style(style)
                .with_message(words(out, zh, en).to_owned()),
        )
    }

    /// Advances the bar by `n` steps.
    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }
}

/// Reads a file, with a byte bar when it is large and stderr is a terminal.
///
/// # Errors
/// An I/O failure naming the file.
pub fn read(path: &Path, out: Out) -> Result<Vec<u8>, Fail> {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len < BAR_FROM_BYTES || !shown() {
        return crate::files::read(path);
    }
    let name = path.display();
    let bar = Progress::bar(
        out,
        len,
        &format!("正在读取 {name}"),
        &format!("reading {name}"),
        true,
    );
    let mut file = std::fs::File::open(path).map_err(|e| Fail::io(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut chunk).map_err(|e| Fail::io(path, e))?;
        if n == 0 {
            return Ok(bytes);
        }
        bytes.extend_from_slice(&chunk[..n]);
        bar.inc(n as u64);
    }
}
