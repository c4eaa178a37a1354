//! Inspection outcomes and their 公示 beyond single calls: the commitment in the draw
//! log, tampering named, the log order, and a year of three tasks on the sample county.
//! The golden vectors (`tests/vectors/outcomes/`, `tests/vectors/disclosure/`) are
//! `*.ops.json` files run by `op_vectors` through the operations table.

use std::path::Path;

use serde_json::{Value, json};
use shuangsuiji::Error;
use shuangsuiji::disclosure::{self};
use shuangsuiji::outcomes::{self};

/// Writes the base fixture of the vectors (a draw result and its teams) to the file
/// named by `SSJ_FIXTURE_OUT`; used once to write the vectors, kept to show where
/// their `draw` and `teams` come from.
#[test]
#[ignore = "writes a fixture file; run by hand"]
fn write_base_fixture() {
    let draw = shuangsuiji::draw::draw(
        serde_json::from_value(json!({
            "algorithm": "v1", "task_id": "HLGL-2026-001",
            "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "mode": "fixed",
            "items": [
                {"item_id": "market.food_production", "department": "market", "strata": [
                    {"key": "all", "eligible": ["91150581M000001Y5M", "91150581M000002Y1Y"], "quota": 2}]},
                {"item_id": "fire.fire_safety", "department": "fire", "strata": [
                    {"key": "all", "eligible": ["91150581M000001Y5M"], "quota": 1}]}
            ]
        }))
        .unwrap(),
    )
    .unwrap();
    let v: Value = serde_json::from_slice(
        &std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/vectors/teams/basic_two_departments.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let fixture = json!({"draw": draw, "teams": v["expected"]["assignment"]});
    std::fs::write(
        std::env::var("SSJ_FIXTURE_OUT").unwrap(),
        serde_json::to_string_pretty(&fixture).unwrap(),
    )
    .unwrap();
}

/// A published task in miniature: plan (two items over four enterprises, quota 2, one
/// substitution allowed), ceremony, draw, one substitution (revision 1), teams, the
/// departments' records, and the outcomes committed in the log.
mod published {
    use serde_json::json;
    use shuangsuiji::disclosure::{self, Disclosure};
    use shuangsuiji::draw::{SubstitutionReason, SubstitutionRequest};
    use shuangsuiji::model::{Catalog, Ratio, Uscc};
    use shuangsuiji::outcomes::{OutcomeIntake, OutcomeSet, record_outcomes};
    use shuangsuiji::publish::{self, ResultDocument};
    use shuangsuiji::teams::{self, TeamRequest};
    use shuangsuiji::verify::{
        BeaconKind, BeaconSpec, BeaconValue, Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf,
        InspectorLeaf, MerkleTree, PartyCommitment, Plan, PlanItem, PlanStratum, Reveal,
        RevealOrder, commitment, verify_ceremony,
    };

    pub struct Task {
        pub plan: Plan,
        pub log: DrawLog,
        pub result: ResultDocument,
        pub set: OutcomeSet,
        pub list: Disclosure,
    }

    const USCCS: [&str; 4] = [
        "91150581M000001Y5M",
        "91150581M000002Y1Y",
        "91350100M000100Y43",
        "91350100MA00000155",
    ];

    pub fn task() -> Task {
        let catalog = Catalog::from_json(
            r#"{"id": "demo", "version": "1", "name": "示例清单", "items": [
              {"id": "market.food_production", "name": "食品生产监督检查", "department": "market",
               "kind": "key", "form": "joint", "default_ratio": "1/2",
               "provenance": {"document": "示例", "verification": "synthetic"}},
              {"id": "fire.fire_safety", "name": "消防安全检查", "department": "fire",
               "kind": "key", "form": "joint", "default_ratio": "1/2",
               "provenance": {"document": "示例", "verification": "synthetic"}}]}"#,
        )
        .unwrap();
        let items = ["fire.fire_safety", "market.food_production"];
        let eligible: Vec<EligibleLeaf> = items
            .iter()
            .flat_map(|item| {
                USCCS.iter().map(move |u| EligibleLeaf {
                    uscc: Uscc::parse(u).unwrap(),
                    item_id: (*item).into(),
                    stratum_key: "all".into(),
                })
            })
            .collect();
        let secret = Bytes32([7; 32]);
        let plan = Plan {
            algorithm: "v1".into(),
            task_id: "HLGL-2026-002".into(),
            authority_id: "huolinguole-market".into(),
            year: 2026,
            plan_date: "2026-02-20".parse().unwrap(),
            catalog_hash: Bytes32::from_hex(&catalog.content_hash().unwrap()).unwrap(),
            items: items
                .iter()
                .map(|i| PlanItem {
                    item_id: (*i).into(),
                    strata: vec![PlanStratum {
                        stratum_key: "all".into(),
                        population: 4,
                        quota: 2,
                        ratio: Ratio::new(1, 2).unwrap(),
                        min: 0,
                        max: None,
                    }],
                })
                .collect(),
            eligible: MerkleTree::from_leaves(&eligible).unwrap().commitment(),
            excluded: MerkleTree::from_leaves::<ExcludedLeaf>(&[])
                .unwrap()
                .commitment(),
            inspectors: MerkleTree::from_leaves::<InspectorLeaf>(&[])
                .unwrap()
                .commitment(),
            reveal_order: RevealOrder::BeforeBeacon,
            beacons: vec![BeaconSpec {
                source_id: "ssq".into(),
                kind: BeaconKind::CwlSsq,
                series: "cwl.ssq".into(),
                draw: "2026024".into(),
            }],
            parties: vec![PartyCommitment {
                party_id: "notary".into(),
                commitment: commitment("notary", &secret).unwrap(),
            }],
            max_substitutions: 1,
            tags_hash: None,
        };
        let mut log = DrawLog::new(plan.plan_hash().unwrap()).unwrap();
        log.append(Event::Reveal {
            attempt: 0,
            party: "notary".into(),
            secret,
        })
        .unwrap();
        let value = "05.09.14.22.27.31+12".to_owned();
        log.append(Event::Beacon {
            attempt: 0,
            source: "ssq".into(),
            value: value.clone(),
        })
        .unwrap();
        let reveal = Reveal {
            party: "notary".into(),
            secret,
        };
        let seed = verify_ceremony(
            &plan,
            &[reveal],
            &[BeaconValue {
                source: "ssq".into(),
                value,
            }],
            0,
        )
        .unwrap();
        let drawn = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed).unwrap();
        // The first visited enterprise cannot be reached: replaced in every item.
        let gone = drawn.draw.visits[0].uscc;
        let result = publish::publish_substitutions(
            &plan,
            &eligible,
            &catalog,
            &mut log,
            &drawn,
            &[SubstitutionRequest {
                uscc: gone,
                item_id: None,
                reason: SubstitutionReason::Unreachable,
                evidence: Some("核查记录 2026-01".into()),
            }],
        )
        .unwrap();
        let visits: Vec<_> = result
            .draw
            .visits
            .iter()
            .map(|v| {
                json!({"uscc": v.uscc, "lead_department": "market", "departments":
                    v.departments.iter().map(|d| json!({"department": d,
                        "size": if d.as_str() == "market" { 2 } else { 1 }})).collect::<Vec<_>>()})
            })
            .collect();
        let request: TeamRequest = serde_json::from_value(json!({
            "algorithm": "v1", "task_id": "HLGL-2026-002", "seed": seed,
            "visits": visits,
            "inspectors": [
                {"id": "M1", "department": "market", "certified": true},
                {"id": "M2", "department": "market", "certified": true},
                {"id": "M3", "department": "market", "certified": true},
                {"id": "M4", "department": "market", "certified": true},
                {"id": "F1", "department": "fire", "certified": true},
                {"id": "F2", "department": "fire", "certified": true}]
        }))
        .unwrap();
        let teams = teams::assign(&request).unwrap();
        let records: Vec<_> = teams
            .teams
            .iter()
            .flat_map(|t| {
                let visit = result
                    .draw
                    .visits
                    .iter()
                    .find(|v| v.uscc == t.uscc)
                    .unwrap();
                let officers: Vec<_> = t.members.iter().map(|m| m.inspector.clone()).collect();
                visit.departments.iter().map(move |d| {
                    let items: Vec<_> = visit
                        .items
                        .iter()
                        .filter(|i| &i.department == d)
                        .map(|i| json!({"item_id": i.item_id, "category": "no_problem"}))
                        .collect();
                    json!({"uscc": t.uscc, "department": d, "date": "2026-03-10",
                        "recorded_on": "2026-03-20", "officers": officers, "findings": items})
                })
            })
            .collect();
        let intake: OutcomeIntake = serde_json::from_value(json!({
            "draw": result.draw, "teams": teams,
            "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
            "records": records
        }))
        .unwrap();
        let set = record_outcomes(&intake).unwrap();
        disclosure::publish_outcomes(&mut log, &result, &set).unwrap();
        let list = disclosure::disclose(&result.draw, &set, "2026-04-30".parse().unwrap()).unwrap();
        Task {
            plan,
            log,
            result,
            set,
            list,
        }
    }
}

