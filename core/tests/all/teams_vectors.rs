//! Runs the golden vectors in tests/vectors/teams/ (data only, shared with the Python
//! and JavaScript bindings). `UPDATE_TEAM_VECTORS=1` rewrites the expected values —
//! only for deliberate, reviewed changes of a new algorithm version.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use shuangsuiji::canonical::tagged_hash;
use shuangsuiji::model::{InspectorId, Uscc};
use shuangsuiji::teams::{Seed, TeamRequest, assign, explain, ticket};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/teams")
}

fn update() -> bool {
    std::env::var_os("UPDATE_TEAM_VECTORS").is_some()
}

fn run_assign(doc: &Value) -> Value {
    let req: TeamRequest = match serde_json::from_value(doc["request"].clone()) {
        Ok(r) => r,
        Err(e) => {
            let e = shuangsuiji::Error::from_json(&e);
            return json!({"error": {"code": e.code().as_str()}});
        }
    };
    match assign(&req) {
        Ok(out) => {
            // Every assignment must also be explainable.
            let ex = explain(&req, &out).expect("explain");
            assert_eq!(ex.len(), out.teams.len());
            json!({"assignment": out})
        }
        Err(e) => {
            let v = serde_json::to_value(&e).expect("error json");
            json!({"error": {"code": v["code"], "details": v["details"]}})
        }
    }
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
fn team_vectors() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("vector dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the team vectors, found {}",
        files.len()
    );
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        let mut doc: Value = serde_json::from_str(&text).expect("json");
        let name = path.display().to_string();
        if doc.get("tickets").is_some() {
            let got = run_tickets(&doc);
            if update() {
                doc["tickets"] = got;
            } else {
                assert_eq!(doc["tickets"], got, "{name}");
            }
        } else {
            let got = run_assign(&doc);
            if update() {
                doc["expected"] = got;
            } else {
                assert_eq!(doc["expected"], got, "{name}");
            }
        }
        if update() {
            let mut s = serde_json::to_string_pretty(&doc).expect("json");
            s.push('\n');
            std::fs::write(&path, s).expect("write");
        }
    }
}
