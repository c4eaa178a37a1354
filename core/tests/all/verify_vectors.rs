//! Golden vectors of the verify primitives (tests/vectors/verify/*.json).
//!
//! `run_*` tests read the files and check every case from its inputs — the files are
//! the contract. `vectors_are_current` regenerates them in memory and compares; run
//! with `SSJ_WRITE_VECTORS=1` to rewrite them after a deliberate change (which, for v1,
//! must never happen once released).

use std::path::PathBuf;

use crate::verify_fixture::*;
use serde_json::{Value, json};
use shuangsuiji::verify::merkle::{conflict_list_hash, leaf_hash};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, BeaconValue, Bytes32, Ceremony, DrawLog, EligibleLeaf, Event,
    ExcludedLeaf, InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Plan,
    Reveal, RevealOrder, TreeCommitment, canonicalize, commitment, derive_seed, validate_value,
    verify_inclusion, verify_log, verify_plan,
};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/verify")
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn de<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap()
}

fn h(v: &Value) -> Bytes32 {
    Bytes32::from_hex(v.as_str().unwrap()).unwrap()
}

fn code(r: Result<impl std::fmt::Debug, shuangsuiji::Error>) -> shuangsuiji::Error {
    r.expect_err("expected an error")
}

// ---------------------------------------------------------------- generation

fn gen_leaves() -> Value {
    let el: Vec<Value> = eligible(2)
        .iter()
        .map(|l| {
            let b = l.encode().unwrap();
            json!({"leaf": l, "leaf_bytes": hex::encode(&b), "leaf_hash": hex::encode(leaf_hash(&b))})
        })
        .collect();
    let ex: Vec<Value> = excluded()
        .iter()
        .map(|l| {
            let b = l.encode().unwrap();
            json!({"leaf": l, "leaf_bytes": hex::encode(&b), "leaf_hash": hex::encode(leaf_hash(&b))})
        })
        .collect();
    let ins: Vec<Value> = inspectors()
        .iter()
        .map(|l| {
            let b = l.encode().unwrap();
            json!({"leaf": l, "conflicts_hash": hex::encode(conflict_list_hash(&l.conflicts).unwrap()),
                   "leaf_bytes": hex::encode(&b), "leaf_hash": hex::encode(leaf_hash(&b))})
        })
        .collect();
    let mut bad_ex = excluded()[0].clone();
    bad_ex.reasons = vec!["deregistered".into(), "deregistered".into()];
    let mut no_reason = excluded()[1].clone();
    no_reason.reasons.clear();
    let mut bad_el = eligible(1)[0].clone();
    bad_el.stratum_key.clear();
    let mut bad_ins = inspectors()[1].clone();
    bad_ins.qualifications = vec![String::new()];
    let mut invalid = Vec::new();
    for (ty, leaf, r) in [
        ("excluded", json!(bad_ex), bad_ex.encode().map(|_| ())),
        ("excluded", json!(no_reason), no_reason.encode().map(|_| ())),
        ("eligible", json!(bad_el), bad_el.encode().map(|_| ())),
        ("inspector", json!(bad_ins), bad_ins.encode().map(|_| ())),
    ] {
        let e = code(r);
        invalid.push(json!({"type": ty, "leaf": leaf, "code": e.code().as_str(),
                            "field": e.details().field}));
    }
    let mut dup = eligible(3);
    dup[0].stratum_key = "Z".into();
    dup[0].item_id = dup[2].item_id.clone();
    dup[0].uscc = dup[2].uscc;
    let e = code(MerkleTree::from_leaves(&dup));
    let dup_ins = vec![inspectors()[0].clone(), inspectors()[0].clone()];
    let e2 = code(MerkleTree::from_leaves(&dup_ins));
    json!({
        "eligible": el, "excluded": ex, "inspector": ins, "invalid": invalid,
        "duplicate_trees": [
            {"type": "eligible", "leaves": dup, "code": e.code().as_str()},
            {"type": "inspector", "leaves": dup_ins, "code": e2.code().as_str()},
        ],
    })
}

