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
use shuangsuiji::publish::{Receipt, ResultDocument};
use shuangsuiji::verify::{
    DrawLog, EligibleLeaf, Plan, committed_json, committed_json_general, from_committed_json,
    from_committed_json_general,
};

include!("common.rs");

fn same<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(bytes: &[u8]) {
    let fast = from_committed_json::<T>(bytes);
    assert_eq!(fast, from_committed_json_general::<T>(bytes), "fast and general paths differ");
    match &fast {
        Ok(doc) => {
            assert_eq!(
                committed_json(doc),
                committed_json_general(doc),
                "canonical writers differ"
            );
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
