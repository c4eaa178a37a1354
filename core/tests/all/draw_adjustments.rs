//! Expansion and substitution through the incremental `Draw` API: atomic errors,
//! whole-visit substitution, nesting after substitution.

use shuangsuiji::draw::{
    AlgorithmVersion, Basis, Draw, DrawInput, DrawMode, ItemDraw, Seed, StratumDraw, StratumKey,
    SubstitutionReason, SubstitutionRequest, TaskId,
};
use shuangsuiji::model::{DepartmentCode, ItemId, Uscc, org_code_check_char};

fn uscc(i: u32) -> Uscc {
    let body = format!("MA{i:06}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

fn input(quotas: &[(u64, u32)], n: u32) -> DrawInput {
    let pool: Vec<Uscc> = (0..n).map(uscc).collect();
    DrawInput {
        algorithm: AlgorithmVersion::V1,
        task_id: TaskId::parse("adj").unwrap(),
        seed: Seed::from_bytes([9; 32]),
        mode: DrawMode::Fixed,
        items: quotas
            .iter()
            .enumerate()
            .map(|(i, &(q, max_subs))| ItemDraw {
                item_id: ItemId::parse(&format!("item{i}")).unwrap(),
                department: DepartmentCode::parse(&format!("dep{i}")).unwrap(),
                strata: vec![StratumDraw {
                    key: StratumKey::parse("all").unwrap(),
                    eligible: pool.clone(),
                    quota: Some(q),
                    ratio: None,
                    max_substitutions: max_subs,
                }],
            })
            .collect(),
        adjustments: Vec::new(),
    }
}

fn req(u: Uscc, item: Option<&str>) -> SubstitutionRequest {
    SubstitutionRequest {
        uscc: u,
        item_id: item.map(|i| ItemId::parse(i).unwrap()),
        reason: SubstitutionReason::Unreachable,
        evidence: Some("记录 2026-001".into()),
    }
}

#[test]
fn whole_visit_substitution_keeps_nesting() {
    // item0 draws 3, item1 draws 5 from the same pool: visits = 5.
    let mut d = Draw::new(input(&[(3, 1), (5, 1)], 20)).unwrap();
    let before = d.result();
    assert_eq!(before.visits.len(), 5);
    let first = before.visits[0].uscc;
    d.substitute(&req(first, None)).unwrap();
    let after = d.result();
    // Both items replaced it; item0's substitute is item1's 4th pick, item1's is new.
    assert_eq!(after.substitutions.len(), 2);
    assert!(after.visits.iter().all(|v| v.uscc != first));
    assert_eq!(after.visits.len(), 5);
    let s0 = &after.items[0].strata[0];
    let s1 = &after.items[1].strata[0];
    assert!(
        s0.selected
            .iter()
            .all(|p| s1.selected.iter().any(|q| q.uscc == p.uscc))
    );
    assert_eq!(s0.replaced[0].uscc, first);
    assert_eq!(s0.replaced[0].basis, Basis::Drawn);
    assert_eq!(
        s0.selected
            .iter()
            .filter(|p| p.basis == Basis::Substitute)
            .count(),
        1
    );
    // Boundary moved; cut-off did not.
    assert_eq!(s0.cutoff, before.items[0].strata[0].cutoff);
    assert!(s0.boundary > s0.cutoff);
    // Replacing it again: it is no longer selected.
    let again = d.substitute(&req(first, None)).unwrap_err();
    assert_eq!(again.code().as_str(), "substitute_not_selected");
}

#[test]
fn failed_substitution_changes_nothing() {
    // item0 allows a substitution, item1 none: the whole-visit request must fail on
    // item1 without touching item0.
    let mut d = Draw::new(input(&[(2, 1), (2, 0)], 10)).unwrap();
    let before = d.result();
    let u = before.visits[0].uscc;
    let e = d.substitute(&req(u, None)).unwrap_err();
    assert_eq!(e.code().as_str(), "substitution_limit");
    assert_eq!(
        e.details().extra.get("item").map(String::as_str),
        Some("item1")
    );
    assert_eq!(d.result(), before);
    // Restricted to item0 it works.
    d.substitute(&req(u, Some("item0"))).unwrap();
    let after = d.result();
    assert_eq!(after.substitutions.len(), 1);
    assert!(after.visits.iter().any(|v| v.uscc == u)); // still visited for item1
}

#[test]
fn exhausted_and_expansion_errors_are_atomic() {
    let mut d = Draw::new(input(&[(3, 5)], 4)).unwrap();
    let item = ItemId::parse("item0").unwrap();
    let all = StratumKey::parse("all").unwrap();
    let before = d.result();
    assert_eq!(
        d.expand(&item, &all, 2).unwrap_err().code().as_str(),
        "expansion_invalid"
    );
    assert_eq!(
        d.expand(&item, &all, 0).unwrap_err().code().as_str(),
        "expansion_invalid"
    );
    assert_eq!(d.result(), before);
    d.expand(&item, &all, 1).unwrap();
    let u = d.result().items[0].strata[0].selected[0].uscc;
    assert_eq!(
        d.substitute(&req(u, None)).unwrap_err().code().as_str(),
        "substitute_exhausted"
    );
    assert_eq!(d.result().items[0].strata[0].selected.len(), 4);
    assert_eq!(
        d.expand(&item, &StratumKey::parse("x").unwrap(), 1)
            .unwrap_err()
            .code()
            .as_str(),
        "stratum_unknown"
    );
}

#[test]
fn expansion_takes_the_next_tickets() {
    let base = Draw::new(input(&[(6, 0)], 30)).unwrap().result();
    let mut d = Draw::new(input(&[(4, 0)], 30)).unwrap();
    d.expand(
        &ItemId::parse("item0").unwrap(),
        &StratumKey::parse("all").unwrap(),
        2,
    )
    .unwrap();
    let r = d.result();
    let a: Vec<_> = r.items[0].strata[0]
        .selected
        .iter()
        .map(|p| p.uscc)
        .collect();
    let b: Vec<_> = base.items[0].strata[0]
        .selected
        .iter()
        .map(|p| p.uscc)
        .collect();
    assert_eq!(a, b, "4 + 2 expansion = a quota of 6");
    assert_eq!(r.expansions[0].added.len(), 2);
}
