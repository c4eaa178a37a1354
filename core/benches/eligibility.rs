//! Eligibility over a large roster with many exclusions (issue #25 goals 1 and 6): every
//! exclusion carries its reasons with their evidence, so a roster whose enterprises are
//! often outside an item's scope makes a report of a million reasons.
//!
//! Run: `cargo bench -p shuangsuiji --features parallel --bench eligibility` (size:
//! `SSJ_ELIGIBILITY_N=1000000`; runs: `SSJ_ELIGIBILITY_RUNS=5`). The roster (built before
//! timing, in USCC order) shares its three category lists among its enterprises, as a
//! reader does (`SSJ_ELIGIBILITY_UNSHARED=1`: a list of its own for each, as a roster
//! built in code or read from JSON has). It has credit classes A–D and food risk grades
//! A–D; a third of its enterprises are retailers, outside the scope of both items of the
//! huolinguole sample plan (`not_in_item_scope`: two exclusions each), 2 % are outside
//! the jurisdiction. Prints per run the wall time of `rules::eligibility`, the time to
//! drop its report, and (Linux) the peak and kept growth of the resident size during the
//! call, in bytes per enterprise; then the medians. The first run's memory is the one
//! to read: later runs reuse what the allocator kept from the report dropped before.

use std::time::{Duration, Instant};

use shuangsuiji::model::{
    Catalog, Categories, CreditClass, DivisionCode, Enterprise, RiskGrade, Roster, Uscc,
    org_code_check_char,
};
use shuangsuiji::rules::eligibility;

mod common;
#[path = "common/sample_plan.rs"]
mod sample_plan;
use common::status_kib;

fn uscc(i: usize) -> Uscc {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().expect("8 digits");
    let org = char::from(org_code_check_char(&b).expect("digits"));
    Uscc::complete(&format!("91150581{body}{org}")).expect("valid")
}

fn env_usize(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn roster(n: usize, shared: bool) -> Roster {
    let home = DivisionCode::parse("150581").expect("division");
    let away = DivisionCode::parse("150502").expect("division");
    let classes = [
        CreditClass::A,
        CreditClass::B,
        CreditClass::C,
        CreditClass::D,
    ];
    let grades = [RiskGrade::A, RiskGrade::B, RiskGrade::C, RiskGrade::D];
    let categories = ["food_production:grain", "food_production:dairy", "retail"];
    let lists: Vec<Categories> = categories
        .iter()
        .map(|c| [(*c).to_owned()].into_iter().collect())
        .collect();
    let list = (0..n)
        .map(|i| {
            let h = u64::try_from(i)
                .unwrap_or(0)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                >> 40;
            let pick = |k: u64, m: u64| usize::try_from(h / k % m).unwrap_or(0);
            let division = if pick(1, 50) == 0 { away } else { home };
            let mut e = Enterprise::new(
                uscc(i),
                &format!("示例食品有限公司{i}"),
                division,
                classes[pick(7, 4)],
            );
            if shared {
                e.categories = lists[i % 3].clone();
            } else {
                e.categories.insert(categories[i % 3].to_owned());
            }
            e.food_risk_grade = Some(grades[pick(131, 4)]);
            e
        })
        .collect();
    Roster::new(list).expect("roster")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let n = env_usize("SSJ_ELIGIBILITY_N", 1_000_000);
    let runs = env_usize("SSJ_ELIGIBILITY_RUNS", 5).max(1);
    let shared = std::env::var_os("SSJ_ELIGIBILITY_UNSHARED").is_none();
    let roster = roster(n, shared);
    println!(
        "{n} enterprises; category lists {}",
        if shared {
            "shared, as a reader makes them"
        } else {
            "one per enterprise"
        }
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/huolinguole");
    let catalog =
        Catalog::from_json(&std::fs::read_to_string(dir.join("catalog.json")).expect("catalog"))
            .expect("catalog");
    let request = sample_plan::request();
    let per = |kib: u64| kib * 1024 / u64::try_from(n.max(1)).unwrap_or(1);
    let (mut calls, mut drops) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = status_kib("VmRSS:").unwrap_or(0);
        let start = Instant::now();
        let report = eligibility(&request, &catalog, &roster, &[]).expect("eligibility");
        let took = start.elapsed();
        let peak = status_kib("VmHWM:").unwrap_or(0).saturating_sub(before);
        let kept = status_kib("VmRSS:").unwrap_or(0).saturating_sub(before);
        let excluded: usize = report.items.iter().map(|i| i.excluded.len()).sum();
        let start = Instant::now();
        drop(report);
        let dropped = start.elapsed();
        println!(
            "{n} enterprises, run {run}: eligibility {took:.3?} ({excluded} exclusions), drop {dropped:.3?}; \
             peak +{} B/enterprise, kept +{} B/enterprise",
            per(peak),
            per(kept)
        );
        calls.push(took);
        drops.push(dropped);
    }
    println!(
        "{n} enterprises, median of {runs}: eligibility {:.3?}, drop {:.3?}",
        median(calls),
        median(drops)
    );
}
