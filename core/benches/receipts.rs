//! Receipt checks at scale: a [`ReceiptVerifier`] hashes the plan and the result once,
//! then checks each receipt (two or three Merkle proofs, one ticket, the strata).
//!
//! `cargo bench -p shuangsuiji --bench receipts`: a draw of `SSJ_BENCH_RECEIPTS`
//! enterprises (default 1 000 000; about 3 GB of memory for the receipts) in one item
//! with two strata, every receipt generated; then
//!
//! * `receipts/verifier_new` — reading nothing, hashing the plan and the result once;
//! * `receipts/verify_one` — one receipt, cycling through all of them;
//! * `receipts/verify_receipt_rehashing` — the one-shot `verify_receipt` (re-hashes the
//!   plan and the result every call), for comparison;
//!
//! and one timed pass of `verify` over every receipt, printed to stderr.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use shuangsuiji::canonical::sha256;
use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::{Catalog, Ratio, Uscc, org_code_check_char};
use shuangsuiji::publish::{self, Receipt, ReceiptVerifier, ResultDocument};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, Bytes32, DrawLog, EligibleLeaf, MerkleTree, PartyCommitment, Plan,
    PlanItem, PlanStratum, RevealOrder, TreeCommitment, commitment,
};

const ITEM: &str = "market.food_production";

fn uscc(i: u32) -> Uscc {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

fn catalog() -> Catalog {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/huolinguole/catalog.json");
    intake::read_catalog(
        &std::fs::read(&p).unwrap(),
        &ReadOptions::named("catalog.json"),
    )
    .unwrap()
}

/// The plan, the eligible leaves and the published result of an `n`-enterprise draw.
fn draw(n: u32) -> (Plan, Vec<EligibleLeaf>, ResultDocument) {
    let catalog = catalog();
    let ratio = Ratio::new(3, 100).unwrap();
    let eligible: Vec<EligibleLeaf> = (0..n)
        .map(|i| EligibleLeaf {
            uscc: uscc(i),
            item_id: ITEM.into(),
            stratum_key: if i % 10 < 3 { "credit=A" } else { "credit=B" }.into(),
        })
        .collect();
    let strata = ["credit=A", "credit=B"]
        .iter()
        .map(|k| {
            let population = eligible.iter().filter(|l| l.stratum_key == *k).count() as u64;
            PlanStratum {
                stratum_key: (*k).into(),
                population,
                quota: ratio.ceil_of(population),
                ratio,
                min: 0,
                max: None,
            }
        })
        .collect();
    let empty = TreeCommitment {
        root: Bytes32(sha256(b"")),
        size: 0,
    };
    let plan = Plan {
        algorithm: "v1".into(),
        task_id: "2026-bench-receipts".into(),
        authority_id: "150581-scjgj".into(),
        year: 2026,
        plan_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        catalog_hash: Bytes32::from_hex(&catalog.content_hash().unwrap()).unwrap(),
        items: vec![PlanItem {
            item_id: ITEM.into(),
            strata,
        }],
        eligible: MerkleTree::from_leaves(&eligible).unwrap().commitment(),
        excluded: empty,
        inspectors: empty,
        reveal_order: RevealOrder::AfterBeacon,
        beacons: vec![BeaconSpec {
            source_id: "ssq".into(),
            kind: BeaconKind::CwlSsq,
            series: "cwl.ssq".into(),
            draw: "2026031".into(),
        }],
        parties: vec![PartyCommitment {
            party_id: "notary".into(),
            commitment: commitment("notary", &Bytes32([7; 32])).unwrap(),
        }],
        max_substitutions: 0,
        tags_hash: None,
    };
    let mut log = DrawLog::new(plan.plan_hash().unwrap()).unwrap();
    let seed = Bytes32(sha256(b"bench seed"));
    let result = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed).unwrap();
    (plan, eligible, result)
}

fn receipts(c: &mut Criterion) {
    let n: u32 = std::env::var("SSJ_BENCH_RECEIPTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let (plan, eligible, result) = draw(n);
    let rs: Vec<Receipt> = publish::receipts(&plan, &eligible, &[], &result).unwrap();
    drop(eligible);
    eprintln!(
        "receipts: draw of {n} and its {} receipts built in {:.1?}",
        rs.len(),
        t.elapsed()
    );
    let verifier = ReceiptVerifier::new(plan.clone(), result.clone()).unwrap();
    let t = Instant::now();
    let selected = rs
        .iter()
        .map(|r| verifier.verify(r).unwrap().selected())
        .filter(|s| *s)
        .count();
    let all = t.elapsed();
    eprintln!(
        "receipts: one pass of ReceiptVerifier::verify over all {} receipts: {all:.2?} ({:.2?} each; {selected} selected)",
        rs.len(),
        all / u32::try_from(rs.len()).unwrap_or(u32::MAX).max(1)
    );

    let mut g = c.benchmark_group("receipts");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function(format!("verifier_new_{n}"), |b| {
        b.iter(|| ReceiptVerifier::new(black_box(plan.clone()), black_box(result.clone())));
    });
    g.throughput(Throughput::Elements(1));
    let mut i = 0usize;
    g.bench_function(format!("verify_one_of_{n}"), |b| {
        b.iter(|| {
            i = (i + 7919) % rs.len();
            verifier.verify(black_box(&rs[i])).unwrap()
        });
    });
    g.bench_function(format!("verify_receipt_rehashing_of_{n}"), |b| {
        b.iter(|| {
            i = (i + 7919) % rs.len();
            publish::verify_receipt(black_box(&rs[i]), &plan, &result).unwrap()
        });
    });
    g.finish();
}

criterion_group!(benches, receipts);
criterion_main!(benches);
