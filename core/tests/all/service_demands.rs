//! Demands (企业诉求): transitions, all-or-nothing application, the as-of register.
//! The operation vectors are in `tests/vectors/service/`.

use serde_json::json;
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::service::{
    DemandBook, DemandEvent, DemandStatus, ReviewReason, demand_register, demand_table,
};

fn events(v: serde_json::Value) -> Vec<DemandEvent> {
    serde_json::from_value(v).unwrap()
}

fn recorded(id: &str, date: &str) -> serde_json::Value {
    json!({"kind": "recorded", "demand_id": id, "date": date, "uscc": "91350100M000100Y43",
           "task_id": "T1", "department": "market", "lead_department": "market",
           "category": "政策咨询", "text": "补贴"})
}

fn cal() -> Calendar {
    Calendar::national().unwrap()
}

#[test]
fn a_refused_stream_leaves_the_book_as_it_was() {
    let mut book =
        DemandBook::from_events(&events(json!([recorded("D1", "2026-03-03")])), &cal()).unwrap();
    let before = book.clone();
    let stream = events(json!([
        recorded("D2", "2026-03-04"),
        {"kind": "replied", "demand_id": "D1", "date": "2026-03-04", "content": "好", "channel": "phone"},
        {"kind": "closed", "demand_id": "D2", "date": "2026-03-05"},
    ]));
    let err = book.apply(&stream, &cal()).unwrap_err();
    assert_eq!(err.code().as_str(), "demand_reply_missing");
    assert_eq!(err.details().field.as_deref(), Some("events[2]"));
    assert_eq!(book, before, "nothing half-applied");
    // the same stream without the bad event applies
    book.apply(&stream[..2], &cal()).unwrap();
    assert_eq!(book.demands["D1"].status, DemandStatus::Replied);
    assert_eq!(book.demands.len(), 2);
}

#[test]
fn a_refused_event_does_not_touch_its_demand() {
    // the event fails after the checks that come first (a due date off the calendar):
    // the demand keeps its earlier state
    let mut book =
        DemandBook::from_events(&events(json!([recorded("D1", "2026-03-03")])), &cal()).unwrap();
    let before = book.clone();
    let far = events(json!([
        {"kind": "transferred", "demand_id": "D1", "date": "2099-12-30", "to": "housing",
         "time_limit": {"unit": "working_days", "count": 5}}
    ]));
    assert!(book.apply(&far, &cal()).is_err());
    assert_eq!(book, before);
}

#[test]
fn closed_only_after_a_reply_and_then_only_rated() {
    let base = [
        recorded("D1", "2026-03-03"),
        json!({"kind": "answered_on_site", "demand_id": "D1", "date": "2026-03-03",
               "department": "market", "answer": "当场解答"}),
        json!({"kind": "closed", "demand_id": "D1", "date": "2026-03-03"}),
    ];
    let book = DemandBook::from_events(&events(json!(base)), &cal()).unwrap();
    assert_eq!(book.demands["D1"].status, DemandStatus::Closed);
    for (late, code) in [
        (
            json!({"kind": "replied", "demand_id": "D1", "date": "2026-03-04", "content": "x", "channel": "phone"}),
            "demand_closed",
        ),
        (
            json!({"kind": "escalated", "demand_id": "D1", "date": "2026-03-04", "to": "x", "reason": "y"}),
            "demand_closed",
        ),
        (
            json!({"kind": "rated", "demand_id": "D1", "date": "2026-03-04", "rating": 0}),
            "demand_field_invalid",
        ),
    ] {
        let mut all = base.to_vec();
        all.push(late);
        let err = DemandBook::from_events(&events(json!(all)), &cal()).unwrap_err();
        assert_eq!(err.code().as_str(), code);
    }
    let mut rated = base.to_vec();
    rated.push(json!({"kind": "rated", "demand_id": "D1", "date": "2026-03-04", "rating": 4}));
    let book = DemandBook::from_events(&events(json!(rated)), &cal()).unwrap();
    assert_eq!(book.demands["D1"].rating, Some(4));
}