fn gen_merkle() -> Value {
    let mut trees = Vec::new();
    for n in [0usize, 1, 2, 3, 5, 8, 13] {
        let leaves = eligible(n);
        let tree = MerkleTree::from_leaves(&leaves).unwrap();
        let mut sorted = leaves.clone();
        sorted.sort_by_key(MerkleLeaf::sort_key);
        let bytes: Vec<String> = sorted
            .iter()
            .map(|l| hex::encode(l.encode().unwrap()))
            .collect();
        let proofs: Vec<InclusionProof> = (0..n).map(|i| tree.proof(i).unwrap()).collect();
        trees.push(
            json!({"size": n, "leaves": leaves, "sorted_leaf_bytes": bytes,
                          "root": tree.root(), "proofs": proofs}),
        );
    }
    // Invalid proofs, from the 5-leaf tree.
    let leaves = eligible(5);
    let tree = MerkleTree::from_leaves(&leaves).unwrap();
    let mut sorted = leaves.clone();
    sorted.sort_by_key(MerkleLeaf::sort_key);
    let leaf = |i: usize| hex::encode(sorted[i].encode().unwrap());
    let p2 = tree.proof(2).unwrap();
    let mut wrong_index = p2.clone();
    wrong_index.leaf_index = 3;
    let mut wrong_size = p2.clone();
    wrong_size.tree_size = 6;
    let mut flipped = p2.clone();
    flipped.audit_path[0].0[0] ^= 1;
    let mut short = p2.clone();
    short.audit_path.pop();
    let mut long = p2.clone();
    long.audit_path.push(Bytes32([0; 32]));
    let mut outside = p2.clone();
    outside.leaf_index = 5;
    let mut root2 = tree.root();
    root2.0[31] ^= 1;
    let invalid = json!([
        {"name": "other_leaf", "leaf_bytes": leaf(1), "proof": p2, "root": tree.root(), "tree_size": 5},
        {"name": "wrong_index", "leaf_bytes": leaf(2), "proof": wrong_index, "root": tree.root(), "tree_size": 5},
        {"name": "wrong_tree_size", "leaf_bytes": leaf(2), "proof": wrong_size, "root": tree.root(), "tree_size": 5},
        {"name": "flipped_path_byte", "leaf_bytes": leaf(2), "proof": flipped, "root": tree.root(), "tree_size": 5},
        {"name": "path_too_short", "leaf_bytes": leaf(2), "proof": short, "root": tree.root(), "tree_size": 5},
        {"name": "path_too_long", "leaf_bytes": leaf(2), "proof": long, "root": tree.root(), "tree_size": 5},
        {"name": "index_outside", "leaf_bytes": leaf(2), "proof": outside, "root": tree.root(), "tree_size": 5},
        {"name": "other_root", "leaf_bytes": leaf(2), "proof": p2, "root": root2, "tree_size": 5},
    ]);
    let invalid: Vec<Value> = invalid
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c["code"] = json!("merkle_proof_invalid");
            c
        })
        .collect();
    json!({"empty_root": tree_empty_root(), "trees": trees, "invalid_proofs": invalid})
}

fn tree_empty_root() -> Bytes32 {
    MerkleTree::from_leaves::<EligibleLeaf>(&[]).unwrap().root()
}

fn gen_commitments() -> Value {
    let cases: Vec<Value> = PARTIES
        .iter()
        .map(|p| {
            let s = secret(p, 0);
            json!({"party_id": p, "secret": s, "commitment": commitment(p, &s).unwrap()})
        })
        .chain(std::iter::once({
            let s = Bytes32([0; 32]);
            json!({"party_id": "a", "secret": s, "commitment": commitment("a", &s).unwrap()})
        }))
        .collect();
    let invalid: Vec<Value> = ["", "公证处", "has space", &"x".repeat(65)]
        .iter()
        .map(|p| {
            let e = code(commitment(p, &Bytes32([0; 32])));
            json!({"party_id": p, "code": e.code().as_str()})
        })
        .collect();
    json!({"cases": cases, "invalid": invalid})
}

fn kind_str(k: BeaconKind) -> Value {
    serde_json::to_value(k).unwrap()
}

fn gen_beacons() -> Value {
    use BeaconKind::*;
    let valid: Vec<Value> = [
        (CwlSsq, "03.07.11.19.26.31+09"),
        (CwlSsq, "01.02.03.04.05.33+16"),
        (CslDlt, "04.09.18.27.33+02.11"),
        (CslDlt, "01.02.03.04.35+01.12"),
        (IndexClose, "3245.67"),
        (IndexClose, "0.05"),
        (IndexClose, "12000.00"),
        (Hex, "00"),
        (Hex, beacon_values0()[2].1),
        (Text, "round 42: heads"),
    ]
    .iter()
    .map(|(k, v)| {
        validate_value(*k, v).unwrap();
        json!({"kind": kind_str(*k), "value": v})
    })
    .collect();
    let invalid: Vec<Value> = [
        (CwlSsq, "3.07.11.19.26.31+09"),
        (CwlSsq, "03.07.11.19.26.34+09"),
        (CwlSsq, "00.07.11.19.26.31+09"),
        (CwlSsq, "03.07.11.19.26.31+17"),
        (CwlSsq, "03.07.07.19.26.31+09"),
        (CwlSsq, "07.03.11.19.26.31+09"),
        (CwlSsq, "03.07.11.19.26+09"),
        (CwlSsq, "03.07.11.19.26.31.09"),
        (CwlSsq, "03.07.11.19.26.31+9"),
        (CwlSsq, "03 07 11 19 26 31+09"),
        (CslDlt, "04.09.18.27.33+11.02"),
        (CslDlt, "04.09.18.27.36+02.11"),
        (CslDlt, "04.09.18.27.33+02.13"),
        (CslDlt, "04.09.18.27.33+02"),
        (IndexClose, "3245.6"),
        (IndexClose, "3245.678"),
        (IndexClose, "03245.67"),
        (IndexClose, "3245"),
        (IndexClose, "-3245.67"),
        (IndexClose, "3,245.67"),
        (IndexClose, ".67"),
        (Hex, "ABCD"),
        (Hex, "abc"),
        (Hex, ""),
        (Hex, "0xabcd"),
        (Text, " leading"),
        (Text, "trailing "),
        (Text, ""),
        (Text, "tab\there"),
        (Text, "非ASCII"),
    ]
    .iter()
    .map(|(k, v)| {
        let e = code(validate_value(*k, v));
        json!({"kind": kind_str(*k), "value": v, "code": e.code().as_str(),
               "field": e.details().field, "reason": e.details().extra.get("reason")})
    })
    .collect();
    let canon: Vec<Value> = [
        (CwlSsq, "26 3 7 11 19 31 + 9"),
        (CwlSsq, "03,07,11,19,26,31|09"),
        (CwlSsq, "红"),
        (CwlSsq, "3 7 11 19 26 31 9 1"),
        (CwlSsq, "3 7 7 19 26 31 + 9"),
        (CslDlt, "33 4 9 18 27 | 11 2"),
        (CslDlt, "4、9、18、27、33 后 2、11"),
        (IndexClose, "3,245.6"),
        (IndexClose, " 003245 "),
        (IndexClose, "3245.675"),
        (Hex, " 0xABcd "),
        (Text, "  hello world \n"),
    ]
    .iter()
    .map(|(k, input)| match canonicalize(*k, input) {
        Ok(out) => json!({"kind": kind_str(*k), "input": input, "output": out}),
        Err(e) => json!({"kind": kind_str(*k), "input": input, "code": e.code().as_str()}),
    })
    .collect();
    let bad_specs: Vec<Value> = [
        (CwlSsq, "ssq", "cwl.ssq", "26031"),
        (CwlSsq, "ssq", "cwl.ssq", "2026000"),
        (IndexClose, "sse", "sse.000001", "2026-3-5"),
        (IndexClose, "sse", "sse.000001", "2026-02-30"),
        (Hex, "drand", "drand quicknet", "1"),
        (Hex, "", "drand.quicknet", "1"),
        (Text, "t", "t", ""),
    ]
    .iter()
    .map(|(k, s, series, d)| {
        let spec = BeaconSpec {
            source_id: (*s).into(),
            kind: *k,
            series: (*series).into(),
            draw: (*d).into(),
        };
        let e = code(spec.validate());
        json!({"spec": spec, "code": e.code().as_str(), "field": e.details().field})
    })
    .collect();
    json!({"valid": valid, "invalid": invalid, "canonicalize": canon, "invalid_specs": bad_specs})
}

