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
//! `--pipeline` (issue #25 goal 6) measures, per size in a fresh process, the memory of
//! a roster's way from columns to the draw: the columnar read
//! (`read_enterprise_columns`, at most `MAX_ROWS` rows per read; larger rosters are built
//! with `Roster::new` after the read of the first 1 M), eligibility over the roster
//! borrowed, the plan and `draw_eligible` over the report borrowed. Per step: the peak
//! growth over the resident size before it and the growth still resident after it (the
//! result kept, and memory the allocator keeps for reuse), in bytes
//! per enterprise. `cargo bench -p shuangsuiji --bench check_memory -- --pipeline
//! [1000000,2000000,…]`.
//!
//! It also times how fast an xlsx sheet over the row limit (Excel's 1 048 575 rows) and a CSV
//! header of 100 000 columns are refused (issue #17 item 9).

use shuangsuiji::intake::{ReadOptions, check_enterprises};

mod common;
#[path = "common/sample_plan.rs"]
mod sample_plan;
use common::status_kib;

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
    if let Some(i) = args.iter().position(|a| a == "--pipeline-rows") {
        pipeline::run(args[i + 1].parse().expect("--pipeline-rows N"));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--pipeline") {
        let sizes = args
            .get(i + 1)
            .map_or("250000,1000000", String::as_str)
            .to_owned();
        for n in sizes.split(',') {
            let exe = std::env::current_exe().expect("own path");
            let status = std::process::Command::new(exe)
                .args(["--pipeline-rows", n])
                .status()
                .expect("run one size");
            assert!(status.success());
        }
        return;
    }
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

/// The roster's way from columns to the draw (issue #25 goal 6).
mod pipeline {
    use std::time::Instant;

