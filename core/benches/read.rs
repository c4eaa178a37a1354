//! Reading an enterprise roster from CSV (issue #25 item 1): UTF-8 and GBK at 250 k,
//! 1 M and 4 M rows, to show the read is linear in rows (past `limits::MAX_ROWS` = 1 M
//! data rows the read raises `limits.max_rows` and `limits.max_bytes`, as a caller
//! reading a province's roster would).
//!
//! Run: `cargo bench -p shuangsuiji --bench read` (sizes: `SSJ_READ_SIZES=250000,1000000`;
//! runs per size: `SSJ_READ_RUNS=3`). Prints the minimum and median wall time per size
//! and encoding, the time per row and the median time the reading thread was on a CPU
//! (what a loaded machine's wall time hides); the input bytes are built before timing.
//! The roster read is dropped after each timed read; the median time of that drop is
//! printed too (the rows are in no USCC order, the case where a roster frees its text
//! in address order).
//!
//! With the `parallel` feature the read runs on several threads: the reading thread's
//! CPU is then not the whole work, so the process's CPU time during the reads (user +
//! system, from `/proc/self/stat`, 10 ms ticks) is printed too.
//!
//! `SSJ_READ_COLUMNS=1` also times `read_enterprise_columns` on the seven text columns
//! the Python binding hands over for a DataFrame (cells joined by line breaks) and for
//! an Arrow table (offsets and one data buffer), at the same sizes up to 1 M rows.
//!
//! Memory (issue #25 item 6, Linux only): each size is also read once more in a fresh
//! process (this binary with `SSJ_READ_MEMORY_ROWS=N`), which prints the peak resident
//! growth during the read over the resident size before it (input built, not counted)
//! and what the finished roster keeps, both in bytes per row (`SSJ_READ_MEMORY=0`: not).

use std::hint::black_box;
use std::time::{Duration, Instant};

use shuangsuiji::draw::ColumnText;
use shuangsuiji::intake::{
    Encoding, ReadOptions, TextColumn, limits, read_enterprise_columns, read_enterprises,
};
use shuangsuiji::model::{Uscc, org_code_check_char};

mod common;
use common::status_kib;

fn uscc(i: u32) -> String {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().expect("8 digits");
    let org = char::from(org_code_check_char(&b).expect("digits"));
    Uscc::complete(&format!("91150581{body}{org}"))
        .expect("valid")
        .as_str()
        .to_owned()
}

