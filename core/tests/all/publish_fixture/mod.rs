//! A small whole ceremony on part of the sample county, shared by the publication
//! tests: eligibility → plan (with one forced-in enterprise) → ceremony → draw →
//! result → receipts.

#![allow(dead_code)]

use std::path::PathBuf;

use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::{Authority, Catalog, ItemId, Roster};
use shuangsuiji::publish::{self, PlanMeta, Receipt, ResultDocument};
use shuangsuiji::rules::{
    self, EligibilityReport, ForcedIn, PlanRequest, PolicySource, PresetRef, ReasonCode,
};
use shuangsuiji::verify::{
    BeaconKind, BeaconSpec, BeaconValue, Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf,
    PartyCommitment, Plan, Reveal, RevealOrder, commitment, verify_ceremony,
};

pub const TASK: &str = "2025-huolinguole-joint-test";
pub const PARTIES: [(&str, u8); 4] = [
    ("dept-emergency", 0x11),
    ("dept-fire", 0x22),
    ("dept-market", 0x33),
    ("notary", 0x44),
];
pub const SSQ: &str = "05.09.14.22.27.31+12";

#[derive(Clone)]
pub struct Fixture {
    pub catalog: Catalog,
    pub report: EligibilityReport,
    pub plan: Plan,
    pub plan_hash: Bytes32,
    pub eligible: Vec<EligibleLeaf>,
    pub excluded: Vec<ExcludedLeaf>,
    pub log: DrawLog,
    pub head: Bytes32,
    pub seed: Bytes32,
    pub result: ResultDocument,
    pub receipts: Vec<Receipt>,
}

fn data(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/huolinguole")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn secret(b: u8) -> Bytes32 {
    Bytes32([b; 32])
}

/// Every party's reveal of its secret.
pub fn reveals() -> Vec<Reveal> {
    PARTIES
        .iter()
        .map(|(id, b)| Reveal {
            party: (*id).into(),
            secret: secret(*b),
        })
        .collect()
}

/// Moves the first eligible enterprise of the first item into `forced_in`, fixing
/// the stratum's N and quota.
fn force_one(report: &mut EligibilityReport) {
    let item = &mut report.items[0];
    let s = item
        .strata
        .iter_mut()
        .find(|s| !s.eligible.is_empty())
        .unwrap();
    let uscc = s.eligible.remove(0);
    s.population -= 1;
    s.quota = rules::quota(s.population, s.ratio, s.min, s.max).unwrap();
    item.forced_in.push(ForcedIn {
        uscc,
        reason: ReasonCode::ForcedIn,
        why: Vec::new(),
    });
}

/// The ceremony over `n` enterprises of the county (every `len/n`-th).
pub fn fixture(n: usize) -> Fixture {
    fixture_with(n, 0)
}

