//! The explanation names the reason of every exclusion and the tickets that decided.

use std::collections::BTreeMap;
use std::path::Path;

use shuangsuiji::model::{InspectorId, Uscc};
use shuangsuiji::teams::{CandidateStatus, TeamRequest, assign, explain, why};

fn vector(name: &str) -> TeamRequest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/teams")
        .join(name);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::from_value(doc["cases"][0]["input"]["request"].clone()).unwrap()
}

#[test]
fn reasons_for_withdrawal_rotation_and_inactive() {
    let req = vector("withdrawal_and_rotation.ops.json");
    let out = assign(&req).unwrap();
    let ex = explain(&req, &out).unwrap();
    let status = |v: usize, id: &str| -> CandidateStatus {
        ex[v].departments[0]
            .candidates
            .iter()
            .find(|c| c.inspector.as_str() == id)
            .unwrap()
            .status
    };
    assert_eq!(status(0, "M01"), CandidateStatus::Conflict);
    assert_eq!(status(0, "M04"), CandidateStatus::Rotation);
    assert_eq!(status(0, "M05"), CandidateStatus::Inactive);
    assert_eq!(status(1, "M02"), CandidateStatus::EnterpriseAvoid);
    assert_eq!(status(1, "M05"), CandidateStatus::Inactive);
    // Assigned members are exactly the team, and have the smallest ranks available.
    for (v, team) in out.teams.iter().enumerate() {
        let assigned: Vec<&str> = ex[v].departments[0]
            .candidates
            .iter()
            .filter(|c| c.status == CandidateStatus::Assigned)
            .map(|c| c.inspector.as_str())
            .collect();
        let mut members: Vec<&str> = team.members.iter().map(|m| m.inspector.as_str()).collect();
        let mut a = assigned.clone();
        a.sort_unstable();
        members.sort_unstable();
        assert_eq!(a, members);
        // Every candidate line carries a 32-hex-digit ticket.
        assert!(
            ex[v].departments[0]
                .candidates
                .iter()
                .all(|c| c.ticket.len() == 32)
        );
    }
}

#[test]
fn capacity_exhausted_and_other_department() {
    let req = vector("capacity_forces_reroute.ops.json");
    let out = assign(&req).unwrap();
    let ex = explain(&req, &out).unwrap();
    // Visit 1 (M000001): M01 and M03 are eligible but each spent its capacity of 1 elsewhere.
    let lines: BTreeMap<&str, CandidateStatus> = ex[0]
        .departments
        .iter()
        .find(|d| d.department.as_str() == "market")
        .unwrap()
        .candidates
        .iter()
        .map(|c| (c.inspector.as_str(), c.status))
        .collect();
    assert_eq!(lines["M02"], CandidateStatus::Assigned);
    assert_eq!(lines["M01"], CandidateStatus::CapacityExhausted);
    assert_eq!(lines["M03"], CandidateStatus::CapacityExhausted);
    // Visit 3 needs market.drug: M01 and M02 are not qualified.
    let v3 = &ex[2]
        .departments
        .iter()
        .find(|d| d.department.as_str() == "market")
        .unwrap();
    assert!(
        v3.candidates
            .iter()
            .filter(|c| c.inspector.as_str() != "M03")
            .all(|c| c.status == CandidateStatus::NotQualified)
    );
    let u = Uscc::parse("91150581M000001Y5M").unwrap();
    let f = InspectorId::parse("F01").unwrap();
    let m = InspectorId::parse("M02").unwrap();
    assert_eq!(why(&req, &out, &u, &m).unwrap(), CandidateStatus::Assigned);
    assert!(why(&req, &out, &u, &f).is_ok());
    let mut single = req.clone();
    single.visits[0]
        .departments
        .retain(|d| d.department.as_str() == "market");
    single.visits[0].departments[0].size = 2;
    for i in &mut single.inspectors {
        i.capacity = None;
    }
    let out = assign(&single).unwrap();
    assert_eq!(
        why(&single, &out, &u, &f).unwrap(),
        CandidateStatus::OtherDepartment
    );
}
