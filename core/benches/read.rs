//! Reading an enterprise roster from CSV (issue #25 item 1): UTF-8 and GBK at 250 k,
//! 1 M and 4 M rows, to show the read is linear in rows (past `limits::MAX_ROWS` = 1 M
//! data rows the read raises `limits.max_rows` and `limits.max_bytes`, as a caller
//! reading a province's roster would).
//!
//! Run: `cargo bench -p shuangsuiji --bench read` (sizes: `SSJ_READ_SIZES=250000,1000000`;
//! runs per size: `SSJ_READ_RUNS=3`). Prints the minimum and median wall time per size
//! and encoding, the time per row and the median time the reading thread was on a CPU
//! (what a loaded machine's wall time hides); the input bytes are built before timing.
//!
//! Memory (issue #25 item 6, Linux only): each size is also read once more in a fresh
//! process (this binary with `SSJ_READ_MEMORY_ROWS=N`), which prints the peak resident
//! growth during the read over the resident size before it (input built, not counted)
//! and what the finished roster keeps, both in bytes per row.

use std::hint::black_box;
use std::time::{Duration, Instant};

use shuangsuiji::intake::{Encoding, ReadOptions, limits, read_enterprises};
use shuangsuiji::model::{Uscc, org_code_check_char};

fn uscc(i: u32) -> String {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().expect("8 digits");
    let org = char::from(org_code_check_char(&b).expect("digits"));
    Uscc::complete(&format!("91150581{body}{org}"))
        .expect("valid")
        .as_str()
        .to_owned()
}

/// A roster as a county exports it: Chinese headers and names, rows in no USCC order.
fn roster_csv(n: u32) -> String {
    let mut s = String::from("统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态,经营异常\n");
    let classes = ["A类", "B类", "C类", "D类"];
    for k in 0..n {
        // a permutation of 0..n, so the file is not sorted by USCC
        let i = u32::try_from(u64::from(k) * 2_654_435_761 % u64::from(n)).expect("below n");
        let class = classes[(i % 4) as usize];
        s.push_str(&format!(
            "{},霍林郭勒市示例食品有限公司{i},150581,{class},存续,否\n",
            uscc(i)
        ));
    }
    s
}

/// The time this thread has spent on a CPU (Linux `schedstat`), if known: on a loaded
/// machine the wall time includes waiting for a core, this does not.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace()
        .next()?
        .parse()
        .ok()
        .map(Duration::from_nanos)
}

/// Minimum and median wall time, and median CPU time of the reading thread.
fn time_read(
    bytes: &[u8],
    opts: &ReadOptions,
    runs: usize,
) -> (Duration, Duration, Option<Duration>) {
    let mut cpu: Vec<Option<Duration>> = Vec::new();
    let mut secs: Vec<Duration> = (0..runs)
        .map(|_| {
            let c = thread_cpu();
            let t = Instant::now();
            let r = read_enterprises(black_box(bytes), opts).expect("roster reads");
            let e = t.elapsed();
            cpu.push(
                thread_cpu()
                    .zip(c)
                    .map(|(after, before)| after.saturating_sub(before)),
            );
            black_box(r.len());
            drop(r);
            e
        })
        .collect();
    secs.sort();
    cpu.sort();
    (secs[0], secs[secs.len() / 2], cpu[cpu.len() / 2])
}

fn status_kib(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// One read of `n` rows (UTF-8), measuring memory in this (fresh) process.
fn memory(n: u32) {
    let text = roster_csv(n);
    let opts = options(n);
    // Reset the peak to the current resident size (Linux `clear_refs` 5).
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_kib("VmRSS:").unwrap_or(0);
    let roster = read_enterprises(black_box(text.as_bytes()), &opts).expect("roster reads");
    let peak = status_kib("VmHWM:").unwrap_or(0);
    let after = status_kib("VmRSS:").unwrap_or(0);
    let per_row = |kib: u64| kib * 1024 / u64::from(n);
    println!(
        "memory read_enterprises csv utf-8 {n:>9} rows: input {} B/row, peak growth {} B/row{}, roster kept {} B/row",
        text.len() / n as usize,
        per_row(peak.saturating_sub(before)),
        if reset {
            ""
        } else {
            " (peak not reset: includes building the input)"
        },
        per_row(after.saturating_sub(before)),
    );
    black_box(roster.len());
}

/// Options naming the file, with the row and byte limits raised past `n` rows if needed.
fn options(n: u32) -> ReadOptions {
    let mut opts = ReadOptions::named("名录.csv");
    if u64::from(n) > limits::MAX_ROWS {
        opts.limits.max_rows = u64::from(n);
        opts.limits.max_bytes = limits::CEILING_FILE_BYTES;
    }
    opts
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("read: benchmark");
        return;
    }
    if let Some(n) = std::env::var("SSJ_READ_MEMORY_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        memory(n);
        return;
    }
    let sizes: Vec<u32> = std::env::var("SSJ_READ_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![250_000, 1_000_000, 4_000_000]);
    let runs: usize = std::env::var("SSJ_READ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for n in sizes {
        let text = roster_csv(n);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let gbk = gbk.into_owned();
        for (label, bytes, enc) in [
            ("utf-8", text.as_bytes(), Encoding::Utf8),
            ("gbk", gbk.as_slice(), Encoding::Gbk),
        ] {
            let mut opts = options(n);
            opts.encoding = enc;
            let (min, median, cpu) = time_read(bytes, &opts, runs);
            println!(
                "read_enterprises csv {label:5} {n:>9} rows ({:>4} MB): min {:.3} s, median {:.3} s, {} ns/row; on CPU median {}",
                bytes.len() / 1_000_000,
                min.as_secs_f64(),
                median.as_secs_f64(),
                median.as_nanos() / u128::from(n),
                cpu.map_or_else(
                    || "unknown".to_owned(),
                    |c| format!("{:.3} s", c.as_secs_f64())
                ),
            );
        }
        drop(gbk);
        drop(text);
        let exe = std::env::current_exe().expect("own path");
        let status = std::process::Command::new(exe)
            .env("SSJ_READ_MEMORY_ROWS", n.to_string())
            .status()
            .expect("run the memory measurement");
        assert!(status.success());
    }
}
