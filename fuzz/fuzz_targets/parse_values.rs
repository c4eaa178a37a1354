//! USCC, division code and ratio parsers on arbitrary text: never panic; whatever is
//! accepted is canonical (parsing the canonical form again gives the same value).
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::model::{DivisionCode, Ratio, Uscc};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Uscc::parse(text) {
        Ok(u) => {
            let again = Uscc::parse(u.as_str()).expect("canonical USCC re-parses");
            assert_eq!(again, u);
            assert_eq!(u.as_str().len(), 18);
        }
        Err(e) => check_error(&e),
    }
    match DivisionCode::parse(text) {
        Ok(d) => {
            let s = serde_json::to_value(&d).unwrap();
            let back: DivisionCode = serde_json::from_value(s).expect("division round-trips");
            assert_eq!(back, d);
        }
        Err(e) => check_error(&e),
    }
    match Ratio::parse(text) {
        Ok(r) => {
            let canon = r.to_string();
            assert_eq!(Ratio::parse(&canon).expect("canonical ratio re-parses"), r);
            // ceil_of never exceeds the population (ratio <= 1).
            assert!(r.ceil_of(1_000_000) <= 1_000_000);
        }
        Err(e) => check_error(&e),
    }
});
