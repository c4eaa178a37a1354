//! Credit-repair vectors (tests/vectors/credit_repair).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::Value;
use shuangsuiji::enforcement::credit_repair::{PenaltyRecord, RepairFacts, RepairPolicy, assess};

/// The cases of a file of tests/vectors/credit_repair (at least ten).
fn load(file: &str) -> Vec<Value> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/credit_repair")
        .join(file);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let cases = v["cases"].as_array().unwrap().clone();
    assert!(cases.len() >= 10);
    cases
}

/// The conditions not met, in order.
fn unmet(a: &Value) -> Value {
    a["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["met"] == false)
        .map(|x| x["condition"].clone())
        .collect()
}

#[test]
fn vectors() {
    let cases = load("cases.json");
    for c in &cases {
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
        for key in [
            "publicity_last_day",
            "earliest_repair_application",
            "favourable_terms",
            "terms",
        ] {
            if let Some(want) = e.get(key) {
                let got = a.get(key).cloned().unwrap_or(Value::Null);
                assert_eq!(&got, want, "{name}: {key}");
            }
        }
        if let Some(want) = e.get("unmet") {
            assert_eq!(&unmet(&a), want, "{name}");
        }
    }
}

/// Removal from the 经营异常名录 / 严重违法失信名单 and repair of negative check results
/// (tests/vectors/credit_repair/lists.json).
#[test]
fn list_vectors() {
    use shuangsuiji::enforcement::list_removal::{ListFacts, ListRecord, assess as assess_list};
    let cases = load("lists.json");
    for c in &cases {
        let name = c["name"].as_str().unwrap();
        let record: ListRecord = serde_json::from_value(c["record"].clone()).unwrap();
        let facts: ListFacts = serde_json::from_value(c["facts"].clone()).unwrap();
        let on: NaiveDate = c["on"].as_str().unwrap().parse().unwrap();
        let r = assess_list(&record, &facts, on);
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
        for p in a["provenance"].as_array().unwrap() {
            assert!(
                p["article"].is_string() && p["effective_from"].is_string(),
                "{name}: {p}"
            );
        }
        for key in [
            "earliest_removal_application",
            "last_day_listed",
            "decision_working_days",
            "mandatory_removal",
            "eligible_now",
        ] {
            if let Some(want) = e.get(key) {
                assert_eq!(
                    a.get(key).unwrap_or(&Value::Null),
                    want,
                    "{name}: {key} in {a:#}"
                );
            }
        }
        if let Some(want) = e.get("unmet") {
            assert_eq!(&unmet(&a), want, "{name}");
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use shuangsuiji::enforcement::credit_repair::{PenaltyKind, Sector};

    proptest! {
        /// The earliest application never lies after the last day of publicity, and is
        /// never before the publication.
        #[test]
        fn earliest_within_publicity(
            pub_off in 0i64..1500, kinds in proptest::collection::vec(0usize..12, 1..4),
            fine in 0u64..10_000_000, sector in 0usize..4, assess_off in 0i64..2000,
        ) {
            const ALL: [PenaltyKind; 12] = [
                PenaltyKind::Warning, PenaltyKind::CircularCriticism, PenaltyKind::Fine,
                PenaltyKind::Confiscation, PenaltyKind::LicenceSuspension,
                PenaltyKind::QualificationDowngrade, PenaltyKind::LicenceRevocation,
                PenaltyKind::BusinessLicenceRevocation, PenaltyKind::ProductionSuspension,
                PenaltyKind::BusinessRestriction, PenaltyKind::PractitionerRestriction,
                PenaltyKind::Closure,
            ];
            let decided = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap() + chrono::Duration::days(pub_off);
            let rec = PenaltyRecord {
                decided_on: decided,
                published_on: Some(decided + chrono::Duration::days(10)),
                penalties: kinds.iter().map(|k| ALL[*k]).collect(),
                simple_procedure: false,
                fine_fen: Some(fine),
                sector: [Sector::Food, Sector::Drug, Sector::SpecialEquipment, Sector::Other][sector],
                restriction_months: None,
                class: None,
            };
            let facts = RepairFacts { duties_fulfilled: true, harm_eliminated: true, ..Default::default() };
            let policy = RepairPolicy { low_fine_max_fen: Some(100_000) };
            let a = assess(&rec, &facts, &policy, decided + chrono::Duration::days(assess_off)).unwrap();
            if let Some(e) = a.earliest_repair_application {
                prop_assert!(a.published);
                prop_assert!(e > rec.published_on.unwrap());
                prop_assert!(e <= a.publicity_last_day.unwrap());
                prop_assert!(!rec.penalties.iter().any(|p| p.blocks_early_stop()));
            }
            if rec.penalties.iter().all(|p| *p == PenaltyKind::Warning) {
                prop_assert!(!a.published);
            }
            // 从旧兼从轻: never later than the governing regime alone, and a later
            // regime's terms never take effect before that regime existed.
            let old = &a.terms[0];
            let from = NaiveDate::from_ymd_opt(2025, 12, 25).unwrap();
            if let (Some(l), Some(o)) = (a.publicity_last_day, old.publicity_last_day) {
                prop_assert!(l <= o);
                if l != o {
                    prop_assert!(a.favourable_terms.is_some() && l >= from.pred_opt().unwrap());
                }
            }
            if let Some(e) = a.earliest_repair_application {
                if Some(e) != old.earliest_repair_application {
                    prop_assert!(a.favourable_terms.is_some() && e >= from);
                }
            }
        }
    }
}
