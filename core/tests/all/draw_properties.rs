//! Invariants of the v1 draw: order independence, consistency, exact quotas, excluded
//! never drawn, the cut-off rule, nesting of joint samples, adjustments never move
//! earlier picks, and a χ² test of inclusion frequencies.

use std::collections::BTreeSet;

use proptest::prelude::*;
use shuangsuiji::canonical::sha256;
use shuangsuiji::draw::{
    Adjustment, Draw, DrawInput, DrawMode, DrawResult, Expansion, ItemDraw, Seed, StratumDraw,
    StratumKey, SubstitutionReason, SubstitutionRequest, TaskId, Ticketer, draw,
};
use shuangsuiji::model::{DepartmentCode, ItemId, Ratio, Uscc, org_code_check_char};

fn uscc(i: u32) -> Uscc {
    let body = format!("MA{i:06}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

fn stratum(key: &str, eligible: Vec<Uscc>, quota: u64) -> StratumDraw {
    StratumDraw {
        key: StratumKey::parse(key).unwrap(),
        eligible,
        quota: Some(quota),
        ratio: None,
        max_substitutions: 3,
    }
}

fn item(id: &str, dep: &str, strata: Vec<StratumDraw>) -> ItemDraw {
    ItemDraw {
        item_id: ItemId::parse(id).unwrap(),
        department: DepartmentCode::parse(dep).unwrap(),
        strata,
    }
}

fn input(seed: [u8; 32], items: Vec<ItemDraw>) -> DrawInput {
    DrawInput {
        algorithm: shuangsuiji::draw::AlgorithmVersion::V1,
        task_id: TaskId::parse("prop").unwrap(),
        seed: Seed::from_bytes(seed),
        mode: DrawMode::Fixed,
        items,
        adjustments: Vec::new(),
    }
}

fn selected(r: &DrawResult, item: usize, h: usize) -> BTreeSet<Uscc> {
    r.items[item].strata[h]
        .selected
        .iter()
        .map(|p| p.uscc)
        .collect()
}

/// Two items over pools split in two strata each.
fn joint(seed: [u8; 32], n: u32, q: [u64; 4]) -> DrawInput {
    let all: Vec<Uscc> = (0..n).map(uscc).collect();
    let (lo, hi) = all.split_at(all.len() / 2);
    input(
        seed,
        vec![
            item(
                "food.production",
                "market",
                vec![
                    stratum("a", lo.to_vec(), q[0]),
                    stratum("b", hi.to_vec(), q[1]),
                ],
            ),
            item(
                "fire.safety",
                "fire",
                vec![
                    stratum("a", lo.to_vec(), q[2]),
                    stratum("b", hi.to_vec(), q[3]),
                ],
            ),
        ],
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn order_independent(seed in any::<[u8; 32]>(), n in 6u32..40, rot in 0usize..40, q in 0u64..3) {
        let base = joint(seed, n, [q, q + 1, q + 1, q]);
        let mut shuffled = base.clone();
        shuffled.items.reverse();
        for it in &mut shuffled.items {
            it.strata.reverse();
            for s in &mut it.strata {
                let k = rot % s.eligible.len().max(1);
                s.eligible.rotate_left(k);
                s.eligible.reverse();
            }
        }
        prop_assert_eq!(draw(base).unwrap(), draw(shuffled).unwrap());
    }

    #[test]
    fn exact_quotas_cutoff_rule_and_exclusion(seed in any::<[u8; 32]>(), n in 2u32..60, q in 0u64..20) {
        let all: Vec<Uscc> = (0..n).map(uscc).collect();
        let eligible: Vec<Uscc> = all.iter().copied().step_by(2).collect();
        let quota = q.min(eligible.len() as u64);
        let r = draw(input(seed, vec![item("x", "market", vec![stratum("s", eligible.clone(), quota)])])).unwrap();
        let s = &r.items[0].strata[0];
        prop_assert_eq!(s.drawn_count, quota);
        prop_assert_eq!(s.selected.len() as u64, quota);
        let tk = Ticketer::new(&Seed::from_bytes(seed), &TaskId::parse("prop").unwrap());
        for u in &all {
            let chosen = s.selected.iter().any(|p| p.uscc == *u);
            if !eligible.contains(u) {
                prop_assert!(!chosen, "excluded enterprise drawn");
                continue;
            }
            let key = (tk.ticket(u), *u);
            let rule = s.cutoff.is_some_and(|c| key <= (c.ticket, c.uscc));
            prop_assert_eq!(chosen, rule);
        }
    }

    #[test]
    fn adding_one_enterprise_changes_only_its_fate_and_the_cutoff(seed in any::<[u8; 32]>(), n in 3u32..50, q in 1u64..10, extra in 1000u32..1100) {
        let base: Vec<Uscc> = (0..n).map(uscc).collect();
        let quota = q.min(u64::from(n));
        let before = draw(input(seed, vec![item("x", "m", vec![stratum("s", base.clone(), quota)])])).unwrap();
        let mut more = base;
        let newcomer = uscc(extra);
        more.push(newcomer);
        let after = draw(input(seed, vec![item("x", "m", vec![stratum("s", more, quota)])])).unwrap();
        let (b, a) = (selected(&before, 0, 0), selected(&after, 0, 0));
        if a.contains(&newcomer) {
            // The newcomer displaces exactly the old cut-off enterprise.
            let cut = before.items[0].strata[0].cutoff.unwrap().uscc;
            let mut expect = b.clone();
            expect.remove(&cut);
            expect.insert(newcomer);
            prop_assert_eq!(a, expect);
        } else {
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn joint_visits_are_the_union_and_nest(seed in any::<[u8; 32]>(), n in 4u32..50, q in proptest::array::uniform4(0u64..3)) {
        let r = draw(joint(seed, n, q)).unwrap();
        let mut union = BTreeSet::new();
        for i in 0..2 { for h in 0..2 { union.extend(selected(&r, i, h)); } }
        prop_assert_eq!(r.visits.len(), union.len());
        // Same pools and strata: per stratum the smaller sample is inside the larger.
        for h in 0..2 {
            let (x, y) = (selected(&r, 0, h), selected(&r, 1, h));
            prop_assert!(x.is_subset(&y) || y.is_subset(&x));
        }
        // Every item of a visit sees the same ticket.
        for v in &r.visits {
            for it in &r.items { for s in &it.strata { for p in &s.selected {
                if p.uscc == v.uscc { prop_assert_eq!(p.ticket, v.ticket); }
            }}}
        }
    }

    #[test]
    fn same_pool_visits_equal_the_largest_sample(seed in any::<[u8; 32]>(), n in 2u32..60, qs in proptest::collection::vec(0u64..30, 1..4)) {
        let pool: Vec<Uscc> = (0..n).map(uscc).collect();
        let items = qs.iter().enumerate().map(|(i, q)| {
            item(&format!("item{i}"), "market", vec![stratum("all", pool.clone(), (*q).min(u64::from(n)))])
        }).collect();
        let r = draw(input(seed, items)).unwrap();
        let largest = qs.iter().map(|q| (*q).min(u64::from(n))).max().unwrap();
        prop_assert_eq!(r.visits.len() as u64, largest);
    }

    #[test]
    fn adjustments_never_move_earlier_picks(seed in any::<[u8; 32]>(), n in 6u32..40) {
        let base = joint(seed, n, [2, 2, 1, 1]);
        let before = draw(base.clone()).unwrap();
        let victim = before.items[1].strata[0].selected[0].uscc;
        let mut adjusted = base;
        adjusted.adjustments = vec![
            Adjustment::Expand(Expansion { item_id: ItemId::parse("fire.safety").unwrap(), stratum: StratumKey::parse("a").unwrap(), extra: 1 }),
            Adjustment::Substitute(SubstitutionRequest { uscc: victim, item_id: None, reason: SubstitutionReason::Unreachable, evidence: None }),
        ];
        let after = Draw::new(adjusted).unwrap().result();
        for i in 0..2 { for h in 0..2 {
            let (b, a) = (selected(&before, i, h), selected(&after, i, h));
            let replaced: BTreeSet<Uscc> = after.items[i].strata[h].replaced.iter().map(|p| p.uscc).collect();
            // Everything drawn before is still selected unless it was the replaced one.
            prop_assert!(b.difference(&replaced).all(|u| a.contains(u)));
            prop_assert!(!a.contains(&victim));
        }}
    }
}

/// Inclusion frequencies over 4000 fixed seeds: 24 enterprises, quota 6, so each is
/// expected in 1000 draws. The statistic Σ(O−E)²/E uses f64 here, in a test only.
/// With fixed sample size its null distribution is ≈ 0.75·χ²(23); the 0.1 % critical
/// value of χ²(23) is 49.7, so failing would take a gross bias.
#[test]
fn chi_square_of_inclusion_frequencies() {
    let pool: Vec<Uscc> = (0..24).map(uscc).collect();
    let mut counts = vec![0u64; pool.len()];
    let rounds = 4000u32;
    for i in 0..rounds {
        let seed = sha256(&i.to_be_bytes());
        let r = draw(input(
            seed,
            vec![item("x", "m", vec![stratum("all", pool.clone(), 6)])],
        ))
        .unwrap();
        for p in &r.items[0].strata[0].selected {
            let k = pool.iter().position(|u| *u == p.uscc).unwrap();
            counts[k] += 1;
        }
    }
    let expected = f64::from(rounds) * 6.0 / 24.0;
    #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)]
    let chi2: f64 = counts
        .iter()
        .map(|&o| (o as f64 - expected).powi(2) / expected)
        .sum();
    assert!(chi2 < 49.7, "chi2 = {chi2}, counts = {counts:?}");
    // And the test can fail: a biased count vector is caught.
    let mut biased = counts.clone();
    biased[0] += 200;
    biased[1] -= 200;
    #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)]
    let chi2b: f64 = biased
        .iter()
        .map(|&o| (o as f64 - expected).powi(2) / expected)
        .sum();
    assert!(chi2b > 49.7);
}

/// Bernoulli mode: inclusion frequency of ratio 1/3 over many enterprises and seeds.
#[test]
fn bernoulli_frequency() {
    let pool: Vec<Uscc> = (0..300).map(uscc).collect();
    let mut total = 0u64;
    let rounds = 60u32;
    for i in 0..rounds {
        let mut inp = input(
            sha256(&i.to_le_bytes()),
            vec![item(
                "x",
                "m",
                vec![StratumDraw {
                    key: StratumKey::parse("all").unwrap(),
                    eligible: pool.clone(),
                    quota: None,
                    ratio: Some(Ratio::new(1, 3).unwrap()),
                    max_substitutions: 0,
                }],
            )],
        );
        inp.mode = DrawMode::Bernoulli;
        total += draw(inp).unwrap().items[0].strata[0].drawn_count;
    }
    // n = 18000 trials, p = 1/3: mean 6000, sd ≈ 63; allow 5 sd.
    assert!((5685..=6315).contains(&total), "total = {total}");
}
