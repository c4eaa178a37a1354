//! The registers clerks fill in after the draw — a department's outcome sheet (检查结果),
//! profile events (一企一档事件) and the demand register (企业诉求台账) — from arbitrary
//! bytes. The first byte picks the reader (bits 0–1), the declared encoding (bits 2–3),
//! the format (bits 4–5: sniffed, CSV, JSON) and whether unknown columns are allowed
//! (bit 6). Readers never panic, every error carries a known code and its family, a read
//! is deterministic, and where a checker exists it agrees with the reader on the first
//! error and is empty when the reader accepts.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::intake::{
    Encoding, Format, ReadOptions, check_events, check_outcome_records, read_demand_events,
    read_events, read_outcome_records,
};

include!("common.rs");

/// Compares a reader's answer with its checker's problems.
fn agree<T>(read: &shuangsuiji::Result<Vec<T>>, check: &[shuangsuiji::Error]) {
    match read {
        Ok(_) => assert!(check.is_empty(), "reader accepts, checker reports {check:?}"),
        Err(e) => {
            check_error(e);
            assert_eq!(check.first(), Some(e), "reader and checker disagree");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let mut o = ReadOptions::named("登记表.csv");
    o.encoding = [Encoding::Auto, Encoding::Utf8, Encoding::Gbk, Encoding::Gb18030]
        [usize::from((sel >> 2) & 3)];
    o.format = [None, Some(Format::Csv), Some(Format::Json), Some(Format::Csv)]
        [usize::from((sel >> 4) & 3)];
    o.allow_unknown_columns = sel & 64 != 0;
    match sel & 3 {
        0 => {
            let read = read_outcome_records(bytes, &o);
            agree(&read, &check_outcome_records(bytes, &o));
            assert_eq!(read, read_outcome_records(bytes, &o), "not deterministic");
        }
        1 => {
            let read = read_events(bytes, &o);
            agree(&read, &check_events(bytes, &o));
            assert_eq!(read, read_events(bytes, &o), "not deterministic");
        }
        _ => {
            let read = read_demand_events(bytes, &o);
            if let Err(e) = &read {
                check_error(e);
            }
            assert_eq!(read, read_demand_events(bytes, &o), "not deterministic");
        }
    }
});