fn seed_case(
    name: &str,
    ph: &Bytes32,
    attempt: u32,
    beacons: &[(&str, &str)],
    secrets: &[(&str, Bytes32)],
) -> Value {
    let seed = derive_seed(ph, attempt, beacons, secrets).unwrap();
    json!({
        "name": name, "plan_hash": ph, "attempt": attempt,
        "beacons": beacons.iter().map(|(s, v)| json!({"source": s, "value": v})).collect::<Vec<_>>(),
        "secrets": secrets.iter().map(|(p, s)| json!({"party": p, "secret": s})).collect::<Vec<_>>(),
        "seed": seed,
    })
}

fn gen_seeds() -> Value {
    let ph = Bytes32(shuangsuiji::canonical::sha256(b"plan"));
    let b = beacon_values0();
    let s: Vec<(&str, Bytes32)> = PARTIES.iter().map(|p| (*p, secret(p, 0))).collect();
    let mut cases = vec![seed_case("base", &ph, 0, &b, &s)];
    let mut ph2 = ph;
    ph2.0[31] ^= 1;
    cases.push(seed_case("plan_hash_bit", &ph2, 0, &b, &s));
    cases.push(seed_case("attempt_1", &ph, 1, &b, &s));
    cases.push(seed_case("attempt_256", &ph, 256, &b, &s));
    let mut b2 = b.clone();
    b2[0].1 = "03.07.11.19.26.31+10";
    cases.push(seed_case("beacon_value", &ph, 0, &b2, &s));
    let mut b3 = b.clone();
    b3[1].0 = "sse2";
    cases.push(seed_case("beacon_source_id", &ph, 0, &b3, &s));
    cases.push(seed_case("beacon_dropped", &ph, 0, &b[..2], &s));
    let mut s2 = s.clone();
    s2[1].1.0[0] ^= 0x80;
    cases.push(seed_case("secret_bit", &ph, 0, &b, &s2));
    let mut s3 = s.clone();
    s3[2].0 = "wsjkw2";
    cases.push(seed_case("party_id", &ph, 0, &b, &s3));
    cases.push(seed_case("party_dropped", &ph, 0, &b, &s[..2]));
    let mut rev: Vec<(&str, &str)> = b.clone();
    rev.reverse();
    let mut srev = s.clone();
    srev.reverse();
    let mut same = seed_case("input_order_irrelevant", &ph, 0, &rev, &srev);
    same["same_as"] = json!("base");
    cases.push(same);
    // Boundary shifting: moving bytes between value and id must change the seed.
    cases.push(seed_case("shift_a", &ph, 0, &[("ab", "c")], &[]));
    cases.push(seed_case("shift_b", &ph, 0, &[("a", "bc")], &[]));
    cases.push(seed_case("no_beacons", &ph, 0, &[], &s));
    json!({"cases": cases})
}

fn ceremony_case(
    name: &str,
    c: &Ceremony<'_>,
    reveals: &[Reveal],
    beacons: &[BeaconValue],
) -> Value {
    let mut v = json!({
        "name": name, "plan_hash": c.plan_hash, "attempt": c.attempt,
        "sources": c.sources, "parties": c.parties, "reveals": reveals, "beacons": beacons,
    });
    match c.seed(reveals, beacons) {
        Ok(seed) => v["seed"] = json!(seed),
        Err(e) => {
            v["code"] = json!(e.code().as_str());
            v["party"] = json!(e.details().extra.get("party"));
            v["source"] = json!(e.details().extra.get("source"));
        }
    }
    v
}

