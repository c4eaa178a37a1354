//! Leniency: every bundled menu entry qualifies on a constructed case and fails, on
//! exactly that condition, when any one condition is violated; plus the JSON vectors in
//! tests/vectors/leniency.

use std::path::PathBuf;

use chrono::{Months, NaiveDate};
use serde_json::Value;
use shuangsuiji::enforcement::{
    CaseFacts, Condition, Correction, CorrectionRequirement, EntryStatus, Harm, Menu, MenuEntry,
    Outcome, RuleId, Stage, ViolationRecord, decide,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn base() -> CaseFacts {
    serde_json::from_value(serde_json::json!({
        "violation_type": "t", "committed_on": "2025-06-02", "discovered_on": "2025-06-10",
        "correction": "not_corrected", "harm": "harmful", "division": "370102"
    }))
    .unwrap()
}

fn satisfy(c: &Condition, f: &mut CaseFacts) {
    match c {
        Condition::FirstOffence { .. } | Condition::EntryInForce => {}
        Condition::Corrected { .. } => f.correction = Correction::Immediately,
        Condition::HarmAtMost { level } => f.harm = (*level).min(f.harm),
        Condition::GoodsValueAtMost { fen } => f.goods_value_fen = Some(*fen),
        Condition::NoFoodSafetyIncident => f.food_safety_incident = false,
        Condition::NoFoodborneIllness => f.foodborne_illness = false,
        Condition::NotIntentional => f.intentional = Some(false),
        Condition::SourceStated => f.source_stated = Some(true),
        Condition::NotCatering | Condition::FoodBusinessStage => f.stage = Some(Stage::Sale),
        Condition::NotCookedBulkFood => f.item.cooked_bulk_food = Some(false),
        Condition::DurationLessThanMonths { months } => {
            let end = f
                .committed_on
                .checked_add_months(Months::new(*months))
                .unwrap();
            f.continuing_until = end.pred_opt();
        }
        Condition::MeetsLicenceConditions => f.item.meets_licence_conditions = Some(true),
        Condition::NoIncidentDuringLicence => f.item.incident_during_licence = Some(false),
        Condition::LicenceChangeArt52Para3 => f.item.licence_change_art52_3 = Some(true),
        Condition::NotCausedByOperator => f.item.caused_by_operator = Some(false),
        Condition::LabelDefectHarmless => f.item.label_defect_harmless = Some(true),
        other => panic!("menu condition without a test constructor: {other:?}"),
    }
}

fn violate(c: &Condition, f: &mut CaseFacts, h: &mut Vec<ViolationRecord>) {
    match c {
        Condition::FirstOffence { lookback_months } => h.push(ViolationRecord {
            violation_type: f.violation_type.clone(),
            // exactly at the start of the look-back window: still inside it
            committed_on: f
                .committed_on
                .checked_sub_months(Months::new(*lookback_months))
                .unwrap(),
            penalty_decided_on: None,
            food_safety: true,
        }),
        Condition::Corrected { requirement } => {
            f.correction = match requirement {
                CorrectionRequirement::Immediately => Correction::WithinOrderedPeriod,
                CorrectionRequirement::InTime => Correction::NotCorrected,
            }
        }
        Condition::HarmAtMost { level } => {
            f.harm = match level {
                Harm::None => Harm::Minor,
                _ => Harm::Harmful,
            }
        }
        Condition::GoodsValueAtMost { fen } => f.goods_value_fen = Some(fen + 1),
        Condition::NoFoodSafetyIncident => f.food_safety_incident = true,
        Condition::NoFoodborneIllness => f.foodborne_illness = true,
        Condition::NotIntentional => f.intentional = Some(true),
        Condition::SourceStated => f.source_stated = Some(false),
        Condition::NotCatering => f.stage = Some(Stage::Catering),
        Condition::FoodBusinessStage => f.stage = Some(Stage::Production),
        Condition::NotCookedBulkFood => f.item.cooked_bulk_food = Some(true),
        Condition::DurationLessThanMonths { months } => {
            f.continuing_until = f.committed_on.checked_add_months(Months::new(*months));
        }
        Condition::MeetsLicenceConditions => f.item.meets_licence_conditions = Some(false),
        Condition::NoIncidentDuringLicence => f.item.incident_during_licence = Some(true),
        Condition::LicenceChangeArt52Para3 => f.item.licence_change_art52_3 = Some(false),
        Condition::NotCausedByOperator => f.item.caused_by_operator = Some(true),
        Condition::LabelDefectHarmless => f.item.label_defect_harmless = Some(false),
        other => panic!("menu condition without a test constructor: {other:?}"),
    }
}

fn qualifying(e: &MenuEntry) -> CaseFacts {
    let mut f = base();
    for c in &e.conditions {
        satisfy(c, &mut f);
    }
    f
}

fn entries() -> Vec<MenuEntry> {
    Menu::bundled()
        .unwrap()
        .into_iter()
        .flat_map(|m| m.entries)
        .collect()
}

#[test]
fn every_listed_entry_qualifies_and_fails_per_condition() {
    let on = d(2025, 6, 20);
    let mut checked = 0;
    for e in entries().iter().filter(|e| e.status == EntryStatus::Listed) {
        assert!(!e.conditions.is_empty(), "{}", e.id);
        let f = qualifying(e);
        let dec = decide(Some(e), &f, &[], on).unwrap();
        assert_eq!(dec.deciding_rule, RuleId::MenuEntry, "{}: {dec:#?}", e.id);
        assert_eq!(dec.outcome, Outcome::from(e.outcome.unwrap()), "{}", e.id);
        assert!(dec.education_note.is_some(), "{}", e.id);
        for (i, c) in e.conditions.iter().enumerate() {
            let mut f = qualifying(e);
            let mut h = Vec::new();
            violate(c, &mut f, &mut h);
            let dec = decide(Some(e), &f, &h, on).unwrap();
            let eval = dec
                .rules
                .iter()
                .find(|r| r.rule == RuleId::MenuEntry)
                .unwrap();
            assert!(!eval.applies, "{} condition {i} {c:?}", e.id);
            let unmet: Vec<&Condition> = eval
                .conditions
                .iter()
                .filter(|x| !x.met)
                .map(|x| &x.condition)
                .collect();
            assert_eq!(unmet, vec![c], "{} condition {i}", e.id);
            assert_ne!(dec.deciding_rule, RuleId::MenuEntry);
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} condition checks");
}

#[test]
fn entries_outside_their_validity_do_not_apply() {
    let e = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    let mut f = qualifying(&e);
    f.committed_on = d(2025, 1, 2);
    f.discovered_on = d(2025, 1, 3);
    f.continuing_until = None;
    let dec = decide(Some(&e), &f, &[], d(2025, 2, 6)).unwrap();
    let eval = dec
        .rules
        .iter()
        .find(|r| r.rule == RuleId::MenuEntry)
        .unwrap();
    assert!(!eval.applies);
    assert!(!eval.conditions[0].met);
    // …but Art. 33 ¶1 second sentence still gives 可以不予.
    assert_eq!(dec.outcome, Outcome::MayNotPunish);
    assert_eq!(dec.deciding_rule, RuleId::FirstOffence);
}

#[test]
fn not_found_entries_cannot_be_applied_and_missing_facts_are_errors() {
    let nf = Menu::bundled_entry("samr-2025-first-offence-7").unwrap();
    let e = decide(Some(&nf), &base(), &[], d(2025, 6, 20)).unwrap_err();
    assert_eq!(e.code().as_str(), "menu_entry_not_found");
    let e5 = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    let mut f = qualifying(&e5);
    f.source_stated = None;
    let e = decide(Some(&e5), &f, &[], d(2025, 6, 20)).unwrap_err();
    assert_eq!(e.code().as_str(), "facts_invalid");
    assert_eq!(e.details().field.as_deref(), Some("source_stated"));
    assert_eq!(
        Menu::bundled_entry("nope").unwrap_err().code().as_str(),
        "menu_entry_unknown"
    );
}

#[test]
fn bundled_menu_shape() {
    let menus = Menu::bundled().unwrap();
    let count = |id: &str| menus.iter().find(|m| m.id == id).unwrap().entries.len();
    assert_eq!(count("samr-2025-first-offence"), 8);
    assert_eq!(count("samr-2025-minor"), 4);
    let e5 = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    assert!(e5.flags.iter().any(|f| matches!(
        f,
        shuangsuiji::enforcement::EntryFlag::NeedsOfficialAttachment
    )));
    for m in &menus {
        assert!(
            m.provenance.verification.as_str() != "verified",
            "menus are [S]"
        );
    }
}

#[test]
fn vectors() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/leniency/cases.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let entry = c
            .get("entry")
            .and_then(Value::as_str)
            .map(|id| Menu::bundled_entry(id).unwrap());
        let facts: CaseFacts = serde_json::from_value(c["facts"].clone()).unwrap();
        let history: Vec<ViolationRecord> =
            serde_json::from_value(c.get("history").cloned().unwrap_or(Value::Array(vec![])))
                .unwrap();
        let on: NaiveDate = c["on"].as_str().unwrap().parse().unwrap();
        let result = decide(entry.as_ref(), &facts, &history, on);
        let expect = &c["expect"];
        if let Some(code) = expect.get("error") {
            assert_eq!(
                result.unwrap_err().code().as_str(),
                code.as_str().unwrap(),
                "{name}"
            );
            continue;
        }
        let dec = result.unwrap();
        for r in dec.rules.iter().filter(|r| r.rule != RuleId::MenuEntry) {
            assert!(
                r.provenance.article.is_some(),
                "{name}: {:?} cites no article",
                r.rule
            );
            assert!(
                r.provenance.effective_from.is_some(),
                "{name}: {:?} has no date",
                r.rule
            );
            assert_eq!(
                r.provenance.verification.as_str(),
                "verified",
                "{name}: {:?}",
                r.rule
            );
        }
        let json = serde_json::to_value(&dec).unwrap();
        assert_eq!(json["outcome"], expect["outcome"], "{name}: {json:#}");
        assert_eq!(json["deciding_rule"], expect["deciding_rule"], "{name}");
        if let Some(edu) = expect.get("education") {
            assert_eq!(
                dec.education_note.is_some(),
                edu.as_bool().unwrap(),
                "{name}"
            );
        }
        if let Some(want) = expect.get("basis") {
            // each listed reference is in the decision's basis (the keys it lists equal)
            for w in want.as_array().unwrap() {
                assert!(
                    json["basis"].as_array().unwrap().iter().any(|b| w
                        .as_object()
                        .unwrap()
                        .iter()
                        .all(|(k, v)| &b[k] == v)),
                    "{name}: basis lacks {w} in {:#}",
                    json["basis"]
                );
            }
        }
        if let Some(unmet) = expect.get("unmet") {
            // conditions unmet in the named rule, by kind
            for (rule, kinds) in unmet.as_object().unwrap() {
                let r = json["rules"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["rule"] == rule.as_str())
                    .unwrap();
                let got: Vec<&Value> = r["conditions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|x| x["met"] == false)
                    .map(|x| &x["condition"]["kind"])
                    .collect();
                let want: Vec<&Value> = kinds.as_array().unwrap().iter().collect();
                assert_eq!(got, want, "{name}: unmet in {rule}");
            }
        }
    }
}

#[test]
fn menus_name_their_issuer_and_territory() {
    use shuangsuiji::enforcement::Territory;
    use shuangsuiji::model::DivisionCode;
    let div = |s: &str| DivisionCode::parse(s).unwrap();
    for m in Menu::bundled().unwrap() {
        let scope = m.scope.as_ref().unwrap();
        assert!(!scope.issuer.is_empty(), "{}", m.id);
        let want = if m.id.starts_with("samr-") {
            Territory::National
        } else {
            Territory::Division(div("370000"))
        };
        assert_eq!(scope.territory, want, "{}", m.id);
        for e in &m.entries {
            assert_eq!(e.scope.as_ref(), Some(scope), "{}", e.id);
        }
    }
    let sd = Menu::bundled_entry("shandong-2021-food-label-flaw").unwrap();
    let mut f = base();
    f.correction = Correction::Immediately;
    f.harm = Harm::None;
    f.item.label_defect_harmless = Some(true);
    assert_eq!(
        decide(Some(&sd), &f, &[], d(2025, 6, 20))
            .unwrap()
            .deciding_rule,
        RuleId::MenuEntry
    );
    f.division = Some(div("150581"));
    let err = decide(Some(&sd), &f, &[], d(2025, 6, 20)).unwrap_err();
    assert_eq!(err.code().as_str(), "menu_out_of_territory");
    assert_eq!(err.details().value.as_deref(), Some("150581"));
    f.division = None;
    let err = decide(Some(&sd), &f, &[], d(2025, 6, 20)).unwrap_err();
    assert_eq!(err.code().as_str(), "facts_invalid");
    assert_eq!(err.details().field.as_deref(), Some("division"));
    // a national entry needs no division
    let e5 = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    assert!(e5.check_territory(None).is_ok());
    assert!(e5.check_territory(Some(div("150581"))).is_ok());
    // an entry that lost its scope cannot be applied anywhere
    let mut bare = sd.clone();
    bare.scope = None;
    f.division = Some(div("370102"));
    let err = decide(Some(&bare), &f, &[], d(2025, 6, 20)).unwrap_err();
    assert_eq!(err.code().as_str(), "menu_invalid");
}

#[test]
fn menu_scope_is_required_and_entries_stay_inside() {
    let menu = |scope: &str, entry_scope: &str| {
        format!(
            r#"{{"id": "m", "title": "t", "provenance": {{"document": "d", "verification": "local"}}{scope},
            "entries": [{{"id": "m-1", "status": "listed", "violation_type": "t", "outcome": "lighter",
            "verification": "local"{entry_scope}}}]}}"#
        )
    };
    let code = |s: String| Menu::parse(&s).map(|_| ()).map_err(|e| e.code().as_str());
    assert_eq!(code(menu("", "")), Err("menu_invalid"));
    let sd = r#", "scope": {"issuer": "x", "territory": {"division": "370000"}}"#;
    assert_eq!(code(menu(sd, "")), Ok(()));
    let jinan = r#", "scope": {"issuer": "y", "territory": {"division": "370100"}}"#;
    assert_eq!(code(menu(sd, jinan)), Ok(()));
    let other = r#", "scope": {"issuer": "y", "territory": {"division": "150500"}}"#;
    assert_eq!(code(menu(sd, other)), Err("menu_invalid"));
    let national = r#", "scope": {"issuer": "y", "territory": "national"}"#;
    assert_eq!(code(menu(sd, national)), Err("menu_invalid"));
    assert_eq!(code(menu(national, sd)), Ok(()));
}

