//! Tamper suite: every leaf value of plan, result, log and receipts changed, every
//! array element removed and duplicated — one at a time and a sample of pairs. The
//! verifiers must reject 100 % of them, naming the field; untouched documents verify.

use crate::publish_fixture;

use crate::publish_fixture::{Fixture, fixture};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use shuangsuiji::publish::{self, Receipt, ReceiptChecker, ResultDocument};
use shuangsuiji::verify::{Bytes32, DrawLog, EligibleLeaf, Plan, derive_seed, from_committed_json};

/// Changes one leaf: flips the last hex digit of hex text, appends to other text,
/// adds one to numbers, flips booleans, turns null into 0.
fn change(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let hex = !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
            if hex {
                let mut t = s.clone();
                let last = t.pop().unwrap_or('0');
                t.push(if last == '0' { '1' } else { '0' });
                Value::String(t)
            } else {
                Value::String(format!("{s}x"))
            }
        }
        Value::Number(n) => Value::from(n.as_u64().map_or(1, |x| x + 1)),
        Value::Bool(b) => Value::Bool(!b),
        Value::Null => Value::from(0),
        other => other.clone(),
    }
}

/// One mutation: where, and what.
#[derive(Clone)]
struct Mutation {
    path: Vec<Step>,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    Change,
    Remove(usize),
    Duplicate(usize),
}

impl Mutation {
    fn describe(&self) -> String {
        let p = path_text(&self.path);
        match self.kind {
            Kind::Change => p,
            Kind::Remove(i) => format!("{p}[{i}] (remove)"),
            Kind::Duplicate(i) => format!("{p}[{i}] (duplicate)"),
        }
    }

    fn apply(&self, doc: &Value) -> Value {
        let mut d = doc.clone();
        let target = at_mut(&mut d, &self.path);
        match self.kind {
            Kind::Change => *target = change(target),
            Kind::Remove(i) => {
                target.as_array_mut().unwrap().remove(i);
            }
            Kind::Duplicate(i) => {
                let arr = target.as_array_mut().unwrap();
                let x = arr[i].clone();
                arr.insert(i, x);
            }
        }
        d
    }
}

/// Every single mutation of a document: each leaf changed, each array element removed
/// and duplicated.
fn mutations(doc: &Value) -> Vec<Mutation> {
    let mut out = Vec::new();
    walk(&mut Vec::new(), doc, &mut out);
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn path_text(path: &[Step]) -> String {
    let mut s = String::new();
    for p in path {
        match p {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn at_mut<'a>(doc: &'a mut Value, path: &[Step]) -> &'a mut Value {
    let mut cur = doc;
    for p in path {
        cur = match p {
            Step::Key(k) => cur.get_mut(k.as_str()).unwrap(),
            Step::Index(i) => cur.get_mut(*i).unwrap(),
        };
    }
    cur
}

fn walk(path: &mut Vec<Step>, v: &Value, out: &mut Vec<Mutation>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(Step::Key(k.clone()));
                walk(path, x, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                for kind in [Kind::Remove(i), Kind::Duplicate(i)] {
                    out.push(Mutation {
                        path: path.clone(),
                        kind,
                    });
                }
                path.push(Step::Index(i));
                walk(path, x, out);
                path.pop();
            }
        }
        _ => out.push(Mutation {
            path: path.clone(),
            kind: Kind::Change,
        }),
    }
}

/// Outcome counts of a tamper run.
#[derive(Default, Debug)]
struct Tally {
    total: usize,
    refused_at_parse: usize,
    rejected_with_field: usize,
    named_exactly: usize,
}

fn run<T, F>(original: &T, check: F, pairs: usize, tally: &mut Tally)
where
    T: Serialize + DeserializeOwned,
    F: Fn(&T) -> shuangsuiji::Result<()>,
{
    run_exact(original, check, pairs, false, tally);
}

