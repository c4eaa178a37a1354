//! The enterprise profile (一企一档) and tags (标签化), issue #20: the vectors in
//! `tests/vectors/profile/*.pending.json` (the `cases` shape of `*.ops.json`; named
//! `.pending` until their operations are in `shuangsuiji::ops`, then a rename makes them
//! run in Rust, Python and Node), event intake from CSV (UTF-8 and GBK, every bad row
//! named), and the fold's order independence (a proptest).

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;
use shuangsuiji::enforcement::credit_repair::RepairPolicy;
use shuangsuiji::intake::{ReadOptions, check_events, read_events};
use shuangsuiji::model::{Uscc, Verification, org_code_check_char};
use shuangsuiji::profile::{
    Indicator, ProfileEvent, TagSet, Value as IValue, Window, build_profiles, profile_and_tag,
};

#[test]
fn bundled_tag_set_loads_and_every_rule_cites_a_source() {
    let set = TagSet::food_producers().unwrap();
    assert!(set.rules.len() >= 8);
    for r in &set.rules {
        assert!(!r.provenance.is_empty(), "{}", r.id);
    }
    // The law-backed list tags are verified; the thresholds are presets, marked so.
    let v = |id: &str| -> Vec<Verification> {
        let r = set.rules.iter().find(|r| r.id == id).unwrap();
        r.provenance.iter().map(|p| p.verification).collect()
    };
    assert_eq!(v("food.serious_violation"), [Verification::Verified]);
    assert!(v("food.poor_credit_record").contains(&Verification::Secondary));
    assert!(
        v("food.repeated_complaints")
            .iter()
            .all(|x| *x != Verification::Verified)
    );
}

#[test]
fn csv_events_in_gbk_with_chinese_headers() {
    let csv = "统一社会信用代码,日期,事件类型,来源系统,决定书文号,处罚依据,处罚种类,罚款金额（分）,行业,公示日期\n\
               91350100M000100Y43,2025年10月9日,行政处罚,执法办案系统,某市监罚〔2025〕12号,食品安全法第一百二十四条,fine,500000,food,2025-10-20\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(csv);
    assert!(!bad);
    let ev = read_events(&gbk, &ReadOptions::named("事件.csv")).unwrap();
    assert_eq!(ev.len(), 1);
    let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let p = &build_profiles(&ev, day, &RepairPolicy::default())[0];
    assert_eq!(p.value(Indicator::Penalties, None), IValue::Count(1));
    assert_eq!(p.value(Indicator::PenaltiesShown, None), IValue::Count(1));
    assert_eq!(
        p.value(Indicator::Penalties, Some(Window::Months(6))),
        IValue::Count(0)
    );
}

#[test]
fn every_bad_row_is_named() {
    let csv = "uscc,date,kind,source,reason,passed,product\n\
               91350100M000100Y43,2026-01-01,abnormal_listed,公示系统,未年报,,\n\
               91350100M000100Y43,2026-01-02,abnormal_listed,公示系统,,,\n\
               91350100M000100Y43,2026-01-03,sampling,抽检系统,,maybe,酱油\n\
               91350100M000100Y43,2026-01-04,complaint,12315,原因,,\n\
               91350100M000100Y43,2026-01-05,walk,12315,,,\n";
    let errs = check_events(csv.as_bytes(), &ReadOptions::named("e.csv"));
    let got: Vec<(Option<u64>, &str, Option<&str>)> = errs
        .iter()
        .map(|e| {
            (
                e.details().row,
                e.code().as_str(),
                e.details().field.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(3), "event_field_missing", Some("reason")),
            (Some(4), "cell_invalid", Some("passed")),
            (Some(5), "event_field_unexpected", Some("reason")),
            (Some(6), "event_kind_unknown", Some("kind")),
        ]
    );
    assert!(
        errs.iter()
            .all(|e| e.details().file.as_deref() == Some("e.csv"))
    );
}

/// A field the row's kind needs, in a file without that column: the error names the row and
/// the field, and no column (there is none to name).
#[test]
fn a_missing_column_is_named_by_field() {
    let csv = "uscc,date,kind,source\n91350100M000100Y43,2026-01-02,abnormal_listed,公示系统\n";
    let e = read_events(csv.as_bytes(), &ReadOptions::named("e.csv")).unwrap_err();
    assert_eq!(e.code().as_str(), "event_field_missing");
    assert_eq!(e.details().row, Some(2));
    assert_eq!(e.details().field.as_deref(), Some("reason"));
    assert_eq!(e.details().column, None);
    assert_eq!(e.details().value, None);
}

/// Events from a workbook: a real date cell, a yes/no cell, Chinese headers.
#[cfg(feature = "xlsx")]
#[test]
fn xlsx_events_with_date_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let head = [
        "统一社会信用代码",
        "日期",
        "事件类型",
        "来源系统",
        "产品名称",
        "是否合格",
        "有效期至",
        "许可证编号",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    let day = ExcelDateTime::from_ymd(2025, 10, 1).unwrap();
    ws.write_string(1, 0, "91350100M000100Y43").unwrap();
    ws.write_datetime_with_format(1, 1, &day, &date).unwrap();
    ws.write_string(1, 2, "抽样检验").unwrap();
    ws.write_string(1, 3, "抽检系统").unwrap();
    ws.write_string(1, 4, "酱油").unwrap();
    ws.write_boolean(1, 5, false).unwrap();
    ws.write_string(2, 0, "91350100M000100Y43").unwrap();
    ws.write_datetime_with_format(2, 1, &day, &date).unwrap();
    ws.write_string(2, 2, "许可取得").unwrap();
    ws.write_string(2, 3, "许可系统").unwrap();
    let end = ExcelDateTime::from_ymd(2026, 7, 1).unwrap();
    ws.write_datetime_with_format(2, 6, &end, &date).unwrap();
    ws.write_string(2, 7, "SC1").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let ev = read_events(&bytes, &ReadOptions::named("事件.xlsx")).unwrap();
    assert_eq!(ev.len(), 2);
    let p = &build_profiles(
        &ev,
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        &RepairPolicy::default(),
    )[0];
    assert_eq!(p.value(Indicator::SamplingFailed, None), IValue::Count(1));
    assert_eq!(
        p.value(Indicator::LicenceExpiring, None),
        IValue::Flag(true)
    );
}

