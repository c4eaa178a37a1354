//! Follow-up visits (事后回访): due dates on the calendar, credit-repair guidance only
//! for penalties on the credit record. The operation vectors are in
//! `tests/vectors/service/follow_ups.ops.json`.

use serde_json::json;
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::service::{FollowUpRequest, follow_up_table, follow_ups};

fn request(v: serde_json::Value) -> FollowUpRequest {
    serde_json::from_value(v).unwrap()
}

fn penalty(no: &str, published: Option<&str>) -> serde_json::Value {
    let mut record = json!({"decided_on": "2026-02-10", "penalties": ["fine"],
                            "fine_fen": 5000000, "sector": "food", "class": "general"});
    if let Some(p) = published {
        record["published_on"] = json!(p);
    }
    json!({"uscc": "91350100M000100Y43", "department": "market", "decision_no": no,
           "record": record, "facts": {"duties_fulfilled": true, "harm_eliminated": true}})
}

#[test]
fn the_spring_festival_is_skipped_and_guidance_follows_publication() {
    let cal = Calendar::national().unwrap();
    let req =
        request(json!({"penalties": [penalty("甲", Some("2026-02-15")), penalty("乙", None)]}));
    let list = follow_ups(&req, "2026-03-01".parse().unwrap(), &cal).unwrap();
    let f = &list.departments[0].follow_ups;
    // 10 working days after 2026-02-10 across 春节 (02-15..02-23 off, 02-14 and 02-28 worked)
    assert_eq!(f[0].due.to_string(), "2026-03-02");
    assert!(!f[0].is_due);
    let guided: Vec<bool> = f.iter().map(|x| x.credit_repair.is_some()).collect();
    // a general-procedure fine is published (from the decision date when no
    // publication date is given), so both get guidance
    assert_eq!(guided, [true, true]);
    let t = follow_up_table(&list);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0][7], "2026-05-16");
}

#[test]
fn a_simple_procedure_warning_gets_a_visit_but_no_guidance() {
    let cal = Calendar::national().unwrap();
    let req = request(
        json!({"penalties": [{"uscc": "91350100M000100Y43", "department": "market",
        "decision_no": "丙", "record": {"decided_on": "2026-03-02", "penalties": ["warning"],
        "sector": "food", "simple_procedure": true}}]}),
    );
    let list = follow_ups(&req, "2026-03-20".parse().unwrap(), &cal).unwrap();
    let f = &list.departments[0].follow_ups[0];
    assert!(f.credit_repair.is_none());
    assert!(f.is_due);
}
