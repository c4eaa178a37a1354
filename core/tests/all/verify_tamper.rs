//! Property and tamper tests of the verify primitives: every change to a committed input
//! is detected.

use crate::verify_fixture::*;
use proptest::prelude::*;
use serde_json::Value;
use shuangsuiji::verify::merkle::TreeCommitment;
use shuangsuiji::verify::{
    Bytes32, DrawLog, Event, InclusionProof, MerkleLeaf, MerkleTree, Plan, RevealOrder,
    derive_seed, verify_inclusion, verify_log, verify_plan,
};

#[derive(Debug, Clone)]
struct Raw(Vec<u8>);

impl MerkleLeaf for Raw {
    fn sort_key(&self) -> Vec<Vec<u8>> {
        vec![self.0.clone()]
    }
    fn encode(&self) -> shuangsuiji::Result<Vec<u8>> {
        Ok(self.0.clone())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A proof verifies iff the leaf is the committed one at that index: any other
    /// leaf, index or root fails.
    #[test]
    fn merkle_proof_iff_member(
        ids in proptest::collection::btree_set(proptest::collection::vec(any::<u8>(), 0..6), 1..40),
        outsider in proptest::collection::vec(any::<u8>(), 0..6),
        pick in any::<prop::sample::Index>(),
        other in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
    ) {
        let leaves: Vec<Raw> = ids.iter().cloned().map(Raw).collect();
        let tree = MerkleTree::from_leaves(&leaves).unwrap();
        let c = tree.commitment();
        let i = pick.index(leaves.len());
        let proof = tree.proof(i).unwrap();
        // Sorted order = BTreeSet order.
        let leaf = &leaves[i].0;
        prop_assert!(verify_inclusion(leaf, &proof, &c).is_ok());
        if !ids.contains(&outsider) {
            prop_assert!(verify_inclusion(&outsider, &proof, &c).is_err());
        }
        let j = other.index(leaves.len());
        if j != i {
            prop_assert!(verify_inclusion(&leaves[j].0, &proof, &c).is_err());
            let mut p = proof.clone();
            p.leaf_index = j as u64;
            prop_assert!(verify_inclusion(leaf, &p, &c).is_err());
        }
        let mut bad_root = c;
        bad_root.root.0[flip.index(32)] ^= 1;
        prop_assert!(verify_inclusion(leaf, &proof, &bad_root).is_err());
        if !proof.audit_path.is_empty() {
            let mut p: InclusionProof = proof.clone();
            let k = flip.index(p.audit_path.len());
            p.audit_path[k].0[0] ^= 0x80;
            prop_assert!(verify_inclusion(leaf, &p, &c).is_err());
        }
    }

    /// The tree does not depend on the order leaves are given in.
    #[test]
    fn merkle_root_order_independent(
        ids in proptest::collection::btree_set(proptest::collection::vec(any::<u8>(), 0..4), 0..30),
        seed in any::<u64>(),
    ) {
        let sorted: Vec<Raw> = ids.iter().cloned().map(Raw).collect();
        let mut shuffled = sorted.clone();
        // Deterministic permutation from the test seed (no RNG samplers).
        let n = shuffled.len();
        for k in 0..n {
            let j = usize::try_from((seed.rotate_left(u32::try_from(k % 64).unwrap())) % (n as u64)).unwrap();
            shuffled.swap(k, j);
        }
        prop_assert_eq!(
            MerkleTree::from_leaves(&sorted).unwrap().root(),
            MerkleTree::from_leaves(&shuffled).unwrap().root()
        );
    }

    /// Changing any single input of the seed changes the seed.
    #[test]
    fn seed_changes_with_every_input(
        plan_hash in any::<[u8; 32]>(),
        attempt in any::<u32>(),
        secrets in proptest::collection::vec(any::<[u8; 32]>(), 1..4),
        value_digits in proptest::collection::vec(0u8..10, 1..8),
        which in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let value: String = value_digits.iter().map(|d| char::from(b'0' + d)).collect();
        let value = format!("{value}.00");
        let party_ids = ["notary", "scjgj", "wsjkw"];
        let base_secrets: Vec<(&str, Bytes32)> = secrets.iter().enumerate()
            .map(|(k, s)| (party_ids[k], Bytes32(*s))).collect();
        let beacons = [("sse", value.as_str()), ("ssq", "03.07.11.19.26.31+09")];
        let ph = Bytes32(plan_hash);
        let base = derive_seed(&ph, attempt, &beacons, &base_secrets).unwrap();

        let mut ph2 = ph;
        ph2.0[which.index(32)] ^= 1 << bit;
        prop_assert_ne!(base, derive_seed(&ph2, attempt, &beacons, &base_secrets).unwrap());

        prop_assert_ne!(base, derive_seed(&ph, attempt ^ (1 << (bit % 32)), &beacons, &base_secrets).unwrap());

        let mut s2 = base_secrets.clone();
        let k = which.index(s2.len());
        s2[k].1.0[which.index(32)] ^= 1 << bit;
        prop_assert_ne!(base, derive_seed(&ph, attempt, &beacons, &s2).unwrap());

        let changed = format!("1{value}");
        let b2 = [("sse", changed.as_str()), beacons[1]];
        prop_assert_ne!(base, derive_seed(&ph, attempt, &b2, &base_secrets).unwrap());

        let b3 = [beacons[0], ("ssq", "03.07.11.19.26.31+10")];
        prop_assert_ne!(base, derive_seed(&ph, attempt, &b3, &base_secrets).unwrap());

        // Dropping a party changes the seed too.
        if base_secrets.len() > 1 {
            prop_assert_ne!(base, derive_seed(&ph, attempt, &beacons, &base_secrets[1..]).unwrap());
        }
    }
}

/// A changed plan byte changes the plan hash: every field of the plan, mutated one at a
/// time, is rejected.
#[test]
fn every_plan_field_is_committed() {
    let p = plan(RevealOrder::AfterBeacon);
    let ph = p.plan_hash().unwrap();
    let pv = serde_json::to_value(&p).unwrap();
    let mut muts = Vec::new();
    scalar_mutations(&pv, "", &mut muts);
    // reveal_order is an enum: switch it explicitly.
    muts.push(("reveal_order".into(), Value::String("before_beacon".into())));
    assert!(muts.len() > 40, "{}", muts.len());
    for (path, value) in muts {
        let mut m = pv.clone();
        set_path(&mut m, &path, value);
        assert_ne!(m, pv, "{path} was not mutated");
        // A mutation that no longer parses is rejected while reading.
        if let Ok(mp) = serde_json::from_value::<Plan>(m) {
            let e = verify_plan(&mp, &ph).expect_err(&path);
            if e.code().as_str() != "plan_hash_mismatch" {
                // Rejected earlier by validation; it must then name the field.
                let f = e.details().field.clone().unwrap_or_default();
                let leaf = path.rsplit('.').next().unwrap();
                assert!(f.ends_with(leaf), "{path}: {e}");
            }
        }
    }
}

fn check_naive(log: &DrawLog, plan: &Plan, i: usize, path: &str, mutated: Event) {
    let mut t = log.clone();
    t.entries[i].event = mutated;
    let e = verify_log(plan, &t, None).expect_err(path);
    if i == 0 {
        // The genesis hash depends on the plan hash itself.
        assert!(
            matches!(e.code().as_str(), "log_chain_broken" | "plan_hash_mismatch"),
            "{path}: {e}"
        );
    } else {
        assert_eq!(e.code().as_str(), "log_chain_broken", "{path}: {e}");
        assert_eq!(
            e.details().extra.get("index").map(String::as_str),
            Some(i.to_string().as_str()),
            "{path}"
        );
    }
}

/// Every field of every log event, changed one at a time: without recomputing the
/// chain the error names the edited entry; with a recomputed chain, the published head
/// (or an earlier semantic check) still rejects it.
#[test]
fn every_log_field_is_protected() {
    let p = plan(RevealOrder::AfterBeacon);
    let log = full_log(&p);
    let head = log.head().unwrap();
    verify_log(&p, &log, Some(&head)).unwrap();
    let evs = events(&log);
    let mut checked = 0;
    let mut semantic = 0;
    for (i, ev) in evs.iter().enumerate() {
        let ev_json = serde_json::to_value(ev).unwrap();
        let mut muts = Vec::new();
        scalar_mutations(&ev_json, "", &mut muts);
        assert!(!muts.is_empty());
        for (path, value) in muts {
            let mut m = ev_json.clone();
            set_path(&mut m, &path, value);
            let Ok(mutated) = serde_json::from_value::<Event>(m) else {
                continue; // not even an event any more
            };
            if mutated == *ev {
                continue;
            }
            let path = format!("entries[{i}].event.{path}");
            checked += 1;
            check_naive(&log, &p, i, &path, mutated.clone());
            let mut e2 = evs.clone();
            e2[i] = mutated;
            let forged = rechain(e2);
            let err = verify_log(&p, &forged, Some(&head)).expect_err(&path);
            let named = err.details().field.is_some();
            assert!(named, "{path}: {err} names no field");
            if verify_log(&p, &forged, None).is_err() {
                semantic += 1;
            }
        }
    }
    assert!(checked > 60, "{checked}");
    // seeds, secrets, parties, sources, values, attempts, plan hash …
    assert!(semantic > 30, "{semantic}");
}

/// Mutations that a verifier catches from the log alone (no published head), naming the
/// field of the edited entry.
#[test]
fn semantic_fields_are_named() {
    let p = plan(RevealOrder::AfterBeacon);
    let log = full_log(&p);
    let evs = events(&log);
    for (i, ev) in evs.iter().enumerate() {
        let v = serde_json::to_value(ev).unwrap();
        for key in ["seed", "secret", "party", "source", "attempt", "plan_hash"] {
            if v.get(key).is_none() {
                continue;
            }
            let mut m = v.clone();
            m[key] = mutate(&v[key]);
            let mutated: Event = serde_json::from_value(m).unwrap();
            let mut e2 = evs.clone();
            e2[i] = mutated;
            let err = verify_log(&p, &rechain(e2), None).expect_err(key);
            let field = err.details().field.clone().unwrap_or_default();
            if key == "attempt" || key == "seed" || key == "plan_hash" || key == "party" {
                assert_eq!(
                    err.details().extra.get("index").map(String::as_str),
                    Some(i.to_string().as_str()),
                    "{key} at {i}: {err}"
                );
            }
            if key == "seed" || key == "plan_hash" || key == "secret" {
                assert_eq!(field, format!("entries[{i}].event.{key}"), "{err}");
            }
        }
    }
}

#[test]
fn log_order_rules() {
    let p = plan(RevealOrder::BeforeBeacon);
    let ph = p.plan_hash().unwrap();
    let mut log = DrawLog::new(ph).unwrap();
    for party in PARTIES {
        log.append(Event::Reveal {
            attempt: 0,
            party: party.into(),
            secret: secret(party, 0),
        })
        .unwrap();
    }
    let v0 = beacon_values0();
    for (s, v) in &v0 {
        log.append(Event::Beacon {
            attempt: 0,
            source: (*s).into(),
            value: (*v).into(),
        })
        .unwrap();
    }
    let seed = seed_of(&ph, 0, &v0, 0);
    let mut ok = log.clone();
    ok.append(Event::Draw {
        attempt: 0,
        seed,
        result_hash: Bytes32([0; 32]),
    })
    .unwrap();
    let s = verify_log(&p, &ok, None).unwrap();
    assert_eq!(s.attempts[0].seed, Some(seed));

    // Commitment events for attempt 0 are refused (they are in the plan).
    let mut bad = log.clone();
    bad.append(Event::Commitment {
        attempt: 0,
        party: "scjgj".into(),
        commitment: Bytes32([0; 32]),
    })
    .unwrap();
    assert_eq!(
        verify_log(&p, &bad, None).unwrap_err().code().as_str(),
        "log_order"
    );
    // A second plan_published is refused.
    let mut bad = ok.clone();
    bad.append(Event::PlanPublished { plan_hash: ph }).unwrap();
    assert_eq!(
        verify_log(&p, &bad, None).unwrap_err().code().as_str(),
        "log_order"
    );
    // An event of a future attempt is refused.
    let mut bad = ok.clone();
    bad.append(Event::Reveal {
        attempt: 1,
        party: "scjgj".into(),
        secret: secret("scjgj", 0),
    })
    .unwrap();
    assert_eq!(
        verify_log(&p, &bad, None).unwrap_err().code().as_str(),
        "log_order"
    );
    // An empty log, or one not starting with plan_published.
    assert_eq!(
        verify_log(&p, &DrawLog { entries: vec![] }, None)
            .unwrap_err()
            .code()
            .as_str(),
        "log_order"
    );
    // Appending to an empty log must start with plan_published.
    assert!(
        DrawLog { entries: vec![] }
            .append(Event::Draw {
                attempt: 0,
                seed,
                result_hash: seed
            })
            .is_err()
    );
}

#[test]
fn redraws_with_fresh_commitments_from_every_party_and_a_new_beacon_are_accepted() {
    let p = plan(RevealOrder::AfterBeacon);
    let log = full_log(&p);
    let s = verify_log(&p, &log, None).unwrap();
    assert_eq!(s.attempts.len(), 3);
    assert!(s.attempts.iter().all(|a| a.seed.is_some()));
    assert_eq!(s.attempts[2].redraw_reason.as_deref(), Some("court_order"));
    // Seeds of the three attempts all differ.
    assert_ne!(s.attempts[0].seed, s.attempts[1].seed);
    assert_ne!(s.attempts[1].seed, s.attempts[2].seed);
}

#[test]
fn tree_commitment_size_is_binding() {
    let leaves: Vec<Raw> = (0u8..5).map(|b| Raw(vec![b])).collect();
    let t = MerkleTree::from_leaves(&leaves).unwrap();
    let mut proof = t.proof(2).unwrap();
    // Leaf 2 has the same audit-path shape in 5- and 6-leaf trees, so the RFC 9162
    // algorithm alone would accept this proof with size 6: the size must come from the
    // commitment, and a proof claiming another size is refused.
    proof.tree_size = 6;
    let claimed = TreeCommitment {
        root: t.root(),
        size: 6,
    };
    assert!(verify_inclusion(&[2], &proof, &claimed).is_ok());
    assert!(verify_inclusion(&[2], &proof, &t.commitment()).is_err());
}

#[test]
fn unknown_fields_and_unsafe_numbers_are_refused() {
    let p = plan(RevealOrder::AfterBeacon);
    let log = full_log(&p);
    let mut v = serde_json::to_value(&log).unwrap();
    v["entries"][3]["event"]["note"] = Value::String("x".into());
    assert!(serde_json::from_value::<DrawLog>(v).is_err());
    let mut v = serde_json::to_value(&p).unwrap();
    v["comment"] = Value::String("x".into());
    assert!(serde_json::from_value::<Plan>(v).is_err());
    // 2^53 does not survive every JCS implementation: refused in committed documents.
    let mut v = serde_json::to_value(&p).unwrap();
    v["eligible"]["size"] = Value::from(1u64 << 53);
    let bytes = serde_json::to_vec(&v).unwrap();
    let e = shuangsuiji::verify::from_committed_json::<Plan>(&bytes).unwrap_err();
    assert_eq!(e.code().as_str(), "number_not_integer");
    assert_eq!(e.details().field.as_deref(), Some("eligible.size"));
    let mut big = p.clone();
    big.eligible.size = 1 << 53;
    assert_eq!(
        big.plan_hash().unwrap_err().code().as_str(),
        "number_not_integer"
    );
}
