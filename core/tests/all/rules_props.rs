//! Property tests of the sampling rules: caps, hierarchy exclusion, quotas and order
//! independence of the eligibility report.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;
use serde_json::json;
use shuangsuiji::model::{
    Authority, Catalog, CheckKind, CheckRecord, CreditClass, DivisionCode, Enterprise, ItemId,
    Ratio, RegistrationStatus, RiskGrade, Roster, Uscc, org_code_check_char,
};
use shuangsuiji::rules::{
    CapConfig, CapScope, EligibilityReport, HierarchyMode, PlanRequest, PolicySource, ReasonCode,
    SamplingPolicy, eligibility, quota,
};

const ITEMS: [&str; 2] = ["fire.safety", "market.food_production"];
const DIVISIONS: [&str; 3] = ["150581", "150502", "150521"];

fn uscc(i: u32) -> Uscc {
    let body = format!("{i:08}");
    let bytes: [u8; 8] = body.as_bytes().try_into().unwrap();
    let check = char::from(org_code_check_char(&bytes).unwrap());
    Uscc::complete(&format!("91150581{body}{check}")).unwrap()
}

fn authority(i: usize) -> Authority {
    let (id, dept, level, jur) = [
        ("hlgl-market", "market", "county", "150581"),
        ("tongliao-market", "market", "prefecture", "150500"),
        ("nmg-market", "market", "provincial", "150000"),
        ("tongliao-fire", "fire", "prefecture", "150500"),
        ("keerqin-market", "market", "county", "150502"),
        ("hlgl-fire", "fire", "county", "150581"),
    ][i % 6];
    serde_json::from_value(
        json!({"id": id, "department": dept, "level": level, "jurisdiction": jur}),
    )
    .unwrap()
}

fn planner() -> Authority {
    authority(0)
}

fn catalog() -> Catalog {
    Catalog::from_json(
        &json!({
            "id": "c", "version": "1",
            "items": [
                {"id": "market.food_production", "name": "食品生产", "department": "market",
                 "kind": "key", "form": "joint", "applies_to": {"categories": ["food_production"]},
                 "provenance": {"document": "令49", "verification": "verified"}},
                {"id": "fire.safety", "name": "消防安全", "department": "fire",
                 "kind": "general", "form": "joint",
                 "provenance": {"document": "消防法", "verification": "verified"}}
            ]
        })
        .to_string(),
    )
    .unwrap()
}

prop_compose! {
    fn enterprise(i: u32)(
        div in 0usize..3,
        credit in 0usize..5,
        grade in proptest::option::of(0usize..4),
        food in any::<bool>(),
        status in prop_oneof![6 => Just(0usize), 1 => 0usize..5],
        abnormal in any::<bool>(),
    ) -> Enterprise {
        let mut e = Enterprise::new(uscc(i), "企业", DivisionCode::parse(DIVISIONS[div]).unwrap(),
            CreditClass::ALL[credit]);
        e.food_risk_grade = grade.map(|g| RiskGrade::ALL[g]);
        if food { e.categories.insert("food_production:dairy".to_owned()); }
        e.status = RegistrationStatus::ALL[status];
        e.abnormal = abnormal;
        e
    }
}

fn enterprises(n: u32) -> impl Strategy<Value = Vec<Enterprise>> {
    (0..n).map(enterprise).collect::<Vec<_>>()
}

fn date_in(days: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 1).unwrap() + chrono::Days::new(u64::from(days))
}

prop_compose! {
    fn record(n: u32)(
        who in 0..n, days in 0u32..520, auth in 0usize..6, kind in 0usize..CheckKind::ALL.len(),
        items in proptest::sample::subsequence(ITEMS.to_vec(), 0..=2),
        task in 0u32..4, visit in proptest::option::of(0u32..3),
    ) -> CheckRecord {
        serde_json::from_value(json!({
            "task_id": format!("T{task}"),
            "visit_id": visit.map(|v| format!("V{v}")),
            "uscc": uscc(who).as_str(),
            "date": date_in(days).to_string(),
            "authority": authority(auth),
            "items": items,
            "kind": CheckKind::ALL[kind].as_str(),
        })).unwrap()
    }
}

