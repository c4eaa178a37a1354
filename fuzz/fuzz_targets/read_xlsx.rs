//! xlsx workbooks (zip + XML): never panic, never decompress past the limit.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::intake::{Format, ReadOptions, zip_uncompressed_size};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    tolerate_caught_calamine_panics();
    let mut o = ReadOptions::named("fuzz.xlsx");
    o.format = Some(Format::Xlsx);
    read_all_tables(data, &o);
    let _ = zip_uncompressed_size(data, 1 << 20);
});