/// As [`fixture`], with a plan that allows `max_substitutions` per stratum.
pub fn fixture_with(n: usize, max_substitutions: u32) -> Fixture {
    let opts = |f: &str| ReadOptions::named(f);
    let full =
        intake::read_enterprises(&data("enterprises.json"), &opts("enterprises.json")).unwrap();
    let step = (full.len() / n).max(1);
    let roster = Roster::new(
        full.enterprises()
            .iter()
            .step_by(step)
            .take(n)
            .cloned()
            .collect(),
    )
    .unwrap();
    let history = intake::read_history(&data("history.json"), &opts("history.json")).unwrap();
    let inspectors =
        intake::read_inspectors(&data("inspectors.json"), &opts("inspectors.json")).unwrap();
    let catalog = intake::read_catalog(&data("catalog.json"), &opts("catalog.json")).unwrap();
    let authority: Authority = serde_json::from_value(serde_json::json!({
        "id": "huolinguole-market", "department": "market", "level": "county",
        "jurisdiction": "150581", "name": "霍林郭勒市市场监督管理局"
    }))
    .unwrap();
    let request = PlanRequest {
        authority,
        year: 2025,
        date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
        items: [
            "emergency.work_safety",
            "fire.fire_safety",
            "market.food_production",
        ]
        .iter()
        .map(|i| ItemId::parse(i).unwrap())
        .collect(),
        policy: PolicySource::Preset(PresetRef {
            name: "neimenggu_bayannaoer_2022".into(),
            date: None,
        }),
        cap: Some(rules::CapConfig::default()),
        cap_preset: None,
        coverage: None,
        hierarchy: rules::HierarchyMode::default(),
        force_in: rules::ForceInConfig::default(),
    };
    let mut report = rules::eligibility(&request, &catalog, &roster, &history).unwrap();
    force_one(&mut report);
    let parties = PARTIES
        .iter()
        .map(|(id, b)| PartyCommitment {
            party_id: (*id).into(),
            commitment: commitment(id, &secret(*b)).unwrap(),
        })
        .collect();
    let meta = PlanMeta {
        task_id: TASK.into(),
        reveal_order: RevealOrder::AfterBeacon,
        beacons: vec![BeaconSpec {
            source_id: "ssq".into(),
            kind: BeaconKind::CwlSsq,
            series: "cwl.ssq".into(),
            draw: "2025024".into(),
        }],
        parties,
        max_substitutions,
    };
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta).unwrap();
    let plan_hash = plan.plan_hash().unwrap();
    let eligible = publish::eligible_leaves(&report);
    let excluded = publish::excluded_leaves(&report);
    let mut log = DrawLog::new(plan_hash).unwrap();
    log.append(Event::Beacon {
        attempt: 0,
        source: "ssq".into(),
        value: SSQ.into(),
    })
    .unwrap();
    let reveals = reveals();
    for r in &reveals {
        log.append(Event::Reveal {
            attempt: 0,
            party: r.party.clone(),
            secret: r.secret,
        })
        .unwrap();
    }
    let seed = verify_ceremony(
        &plan,
        &reveals,
        &[BeaconValue {
            source: "ssq".into(),
            value: SSQ.into(),
        }],
        0,
    )
    .unwrap();
    let result = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed).unwrap();
    let head = log.head().unwrap();
    let receipts = publish::receipts(&plan, &eligible, &excluded, &result).unwrap();
    Fixture {
        catalog,
        report,
        plan,
        plan_hash,
        eligible,
        excluded,
        log,
        head,
        seed,
        result,
        receipts,
    }
}

impl Fixture {
    /// (item, enterprise) of every current selection outside the forced strata.
    pub fn selected_unforced(&self) -> Vec<(String, shuangsuiji::model::Uscc)> {
        self.result
            .draw
            .items
            .iter()
            .flat_map(|it| {
                it.strata
                    .iter()
                    .filter(|s| s.key.as_str() != publish::FORCED_STRATUM)
                    .flat_map(move |s| {
                        s.selected
                            .iter()
                            .map(move |p| (it.item_id.as_str().to_owned(), p.uscc))
                    })
            })
            .collect()
    }

    pub fn verify(&self) -> shuangsuiji::Result<publish::DrawSummary> {
        publish::verify_draw(
            &self.plan,
            &self.plan_hash,
            &self.catalog,
            &self.log,
            &self.head,
            &self.eligible,
            &self.result,
        )
    }
}

/// A whole task with a re-draw and two revisions: attempt 0 is drawn, then re-drawn
/// (reason recorded, a new 双色球 draw named); attempt 1 is drawn; then one enterprise
/// is replaced in one item (revision 1) and another in its whole visit (revision 2).
pub struct Revised {
    /// The task after revision 2 (`result`, `log`, `head`, `receipts` are current).
    pub current: Fixture,
    /// Every published result in order: attempt 0, attempt 1 revisions 0, 1, 2.
    pub results: Vec<ResultDocument>,
}

pub const SSQ_REDRAW: &str = "02.08.11.19.25.33+07";

