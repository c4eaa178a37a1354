//! Golden vectors of publication (tests/vectors/publish/*.json): a whole small
//! ceremony (plan, log, result, receipts) and tampered documents with the expected
//! error code and field. The independent Python checker
//! tests/verifier/ssj_publish_v1.py reads the same files.
//!
//! `vectors_are_current` regenerates them in memory and compares; run with
//! `SSJ_WRITE_VECTORS=1` to rewrite them after a deliberate change.

mod publish_fixture;

use std::path::PathBuf;

use publish_fixture::{Fixture, fixture};
use serde_json::{Value, json};
use shuangsuiji::model::Catalog;
use shuangsuiji::publish::{self, Receipt, ResultDocument};
use shuangsuiji::verify::{Bytes32, DrawLog, EligibleLeaf, Plan};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/publish")
}

fn de<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap()
}

/// The documents of a case, as JSON.
struct Docs {
    plan: Value,
    plan_hash: Value,
    catalog: Value,
    eligible: Value,
    log: Value,
    log_head: Value,
    result: Value,
    receipts: Value,
}

impl Docs {
    fn get_mut(&mut self, doc: &str) -> &mut Value {
        match doc {
            "plan" => &mut self.plan,
            "eligible" => &mut self.eligible,
            "log" => &mut self.log,
            "result" => &mut self.result,
            "receipts" => &mut self.receipts,
            other => panic!("unknown document {other}"),
        }
    }
}

/// Verifies what a case names: `draw` = verify_draw, `receipt` = verify_receipt of
/// receipt `index`. Returns (code, field) of the error, or `None`.
fn check(d: &Docs, target: &str, index: usize) -> Option<(String, String)> {
    let plan: Plan = de(&d.plan);
    let result: ResultDocument = de(&d.result);
    let r = match target {
        "draw" => {
            let catalog: Catalog = de(&d.catalog);
            let log: DrawLog = de(&d.log);
            let eligible: Vec<EligibleLeaf> = de(&d.eligible);
            let h = Bytes32::from_hex(d.plan_hash.as_str().unwrap()).unwrap();
            let head = Bytes32::from_hex(d.log_head.as_str().unwrap()).unwrap();
            publish::verify_draw(&plan, &h, &catalog, &log, &head, &eligible, &result).map(drop)
        }
        _ => {
            let receipt: Receipt = de(&d.receipts[index]);
            publish::verify_receipt(&receipt, &plan, &result).map(drop)
        }
    };
    r.err().map(|e| {
        (
            e.code().as_str().to_owned(),
            e.details().field.clone().unwrap_or_default(),
        )
    })
}

/// Applies a patch `{"doc", "pointer", "op": "replace"|"remove", "value"}`.
fn patch(d: &mut Docs, p: &Value) {
    let doc = d.get_mut(p["doc"].as_str().unwrap());
    let pointer = p["pointer"].as_str().unwrap();
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let target = doc.pointer_mut(parent).unwrap();
    match p["op"].as_str().unwrap() {
        "replace" => {
            *target.pointer_mut(&format!("/{last}")).unwrap() = p["value"].clone();
        }
        "remove" => match target {
            Value::Array(a) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            Value::Object(m) => {
                m.remove(last);
            }
            _ => panic!("cannot remove from a scalar"),
        },
        other => panic!("unknown op {other}"),
    }
}

fn docs(case: &Value) -> Docs {
    Docs {
        plan: case["plan"].clone(),
        plan_hash: case["plan_hash"].clone(),
        catalog: case["catalog"].clone(),
        eligible: case["eligible"].clone(),
        log: case["log"].clone(),
        log_head: case["log_head"].clone(),
        result: case["result"].clone(),
        receipts: case["receipts"].clone(),
    }
}

// ---------------------------------------------------------------- generation

fn flip(hex: &str) -> String {
    let mut s = hex.to_owned();
    let last = s.pop().unwrap();
    s.push(if last == '0' { '1' } else { '0' });
    s
}

