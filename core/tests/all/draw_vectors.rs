//! Golden vectors of the v1 draw (tests/vectors/draw/v1/*.json; schema in
//! tests/vectors/draw/README.md).
//!
//! `cargo test -p shuangsuiji --test all draw_vectors::` checks the committed files.
//! `SSJ_WRITE_VECTORS=1 cargo test -p shuangsuiji --test all draw_vectors::` rewrites them from
//! the cases defined here — only ever for a NEW algorithm version: v1 values are frozen
//! (the value-stability test in draw_stability.rs pins some of them independently).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use shuangsuiji::Error;
use shuangsuiji::canonical::lp;
use shuangsuiji::draw::{
    Draw, DrawInput, Seed, TaskId, Threshold, Ticket, Ticketer, quota, ticket_key, uscc_index,
};
use shuangsuiji::model::{Ratio, Uscc, org_code_check_char};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/draw/v1")
}

/// A valid USCC from an 8-character organisation-code body and a division.
fn uscc(division: &str, body: &str) -> Uscc {
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91{division}{body}{org}")).unwrap()
}

fn pool(n: usize, division: &str, prefix: &str) -> Vec<Uscc> {
    (0..n)
        .map(|i| uscc(division, &format!("{prefix}{i:05}")))
        .collect()
}

fn seed(byte: u8) -> String {
    hex::encode([byte; 32])
}

fn seq_seed() -> String {
    hex::encode((0u8..32).collect::<Vec<_>>())
}

fn primitives() -> Value {
    let mut lps = Vec::new();
    for s in ["", "a", "SSJ/v1/ticket_key", "双随机"] {
        let mut buf = Vec::new();
        lp(&mut buf, s.as_bytes()).unwrap();
        lps.push(json!({"input_utf8": s, "encoded_hex": hex::encode(buf)}));
    }
    let canon: Vec<Value> = [
        " 91350100m000100y43 ",
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "91350100M000100Y44",
        "91350100M000100Y5",
        "91350100M000100I43",
    ]
    .iter()
    .map(|s| match Uscc::parse(s) {
        Ok(u) => json!({"input": s, "canonical": u.as_str()}),
        Err(e) => json!({"input": s, "error": e.code().as_str()}),
    })
    .collect();
    let usccs = [
        Uscc::parse("91350100M000100Y43").unwrap(),
        uscc("150581", "MA000001"),
        uscc("000000", "00000000"),
        uscc("999999", "YYYYYYYY"),
    ];
    let index: Vec<Value> = usccs
        .iter()
        .map(|u| {
            let m = uscc_index(u);
            json!({
                "uscc": u.as_str(),
                "index_decimal": m.to_string(),
                "block_counter": (m & u128::from(u64::MAX)).to_string(),
                "stream_id": (m >> 64).to_string(),
            })
        })
        .collect();
    let tasks = [
        (seed(0), "t"),
        (seq_seed(), "2026-huolinguole-food-01"),
        (seed(0xff), "A-very_long.task:id/with~punctuation!"),
    ];
    let keys: Vec<Value> = tasks
        .iter()
        .map(|(s, t)| {
            let k = ticket_key(&Seed::parse(s).unwrap(), &TaskId::parse(t).unwrap());
            json!({"seed": s, "task_id": t, "key": hex::encode(k)})
        })
        .collect();
    let mut tickets = Vec::new();
    for (s, t) in &tasks {
        let tk = Ticketer::new(&Seed::parse(s).unwrap(), &TaskId::parse(t).unwrap());
        for u in &usccs {
            tickets.push(
                json!({"seed": s, "task_id": t, "uscc": u.as_str(), "ticket": tk.ticket(u).to_hex()}),
            );
        }
    }
    let r = |p, q| Ratio::new(p, q).unwrap();
    let quotas: Vec<Value> = [
        (0u64, r(3, 100), 1u64, None),
        (100, r(3, 100), 0, None),
        (101, r(3, 100), 0, None),
        (10, r(3, 100), 2, None),
        (1000, r(3, 100), 0, Some(20u64)),
        (1, r(3, 100), 5, None),
        (7, r(0, 1), 0, None),
        (7, r(1, 1), 0, Some(3)),
        (u64::from(u32::MAX) * 4, r(u32::MAX - 1, u32::MAX), 0, None),
    ]
    .iter()
    .map(|(n, ratio, min, max)| {
        json!({"eligible": n, "ratio": ratio.to_string(), "min": min, "max": max,
               "quota": quota(*n, *ratio, Some(*min), *max).unwrap()})
    })
    .collect();
    let thresholds: Vec<Value> = [
        r(0, 1),
        r(0, 7),
        r(1, 1),
        r(5, 5),
        r(1, 2),
        r(1, 3),
        r(2, 3),
        r(3, 100),
        r(1, u32::MAX),
        r(u32::MAX - 1, u32::MAX),
    ]
    .iter()
    .map(|ratio| json!({"ratio": ratio.to_string(), "threshold": Threshold::of(*ratio).to_hex()}))
    .collect();
    json!({
        "algorithm": "v1",
        "lp": lps,
        "uscc_canonical": canon,
        "uscc_index": index,
        "ticket_key": keys,
        "tickets": tickets,
        "quota": quotas,
        "bernoulli_threshold": thresholds,
    })
}

