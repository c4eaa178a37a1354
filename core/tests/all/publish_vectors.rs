//! Golden vectors of publication (tests/vectors/publish/*.json): a whole small
//! ceremony (plan, log, result, receipts) and tampered documents with the expected
//! error code and field. The independent Python checker
//! tests/verifier/ssj_publish_v1.py reads the same files.
//!
//! `vectors_are_current` regenerates them in memory and compares; run with
//! `SSJ_WRITE_VECTORS=1` to rewrite them after a deliberate change.

use std::path::PathBuf;

use crate::publish_fixture::{Fixture, Revised, fixture, revised};
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
    fn read<T: serde::de::DeserializeOwned>(v: &Value, doc: &str) -> shuangsuiji::Result<T> {
        // As a verifier reads a published file: committed JSON, errors located by path.
        shuangsuiji::verify::from_committed_json(&serde_json::to_vec(v).unwrap())
            .map_err(|e| e.within(doc))
    }
    let run = || -> shuangsuiji::Result<()> {
        let plan: Plan = read(&d.plan, "plan")?;
        let result: ResultDocument = read(&d.result, "result")?;
        match target {
            "draw" => {
                let catalog: Catalog = de(&d.catalog);
                let log: DrawLog = read(&d.log, "log")?;
                let eligible: Vec<EligibleLeaf> = read(&d.eligible, "eligible")?;
                let h = Bytes32::from_hex(d.plan_hash.as_str().unwrap()).unwrap();
                let head = Bytes32::from_hex(d.log_head.as_str().unwrap()).unwrap();
                let whole =
                    publish::verify_draw(&plan, &h, &catalog, &log, &head, &eligible, &result);
                // The two halves the page runs side by side give the same verdict: the
                // roots' error first, else the recomputation's answer.
                let draw = publish::PublishedDraw {
                    plan: &plan,
                    plan_hash: &h,
                    catalog: &catalog,
                    log: &log,
                    log_head: &head,
                    eligible: &eligible,
                    result: &result,
                };
                let rest = draw.check_recomputation();
                let halves = publish::verify_draw_roots(&plan, &h, &catalog, &eligible).and(rest);
                assert_eq!(format!("{halves:?}"), format!("{whole:?}"));
                whole.map(drop)
            }
            _ => {
                let receipt: Receipt = read(&d.receipts[index], "receipt")?;
                publish::verify_receipt(&receipt, &plan, &result).map(drop)
            }
        }
    };
    run().err().map(|e| {
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
    if pointer.is_empty() {
        *doc = p["value"].clone();
        return;
    }
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
    let ceremony = case_json(
        f,
        "A small joint task (3 items, 12 enterprises of the sample county, one forced in), 3 departments and a notary, one 双色球 beacon.",
    );
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
            "receipt proof of non-exclusion left out",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/not_excluded"), "op": "remove"}),
        ),
        (
            "receipt USCC in lower case",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/uscc"), "op": "replace", "value": t(&c["receipts"][sel]["uscc"]).to_lowercase()}),
        ),
        (
            "receipt neighbour USCC in lower case",
            "receipt",
            sel,
            json!({"doc": "receipts", "pointer": format!("/{sel}/after/leaf/uscc"), "op": "replace", "value": t(&c["receipts"][sel]["after"]["leaf"]["uscc"]).to_lowercase()}),
        ),
        (
            "eligible USCC in lower case",
            "draw",
            0,
            json!({"doc": "eligible", "pointer": "/3/uscc", "op": "replace", "value": t(&c["eligible"][3]["uscc"]).to_lowercase()}),
        ),
        ("result cut-off USCC in lower case", "receipt", sel, {
            let strata = c["result"]["draw"]["items"][0]["strata"]
                .as_array()
                .unwrap();
            let j = strata.iter().position(|s| !s["cutoff"].is_null()).unwrap();
            json!({"doc": "result", "pointer": format!("/draw/items/0/strata/{j}/cutoff/uscc"), "op": "replace", "value": t(&strata[j]["cutoff"]["uscc"]).to_lowercase()})
        }),
        (
            "plan ratio written as a percentage",
            "draw",
            0,
            json!({"doc": "plan", "pointer": "/items/1/strata/0/ratio", "op": "replace", "value": "3%"}),
        ),
        (
            "receipt exclusion reason changed",
            "receipt",
            exc,
            json!({"doc": "receipts", "pointer": format!("/{exc}/excluded/reasons/0"), "op": "replace", "value": "fire.fire_safety:revoked"}),
        ),
    ];
    json!({"ceremony": ceremony, "tampered": tamper(c, raw)})
}

