//! Calendar vectors: the committed 2024–2026 working-day table must equal the table the
//! library derives from the bundled notices, and the year-data cases must hold (the status
//! cases, `status.ops.json`, are run by the operation-vector runner `op_vectors`).
//!
//! Regenerate the table after changing calendar data with
//! `SSJ_BLESS=1 cargo test -p shuangsuiji --test all enforcement_calendar::`.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::{Value, json};
use shuangsuiji::enforcement::Calendar;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/calendar")
}

fn render_table(cal: &Calendar) -> String {
    let mut out = String::from("{\n");
    out.push_str("  \"description\": \"Working-day status of every date 2024-01-01..2026-12-31, derived from the State Council holiday notices bundled in core/data/calendar. Status: workday | weekend | holiday_off | makeup_workday.\",\n");
    let notices: Vec<Value> = Calendar::bundled_years()
        .into_iter()
        .filter_map(|y| cal.year(y))
        .map(|y| {
            json!({"year": y.year, "title": y.notice.title, "number": y.notice.number, "issued": y.notice.issued})
        })
        .collect();
    out.push_str(&format!(
        "  \"derived_from\": {},\n",
        serde_json::to_string(&notices).unwrap()
    ));
    out.push_str("  \"days\": {\n");
    let table = cal.table().unwrap();
    let n = table.len();
    for (i, (d, s)) in table.iter().enumerate() {
        let comma = if i + 1 == n { "" } else { "," };
        out.push_str(&format!("    \"{d}\": \"{}\"{comma}\n", s.as_str()));
    }
    out.push_str("  }\n}\n");
    out
}

#[test]
fn committed_table_equals_notices() {
    let cal = Calendar::national().unwrap();
    let rendered = render_table(&cal);
    let path = dir().join("workdays-2024-2026.json");
    if std::env::var_os("SSJ_BLESS").is_some() {
        std::fs::write(&path, &rendered).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    let committed: Value = serde_json::from_str(&committed).unwrap();
    let days = committed["days"].as_object().unwrap();
    assert_eq!(days.len(), 366 + 365 + 365);
    for (d, s) in days {
        let date: NaiveDate = d.parse().unwrap();
        let got = cal.status(date).unwrap();
        assert_eq!(got.as_str(), s.as_str().unwrap(), "{d}");
    }
    assert_eq!(serde_json::from_str::<Value>(&rendered).unwrap(), committed);
}

#[test]
fn year_data_vectors() {
    let text = std::fs::read_to_string(dir().join("cases.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut n = 0;
    for case in v["data_cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let year = serde_json::to_string(&case["year_data"]).unwrap();
        let result = Calendar::parse_year(&year).and_then(|y| Calendar::from_years([y]));
        match case.get("error") {
            Some(e) => assert_eq!(
                result.unwrap_err().code().as_str(),
                e.as_str().unwrap(),
                "{name}"
            ),
            None => {
                result.unwrap();
            }
        }
        n += 1;
    }
    assert!(n >= 5, "too few calendar year-data vectors: {n}");
}