/// As [`run`]; with `exact`, a single changed leaf must be named by exactly its path.
fn run_exact<T, F>(original: &T, check: F, pairs: usize, exact: bool, tally: &mut Tally)
where
    T: Serialize + DeserializeOwned,
    F: Fn(&T) -> shuangsuiji::Result<()>,
{
    let doc = serde_json::to_value(original).unwrap();
    let singles = mutations(&doc);
    let mut cases: Vec<(String, Value)> = singles
        .iter()
        .map(|m| (m.describe(), m.apply(&doc)))
        .collect();
    let single_changes: std::collections::BTreeSet<String> = singles
        .iter()
        .filter(|m| matches!(m.kind, Kind::Change))
        .map(Mutation::describe)
        .collect();
    // A deterministic sample of pairs: mutation i, then mutation j of the result.
    let n = singles.len();
    for k in 0..pairs.min(n * n) {
        let i = (k * 7919) % n;
        let first = &singles[i];
        let d1 = first.apply(&doc);
        let second = mutations(&d1);
        if second.is_empty() {
            continue;
        }
        let m2 = &second[(k * 104_729 + 13) % second.len()];
        let d2 = m2.apply(&d1);
        if d2 != doc {
            cases.push((format!("{} + {}", first.describe(), m2.describe()), d2));
        }
    }
    for (path, mutated) in cases {
        if mutated == doc {
            continue;
        }
        tally.total += 1;
        let bytes = serde_json::to_vec(&mutated).unwrap();
        let parsed: T = match from_committed_json(&bytes) {
            Ok(t) => t,
            Err(_) => {
                tally.refused_at_parse += 1;
                continue;
            }
        };
        match check(&parsed) {
            Ok(()) => panic!("tampered document verifies: {path}"),
            Err(e) => {
                assert!(
                    e.details().field.is_some(),
                    "{path}: rejected ({}) without naming a field: {e}",
                    e.code().as_str()
                );
                if exact && single_changes.contains(&path) {
                    assert_eq!(
                        e.details().field.as_deref(),
                        Some(path.as_str()),
                        "{path}: named another field ({e})"
                    );
                    tally.named_exactly += 1;
                }
                tally.rejected_with_field += 1;
            }
        }
    }
}

fn small() -> Fixture {
    fixture(40)
}

#[test]
fn untouched_documents_verify() {
    let f = small();
    let s = f.verify().unwrap();
    assert_eq!(s.seed, f.seed);
    assert_eq!(s.result_hash, f.result.result_hash().unwrap());
    let checker = ReceiptChecker::new(&f.plan, &f.result).unwrap();
    let mut selected = 0;
    for r in &f.receipts {
        let v = checker.verify(r).unwrap();
        selected += usize::from(v.selected());
    }
    assert_eq!(selected, f.result.draw.visits.len());
    // The forced-in enterprise is committed, drawn, and its receipt says so.
    let forced: Vec<&EligibleLeaf> = f
        .eligible
        .iter()
        .filter(|l| l.stratum_key == publish::FORCED_STRATUM)
        .collect();
    assert_eq!(forced.len(), 1);
    let r = f
        .receipts
        .iter()
        .find(|r| r.uscc == forced[0].uscc)
        .unwrap();
    let v = checker.verify(r).unwrap();
    assert!(
        v.items
            .iter()
            .any(|i| i.stratum_key == "forced" && i.selected)
    );
}

#[test]
fn tampered_plan_is_rejected() {
    let f = small();
    let mut t = Tally::default();
    run(
        &f.plan,
        |p: &Plan| {
            publish::verify_draw(
                p,
                &f.plan_hash,
                &f.catalog,
                &f.log,
                &f.head,
                &f.eligible,
                &f.result,
            )
            .map(drop)
        },
        200,
        &mut t,
    );
    eprintln!("plan: {t:?}");
    assert!(t.total > 100);
}

#[test]
fn tampered_result_is_rejected_naming_the_field() {
    let f = small();
    let mut t = Tally::default();
    run_exact(
        &f.result,
        |r: &ResultDocument| {
            publish::verify_draw(
                &f.plan,
                &f.plan_hash,
                &f.catalog,
                &f.log,
                &f.head,
                &f.eligible,
                r,
            )
            .map(drop)
        },
        300,
        true,
        &mut t,
    );
    eprintln!("result: {t:?}");
    assert!(t.total > 300);
}

#[test]
fn tampered_result_names_item_stratum_and_enterprise() {
    let f = small();
    let mut r = f.result.clone();
    let i = r
        .draw
        .items
        .iter()
        .position(|i| i.strata.iter().any(|s| !s.selected.is_empty()))
        .unwrap();
    let j = r.draw.items[i]
        .strata
        .iter()
        .position(|s| !s.selected.is_empty())
        .unwrap();
    r.draw.items[i].strata[j].selected.remove(0);
    let e = publish::verify_draw(
        &f.plan,
        &f.plan_hash,
        &f.catalog,
        &f.log,
        &f.head,
        &f.eligible,
        &r,
    )
    .unwrap_err();
    assert_eq!(e.code().as_str(), "result_mismatch");
    assert!(
        e.details()
            .field
            .as_deref()
            .unwrap()
            .starts_with(&format!("draw.items[{i}].strata[{j}].selected["))
    );
    assert_eq!(
        e.details().extra["item"],
        f.result.draw.items[i].item_id.as_str()
    );
    assert_eq!(
        e.details().extra["stratum"],
        f.result.draw.items[i].strata[j].key.as_str()
    );
    assert!(e.details().extra.contains_key("enterprise"));
}

