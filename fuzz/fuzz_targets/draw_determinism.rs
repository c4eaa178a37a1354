//! Plan building from arbitrary structured input: the same draw input twice gives the
//! identical result; reordering items, strata and eligible lists changes nothing (the
//! draw sorts by canonical ids); the published result round-trips through JSON.
#![no_main]
use std::sync::LazyLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use shuangsuiji::draw::{DrawInput, DrawResult, draw};
use shuangsuiji::model::{org_code_check_char, uscc_check_char};

include!("common.rs");

/// 64 valid USCCs (both check characters).
static POOL: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0..64u32)
        .map(|i| {
            let body: [u8; 8] = format!("MA{i:06}").into_bytes().try_into().unwrap();
            let mut c = b"91150581".to_vec();
            c.extend_from_slice(&body);
            c.push(org_code_check_char(&body).unwrap());
            let first: [u8; 17] = c.clone().try_into().unwrap();
            c.push(uscc_check_char(&first).unwrap());
            String::from_utf8(c).unwrap()
        })
        .collect()
});

#[derive(Debug, Arbitrary)]
struct Input {
    bernoulli: bool,
    seed: [u8; 32],
    items: Vec<Item>,
    adjustments: Vec<Adj>,
}

#[derive(Debug, Arbitrary)]
struct Item {
    id: u8,
    department: u8,
    strata: Vec<Stratum>,
}

#[derive(Debug, Arbitrary)]
struct Stratum {
    key: u8,
    eligible: Vec<u8>,
    quota: Option<u8>,
    ratio: Option<(u8, u8)>,
    max_substitutions: u8,
}

#[derive(Debug, Arbitrary)]
enum Adj {
    Expand {
        item: u8,
        stratum: u8,
        extra: u8,
    },
    Substitute {
        uscc: u8,
        item: Option<u8>,
        reason: u8,
    },
}

fn uscc(i: u8) -> &'static str {
    &POOL[usize::from(i) % POOL.len()]
}

fn to_json(x: &Input, reorder: bool) -> Value {
    let mut items: Vec<Value> = x
        .items
        .iter()
        .take(4)
        .map(|it| {
            let mut strata: Vec<Value> = it
                .strata
                .iter()
                .take(3)
                .map(|s| {
                    let mut el: Vec<&str> = s.eligible.iter().take(24).map(|&i| uscc(i)).collect();
                    if reorder {
                        el.reverse();
                    }
                    let mut o = json!({
                        "key": format!("s{}", s.key % 4),
                        "eligible": el,
                        "max_substitutions": s.max_substitutions % 3,
                    });
                    if let Some(q) = s.quota {
                        o["quota"] = json!(q % 30);
                    }
                    if let Some((p, q)) = s.ratio {
                        o["ratio"] = json!(format!("{}/{}", p % 101, q % 101));
                    }
                    o
                })
                .collect();
            if reorder {
                strata.reverse();
            }
            let department = ["market", "fire", "health"][usize::from(it.department % 3)];
            json!({
                "item_id": format!("item.i{}", it.id % 5),
                "department": department,
                "strata": strata,
            })
        })
        .collect();
    if reorder {
        items.reverse();
    }
    let reasons = [
        "unreachable",
        "deregistered_after_draw",
        "revoked_after_draw",
        "suspended_after_draw",
        "out_of_scope_after_draw",
    ];
    let adjustments: Vec<Value> = x
        .adjustments
        .iter()
        .take(4)
        .map(|a| match a {
            Adj::Expand { item, stratum, extra } => json!({"expand": {
                "item_id": format!("item.i{}", item % 5), "stratum": format!("s{}", stratum % 4), "extra": extra % 5}}),
            Adj::Substitute { uscc: u, item, reason } => {
                let mut s = json!({"uscc": uscc(*u), "reason": reasons[usize::from(*reason) % reasons.len()]});
                if let Some(i) = item {
                    s["item_id"] = json!(format!("item.i{}", i % 5));
                }
                json!({ "substitute": s })
            }
        })
        .collect();
    let seed: String = x.seed.iter().map(|b| format!("{b:02x}")).collect();
    json!({
        "algorithm": "v1",
        "task_id": "fuzz-task-01",
        "seed": seed,
        "mode": if x.bernoulli { "bernoulli" } else { "fixed" },
        "items": items,
        "adjustments": adjustments,
    })
}

fn run(v: &Value) -> Result<DrawResult, shuangsuiji::Error> {
    let input: DrawInput =
        serde_json::from_value(v.clone()).map_err(|e| shuangsuiji::Error::from_json(&e))?;
    draw(input)
}

fuzz_target!(|x: Input| {
    let v = to_json(&x, false);
    let first = run(&v);
    assert_eq!(run(&v), first, "same input, different output");
    let reordered = run(&to_json(&x, true));
    match (&first, &reordered) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "input order changed the draw"),
        (Err(e), Err(_)) => check_error(e),
        (a, b) => panic!("input order changed success: {a:?} vs {b:?}"),
    }
    if let Ok(r) = &first {
        let json = serde_json::to_value(r).unwrap();
        let back: DrawResult = serde_json::from_value(json).expect("result round-trips");
        assert_eq!(&back, r);
    }
});
