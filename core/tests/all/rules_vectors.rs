//! What the eligibility vectors (`tests/vectors/eligibility/*.ops.json`, run by the
//! operation-vector runner `op_vectors`) must show besides their results: every reason
//! code appears in some expected report, and every expected report reads back as an
//! [`EligibilityReport`] equal to the library's (the JSON shape is the type's).

use shuangsuiji::ops::run_operation;
use shuangsuiji::rules::EligibilityReport;

use crate::op_vectors::cases;

#[test]
fn eligibility_vectors_show_every_reason_and_round_trip() {
    let mut cases = cases("/eligibility/");
    assert!(cases.len() >= 20, "vectors missing: {}", cases.len());
    // The tag effects' vectors (tests/vectors/profile/eligibility_with_tags.ops.json).
    cases.extend(
        crate::op_vectors::cases("/profile/")
            .into_iter()
            .filter(|c| c["op"] == "eligibility_with_tags"),
    );
    let mut codes_seen = std::collections::BTreeSet::new();
    for case in cases.iter().filter(|c| c.get("expect").is_some()) {
        let name = case["name"].as_str().unwrap();
        let back: EligibilityReport = serde_json::from_value(case["expect"].clone()).unwrap();
        let got = run_operation(case["op"].as_str().unwrap(), &case["input"]).unwrap();
        let report: EligibilityReport = serde_json::from_value(got).unwrap();
        assert_eq!(back, report, "{name}: expected report does not round-trip");
        for it in &report.items {
            for x in it.excluded.iter().chain(&it.focus) {
                codes_seen.extend(x.reasons.iter().map(|r| r.code.as_str()));
            }
            codes_seen.extend(
                it.strata
                    .iter()
                    .filter_map(|s| s.reason.as_ref().map(|r| r.code.as_str())),
            );
            if !it.forced_in.is_empty() {
                codes_seen.insert("forced_in");
            }
        }
    }
    for code in shuangsuiji::rules::ReasonCode::ALL {
        assert!(
            codes_seen.contains(code.as_str()),
            "no vector shows {}",
            code.as_str()
        );
    }
}