fn generate(f: &Fixture) -> Value {
    let receipts: Vec<&Receipt> = f.receipts.iter().collect();
    let ceremony = json!({
        "description": "A small joint task (3 items, 12 enterprises of the sample county, one forced in), 3 departments and a notary, one 双色球 beacon.",
        "plan": f.plan,
        "plan_hash": f.plan_hash,
        "catalog": f.catalog,
        "catalog_hash": f.catalog.content_hash().unwrap(),
        "eligible": f.eligible,
        "excluded": f.excluded,
        "log": f.log,
        "log_head": f.head,
        "seed": f.seed,
        "result": f.result,
        "result_hash": f.result.result_hash().unwrap(),
        "receipts": receipts,
        "verdicts": f.receipts.iter().map(|r| publish::verify_receipt(r, &f.plan, &f.result).unwrap()).collect::<Vec<_>>(),
    });
    // Tampered cases: one patch each, the verifier to run, and what Rust reports.
    let sel = f
        .receipts
        .iter()
        .position(|r| r.eligible.iter().any(|e| e.selected))
        .unwrap();
    let multi = f
        .receipts
        .iter()
        .position(|r| r.eligible.len() > 1)
        .unwrap();
    let exc = f
        .receipts
        .iter()
        .position(|r| r.excluded.is_some())
        .unwrap();
    let (ci, cj) = f
        .result
        .draw
        .items
        .iter()
        .enumerate()
        .find_map(|(i, it)| {
            it.strata
                .iter()
                .position(|s| s.cutoff.is_some())
                .map(|j| (i, j))
        })
        .unwrap();
    let t = |v: &Value| v.as_str().unwrap().to_owned();
    let c = &ceremony;
    let plan_quota = c["plan"]["items"][0]["strata"][0]["quota"]
        .as_u64()
        .unwrap();
    let raw: Vec<(&str, &str, usize, Value)> = vec![
        (
            "plan quota changed",
            "draw",
            0,
            json!({"doc": "plan", "pointer": "/items/0/strata/0/quota", "op": "replace", "value": plan_quota + 1}),
        ),
        (
            "plan beacon draw changed",
            "draw",
            0,
            json!({"doc": "plan", "pointer": "/beacons/0/draw", "op": "replace", "value": "2025025"}),
        ),
        (
            "eligible entry removed",
            "draw",
            0,
            json!({"doc": "eligible", "pointer": "/0", "op": "remove"}),
        ),
        (
            "eligible entry moved to another stratum",
            "draw",
            0,
            json!({"doc": "eligible", "pointer": "/0/stratum_key", "op": "replace", "value": "credit=D"}),
        ),
        (
            "log secret changed",
            "draw",
            0,
            json!({"doc": "log", "pointer": "/entries/2/event/secret", "op": "replace", "value": flip(&t(&c["log"]["entries"][2]["event"]["secret"]))}),
        ),
        (
            "log draw entry dropped",
            "draw",
            0,
            json!({"doc": "log", "pointer": "/entries/6", "op": "remove"}),
        ),
        (
            "result seed changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": "/seed", "op": "replace", "value": flip(&t(&c["result"]["seed"]))}),
        ),
        (
            "result cut-off changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": format!("/draw/items/{ci}/strata/{cj}/cutoff/ticket"), "op": "replace", "value": flip(&t(&c["result"]["draw"]["items"][ci]["strata"][cj]["cutoff"]["ticket"]))}),
        ),
        (
            "result visit removed",
            "draw",
            0,
            json!({"doc": "result", "pointer": "/draw/visits/0", "op": "remove"}),
        ),
        (
            "result eligible count changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": format!("/draw/items/{ci}/strata/{cj}/eligible_count"), "op": "replace", "value": 999}),
        ),
        (
            "result log head changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": "/log_head", "op": "replace", "value": flip(&t(&c["result"]["log_head"]))}),
        ),
        (
            "receipt plan hash changed",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/plan_hash"), "op": "replace", "value": flip(&t(&c["receipts"][sel]["plan_hash"]))}),
        ),
        (
            "receipt ticket changed",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/ticket"), "op": "replace", "value": flip(&t(&c["receipts"][sel]["ticket"]))}),
        ),
        (
            "receipt verdict flipped",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/eligible/0/selected"), "op": "replace", "value": !c["receipts"][sel]["eligible"][0]["selected"].as_bool().unwrap()}),
        ),
        (
            "receipt stratum changed",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/eligible/0/stratum_key"), "op": "replace", "value": "credit=D"}),
        ),
        (
            "receipt audit path changed",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/eligible/0/proof/audit_path/0"), "op": "replace", "value": flip(&t(&c["receipts"][sel]["eligible"][0]["proof"]["audit_path"][0]))}),
        ),
        (
            "receipt entry left out",
            "receipt",
            multi,
            json!({"doc": "receipts", "pointer": format!("/{multi}/eligible/0"), "op": "remove"}),
        ),
        (
            "receipt exclusion reason changed",
            "receipt",
            exc,
            json!({"doc": "receipts", "pointer": format!("/{exc}/excluded/reasons/0"), "op": "replace", "value": "fire.fire_safety:revoked"}),
        ),
    ];
    let mut cases = Vec::new();
    for (name, target, index, p) in raw {
        let mut d = docs(c);
        patch(&mut d, &p);
        let (code, field) = check(&d, target, index).unwrap_or_else(|| panic!("{name} verifies"));
        cases.push(json!({"name": name, "verify": target, "receipt_index": index, "patch": p, "code": code, "field": field}));
    }
    json!({"ceremony": ceremony, "tampered": cases})
}

