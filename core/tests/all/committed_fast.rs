//! The fast paths of committed JSON (`verify::committed`) give exactly the answers of the
//! general paths through `serde_json::Value`: the same canonical bytes, the same parsed
//! documents, the same errors — on the documents of a whole ceremony, on mutations of
//! their texts (floats, large integers, repeated and unknown keys, wrong types, broken
//! syntax, deep nesting) and on arbitrary JSON values.

use crate::publish_fixture;

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use shuangsuiji::canonical::canonical_json;
use shuangsuiji::publish::ResultDocument;
use shuangsuiji::verify::committed::{canonical_committed_json, integers_only};
use shuangsuiji::verify::{DrawLog, EligibleLeaf, Plan, committed_json, from_committed_json};

use shuangsuiji::verify::{committed_json_general, from_committed_json_general};

fn same_parse<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
    let fast = from_committed_json::<T>(text.as_bytes());
    let general = from_committed_json_general::<T>(text.as_bytes());
    assert_eq!(fast, general, "{}", &text[..text.len().min(300)]);
}

fn same_json<T: Serialize>(value: &T) {
    assert_eq!(committed_json(value), committed_json_general(value));
}

/// Variants of a document's text: every number, string and key changed in the ways
/// the fast path must hand back to the general one.
fn mutations(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let text = doc.to_string();
    out.push(text.clone());
    for (from, to) in [
        (":0", ":0.0"),
        (":1", ":1e0"),
        (":0", ":9007199254740992"),
        (":0", ":-9007199254740991"),
        (":0", ":-0"),
        (":0", ":12345678901234567890123"),
        (":1", ":-1"),
        (":0", ":\"0\""),
        ("\"", "\"\\u00e9"),
        (",\"", ",\"extra\":1,\""),
        ("{", "{\"algorithm\":\"v1\","),
        ("[", "[1.5,"),
        ("]", ",]"),
        ("\"", "\"\\ud800"),
        ("{", "{{"),
    ] {
        // Each occurrence on its own (the first 40), so every field is hit.
        for (k, (at, _)) in text.match_indices(from).take(40).enumerate() {
            let mut t = text.clone();
            t.replace_range(at..at + from.len(), to);
            out.push(t);
            if k > 40 {
                break;
            }
        }
    }
    // Repeated keys: the first key of every object written twice.
    out.push(text.replace("{\"", "{\"x\":1,\"x\":2,\""));
    out.push(text.replacen("\"plan_hash\"", "\"plan_hash\":\"00\",\"plan_hash\"", 1));
    // Deep nesting past the limit.
    out.push(format!("{}{}", "[".repeat(40), "]".repeat(40)));
    out.push(format!("{{\"a\":{}1{}}}", "[".repeat(31), "]".repeat(31)));
    // Not UTF-8.
    let mut bytes = text.into_bytes();
    if let Some(b) = bytes.iter_mut().find(|b| **b == b'a') {
        *b = 0xff;
    }
    out.push(String::from_utf8_lossy(&bytes).into_owned());
    out
}

#[test]
fn ceremony_documents_parse_and_serialise_as_through_value() {
    let f = publish_fixture::fixture(300);
    same_json(&f.result);
    same_json(&f.plan);
    same_json(&f.log);
    same_json(&f.eligible);
    same_json(&f.excluded);
    same_json(&f.receipts);
    for text in mutations(&serde_json::to_value(&f.result).unwrap()) {
        same_parse::<ResultDocument>(&text);
    }
    for text in mutations(&serde_json::to_value(&f.plan).unwrap()) {
        same_parse::<Plan>(&text);
    }
    for text in mutations(&serde_json::to_value(&f.log).unwrap()) {
        same_parse::<DrawLog>(&text);
    }
    let some: Vec<&EligibleLeaf> = f.eligible.iter().take(20).collect();
    for text in mutations(&serde_json::to_value(&some).unwrap()) {
        same_parse::<Vec<EligibleLeaf>>(&text);
        same_parse::<Value>(&text);
    }
}

