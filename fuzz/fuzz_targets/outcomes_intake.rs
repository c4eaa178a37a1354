//! Outcome intake (`outcomes::record_outcomes`) on structured records built from the
//! bytes (`arbitrary`): enterprises, departments, dates, officers, changes, categories
//! and follow-ups drawn around the vector fixture (tests/vectors/outcomes/) so that
//! most records get deep into the checks. Never panic; errors carry a known code;
//! intake is deterministic and all-or-nothing; an accepted set is accepted again as
//! it is, and its 公示 list, completeness and check history build.
#![no_main]
use std::sync::LazyLock;

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use shuangsuiji::disclosure;
use shuangsuiji::model::Authority;
use shuangsuiji::outcomes::{OutcomeIntake, check_records, record_outcomes};

include!("common.rs");

static FIXTURE: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!(
        "../../tests/vectors/outcomes/accept_joint_visit.ops.json"
    ))
    .unwrap()
});

const USCCS: [&str; 3] = [
    "91150581M000001Y5M",
    "91150581M000002Y1Y",
    "91350100M000100Y43",
];
const DEPARTMENTS: [&str; 3] = ["market", "fire", "health"];
const ITEMS: [&str; 3] = ["market.food_production", "fire.fire_safety", "health.x"];
const OFFICERS: [&str; 8] = ["M01", "M02", "M03", "M04", "F01", "F02", "F03", "X9"];
const CATEGORIES: [&str; 9] = [
    "no_problem",
    "info_not_published",
    "info_false",
    "unreachable",
    "corrected",
    "pending_follow_up",
    "refused_serious",
    "no_activity",
    "合格",
];

#[derive(Arbitrary, Debug)]
struct FollowUp {
    kind: u8,
    day: i8,
    to_department: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Finding {
    item: u8,
    category: u8,
    follow_ups: Vec<FollowUp>,
}

#[derive(Arbitrary, Debug)]
struct Change {
    officer: u8,
    certified: bool,
    replaces: Option<u8>,
    reason: bool,
}

#[derive(Arbitrary, Debug)]
struct Record {
    uscc: u8,
    department: u8,
    day: u8,
    recorded_after: i8,
    officers: Vec<u8>,
    changes: Vec<Change>,
    findings: Vec<Finding>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    min_certified: u8,
    accepted: Vec<Record>,
    records: Vec<Record>,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

/// 2026-03-01 plus `days`.
fn day(days: i64) -> String {
    let base = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    (base + chrono::Duration::days(days)).to_string()
}

/// The strings of `path` in each element of `list`.
fn strings(list: &Value, path: &[&str]) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    path.iter()
                        .try_fold(x, |v, k| v.get(*k))
                        .and_then(Value::as_str)
                })
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Picks from `valid` mostly (so that records get deep into the checks), from `other`
/// when the byte is 224 or more.
fn choose(valid: &[String], other: &[&str], i: u8) -> String {
    if i < 224 && !valid.is_empty() {
        valid[usize::from(i) % valid.len()].clone()
    } else {
        pick(other, i).to_owned()
    }
}