#[test]
fn tampered_log_is_rejected() {
    let f = small();
    let mut t = Tally::default();
    run(
        &f.log,
        |l: &DrawLog| {
            publish::verify_draw(
                &f.plan,
                &f.plan_hash,
                &f.catalog,
                l,
                &f.head,
                &f.eligible,
                &f.result,
            )
            .map(drop)
        },
        200,
        &mut t,
    );
    eprintln!("log: {t:?}");
    assert!(t.total > 50);
}

#[test]
fn tampered_eligible_list_is_rejected() {
    let f = small();
    let mut t = Tally::default();
    run(
        &f.eligible,
        |e: &Vec<EligibleLeaf>| {
            publish::verify_draw(
                &f.plan,
                &f.plan_hash,
                &f.catalog,
                &f.log,
                &f.head,
                e,
                &f.result,
            )
            .map(drop)
        },
        100,
        &mut t,
    );
    eprintln!("eligible: {t:?}");
    assert!(t.total > 100);
}

#[test]
fn tampered_receipts_are_rejected() {
    let f = small();
    let checker = ReceiptChecker::new(&f.plan, &f.result).unwrap();
    let pick =
        |pred: &dyn Fn(&Receipt) -> bool| f.receipts.iter().find(|r| pred(r)).cloned().unwrap();
    let samples = [
        pick(&|r| r.eligible.iter().any(|e| e.selected)),
        pick(&|r| !r.eligible.is_empty() && r.eligible.iter().all(|e| !e.selected)),
        pick(&|r| r.excluded.is_some()),
        pick(&|r| r.before.is_none()),
        pick(&|r| r.after.is_none()),
    ];
    let mut t = Tally::default();
    for s in &samples {
        checker.verify(s).unwrap();
        run(s, |r: &Receipt| checker.verify(r).map(drop), 100, &mut t);
    }
    eprintln!("receipts: {t:?}");
    assert!(t.total > 500);
}

