//! The team vectors in tests/vectors/teams/ beyond what the operation-vector runner
//! (`op_vectors`) checks: the ticket vectors (`tickets.json`: the ticket is not a table
//! operation) and the explanation of every expected assignment. `UPDATE_TEAM_VECTORS=1`
//! rewrites the tickets (the assignments are rewritten by `SSJ_BLESS=1` of `op_vectors`)
//! — only for deliberate, reviewed changes of a new algorithm version.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use shuangsuiji::canonical::tagged_hash;

use shuangsuiji::model::{InspectorId, Uscc};
use shuangsuiji::teams::{Seed, TeamRequest, assign, explain, ticket};

use crate::op_vectors::cases;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/teams")
}

fn update() -> bool {
    std::env::var_os("UPDATE_TEAM_VECTORS").is_some()
}

fn run_tickets(doc: &Value) -> Value {
    let mut out = Vec::new();
    for t in doc["tickets"].as_array().expect("tickets") {
        let seed: Seed = serde_json::from_value(t["seed"].clone()).expect("seed");
        let task = t["task_id"].as_str().expect("task");
        let uscc = Uscc::parse(t["uscc"].as_str().expect("uscc")).expect("valid uscc");
        let id = InspectorId::parse(t["inspector"].as_str().expect("id")).expect("valid id");
        let key = tagged_hash(
            "inspector",
            &[
                seed.as_bytes(),
                task.as_bytes(),
                uscc.as_bytes(),
                id.as_str().as_bytes(),
            ],
        )
        .expect("hash");
        let tk = ticket(&seed, task, &uscc, &id).expect("ticket");
        let mut t = t.clone();
        t["key"] = json!(hex::encode(key));
        t["ticket"] = json!(hex::encode(tk.to_be_bytes()));
        out.push(t);
    }
    json!(out)
}

#[test]
fn ticket_vectors() {
    let path = dir().join("tickets.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let got = run_tickets(&doc);
    if update() {
        doc["tickets"] = got;
        let mut s = serde_json::to_string_pretty(&doc).expect("json");
        s.push('\n');
        std::fs::write(&path, s).expect("write");
    } else {
        assert_eq!(doc["tickets"], got);
    }
}

/// Every expected assignment of the `assign_teams` vectors (run by `op_vectors`) is
/// also explainable: one explanation per team.
#[test]
fn every_assignment_vector_is_explained() {
    let cases = cases("/teams/");
    assert!(
        cases.len() >= 10,
        "expected the team vectors, found {}",
        cases.len()
    );
    for case in cases
        .iter()
        .filter(|c| c.get("expect").is_some() && c["op"] == "assign_teams")
    {
        let req: TeamRequest = serde_json::from_value(case["input"]["request"].clone()).unwrap();
        let out = assign(&req).unwrap();
        let ex = explain(&req, &out).expect("explain");
        assert_eq!(ex.len(), out.teams.len(), "{}", case["name"]);
    }
}