#[test]
fn committed_outcomes_verify_and_the_log_accepts_the_event() {
    let t = published::task();
    let summary = shuangsuiji::verify::verify_log(&t.plan, &t.log, None).unwrap();
    assert_eq!(
        summary.attempts[0].outcomes_hash,
        Some(disclosure::outcomes_hash(&t.set).unwrap())
    );
    let report = disclosure::verify_disclosure(&t.log, &t.result, &t.set, &t.list).unwrap();
    assert!(report.complete, "{report:?}");
    // The replaced enterprise is covered by its logged substitution.
    assert_eq!(report.substitutions.len(), 2);
    assert_eq!(report.substitutions[0].reason.as_str(), "unreachable");
}

#[test]
fn a_tampered_published_result_is_named() {
    let t = published::task();
    let mut forged = t.list.clone();
    let (i, j) = (1, 0);
    forged.records[i].results[j].findings[0].category = outcomes::FindingCategory::Corrected;
    let e = disclosure::verify_disclosure(&t.log, &t.result, &t.set, &forged).unwrap_err();
    assert_eq!(e.code().as_str(), "disclosure_mismatch");
    assert_eq!(
        e.details().field.as_deref(),
        Some("records[1].results[0].findings[0].category")
    );
    assert_eq!(
        e.details().extra["enterprise"],
        t.list.records[1].uscc.as_str()
    );
    // A late date passed off as on time.
    let mut forged = t.list.clone();
    forged.records[0].results[0].recorded_on = Some("2026-03-11".parse().unwrap());
    let e = disclosure::verify_disclosure(&t.log, &t.result, &t.set, &forged).unwrap_err();
    assert_eq!(
        e.details().field.as_deref(),
        Some("records[0].results[0].recorded_on")
    );
    // A record dropped from the list.
    let mut forged = t.list.clone();
    forged.records.pop();
    let e = disclosure::verify_disclosure(&t.log, &t.result, &t.set, &forged).unwrap_err();
    assert_eq!(e.code().as_str(), "disclosure_mismatch");
}

