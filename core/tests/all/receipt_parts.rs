//! Receipts computed in runs and at the seams between them (issue #24, the Spark path)
//! are the one-process receipts, for every run length, with excluded enterprises inside
//! runs, between runs and at the ends, on the plain and the revised published vectors.

use std::path::PathBuf;

use serde_json::Value;
use shuangsuiji::model::Uscc;
use shuangsuiji::publish::{self, Receipt, ResultDocument};
use shuangsuiji::verify::merkle::{MerkleTree, tree_commitment};
use shuangsuiji::verify::{EligibleLeaf, ExcludedLeaf, MerkleLeaf, Plan, TreeCommitment};

fn vector(file: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/publish")
        .join(file);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["ceremony"].clone()
}

fn de<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap()
}

/// The receipts of every run of `2^k` leaves, then of the seams, sorted by USCC.
fn in_parts(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    excluded: &[ExcludedLeaf],
    result: &ResultDocument,
    k: u32,
) -> Vec<Receipt> {
    let mut sorted = eligible.to_vec();
    sorted.sort_by_key(MerkleLeaf::sort_key);
    let cut: Vec<&[EligibleLeaf]> = sorted.chunks(1 << k).collect();
    let runs: Vec<TreeCommitment> = cut.iter().map(|c| tree_commitment(c).unwrap()).collect();
    let (mut all, mut edges) = (Vec::new(), Vec::new());
    for (i, c) in cut.iter().enumerate() {
        let mut shuffled = c.to_vec();
        shuffled.reverse(); // a run's rows arrive in any order
        let part = publish::run_receipts(plan, excluded, result, &runs, i, &shuffled).unwrap();
        all.extend(part.receipts);
        edges.extend(part.edges);
    }
    edges.reverse();
    all.extend(publish::seam_receipts(plan, excluded, result, &runs, &edges).unwrap());
    all.sort_by_key(|r| r.uscc);
    all
}

/// Excluded enterprises without entries before, between and after the eligible ones.
fn more_excluded(given: &[ExcludedLeaf]) -> Vec<ExcludedLeaf> {
    let mut out = given.to_vec();
    for (division, org) in [
        ("150100", "AA000000"),
        ("150581", "YX500000"),
        ("150581", "YXD00000"),
        ("150581", "YXY00000"),
        ("990000", "AA000000"),
    ] {
        // The organisation code's check character (GB 11714).
        let sum: u32 = org
            .chars()
            .zip([3, 7, 9, 10, 5, 8, 4, 2])
            .map(|(c, w)| c.to_digit(36).unwrap() * w)
            .sum();
        let check = match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            d => char::from_digit(d, 10).unwrap(),
        };
        out.push(ExcludedLeaf {
            uscc: Uscc::complete(&format!("91{division}{org}{check}")).unwrap(),
            reasons: vec!["market.food_production:deregistered".into()],
            evidence: String::new(),
        });
    }
    out
}

#[test]
fn runs_and_seams_give_the_one_process_receipts() {
    for file in ["ceremony.json", "revision.json"] {
        let c = vector(file);
        let (plan, result): (Plan, ResultDocument) = (de(&c["plan"]), de(&c["result"]));
        let eligible: Vec<EligibleLeaf> = de(&c["eligible"]);
        let given: Vec<ExcludedLeaf> = de(&c["excluded"]);
        for excluded in [given.clone(), more_excluded(&given), Vec::new()] {
            let one = publish::receipts(&plan, &eligible, &excluded, &result).unwrap();
            for k in 0..=6 {
                assert_eq!(
                    in_parts(&plan, &eligible, &excluded, &result, k),
                    one,
                    "{file}, runs of 2^{k}, {} excluded",
                    excluded.len()
                );
            }
        }
    }
}

#[test]
fn nothing_eligible_the_seams_answer_every_excluded_enterprise() {
    let c = vector("ceremony.json");
    let (mut plan, result): (Plan, ResultDocument) = (de(&c["plan"]), de(&c["result"]));
    plan.eligible = MerkleTree::from_leaves::<EligibleLeaf>(&[])
        .unwrap()
        .commitment();
    let excluded = more_excluded(&de::<Vec<ExcludedLeaf>>(&c["excluded"]));
    let one = publish::receipts(&plan, &[], &excluded, &result).unwrap();
    assert_eq!(one.len(), excluded.len());
    assert_eq!(
        publish::seam_receipts(&plan, &excluded, &result, &[], &[]).unwrap(),
        one
    );
}

#[test]
fn runs_that_are_not_the_plans_are_refused() {
    let c = vector("ceremony.json");
    let (plan, result): (Plan, ResultDocument) = (de(&c["plan"]), de(&c["result"]));
    let mut eligible: Vec<EligibleLeaf> = de(&c["eligible"]);
    eligible.sort_by_key(MerkleLeaf::sort_key);
    let runs: Vec<TreeCommitment> = eligible
        .chunks(8)
        .map(|c| tree_commitment(c).unwrap())
        .collect();
    // The leaves of run 1 handed in as run 0's.
    let e = publish::run_receipts(&plan, &[], &result, &runs, 0, &eligible[8..16]).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.details().field.as_deref()),
        ("root_mismatch", Some("runs[0]")),
        "{e:?}"
    );
    // Runs of another tree.
    let e =
        publish::run_receipts(&plan, &[], &result, &runs[1..], 0, &eligible[8..16]).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.details().field.as_deref()),
        ("root_mismatch", Some("runs")),
        "{e:?}"
    );
    // Edges of another tree.
    let part = publish::run_receipts(&plan, &[], &result, &runs, 0, &eligible[..8]).unwrap();
    let mut edge = part.edges[0].clone();
    edge.proof.tree_size += 1;
    let e = publish::seam_receipts(&plan, &[], &result, &runs, &[edge]).unwrap_err();
    assert_eq!(
        e.details().field.as_deref(),
        Some("edges[0].proof.tree_size"),
        "{e:?}"
    );
    // Not every run's edges: a seam enterprise cannot be answered.
    let e = publish::seam_receipts(&plan, &[], &result, &runs, &part.edges).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.details().field.as_deref()),
        ("merkle_proof_invalid", Some("edges")),
        "{e:?}"
    );
}
