//! Shared fixture of the verify tests: a small plan, its ceremony and its draw log.
#![allow(dead_code, missing_docs)]

use serde_json::{Value, json};
use shuangsuiji::canonical::sha256;
use shuangsuiji::model::{Ratio, Uscc, org_code_check_char};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf, InspectorLeaf,
    MerkleTree, PartyCommitment, Plan, PlanItem, PlanStratum, RevealOrder, TreeCommitment,
    commitment, derive_seed,
};

/// A valid USCC numbered `n` (division 150581, 霍林郭勒市).
pub fn uscc(n: u32) -> Uscc {
    let body = format!("MA{n:06}");
    let org = org_code_check_char(body.as_bytes().try_into().unwrap()).unwrap();
    Uscc::complete(&format!("91150581{body}{}", char::from(org))).unwrap()
}

pub fn eligible(n: usize) -> Vec<EligibleLeaf> {
    // Deliberately out of canonical order: the tree sorts.
    (0..n)
        .rev()
        .map(|i| {
            let i = u32::try_from(i).unwrap();
            EligibleLeaf {
                uscc: uscc(100 + i / 2),
                item_id: format!("SP-0{}", i % 2 + 1),
                stratum_key: ["A", "B", "C", "D"][(i % 4) as usize].to_owned(),
            }
        })
        .collect()
}

pub fn excluded() -> Vec<ExcludedLeaf> {
    vec![
        ExcludedLeaf {
            uscc: uscc(900),
            reasons: vec!["yearly_cap".into(), "checked_by_higher_level".into()],
            evidence: "HLGL-2026-017".into(),
        },
        ExcludedLeaf {
            uscc: uscc(901),
            reasons: vec!["deregistered".into()],
            evidence: String::new(),
        },
    ]
}

pub fn inspectors() -> Vec<InspectorLeaf> {
    vec![
        InspectorLeaf {
            id: "15058100017".into(),
            department: "scjgj".into(),
            certified: true,
            qualifications: vec!["food_production".into(), "food_sales".into()],
            conflicts: vec![uscc(101).as_str().to_owned()],
            capacity: 12,
        },
        InspectorLeaf {
            id: "15058100003".into(),
            department: "wsjkw".into(),
            certified: false,
            qualifications: vec![],
            conflicts: vec![],
            capacity: 5,
        },
    ]
}

pub fn tree_commitment<L: shuangsuiji::verify::MerkleLeaf>(leaves: &[L]) -> TreeCommitment {
    MerkleTree::from_leaves(leaves).unwrap().commitment()
}

pub const PARTIES: [&str; 3] = ["notary-hlgl", "scjgj", "wsjkw"];

pub fn secret(party: &str, attempt: u32) -> Bytes32 {
    let mut b = Vec::from(party.as_bytes());
    b.extend_from_slice(&attempt.to_be_bytes());
    Bytes32(sha256(&b))
}

pub fn beacons0() -> Vec<BeaconSpec> {
    vec![
        BeaconSpec {
            source_id: "ssq".into(),
            kind: BeaconKind::CwlSsq,
            series: "cwl.ssq".into(),
            draw: "2026031".into(),
        },
        BeaconSpec {
            source_id: "sse".into(),
            kind: BeaconKind::IndexClose,
            series: "sse.000001".into(),
            draw: "2026-03-20".into(),
        },
        BeaconSpec {
            source_id: "drand".into(),
            kind: BeaconKind::Hex,
            series: "drand.quicknet".into(),
            draw: "16123456".into(),
        },
    ]
}

pub fn beacon_values0() -> Vec<(&'static str, &'static str)> {
    vec![
        ("ssq", "03.07.11.19.26.31+09"),
        ("sse", "3245.67"),
        (
            "drand",
            "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
        ),
    ]
}

pub fn plan(order: RevealOrder) -> Plan {
    Plan {
        algorithm: "v1".into(),
        task_id: "HLGL-2026-SP-01".into(),
        authority_id: "150581-scjgj".into(),
        year: 2026,
        plan_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        catalog_hash: Bytes32(sha256(b"catalog v2026")),
        items: vec![
            PlanItem {
                item_id: "SP-02".into(),
                strata: vec![PlanStratum {
                    stratum_key: "A".into(),
                    population: 3,
                    quota: 1,
                    ratio: Ratio::new(5, 100).unwrap(),
                    min: 1,
                    max: Some(3),
                }],
            },
            PlanItem {
                item_id: "SP-01".into(),
                strata: vec![
                    PlanStratum {
                        stratum_key: "B".into(),
                        population: 2,
                        quota: 1,
                        ratio: Ratio::new(3, 100).unwrap(),
                        min: 1,
                        max: Some(2),
                    },
                    PlanStratum {
                        stratum_key: "A".into(),
                        population: 2,
                        quota: 1,
                        ratio: Ratio::new(3, 100).unwrap(),
                        min: 1,
                        max: Some(2),
                    },
                ],
            },
        ],
        eligible: tree_commitment(&eligible(8)),
        excluded: tree_commitment(&excluded()),
        inspectors: tree_commitment(&inspectors()),
        reveal_order: order,
        beacons: beacons0(),
        parties: PARTIES
            .iter()
            .map(|p| PartyCommitment {
                party_id: (*p).to_owned(),
                commitment: commitment(p, &secret(p, 0)).unwrap(),
            })
            .collect(),
        max_substitutions: 0,
        tags_hash: None,
    }
}

fn push_beacons(log: &mut DrawLog, attempt: u32, values: &[(&str, &str)]) {
    for (s, v) in values {
        log.append(Event::Beacon {
            attempt,
            source: (*s).to_owned(),
            value: (*v).to_owned(),
        })
        .unwrap();
    }
}

