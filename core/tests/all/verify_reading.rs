//! Reading published documents (verify spec §11.5): shape errors of a draw log name the
//! entry (`entries[i].event…`), plan faults keep the plan's written order (§11.7).

use crate::verify_fixture::*;
use serde_json::{Value, json};
use shuangsuiji::verify::{DrawLog, Plan, RevealOrder, from_committed_json, verify_plan};

fn read_log(v: &Value) -> shuangsuiji::Error {
    from_committed_json::<DrawLog>(&serde_json::to_vec(v).unwrap()).unwrap_err()
}

fn located(e: &shuangsuiji::Error) -> (String, Option<String>) {
    (e.code().as_str().to_owned(), e.details().field.clone())
}

#[test]
fn log_shape_errors_name_the_entry() {
    let p = plan(RevealOrder::AfterBeacon);
    let log = serde_json::to_value(full_log(&p)).unwrap();
    type Case = (
        &'static str,
        Box<dyn Fn(&mut Value)>,
        (&'static str, Option<&'static str>),
    );
    let cases: Vec<Case> = vec![
        (
            "unknown field",
            Box::new(|v| v["entries"][4]["event"]["note"] = json!("x")),
            ("json_shape", Some("entries[4].event.note")),
        ),
        (
            "missing field",
            Box::new(|v| {
                v["entries"][4]["event"]
                    .as_object_mut()
                    .unwrap()
                    .remove("secret");
            }),
            ("json_shape", Some("entries[4].event.secret")),
        ),
        (
            "wrong type",
            Box::new(|v| v["entries"][4]["event"]["attempt"] = json!("0")),
            ("json_shape", Some("entries[4].event.attempt")),
        ),
        (
            "unknown kind",
            Box::new(|v| v["entries"][4]["event"]["kind"] = json!("shuffle")),
            ("json_shape", Some("entries[4].event.kind")),
        ),
        (
            "bad hex",
            Box::new(|v| v["entries"][4]["event"]["secret"] = json!("AB")),
            ("hex_invalid", Some("entries[4].event.secret")),
        ),
        (
            "lower-case USCC",
            Box::new(|v| {
                let e = &mut v["entries"][8]["event"];
                assert_eq!(e["kind"], "substitution");
                e["substitute"] = json!(e["substitute"].as_str().unwrap().to_lowercase());
            }),
            ("value_not_canonical", Some("entries[8].event.substitute")),
        ),
        (
            "bad entry hash",
            Box::new(|v| v["entries"][4]["hash"] = json!("00")),
            ("hex_invalid", Some("entries[4].hash")),
        ),
    ];
    for (name, f, want) in cases {
        let mut v = log.clone();
        f(&mut v);
        let (code, field) = located(&read_log(&v));
        println!("{name}: {code} {field:?}");
        assert_eq!((code.as_str(), field.as_deref()), want, "{name}");
    }
}

#[test]
fn plan_faults_are_located_in_the_written_order() {
    let p = plan(RevealOrder::AfterBeacon);
    let ph = p.plan_hash().unwrap();
    // The fixture lists SP-02 first: its stratum is items[0].strata[0] as written.
    let mut v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["items"][0]["item_id"], "SP-02");
    v["items"][0]["strata"][0]["quota"] = json!(99);
    let m: Plan = from_committed_json(&serde_json::to_vec(&v).unwrap()).unwrap();
    let (code, field) = located(&verify_plan(&m, &ph).unwrap_err());
    println!("quota > population: {code} {field:?}");
    assert_eq!(code, "count_invalid");
    assert!(field.unwrap_or_default().starts_with("items[0].strata[0]"));
    let mut v = serde_json::to_value(&p).unwrap();
    v["items"][1]["strata"][1]["quota"] = json!("1");
    let e = from_committed_json::<Plan>(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    println!("wrong type: {:?}", located(&e));
    assert_eq!(
        located(&e),
        ("json_shape".into(), Some("items[1].strata[1].quota".into()))
    );
    let mut v = serde_json::to_value(&p).unwrap();
    v["reveal_order"] = json!("whenever");
    let e = from_committed_json::<Plan>(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    println!("reveal order: {:?}", located(&e));
    assert_eq!(
        located(&e),
        ("json_shape".into(), Some("reveal_order".into()))
    );
}