#[test]
fn a_changed_outcome_set_or_log_is_named() {
    let t = published::task();
    // The set changed after its commitment (and the list recomputed from it).
    let mut set = t.set.clone();
    set.records[0].findings[0].category = outcomes::FindingCategory::InfoFalse;
    let e = disclosure::verify_disclosure(&t.log, &t.result, &set, &t.list).unwrap_err();
    assert_eq!(e.code().as_str(), "disclosure_mismatch");
    assert_eq!(e.details().field.as_deref(), Some("outcomes_hash"));
    // The list claims another set.
    let mut list = t.list.clone();
    list.outcomes_hash = shuangsuiji::verify::Bytes32([0; 32]);
    let e = disclosure::verify_disclosure(&t.log, &t.result, &t.set, &list).unwrap_err();
    assert_eq!(e.details().field.as_deref(), Some("outcomes_hash"));
    // A log without the outcomes event.
    let mut log = t.log.clone();
    log.entries.pop();
    let e = disclosure::verify_disclosure(&log, &t.result, &t.set, &t.list).unwrap_err();
    assert_eq!(e.details().field.as_deref(), Some("log"));
    // The event's hash edited in place: the chain breaks there.
    let mut log = t.log.clone();
    let last = log.entries.len() - 1;
    if let shuangsuiji::verify::Event::Outcomes { outcomes_hash, .. } = &mut log.entries[last].event
    {
        *outcomes_hash = shuangsuiji::verify::Bytes32([1; 32]);
    }
    let e = disclosure::verify_disclosure(&log, &t.result, &t.set, &t.list).unwrap_err();
    assert_eq!(e.code().as_str(), "log_chain_broken");
    assert_eq!(
        e.details().field.as_deref(),
        Some(format!("entries[{last}].hash").as_str())
    );
    // The draw's own result (revision 0) instead of the revision the outcomes answer to.
    let mut result = t.result.clone();
    result.revision = 0;
    let e = disclosure::verify_disclosure(&t.log, &result, &t.set, &t.list).unwrap_err();
    assert_eq!(e.details().field.as_deref(), Some("result"));
}