/// Applies each patch to a copy of the case and records what Rust reports.
fn tamper(c: &Value, raw: Vec<(&str, &str, usize, Value)>) -> Vec<Value> {
    let mut cases = Vec::new();
    for (name, target, index, p) in raw {
        let mut d = docs(c);
        patch(&mut d, &p);
        let (code, field) = check(&d, target, index).unwrap_or_else(|| panic!("{name} verifies"));
        cases.push(json!({"name": name, "verify": target, "receipt_index": index, "patch": p, "code": code, "field": field}));
    }
    cases
}

/// The case of a fixture as JSON (the `ceremony` object).
fn case_json(f: &Fixture, description: &str) -> Value {
    json!({
        "description": description,
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
        "receipts": f.receipts,
        "verdicts": f.receipts.iter().map(|r| publish::verify_receipt(r, &f.plan, &f.result).unwrap()).collect::<Vec<_>>(),
    })
}

fn generate_revised(r: &Revised) -> Value {
    let f = &r.current;
    let c = case_json(
        f,
        "A joint task (3 items, 24 enterprises of the sample county, max_substitutions 2): attempt 0 drawn, re-drawn with a recorded reason and a new 双色球 draw; attempt 1 drawn; one enterprise replaced in one item (revision 1), another in its whole visit (revision 2).",
    );
    let entry_of = |kind: &str| {
        f.log
            .entries
            .iter()
            .position(|e| serde_json::to_value(&e.event).unwrap()["kind"] == kind)
            .unwrap()
    };
    let sub = entry_of("substitution");
    let rev = entry_of("revision");
    let replaced = f.result.draw.substitutions[0].replaced;
    let substitute = f.result.draw.substitutions[0].substitute;
    let receipt_of =
        |u: shuangsuiji::model::Uscc| f.receipts.iter().position(|r| r.uscc == u).unwrap();
    let (ri, si) = (receipt_of(replaced), receipt_of(substitute));
    let entry_with = |k: usize, flag: &str| {
        f.receipts[k]
            .eligible
            .iter()
            .position(|e| {
                if flag == "replaced" {
                    e.replaced
                } else {
                    e.selected
                }
            })
            .unwrap()
    };
    let (re, se) = (entry_with(ri, "replaced"), entry_with(si, "selected"));
    let (i0, j0) = f
        .result
        .draw
        .items
        .iter()
        .enumerate()
        .find_map(|(i, it)| {
            it.strata
                .iter()
                .position(|s| !s.replaced.is_empty())
                .map(|j| (i, j))
        })
        .unwrap();
    let plain = f
        .receipts
        .iter()
        .position(|r| {
            r.not_excluded
                .as_ref()
                .is_some_and(|n| n.before.is_some() && n.after.is_some())
        })
        .unwrap();
    let other_leaf =
        serde_json::to_value(&f.receipts[plain].not_excluded.as_ref().unwrap().after).unwrap();
    let results: Vec<Value> = r
        .results
        .iter()
        .map(|d| serde_json::to_value(d).unwrap())
        .collect();
    let raw: Vec<(&str, &str, usize, Value)> = vec![
        (
            "result of attempt 0 published as current",
            "draw",
            0,
            json!({"doc": "result", "pointer": "", "op": "replace", "value": results[0]}),
        ),
        (
            "unrevised result of attempt 1 published as current",
            "draw",
            0,
            json!({"doc": "result", "pointer": "", "op": "replace", "value": results[1]}),
        ),
        (
            "revision 1 published as current",
            "draw",
            0,
            json!({"doc": "result", "pointer": "", "op": "replace", "value": results[2]}),
        ),
        (
            "result revision number changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": "/revision", "op": "replace", "value": 1}),
        ),
        (
            "result substitute changed",
            "draw",
            0,
            json!({"doc": "result", "pointer": "/draw/substitutions/0/substitute", "op": "replace", "value": c["result"]["draw"]["substitutions"][0]["replaced"]}),
        ),
        (
            "result replaced enterprise dropped",
            "draw",
            0,
            json!({"doc": "result", "pointer": format!("/draw/items/{i0}/strata/{j0}/replaced/0"), "op": "remove"}),
        ),
        (
            "log substitution reason changed",
            "draw",
            0,
            json!({"doc": "log", "pointer": format!("/entries/{sub}/event/reason"), "op": "replace", "value": "suspended_after_draw"}),
        ),
        (
            "log revision dropped",
            "draw",
            0,
            json!({"doc": "log", "pointer": format!("/entries/{rev}"), "op": "remove"}),
        ),
        (
            "receipt of a replaced enterprise claims it is not replaced",
            "receipt",
            ri,
            json!({"doc": "receipts", "pointer": format!("/{ri}/eligible/{re}/replaced"), "op": "replace", "value": false}),
        ),
        (
            "receipt of a replaced enterprise claims it is selected",
            "receipt",
            ri,
            json!({"doc": "receipts", "pointer": format!("/{ri}/eligible/{re}/selected"), "op": "replace", "value": true}),
        ),
        (
            "receipt of a substitute claims it is not selected",
            "receipt",
            si,
            json!({"doc": "receipts", "pointer": format!("/{si}/eligible/{se}/selected"), "op": "replace", "value": false}),
        ),
        (
            "receipt's exclusion neighbours not consecutive",
            "receipt",
            plain,
            json!({"doc": "receipts", "pointer": format!("/{plain}/not_excluded/before"), "op": "replace", "value": other_leaf}),
        ),
    ];
    json!({"ceremony": c, "results": results, "tampered": tamper(&c, raw)})
}