fn item(id: &str, dep: &str, strata: Value) -> Value {
    json!({"item_id": id, "department": dep, "strata": strata})
}

fn list(v: &[Uscc]) -> Value {
    json!(v.iter().map(Uscc::as_str).collect::<Vec<_>>())
}

type Case = (&'static str, Value, BTreeMap<String, String>);

/// The whole-draw cases: (name, input, ticket overrides).
#[allow(clippy::too_many_lines)]
fn draw_cases() -> Vec<Case> {
    let a = pool(12, "150581", "MA1");
    let b = pool(10, "150581", "MA2");
    let c = pool(8, "152301", "MA3");
    let all: Vec<Uscc> = a.iter().chain(&b).chain(&c).copied().collect();
    let base = |mode: &str, items: Value, adjustments: Value| {
        json!({"algorithm": "v1", "task_id": "2026-huolinguole-food-01", "seed": seq_seed(),
               "mode": mode, "items": items, "adjustments": adjustments})
    };
    let three_items = json!([
        item(
            "food.production",
            "market",
            json!([
                {"key": "risk_high", "eligible": list(&a), "quota": 4, "max_substitutions": 2},
                {"key": "risk_low", "eligible": list(&b), "quota": 2, "max_substitutions": 1},
                {"key": "risk_mid", "eligible": list(&c), "quota": 0}
            ])
        ),
        item(
            "fire.safety",
            "fire",
            json!([
                {"key": "all", "eligible": list(&all), "quota": 5, "max_substitutions": 1}
            ])
        ),
        item(
            "env.discharge",
            "environment",
            json!([
                {"key": "permit", "eligible": list(&a[..6]), "quota": 2, "max_substitutions": 1},
                {"key": "registered", "eligible": list(&c), "quota": 8}
            ])
        ),
    ]);
    let same_pool = json!([
        item(
            "food.production",
            "market",
            json!([
            {"key": "h", "eligible": list(&a), "quota": 5},
            {"key": "l", "eligible": list(&b), "quota": 3}])
        ),
        item(
            "food.labels",
            "market",
            json!([
            {"key": "h", "eligible": list(&a), "quota": 2},
            {"key": "l", "eligible": list(&b), "quota": 1}])
        ),
        item(
            "fire.safety",
            "fire",
            json!([
            {"key": "h", "eligible": list(&a), "quota": 4},
            {"key": "l", "eligible": list(&b), "quota": 3}])
        ),
    ]);
    let mut cases = vec![
        (
            "three_items_fixed",
            base("fixed", three_items.clone(), json!([])),
            BTreeMap::new(),
        ),
        (
            "same_pool_nested",
            base("fixed", same_pool, json!([])),
            BTreeMap::new(),
        ),
        (
            "bernoulli",
            base(
                "bernoulli",
                json!([
                    item(
                        "food.production",
                        "market",
                        json!([
                    {"key": "half", "eligible": list(&a), "ratio": "1/2"},
                    {"key": "none", "eligible": list(&b), "ratio": "0/5"},
                    {"key": "every", "eligible": list(&c), "ratio": "3/3", "max_substitutions": 1}])
                    ),
                    item(
                        "fire.safety",
                        "fire",
                        json!([
                    {"key": "third", "eligible": list(&all), "ratio": "1/3"}])
                    ),
                ]),
                json!([]),
            ),
            BTreeMap::new(),
        ),
        (
            "expansion_and_substitution",
            base(
                "fixed",
                three_items,
                json!([
                    {"expand": {"item_id": "food.production", "stratum": "risk_high", "extra": 2}},
                    {"substitute": {"uscc": "__PICK_2_0__", "reason": "unreachable", "evidence": "2026-03-02 现场记录"}},
                    {"substitute": {"uscc": "__PICK_2_1__", "item_id": "food.production", "reason": "deregistered_after_draw"}},
                ]),
            ),
            BTreeMap::new(),
        ),
    ];
    // Ties forced by the test hook: three enterprises share one ticket; the quota cut
    // falls inside the tie, so the USCC bytes decide.
    let mut ties = BTreeMap::new();
    for u in [&a[3], &a[1], &a[7]] {
        ties.insert(
            u.as_str().to_owned(),
            "00000000000000000000000000000007".to_owned(),
        );
    }
    ties.insert(
        a[5].as_str().to_owned(),
        "00000000000000000000000000000001".to_owned(),
    );
    cases.push((
        "forced_ties",
        base(
            "fixed",
            json!([item(
                "food.production",
                "market",
                json!([
            {"key": "all", "eligible": list(&a), "quota": 3}])
            )]),
            json!([]),
        ),
        ties,
    ));
    // Bernoulli boundary: tickets exactly at and just below floor(2^128·1/2).
    let mut edge = BTreeMap::new();
    edge.insert(
        b[0].as_str().to_owned(),
        "80000000000000000000000000000000".to_owned(),
    );
    edge.insert(
        b[1].as_str().to_owned(),
        "7fffffffffffffffffffffffffffffff".to_owned(),
    );
    edge.insert(
        b[2].as_str().to_owned(),
        "00000000000000000000000000000000".to_owned(),
    );
    edge.insert(
        b[3].as_str().to_owned(),
        "ffffffffffffffffffffffffffffffff".to_owned(),
    );
    edge.insert(
        c[0].as_str().to_owned(),
        "ffffffffffffffffffffffffffffffff".to_owned(),
    );
    edge.insert(
        a[0].as_str().to_owned(),
        "00000000000000000000000000000000".to_owned(),
    );
    cases.push((
        "bernoulli_threshold_edges",
        base(
            "bernoulli",
            json!([item(
                "food.production",
                "market",
                json!([
            {"key": "half", "eligible": list(&b[..4]), "ratio": "1/2"},
            {"key": "zero", "eligible": list(&a[..2]), "ratio": "0/1"},
            {"key": "one", "eligible": list(&c[..2]), "ratio": "1/1"}])
            )]),
            json!([]),
        ),
        edge,
    ));
    // Errors.
    let err_input = |items: Value, adj: Value| base("fixed", items, adj);
    let one = |strata: Value| json!([item("food.production", "market", strata)]);
    cases.push((
        "error_eligible_duplicate",
        err_input(
            one(json!([
        {"key": "x", "eligible": [a[0].as_str(), a[1].as_str(), a[0].as_str()], "quota": 1}])),
            json!([]),
        ),
        BTreeMap::new(),
    ));
    cases.push((
        "error_stratum_overlap",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a[..3]), "quota": 1},
        {"key": "y", "eligible": list(&a[2..5]), "quota": 1}])),
            json!([]),
        ),
        BTreeMap::new(),
    ));
    cases.push((
        "error_quota_exceeds_eligible",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a[..3]), "quota": 4}])),
            json!([]),
        ),
        BTreeMap::new(),
    ));
    cases.push((
        "error_substitution_limit",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a), "quota": 2}])),
            json!([{"substitute": {"uscc": "__PICK_0_0__", "reason": "unreachable"}}]),
        ),
        BTreeMap::new(),
    ));
    cases.push((
        "error_substitute_exhausted",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a[..2]), "quota": 2, "max_substitutions": 3}])),
            json!([{"substitute": {"uscc": a[0].as_str(), "reason": "unreachable"}}]),
        ),
        BTreeMap::new(),
    ));
    cases.push((
        "error_substitute_not_selected",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a[..2]), "quota": 0, "max_substitutions": 3}])),
            json!([{"substitute": {"uscc": a[0].as_str(), "reason": "unreachable"}}]),
        ),
        BTreeMap::new(),
    ));
    let raw = |f: &dyn Fn(&mut Value)| {
        let mut v = err_input(
            one(json!([{"key": "x", "eligible": list(&a[..3]), "quota": 1}])),
            json!([]),
        );
        f(&mut v);
        v
    };
    cases.push((
        "error_algorithm_unknown",
        raw(&|v| v["algorithm"] = json!("v2")),
        BTreeMap::new(),
    ));
    cases.push((
        "error_seed_invalid",
        raw(&|v| v["seed"] = json!(seq_seed().to_uppercase())),
        BTreeMap::new(),
    ));
    cases.push((
        "error_task_id_invalid",
        raw(&|v| v["task_id"] = json!("2026 food")),
        BTreeMap::new(),
    ));
    cases.push((
        "error_stratum_key_invalid",
        raw(&|v| v["items"][0]["strata"][0]["key"] = json!("")),
        BTreeMap::new(),
    ));
    cases.push((
        "error_quota_missing",
        raw(&|v| {
            v["items"][0]["strata"][0]
                .as_object_mut()
                .unwrap()
                .remove("quota");
        }),
        BTreeMap::new(),
    ));
    cases.push((
        "error_mode_field_unexpected",
        raw(&|v| v["items"][0]["strata"][0]["ratio"] = json!("1/2")),
        BTreeMap::new(),
    ));
    cases.push((
        "error_ratio_missing",
        raw(&|v| {
            v["mode"] = json!("bernoulli");
            v["items"][0]["strata"][0]
                .as_object_mut()
                .unwrap()
                .remove("quota");
        }),
        BTreeMap::new(),
    ));
    cases.push((
        "error_item_duplicate",
        raw(&|v| {
            let it = v["items"][0].clone();
            v["items"].as_array_mut().unwrap().push(it);
        }),
        BTreeMap::new(),
    ));
    cases.push((
        "error_stratum_duplicate",
        raw(&|v| {
            let mut st = v["items"][0]["strata"][0].clone();
            st["eligible"] = list(&b[..2]);
            v["items"][0]["strata"].as_array_mut().unwrap().push(st);
        }),
        BTreeMap::new(),
    ));
    cases.push(("error_item_unknown", raw(&|v| v["adjustments"] = json!([
        {"substitute": {"uscc": a[0].as_str(), "item_id": "no.such.item", "reason": "unreachable"}}])), BTreeMap::new()));
    cases.push((
        "error_stratum_unknown",
        raw(&|v| {
            v["adjustments"] = json!([
        {"expand": {"item_id": "food.production", "stratum": "nope", "extra": 1}}])
        }),
        BTreeMap::new(),
    ));
    cases.push((
        "error_substitution_reason_unknown",
        raw(&|v| {
            v["adjustments"] = json!([
        {"substitute": {"uscc": a[0].as_str(), "reason": "bored"}}])
        }),
        BTreeMap::new(),
    ));
    cases.push((
        "error_expansion_invalid",
        err_input(
            one(json!([
        {"key": "x", "eligible": list(&a[..3]), "quota": 1}])),
            json!([{"expand": {"item_id": "food.production", "stratum": "x", "extra": 3}}]),
        ),
        BTreeMap::new(),
    ));
    cases
}

