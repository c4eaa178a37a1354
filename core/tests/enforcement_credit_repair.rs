//! Credit-repair vectors (tests/vectors/credit_repair).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::Value;
use shuangsuiji::enforcement::credit_repair::{PenaltyRecord, RepairFacts, RepairPolicy, assess};

#[test]
fn vectors() {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/credit_repair/cases.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let record: PenaltyRecord = serde_json::from_value(c["record"].clone()).unwrap();
        let facts: RepairFacts = serde_json::from_value(c["facts"].clone()).unwrap();
        let policy: RepairPolicy = c
            .get("policy")
            .map(|p| serde_json::from_value(p.clone()).unwrap())
            .unwrap_or_default();
        let on: NaiveDate = c["on"].as_str().unwrap().parse().unwrap();
        let r = assess(&record, &facts, &policy, on);
        let e = &c["expect"];
        if let Some(code) = e.get("error") {
            assert_eq!(
                r.unwrap_err().code().as_str(),
                code.as_str().unwrap(),
                "{name}"
            );
            continue;
        }
        let a = serde_json::to_value(r.unwrap()).unwrap();
        for key in ["regime", "published", "eligible_now"] {
            if let Some(want) = e.get(key) {
                assert_eq!(&a[key], want, "{name}: {key} in {a:#}");
            }
        }
        for key in ["publicity_last_day", "earliest_repair_application"] {
            if let Some(want) = e.get(key) {
                let got = a.get(key).cloned().unwrap_or(Value::Null);
                assert_eq!(&got, want, "{name}: {key}");
            }
        }
        if let Some(unmet) = e.get("unmet") {
            let got: Vec<Value> = a["conditions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["met"] == false)
                .map(|x| x["condition"].clone())
                .collect();
            assert_eq!(&Value::Array(got), unmet, "{name}");
        }
    }
}