fn small() -> Fixture {
    fixture(12)
}

fn write_or_compare(name: &str, v: &Value) {
    let text = serde_json::to_string_pretty(v).unwrap() + "\n";
    let path = dir().join(name);
    if std::env::var_os("SSJ_WRITE_VECTORS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(&path, &text).unwrap();
    } else {
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert!(
            on_disk == text,
            "{name} is stale; regenerate with SSJ_WRITE_VECTORS=1"
        );
    }
}

#[test]
fn vectors_are_current() {
    write_or_compare("ceremony.json", &generate(&small()));
    write_or_compare("revision.json", &generate_revised(&revised(24)));
}

#[test]
fn run_vectors() {
    for (file, min_cases) in [("ceremony.json", 19), ("revision.json", 12)] {
        run_file(file, min_cases);
    }
}

fn run_file(file: &str, min_cases: usize) {
    let text = std::fs::read_to_string(dir().join(file)).unwrap();
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
    assert!(tampered.len() >= min_cases, "{file}");
    for case in tampered {
        let mut d = docs(c);
        patch(&mut d, &case["patch"]);
        let index = usize::try_from(case["receipt_index"].as_u64().unwrap()).unwrap();
        let got = check(&d, case["verify"].as_str().unwrap(), index);
        let want = (
            case["code"].as_str().unwrap().to_owned(),
            case["field"].as_str().unwrap().to_owned(),
        );
        assert_eq!(got, Some(want), "{file}: {}", case["name"]);
    }
}
