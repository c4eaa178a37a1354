//! JSON documents: record files (enterprises, inspectors, history), the catalog and
//! every model type by name. Never panic; errors carry valid codes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::intake::{Format, ReadOptions, read_catalog};
use shuangsuiji::model::{ModelKind, validate_json};

include!("common.rs");

const KINDS: &[&str] = &[
    "enterprise",
    "roster",
    "inspector",
    "inspector_roster",
    "authority",
    "check_record",
    "history",
    "ratio",
    "item",
    "catalog",
];

fuzz_target!(|data: &[u8]| {
    let mut o = ReadOptions::named("fuzz.json");
    o.format = Some(Format::Json);
    read_all_tables(data, &o);
    if let Err(e) = read_catalog(data, &o) {
        check_error(&e);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for k in KINDS {
        let kind = ModelKind::from_label(k).unwrap();
        match validate_json(kind, text) {
            // Canonical output is a fixed point.
            Ok(canon) => assert_eq!(validate_json(kind, &canon).as_deref(), Ok(canon.as_str())),
            Err(e) => check_error(&e),
        }
    }
});