#[test]
fn a_receipt_does_not_verify_against_another_result() {
    let f = small();
    let mut other = f.result.clone();
    other.attempt = 1;
    let e = publish::verify_receipt(&f.receipts[0], &f.plan, &other).unwrap_err();
    assert_eq!(e.code().as_str(), "result_mismatch");
    assert_eq!(e.details().field.as_deref(), Some("result_hash"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A receipt claiming (item, stratum) for an enterprise verifies iff that leaf is in
    /// the committed eligible tree.
    #[test]
    fn receipt_verifies_iff_leaf_committed(who in 0usize..1000, item in 0usize..3, stratum in 0usize..7) {
        let f = FIX.with(Clone::clone);
        let checker = ReceiptChecker::new(&f.plan, &f.result).unwrap();
        let mut r = f.receipts[who % f.receipts.len()].clone();
        let item_id = f.plan.items[item % f.plan.items.len()].item_id.clone();
        let keys: Vec<String> = f.plan.items.iter().flat_map(|i| i.strata.iter().map(|s| s.stratum_key.clone())).collect();
        let key = keys[stratum % keys.len()].clone();
        let committed = f.eligible.iter().any(|l| l.uscc == r.uscc && l.item_id == item_id && l.stratum_key == key);
        if let Some(e) = r.eligible.iter_mut().find(|e| e.item_id == item_id) {
            e.stratum_key = key;
            let cutoff = f.result.draw.items.iter().find(|i| i.item_id.as_str() == item_id)
                .and_then(|i| i.strata.iter().find(|s| s.key.as_str() == e.stratum_key)).and_then(|s| s.cutoff);
            e.cutoff = cutoff;
            e.selected = cutoff.is_some_and(|c| (r.ticket, r.uscc) <= (c.ticket, c.uscc));
            prop_assert_eq!(checker.verify(&r).is_ok(), committed);
        } else {
            // Not eligible for the item: claiming it never verifies, and it is not committed.
            prop_assert!(!committed);
            let proof = r.eligible.first().map(|e| e.proof.clone())
                .or_else(|| r.after.as_ref().map(|a| a.proof.clone()))
                .unwrap();
            r.eligible.push(publish::EligibleEntry { item_id, stratum_key: key, proof, cutoff: None, selected: false, replaced: false });
            prop_assert!(checker.verify(&r).is_err());
        }
    }

    /// The seed changes when any reveal, beacon value, plan hash byte or the attempt
    /// changes (commitments enter through the plan hash).
    #[test]
    fn seed_depends_on_every_input(byte in 0usize..32, bit in 0u8..8, which in 0usize..4) {
        let plan = Bytes32([3; 32]);
        let secrets = [("a", Bytes32([1; 32])), ("b", Bytes32([2; 32]))];
        let base = derive_seed(&plan, 0, &[("ssq", "05.09.14.22.27.31+12")], &secrets).unwrap();
        let flip = |mut b: Bytes32| { b.0[byte] ^= 1 << bit; b };
        let changed = match which {
            0 => derive_seed(&flip(plan), 0, &[("ssq", "05.09.14.22.27.31+12")], &secrets),
            1 => derive_seed(&plan, 1 + u32::from(bit), &[("ssq", "05.09.14.22.27.31+12")], &secrets),
            2 => derive_seed(&plan, 0, &[("ssq", "05.09.14.22.27.31+13")], &secrets),
            _ => derive_seed(&plan, 0, &[("ssq", "05.09.14.22.27.31+12")], &[secrets[0], ("b", flip(secrets[1].1))]),
        }.unwrap();
        prop_assert_ne!(base, changed);
    }
}

thread_local! {
    static FIX: Fixture = small();
}

/// Every single change of a plan byte that still gives a valid plan — commitments,
/// beacons, strata, roots — changes the seed.
#[test]
fn seed_changes_with_every_plan_change() {
    use shuangsuiji::verify::{BeaconValue, Reveal, verify_ceremony};
    let f = small();
    let reveals: Vec<Reveal> = publish_fixture::PARTIES
        .iter()
        .map(|(id, b)| Reveal {
            party: (*id).into(),
            secret: publish_fixture::secret(*b),
        })
        .collect();
    let beacons = [BeaconValue {
        source: "ssq".into(),
        value: publish_fixture::SSQ.into(),
    }];
    assert_eq!(
        verify_ceremony(&f.plan, &reveals, &beacons, 0).unwrap(),
        f.seed
    );
    let doc = serde_json::to_value(&f.plan).unwrap();
    let mut checked = 0;
    for m in mutations(&doc) {
        let Ok(plan) = serde_json::from_value::<Plan>(m.apply(&doc)) else {
            continue;
        };
        let Ok(hash) = plan.plan_hash() else { continue };
        assert_ne!(hash, f.plan_hash, "{}", m.describe());
        // Party and beacon changes make the ceremony itself fail; all others change
        // the seed.
        if let Ok(seed) = verify_ceremony(&plan, &reveals, &beacons, 0) {
            assert_ne!(seed, f.seed, "{}", m.describe());
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} plan changes reached the seed");
}

/// The re-drawn task with two revisions (tests/vectors/publish/revision.json): every
/// leaf of its result, log and the receipts of replaced and substituted enterprises.
#[test]
fn tampered_revisions_are_rejected() {
    let r = publish_fixture::revised(24);
    let f = &r.current;
    f.verify().unwrap();
    let verify = |plan: &Plan, log: &DrawLog, result: &ResultDocument| {
        publish::verify_draw(
            plan,
            &f.plan_hash,
            &f.catalog,
            log,
            &f.head,
            &f.eligible,
            result,
        )
        .map(drop)
    };
    let mut t = Tally::default();
    run_exact(&f.result, |x| verify(&f.plan, &f.log, x), 300, true, &mut t);
    eprintln!("revised result: {t:?}");
    assert!(t.total > 300);
    let mut t = Tally::default();
    run(&f.log, |l| verify(&f.plan, l, &f.result), 200, &mut t);
    eprintln!("revised log: {t:?}");
    assert!(t.total > 100);
    let mut t = Tally::default();
    run(&f.plan, |p| verify(p, &f.log, &f.result), 100, &mut t);
    assert!(t.total > 50);
    let checker = ReceiptChecker::new(&f.plan, &f.result).unwrap();
    let sub = &f.result.draw.substitutions[0];
    let mut t = Tally::default();
    for uscc in [sub.replaced, sub.substitute] {
        let receipt = f.receipts.iter().find(|x| x.uscc == uscc).unwrap();
        checker.verify(receipt).unwrap();
        run(
            receipt,
            |x: &Receipt| checker.verify(x).map(drop),
            100,
            &mut t,
        );
    }
    eprintln!("revised receipts: {t:?}");
    assert!(t.total > 200);
}