fn gen_ceremony() -> Value {
    let p = plan(RevealOrder::AfterBeacon);
    let ph = p.plan_hash().unwrap();
    let c = Ceremony {
        plan_hash: ph,
        attempt: 0,
        sources: &p.beacons,
        parties: &p.parties,
    };
    let reveals: Vec<Reveal> = PARTIES
        .iter()
        .map(|x| Reveal {
            party: (*x).into(),
            secret: secret(x, 0),
        })
        .collect();
    let beacons: Vec<BeaconValue> = beacon_values0()
        .iter()
        .map(|(s, v)| BeaconValue {
            source: (*s).into(),
            value: (*v).into(),
        })
        .collect();
    let mut cases = vec![ceremony_case("valid", &c, &reveals, &beacons)];
    let mut r = reveals.clone();
    r[1].secret.0[5] ^= 1;
    cases.push(ceremony_case("reveal_mismatch", &c, &r, &beacons));
    cases.push(ceremony_case("reveal_missing", &c, &reveals[..2], &beacons));
    let mut r = reveals.clone();
    r.push(Reveal {
        party: "outsider".into(),
        secret: Bytes32([9; 32]),
    });
    cases.push(ceremony_case("party_unknown", &c, &r, &beacons));
    let mut r = reveals.clone();
    r.push(reveals[0].clone());
    cases.push(ceremony_case("party_duplicate", &c, &r, &beacons));
    cases.push(ceremony_case("beacon_missing", &c, &reveals, &beacons[1..]));
    let mut b = beacons.clone();
    b[0].value = "3.7.11.19.26.31+9".into();
    cases.push(ceremony_case("beacon_invalid", &c, &reveals, &b));
    let mut b = beacons.clone();
    b.push(BeaconValue {
        source: "dlt".into(),
        value: "04.09.18.27.33+02.11".into(),
    });
    cases.push(ceremony_case("beacon_unknown", &c, &reveals, &b));
    let mut b = beacons.clone();
    b.push(beacons[1].clone());
    cases.push(ceremony_case("beacon_duplicate", &c, &reveals, &b));
    // Several faults at once (§5.3): reveals before beacons; every repeated source before
    // the values; then the values in ascending source id, each unknown or non-canonical;
    // missing sources last.
    let other = |source: &str| BeaconValue {
        source: source.into(),
        value: "04.09.18.27.33+02.11".into(),
    };
    let mut bad_ssq = beacons.clone();
    bad_ssq[0].value = "3.7.11.19.26.31+9".into();
    let mut b = bad_ssq.clone();
    b.push(other("aaa"));
    cases.push(ceremony_case(
        "faults_unknown_aaa_before_invalid_ssq",
        &c,
        &reveals,
        &b,
    ));
    let mut b = bad_ssq.clone();
    b.push(other("zzz"));
    cases.push(ceremony_case(
        "faults_invalid_ssq_before_unknown_zzz",
        &c,
        &reveals,
        &b,
    ));
    let mut b = beacons.clone();
    b.push(beacons[1].clone());
    b.push(other("aaa"));
    cases.push(ceremony_case(
        "faults_duplicate_before_unknown",
        &c,
        &reveals,
        &b,
    ));
    let mut b: Vec<BeaconValue> = beacons
        .iter()
        .filter(|v| v.source != "drand")
        .cloned()
        .collect();
    b.push(other("zzz"));
    cases.push(ceremony_case(
        "faults_unknown_before_missing",
        &c,
        &reveals,
        &b,
    ));
    let mut r = reveals.clone();
    r[1].secret.0[0] ^= 1;
    cases.push(ceremony_case(
        "faults_reveal_before_beacon",
        &c,
        &r,
        &bad_ssq,
    ));
    let dup_parties = vec![p.parties[0].clone(), p.parties[0].clone()];
    let c2 = Ceremony {
        parties: &dup_parties,
        ..c
    };
    cases.push(ceremony_case(
        "party_listed_twice",
        &c2,
        &reveals[..1],
        &beacons,
    ));
    json!({"cases": cases})
}

fn gen_plan() -> Value {
    let p = plan(RevealOrder::AfterBeacon);
    let ph = p.plan_hash().unwrap();
    let pv = serde_json::to_value(&p).unwrap();
    let mut muts = Vec::new();
    scalar_mutations(&pv, "", &mut muts);
    let mut tampered = Vec::new();
    for (path, value) in muts {
        let mut m = pv.clone();
        set_path(&mut m, &path, value);
        let code = match serde_json::from_value::<Plan>(m.clone()) {
            Ok(mp) => verify_plan(&mp, &ph)
                .unwrap_err()
                .code()
                .as_str()
                .to_owned(),
            Err(_) => "parse".to_owned(),
        };
        if code == "plan_hash_mismatch" {
            tampered.push(json!({"field": path, "plan": m, "code": code}));
        }
    }
    let mut reordered = pv.clone();
    for key in ["items", "beacons", "parties"] {
        reordered[key].as_array_mut().unwrap().reverse();
    }
    let floats: Value = {
        let mut f = pv.clone();
        f["year"] = json!(2026.0);
        f
    };
    // Defaults (§6.1): written or left out, the same plan and the same hash.
    let mut zero = pv.clone();
    zero["max_substitutions"] = json!(0);
    let mut absent = pv.clone();
    absent["items"][0]["strata"][0]
        .as_object_mut()
        .unwrap()
        .remove("max");
    let absent_hash = de::<Plan>(&absent).plan_hash().unwrap();
    let mut max_null = absent.clone();
    max_null["items"][0]["strata"][0]["max"] = Value::Null;
    let defaults = json!([
        {"name": "max_substitutions_zero", "plan": zero, "plan_hash": ph},
        {"name": "max_absent", "plan": absent, "plan_hash": absent_hash},
        {"name": "max_null", "plan": max_null, "plan_hash": absent_hash},
    ]);
    // Non-canonical values (§2.6): refused when read, naming the field.
    let mut non_canonical = Vec::new();
    let cases = [
        ("ratio", json!("5%")),
        ("ratio", json!("05/100")),
        ("ratio", json!(" 5/100")),
        ("ratio", json!({"p": 5, "q": 100})),
        ("plan_date", json!("2026-3-2")),
    ];
    for (what, value) in cases {
        let mut m = pv.clone();
        if what == "ratio" {
            m["items"][0]["strata"][0]["ratio"] = value.clone();
        } else {
            m["plan_date"] = value.clone();
        }
        let e = shuangsuiji::verify::from_committed_json::<Plan>(&serde_json::to_vec(&m).unwrap())
            .unwrap_err()
            .within("plan");
        non_canonical.push(json!({
            "name": format!("{what} {value}"), "plan": m,
            "code": e.code().as_str(), "field": e.details().field,
        }));
    }
    json!({
        "plan": p, "canonical_json": p.canonical_json().unwrap(), "plan_hash": ph,
        "reordered_plan": reordered,
        "float_plan": floats,
        "tampered": tampered,
        "defaults": defaults,
        "non_canonical": non_canonical,
    })
}