#[test]
fn every_not_found_entry_is_refused() {
    let mut n = 0;
    for e in entries()
        .iter()
        .filter(|e| e.status == EntryStatus::NotFound)
    {
        assert!(e.conditions.is_empty() && e.outcome.is_none(), "{}", e.id);
        assert!(
            e.note.is_some(),
            "{} needs a note saying what was not found",
            e.id
        );
        let err = decide(Some(e), &base(), &[], d(2025, 6, 20)).unwrap_err();
        assert_eq!(err.code().as_str(), "menu_entry_not_found", "{}", e.id);
        n += 1;
    }
    assert_eq!(n, 5); // 首违 7, 8; 轻微 three of four
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn record() -> impl Strategy<Value = ViolationRecord> {
        (
            0usize..3,
            0i64..2000,
            proptest::option::of(0i64..400),
            any::<bool>(),
        )
            .prop_map(|(t, back, pen, food)| {
                let committed = d(2025, 6, 2) - chrono::Duration::days(back);
                ViolationRecord {
                    violation_type: ["t", "u", "v"][t].to_owned(),
                    committed_on: committed,
                    penalty_decided_on: pen.map(|p| committed + chrono::Duration::days(p)),
                    food_safety: food,
                }
            })
    }

    proptest! {
        /// The decision does not depend on the order of the history records.
        #[test]
        fn decision_is_history_order_independent(
            mut history in proptest::collection::vec(record(), 0..8),
            harm in 0usize..3, corr in 0usize..3, food in any::<bool>(), minor in any::<bool>(),
        ) {
            let mut f = base();
            f.harm = [Harm::None, Harm::Minor, Harm::Harmful][harm];
            f.correction = [Correction::Immediately, Correction::WithinOrderedPeriod, Correction::NotCorrected][corr];
            f.food_safety_law = food;
            f.minor_violation = minor;
            let e = Menu::bundled_entry("samr-2025-first-offence-3").unwrap();
            f.item.licence_change_art52_3 = Some(true);
            let a = decide(Some(&e), &f, &history, d(2025, 6, 20)).unwrap();
            history.reverse();
            let b = decide(Some(&e), &f, &history, d(2025, 6, 20)).unwrap();
            prop_assert_eq!(a, b);
        }

        /// Never 不予 / 可以不予 when the harm is beyond minor, unless no fault is proven.
        #[test]
        fn harmful_acts_are_never_excused(corr in 0usize..3, minor in any::<bool>(), food in any::<bool>()) {
            let mut f = base();
            f.harm = Harm::Harmful;
            f.correction = [Correction::Immediately, Correction::WithinOrderedPeriod, Correction::NotCorrected][corr];
            f.minor_violation = minor;
            f.food_safety_law = food;
            for e in entries().iter().filter(|e| e.status == EntryStatus::Listed) {
                let mut g = qualifying(e);
                g.harm = f.harm; g.correction = f.correction; g.minor_violation = minor; g.food_safety_law = food;
                let dec = decide(Some(e), &g, &[], d(2025, 6, 20)).unwrap();
                prop_assert!(!matches!(dec.outcome, Outcome::NotPunished | Outcome::MayNotPunish), "{}", e.id);
            }
        }
    }
}

