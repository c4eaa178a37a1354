//! Discretion-band vectors (tests/vectors/discretion) and properties.

use std::path::PathBuf;

use serde_json::Value;
use shuangsuiji::enforcement::{Band, DiscretionPreset, FineRange, discretion_band};

#[test]
fn vectors() {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/discretion/bands.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    for c in v["cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let range: FineRange = serde_json::from_value(c["range"].clone()).unwrap();
        let band: Band = serde_json::from_value(c["band"].clone()).unwrap();
        let mut preset = DiscretionPreset::default();
        if let Some(p) = c.get("preset") {
            preset.lighter_upper = serde_json::from_value(p["lighter_upper"].clone()).unwrap();
            preset.ordinary_upper = serde_json::from_value(p["ordinary_upper"].clone()).unwrap();
        }
        let r = discretion_band(range, band, &preset);
        let e = &c["expect"];
        match e.get("error") {
            Some(code) => assert_eq!(
                r.unwrap_err().code().as_str(),
                code.as_str().unwrap(),
                "{name}"
            ),
            None => {
                let r = r.unwrap();
                assert_eq!(
                    serde_json::to_value(r.min_fen).unwrap(),
                    e["min_fen"],
                    "{name}"
                );
                assert_eq!(
                    serde_json::to_value(r.max_fen).unwrap(),
                    e["max_fen"],
                    "{name}"
                );
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Bands tile [min, max] in order, sharing cut points, and stay inside it.
        #[test]
        fn bands_tile_the_range(min in 0u64..1_000_000_000, span in 0u64..1_000_000_000) {
            let range = FineRange { min_fen: min, max_fen: min + span };
            let p = DiscretionPreset::default();
            let l = discretion_band(range, Band::Lighter, &p).unwrap();
            let o = discretion_band(range, Band::Ordinary, &p).unwrap();
            let h = discretion_band(range, Band::Heavier, &p).unwrap();
            prop_assert_eq!(l.min_fen, Some(min));
            prop_assert_eq!(l.max_fen, o.min_fen);
            prop_assert_eq!(o.max_fen, h.min_fen);
            prop_assert_eq!(h.max_fen, Some(min + span));
            prop_assert!(l.max_fen <= o.max_fen);
            // exact: 10·(cut − min) ≤ 3·span < 10·(cut − min + 1)
            let c1 = u128::from(l.max_fen.unwrap() - min);
            prop_assert!(10 * c1 <= 3 * u128::from(span) && 3 * u128::from(span) < 10 * (c1 + 1));
        }
    }
}