/// Appends an `outcomes` event naming revision 0 and verifies the log: the error.
fn outcomes_at_revision_0(
    mut log: shuangsuiji::verify::DrawLog,
    t: &published::Task,
    hash: shuangsuiji::verify::Bytes32,
) -> Error {
    log.append(shuangsuiji::verify::Event::Outcomes {
        attempt: 0,
        revision: 0,
        outcomes_hash: hash,
    })
    .unwrap();
    shuangsuiji::verify::verify_log(&t.plan, &log, None).unwrap_err()
}

#[test]
fn the_log_orders_the_outcomes_event() {
    let t = published::task();
    let hash = disclosure::outcomes_hash(&t.set).unwrap();
    // Right after plan_published: before the draw.
    let mut log = shuangsuiji::verify::DrawLog::new(t.plan.plan_hash().unwrap()).unwrap();
    for e in t.log.entries.iter().skip(1).take(2) {
        log.append(e.event.clone()).unwrap();
    }
    let e = outcomes_at_revision_0(log, &t, hash);
    assert_eq!(e.code().as_str(), "log_order");
    assert_eq!(e.details().field.as_deref(), Some("entries[3].event.kind"));
    // After the revision, naming the draw's revision 0.
    let mut log = t.log.clone();
    log.entries.pop();
    let e = outcomes_at_revision_0(log, &t, hash);
    assert_eq!(e.code().as_str(), "log_order");
    assert!(
        e.details()
            .field
            .as_deref()
            .unwrap()
            .ends_with(".event.revision")
    );
}

/// Without the `xlsx` feature the workbook export is refused like workbook reading.
#[cfg(not(feature = "xlsx"))]
#[test]
fn xlsx_export_needs_the_feature() {
    let t = published::task();
    let e = disclosure::disclosure_xlsx(&t.list).unwrap_err();
    assert_eq!(e.code().as_str(), "xlsx_unsupported");
}

