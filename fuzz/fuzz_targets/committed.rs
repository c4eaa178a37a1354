//! The fast paths of committed JSON (`verify::committed`, a hand-written scanner and
//! canonical writer) against the general paths through `serde_json::Value`, on
//! arbitrary bytes: the first byte picks the document type (plan, log, result,
//! receipt, eligible leaves). `from_committed_json` must give exactly what the general
//! path gives (value or error), and a parsed document's `committed_json` must equal
//! the canonical JSON of its `Value`. Duplicate keys: the core's scanner is checked
//! against a reference (serde_json hands a map visitor every key, repeated ones too):
//! a document read is free of them, and a well-formed one that holds them is refused
//! with `json_duplicate_key` (or a limit code).
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

/// Reference: whether some object of a JSON text names a key twice.
struct HasDuplicate(bool);

impl<'de> serde::Deserialize<'de> for HasDuplicate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Visit)
    }
}

struct Visit;

impl<'de> serde::de::Visitor<'de> for Visit {
    type Value = HasDuplicate;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_i64<E>(self, _: i64) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_u64<E>(self, _: u64) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_f64<E>(self, _: f64) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_str<E>(self, _: &str) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_unit<E>(self) -> Result<HasDuplicate, E> {
        Ok(HasDuplicate(false))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<HasDuplicate, A::Error> {
        let mut any = false;
        while let Some(HasDuplicate(d)) = seq.next_element()? {
            any |= d;
        }
        Ok(HasDuplicate(any))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<HasDuplicate, A::Error> {
        let mut seen = std::collections::HashSet::new();
        let mut any = false;
        while let Some(key) = map.next_key::<String>()? {
            any |= !seen.insert(key);
            let HasDuplicate(d) = map.next_value()?;
            any |= d;
        }
        Ok(HasDuplicate(any))
    }
}

fn check_duplicates<T>(bytes: &[u8], fast: &shuangsuiji::Result<T>) {
    let Ok(text) = shuangsuiji::verify::document_text(bytes) else {
        return;
    };
    let Ok(HasDuplicate(dup)) = serde_json::from_str::<HasDuplicate>(text) else {
        return; // not well-formed (or nested beyond serde_json's own limit)
    };
    match fast {
        Ok(_) => assert!(!dup, "a document with a repeated key was read"),
        Err(e) if dup => assert!(
            ["json_duplicate_key", "too_deep", "too_many_bytes"].contains(&e.code().as_str()),
            "a repeated key gave {e:?}"
        ),
        Err(_) => {}
    }
}

fn same<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(bytes: &[u8]) {
    let fast = from_committed_json::<T>(bytes);
    assert_eq!(fast, from_committed_json_general::<T>(bytes), "fast and general paths differ");
    check_duplicates(bytes, &fast);
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