fn log_case(name: &str, plan: &Plan, log: &DrawLog, head: Option<&Bytes32>) -> Value {
    let mut v = json!({"name": name, "log": log});
    if let Some(h) = head {
        v["expected_head"] = json!(h);
    }
    match verify_log(plan, log, head) {
        Ok(s) => {
            v["head"] = json!(s.head);
            v["seeds"] = json!(s.attempts.iter().map(|a| a.seed).collect::<Vec<_>>());
        }
        Err(e) => {
            v["code"] = json!(e.code().as_str());
            v["index"] = json!(
                e.details()
                    .extra
                    .get("index")
                    .map(|i| i.parse::<u64>().unwrap())
            );
            v["field"] = json!(e.details().field);
            if let Some(party) = e.details().extra.get("party") {
                v["party"] = json!(party);
            }
        }
    }
    v
}

/// Appends the beacon, the reveals (secrets of `secret_attempt`) and the draw of `attempt`.
fn push_events_beacon_reveal_draw(
    e: &mut Vec<Event>,
    ph: &Bytes32,
    attempt: u32,
    value: (&str, &str),
    secret_attempt: u32,
) {
    e.push(Event::Beacon {
        attempt,
        source: value.0.into(),
        value: value.1.into(),
    });
    for party in PARTIES {
        e.push(Event::Reveal {
            attempt,
            party: party.into(),
            secret: secret(party, secret_attempt),
        });
    }
    e.push(Event::Draw {
        attempt,
        seed: seed_of(ph, attempt, &[value], secret_attempt),
        result_hash: Bytes32([7; 32]),
    });
}

