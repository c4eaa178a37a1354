//! The draw in parts (`draw::partial`, issue #24): over random partitionings — 1 to 64
//! parts, skewed, empty parts — merging the parts' candidates gives exactly the
//! one-process result, with expansions and substitutions, with and without limits.

use proptest::prelude::*;
use shuangsuiji::draw::partial::{Candidates, StratumCount, candidates, merge_candidates};
use shuangsuiji::draw::{
    Adjustment, DrawInput, DrawMode, Expansion, ItemDraw, Seed, StratumDraw, StratumKey,
    SubstitutionReason, SubstitutionRequest, TaskId, draw,
};
use shuangsuiji::model::{DepartmentCode, ItemId, Ratio, Uscc, org_code_check_char};

fn uscc(i: u32) -> Uscc {
    let body = format!("MA{i:06}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

/// Two items; the first with strata `a` (first half) and `b`, the second one stratum
/// `all` over the first two thirds.
fn whole(seed: [u8; 32], n: u32, q: [u64; 3], subs: u32, mode: DrawMode) -> DrawInput {
    let all: Vec<Uscc> = (0..n).map(uscc).collect();
    let (lo, hi) = all.split_at(all.len() / 2);
    let stratum = |key: &str, eligible: &[Uscc], quota: u64| StratumDraw {
        key: StratumKey::parse(key).unwrap(),
        eligible: eligible.to_vec(),
        quota: (mode == DrawMode::Fixed).then_some(quota.min(eligible.len() as u64)),
        ratio: (mode == DrawMode::Bernoulli)
            .then(|| Ratio::new(u32::try_from(quota).unwrap(), 40).unwrap()),
        max_substitutions: subs,
    };
    DrawInput {
        algorithm: shuangsuiji::draw::AlgorithmVersion::V1,
        task_id: TaskId::parse("parts").unwrap(),
        seed: Seed::from_bytes(seed),
        mode,
        items: vec![
            ItemDraw {
                item_id: ItemId::parse("food.production").unwrap(),
                department: DepartmentCode::parse("market").unwrap(),
                strata: vec![stratum("a", lo, q[0]), stratum("b", hi, q[1])],
            },
            ItemDraw {
                item_id: ItemId::parse("fire.safety").unwrap(),
                department: DepartmentCode::parse("fire").unwrap(),
                strata: vec![stratum("all", &all[..all.len() * 2 / 3], q[2])],
            },
        ],
        adjustments: Vec::new(),
    }
}

/// The input's eligible lists cut into `parts` pieces by `assign` (row → part).
fn split(input: &DrawInput, parts: usize, assign: &dyn Fn(usize) -> usize) -> Vec<DrawInput> {
    (0..parts)
        .map(|p| {
            let mut part = input.clone();
            let mut row = 0;
            for item in &mut part.items {
                for s in &mut item.strata {
                    s.eligible.retain(|_| {
                        row += 1;
                        assign(row) % parts == p
                    });
                }
            }
            part
        })
        .collect()
}

fn totals(input: &DrawInput) -> Vec<StratumCount> {
    input
        .items
        .iter()
        .flat_map(|i| {
            i.strata.iter().map(|s| StratumCount {
                item_id: i.item_id.clone(),
                stratum: s.key.clone(),
                eligible_count: s.eligible.len() as u64,
            })
        })
        .collect()
}

fn parts_of(pieces: &[DrawInput], totals: &[StratumCount]) -> Vec<Candidates> {
    pieces
        .iter()
        .map(|p| candidates(p, totals).unwrap())
        .collect()
}

/// Adjustments: an expansion of `a`, then substitutions of the first selected
/// enterprises (whole visits), as far as the draw allows them.
fn adjusted(mut input: DrawInput, expand: u64, subs: usize) -> DrawInput {
    let base = draw(input.clone()).unwrap();
    if expand > 0 {
        input.adjustments.push(Adjustment::Expand(Expansion {
            item_id: input.items[0].item_id.clone(),
            stratum: StratumKey::parse("a").unwrap(),
            extra: expand,
        }));
    }
    for v in base.visits.iter().take(subs) {
        input
            .adjustments
            .push(Adjustment::Substitute(SubstitutionRequest {
                uscc: v.uscc,
                item_id: None,
                reason: SubstitutionReason::Unreachable,
                evidence: None,
            }));
    }
    input
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merged_parts_equal_the_whole_draw(
        seed in any::<[u8; 32]>(),
        n in 0u32..400,
        q in [0u64..30, 0u64..30, 0u64..30],
        parts in 1usize..=64,
        skew in 0u32..3,
        salt in any::<u64>(),
        expand in 0u64..3,
        subs in 0usize..3,
        bernoulli in any::<bool>(),
    ) {
        let mode = if bernoulli { DrawMode::Bernoulli } else { DrawMode::Fixed };
        let mut input = whole(seed, n, q, 2, mode);
        input = adjusted(input, expand, subs);
        let expected = draw(input.clone());
        // skew 0: round robin; 1: hashed; 2: nearly everything in part 0 (others empty).
        let assign = move |row: usize| match skew {
            0 => row,
            1 => usize::try_from(
                u64::try_from(row).unwrap().wrapping_mul(salt | 1).rotate_left(17) % 4096,
            )
            .unwrap(),
            _ => usize::from(row % 97 == 0) * (row / 97),
        };
        let pieces = split(&input, parts, &assign);
        for with_totals in [false, true] {
            let t = if with_totals { totals(&input) } else { Vec::new() };
            let merged = merge_candidates(input.clone(), &parts_of(&pieces, &t));
            match (&expected, merged) {
                (Ok(e), Ok(m)) => prop_assert_eq!(e, &m),
                (Err(e), Err(m)) => prop_assert_eq!(e.code(), m.code()),
                (e, m) => prop_assert!(false, "whole {:?} vs merged {:?}", e, m),
            }
        }
    }
}

/// Large strata: the limit makes the parts keep far fewer keys, with the same result.
#[test]
fn limits_cut_what_parts_send_and_keep_the_result() {
    let input = whole([3; 32], 40_000, [2_000, 2_000, 3_000], 2, DrawMode::Fixed);
    let input = adjusted(input, 2, 2);
    let pieces = split(&input, 8, &|row| row);
    let t = totals(&input);
    let limited = parts_of(&pieces, &t);
    let free = parts_of(&pieces, &[]);
    let sent = |c: &[Candidates]| -> usize {
        c.iter().flat_map(|p| &p.strata).map(|s| s.kept.len()).sum()
    };
    assert!(
        limited
            .iter()
            .all(|p| p.strata.iter().all(|s| s.limit.is_some()))
    );
    assert!(
        2 * sent(&limited) < sent(&free),
        "{} vs {}",
        sent(&limited),
        sent(&free)
    );
    let expected = draw(input.clone()).unwrap();
    assert_eq!(merge_candidates(input.clone(), &limited).unwrap(), expected);
    assert_eq!(merge_candidates(input, &free).unwrap(), expected);
}

/// A limit that leaves too few keys under it is refused, never merged into a wrong
/// result; so are parts that used different limits.
#[test]
fn a_short_limit_is_refused() {
    let input = whole([5; 32], 40_000, [20, 20, 30], 0, DrawMode::Fixed);
    let pieces = split(&input, 4, &|row| row);
    let mut parts = parts_of(&pieces, &totals(&input));
    for part in &mut parts {
        let s = &mut part.strata[0];
        s.below_limit = 1;
        s.kept.truncate(1);
    }
    let err = merge_candidates(input.clone(), &parts).unwrap_err();
    assert_eq!(err.code().as_str(), "candidates_insufficient");

    let mut mixed = parts_of(&pieces, &totals(&input));
    mixed[1] = candidates(&pieces[1], &[]).unwrap();
    let err = merge_candidates(input, &mixed).unwrap_err();
    assert_eq!(err.code().as_str(), "candidates_insufficient");
}

/// Duplicates and overlaps inside a part are refused as the draw refuses them.
#[test]
fn a_part_refuses_what_the_draw_refuses() {
    let mut input = whole([1; 32], 20, [1, 1, 1], 0, DrawMode::Fixed);
    let twice = input.items[0].strata[0].eligible[0];
    input.items[0].strata[0].eligible.push(twice);
    let err = candidates(&input, &[]).unwrap_err();
    assert_eq!(err.code().as_str(), "eligible_duplicate");
    assert_eq!(
        err.code().as_str(),
        draw(input.clone()).unwrap_err().code().as_str()
    );
    input.items[0].strata[0].eligible.pop();
    input.items[0].strata[1].eligible.push(twice);
    let err = candidates(&input, &[]).unwrap_err();
    assert_eq!(err.code().as_str(), "stratum_overlap");
}

/// Aligned runs of every power-of-two length give the whole tree's commitment.
#[test]
fn aligned_subtree_roots_give_the_whole_root() {
    use shuangsuiji::proof::Bytes32;
    use shuangsuiji::proof::merkle::{TreeCommitment, leaf_hash, root_of, root_of_subtrees};
    for n in 1..=70usize {
        let hashes: Vec<[u8; 32]> = (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for k in 0..8 {
            let runs: Vec<TreeCommitment> = hashes
                .chunks(1 << k)
                .map(|c| TreeCommitment {
                    root: Bytes32(root_of(c)),
                    size: c.len() as u64,
                })
                .collect();
            let whole = root_of_subtrees(&runs).unwrap();
            assert_eq!(
                whole.root,
                Bytes32(root_of(&hashes)),
                "n {n}, runs of 2^{k}"
            );
            assert_eq!(whole.size, n as u64);
        }
    }
    // Runs that are not aligned are refused, not hashed into another root.
    let run = |size| TreeCommitment {
        root: Bytes32([0; 32]),
        size,
    };
    for bad in [
        vec![run(3), run(3)],
        vec![run(4), run(2), run(1)],
        vec![run(2), run(4)],
        vec![run(2), run(0)],
    ] {
        let err = root_of_subtrees(&bad).unwrap_err();
        assert_eq!(err.code().as_str(), "count_invalid");
    }
}

/// The published result document and log from parts are byte-identical to
/// `publish_draw` over all the eligible entries.
#[test]
fn published_from_parts_equals_published_whole() {
    use shuangsuiji::draw_record::{draw_input_from_plan, publish_draw_from_candidates};
    let f = crate::publish_fixture::fixture_with(40, 1);
    let mut log = f.log.clone();
    log.entries.pop(); // the draw event
    let input = draw_input_from_plan(&f.plan, &f.eligible, &f.catalog, &f.seed, 1).unwrap();
    let totals = totals(&input);
    for parts in [1, 3, 16] {
        let pieces = split(&input, parts, &|row| row * 7 + row / 5);
        let mut published = log.clone();
        let doc = publish_draw_from_candidates(
            &f.plan,
            &parts_of(&pieces, &totals),
            &f.catalog,
            &mut published,
            0,
            &f.seed,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&f.result).unwrap()
        );
        assert_eq!(published, f.log);
    }
    // Parts that hold fewer entries than the plan's population are refused.
    let mut pieces = split(&input, 2, &|row| row);
    pieces.pop();
    let err = publish_draw_from_candidates(
        &f.plan,
        &parts_of(&pieces, &[]),
        &f.catalog,
        &mut log.clone(),
        0,
        &f.seed,
    )
    .unwrap_err();
    assert!(
        ["root_mismatch", "quota_exceeds_eligible"].contains(&err.code().as_str()),
        "{err:?}"
    );
}