fn record(base: &Value, r: &Record) -> Value {
    let uscc = pick(&USCCS, r.uscc);
    let team = base["teams"]["teams"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["uscc"] == uscc))
        .cloned()
        .unwrap_or(Value::Null);
    let visit = base["draw"]["visits"]
        .as_array()
        .and_then(|v| v.iter().find(|v| v["uscc"] == uscc))
        .cloned()
        .unwrap_or(Value::Null);
    let department = choose(
        &strings(&team["shares"], &["department"]),
        &DEPARTMENTS,
        r.department,
    );
    let items: Vec<String> = visit["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|i| i["department"] == department.as_str())
                .filter_map(|i| i["item_id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let members = strings(&team["members"], &["inspector"]);
    // Mostly inside the window (2026-03-02 – 2026-03-27), recorded a little later.
    let d = 1 + i64::from(r.day % 30);
    let recorded = if r.recorded_after < -100 {
        i64::from(r.recorded_after) % 5
    } else {
        i64::from(r.recorded_after.unsigned_abs() % 40)
    };
    // Bytes at the top of their range break a rule on purpose; the rest mostly keep it.
    let mut officers: Vec<String> = Vec::new();
    for &o in r.officers.iter().take(6) {
        let id = choose(&members, &OFFICERS, o);
        if r.day >= 250 || !officers.contains(&id) {
            officers.push(id);
        }
    }
    let changes: Vec<Value> = r
        .changes
        .iter()
        .take(3)
        .map(|c| {
            let id = pick(&OFFICERS, c.officer).to_owned();
            if r.day < 240 && !officers.contains(&id) {
                officers.push(id.clone());
            }
            json!({"inspector": id, "certified": c.certified,
                "replaces": c.replaces.map(|o| choose(&members, &OFFICERS, o)),
                "reason": if c.reason { "回避" } else { " " }})
        })
        .collect();
    let mut findings: Vec<Value> = r
        .findings
        .iter()
        .take(3)
        .map(|f| {
            let category = pick(&CATEGORIES, f.category);
            let clean = matches!(category, "no_problem" | "no_activity") && f.category < 200;
            let mut follow_ups: Vec<Value> = f
                .follow_ups
                .iter()
                .take(2)
                .filter(|_| !clean)
                .map(|u| {
                    let after = if u.day < -100 { i64::from(u.day) } else { 1 + i64::from(u.day.unsigned_abs() % 60) };
                    match u.kind % 3 {
                        0 => json!({"kind": "rectification", "deadline": day(d + after)}),
                        1 => json!({"kind": "case_filed", "date": day(d + after)}),
                        _ => match u.to_department {
                            Some(x) => json!({"kind": "referral", "to": "department", "department": pick(&DEPARTMENTS, x)}),
                            None => json!({"kind": "referral", "to": "public_security"}),
                        },
                    }
                })
                .collect();
            if category == "corrected" && f.category < 200 {
                follow_ups.push(json!({"kind": "rectification", "deadline": day(d + 30)}));
            }
            json!({"item_id": choose(&items, &ITEMS, f.item), "category": category, "follow_ups": follow_ups})
        })
        .collect();
    if findings.is_empty() && r.day < 245 {
        findings.push(json!({"item_id": choose(&items, &ITEMS, 0), "category": "no_problem"}));
    }
    json!({
        "uscc": uscc,
        "department": department,
        "date": day(d),
        "recorded_on": day(d + recorded),
        "officers": officers,
        "changes": changes,
        "findings": findings,
    })
}

fn intake(
    base: &Value,
    accepted: Option<Value>,
    records: Vec<Value>,
    min: u8,
) -> Option<OutcomeIntake> {
    let mut v = base.clone();
    v["records"] = Value::Array(records);
    v["min_certified"] = json!(if min >= 240 { 3 } else { 2 });
    if let Some(a) = accepted {
        v["accepted"] = a;
    }
    match serde_json::from_value::<OutcomeIntake>(v) {
        Ok(i) => Some(i),
        Err(e) => {
            check_error(&shuangsuiji::Error::from_json(&e));
            None
        }
    }
}

fuzz_target!(|input: Input| {
    let base = &FIXTURE["cases"][0]["input"]["intake"];
    let accepted: Vec<Value> = input
        .accepted
        .iter()
        .take(4)
        .map(|r| record(base, r))
        .collect();
    let records: Vec<Value> = input
        .records
        .iter()
        .take(6)
        .map(|r| record(base, r))
        .collect();
    // The "accepted" records go through intake first; what passes becomes the set.
    let set = intake(base, None, accepted, input.min_certified)
        .and_then(|i| record_outcomes(&i).map_err(|e| check_error(&e)).ok());
    let Some(i) = intake(
        base,
        set.as_ref().map(|s| serde_json::to_value(s).unwrap()),
        records,
        input.min_certified,
    ) else {
        return;
    };
    let first = record_outcomes(&i);
    assert_eq!(record_outcomes(&i), first, "intake is deterministic");
    let out = match first {
        Err(e) => {
            check_error(&e);
            return;
        }
        Ok(out) => out,
    };
    // All or nothing: every record given is in the set.
    let given = i.records.len() + i.accepted.as_ref().map_or(0, |a| a.records.len());
    assert_eq!(out.records.len(), given);
    // The set is accepted again as it is.
    let again = OutcomeIntake {
        accepted: Some(out.clone()),
        records: Vec::new(),
        ..i.clone()
    };
    assert_eq!(record_outcomes(&again).as_ref(), Ok(&out));
    for as_of in ["2026-03-15", "2026-04-30", "2026-12-31"] {
        let as_of: NaiveDate = as_of.parse().unwrap();
        let list = disclosure::disclose(&i.draw, &out, as_of).unwrap();
        let done = disclosure::completeness(&i.draw, &out, as_of).unwrap();
        assert_eq!(list.records.len(), i.draw.visits.len());
        let recorded: u64 = done
            .departments
            .iter()
            .map(|d| d.on_time + d.late.len() as u64)
            .sum();
        assert!(recorded as usize <= out.records.len());
        disclosure::disclosure_csv(&list).unwrap();
    }
    let authorities: Vec<Authority> = serde_json::from_value(json!(
        DEPARTMENTS
            .iter()
            .map(|d| json!({
        "id": format!("hlgl-{d}"), "department": d, "level": "county", "jurisdiction": "150581"}))
            .collect::<Vec<_>>()
    ))
    .unwrap();
    assert_eq!(
        check_records(&out, &authorities).unwrap().len(),
        out.records.len()
    );
});