fn gen_logs() -> Value {
    let p = plan(RevealOrder::AfterBeacon);
    let ph = p.plan_hash().unwrap();
    let log = full_log(&p);
    let head = log.head().unwrap();
    let ev = events(&log);
    let mut cases = vec![log_case("valid_full", &p, &log, Some(&head))];
    // Prefix up to the first draw is valid on its own.
    let first_draw = ev
        .iter()
        .position(|e| matches!(e, Event::Draw { .. }))
        .unwrap();
    cases.push(log_case(
        "valid_prefix",
        &p,
        &rechain(ev[..=first_draw].to_vec()),
        None,
    ));

    // 1. naive edit: chain broken at the edited entry.
    let mut t = log.clone();
    if let Event::Reveal { secret, .. } = &mut t.entries[5].event {
        secret.0[0] ^= 1;
    }
    cases.push(log_case("edited_without_rechain", &p, &t, None));
    // 2. forged seed, chain recomputed.
    let mut e = ev.clone();
    if let Event::Draw { seed, .. } = &mut e[first_draw] {
        seed.0[0] ^= 1;
    }
    cases.push(log_case("seed_forged", &p, &rechain(e), None));
    // 3. secret changed, chain recomputed.
    let mut e = ev.clone();
    if let Event::Reveal { secret, .. } = &mut e[5] {
        secret.0[0] ^= 1;
    }
    cases.push(log_case("reveal_forged", &p, &rechain(e), None));
    // 4. a reveal before the beacons under after_beacon.
    let mut e = ev.clone();
    let r = e.remove(5);
    e.insert(1, r);
    cases.push(log_case("reveal_before_beacon", &p, &rechain(e), None));
    // 5. re-draw reusing randomness.
    let mut e: Vec<Event> = ev[..=first_draw].to_vec();
    e.push(Event::Redraw {
        attempt: 1,
        reason: "disliked".into(),
        beacons: beacons0(),
    });
    cases.push(log_case("redraw_same_randomness", &p, &rechain(e), None));
    // 6. re-draw skipping an attempt number.
    let mut e = ev.clone();
    if let Some(Event::Redraw { attempt, .. }) = e.get_mut(first_draw + 2) {
        *attempt = 2;
    }
    cases.push(log_case("redraw_attempt_skipped", &p, &rechain(e), None));
    // 7. re-draw without reason.
    let mut e = ev.clone();
    if let Some(Event::Redraw { reason, .. }) = e.get_mut(first_draw + 2) {
        reason.clear();
    }
    cases.push(log_case("redraw_without_reason", &p, &rechain(e), None));
    // 8. draw before the last reveal.
    let mut e = ev.clone();
    e.remove(first_draw - 1);
    cases.push(log_case("draw_with_reveal_missing", &p, &rechain(e), None));
    // 9. non-canonical beacon value.
    let mut e = ev.clone();
    if let Event::Beacon { value, .. } = &mut e[2] {
        *value = "3245.6".into();
    }
    cases.push(log_case("beacon_not_canonical", &p, &rechain(e), None));
    // 10. second draw in the same attempt.
    let mut e: Vec<Event> = ev[..=first_draw].to_vec();
    e.push(ev[first_draw].clone());
    cases.push(log_case("drawn_twice", &p, &rechain(e), None));
    // 11. log of another plan.
    let mut other = p.clone();
    other.task_id.push('x');
    cases.push(log_case("plan_substituted", &other, &log, None));
    // 12. attempts quietly deleted: detected only by the published head.
    cases.push(log_case(
        "truncated_against_head",
        &p,
        &rechain(ev[..=first_draw].to_vec()),
        Some(&head),
    ));
    // 13. reveal from an outsider.
    let mut e = ev.clone();
    e.insert(
        5,
        Event::Reveal {
            attempt: 0,
            party: "outsider".into(),
            secret: Bytes32([1; 32]),
        },
    );
    cases.push(log_case("reveal_unknown_party", &p, &rechain(e), None));
    // 14. fresh commitments from only some parties and no new beacon.
    let mut e = ev.clone();
    let pos = e
        .iter()
        .position(|x| matches!(x, Event::Commitment { .. }))
        .unwrap();
    e.remove(pos);
    cases.push(log_case(
        "redraw_partial_fresh_secrets",
        &p,
        &rechain(e),
        None,
    ));
    // 14a. a re-draw without fresh secrets (the revealed secrets of attempt 0 again).
    let first_redraw = first_draw + 2;
    let mut e: Vec<Event> = ev[..=first_redraw].to_vec();
    push_events_beacon_reveal_draw(&mut e, &ph, 1, SSQ_1, 0);
    cases.push(log_case(
        "redraw_secrets_carried_over",
        &p,
        &rechain(e),
        None,
    ));
    // 14b. a party dropped: one party (not the first) without fresh commitment.
    let mut e = ev.clone();
    let pos = e
        .iter()
        .position(|x| matches!(x, Event::Commitment { party, .. } if party == "scjgj"))
        .unwrap();
    e.remove(pos);
    cases.push(log_case("redraw_party_dropped", &p, &rechain(e), None));
    // 14c. a party replaced: a commitment from outside the plan instead of a party's.
    let mut e = ev.clone();
    if let Some(Event::Commitment { party, .. }) = e.get_mut(pos) {
        *party = "outsider".into();
    }
    cases.push(log_case("redraw_party_replaced", &p, &rechain(e), None));
    // 14d. no beacon: fresh commitments from every party but no public randomness.
    let mut e = ev.clone();
    if let Some(Event::Redraw { beacons, .. }) = e.get_mut(first_redraw) {
        beacons.clear();
    }
    cases.push(log_case("redraw_without_beacon", &p, &rechain(e), None));
    // 14e. fresh commitments from every party but the beacon instance of attempt 0.
    let mut e = ev.clone();
    if let Some(Event::Redraw { beacons, .. }) = e.get_mut(first_redraw) {
        *beacons = vec![beacons0()[0].clone()];
    }
    cases.push(log_case("redraw_beacon_reused", &p, &rechain(e), None));
    // 14f. a "fresh" commitment equal to the party's commitment in the plan.
    let mut e = ev.clone();
    if let Some(Event::Commitment {
        party, commitment, ..
    }) = e.get_mut(pos)
    {
        *commitment = p
            .parties
            .iter()
            .find(|c| &c.party_id == party)
            .unwrap()
            .commitment;
    }
    cases.push(log_case("redraw_commitment_reused", &p, &rechain(e), None));
    // 15. substitution before the draw.
    let mut e = ev.clone();
    let sub = e.remove(first_draw + 1);
    e.insert(first_draw, sub);
    cases.push(log_case("substitution_before_draw", &p, &rechain(e), None));
    // 16. before_beacon plan with the after_beacon log.
    let pb = plan(RevealOrder::BeforeBeacon);
    let mut e = ev.clone();
    e[0] = Event::PlanPublished {
        plan_hash: pb.plan_hash().unwrap(),
    };
    cases.push(log_case("wrong_reveal_order", &pb, &rechain(e), None));
    let _ = ph;
    json!({"plan": p, "cases": cases})
}

fn generated() -> Vec<(&'static str, Value)> {
    vec![
        ("leaves.json", gen_leaves()),
        ("merkle.json", gen_merkle()),
        ("commitments.json", gen_commitments()),
        ("beacons.json", gen_beacons()),
        ("seeds.json", gen_seeds()),
        ("ceremony.json", gen_ceremony()),
        ("plan.json", gen_plan()),
        ("logs.json", gen_logs()),
    ]
}

#[test]
fn vectors_are_current() {
    let write = std::env::var_os("SSJ_WRITE_VECTORS").is_some();
    for (name, v) in generated() {
        let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
        let path = dir().join(name);
        if write {
            std::fs::create_dir_all(dir()).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else {
            let on_disk = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                on_disk, text,
                "{name} is stale; regenerate with SSJ_WRITE_VECTORS=1"
            );
        }
    }
}

// ---------------------------------------------------------------- reading