#[test]
fn exports_carry_the_chinese_headers() {
    let t = published::task();
    let csv = disclosure::disclosure_csv(&t.list).unwrap();
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    assert!(text.starts_with(&disclosure::CSV_HEADERS.join(",")));
    let rows: usize = t
        .list
        .records
        .iter()
        .flat_map(|r| &r.results)
        .map(|r| r.findings.len().max(1))
        .sum();
    assert_eq!(text.lines().count(), 1 + rows);
    #[cfg(feature = "xlsx")]
    {
        // Read back cell by cell in the unit tests of core/src/disclosure/xlsx.rs.
        let xlsx = disclosure::disclosure_xlsx(&t.list).unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"));
        assert_eq!(xlsx, disclosure::disclosure_xlsx(&t.list).unwrap());
    }
}

/// The synthetic outcome generator the `county` example uses too.
#[path = "../../../examples/rust/synthetic_outcomes.rs"]
mod synthetic;

/// A year in the sample county: three tasks in sequence, each one's outcomes fed back
/// as history into the next one's eligibility.
mod year {
    use std::path::Path;

    use serde_json::json;
    use shuangsuiji::intake::{self, ReadOptions};
    use shuangsuiji::model::{Authority, Catalog, CheckRecord, InspectorRoster, Roster};
    use shuangsuiji::outcomes::{self, CheckWindow, OutcomeIntake};
    use shuangsuiji::rules::{self, EligibilityReport, PlanRequest};
    use shuangsuiji::teams::{self, Staffing};

    use super::synthetic;

    pub struct County {
        pub catalog: Catalog,
        pub roster: Roster,
        pub inspectors: InspectorRoster,
        pub authorities: Vec<Authority>,
    }

    fn read(name: &str) -> Vec<u8> {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../examples/data/huolinguole")
                .join(name),
        )
        .unwrap()
    }

    pub fn county() -> County {
        let authorities: serde_json::Value =
            serde_json::from_slice(&read("authorities.json")).unwrap();
        County {
            catalog: intake::read_catalog(
                &read("catalog.json"),
                &ReadOptions::named("catalog.json"),
            )
            .unwrap(),
            roster: intake::read_enterprises(
                &read("enterprises.json"),
                &ReadOptions::named("enterprises.json"),
            )
            .unwrap(),
            inspectors: intake::read_inspectors(
                &read("inspectors.json"),
                &ReadOptions::named("inspectors.json"),
            )
            .unwrap(),
            authorities: serde_json::from_value(authorities["authorities"].clone()).unwrap(),
        }
    }

    impl County {
        fn authority(&self, id: &str) -> Authority {
            self.authorities
                .iter()
                .find(|a| a.id == id)
                .unwrap()
                .clone()
        }

        /// Plans, draws, staffs and records one task; returns its eligibility report and
        /// the check history it adds.
        pub fn task(
            &self,
            task_id: &str,
            authority: &str,
            date: &str,
            items: &[&str],
            window: (&str, &str),
            history: &[CheckRecord],
        ) -> (EligibilityReport, Vec<CheckRecord>) {
            let planner = self.authority(authority);
            let request: PlanRequest = serde_json::from_value(json!({
                "authority": planner, "year": 2025, "date": date, "items": items,
                "policy": {"preset": {"name": "henan_2021"}}, "hierarchy": "same_year",
            }))
            .unwrap();
            let report =
                rules::eligibility(&request, &self.catalog, &self.roster, history).unwrap();
            let seed = format!("{:0>64}", hex_of(task_id));
            let draw = shuangsuiji::draw::draw(
                synthetic::draw_input(&report, &self.catalog, task_id, &seed).unwrap(),
            )
            .unwrap();
            let staffing: Staffing = serde_json::from_value(json!({
                "lead_department": "market", "sizes": {"market": 2},
                "config": {"max_per_inspector": 40},
            }))
            .unwrap();
            let request =
                teams::team_request(&draw, &self.roster, &self.inspectors, history, &staffing)
                    .unwrap();
            let teams = teams::assign(&request).unwrap();
            let window = CheckWindow {
                first_day: window.0.parse().unwrap(),
                last_day: window.1.parse().unwrap(),
            };
            let records = synthetic::records(&draw, &teams, window);
            let expected: usize = draw.visits.iter().map(|v| v.departments.len()).sum();
            assert_eq!(
                records.len(),
                expected,
                "one record per department of each visit"
            );
            let set = outcomes::record_outcomes(&OutcomeIntake {
                draw: draw.clone(),
                teams,
                window,
                min_certified: 2,
                accepted: None,
                records,
            })
            .unwrap();
            // Each department's authority at the planner's level (its own for market).
            let level_of = |d: &shuangsuiji::model::DepartmentCode| {
                self.authorities
                    .iter()
                    .find(|a| {
                        &a.department == d
                            && a.level == planner.level
                            && a.jurisdiction == planner.jurisdiction
                    })
                    .or_else(|| {
                        self.authorities.iter().find(|a| {
                            &a.department == d && a.level == shuangsuiji::model::Level::County
                        })
                    })
                    .unwrap()
                    .clone()
            };
            let mut departments: Vec<_> =
                set.records.iter().map(|r| r.department.clone()).collect();
            departments.sort();
            departments.dedup();
            let authorities: Vec<Authority> = departments.iter().map(level_of).collect();
            let history = outcomes::check_records(&set, &authorities).unwrap();
            // A joint visit is one visit, however many departments recorded it.
            let keys: std::collections::BTreeSet<_> =
                history.iter().map(CheckRecord::visit_key).collect();
            assert_eq!(keys.len(), draw.visits.len());
            (report, history)
        }
    }

    fn hex_of(s: &str) -> String {
        s.bytes()
            .map(|b| format!("{:02x}", b % 16))
            .collect::<String>()
            .chars()
            .take(64)
            .collect()
    }
}

