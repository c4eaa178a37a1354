//! Deadline vectors (tests/vectors/deadlines): due dates on the national calendar.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::Value;
use shuangsuiji::enforcement::{Calendar, DeadlineKind, Period, deadline, due_date};

fn load() -> Value {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/deadlines/deadlines.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn date(v: &Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn kind_cases() {
    let cal = Calendar::national().unwrap();
    let v = load();
    let cases = v["kind_cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let result = DeadlineKind::parse(c["kind"].as_str().unwrap())
            .and_then(|k| deadline(&cal, k, date(&c["start"])));
        match c.get("error") {
            Some(e) => assert_eq!(
                result.unwrap_err().code().as_str(),
                e.as_str().unwrap(),
                "{name}"
            ),
            None => {
                let d = result.unwrap();
                assert_eq!(d.due, date(&c["due"]), "{name}");
                assert!(
                    cal.is_working_day(d.due).unwrap(),
                    "{name}: due on a non-working day"
                );
            }
        }
    }
}

#[test]
fn period_cases() {
    let cal = Calendar::national().unwrap();
    let v = load();
    for c in v["period_cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let period: Period = serde_json::from_value(serde_json::json!({
            "unit": c["unit"], "count": c["count"]
        }))
        .unwrap();
        let result = due_date(&cal, date(&c["start"]), period);
        match c.get("error") {
            Some(e) => assert_eq!(
                result.unwrap_err().code().as_str(),
                e.as_str().unwrap(),
                "{name}"
            ),
            None => assert_eq!(result.unwrap(), date(&c["due"]), "{name}"),
        }
    }
}

#[test]
fn every_kind_has_provenance_with_article_and_date() {
    for k in DeadlineKind::ALL {
        let p = k.provenance();
        assert!(p.article.is_some(), "{k:?}");
        assert!(p.effective_from.is_some(), "{k:?}");
        assert_eq!(DeadlineKind::parse(k.as_str()).unwrap(), *k);
        let json = serde_json::to_value(k).unwrap();
        assert_eq!(json, k.as_str());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Working-day due dates are working days, strictly after the start, and exactly
        /// `n` working days lie in (start, due].
        #[test]
        fn working_day_periods_count_exactly(offset in 0i64..900, n in 1u32..40) {
            let cal = Calendar::national().unwrap();
            let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(offset);
            let due = due_date(&cal, start, Period::working_days(n)).unwrap();
            prop_assert!(due > start);
            prop_assert!(cal.is_working_day(due).unwrap());
            let count = start.iter_days().skip(1).take_while(|d| *d <= due)
                .filter(|d| cal.is_working_day(*d).unwrap()).count();
            prop_assert_eq!(count, n as usize);
        }

        /// Calendar-day due dates are the first working day on or after start + n.
        #[test]
        fn day_periods_roll_to_first_working_day(offset in 0i64..900, n in 1u32..60) {
            let cal = Calendar::national().unwrap();
            let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(offset);
            let raw = start + chrono::Duration::days(i64::from(n));
            let due = due_date(&cal, start, Period::days(n)).unwrap();
            prop_assert!(due >= raw);
            prop_assert!(cal.is_working_day(due).unwrap());
            for d in raw.iter_days().take_while(|d| *d < due) {
                prop_assert!(!cal.is_working_day(d).unwrap());
            }
        }
    }
}

/// Timing probe, run by hand: `cargo test --release -p shuangsuiji --test
/// all enforcement_deadlines:: -- --ignored --nocapture`.
#[test]
#[ignore = "timing probe, not a correctness test"]
fn timing_probe() {
    let t = std::time::Instant::now();
    let cal = Calendar::national().unwrap();
    println!("Calendar::national(): {:?}", t.elapsed());
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let t = std::time::Instant::now();
    let mut n = 0u32;
    for off in 0..900 {
        let s = start + chrono::Duration::days(off);
        for k in DeadlineKind::ALL {
            if deadline(&cal, *k, s).is_ok() {
                n += 1;
            }
        }
    }
    println!("{n} deadlines in {:?}", t.elapsed());
}

#[test]
fn regional_overlay_moves_deadlines() {
    let overlay: shuangsuiji::enforcement::RegionalOverlay = serde_json::from_value(serde_json::json!({
        "region": "synthetic-region",
        "provenance": {"document": "synthetic example, not a real notice", "verification": "synthetic"},
        "holidays": [{"name": "example", "first_day_off": "2025-06-05", "last_day_off": "2025-06-06"}]
    }))
    .unwrap();
    let national = Calendar::national().unwrap();
    let regional = Calendar::national()
        .unwrap()
        .with_overlay(overlay.clone())
        .unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 6, 3).unwrap();
    let p = Period::working_days(3);
    assert_eq!(
        due_date(&national, start, p).unwrap(),
        NaiveDate::from_ymd_opt(2025, 6, 6).unwrap()
    );
    assert_eq!(
        due_date(&regional, start, p).unwrap(),
        NaiveDate::from_ymd_opt(2025, 6, 10).unwrap()
    );
    assert_eq!(regional.regions(), ["synthetic-region".to_owned()]);
    let mut bad = overlay;
    bad.holidays[0].last_day_off = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    assert_eq!(
        Calendar::national()
            .unwrap()
            .with_overlay(bad)
            .unwrap_err()
            .code()
            .as_str(),
        "calendar_invalid"
    );
}