fn policy() -> SamplingPolicy {
    serde_json::from_value(json!({
        "name": "test",
        "provenance": {"document": "test", "verification": "synthetic"},
        "rows": [
            {"item_kind": "key", "stratum": {"credit_class": "A"}, "ratio": "1/3", "min": 1},
            {"item_kind": "key", "stratum": {"credit_class": "B"}, "ratio": "1/2", "max": 2},
            {"item_kind": "key", "stratum": {"credit_class": "C"}, "ratio": "1/1"},
            {"item_kind": "key", "stratum": {"credit_class": "D"}, "ratio": "1/1"},
            {"item_kind": "general", "stratum": {"food_risk_grade": "A"}, "ratio": "1/10"},
            {"item_kind": "general", "stratum": {"food_risk_grade": "B"}, "ratio": "1/5"},
            {"item_kind": "general", "stratum": {"food_risk_grade": "C"}, "ratio": "1/2", "min": 2, "max": 3},
            {"item": "fire.safety", "stratum": {}, "ratio": "3/100", "min": 1}
        ]
    }))
    .unwrap()
}

#[derive(Debug, Clone)]
struct Setup {
    cap: Option<CapConfig>,
    hierarchy: HierarchyMode,
    date: NaiveDate,
    force_abnormal: bool,
}

fn setup() -> impl Strategy<Value = Setup> {
    (
        proptest::option::of((
            1u32..4,
            0usize..4,
            proptest::sample::subsequence(CheckKind::ALL.to_vec(), 0..4),
        )),
        0usize..3,
        0u32..200,
        any::<bool>(),
    )
        .prop_map(|(cap, h, d, force_abnormal)| Setup {
            cap: cap.map(|(limit, scope, kinds)| CapConfig {
                limit,
                scope: [
                    CapScope::ThisAuthority,
                    CapScope::AllAuthorities,
                    CapScope::SameLevel,
                    CapScope::SameDepartment,
                ][scope],
                counted_kinds: kinds.into_iter().collect(),
                ..CapConfig::default()
            }),
            hierarchy: [
                HierarchyMode::Off,
                HierarchyMode::SameYear,
                HierarchyMode::SameItemsThreeMonths,
            ][h],
            date: date_in(200 + d),
            force_abnormal,
        })
}

fn request(s: &Setup, items: &[&str], policy: SamplingPolicy) -> PlanRequest {
    PlanRequest {
        authority: planner(),
        year: s.date.year(),
        date: s.date,
        items: items.iter().map(|i| ItemId::parse(i).unwrap()).collect(),
        policy: PolicySource::Explicit(policy),
        cap: s.cap.clone(),
        cap_preset: None,
        coverage: None,
        hierarchy: s.hierarchy,
        force_in: shuangsuiji::rules::ForceInConfig {
            abnormal: s.force_abnormal,
            ..Default::default()
        },
    }
}

/// The history as known on the plan date (later rows are refused, issue #15 item 5).
fn known(s: &Setup, hist: &[CheckRecord]) -> Vec<CheckRecord> {
    hist.iter().filter(|r| r.date <= s.date).cloned().collect()
}

fn run(s: &Setup, es: &[Enterprise], hist: &[CheckRecord]) -> EligibilityReport {
    let roster = Roster::new(es.to_vec()).unwrap();
    eligibility(&request(s, &ITEMS, policy()), &catalog(), &roster, hist).unwrap()
}

fn in_pool(report: &EligibilityReport, item: &str, u: &Uscc) -> bool {
    report
        .items
        .iter()
        .filter(|i| i.item.as_str() == item)
        .any(|i| {
            i.strata.iter().any(|s| s.eligible.contains(u))
                || i.forced_in.iter().any(|f| &f.uscc == u)
        })
}

fn reasons(report: &EligibilityReport, item: &str, u: &Uscc) -> Vec<ReasonCode> {
    report
        .items
        .iter()
        .filter(|i| i.item.as_str() == item)
        .flat_map(|i| i.excluded.iter().filter(|x| &x.uscc == u))
        .flat_map(|x| x.reasons.iter().map(|r| r.code))
        .collect()
}

/// Independent reference count of capped visits.
fn counted_visits(cap: &CapConfig, year: i32, u: &Uscc, hist: &[CheckRecord]) -> usize {
    let me = planner();
    hist.iter()
        .filter(|r| &r.uscc == u && r.date.year() == year && cap.counted_kinds.contains(&r.kind))
        .filter(|r| match cap.scope {
            CapScope::ThisAuthority => r.authority.id == me.id,
            CapScope::AllAuthorities => true,
            CapScope::SameLevel => r.authority.level == me.level,
            CapScope::SameDepartment => r.authority.department == me.department,
        })
        .map(CheckRecord::visit_key)
        .collect::<BTreeSet<_>>()
        .len()
}

