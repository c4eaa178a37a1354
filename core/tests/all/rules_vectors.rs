//! Runs the eligibility vectors in `tests/vectors/eligibility/*.json` (schema in that
//! folder's README.md). With `SSJ_BLESS=1` the expected reports are (re)written — then
//! check the diff by hand.

use std::path::{Path, PathBuf};

use serde_json::Value;
use shuangsuiji::Error;
use shuangsuiji::model::{Catalog, CheckRecord, Roster};
use shuangsuiji::rules::{EligibilityReport, PlanRequest, eligibility};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/eligibility")
}

fn parse<T: serde::de::DeserializeOwned>(v: &Value, field: &str) -> Result<T, Error> {
    serde_json::from_value(v.get(field).cloned().unwrap_or(Value::Null))
        .map_err(|e| Error::from_json(&e).within(field))
}

fn run(v: &Value) -> Result<EligibilityReport, Error> {
    let catalog = Catalog::from_json(&v["catalog"].to_string())?;
    let roster: Roster = parse(v, "roster")?;
    let history: Vec<CheckRecord> = parse(v, "history")?;
    let request: PlanRequest = parse(v, "request")?;
    eligibility(&request, &catalog, &roster, &history)
}

#[test]
fn eligibility_vectors() {
    let bless = std::env::var_os("SSJ_BLESS").is_some();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "vectors missing: {}", paths.len());
    let mut codes_seen = std::collections::BTreeSet::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let mut v: Value = serde_json::from_str(&text).unwrap();
        let got = run(&v);
        if let Some(code) = v.get("expected_error").and_then(Value::as_str) {
            let err = got.expect_err(&name);
            assert_eq!(err.code().as_str(), code, "{name}: {err}");
            continue;
        }
        let report = got.unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = serde_json::to_value(&report).unwrap();
        for it in &report.items {
            for x in &it.excluded {
                codes_seen.extend(x.reasons.iter().map(|r| r.code.as_str()));
            }
            if !it.forced_in.is_empty() {
                codes_seen.insert("forced_in");
            }
        }
        if bless {
            v["expected"] = json;
            std::fs::write(path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
            continue;
        }
        let expected = v
            .get("expected")
            .unwrap_or_else(|| panic!("{name}: no expected"));
        assert_eq!(&json, expected, "{name}");
        let back: EligibilityReport = serde_json::from_value(expected.clone()).unwrap();
        assert_eq!(back, report, "{name}: expected report does not round-trip");
    }
    for code in shuangsuiji::rules::ReasonCode::ALL {
        assert!(
            codes_seen.contains(code.as_str()),
            "no vector shows {}",
            code.as_str()
        );
    }
}
