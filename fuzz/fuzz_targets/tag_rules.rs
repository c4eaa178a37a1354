//! The tag-rule language (issue #20 §3) on arbitrary JSON: loading never panics and an
//! error carries a known code; a set that loads writes back to JSON that loads to the same
//! set; its tags on fixed profiles are the same twice.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::profile::{ProfileEvent, TagSet, build_profiles};

include!("common.rs");

const EVENTS: &str = r#"[
  {"uscc":"91350100M000100Y43","date":"2020-03-01","kind":"registered","source":"s"},
  {"uscc":"91350100M000100Y43","date":"2026-01-10","kind":"serious_violation_listed","source":"s","reason":"r"},
  {"uscc":"91350100M000100Y43","date":"2026-02-01","kind":"complaint","source":"s","substantiated":true},
  {"uscc":"91350100M000100Y43","date":"2025-10-01","kind":"sampling","source":"s","product":"p","passed":false},
  {"uscc":"91350100M000100Y43","date":"2026-05-01","kind":"licence_granted","source":"s","licence_no":"L","expires":"2026-07-01"},
  {"uscc":"91350100M000100Y43","date":"2025-08-20","kind":"penalty","source":"s","decision_no":"d","basis":"b","penalties":["fine"],"fine_fen":100,"sector":"food","published_on":"2025-09-01"}
]"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let set = match TagSet::from_json(text) {
        Ok(s) => s,
        Err(e) => {
            check_error(&e);
            return;
        }
    };
    let back = serde_json::to_string(&set).expect("serialises");
    let again = TagSet::from_json(&back).expect("its own JSON loads");
    assert_eq!(set, again, "JSON round trip changed the set");
    let events: Vec<ProfileEvent> = serde_json::from_str(EVENTS).expect("fixed events");
    for day in ["2026-06-01", "2019-01-01", "2030-12-31"] {
        let day = day.parse().expect("date");
        for p in build_profiles(&events, day, &Default::default()) {
            assert_eq!(set.tags(&p), again.tags(&p));
        }
    }
});
