//! Policy lists, law-education entries and matching. The operation vectors are in
//! `tests/vectors/service/policies.ops.json`.

use serde_json::json;
use shuangsuiji::model::Verification;
use shuangsuiji::service::{LawEntry, MatchRequest, PolicyList, match_services, merge_policies};

fn request(on: &str, departments: &[&str]) -> MatchRequest {
    serde_json::from_value(json!({
        "task": {"task_id": "T1", "on": on, "departments": departments},
        "enterprises": [{"uscc": "91350100M000100Y43", "name": "乳品厂", "division": "370102",
            "credit_class": "A", "status": "active", "categories": ["food_production:dairy"]}],
        "policies": PolicyList::food_producers_sample().unwrap(),
        "sizes": {"91350100M000100Y43": "large"},
    }))
    .unwrap()
}

fn policies(m: &shuangsuiji::service::ServiceMatches) -> Vec<&str> {
    m.enterprises[0]
        .policies
        .iter()
        .map(|p| p.document_no.as_str())
        .collect()
}

#[test]
fn every_criterion_a_policy_restricts_must_hold() {
    let all = match_services(&request("2026-03-10", &["market", "health"])).unwrap();
    // large (not micro/small), no clean-record tag: only the unrestricted-size ones
    assert_eq!(
        policies(&all),
        ["示例卫健〔2026〕3号", "示例县政办〔2026〕5号"]
    );
    let market = match_services(&request("2026-03-10", &["market"])).unwrap();
    assert_eq!(policies(&market), ["示例县政办〔2026〕5号"]);
    let expired = match_services(&request("2027-03-10", &["market", "health"])).unwrap();
    assert!(policies(&expired).is_empty());
    // the same request gives the same answer
    assert_eq!(
        all,
        match_services(&request("2026-03-10", &["market", "health"])).unwrap()
    );
}

#[test]
fn a_duplicate_with_other_facts_is_a_conflict_not_a_merge() {
    let mut lists = PolicyList::food_producers_sample().unwrap();
    let merged = merge_policies(&lists).unwrap();
    assert_eq!(merged.policies.len(), 4);
    lists[1].policies[0].issuer = "另一机关".into();
    let merged = merge_policies(&lists).unwrap();
    assert_eq!(merged.policies.len(), 3);
    assert_eq!(merged.conflicts[0].fields, ["issuer"]);
    let mut req = request("2026-03-10", &["market"]);
    req.policies = lists;
    assert_eq!(
        match_services(&req).unwrap_err().code().as_str(),
        "policy_conflict"
    );
}

#[test]
fn bundled_law_entries_cite_verified_articles_and_link_existing_menu_entries() {
    let entries = LawEntry::food_producers().unwrap();
    assert!(entries.len() >= 5);
    for e in &entries {
        assert_eq!(
            e.provenance.verification,
            Verification::Verified,
            "{}",
            e.id
        );
        assert!(e.provenance.effective_from.is_some(), "{}", e.id);
        let law = &e.provenance.document;
        assert!(
            ["食品安全法", "行政处罚法", "食品生产经营监督检查管理办法"]
                .iter()
                .any(|n| law.contains(n)),
            "{law}"
        );
    }
    let links: usize = entries
        .iter()
        .flat_map(|e| &e.violations)
        .map(|v| v.menu_entries.len())
        .sum();
    assert!(links >= 3);
    // the 山东 entry binds an enterprise registered in 370102
    let m = match_services(&request("2026-03-10", &["market"])).unwrap();
    let label = m.enterprises[0]
        .law_entries
        .iter()
        .find(|l| l.id == "food.labels")
        .unwrap();
    assert!(label.menu_entries.iter().all(|l| l.applies));
}

#[test]
fn sample_policies_are_all_marked_synthetic() {
    for p in PolicyList::food_producers_sample()
        .unwrap()
        .iter()
        .flat_map(|l| &l.policies)
    {
        assert_eq!(p.provenance.verification, Verification::Synthetic);
        assert!(p.title.starts_with("（示例）"), "{}", p.title);
    }
}

#[test]
fn a_menu_entry_binds_only_on_days_it_is_in_force() {
    // The SAMR 首违不罚 list of 2025 (in force from 2025-02-07) is linked by the label
    // entry; for a visit in 2024 it does not bind yet, in 2026 it does.
    let link = |on: &str| {
        let m = match_services(&request(on, &["market"])).unwrap();
        m.enterprises[0]
            .law_entries
            .iter()
            .flat_map(|l| &l.menu_entries)
            .find(|l| l.entry_id == "samr-2025-first-offence-6")
            .unwrap()
            .applies
    };
    assert!(!link("2024-09-10"));
    assert!(!link("2025-02-06"));
    assert!(link("2025-02-07"));
    assert!(link("2026-03-10"));
}