fn push_reveals(log: &mut DrawLog, attempt: u32, secret_attempt: u32) {
    for p in PARTIES {
        log.append(Event::Reveal {
            attempt,
            party: p.to_owned(),
            secret: secret(p, secret_attempt),
        })
        .unwrap();
    }
}

pub fn seed_of(
    plan_hash: &Bytes32,
    attempt: u32,
    values: &[(&str, &str)],
    secret_attempt: u32,
) -> Bytes32 {
    let secrets: Vec<(&str, Bytes32)> = PARTIES
        .iter()
        .map(|p| (*p, secret(p, secret_attempt)))
        .collect();
    derive_seed(plan_hash, attempt, values, &secrets).unwrap()
}

pub const SSQ_1: (&str, &str) = ("ssq", "02.08.15.16.22.30+12");
pub const SSQ_2: (&str, &str) = ("ssq", "05.09.13.21.27.33+04");

/// The beacon spec of a re-draw: the double-colour-ball issue `draw`.
pub fn ssq_spec(draw: &str) -> BeaconSpec {
    BeaconSpec {
        source_id: "ssq".into(),
        kind: BeaconKind::CwlSsq,
        series: "cwl.ssq".into(),
        draw: draw.into(),
    }
}

/// Fresh commitments of every party for a re-draw attempt (secrets of `attempt`).
pub fn push_commitments(log: &mut DrawLog, attempt: u32) {
    for p in PARTIES {
        log.append(Event::Commitment {
            attempt,
            party: p.to_owned(),
            commitment: commitment(p, &secret(p, attempt)).unwrap(),
        })
        .unwrap();
    }
}

/// A complete log (plan with `after_beacon`): attempt 0 drawn, one substitution; two
/// re-draws, each on a new lottery issue with fresh commitments from every party, each
/// drawn.
pub fn full_log(plan: &Plan) -> DrawLog {
    let ph = plan.plan_hash().unwrap();
    let mut log = DrawLog::new(ph).unwrap();
    let v0 = beacon_values0();
    push_beacons(&mut log, 0, &v0);
    push_reveals(&mut log, 0, 0);
    log.append(Event::Draw {
        attempt: 0,
        seed: seed_of(&ph, 0, &v0, 0),
        result_hash: Bytes32(sha256(b"result 0")),
    })
    .unwrap();
    log.append(Event::Substitution {
        attempt: 0,
        item_id: "SP-01".into(),
        stratum_key: "A".into(),
        replaced: uscc(100),
        substitute: uscc(102),
        reason: "unreachable".into(),
        evidence: "HLGL-2026-031".into(),
    })
    .unwrap();
    for (k, (draw, value)) in [(1_u32, ("2026032", SSQ_1)), (2, ("2026033", SSQ_2))] {
        log.append(Event::Redraw {
            attempt: k,
            reason: if k == 1 {
                "result_document_lost"
            } else {
                "court_order"
            }
            .into(),
            beacons: vec![ssq_spec(draw)],
        })
        .unwrap();
        push_commitments(&mut log, k);
        push_beacons(&mut log, k, &[value]);
        push_reveals(&mut log, k, k);
        log.append(Event::Draw {
            attempt: k,
            seed: seed_of(&ph, k, &[value], k),
            result_hash: Bytes32(sha256(format!("result {k}").as_bytes())),
        })
        .unwrap();
    }
    log
}

/// Rebuilds the chain hashes of a list of events (what a forger would do: with the
/// public hash functions, not `DrawLog::append`, which refuses a second draw).
pub fn rechain(events: Vec<Event>) -> DrawLog {
    let mut it = events.into_iter();
    let first = it.next().unwrap();
    let Event::PlanPublished { plan_hash } = first else {
        panic!("first event must be plan_published")
    };
    let mut log = DrawLog::new(plan_hash).unwrap();
    for event in it {
        let prev = log.head().unwrap();
        let hash = shuangsuiji::verify::log::chain_hash(&prev, &event).unwrap();
        log.entries
            .push(shuangsuiji::verify::LogEntry { event, hash });
    }
    log
}

pub fn events(log: &DrawLog) -> Vec<Event> {
    log.entries.iter().map(|e| e.event.clone()).collect()
}

/// Every scalar of a JSON document (except `kind` tags) with a changed value.
pub fn scalar_mutations(v: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "kind" {
                    continue;
                }
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                scalar_mutations(x, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                scalar_mutations(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => out.push((path.to_owned(), mutate(v))),
    }
}

/// A different value of the same JSON type that usually still parses.
pub fn mutate(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let mut chars: Vec<char> = s.chars().collect();
            match chars.last().copied() {
                Some(c @ ('0'..='8' | 'a'..='e')) => {
                    let n = char::from_u32(u32::from(c) + 1).unwrap();
                    *chars.last_mut().unwrap() = n;
                }
                Some('9') => *chars.last_mut().unwrap() = '8',
                Some('f') => *chars.last_mut().unwrap() = 'e',
                _ => chars.push('x'),
            }
            Value::String(chars.into_iter().collect())
        }
        Value::Number(n) => json!(n.as_u64().unwrap() + 1),
        Value::Bool(b) => json!(!b),
        other => other.clone(),
    }
}

pub fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut cur = root;
    for part in path.split('.') {
        let (name, idx) = match part.find('[') {
            Some(i) => (&part[..i], Some(&part[i..])),
            None => (part, None),
        };
        cur = &mut cur[name];
        if let Some(idx) = idx {
            for n in idx
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split("][")
            {
                cur = &mut cur[n.parse::<usize>().unwrap()];
            }
        }
    }
    *cur = value;
}
