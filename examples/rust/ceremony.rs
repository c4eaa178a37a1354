//! The whole public-verifiability ceremony on the bundled sample county (霍林郭勒市):
//! eligibility for a joint task of three departments, a plan committed by its hash,
//! a seed ceremony with the three departments and a notary plus a 双色球 beacon, the
//! draw, the published result, the draw log and one receipt per enterprise — written
//! to a folder and verified again from the files alone.
//!
//! Usage: `cargo run -p shuangsuiji-examples --bin ceremony -- [out-dir]`
//! (default `out/ceremony`). The secrets are fixed demo values: never reuse them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::Authority;
use shuangsuiji::publish::{self, PlanMeta, ResultDocument};
use shuangsuiji::rules::{self, PlanRequest, PolicySource, PresetRef};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, BeaconValue, Bytes32, DrawLog, Event, PartyCommitment, Plan, Reveal,
    RevealOrder, commitment, from_committed_json, verify_ceremony,
};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const TASK: &str = "2025-huolinguole-joint-01";
const PARTIES: [(&str, u8); 4] = [
    ("dept-emergency", 0x11),
    ("dept-fire", 0x22),
    ("dept-market", 0x33),
    ("notary-huolinguole", 0x44),
];
/// A 双色球 result written as the lottery prints it; canonicalised before use.
const SSQ_DRAW: &str = "2025024";
const SSQ_VALUE: &str = "05 09 14 22 27 31 + 12";

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/huolinguole")
}

fn read(name: &str) -> Res<Vec<u8>> {
    Ok(fs::read(data_dir().join(name))?)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Res<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    fs::write(path, text)?;
    Ok(())
}

fn authority(id: &str) -> Res<Authority> {
    let v: serde_json::Value = serde_json::from_slice(&read("authorities.json")?)?;
    let list = v
        .get("authorities")
        .and_then(serde_json::Value::as_array)
        .ok_or("authorities.json: no list")?;
    let a = list
        .iter()
        .find(|a| a.get("id").and_then(serde_json::Value::as_str) == Some(id))
        .ok_or("authority not found")?;
    Ok(serde_json::from_value(a.clone())?)
}

fn secret(byte: u8) -> Bytes32 {
    Bytes32([byte; 32])
}

