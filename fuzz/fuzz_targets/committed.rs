//! The fast paths of committed JSON (`verify::committed`, a hand-written scanner and
//! canonical writer) against the general paths through `serde_json::Value`, on
//! arbitrary bytes: the first byte picks the document type (plan, log, result,
//! receipt, eligible leaves). `from_committed_json` must give exactly what the general
//! path gives (value or error), and a parsed document's `committed_json` must equal
//! the canonical JSON of its `Value`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use shuangsuiji::canonical::canonical_json;
use shuangsuiji::intake::limits::check_json_text;
use shuangsuiji::publish::{Receipt, ResultDocument};
use shuangsuiji::verify::{
    DrawLog, EligibleLeaf, Plan, check_integers_only, committed_json, from_committed_json,
};

include!("common.rs");

/// The general path of `from_committed_json` (as core/tests/committed_fast.rs).
fn general<T: DeserializeOwned>(bytes: &[u8]) -> shuangsuiji::Result<T> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_json_text(text)?;
    }
    let v: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| shuangsuiji::Error::from_json(&e))?;
    check_integers_only(&v)?;
    serde_path_to_error::deserialize(v).map_err(|e| {
        let err = shuangsuiji::Error::from_json(e.inner());
        let path = e.path().to_string();
        let known = path
            .find(".?")
            .or_else(|| path.find('?'))
            .map_or(path.as_str(), |i| &path[..i]);
        if e.inner().classify() != serde_json::error::Category::Data
            || known.is_empty()
            || known == "."
        {
            err
        } else {
            err.within(known)
        }
    })
}

fn same<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(bytes: &[u8]) {
    let fast = from_committed_json::<T>(bytes);
    assert_eq!(fast, general::<T>(bytes), "fast and general paths differ");
    match &fast {
        Ok(doc) => {
            let v = serde_json::to_value(doc).expect("a parsed document serialises");
            let want = check_integers_only(&v).and_then(|()| canonical_json(&v));
            assert_eq!(committed_json(doc), want, "canonical writers differ");
        }
        Err(e) => check_error(e),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    match sel % 5 {
        0 => same::<Plan>(rest),
        1 => same::<DrawLog>(rest),
        2 => same::<ResultDocument>(rest),
        3 => same::<Receipt>(rest),
        _ => same::<Vec<EligibleLeaf>>(rest),
    }
});
