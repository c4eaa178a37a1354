//! Memory of a checker on a file of bad rows: flat in the number of bad rows, because a
//! check lists at most `MAX_PROBLEMS` problems and counts the rest (issue #17 item 8).
//!
//! Run: `cargo bench -p shuangsuiji --bench check_memory`. Linux only (reads the peak
//! resident size from `/proc/self/status` and resets it through `/proc/self/clear_refs`);
//! prints, per size, the peak growth during the check over the resident size before it
//! (the input itself is built before and not counted).
//!
//! UTF-8 input is read without a second copy, so the growth is the 1 001 problems and
//! the parser's buffers: about 1 MiB at 10 k, 100 k and 1 M bad rows alike.
//!
//! It also times how fast an xlsx sheet over the row limit (Excel's 1 048 575 rows) and a CSV
//! header of 100 000 columns are refused (issue #17 item 9).

use shuangsuiji::intake::{ReadOptions, check_enterprises};

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

fn bad_rows(n: usize) -> Vec<u8> {
    let mut s = String::from("uscc,name,division,credit_class,status\n");
    for i in 0..n {
        // a bad credit class on every row, and a distinct name
        s.push_str(&format!("91350100M000100Y43,企业{i},150581,Z,active\n"));
    }
    s.into_bytes()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("check_memory: benchmark");
        return;
    }
    // A 1 MB file name, as in the issue: errors keep at most its last 255 bytes.
    let opts = ReadOptions::named(&format!("{}.csv", "x".repeat(1 << 20)));
    // Each size runs in a fresh process (this binary with `--rows N`): memory freed by a
    // previous size stays resident and would hide the next one's growth.
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<usize> = match args.iter().position(|a| a == "--rows") {
        Some(i) => vec![args[i + 1].parse().expect("--rows N")],
        None => {
            for n in ["10000", "100000", "1000000"] {
                let exe = std::env::current_exe().expect("own path");
                let status = std::process::Command::new(exe)
                    .args(["--rows", n])
                    .status()
                    .expect("run one size");
                assert!(status.success());
            }
            xlsx_over_the_row_limit();
            wide_csv_header();
            return;
        }
    };
    for n in sizes {
        let bytes = bad_rows(n);
        // Reset the peak ("VmHWM") to the current resident size.
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let before = status_kib("VmRSS:").unwrap_or(0);
        let start = std::time::Instant::now();
        let problems = check_enterprises(&bytes, &opts);
        let took = start.elapsed();
        let peak = status_kib("VmHWM:").unwrap_or(0);
        let last = problems.last().map(|e| e.code().as_str().to_owned());
        let omitted = problems
            .last()
            .and_then(|e| e.details().extra.get("omitted").cloned())
            .unwrap_or_default();
        println!(
            "bad rows {n:>9}: input {} KiB, problems listed {:>5} (last {}, omitted {omitted}), \
             peak growth {} KiB{}, {took:.2?}",
            bytes.len() / 1024,
            problems.len(),
            last.unwrap_or_default(),
            peak.saturating_sub(before),
            if reset { "" } else { " (peak not reset)" },
        );
        drop(problems);
    }
}

fn xlsx_over_the_row_limit() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "统一社会信用代码").unwrap();
    for r in 1..1_048_576u32 {
        ws.write_number(r, 0, f64::from(r)).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let start = std::time::Instant::now();
    let e = shuangsuiji::intake::read_enterprises(&bytes, &ReadOptions::named("rows.xlsx"))
        .unwrap_err();
    println!(
        "xlsx of {} bytes, 1 048 575 data rows (Excel's maximum): {} at row {:?} after {:.2?}",
        bytes.len(),
        e.code().as_str(),
        e.details().row,
        start.elapsed()
    );
}

fn wide_csv_header() {
    let header = (0..100_000)
        .map(|c| format!("c{c}"))
        .collect::<Vec<_>>()
        .join(",");
    let csv = format!("{header}\n");
    let start = std::time::Instant::now();
    let e = shuangsuiji::intake::read_enterprises(csv.as_bytes(), &ReadOptions::named("wide.csv"))
        .unwrap_err();
    println!(
        "CSV header of 100 000 columns: {} after {:.2?}",
        e.code().as_str(),
        start.elapsed()
    );
}