#[test]
fn a_year_in_the_sample_county() {
    use std::collections::{BTreeMap, BTreeSet};

    use shuangsuiji::rules::ReasonCode;

    let county = year::county();
    let mut history = Vec::new();
    // 1. The prefecture's market bureau checks food producers in the county in March.
    let (_, t1) = county.task(
        "TL-2025-01",
        "tongliao-market",
        "2025-03-03",
        &["market.food_production"],
        ("2025-03-10", "2025-03-28"),
        &history,
    );
    history.extend(t1.iter().cloned());
    // 2. The county's joint task in May: food production and pollution permits.
    let (r2, t2) = county.task(
        "HLGL-2025-02",
        "huolinguole-market",
        "2025-05-06",
        &["market.food_production", "eco_env.pollution_permit"],
        ("2025-05-12", "2025-05-30"),
        &history,
    );
    // A county task after a prefecture task excludes what the prefecture checked.
    let prefecture: BTreeSet<_> = t1.iter().map(|r| r.uscc).collect();
    assert!(!prefecture.is_empty());
    let food = r2
        .items
        .iter()
        .find(|i| i.item.as_str() == "market.food_production")
        .unwrap();
    for u in &prefecture {
        let ex = food
            .excluded
            .iter()
            .find(|e| e.uscc == *u)
            .unwrap_or_else(|| panic!("{u} not excluded"));
        let reason = ex
            .reasons
            .iter()
            .find(|r| r.code == ReasonCode::CheckedByHigherLevel)
            .unwrap();
        assert_eq!(reason.visits[0].visit_key, format!("TL-2025-01|{u}"));
    }
    history.extend(t2.iter().cloned());
    // 3. September: whoever was checked twice (by the prefecture and in May's joint
    //    visit, counted once however many departments came) is excluded by the cap.
    let (r3, _) = county.task(
        "HLGL-2025-03",
        "huolinguole-market",
        "2025-09-01",
        &[
            "market.food_production",
            "eco_env.pollution_permit",
            "fire.fire_safety",
        ],
        ("2025-09-08", "2025-09-26"),
        &history,
    );
    let mut visits: BTreeMap<_, BTreeSet<String>> = BTreeMap::new();
    for r in &history {
        visits.entry(r.uscc).or_default().insert(r.visit_key());
    }
    let twice: Vec<_> = visits
        .iter()
        .filter(|(_, v)| v.len() >= 2)
        .map(|(u, _)| *u)
        .collect();
    assert!(!twice.is_empty(), "no enterprise was checked twice");
    for item in &r3.items {
        for u in &twice {
            let ex = item
                .excluded
                .iter()
                .find(|e| e.uscc == *u)
                .unwrap_or_else(|| {
                    panic!(
                        "{u} checked twice but not excluded from {}",
                        item.item.as_str()
                    )
                });
            let cap = ex
                .reasons
                .iter()
                .find(|r| r.code == ReasonCode::YearlyCapReached)
                .unwrap();
            let keys: BTreeSet<_> = cap.visits.iter().map(|v| v.visit_key.clone()).collect();
            assert_eq!(keys, visits[u], "{u}");
        }
    }
    // Checked once (by the county in May) is not a reason to exclude.
    let once: Vec<_> = visits
        .iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(u, _)| *u)
        .collect();
    let fire = r3
        .items
        .iter()
        .find(|i| i.item.as_str() == "fire.fire_safety")
        .unwrap();
    assert!(
        once.iter()
            .any(|u| fire.strata.iter().any(|s| s.eligible.contains(u)))
    );
}