#[test]
fn non_integers_and_special_values_go_the_general_way() {
    for v in [
        json!(0.5),
        json!({"a": 1.0}),
        json!({"a": 9_007_199_254_740_992_u64}),
        json!({"a": -9_007_199_254_740_992_i64}),
        json!([u64::MAX]),
    ] {
        assert_eq!(canonical_committed_json(&v), None);
        same_json(&v);
    }
    assert_eq!(canonical_committed_json(&f64::NAN), None);
    same_json(&f64::NAN);
    same_json(&vec![Some(1u8), None]);
    // A map with non-string keys, a unit, a char, enum shapes.
    let mut m = std::collections::BTreeMap::new();
    m.insert(3u8, "x");
    same_json(&m);
    same_json(&());
    same_json(&'é');
    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, &'static str),
        Struct { z: u8, a: u8 },
    }
    same_json(&vec![
        E::Unit,
        E::New(1),
        E::Tuple(2, "t"),
        E::Struct { z: 1, a: 2 },
    ]);
    #[derive(Serialize)]
    #[serde(tag = "kind")]
    enum Tagged {
        B { y: u8, b: u8 },
    }
    same_json(&Tagged::B { y: 1, b: 2 });
    #[derive(Serialize)]
    struct Flat {
        z: u8,
        #[serde(flatten)]
        inner: std::collections::BTreeMap<String, u8>,
    }
    let inner = [("a".to_owned(), 1), ("zz".to_owned(), 2)]
        .into_iter()
        .collect();
    same_json(&Flat { z: 0, inner });
    // A flattened map repeating a field's key: `Value` keeps the last one.
    let inner = [("z".to_owned(), 9)].into_iter().collect();
    same_json(&Flat { z: 0, inner });
}

#[test]
fn integers_only_reads_numbers_outside_strings() {
    assert!(integers_only(br#"{"a":"1.5","b":[0,-1,9007199254740991]}"#));
    assert!(integers_only(br#"{"a\"1.5":2}"#));
    assert!(!integers_only(br#"{"a":"x","b":-9007199254740992}"#));
    assert!(!integers_only(b"[1E2]"));
    assert!(!integers_only(b"[-]"));
    assert!(!integers_only(b"[00000000000000001]"));
    assert!(integers_only(b"true false null"));
    // Escaped quotes and backslashes at every offset of the eight-byte steps.
    for k in 0..24 {
        for esc in ["\\\"", "\\\\", "\\\\\\\""] {
            let body = format!("{}{esc}{}", "a".repeat(k), "b".repeat(k % 9));
            let float = format!(r#"["{body}",1.5,"{body}"]"#);
            let int = format!(r#"["{body}",15,"{body}1.5"]"#);
            assert!(!integers_only(float.as_bytes()), "{float}");
            assert!(integers_only(int.as_bytes()), "{int}");
            same_parse::<Value>(&float);
            same_parse::<Value>(&int);
        }
    }
}

#[test]
fn long_texts_are_scanned_across_chunks() {
    // Strings, escapes and numbers of every length straddle the 64 KiB chunks.
    let mut items = Vec::new();
    for k in 0..30_000usize {
        let s = format!("{}\\\"{}", "a".repeat(k % 37), "b".repeat(k % 11));
        items.push(format!("[\"{s}\",{}]", k * 7919));
    }
    let body = items.join(",");
    assert!(body.len() > 3 << 16);
    for (tail, integers) in [
        ("", true),
        (",1.5", false),
        (",\"1.5\"", true),
        (",9007199254740993", false),
        (
            ",[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            true,
        ),
    ] {
        let text = format!("[{body}{tail}]");
        same_parse::<Value>(&text);
        assert_eq!(integers_only(text.as_bytes()), integers, "{tail}");
    }
    // Unterminated at the end of a long text.
    same_parse::<Value>(&format!("[{body},\"open"));
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 54)..(1i64 << 54)).prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|x| json!(x)),
        "\\PC{0,8}".prop_map(Value::String),
        "[\"\\\\\\n\\t\\u{1}a-z]{0,4}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,4}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn arbitrary_values_serialise_as_through_value(v in json_value()) {
        prop_assert_eq!(committed_json(&v), committed_json_general(&v));
        if let Some(text) = canonical_committed_json(&v) {
            prop_assert_eq!(Ok(text), canonical_json(&v));
        }
    }

    #[test]
    fn arbitrary_texts_parse_as_through_value(v in json_value(), cut in 0usize..64) {
        let text = v.to_string();
        prop_assert_eq!(
            from_committed_json::<Value>(text.as_bytes()),
            from_committed_json_general::<Value>(text.as_bytes())
        );
        let broken = &text.as_bytes()[..text.len().saturating_sub(cut)];
        prop_assert_eq!(
            from_committed_json::<Value>(broken),
            from_committed_json_general::<Value>(broken)
        );
    }
}

/// Found by the fuzz smoke (target `committed`): two byte-order marks, then a fault later
/// in the text. The fast scan skips the second mark like any non-ASCII byte and named the
/// later fault; the general path (the reference) names the mark at column 1. Both paths
/// now give the general path's error.
#[test]
fn a_second_byte_order_mark_is_named_as_the_general_path_names_it() {
    let text = b"\xEF\xBB\xBF\xEF\xBB\xBF{\"after\": {\"leaf\" 1}}";
    let fast = from_committed_json::<Value>(text);
    assert_eq!(fast, from_committed_json_general::<Value>(text));
    let e = fast.unwrap_err();
    assert_eq!(e.code().as_str(), "json_syntax");
    assert_eq!(
        e.details().extra.get("json_column").map(String::as_str),
        Some("1")
    );
}