/// A roster as a county exports it: Chinese headers and names, rows in no USCC order,
/// three industry categories (60 / 30 / 10 %).
fn roster_csv(n: u32) -> String {
    let mut s = String::from(
        "统一社会信用代码,企业名称,行政区划,信用风险分类,行业类别,登记状态,经营异常\n",
    );
    let classes = ["A类", "B类", "C类", "D类"];
    for k in 0..n {
        // a permutation of 0..n, so the file is not sorted by USCC
        let i = u32::try_from(u64::from(k) * 2_654_435_761 % u64::from(n)).expect("below n");
        let class = classes[(i % 4) as usize];
        let category = match i % 10 {
            0..=5 => "food_production:grain",
            6..=8 => "food_production:dairy",
            _ => "retail",
        };
        s.push_str(&format!(
            "{},霍林郭勒市示例食品有限公司{i},150581,{class},{category},存续,否\n",
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

/// The CPU time of this process so far, every thread's, ended ones included (Linux
/// `/proc/self/stat` utime + stime, in ticks of 10 ms), if known.
fn process_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): state is field 3,
    // utime and stime fields 14 and 15.
    let rest = &s[s.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Minimum and median wall time, median CPU time of the reading thread and median CPU
/// time of the process; median time to drop what was read (not in the read's time).
struct Timing {
    min: Duration,
    median: Duration,
    thread_cpu: Option<Duration>,
    process_cpu: Option<Duration>,
    drop: Duration,
}

impl Timing {
    /// The CPU times and the drop's time, as printed after the wall times.
    fn details(&self) -> String {
        let s = |c: Option<Duration>| {
            c.map_or_else(
                || "unknown".to_owned(),
                |c| format!("{:.3} s", c.as_secs_f64()),
            )
        };
        format!(
            "on CPU median: reading thread {}, process {}; drop median {:.3} s",
            s(self.thread_cpu),
            s(self.process_cpu),
            self.drop.as_secs_f64()
        )
    }
}

/// Times `runs` calls of `read` (which returns what to drop after the clock stops; the
/// drop is timed apart: a roster read from rows in no USCC order frees its text in
/// address order, issue #25).
fn time<R>(runs: usize, mut read: impl FnMut() -> R) -> Timing {
    let mut cpu: Vec<Option<Duration>> = Vec::new();
    let mut pcpu: Vec<Option<Duration>> = Vec::new();
    let mut drops: Vec<Duration> = Vec::new();
    let delta = |after: Option<Duration>, before: Option<Duration>| {
        after.zip(before).map(|(a, b)| a.saturating_sub(b))
    };
    let mut secs: Vec<Duration> = (0..runs)
        .map(|_| {
            let (c, p) = (thread_cpu(), process_cpu());
            let t = Instant::now();
            let r = read();
            let e = t.elapsed();
            cpu.push(delta(thread_cpu(), c));
            pcpu.push(delta(process_cpu(), p));
            let t = Instant::now();
            drop(black_box(r));
            drops.push(t.elapsed());
            e
        })
        .collect();
    drops.sort();
    secs.sort();
    cpu.sort();
    pcpu.sort();
    Timing {
        min: secs[0],
        median: secs[secs.len() / 2],
        thread_cpu: cpu[cpu.len() / 2],
        process_cpu: pcpu[pcpu.len() / 2],
        drop: drops[drops.len() / 2],
    }
}

fn time_read(bytes: &[u8], opts: &ReadOptions, runs: usize) -> Timing {
    time(runs, || {
        read_enterprises(black_box(bytes), opts).expect("roster reads")
    })
}

/// The seven text columns of `n` enterprises the Python binding hands over (as
/// `check_memory --pipeline` builds them): per column the cells joined by `\n`, and
/// Arrow's offsets and data.
fn roster_columns(n: u32) -> Vec<(String, Vec<usize>, Vec<u8>)> {
    let classes = ["A", "B", "C", "D"];
    let mut cols: Vec<(String, Vec<usize>, Vec<u8>)> =
        vec![(String::new(), vec![0], Vec::new()); 7];
    for k in 0..n {
        let i = u32::try_from(u64::from(k) * 2_654_435_761 % u64::from(n)).expect("below n");
        let cells = [
            uscc(i),
            format!("示例食品有限公司{i}"),
            "150581".to_owned(),
            format!("{}类", classes[(i % 4) as usize]),
            "存续".to_owned(),
            "food_production:grain".to_owned(),
            format!("{}级", classes[(i / 3 % 4) as usize]),
        ];
        for (c, cell) in cols.iter_mut().zip(cells) {
            if k > 0 {
                c.0.push('\n');
            }
            c.0.push_str(&cell);
            c.2.extend_from_slice(cell.as_bytes());
            c.1.push(c.2.len());
        }
    }
    cols
}

const COLUMN_HEADERS: [&str; 7] = [
    "统一社会信用代码",
    "企业名称",
    "行政区划",
    "信用风险分类",
    "登记状态",
    "行业类别",
    "食品安全风险等级",
];

fn bench_columns(n: u32, runs: usize) {
    let cols = roster_columns(n);
    let lines: Vec<TextColumn<'_>> = COLUMN_HEADERS
        .iter()
        .zip(&cols)
        .map(|(h, c)| TextColumn::lines(h, ColumnText::new(h, &c.0, n as usize).expect("lines")))
        .collect();
    let arrow: Vec<TextColumn<'_>> = COLUMN_HEADERS
        .iter()
        .zip(&cols)
        .map(|(h, c)| TextColumn::offsets(h, &c.1, &c.2).expect("offsets"))
        .collect();
    let opts = options(n);
    for (label, columns) in [("lines", &lines), ("arrow", &arrow)] {
        let t = time(runs, || {
            read_enterprise_columns(black_box(columns), &opts).expect("roster reads")
        });
        println!(
            "read_enterprise_columns {label} {n:>9} rows: min {:.3} s, median {:.3} s, {} ns/row; {}",
            t.min.as_secs_f64(),
            t.median.as_secs_f64(),
            t.median.as_nanos() / u128::from(n),
            t.details(),
        );
    }
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
            let t = time_read(bytes, &opts, runs);
            println!(
                "read_enterprises csv {label:5} {n:>9} rows ({:>4} MB): min {:.3} s, median {:.3} s, {} ns/row; {}",
                bytes.len() / 1_000_000,
                t.min.as_secs_f64(),
                t.median.as_secs_f64(),
                t.median.as_nanos() / u128::from(n),
                t.details(),
            );
        }
        if std::env::var("SSJ_READ_COLUMNS").is_ok_and(|v| v == "1")
            && u64::from(n) <= limits::MAX_ROWS
        {
            bench_columns(n, runs);
        }
        if std::env::var("SSJ_READ_MEMORY").is_ok_and(|v| v == "0") {
            continue;
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
