//! Value stability of algorithm v1: these numbers are the contract. If this test fails,
//! the change is value-breaking and needs a new algorithm version (docs/draw-spec-v1.md
//! §1), never an edit of these constants.

use shuangsuiji::draw::{DrawInput, Seed, TaskId, Threshold, draw, ticket, ticket_key, uscc_index};
use shuangsuiji::model::{Ratio, Uscc};

const SEQ_SEED: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

#[test]
fn v1_values_are_frozen() {
    let zero = Seed::from_bytes([0; 32]);
    assert_eq!(
        hex::encode(ticket_key(&zero, &TaskId::parse("t").unwrap())),
        "ab40cbf159defb6d9fe0e41fbc448a4ec9d33c74103907b5008090d033802716"
    );
    let u = Uscc::parse("91350100M000100Y43").unwrap();
    assert_eq!(uscc_index(&u), 203_752_655_383_081_527_793_948_098);
    let t = ticket(
        &Seed::parse(SEQ_SEED).unwrap(),
        &TaskId::parse("2026-huolinguole-food-01").unwrap(),
        &u,
    );
    assert_eq!(t.to_hex(), "06834da92ec9de646e9d714020a35ecd");
    assert_eq!(
        Threshold::of(Ratio::new(1, 3).unwrap()).to_hex(),
        "055555555555555555555555555555555"
    );
}

#[test]
fn v1_whole_draw_is_frozen() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/draw/v1/draws.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let input: DrawInput = serde_json::from_value(doc["cases"][0]["input"].clone()).unwrap();
    let r = draw(input).unwrap();
    let first: Vec<&str> = r.visits.iter().take(5).map(|v| v.uscc.as_str()).collect();
    assert_eq!(
        first,
        [
            "91150581MA2000019F",
            "91150581MA2000000J",
            "91150581MA20000355",
            "91150581MA2000086D",
            "91150581MA1000105H"
        ]
    );
    assert_eq!(
        r.visits[0].ticket.to_hex(),
        "076b879a96766e3c3c08a22278762a47"
    );
}