#[test]
fn run_leaves() {
    let v = load("leaves.json");
    for c in v["eligible"].as_array().unwrap() {
        let l: EligibleLeaf = de(&c["leaf"]);
        let b = l.encode().unwrap();
        assert_eq!(hex::encode(&b), c["leaf_bytes"]);
        assert_eq!(hex::encode(leaf_hash(&b)), c["leaf_hash"]);
    }
    for c in v["excluded"].as_array().unwrap() {
        let l: ExcludedLeaf = de(&c["leaf"]);
        assert_eq!(hex::encode(l.encode().unwrap()), c["leaf_bytes"]);
    }
    for c in v["inspector"].as_array().unwrap() {
        let l: InspectorLeaf = de(&c["leaf"]);
        assert_eq!(hex::encode(l.encode().unwrap()), c["leaf_bytes"]);
        assert_eq!(
            hex::encode(conflict_list_hash(&l.conflicts).unwrap()),
            c["conflicts_hash"]
        );
    }
    for c in v["invalid"].as_array().unwrap() {
        let r = match c["type"].as_str().unwrap() {
            "eligible" => de::<EligibleLeaf>(&c["leaf"]).encode(),
            "excluded" => de::<ExcludedLeaf>(&c["leaf"]).encode(),
            _ => de::<InspectorLeaf>(&c["leaf"]).encode(),
        };
        let e = code(r);
        assert_eq!(e.code().as_str(), c["code"]);
        assert_eq!(json!(e.details().field), c["field"]);
    }
    for c in v["duplicate_trees"].as_array().unwrap() {
        let e = if c["type"] == "eligible" {
            code(MerkleTree::from_leaves(&de::<Vec<EligibleLeaf>>(
                &c["leaves"],
            )))
        } else {
            code(MerkleTree::from_leaves(&de::<Vec<InspectorLeaf>>(
                &c["leaves"],
            )))
        };
        assert_eq!(e.code().as_str(), c["code"]);
    }
}

