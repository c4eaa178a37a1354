//! Beacon encodings: the first byte picks the kind. canonicalize is idempotent and its
//! output passes validate_value; validate_value accepts only canonical text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shuangsuiji::verify::{BeaconKind, canonicalize, validate_value};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kinds = [
        BeaconKind::CwlSsq,
        BeaconKind::CslDlt,
        BeaconKind::IndexClose,
        BeaconKind::Hex,
        BeaconKind::Text,
    ];
    let kind = kinds[usize::from(sel) % kinds.len()];
    match canonicalize(kind, text) {
        Ok(c) => {
            validate_value(kind, &c).expect("canonical value validates");
            assert_eq!(
                canonicalize(kind, &c).as_deref(),
                Ok(c.as_str()),
                "canonicalize is idempotent"
            );
        }
        Err(e) => check_error(&e),
    }
    match validate_value(kind, text) {
        Ok(()) => assert_eq!(
            canonicalize(kind, text).as_deref(),
            Ok(text),
            "valid means canonical"
        ),
        Err(e) => check_error(&e),
    }
});