fn reference_quota(n: u64, p: u32, q: u32, min: Option<u64>, max: Option<u64>) -> u64 {
    let num = u128::from(n) * u128::from(p);
    let c = num / u128::from(q) + u128::from(num % u128::from(q) != 0);
    let c = u64::try_from(c).unwrap();
    let c = match max {
        Some(m) if c > m => m,
        _ => c,
    };
    let c = match min {
        Some(m) if c < m => m,
        _ => c,
    };
    if c > n { n } else { c }
}

fn shuffle<T: Clone>(v: &[T], key: &[u64]) -> Vec<T> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by_key(|&i| (key.get(i).copied().unwrap_or(0), i));
    idx.into_iter().map(|i| v[i].clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn at_cap_never_eligible(
        s in setup(),
        (es, hist) in enterprises(12).prop_flat_map(|es| (Just(es), proptest::collection::vec(record(12), 0..40))),
    ) {
        let hist = known(&s, &hist);
        let report = run(&s, &es, &hist);
        for e in &es {
            let at_cap = s.cap.as_ref().is_some_and(|c| {
                counted_visits(c, s.date.year(), &e.uscc, &hist) >= c.limit as usize
            });
            for item in ITEMS {
                let rs = reasons(&report, item, &e.uscc);
                prop_assert_eq!(at_cap, rs.contains(&ReasonCode::YearlyCapReached));
                if at_cap {
                    prop_assert!(!in_pool(&report, item, &e.uscc));
                }
            }
        }
    }

    #[test]
    fn checked_by_covering_higher_level_never_eligible(
        s in setup(),
        (es, hist) in enterprises(12).prop_flat_map(|es| (Just(es), proptest::collection::vec(record(12), 0..40))),
    ) {
        let hist = known(&s, &hist);
        let report = run(&s, &es, &hist);
        let me = planner();
        for e in &es {
            for item in ITEMS {
                let id = ItemId::parse(item).unwrap();
                let dept = &catalog().item(&id).unwrap().department.clone();
                let blocked = hist.iter().filter(|r| r.uscc == e.uscc)
                    .filter(|r| &r.authority.department == dept
                        && r.authority.is_above(&me) && r.authority.covers(e.division))
                    .any(|r| match s.hierarchy {
                        HierarchyMode::Off => false,
                        HierarchyMode::SameYear =>
                            r.kind == CheckKind::Random && r.date.year() == s.date.year(),
                        HierarchyMode::SameItemsThreeMonths => r.items.contains(&id)
                            && matches!(r.kind, CheckKind::Random | CheckKind::Special
                                | CheckKind::FlightCheck | CheckKind::SystemCheck)
                            && r.date <= s.date
                            && s.date <= r.date.checked_add_months(Months::new(3)).unwrap(),
                    });
                prop_assert_eq!(blocked, reasons(&report, item, &e.uscc).contains(&ReasonCode::CheckedByHigherLevel));
                if blocked {
                    prop_assert!(!in_pool(&report, item, &e.uscc));
                }
            }
        }
    }

    #[test]
    fn every_enterprise_accounted_once_and_quotas_exact(
        s in setup(),
        (es, hist) in enterprises(16).prop_flat_map(|es| (Just(es), proptest::collection::vec(record(16), 0..30))),
    ) {
        let hist = known(&s, &hist);
        let report = run(&s, &es, &hist);
        for it in &report.items {
            let mut seen = BTreeSet::new();
            for st in &it.strata {
                prop_assert_eq!(st.population, st.eligible.len() as u64);
                prop_assert_eq!(st.quota, reference_quota(st.population, st.ratio.p(), st.ratio.q(), st.min, st.max));
                prop_assert!(st.eligible.windows(2).all(|w| w[0] < w[1]));
                seen.extend(st.eligible.iter().copied());
            }
            for f in &it.forced_in { prop_assert!(seen.insert(f.uscc)); }
            for x in &it.excluded {
                prop_assert!(!x.reasons.is_empty());
                prop_assert!(x.reasons.windows(2).all(|w| w[0].code < w[1].code));
                prop_assert!(seen.insert(x.uscc));
            }
            prop_assert_eq!(seen.len(), es.len());
        }
    }

    #[test]
    fn quota_is_the_integer_formula(
        n in prop_oneof![Just(0u64), 0u64..10_000, any::<u64>()],
        q in 1u32..=1000, p_frac in 0u32..=1000,
        min in proptest::option::of(0u64..200), extra in proptest::option::of(0u64..200),
        mult in 0u64..50,
    ) {
        let p = q / 1000 * p_frac + (q % 1000) * p_frac / 1000;
        let p = p.min(q);
        let ratio = Ratio::new(p, q).unwrap();
        let max = extra.map(|x| min.unwrap_or(0) + x);
        prop_assert_eq!(quota(n, ratio, min, max).unwrap(), reference_quota(n, p, q, min, max));
        // exact multiples of q: no rounding up.
        let exact = u64::from(q) * mult;
        prop_assert_eq!(quota(exact, ratio, None, None).unwrap(), mult * u64::from(p));
        prop_assert_eq!(quota(0, ratio, min, max).unwrap(), 0);
    }

    #[test]
    fn input_order_changes_nothing(
        s in setup(),
        (es, hist) in enterprises(14).prop_flat_map(|es| (Just(es), proptest::collection::vec(record(14), 0..30))),
        keys in proptest::collection::vec(any::<u64>(), 64),
    ) {
        let hist = known(&s, &hist);
        let roster_a = Roster::new(es.clone()).unwrap();
        let roster_b = Roster::new(shuffle(&es, &keys)).unwrap();
        let mut pol = policy();
        let a = eligibility(&request(&s, &ITEMS, pol.clone()), &catalog(), &roster_a, &hist).unwrap();
        pol.rows = shuffle(&pol.rows, &keys[7..]);
        let hist_b = shuffle(&hist, &keys[3..]);
        let items_b = [ITEMS[1], ITEMS[0]];
        let b = eligibility(&request(&s, &items_b, pol), &catalog(), &roster_b, &hist_b).unwrap();
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

#[test]
fn history_after_plan_date_is_refused() {
    let s = Setup {
        cap: Some(CapConfig::default()),
        hierarchy: HierarchyMode::SameYear,
        date: date_in(250),
        force_abnormal: false,
    };
    let e = Enterprise::new(
        uscc(0),
        "企业",
        DivisionCode::parse(DIVISIONS[0]).unwrap(),
        CreditClass::B,
    );
    let roster = Roster::new(vec![e]).unwrap();
    let row = |days: u32| -> CheckRecord {
        serde_json::from_value(json!({
            "task_id": "T1", "uscc": uscc(0).as_str(), "date": date_in(days).to_string(),
            "authority": authority(0), "kind": "random"}))
        .unwrap()
    };
    let on_the_day = [row(100), row(250)];
    assert!(
        eligibility(
            &request(&s, &ITEMS, policy()),
            &catalog(),
            &roster,
            &on_the_day
        )
        .is_ok()
    );
    let later = [row(100), row(251), row(300)];
    let err = eligibility(&request(&s, &ITEMS, policy()), &catalog(), &roster, &later).unwrap_err();
    assert_eq!(err.code().as_str(), "history_after_plan_date");
    assert_eq!(err.details().field.as_deref(), Some("history[1].date"));
}

#[test]
fn quota_edges() {
    let r = Ratio::new(3, 100).unwrap();
    assert_eq!(quota(0, r, Some(5), Some(10)).unwrap(), 0);
    assert_eq!(quota(100, r, None, None).unwrap(), 3);
    assert_eq!(quota(101, r, None, None).unwrap(), 4);
    assert_eq!(quota(1000, r, None, Some(10)).unwrap(), 10);
    assert_eq!(quota(10, r, Some(5), None).unwrap(), 5);
    assert_eq!(quota(3, r, Some(5), None).unwrap(), 3);
    assert_eq!(quota(u64::MAX, Ratio::ONE, None, None).unwrap(), u64::MAX);
    // Issue #15 item 10: min > max is refused here as on the policy path.
    assert_eq!(
        quota(10, r, Some(5), Some(3)).unwrap_err().code().as_str(),
        "min_above_max"
    );
    assert_eq!(quota(10, r, Some(3), Some(3)).unwrap(), 3);
}
