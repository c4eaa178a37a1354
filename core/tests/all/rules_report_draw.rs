//! `rules::draw_eligible` (issue #25: the draw from an eligibility report kept in a
//! binding) is the `draw` of the result document the ceremony publishes for the same
//! plan, eligible leaves and seed.

use crate::publish_fixture::{fixture, fixture_with};
use shuangsuiji::rules::draw_eligible;
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
