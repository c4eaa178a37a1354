//! A department's outcome sheet (检查结果) read back: the outcome table the library writes,
//! as CSV and as xlsx, gives the set's records again; a sheet's problems are listed with
//! their rows and columns. The operation shapes are in
//! `tests/vectors/outcomes/read_outcome_records.ops.json`.

use serde_json::json;
use shuangsuiji::intake::{ReadOptions, check_outcome_records, read_outcome_records};
use shuangsuiji::outcomes::{OutcomeSet, outcomes_table};

fn set() -> OutcomeSet {
    serde_json::from_value(json!({
        "task_id": "T1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
        "records": [
            {"uscc": "91150581M000001Y5M", "department": "fire", "date": "2026-03-10",
             "recorded_on": "2026-03-16", "officers": ["F01", "M04"],
             "findings": [{"item_id": "fire.fire_safety", "category": "pending_follow_up",
                           "remark": "消防通道堵塞, \"临时\"堆放",
                           "follow_ups": [{"kind": "case_filed", "date": "2026-03-15"},
                                          {"kind": "referral", "to": "department", "department": "emergency"}]}]},
            {"uscc": "91150581M000002Y1Y", "department": "market", "date": "2026-03-12",
             "recorded_on": "2026-03-20", "officers": ["M02", "M01"],
             "findings": [{"item_id": "market.food_production", "category": "no_problem"},
                          {"item_id": "market.food_sales", "category": "corrected",
                           "follow_ups": [{"kind": "rectification", "deadline": "2026-04-10"}]},
                          {"item_id": "market.food_label", "category": "refused_serious",
                           "follow_ups": [{"kind": "referral", "to": "public_security"}]}]}
        ]
    }))
    .unwrap()
}

#[test]
fn the_outcome_table_reads_back_as_csv() {
    let set = set();
    let back = read_outcome_records(&outcomes_table(&set).to_csv(), &ReadOptions::default());
    assert_eq!(back, Ok(set.records));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_outcome_table_reads_back_as_xlsx() {
    let set = set();
    let bytes = outcomes_table(&set).to_xlsx("检查结果").unwrap();
    let back = read_outcome_records(&bytes, &ReadOptions::named("检查结果.xlsx"));
    assert_eq!(back, Ok(set.records));
}

#[test]
fn a_check_lists_every_problem_with_its_row_and_column() {
    let csv = "统一社会信用代码,检查实施部门,检查日期,检查人员,检查事项,检查结果,后续处置,记录日期\n\
               91150581M000002Y1Y,market,2026-03-12,M02、M01,market.food_production,良好,,2026-03-20\n\
               91150581M000002Y1Y,market,2026-13-12,M02、M01,market.food_sales,未发现问题,移送,2026-03-20\n";
    let errs = check_outcome_records(csv.as_bytes(), &ReadOptions::named("结果.csv"));
    let got: Vec<(&str, Option<u64>, Option<&str>)> = errs
        .iter()
        .map(|e| {
            (
                e.code().as_str(),
                e.details().row,
                e.details().column.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("finding_category_unknown", Some(2), Some("检查结果")),
            ("cell_invalid", Some(3), Some("检查日期")),
            ("cell_invalid", Some(3), Some("后续处置")),
        ]
    );
    assert!(
        errs.iter()
            .all(|e| e.details().file.as_deref() == Some("结果.csv"))
    );
}

#[test]
fn rows_that_disagree_are_all_listed_once_the_rows_are_fine() {
    let csv = "统一社会信用代码,检查实施部门,检查日期,检查人员,检查事项,检查结果,记录日期\n\
               91150581M000002Y1Y,market,2026-03-12,M02、M01,market.food_production,未发现问题,2026-03-20\n\
               91150581M000002Y1Y,market,2026-03-13,M02、M01,market.food_sales,未发现问题,2026-03-21\n";
    let errs = check_outcome_records(csv.as_bytes(), &ReadOptions::default());
    let fields: Vec<_> = errs.iter().map(|e| e.details().field.as_deref()).collect();
    assert_eq!(fields, [Some("date"), Some("recorded_on")]);
    assert!(errs.iter().all(|e| e.details().row == Some(3)));
}