fn run(input: &Value, overrides: &BTreeMap<String, String>) -> Result<Value, String> {
    let input: DrawInput = serde_json::from_value(input.clone())
        .map_err(|e| Error::from_json(&e).code().as_str().to_owned())?;
    let o: BTreeMap<Uscc, Ticket> = overrides
        .iter()
        .map(|(u, t)| (Uscc::parse(u).unwrap(), Ticket::parse(t).unwrap()))
        .collect();
    match Draw::with_ticket_overrides(input, &o) {
        Ok(d) => Ok(serde_json::to_value(d.result()).unwrap()),
        Err(e) => Err(e.code().as_str().to_owned()),
    }
}

/// Replaces the placeholders `__PICK_i_h__` by the first drawn enterprise of stratum
/// `h` of item `i` (in result order) of the same draw without adjustments, so that the
/// cases target selected enterprises.
fn resolve(input: Value) -> Value {
    let mut text = input.to_string();
    if !text.contains("__PICK_") {
        return input;
    }
    let mut plain = input.clone();
    plain["adjustments"] = json!([]);
    let r = run(&plain, &BTreeMap::new()).unwrap();
    for i in 0..4 {
        for h in 0..4 {
            let pick = r["items"][i]["strata"][h]["selected"][0]["uscc"]
                .as_str()
                .unwrap_or("")
                .to_owned();
            text = text.replace(&format!("__PICK_{i}_{h}__"), &pick);
        }
    }
    serde_json::from_str(&text).unwrap()
}

