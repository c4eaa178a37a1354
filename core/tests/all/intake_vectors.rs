//! Runs the cross-language intake vectors in `tests/vectors/intake/*.json`
//! (schema in `tests/vectors/intake/README.md`).

use std::path::PathBuf;

use serde_json::{Map, Value, json};
use shuangsuiji::Error;
use shuangsuiji::intake::{ReadOptions, read_enterprises, read_history, read_inspectors};

fn vector_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/intake")
}

fn base64_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == b)
            .expect("base64 character");
        acc = (acc << 6) | u32::try_from(v).unwrap();
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xFF).unwrap());
        }
    }
    out
}

/// Whether the case hands a workbook to the xlsx reader.
fn is_workbook(case: &Value) -> bool {
    let magic = case["input_base64"]
        .as_str()
        .is_some_and(|b| base64_decode(b).starts_with(b"PK\x03\x04"));
    (magic && case["format"] == "auto") || case["format"] == "xlsx"
}

/// Runs one case: `Ok(record count)` or the error.
fn run(case: &Value) -> Result<usize, Error> {
    let mut options = Map::new();
    options.insert("file_name".into(), case["name"].clone());
    options.insert("encoding".into(), case["encoding"].clone());
    if case["format"] != "auto" {
        options.insert("format".into(), case["format"].clone());
    }
    if let Some(extra) = case.get("options").and_then(Value::as_object) {
        options.extend(extra.clone());
    }
    let opts = ReadOptions::from_json(&Value::Object(options).to_string())?;
    let bytes = match (case.get("input_text"), case.get("input_base64")) {
        (Some(Value::String(t)), None) => t.as_bytes().to_vec(),
        (None, Some(Value::String(b))) => base64_decode(b),
        _ => panic!(
            "case {} needs exactly one of input_text, input_base64",
            case["name"]
        ),
    };
    match case["table"].as_str() {
        Some("enterprises") => read_enterprises(&bytes, &opts).map(|r| r.len()),
        Some("inspectors") => read_inspectors(&bytes, &opts).map(|r| r.inspectors().len()),
        Some("history") => read_history(&bytes, &opts).map(|h| h.len()),
        other => panic!("unknown table {other:?}"),
    }
}

#[test]
fn intake_vectors() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vector_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut total, mut ok_cases) = (0, 0);
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().expect("cases array") {
            let name = case["name"].as_str().unwrap();
            let mut expected = case["expected"].clone();
            if !cfg!(feature = "xlsx") && is_workbook(case) {
                // Without the feature every workbook is refused the same way.
                expected = json!({"code": "xlsx_unsupported", "row": null, "column": null});
            }
            let expected = &expected;
            match (run(case), expected.get("code")) {
                (Ok(n), None) => {
                    assert_eq!(json!(n), expected["records"], "{name}");
                    ok_cases += 1;
                }
                (Err(e), Some(code)) => {
                    let d = e.details();
                    assert_eq!(json!(e.code().as_str()), *code, "{name}: {e}");
                    assert_eq!(json!(d.row), expected["row"], "{name}: {e}");
                    assert_eq!(json!(d.column), expected["column"], "{name}: {e}");
                    if d.file.is_some() {
                        assert_eq!(json!(d.file), case["name"], "{name}: {e}");
                    }
                }
                (got, _) => panic!("{name}: expected {expected}, got {got:?}"),
            }
            total += 1;
        }
    }
    assert!(total >= 30 && ok_cases >= 1, "{total} cases, {ok_cases} ok");
}