#[test]
fn run_merkle() {
    let v = load("merkle.json");
    assert_eq!(tree_empty_root(), h(&v["empty_root"]));
    let sizes: Vec<u64> = v["trees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["size"].as_u64().unwrap())
        .collect();
    assert_eq!(sizes, [0, 1, 2, 3, 5, 8, 13]);
    for t in v["trees"].as_array().unwrap() {
        let leaves: Vec<EligibleLeaf> = de(&t["leaves"]);
        let tree = MerkleTree::from_leaves(&leaves).unwrap();
        assert_eq!(tree.root(), h(&t["root"]));
        let bytes = t["sorted_leaf_bytes"].as_array().unwrap();
        for (i, p) in t["proofs"].as_array().unwrap().iter().enumerate() {
            let proof: InclusionProof = de(p);
            assert_eq!(proof, tree.proof(i).unwrap());
            let leaf = hex::decode(bytes[i].as_str().unwrap()).unwrap();
            verify_inclusion(&leaf, &proof, &tree.commitment()).unwrap();
        }
    }
    for c in v["invalid_proofs"].as_array().unwrap() {
        let leaf = hex::decode(c["leaf_bytes"].as_str().unwrap()).unwrap();
        let committed = TreeCommitment {
            root: h(&c["root"]),
            size: c["tree_size"].as_u64().unwrap(),
        };
        let e = code(verify_inclusion(&leaf, &de(&c["proof"]), &committed));
        assert_eq!(e.code().as_str(), c["code"], "{}", c["name"]);
    }
}

#[test]
fn run_commitments() {
    let v = load("commitments.json");
    for c in v["cases"].as_array().unwrap() {
        let got = commitment(c["party_id"].as_str().unwrap(), &h(&c["secret"])).unwrap();
        assert_eq!(got, h(&c["commitment"]));
    }
    for c in v["invalid"].as_array().unwrap() {
        let e = code(commitment(
            c["party_id"].as_str().unwrap(),
            &Bytes32([0; 32]),
        ));
        assert_eq!(e.code().as_str(), c["code"]);
    }
}

#[test]
fn run_beacons() {
    let v = load("beacons.json");
    let kind = |c: &Value| de::<BeaconKind>(&c["kind"]);
    for c in v["valid"].as_array().unwrap() {
        validate_value(kind(c), c["value"].as_str().unwrap()).unwrap();
        assert_eq!(
            canonicalize(kind(c), c["value"].as_str().unwrap()).unwrap(),
            c["value"]
        );
    }
    for c in v["invalid"].as_array().unwrap() {
        let e = code(validate_value(kind(c), c["value"].as_str().unwrap()));
        assert_eq!(e.code().as_str(), c["code"], "{c}");
        assert_eq!(json!(e.details().field), c["field"], "{c}");
        assert_eq!(json!(e.details().extra.get("reason")), c["reason"], "{c}");
    }
    for c in v["canonicalize"].as_array().unwrap() {
        let r = canonicalize(kind(c), c["input"].as_str().unwrap());
        match c.get("output") {
            Some(out) => assert_eq!(&json!(r.unwrap()), out),
            None => assert_eq!(code(r).code().as_str(), c["code"]),
        }
    }
    for c in v["invalid_specs"].as_array().unwrap() {
        let spec: BeaconSpec = de(&c["spec"]);
        let e = code(spec.validate());
        assert_eq!(e.code().as_str(), c["code"]);
        assert_eq!(json!(e.details().field), c["field"]);
    }
}

#[test]
fn run_seeds() {
    let v = load("seeds.json");
    let mut seen = std::collections::BTreeMap::new();
    for c in v["cases"].as_array().unwrap() {
        let beacons: Vec<(&str, &str)> = c["beacons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| (b["source"].as_str().unwrap(), b["value"].as_str().unwrap()))
            .collect();
        let secrets: Vec<(&str, Bytes32)> = c["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["party"].as_str().unwrap(), h(&s["secret"])))
            .collect();
        let attempt = u32::try_from(c["attempt"].as_u64().unwrap()).unwrap();
        let seed = derive_seed(&h(&c["plan_hash"]), attempt, &beacons, &secrets).unwrap();
        assert_eq!(seed, h(&c["seed"]), "{}", c["name"]);
        let name = c["name"].as_str().unwrap();
        match c.get("same_as") {
            Some(other) => assert_eq!(seen[other.as_str().unwrap()], seed),
            None => assert!(
                !seen.values().any(|s| *s == seed),
                "{name} collides with an earlier case"
            ),
        }
        seen.insert(name.to_owned(), seed);
    }
}

#[test]
fn run_ceremony() {
    let v = load("ceremony.json");
    for c in v["cases"].as_array().unwrap() {
        let sources: Vec<BeaconSpec> = de(&c["sources"]);
        let parties: Vec<PartyCommitment> = de(&c["parties"]);
        let cer = Ceremony {
            plan_hash: h(&c["plan_hash"]),
            attempt: u32::try_from(c["attempt"].as_u64().unwrap()).unwrap(),
            sources: &sources,
            parties: &parties,
        };
        let r = cer.seed(
            &de::<Vec<Reveal>>(&c["reveals"]),
            &de::<Vec<BeaconValue>>(&c["beacons"]),
        );
        match c.get("seed") {
            Some(s) => assert_eq!(r.unwrap(), h(s)),
            None => {
                let e = code(r);
                assert_eq!(e.code().as_str(), c["code"], "{}", c["name"]);
                assert_eq!(json!(e.details().extra.get("party")), c["party"]);
                assert_eq!(json!(e.details().extra.get("source")), c["source"]);
            }
        }
    }
}

#[test]
fn run_plan() {
    let v = load("plan.json");
    let p: Plan = de(&v["plan"]);
    assert_eq!(p.canonical_json().unwrap(), v["canonical_json"]);
    let ph = h(&v["plan_hash"]);
    verify_plan(&p, &ph).unwrap();
    let reordered: Plan = de(&v["reordered_plan"]);
    verify_plan(&reordered, &ph).unwrap();
    let floats = serde_json::to_vec(&v["float_plan"]).unwrap();
    let e = code(shuangsuiji::verify::from_committed_json::<Plan>(&floats));
    assert_eq!(e.code().as_str(), "number_not_integer");
    assert!(!v["tampered"].as_array().unwrap().is_empty());
    for c in v["tampered"].as_array().unwrap() {
        let m: Plan = de(&c["plan"]);
        let e = code(verify_plan(&m, &ph));
        assert_eq!(e.code().as_str(), c["code"], "{}", c["field"]);
    }
    for c in v["defaults"].as_array().unwrap() {
        let bytes = serde_json::to_vec(&c["plan"]).unwrap();
        let m: Plan = shuangsuiji::verify::from_committed_json(&bytes).unwrap();
        assert_eq!(m.plan_hash().unwrap(), h(&c["plan_hash"]), "{}", c["name"]);
    }
    for c in v["non_canonical"].as_array().unwrap() {
        let bytes = serde_json::to_vec(&c["plan"]).unwrap();
        let e = code(shuangsuiji::verify::from_committed_json::<Plan>(&bytes)).within("plan");
        assert_eq!(e.code().as_str(), c["code"], "{}", c["name"]);
        assert_eq!(json!(e.details().field), c["field"], "{}", c["name"]);
    }
}

#[test]
fn run_logs() {
    let v = load("logs.json");
    let p: Plan = de(&v["plan"]);
    for c in v["cases"].as_array().unwrap() {
        let log: DrawLog = de(&c["log"]);
        let plan = if c["name"] == "plan_substituted" {
            let mut o = p.clone();
            o.task_id.push('x');
            o
        } else if c["name"] == "wrong_reveal_order" {
            let mut o = p.clone();
            o.reveal_order = RevealOrder::BeforeBeacon;
            o
        } else {
            p.clone()
        };
        let head = c.get("expected_head").map(h);
        let r = verify_log(&plan, &log, head.as_ref());
        match c.get("head") {
            Some(hd) => {
                let s = r.unwrap();
                assert_eq!(s.head, h(hd));
                assert_eq!(
                    json!(s.attempts.iter().map(|a| a.seed).collect::<Vec<_>>()),
                    c["seeds"]
                );
            }
            None => {
                let e = code(r);
                assert_eq!(e.code().as_str(), c["code"], "{}", c["name"]);
                assert_eq!(
                    json!(
                        e.details()
                            .extra
                            .get("index")
                            .map(|i| i.parse::<u64>().unwrap())
                    ),
                    c["index"],
                    "{}",
                    c["name"]
                );
                assert_eq!(json!(e.details().field), c["field"], "{}", c["name"]);
                if let Some(party) = c.get("party") {
                    assert_eq!(
                        json!(e.details().extra.get("party")),
                        *party,
                        "{}",
                        c["name"]
                    );
                }
            }
        }
    }
}

#[test]
fn log_cases_cover_the_codes() {
    let v = load("logs.json");
    let codes: std::collections::BTreeSet<&str> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["code"].as_str())
        .collect();
    for want in [
        "log_chain_broken",
        "result_mismatch",
        "reveal_mismatch",
        "log_order",
        "redraw_invalid",
        "reveal_missing",
        "beacon_invalid",
        "plan_hash_mismatch",
        "party_unknown",
        "commitment_missing",
        "beacon_missing",
    ] {
        assert!(codes.contains(want), "no log vector for {want}");
    }
}
