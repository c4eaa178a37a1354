//! `rules::draw_eligible` (issue #25: the draw from an eligibility report kept in a
//! binding) is the `draw` of the result document the ceremony publishes for the same
//! plan, eligible leaves and seed; its input, built from the report's lists per stratum,
//! is `draw_record::draw_input`'s (through the eligible leaves), errors included, also on
//! reports edited at random.

use proptest::prelude::*;

use crate::publish_fixture::{Fixture, fixture, fixture_with};
use shuangsuiji::draw_record::draw_input;
use shuangsuiji::rules::{ForcedIn, ReasonCode, draw_eligible, report_draw_input};
use shuangsuiji::verify::Bytes32;

#[test]
fn equals_the_published_draw() {
    for f in [fixture(300), fixture_with(500, 2)] {
        let drawn = draw_eligible(&f.report, &f.catalog, &f.plan, &f.seed).unwrap();
        assert!(!drawn.visits.is_empty());
        assert_eq!(drawn, f.result.draw);
        let other = draw_eligible(&f.report, &f.catalog, &f.plan, &Bytes32([7; 32])).unwrap();
        assert_ne!(other, f.result.draw);
    }
}

#[test]
fn a_report_the_plan_does_not_list_is_refused() {
    let f = fixture(300);
    let mut report = f.report.clone();
    report.items[0].strata[0].key = "Z".to_owned();
    report.items[0].strata[0].eligible = f.report.items[0].strata[1].eligible.clone();
    let e = draw_eligible(&report, &f.catalog, &f.plan, &f.seed).unwrap_err();
    assert_eq!(e.code().as_str(), "root_mismatch");
}

/// Both inputs, or both errors (code, message, details).
fn same_input(f: &Fixture, report: &shuangsuiji::rules::EligibilityReport) -> bool {
    let a = report_draw_input(report, &f.catalog, &f.plan, &f.seed);
    let b = draw_input(
        report,
        &f.catalog,
        &f.plan,
        &f.seed,
        f.plan.max_substitutions,
    );
    match (a, b) {
        (Ok(a), Ok(b)) => a == b,
        (Err(a), Err(b)) => format!("{a:?}") == format!("{b:?}"),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Edits: a stratum renamed (to another's key or an unknown one), enterprises moved
    /// between strata or items, one listed twice, one forced in.
    #[test]
    fn the_input_is_the_leaves_input(edits in proptest::collection::vec((0usize..5, 0usize..64, 0usize..64), 0..4)) {
        let f = fixture(120);
        let mut report = f.report.clone();
        for (kind, a, b) in edits {
            let ni = report.items.len();
            let (i, j) = (a % ni, b % ni);
            let (ns_i, ns_j) = (report.items[i].strata.len(), report.items[j].strata.len());
            if ns_i == 0 || ns_j == 0 {
                continue;
            }
            let (s, t) = (a % ns_i, b % ns_j);
            match kind {
                0 => report.items[i].strata[s].key = report.items[j].strata[t].key.clone(),
                1 => report.items[i].strata[s].key = "Z".to_owned(),
                2 => {
                    if let Some(u) = report.items[i].strata[s].eligible.pop() {
                        report.items[j].strata[t].eligible.insert(0, u);
                    }
                }
                3 => {
                    if let Some(&u) = report.items[i].strata[s].eligible.first() {
                        report.items[j].strata[t].eligible.push(u);
                    }
                }
                _ => {
                    if let Some(u) = report.items[i].strata[s].eligible.pop() {
                        report.items[j].forced_in.push(ForcedIn { uscc: u, reason: ReasonCode::ForcedIn, why: Vec::new() });
                    }
                }
            }
        }
        prop_assert!(same_input(&f, &report));
    }
}

#[test]
fn the_input_is_the_leaves_input_on_the_fixtures() {
    for f in [fixture(300), fixture_with(500, 2)] {
        assert!(same_input(&f, &f.report));
        let mut unknown = f.catalog.clone();
        let json = serde_json::to_value(&unknown).unwrap();
        let mut json = json;
        json["items"]
            .as_array_mut()
            .unwrap()
            .retain(|i| i["id"] != f.plan.items[0].item_id.as_str());
        unknown = serde_json::from_value(json).unwrap();
        let a = report_draw_input(&f.report, &unknown, &f.plan, &f.seed).unwrap_err();
        let b = draw_input(
            &f.report,
            &unknown,
            &f.plan,
            &f.seed,
            f.plan.max_substitutions,
        )
        .unwrap_err();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(a.code().as_str(), "item_unknown");
    }
}
