//! Without the `xlsx` feature, workbooks are refused with `xlsx_unsupported`.
//! Run with `cargo test -p shuangsuiji --no-default-features --test all intake_no_xlsx::`.
#![cfg(not(feature = "xlsx"))]

use shuangsuiji::intake::{ReadOptions, read_enterprises};

#[test]
fn xlsx_is_unsupported_without_the_feature() {
    let e = read_enterprises(b"PK\x03\x04anything", &ReadOptions::named("a.xlsx")).unwrap_err();
    assert_eq!(e.code().as_str(), "xlsx_unsupported");
    assert_eq!(e.details().file.as_deref(), Some("a.xlsx"));
}
