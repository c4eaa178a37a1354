//! Rough timings of the verify primitives (ignored by default; run in release):
//! `cargo test -p shuangsuiji --release --test all verify_timing:: -- --ignored --nocapture`

use std::time::Instant;

use crate::verify_fixture::*;
use shuangsuiji::verify::{
    EligibleLeaf, MerkleLeaf, MerkleTree, RevealOrder, verify_inclusion, verify_log,
};

#[test]
#[ignore = "timing, not a check; run with --release --ignored --nocapture"]
fn merkle_and_log_timings() {
    for n in [10_000u32, 100_000, 1_000_000] {
        let base = uscc(1);
        let leaves: Vec<EligibleLeaf> = (0..n)
            .map(|i| EligibleLeaf {
                uscc: base,
                item_id: format!("SP-{i:07}"),
                stratum_key: "A".into(),
            })
            .collect();
        let t = Instant::now();
        let tree = MerkleTree::from_leaves(&leaves).unwrap();
        let build = t.elapsed();
        let t = Instant::now();
        let c = tree.commitment();
        let mut total = 0usize;
        for i in 0..n as usize {
            let p = tree.proof(i).unwrap();
            total += p.audit_path.len();
            if i % 1000 == 0 {
                verify_inclusion(&leaves[0].encode().unwrap(), &p, &c).ok();
            }
        }
        let proofs = t.elapsed();
        println!(
            "n={n}: build {build:?}, all {n} proofs {proofs:?} (avg path {})",
            total / n as usize
        );
    }
    let p = plan(RevealOrder::AfterBeacon);
    let log = full_log(&p);
    let t = Instant::now();
    for _ in 0..100 {
        verify_log(&p, &log, None).unwrap();
    }
    println!(
        "verify_log of a {}-entry log: {:?} each",
        log.entries.len(),
        t.elapsed() / 100
    );
}