fn run(out: &Path) -> Res<()> {
    let started = Instant::now();
    let opts = |n: &str| ReadOptions::named(n);
    let roster = intake::read_enterprises(&read("enterprises.json")?, &opts("enterprises.json"))?;
    let history = intake::read_history(&read("history.json")?, &opts("history.json"))?;
    let inspectors = intake::read_inspectors(&read("inspectors.json")?, &opts("inspectors.json"))?;
    let catalog = intake::read_catalog(&read("catalog.json")?, &opts("catalog.json"))?;
    let date = chrono_date(2025, 3, 1)?;
    let request = PlanRequest {
        authority: authority("huolinguole-market")?,
        year: 2025,
        date,
        items: [
            "emergency.work_safety",
            "fire.fire_safety",
            "market.food_production",
        ]
        .iter()
        .map(|i| shuangsuiji::model::ItemId::parse(i))
        .collect::<Result<_, _>>()?,
        policy: PolicySource::Preset(PresetRef {
            name: "neimenggu_bayannaoer_2022".into(),
            date: None,
        }),
        cap: Some(rules::CapConfig::default()),
        hierarchy: rules::HierarchyMode::default(),
        force_in: rules::ForceInConfig::default(),
    };
    let report = rules::eligibility(&request, &catalog, &roster, &history)?;

    // 1. The plan, with every party's commitment, before any randomness exists.
    let parties = PARTIES
        .iter()
        .map(|(id, b)| {
            Ok(PartyCommitment {
                party_id: (*id).to_owned(),
                commitment: commitment(id, &secret(*b))?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    let beacon = BeaconSpec {
        source_id: "ssq".into(),
        kind: BeaconKind::CwlSsq,
        series: "cwl.ssq".into(),
        draw: SSQ_DRAW.into(),
    };
    let meta = PlanMeta {
        task_id: TASK.into(),
        reveal_order: RevealOrder::AfterBeacon,
        beacons: vec![beacon],
        parties,
    };
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta)?;
    let plan_hash = plan.plan_hash()?;
    let eligible = publish::eligible_leaves(&report);
    let excluded = publish::excluded_leaves(&report);

    // 2. The ceremony: the beacon first (after_beacon), then every reveal.
    let mut log = DrawLog::new(plan_hash)?;
    let value = shuangsuiji::verify::canonicalize(BeaconKind::CwlSsq, SSQ_VALUE)?;
    log.append(Event::Beacon {
        attempt: 0,
        source: "ssq".into(),
        value: value.clone(),
    })?;
    let reveals: Vec<Reveal> = PARTIES
        .iter()
        .map(|(id, b)| Reveal {
            party: (*id).to_owned(),
            secret: secret(*b),
        })
        .collect();
    for r in &reveals {
        log.append(Event::Reveal {
            attempt: 0,
            party: r.party.clone(),
            secret: r.secret,
        })?;
    }
    let seed = verify_ceremony(
        &plan,
        &reveals,
        &[BeaconValue {
            source: "ssq".into(),
            value,
        }],
        0,
    )?;

    // 3. The draw and the result document; the log records its hash.
    let result = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed)?;
    let head = log.head().ok_or("empty log")?;
    let receipts = publish::receipts(&plan, &eligible, &excluded, &result)?;

    // 4. Publish.
    fs::create_dir_all(out.join("receipts"))?;
    write_json(&out.join("plan.json"), &plan)?;
    fs::write(out.join("plan.hash"), format!("{plan_hash}\n"))?;
    write_json(&out.join("log.json"), &log)?;
    fs::write(out.join("log.head"), format!("{head}\n"))?;
    write_json(&out.join("result.json"), &result)?;
    write_json(&out.join("eligible.json"), &eligible)?;
    write_json(&out.join("catalog.json"), &catalog)?;
    for r in &receipts {
        write_json(&out.join("receipts").join(format!("{}.json", r.uscc)), r)?;
    }
    let written = started.elapsed();

    // 5. Verify everything again from the files alone.
    let text = |n: &str| fs::read_to_string(out.join(n));
    let plan2: Plan = from_committed_json(&fs::read(out.join("plan.json"))?)?;
    let hash2 = Bytes32::from_hex(text("plan.hash")?.trim())?;
    let log2: DrawLog = from_committed_json(&fs::read(out.join("log.json"))?)?;
    let head2 = Bytes32::from_hex(text("log.head")?.trim())?;
    let result2: ResultDocument = from_committed_json(&fs::read(out.join("result.json"))?)?;
    let eligible2: Vec<shuangsuiji::verify::EligibleLeaf> =
        serde_json::from_slice(&fs::read(out.join("eligible.json"))?)?;
    let catalog2 =
        intake::read_catalog(&fs::read(out.join("catalog.json"))?, &opts("catalog.json"))?;
    let summary = publish::verify_draw(
        &plan2, &hash2, &catalog2, &log2, &head2, &eligible2, &result2,
    )?;
    let checker = publish::ReceiptChecker::new(&plan2, &result2)?;
    let mut selected = 0usize;
    let mut count = 0usize;
    for entry in fs::read_dir(out.join("receipts"))? {
        let r: publish::Receipt = from_committed_json(&fs::read(entry?.path())?)?;
        let verdict = checker.verify(&r)?;
        count += 1;
        selected += usize::from(verdict.selected());
    }
    let elapsed = started.elapsed();

    println!("霍林郭勒市 joint task {TASK} (plan date {date})");
    for item in &result2.draw.items {
        for s in &item.strata {
            println!(
                "  {:<24} {:<8} {:<16} N={:>4} n={:>3}",
                item.item_id.as_str(),
                item.department.as_str(),
                s.key.as_str(),
                s.eligible_count,
                s.drawn_count
            );
        }
    }
    println!("plan hash   {plan_hash}");
    println!("seed        {}", summary.seed);
    println!("result hash {}", summary.result_hash);
    println!(
        "log head    {} ({} entries)",
        summary.log_head,
        log2.entries.len()
    );
    println!(
        "visits {}; receipts {count} verified ({selected} selected); excluded {}",
        summary.visits,
        excluded.len()
    );
    println!(
        "written to {} in {} ms; verified in total {} ms",
        out.display(),
        written.as_millis(),
        elapsed.as_millis()
    );
    Ok(())
}

fn chrono_date(y: i32, m: u32, d: u32) -> Res<chrono::NaiveDate> {
    Ok(chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date")?)
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("out/ceremony"), PathBuf::from);
    match run(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ceremony failed: {e}");
            ExitCode::FAILURE
        }
    }
}