#[test]
fn overdue_is_strictly_after_the_due_day_and_rates_count_first_replies() {
    let stream = events(json!([
        recorded("D1", "2026-03-03"),
        {"kind": "transferred", "demand_id": "D1", "date": "2026-03-04", "to": "housing",
         "time_limit": {"unit": "working_days", "count": 5}},
        recorded("D2", "2026-03-03"),
        {"kind": "transferred", "demand_id": "D2", "date": "2026-03-04", "to": "housing",
         "time_limit": {"unit": "working_days", "count": 5}},
        {"kind": "replied", "demand_id": "D2", "date": "2026-03-11", "content": "x", "channel": "written"},
    ]));
    // due 2026-03-11 (Wed): on the due day not overdue, the day after it is
    let on_due = demand_register(&stream, "2026-03-11".parse().unwrap(), &cal()).unwrap();
    assert!(on_due.overdue.is_empty());
    assert_eq!(
        (on_due.departments[0].on_time, on_due.departments[0].pending),
        (1, 1)
    );
    let after = demand_register(&stream, "2026-03-12".parse().unwrap(), &cal()).unwrap();
    assert_eq!(after.overdue.len(), 1);
    assert_eq!(after.overdue[0].demand_id, "D1");
    assert_eq!(
        (after.departments[0].on_time, after.departments[0].late),
        (1, 1)
    );
    let reasons: Vec<_> = after.review.iter().map(|r| r.reason).collect();
    assert_eq!(reasons, [ReviewReason::Overdue, ReviewReason::ToClose]);
    let table = demand_table(&after);
    assert_eq!(table.rows[0][8], "已转办（超期）");
    assert_eq!(table.rows[1][8], "已答复");
}

#[test]
fn events_after_the_date_are_not_seen() {
    let stream = events(json!([
        recorded("D1", "2026-03-03"),
        recorded("D2", "2026-03-20"),
    ]));
    let reg = demand_register(&stream, "2026-03-10".parse().unwrap(), &cal()).unwrap();
    assert_eq!(reg.demands.len(), 1);
    assert_eq!(reg.review[0].reason, ReviewReason::Unassigned);
}

#[test]
fn a_register_read_from_a_spreadsheet_applies_like_its_json() {
    use shuangsuiji::intake::{ReadOptions, read_demand_events};
    let csv = "诉求编号,日期,事件类型,统一社会信用代码,任务编号,登记部门,牵头部门,诉求类别,诉求内容,责任单位,办理时限（工作日）,答复内容,答复方式\n\
               D1,2026-03-03,登记,91350100M000100Y43,T1,market,market,政策咨询,补贴,,,,\n\
               D1,2026-03-04,转办,,,,,,,housing,5,,\n\
               D1,2026-03-20,答复,,,,,,,,,已答复,电话\n\
               D1,2026-03-20,办结,,,,,,,,,,\n";
    let read = read_demand_events(csv.as_bytes(), &ReadOptions::named("台账.csv")).unwrap();
    let json = events(json!([
        recorded("D1", "2026-03-03"),
        {"kind": "transferred", "demand_id": "D1", "date": "2026-03-04", "to": "housing",
         "time_limit": {"unit": "working_days", "count": 5}},
        {"kind": "replied", "demand_id": "D1", "date": "2026-03-20", "content": "已答复", "channel": "phone"},
        {"kind": "closed", "demand_id": "D1", "date": "2026-03-20"},
    ]));
    assert_eq!(read, json);
    let reg = demand_register(&read, "2026-03-31".parse().unwrap(), &cal()).unwrap();
    // replied 03-20 after the due date 03-11: late, but closed and off the review list
    assert_eq!(reg.departments[0].late, 1);
    assert!(reg.review.is_empty());
}