#[test]
fn bazhong_three_year_lookback() {
    let samr = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    let bazhong = samr.clone().with_first_offence_lookback(36);
    let f = qualifying(&samr);
    let h = vec![ViolationRecord {
        violation_type: f.violation_type.clone(),
        committed_on: d(2022, 12, 2), // 30 months before 2025-06-02
        penalty_decided_on: None,
        food_safety: true,
    }];
    let on = d(2025, 6, 20);
    assert_eq!(
        decide(Some(&samr), &f, &h, on).unwrap().deciding_rule,
        RuleId::MenuEntry
    );
    let dec = decide(Some(&bazhong), &f, &h, on).unwrap();
    assert_ne!(dec.deciding_rule, RuleId::MenuEntry);
}

#[test]
fn custom_menus_parse_validate_and_decide() {
    let local = r#"{
      "id": "local", "title": "本地从轻清单（示例）",
      "provenance": {"document": "synthetic example", "verification": "synthetic", "effective_from": "2025-01-01"},
      "scope": {"issuer": "示例市场监督管理局", "territory": {"division": "370100"}},
      "entries": [{
        "id": "local-1", "number": 1, "status": "listed", "violation_type": "t",
        "conditions": [{"kind": "corrected", "requirement": "immediately"}],
        "outcome": "lighter", "verification": "local"
      }]
    }"#;
    let m = Menu::parse(local).unwrap();
    let mut f = base();
    f.correction = Correction::Immediately;
    let dec = decide(Some(&m.entries[0]), &f, &[], d(2025, 6, 20)).unwrap();
    assert_eq!(dec.outcome, Outcome::Lighter);
    assert_eq!(dec.deciding_rule, RuleId::MenuEntry);
    assert!(dec.education_note.is_none());

    let dup = local.replace(
        r#""entries": [{"#,
        r#""entries": [{"id": "local-1", "status": "not_found", "verification": "local"}, {"#,
    );
    assert_eq!(
        Menu::parse(&dup).unwrap_err().code().as_str(),
        "menu_invalid"
    );
    let no_outcome = local.replace(r#""outcome": "lighter", "#, "");
    assert_eq!(
        Menu::parse(&no_outcome).unwrap_err().code().as_str(),
        "menu_invalid"
    );
    let bad_kind = local.replace(r#""kind": "corrected""#, r#""kind": "no_such_condition""#);
    assert_eq!(
        Menu::parse(&bad_kind).unwrap_err().code().as_str(),
        "json_shape"
    );
    let extra = local.replace(
        r#""requirement": "immediately""#,
        r#""requirement": "immediately", "x": 1"#,
    );
    assert_eq!(
        Menu::parse(&extra).unwrap_err().code().as_str(),
        "json_shape"
    );
}

/// Timing probe, run by hand: `cargo test --release -p shuangsuiji --test
/// all enforcement_leniency:: -- --ignored --nocapture`.
#[test]
#[ignore = "timing probe, not a correctness test"]
fn timing_probe() {
    let e = Menu::bundled_entry("samr-2025-first-offence-5").unwrap();
    let f = qualifying(&e);
    let h: Vec<ViolationRecord> = (0..50)
        .map(|i| ViolationRecord {
            violation_type: if i % 2 == 0 { "t".into() } else { "u".into() },
            committed_on: d(2020, 1, 1) + chrono::Duration::days(i * 30),
            penalty_decided_on: None,
            food_safety: true,
        })
        .collect();
    let t = std::time::Instant::now();
    let t0 = std::time::Instant::now();
    let _ = Menu::bundled().unwrap();
    println!("Menu::bundled(): {:?}", t0.elapsed());
    let mut n = 0;
    for _ in 0..10_000 {
        if decide(Some(&e), &f, &h, d(2025, 6, 20)).is_ok() {
            n += 1;
        }
    }
    println!("{n} decisions (50-record history) in {:?}", t.elapsed());
}
