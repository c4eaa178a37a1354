//! The main example: a joint spot check (综合监管一件事) on the bundled synthetic county
//! 霍林郭勒市, end to end.
//!
//! 1. read the catalog, the roster (the GBK spreadsheet export with Chinese headers),
//!    the inspectors and a year of check history, and validate them;
//! 2. eligibility: who may be drawn for each item, and why the others may not;
//! 3. the committed plan (Merkle roots of the eligible set, the exclusions and the
//!    inspector pool), published before any randomness exists;
//! 4. the seed ceremony: three departments and a notary commit, a 双色球 draw of a named
//!    future date is the public beacon, the parties reveal; the seed binds the plan hash;
//! 5. the draw: tickets, per-stratum quotas, joint visits (进一次门、查多项事), written with
//!    the draw log and one receipt per enterprise to an output folder, then verified
//!    from the files alone;
//! 6. joint teams: two or more certified officers, 回避, rotation, workload caps;
//! 7. the deadline for publishing the results, on China's working-day calendar;
//! 8. synthetic outcomes recorded by each department, checked against the draw, the
//!    teams and the window, committed in the draw log; the 公示 list merged per
//!    enterprise written as JSON, CSV and xlsx, and verified from the files with its
//!    completeness per department;
//! 9. a second task in November that sees the first through the check history;
//! 10. the enterprise profiles (一企一档) from the recorded outcomes, the bundled food tags
//!     and their effects on the second task's eligibility (分级分类监管, bound into its plan).
//! 11. 联企服务: demands collected at the visits moved through their states, the overdue
//!     list, and the follow-up visits after the 责令改正 deadlines; the printed matter of
//!     the first visit — service card with the receipt's address and QR code, 政策清单,
//!     普法明白纸 — from the service matching, as `visit-<USCC>.json` and `.html`
//!     (`county_visit.rs`; scripts/service-pdf.sh prints it and checks the PDF).
//!
//! Run: `cargo run -p shuangsuiji-examples --bin county [-- OUT_DIR] [--all]
//! [--page=URL]` (default folder `out/county`; `--all` prints every visit; `--page` is
//! the verification page's address printed on the service card, default the placeholder
//! `https://example.gov.cn/ssj/`: the card links the receipt in the task folder named
//! like OUT_DIR, `sample/` for `bindings-wasm/page/sample`). The demo secrets and the
//! lottery numbers are fixed so that the run is reproducible.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use shuangsuiji::disclosure::{self, Disclosure};
use shuangsuiji::draw::{SubstitutionReason, SubstitutionRequest};
use shuangsuiji::draw_record::publication::{Publication, RECEIPTS};
use shuangsuiji::enforcement::{Calendar, DeadlineKind, deadline};
use shuangsuiji::model::{Authority, CheckForm, ItemId};
use shuangsuiji::outcomes::{self, CheckWindow, OutcomeIntake, OutcomeSet};
use shuangsuiji::publish::{self, PlanMeta};
use shuangsuiji::rules::{self, PlanRequest};
use shuangsuiji::teams::{self, Staffing};
use shuangsuiji::verify::{
    self, BeaconKind, BeaconSpec, BeaconValue, Bytes32, DrawLog, Event, PartyCommitment, Reveal,
    RevealOrder, commitment, from_committed_json, verify_ceremony,
};

mod county_visit;
mod sample;
mod synthetic_outcomes;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const TASK: &str = "HLGL-LH-2024-09";
/// The parties of the ceremony and their (demo) secrets: in a real task each party
/// draws 32 random bytes, publishes only the commitment, and reveals after the beacon.
const PARTIES: [(&str, u8); 4] = [
    ("dept-emergency", 0x11),
    ("dept-fire", 0x22),
    ("dept-market", 0x33),
    ("notary-huolinguole", 0x44),
];
/// The public beacon: the China Welfare Lottery 双色球 draw named in the plan.
const SSQ_DRAW: &str = "2024101";
const SSQ_NUMBERS: &str = "03 08 14 20 27 33 + 07";
/// A placeholder: every platform serves the verification page at its own address.
const PLACEHOLDER_PAGE: &str = "https://example.gov.cn/ssj/";