/// The miniature published task as the documents `verify_disclosure` reads: log, result
/// document, outcome set and 公示 list.
fn published_documents() -> Value {
    let t = published::task();
    json!({"log": t.log, "result": t.result, "outcomes": t.set, "disclosure": t.list})
}

/// Writes the published documents to the file named by `SSJ_FIXTURE_OUT`; used once to
/// write the catalogue's `disclosure_mismatch` case (tests/vectors/errors/outcomes.json),
/// kept to show where its input comes from.
#[test]
#[ignore = "writes a fixture file; run by hand"]
fn write_published_fixture() {
    std::fs::write(
        std::env::var("SSJ_FIXTURE_OUT").unwrap(),
        serde_json::to_string_pretty(&published_documents()).unwrap(),
    )
    .unwrap();
}

/// The catalogue's `disclosure_mismatch` case (run by the three catalogue runners) is
/// the published task of this file with one finding's category changed on the 公示
/// list, and its expected error is the one `verify_disclosure` gives here; the op vector
/// `disclosure/verify_disclosure_published` is the task unchanged.
#[test]
fn the_catalogue_disclosure_mismatch_case_is_the_published_task_tampered() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/errors/outcomes.json");
    let file: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let case = file["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "disclosure_mismatch")
        .expect("the catalogue has a disclosure_mismatch case");
    // The op vector verify_disclosure_published is the untampered task.
    let vector = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/disclosure/verify_disclosure_published.ops.json");
    let vector: Value = serde_json::from_slice(&std::fs::read(vector).unwrap()).unwrap();
    assert_eq!(vector["cases"][0]["input"], published_documents());
    let mut want = published_documents();
    want["disclosure"]["records"][1]["results"][0]["findings"][0]["category"] = json!("corrected");
    assert_eq!(case["operation"], "verify_disclosure");
    assert_eq!(case["input"], want);
    let t = published::task();
    let e = disclosure::verify_disclosure(
        &t.log,
        &t.result,
        &t.set,
        &serde_json::from_value(want["disclosure"].clone()).unwrap(),
    )
    .unwrap_err();
    assert_eq!(case["expected"]["code"], e.code().as_str());
    assert_eq!(
        case["expected"]["details"]["field"],
        json!(e.details().field)
    );
    assert_eq!(
        case["expected"]["details"]["enterprise"],
        e.details().extra["enterprise"]
    );
}
