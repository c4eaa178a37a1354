//! The bundled sample county reads the same through every format the intake supports:
//! JSON envelopes, UTF-8 CSV with English headers, GBK CSV with Chinese headers.

use std::path::PathBuf;

use shuangsuiji::intake::{self, Encoding, ReadOptions};

fn data(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/huolinguole")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn opts(name: &str) -> ReadOptions {
    ReadOptions {
        file_name: Some(name.to_owned()),
        ..ReadOptions::default()
    }
}

#[test]
fn enterprises_agree_across_formats_and_encodings() {
    let json =
        intake::read_enterprises(&data("enterprises.json"), &opts("enterprises.json")).unwrap();
    let csv = intake::read_enterprises(&data("enterprises.csv"), &opts("enterprises.csv")).unwrap();
    let gbk = intake::read_enterprises(&data("enterprises-gbk.csv"), &opts("enterprises-gbk.csv"))
        .unwrap();
    let gbk_declared = intake::read_enterprises(
        &data("enterprises-gbk.csv"),
        &ReadOptions {
            encoding: Encoding::Gbk,
            ..opts("enterprises-gbk.csv")
        },
    )
    .unwrap();
    assert_eq!(json.len(), 2000);
    for (a, b) in json.enterprises().iter().zip(csv.enterprises()) {
        assert_eq!(a, b);
    }
    for (a, b) in json.enterprises().iter().zip(gbk.enterprises()) {
        assert_eq!(a, b);
    }
    assert_eq!(json, csv);
    assert_eq!(json, gbk);
    assert_eq!(json, gbk_declared);
}

#[test]
fn gbk_declared_as_utf8_is_refused_with_a_row() {
    let err = intake::read_enterprises(
        &data("enterprises-gbk.csv"),
        &ReadOptions {
            encoding: Encoding::Utf8,
            ..opts("enterprises-gbk.csv")
        },
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "encoding_invalid");
    assert_eq!(err.details().row, Some(1));
}

#[test]
fn inspectors_and_history_agree_across_formats() {
    let ij = intake::read_inspectors(&data("inspectors.json"), &opts("inspectors.json")).unwrap();
    let ic = intake::read_inspectors(&data("inspectors.csv"), &opts("inspectors.csv")).unwrap();
    assert_eq!(ij, ic);
    assert_eq!(ij.inspectors().len(), 60);
    let hj = intake::read_history(&data("history.json"), &opts("history.json")).unwrap();
    let hc = intake::read_history(&data("history.csv"), &opts("history.csv")).unwrap();
    // The CSV export has no authority display name; everything else agrees.
    let unnamed: Vec<_> = hj
        .iter()
        .cloned()
        .map(|mut r| {
            r.authority.name = None;
            r
        })
        .collect();
    assert_eq!(unnamed, hc);
    let catalog = intake::read_catalog(&data("catalog.json"), &opts("catalog.json")).unwrap();
    assert!(catalog.items.len() >= 6);
}

#[test]
fn envelope_keys_are_checked() {
    let bad = br#"{"synthetic": true, "enterprise": []}"#;
    let err = intake::read_enterprises(bad, &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code().as_str(), "json_shape");
    assert_eq!(err.details().field.as_deref(), Some("enterprise"));
    let bad = br#"{"synthetic": "yes", "enterprises": []}"#;
    let err = intake::read_enterprises(bad, &ReadOptions::default()).unwrap_err();
    assert_eq!(err.details().field.as_deref(), Some("synthetic"));
    let bad = br#"{"provenance": {"document": "x", "verification": "maybe"}, "enterprises": []}"#;
    let err = intake::read_enterprises(bad, &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code().as_str(), "verification_unknown");
    let ok = br#"{"synthetic": true, "description": "d", "enterprises": []}"#;
    assert!(
        intake::read_enterprises(ok, &ReadOptions::default())
            .unwrap()
            .is_empty()
    );
}