/// Writes a publication's files (paths with `/` under `out`).
fn write_folder(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<()> {
    for (name, bytes) in files {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
    }
    Ok(())
}

/// The files of a publication folder: the top level and `receipts/`.
fn read_folder(out: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    for (sub, prefix) in [(out.to_path_buf(), ""), (out.join(RECEIPTS), "receipts/")] {
        for entry in fs::read_dir(sub)? {
            let path = entry?.path();
            if let (true, Some(name)) = (path.is_file(), path.file_name().and_then(|n| n.to_str()))
            {
                files.insert(format!("{prefix}{name}"), fs::read(&path)?);
            }
        }
    }
    Ok(files)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    fs::write(path, text)?;
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let print_all = args.iter().any(|a| a == "--all");
    let page = args
        .iter()
        .find_map(|a| a.strip_prefix("--page="))
        .unwrap_or(PLACEHOLDER_PAGE);
    let out = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("out/county"), PathBuf::from);

    // 1. Data, read the way data staff have it.
    let sample::Sample {
        catalog,
        roster,
        inspectors,
        history,
    } = sample::load()?;
    println!("霍林郭勒市（合成示例数据 / synthetic sample data）");
    println!(
        "  catalog {} v{} ({} items, hash {}…)",
        catalog.id,
        catalog.version,
        catalog.items.len(),
        &catalog.content_hash()?[..16]
    );
    let mut by_class: BTreeMap<&str, usize> = BTreeMap::new();
    for e in roster.enterprises() {
        *by_class.entry(e.credit_class.as_str()).or_default() += 1;
    }
    println!(
        "  {} enterprises (credit classes {:?}), {} inspectors, {} history records",
        roster.len(),
        by_class,
        inspectors.inspectors().len(),
        history.len()
    );

    // 2. Eligibility for a joint task led by the county market-regulation bureau: one
    //    joint item from each of six departments.
    let task_items = [
        "market.food_production",
        "eco_env.pollution_permit",
        "emergency.work_safety",
        "fire.fire_safety",
        "health.occupational_health",
        "hrss.labour_security",
    ];
    let joint_items: Vec<ItemId> = catalog
        .items
        .iter()
        .filter(|i| i.form == CheckForm::Joint && task_items.contains(&i.id.as_str()))
        .map(|i| i.id.clone())
        .collect();
    let request: PlanRequest = serde_json::from_value(serde_json::json!({
        "authority": sample::authority("huolinguole-market")?,
        "year": 2024,
        "date": "2024-09-02",
        "items": joint_items,
        "policy": {"preset": {"name": "henan_2021"}},
        "hierarchy": "same_year",
    }))?;
    // The plan counts the checks made by its date; later rows are refused
    // (`history_after_plan_date`), so give the history as known on that day.
    let known: Vec<_> = history
        .iter()
        .filter(|r| r.date <= request.date)
        .cloned()
        .collect();
    let report = rules::eligibility(&request, &catalog, &roster, &known)?;
    println!(
        "\nEligibility ({}, yearly cap {:?}, hierarchy {:?}):",
        report.policy.name,
        report.cap.as_ref().map(|c| c.limit),
        report.hierarchy
    );
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for item in &report.items {
        let strata: Vec<String> = item
            .strata
            .iter()
            .map(|s| format!("{} N={} n={}", s.key, s.population, s.quota))
            .collect();
        println!("  {:<28} {}", item.item.as_str(), strata.join(" | "));
        for ex in &item.excluded {
            for r in &ex.reasons {
                *reasons.entry(r.code.as_str()).or_default() += 1;
            }
        }
    }
    println!("  exclusions by reason (item × enterprise): {reasons:?}");

    // 3. The plan, committed before any randomness exists.
    let secret = |b: u8| Bytes32([b; 32]);
    let parties = PARTIES
        .iter()
        .map(|(id, b)| {
            Ok(PartyCommitment {
                party_id: (*id).to_owned(),
                commitment: commitment(id, &secret(*b))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let meta = PlanMeta {
        task_id: TASK.into(),
        reveal_order: RevealOrder::AfterBeacon,
        beacons: vec![BeaconSpec {
            source_id: "ssq".into(),
            kind: BeaconKind::CwlSsq,
            series: "cwl.ssq".into(),
            draw: SSQ_DRAW.into(),
        }],
        parties,
        max_substitutions: 2,
    };
    let plan = publish::plan_from_eligibility(&report, &catalog, &inspectors, &meta)?;
    let plan_hash = plan.plan_hash()?;
    let eligible = publish::eligible_leaves(&report);
    let excluded = publish::excluded_leaves(&report);
    println!("\nPlan {TASK}: hash {plan_hash} (published before the draw)");

    // 4. The ceremony: the beacon is recorded, the parties reveal, the seed follows.
    let mut log = DrawLog::new(plan_hash)?;
    let value = verify::canonicalize(BeaconKind::CwlSsq, SSQ_NUMBERS)?;
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
    let beacons = [BeaconValue {
        source: "ssq".into(),
        value: value.clone(),
    }];
    let seed = verify_ceremony(&plan, &reveals, &beacons, 0)?;
    println!("  双色球 {SSQ_DRAW} = {value}; 4 parties revealed; seed {seed}");

    // 5. The draw, published with its log and one receipt per enterprise.
    let drawn = publish::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed)?;
    // The first visited enterprise turns out to be unreachable at its registered address
    // (无法联系): it is replaced in its whole visit by the next tickets of its strata,
    // published as revision 1 of the result (the plan allows 2 per stratum).
    let unreachable = drawn.draw.visits.first().ok_or("no visit")?.uscc;
    let result = publish::publish_substitutions(
        &plan,
        &eligible,
        &catalog,
        &mut log,
        &drawn,
        &[SubstitutionRequest {
            uscc: unreachable,
            item_id: None,
            reason: SubstitutionReason::Unreachable,
            evidence: Some("核查记录 HLGL-2025-017".into()),
        }],
    )?;
    println!(
        "  {unreachable} unreachable: replaced in {} item(s) by the next tickets (revision {})",
        result.draw.substitutions.len(),
        result.revision
    );
    let publication = Publication::new(
        plan.clone(),
        eligible.clone(),
        &excluded,
        catalog.clone(),
        log.clone(),
        result.clone(),
    )?;
    let draw = &result.draw;
    let picks: usize = draw
        .items
        .iter()
        .flat_map(|i| &i.strata)
        .map(|s| s.selected.len())
        .sum();
    println!(
        "\nDraw ({}): {} item selections merged into {} joint visits (进一次门、查多项事)",
        draw.algorithm.as_str(),
        picks,
        draw.visits.len()
    );
    // The publication folder, in the core's layout (the page and the verifiers read it).
    write_folder(&out, &publication.files()?)?;

    // ... and verified from the files alone, as anyone can.
    let files = read_folder(&out)?;
    let check = Publication::verify(&files)?;
    let Publication {
        plan: plan2,
        result: result2,
        eligible: eligible2,
        catalog: catalog2,
        ..
    } = Publication::read(&files)?;
    let hash2 = check.draw.plan_hash;
    let text = |n: &str| fs::read_to_string(out.join(n));
    println!(
        "  written to {}; verified: plan, log ({} entries), result {}…, {} receipts ({} selected)",
        out.display(),
        check.log_entries,
        &check.draw.result_hash.to_string()[..16],
        check.receipts,
        check.selected,
    );

    // 6. Joint teams.
    let staffing: Staffing = serde_json::from_value(serde_json::json!({
        "lead_department": "market",
        "sizes": {"market": 2},
        "config": {"max_per_inspector": 30, "visits_per_team_day": 4},
    }))?;
    let team_request = teams::team_request(draw, &roster, &inspectors, &history, &staffing)?;
    let assignment = teams::assign(&team_request)?;
    let teams_by_uscc: BTreeMap<_, _> = assignment.teams.iter().map(|t| (t.uscc, t)).collect();
    println!(
        "Teams: {} teams (≥ 2 certified officers each, 回避 and rotation applied), {} route-days",
        assignment.teams.len(),
        assignment.routes.len()
    );
    let shown = if print_all { draw.visits.len() } else { 12 };
    println!(
        "\nVisit list (by ticket){}:",
        if print_all {
            ""
        } else {
            ", first 12 — add --all for every visit"
        }
    );
    for v in draw.visits.iter().take(shown) {
        let name = roster.get(&v.uscc).map_or("?", |e| e.name.as_str());
        let items: Vec<&str> = v.items.iter().map(|i| i.item_id.as_str()).collect();
        let team = teams_by_uscc.get(&v.uscc);
        let members: Vec<String> = team
            .map(|t| {
                t.members
                    .iter()
                    .map(|m| format!("{}:{}", m.department.as_str(), m.inspector.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "  {} {} {}\n      items: {}\n      team: lead {} · {}",
            &v.ticket.to_hex()[..8],
            v.uscc,
            name,
            items.join(", "),
            team.map_or("?", |t| t.lead.as_str()),
            members.join(", ")
        );
    }

    // 7. Publication deadline: results within 20 working days (企业信息公示暂行条例 Art. 6).
    let calendar = Calendar::national()?;
    let checks_end = chrono::NaiveDate::from_ymd_opt(2024, 9, 27).ok_or("date")?;
    let due = deadline(&calendar, DeadlineKind::ResultPublication, checks_end)?;
    println!(
        "\nChecks end {checks_end}; results must be published by {} (20 working days, across 国庆 and its make-up days)",
        due.due
    );

    // 8. Outcomes: each department records its results (synthetic), all or nothing.
    let window = CheckWindow {
        first_day: chrono::NaiveDate::from_ymd_opt(2024, 9, 9).ok_or("date")?,
        last_day: checks_end,
    };
    let mut records = synthetic_outcomes::records(draw, &assignment, window);
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 11, 1).ok_or("date")?;
    // One department records one result late, so that the completeness check has
    // something to show.
    if let Some(r) = records
        .iter_mut()
        .rev()
        .find(|r| r.department.as_str() == "hrss")
    {
        r.recorded_on = as_of;
    }
    let set = outcomes::record_outcomes(&OutcomeIntake {
        draw: draw.clone(),
        teams: assignment.clone(),
        window,
        min_certified: 2,
        accepted: None,
        records,
    })?;
    let outcomes_hash = disclosure::publish_outcomes(&mut log, &result, &set)?;
    let list = disclosure::disclose(draw, &set, as_of)?;
    write_json(&out.join("outcomes.json"), &set)?;
    write_json(&out.join("log.json"), &log)?;
    fs::write(
        out.join("log.head"),
        format!("{}\n", log.head().ok_or("empty log")?),
    )?;
    write_json(&out.join("disclosure.json"), &list)?;
    fs::write(
        out.join("disclosure.csv"),
        disclosure::disclosure_csv(&list)?,
    )?;
    fs::write(
        out.join("disclosure.xlsx"),
        disclosure::disclosure_xlsx(&list)?,
    )?;
    let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
    for f in set.records.iter().flat_map(|r| &r.findings) {
        *by_category.entry(f.category.label()).or_default() += 1;
    }
    println!(
        "\nOutcomes: {} department records of {} visits, committed in the log as {}…\n  findings: {by_category:?}",
        set.records.len(),
        draw.visits.len(),
        &outcomes_hash.to_string()[..16]
    );
    // ... and the 公示 list verified from the files, with its completeness.
    let log3: DrawLog = from_committed_json(&fs::read(out.join("log.json"))?)?;
    let set3: OutcomeSet = serde_json::from_slice(&fs::read(out.join("outcomes.json"))?)?;
    let list3: Disclosure = serde_json::from_slice(&fs::read(out.join("disclosure.json"))?)?;
    let head3 = Bytes32::from_hex(text("log.head")?.trim())?;
    // The draw still verifies with the outcomes event appended to its log.
    publish::verify_draw(
        &plan2, &hash2, &catalog2, &log3, &head3, &eligible2, &result2,
    )?;
    let report3 = disclosure::verify_disclosure(&log3, &result2, &set3, &list3)?;
    println!(
        "  公示 list as of {as_of} written (disclosure.json/.csv/.xlsx) and verified: complete = {}; {} substitution(s) logged",
        report3.complete,
        report3.substitutions.len()
    );
    for d in &report3.departments {
        println!(
            "    {:<10} {} visit(s): {} on time, {} late, {} overdue, {} pending",
            d.department.as_str(),
            d.expected,
            d.on_time,
            d.late.len(),
            d.overdue.len(),
            d.pending.len()
        );
    }

    // 9. A second task in November sees the first: its results are check history.
    let departments: Vec<Authority> = task_items
        .iter()
        .map(|i| i.split('.').next().unwrap_or_default())
        .map(|d| sample::authority(&format!("huolinguole-{d}")))
        .collect::<Result<_>>()?;
    let checked = outcomes::check_records(&set, &departments)?;
    let mut second: PlanRequest = request.clone();
    second.date = chrono::NaiveDate::from_ymd_opt(2024, 11, 4).ok_or("date")?;
    let mut history2: Vec<_> = history
        .iter()
        .filter(|r| r.date <= second.date)
        .cloned()
        .collect();
    history2.extend(checked);
    let report2 = rules::eligibility(&second, &catalog, &roster, &history2)?;
    let count = |report: &rules::EligibilityReport, code: &str| {
        report
            .items
            .iter()
            .flat_map(|i| &i.excluded)
            .filter(|e| e.reasons.iter().any(|r| r.code.as_str() == code))
            .count()
    };
    println!(
        "\nSecond task, planned {}: yearly cap reached for {} item × enterprise pairs (first task: {})",
        second.date,
        count(&report2, "yearly_cap_reached"),
        count(&report, "yearly_cap_reached")
    );
    tags_step(&set, &second, &catalog, &roster, &history2, &report2)?;

    // 11. 联企服务: demands collected at the visits, moved through their states; the
    // overdue list and the follow-up visits after the 责令改正 deadlines.
    service_step(draw, &set, &calendar, as_of)?;
    // ... and the printed matter of the first visit, where 诉求-1 was collected.
    let first = draw.visits.first().ok_or("no visit")?;
    let (html, pack) = county_visit::write(
        &county_visit::VisitPrint {
            out: &out,
            page,
            on: chrono::NaiveDate::from_ymd_opt(2024, 9, 10).ok_or("date")?,
        },
        draw,
        first,
        &catalog,
        &roster,
    )?;
    println!(
        "  企业服务卡、政策清单 ({} policies)、普法明白纸 ({} entries) for {} → {}\n  receipt: {}",
        pack.policies.len(),
        pack.law_entries.len(),
        pack.card.enterprise_name,
        html.display(),
        pack.card.receipt_url
    );
    Ok(())
}

/// Step 10, tags change supervision: the profiles built from the first task's recorded
/// outcomes, tagged with the bundled food tags; the bundled effects move the tagged
/// enterprises of the second task (own ratio, 无事不扰, 重点检查), and the tags are bound
/// into its plan as `tags_hash`.
fn tags_step(
    set: &OutcomeSet,
    second: &PlanRequest,
    catalog: &shuangsuiji::model::Catalog,
    roster: &shuangsuiji::model::Roster,
    history: &[shuangsuiji::model::CheckRecord],
    untagged: &rules::EligibilityReport,
) -> Result<()> {
    let events = shuangsuiji::profile::events_from_outcomes(set);
    let tag_set = shuangsuiji::profile::TagSet::food_producers()?;
    let tags = rules::TagPlan {
        effects: rules::TagEffects::food_producers(&tag_set)?,
        set: Some(tag_set),
        repair_policy: None,
    };
    let report = rules::eligibility_with_tags(second, catalog, roster, history, &events, &tags)?;
    let mut by_effect: BTreeMap<String, usize> = BTreeMap::new();
    for m in publish::tag_moves(&report) {
        *by_effect
            .entry(format!("{:?} by {}", m.effect, m.tag))
            .or_default() += 1;
    }
    let quota = |r: &rules::EligibilityReport| -> u64 {
        r.items
            .iter()
            .flat_map(|i| &i.strata)
            .map(|s| s.quota)
            .sum()
    };
    let tags_hash = report.tags.as_ref().ok_or("no tags")?.hash()?;
    println!(
        "
Tags (一企一档 → 分级分类监管): {} profiles from {} outcome events; item × enterprise moves: {by_effect:?}
  random quota of the second task: {} with tag effects, {} without; tags bound into its plan as tags_hash {}…",
        events
            .iter()
            .map(|e| e.uscc)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        events.len(),
        quota(&report),
        quota(untagged),
        &tags_hash.to_hex()[..16]
    );
    Ok(())
}

/// Step 11: three demands collected at the first visits (one answered on site, one
/// transferred and answered in time, one transferred and left unanswered), the register
/// as of `as_of` with its overdue list, and the follow-up visits of the outcomes.
fn service_step(
    draw: &shuangsuiji::draw::DrawResult,
    set: &OutcomeSet,
    calendar: &Calendar,
    as_of: chrono::NaiveDate,
) -> Result<()> {
    use shuangsuiji::service::{self, DemandEvent, FollowUpRequest};
    let mut events = Vec::new();
    for (n, v) in draw.visits.iter().take(3).enumerate() {
        let id = format!("诉求-{}", n + 1);
        events.push(
            serde_json::json!({"kind": "recorded", "demand_id": id, "date": "2024-09-10",
            "uscc": v.uscc, "task_id": draw.task_id, "department": "market",
            "lead_department": "market", "category": "政策咨询", "text": "企业服务卡收集的诉求"}),
        );
    }
    events.extend([
        serde_json::json!({"kind": "answered_on_site", "demand_id": "诉求-1", "date": "2024-09-10",
            "department": "market", "answer": "当场解答"}),
        serde_json::json!({"kind": "closed", "demand_id": "诉求-1", "date": "2024-09-11"}),
        serde_json::json!({"kind": "transferred", "demand_id": "诉求-2", "date": "2024-09-11",
            "to": "housing", "time_limit": {"unit": "working_days", "count": 5}}),
        serde_json::json!({"kind": "replied", "demand_id": "诉求-2", "date": "2024-09-18",
            "content": "书面答复", "channel": "written"}),
        serde_json::json!({"kind": "closed", "demand_id": "诉求-2", "date": "2024-09-19"}),
        serde_json::json!({"kind": "transferred", "demand_id": "诉求-3", "date": "2024-09-12",
            "to": "natural_resources", "time_limit": {"unit": "working_days", "count": 10}}),
    ]);
    let events: Vec<DemandEvent> = serde_json::from_value(serde_json::Value::Array(events))?;
    let register = service::demand_register(&events, as_of, calendar)?;
    println!(
        "
联企服务: {} demands as of {as_of}; overdue:",
        register.demands.len()
    );
    for o in &register.overdue {
        println!(
            "  {} {} with {} since {} (due {})",
            o.demand_id,
            o.uscc,
            o.responsible.as_str(),
            register
                .demands
                .iter()
                .find(|d| d.demand_id == o.demand_id)
                .and_then(|d| d.transfers.last())
                .map_or_else(String::new, |t| t.date.to_string()),
            o.due
        );
    }
    let follow = service::follow_ups(
        &FollowUpRequest {
            outcomes: Some(set.clone()),
            ..FollowUpRequest::default()
        },
        as_of,
        calendar,
    )?;
    for d in &follow.departments {
        println!(
            "  事后回访 {:<10} {} visit(s), {} due by {as_of}",
            d.department.as_str(),
            d.follow_ups.len(),
            d.follow_ups.iter().filter(|f| f.is_due).count()
        );
    }
    Ok(())
}