pub fn revised(n: usize) -> Revised {
    use shuangsuiji::draw::{SubstitutionReason, SubstitutionRequest};
    let mut f = fixture_with(n, 2);
    let mut results = vec![f.result.clone()];
    f.log
        .append(Event::Redraw {
            attempt: 1,
            reason: "公证员未到场，抽取无效 (the notary was absent)".into(),
            beacons: vec![BeaconSpec {
                source_id: "ssq".into(),
                kind: BeaconKind::CwlSsq,
                series: "cwl.ssq".into(),
                draw: "2025025".into(),
            }],
        })
        .unwrap();
    // Every party of the plan commits afresh for the re-draw (verify spec §7.3 rule 9).
    let fresh: Vec<PartyCommitment> = PARTIES
        .iter()
        .map(|(id, b)| PartyCommitment {
            party_id: (*id).into(),
            commitment: commitment(id, &secret(b ^ 0x80)).unwrap(),
        })
        .collect();
    for c in &fresh {
        f.log
            .append(Event::Commitment {
                attempt: 1,
                party: c.party_id.clone(),
                commitment: c.commitment,
            })
            .unwrap();
    }
    f.log
        .append(Event::Beacon {
            attempt: 1,
            source: "ssq".into(),
            value: SSQ_REDRAW.into(),
        })
        .unwrap();
    let reveals: Vec<Reveal> = PARTIES
        .iter()
        .map(|(id, b)| Reveal {
            party: (*id).into(),
            secret: secret(b ^ 0x80),
        })
        .collect();
    for r in &reveals {
        f.log
            .append(Event::Reveal {
                attempt: 1,
                party: r.party.clone(),
                secret: r.secret,
            })
            .unwrap();
    }
    let mut plan1 = f.plan.clone();
    plan1.beacons = vec![BeaconSpec {
        source_id: "ssq".into(),
        kind: BeaconKind::CwlSsq,
        series: "cwl.ssq".into(),
        draw: "2025025".into(),
    }];
    let seed = shuangsuiji::verify::Ceremony {
        plan_hash: f.plan_hash,
        attempt: 1,
        sources: &plan1.beacons,
        parties: &fresh,
    }
    .seed(
        &reveals,
        &[BeaconValue {
            source: "ssq".into(),
            value: SSQ_REDRAW.into(),
        }],
    )
    .unwrap();
    f.result =
        publish::publish_draw(&f.plan, &f.eligible, &f.catalog, &mut f.log, 1, &seed).unwrap();
    f.seed = seed;
    results.push(f.result.clone());
    // Revision 1: the first selected enterprise (outside the forced stratum) that can
    // be replaced in its item; revision 2: another one, in its whole visit.
    let candidates = f.selected_unforced();
    let mut used = Vec::new();
    for whole_visit in [false, true] {
        for (item, uscc) in &candidates {
            if used.contains(uscc) {
                continue;
            }
            let request = SubstitutionRequest {
                uscc: *uscc,
                item_id: (!whole_visit).then(|| shuangsuiji::model::ItemId::parse(item).unwrap()),
                reason: if whole_visit {
                    SubstitutionReason::DeregisteredAfterDraw
                } else {
                    SubstitutionReason::Unreachable
                },
                evidence: Some(format!("核查记录 2025-{:03}", used.len() + 17)),
            };
            let before = f.log.clone();
            match publish::publish_substitutions(
                &f.plan,
                &f.eligible,
                &f.catalog,
                &mut f.log,
                &f.result,
                &[request],
            ) {
                Ok(doc) => {
                    used.push(*uscc);
                    f.result = doc;
                    results.push(f.result.clone());
                    break;
                }
                Err(_) => assert_eq!(
                    f.log, before,
                    "a refused substitution leaves the log as it was"
                ),
            }
        }
    }
    assert_eq!(results.len(), 4, "two revisions published");
    f.head = f.log.head().unwrap();
    f.receipts = publish::receipts(&f.plan, &f.eligible, &f.excluded, &f.result).unwrap();
    Revised {
        current: f,
        results,
    }
}