    use shuangsuiji::draw_record::{PlanMeta, plan_from_eligibility};
    use shuangsuiji::intake::{self, ReadOptions, TextColumn, read_enterprise_columns};
    use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, RiskGrade, Roster, Uscc};
    use shuangsuiji::rules::{draw_eligible, eligibility};
    use shuangsuiji::verify::Bytes32;

    use super::status_kib;

    const ORG: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const CLASSES: [&str; 4] = ["A", "B", "C", "D"];
    const CATEGORY: &str = "food_production:grain";

    fn uscc(i: usize) -> Uscc {
        let body = format!("{i:08}");
        let b: [u8; 8] = body.as_bytes().try_into().expect("8 digits");
        let w = [3u32, 7, 9, 10, 5, 8, 4, 2];
        let s: u32 = b
            .iter()
            .zip(w)
            .map(|(c, w)| {
                ORG.iter()
                    .position(|o| o == c)
                    .map_or(0, |p| u32::try_from(p).unwrap_or(0))
                    * w
            })
            .sum();
        let check = match 11 - s % 11 {
            10 => 'X',
            11 => '0',
            c => char::from_digit(c, 10).expect("digit"),
        };
        Uscc::complete(&format!("91{:06}{body}{check}", 150_581 + i / 100_000_000)).expect("valid")
    }

    fn class(i: usize) -> usize {
        (i.wrapping_mul(2_654_435_761) >> 7) % 100 / 30 % 4
    }

    fn data(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/data/huolinguole")
            .join(name);
        std::fs::read(p).expect("sample data")
    }

    /// Peak growth and kept growth (KiB) of `step`, over the resident size before it.
    fn measure<T>(step: impl FnOnce() -> T) -> (T, u64, u64, std::time::Duration) {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = status_kib("VmRSS:").unwrap_or(0);
        let start = Instant::now();
        let out = step();
        let took = start.elapsed();
        let peak = status_kib("VmHWM:").unwrap_or(0);
        let after = status_kib("VmRSS:").unwrap_or(0);
        (
            out,
            peak.saturating_sub(before),
            after.saturating_sub(before),
            took,
        )
    }

    /// Bytes per enterprise with one decimal (integer arithmetic).
    fn per(bytes: u64, n: usize) -> String {
        let tenths = bytes * 10 / u64::try_from(n.max(1)).unwrap_or(u64::MAX);
        format!("{}.{}", tenths / 10, tenths % 10)
    }

    fn line(step: &str, n: usize, peak: u64, kept: u64, took: std::time::Duration) {
        println!(
            "{n:>9} {step:<26} peak +{:>7} B/entity, resident after +{:>7} B/entity, {took:.2?}",
            per(peak * 1024, n),
            per(kept * 1024, n)
        );
    }

    pub fn run(n: usize) {
        let max_rows = usize::try_from(intake::limits::MAX_ROWS).unwrap_or(usize::MAX);
        let read_n = n.min(max_rows);
        // The input: seven columns in Arrow's layout (offsets and one data buffer each).
        let mut cols: Vec<(Vec<usize>, Vec<u8>)> = vec![(vec![0], Vec::new()); 7];
        for i in 0..read_n {
            let cells = [
                uscc(i).as_str().to_owned(),
                format!("示例食品有限公司{i}"),
                "150581".to_owned(),
                format!("{}类", CLASSES[class(i)]),
                "存续".to_owned(),
                CATEGORY.to_owned(),
                format!("{}级", CLASSES[class(i / 3)]),
            ];
            for (c, cell) in cols.iter_mut().zip(cells) {
                c.1.extend_from_slice(cell.as_bytes());
                c.0.push(c.1.len());
            }
        }
        let input: usize = cols.iter().map(|(o, d)| o.len() * 8 + d.len()).sum();
        let headers = [
            "统一社会信用代码",
            "企业名称",
            "行政区划",
            "信用风险分类",
            "登记状态",
            "行业类别",
            "食品安全风险等级",
        ];
        let columns: Vec<TextColumn<'_>> = headers
            .iter()
            .zip(&cols)
            .map(|(h, (o, d))| TextColumn::offsets(h, o, d).expect("offsets"))
            .collect();
        println!(
            "{read_n:>9} input (7 columns)           {} B/entity",
            per(u64::try_from(input).unwrap_or(u64::MAX), read_n)
        );
        let (roster, peak, kept, took) =
            measure(|| read_enterprise_columns(&columns, &ReadOptions::named("<columns>")));
        let mut roster = roster.expect("roster");
        line("read (columns)", read_n, peak, kept, took);
        drop(columns);
        drop(cols);
        if n > read_n {
            drop(roster);
            let (r, peak, kept, took) = measure(|| {
                let divs = DivisionCode::parse("150581").expect("division");
                let all: Vec<Enterprise> = (0..n)
                    .map(|i| {
                        let classes = [
                            CreditClass::A,
                            CreditClass::B,
                            CreditClass::C,
                            CreditClass::D,
                        ];
                        let mut e = Enterprise::new(
                            uscc(i),
                            &format!("示例食品有限公司{i}"),
                            divs,
                            classes[class(i)],
                        );
                        e.categories.insert(CATEGORY.to_owned());
                        e.food_risk_grade = Some(
                            [RiskGrade::A, RiskGrade::B, RiskGrade::C, RiskGrade::D][class(i / 3)],
                        );
                        e
                    })
                    .collect();
                Roster::new(all)
            });
            roster = r.expect("roster");
            line("build (Roster::new)", n, peak, kept, took);
        }
        let catalog =
            intake::read_catalog(&data("catalog.json"), &ReadOptions::default()).expect("catalog");
        let inspectors = intake::read_inspectors(&data("inspectors.json"), &ReadOptions::default())
            .expect("inspectors");
        let request = super::sample_plan::request();
        let (report, peak, kept, took) = measure(|| eligibility(&request, &catalog, &roster, &[]));
        let report = report.expect("report");
        line("eligibility (borrowed)", n, peak, kept, took);
        let eligible: usize = report
            .items
            .iter()
            .flat_map(|i| &i.strata)
            .map(|s| s.eligible.len())
            .sum();
        let excluded: usize = report.items.iter().map(|i| i.excluded.len()).sum();
        println!("{n:>9} eligible entries {eligible}, excluded {excluded}");
        let meta: PlanMeta = serde_json::from_str(
            r#"{"task_id": "HLGL-2026-SP-01", "reveal_order": "after_beacon",
                "beacons": [{"source_id": "ssq", "kind": "cwl_ssq", "series": "cwl.ssq", "draw": "2026025"}],
                "parties": [{"party_id": "notary", "commitment": "00000000000000000000000000000000000000000000000000000000000000aa"}]}"#,
        )
        .expect("meta");
        let (plan, peak, kept, took) =
            measure(|| plan_from_eligibility(&report, &catalog, &inspectors, &meta));
        let plan = plan.expect("plan");
        line("plan (apart)", n, peak, kept, took);
        let (drawn, peak, kept, took) =
            measure(|| draw_eligible(&report, &catalog, &plan, &Bytes32([0x5a; 32])));
        let drawn = drawn.expect("draw");
        line("draw_eligible (borrowed)", n, peak, kept, took);
        println!(
            "{n:>9} roster {} enterprises, {} visits",
            roster.len(),
            drawn.visits.len()
        );
    }
}