fn small() -> Fixture {
    fixture(12)
}

#[test]
fn vectors_are_current() {
    let v = generate(&small());
    let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
    let path = dir().join("ceremony.json");
    if std::env::var_os("SSJ_WRITE_VECTORS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(&path, &text).unwrap();
    } else {
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert!(
            on_disk == text,
            "ceremony.json is stale; regenerate with SSJ_WRITE_VECTORS=1"
        );
    }
}

#[test]
fn run_vectors() {
    let text = std::fs::read_to_string(dir().join("ceremony.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let c = &v["ceremony"];
    let d = docs(c);
    assert_eq!(check(&d, "draw", 0), None);
    let plan: Plan = de(&c["plan"]);
    let result: ResultDocument = de(&c["result"]);
    assert_eq!(
        plan.plan_hash().unwrap().to_hex(),
        c["plan_hash"].as_str().unwrap()
    );
    assert_eq!(
        result.result_hash().unwrap().to_hex(),
        c["result_hash"].as_str().unwrap()
    );
    let catalog: Catalog = de(&c["catalog"]);
    assert_eq!(
        catalog.content_hash().unwrap(),
        c["catalog_hash"].as_str().unwrap()
    );
    for (r, want) in c["receipts"]
        .as_array()
        .unwrap()
        .iter()
        .zip(c["verdicts"].as_array().unwrap())
    {
        let r: Receipt = de(r);
        let verdict = publish::verify_receipt(&r, &plan, &result).unwrap();
        assert_eq!(&serde_json::to_value(verdict).unwrap(), want);
    }
    let tampered = v["tampered"].as_array().unwrap();
    assert!(tampered.len() >= 18);
    for case in tampered {
        let mut d = docs(c);
        patch(&mut d, &case["patch"]);
        let index = usize::try_from(case["receipt_index"].as_u64().unwrap()).unwrap();
        let got = check(&d, case["verify"].as_str().unwrap(), index);
        let want = (
            case["code"].as_str().unwrap().to_owned(),
            case["field"].as_str().unwrap().to_owned(),
        );
        assert_eq!(got, Some(want), "{}", case["name"]);
    }
}
