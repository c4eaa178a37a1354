//! CSV in each encoding: the first byte picks the declared encoding, the rest is the
//! file. Reader and checker never panic and agree on the first error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::intake::{Encoding, Format, ReadOptions};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let encoding = [
        Encoding::Auto,
        Encoding::Utf8,
        Encoding::Gbk,
        Encoding::Gb18030,
    ][usize::from(sel & 3)];
    let mut o = ReadOptions::named("fuzz.csv");
    o.format = Some(Format::Csv);
    o.encoding = encoding;
    o.allow_unknown_columns = sel & 4 != 0;
    read_all_tables(bytes, &o);
});
