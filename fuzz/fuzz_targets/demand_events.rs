//! Demand event streams (issue #21 §1) from arbitrary JSON: applying never panics and an
//! error carries a known code; a refused stream leaves the book as it was (all or
//! nothing); an accepted stream gives the same book twice, and its register as of any
//! of a few dates lists every demand once with one table row each.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::enforcement::Calendar;
use shuangsuiji::service::{DemandBook, DemandEvent, demand_register, demand_table};

include!("common.rs");

const START: &str = r#"[
  {"kind":"recorded","demand_id":"S0","date":"2026-03-03","uscc":"91350100M000100Y43",
   "task_id":"T1","department":"market","lead_department":"market","category":"c","text":"t"}
]"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(events) = serde_json::from_str::<Vec<DemandEvent>>(text) else {
        return;
    };
    let cal = Calendar::national().expect("bundled calendar");
    let start: Vec<DemandEvent> = serde_json::from_str(START).expect("fixed events");
    let mut book = DemandBook::from_events(&start, &cal).expect("fixed events apply");
    let before = book.clone();
    match book.apply(&events, &cal) {
        Err(e) => {
            check_error(&e);
            assert_eq!(book, before, "a refused stream changed the book");
        }
        Ok(()) => {
            let mut again = before.clone();
            again.apply(&events, &cal).expect("the same stream applies again");
            assert_eq!(book, again, "not deterministic");
            let mut all = start.clone();
            all.extend(events.iter().cloned());
            for day in ["2026-03-01", "2026-03-12", "2026-12-31"] {
                let reg = demand_register(&all, day.parse().expect("date"), &cal)
                    .expect("an accepted stream has a register");
                assert!(reg.demands.len() <= book.demands.len());
                assert_eq!(demand_table(&reg).rows.len(), reg.demands.len());
            }
        }
    }
});