fn uscc(i: u32) -> Uscc {
    let body = format!("MA{i:06}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

fn arb_event() -> impl Strategy<Value = Value> {
    let kinds = prop_oneof![
        Just(("complaint", serde_json::json!({"substantiated": true}))),
        Just(("complaint", serde_json::json!({}))),
        Just((
            "sampling",
            serde_json::json!({"product": "酱油", "passed": false, "failed_items": ["铅"]})
        )),
        Just((
            "sampling",
            serde_json::json!({"product": "醋", "passed": true})
        )),
        Just(("abnormal_listed", serde_json::json!({"reason": "未年报"}))),
        Just(("abnormal_removed", serde_json::json!({"reason": "已补报"}))),
        Just((
            "serious_violation_listed",
            serde_json::json!({"reason": "严重违法"})
        )),
        Just((
            "serious_violation_removed",
            serde_json::json!({"reason": "期满"})
        )),
        Just((
            "licence_granted",
            serde_json::json!({"licence_no": "SC1", "expires": "2026-07-01"})
        )),
        Just((
            "licence_changed",
            serde_json::json!({"licence_no": "SC1", "expires": "2031-07-01"})
        )),
        Just(("licence_revoked", serde_json::json!({"licence_no": "SC1"}))),
        Just(("registered", serde_json::json!({}))),
        Just(("check", serde_json::json!({"check_kind": "random"}))),
        Just((
            "check_outcome",
            serde_json::json!({"result": "发现问题已责令改正"})
        )),
        Just((
            "penalty",
            serde_json::json!({"decision_no": "罚1", "basis": "食品安全法第一百二十四条", "penalties": ["fine"], "fine_fen": 100000, "sector": "food", "duties_fulfilled": true, "harm_eliminated": true})
        )),
        Just((
            "penalty",
            serde_json::json!({"decision_no": "罚2", "basis": "食品安全法第一百二十六条", "leniency": "first_offence"})
        )),
    ];
    (kinds, 0u32..3, 0u64..900).prop_map(|((kind, extra), who, day)| {
        let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day);
        let mut v = serde_json::json!({"uscc": uscc(who).to_string(), "date": date, "kind": kind, "source": "s"});
        v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Same events, same profiles and tags, whatever their order.
    #[test]
    fn the_fold_does_not_depend_on_the_order_of_events(
        raw in proptest::collection::vec(arb_event(), 0..40),
        perm in any::<proptest::sample::Index>(),
        swap in any::<proptest::sample::Index>(),
    ) {
        let events: Vec<ProfileEvent> = serde_json::from_value(Value::Array(raw)).unwrap();
        let mut shuffled = events.clone();
        shuffled.reverse();
        if !shuffled.is_empty() {
            let k = perm.index(shuffled.len());
            shuffled.rotate_left(k);
                        let j = swap.index(shuffled.len());
            shuffled.swap(0, j);
        }
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let set = TagSet::food_producers().unwrap();
        let a = profile_and_tag(&events, day, &RepairPolicy::default(), &set);
        let b = profile_and_tag(&shuffled, day, &RepairPolicy::default(), &set);
        prop_assert_eq!(serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap());
    }
}

/// Recorded inspection outcomes flow into the profile: the joint visit of the outcome
/// vector (fire found nothing, market ordered a correction) is one check with a finding.
#[test]
fn recorded_outcomes_become_one_event_per_visit_and_count_as_findings() {
    use shuangsuiji::outcomes::OutcomeSet;
    use shuangsuiji::profile::{EventDetail, Indicator, events_from_outcomes};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/outcomes/accept_joint_visit.ops.json"
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let set: OutcomeSet = serde_json::from_value(doc["cases"][0]["expect"].clone()).unwrap();
    let events = events_from_outcomes(&set);
    // Three department records, two visits: the joint visit counts once.
    assert_eq!(set.records.len(), 3);
    assert_eq!(events.len(), 2);
    let results: Vec<&str> = events
        .iter()
        .map(|e| match &e.detail {
            EventDetail::CheckOutcome { result } => result.as_str(),
            other => panic!("not a check outcome: {other:?}"),
        })
        .collect();
    assert_eq!(results, ["发现问题已责令改正", "发现问题待后续处理"]);
    assert!(
        events
            .iter()
            .all(|e| e.reference.as_deref() == Some("HLGL-2026-001"))
    );
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let profiles = build_profiles(&events, as_of, &RepairPolicy::default());
    assert_eq!(profiles.len(), 2);
    for p in &profiles {
        assert_eq!(
            p.value(Indicator::ChecksWithFindings, None),
            shuangsuiji::profile::Value::Count(1),
            "{}",
            p.uscc
        );
    }
}