fn draws() -> Value {
    let cases: Vec<Value> = draw_cases()
        .into_iter()
        .map(|(name, input, overrides)| {
            let input = resolve(input);
            let mut case = json!({"name": name, "input": input});
            if !overrides.is_empty() {
                case["ticket_overrides"] = json!(overrides);
            }
            match run(&case["input"], &overrides) {
                Ok(r) => case["expected"] = r,
                Err(code) => case["expected_error"] = json!(code),
            }
            case
        })
        .collect();
    json!({"algorithm": "v1", "cases": cases})
}

fn check_or_write(name: &str, value: &Value) {
    let path = dir().join(name);
    if std::env::var_os("SSJ_WRITE_VECTORS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap() + "\n").unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        &stored, value,
        "{name} differs from the committed golden vectors"
    );
}

#[test]
fn primitive_vectors() {
    check_or_write("primitives.json", &primitives());
}

#[test]
fn draw_vectors() {
    check_or_write("draws.json", &draws());
}

/// Replays every stored case from the file alone (not from the generator), so that a
/// hand-edited or foreign vector file is checked too.
#[test]
fn stored_draw_cases_replay() {
    let text = std::fs::read_to_string(dir().join("draws.json")).unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    let cases = stored["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let overrides: BTreeMap<String, String> =
            serde_json::from_value(case.get("ticket_overrides").cloned().unwrap_or(json!({})))
                .unwrap();
        let got = run(&case["input"], &overrides);
        match (case.get("expected"), case.get("expected_error")) {
            (Some(exp), None) => assert_eq!(got.as_ref().ok(), Some(exp), "{}", case["name"]),
            (None, Some(code)) => {
                assert_eq!(
                    got.as_ref().err().map(String::as_str),
                    code.as_str(),
                    "{}",
                    case["name"]
                );
            }
            _ => panic!("case {} needs expected or expected_error", case["name"]),
        }
    }
}
