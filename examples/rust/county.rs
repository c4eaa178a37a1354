//! The main example: a joint spot check (综合监管一件事) on the bundled synthetic county
//! 霍林郭勒市, end to end.
//!
//! 1. read the catalog, the roster (the GBK spreadsheet export with Chinese headers),
//!    the inspectors and a year of check history, and validate them;
//! 2. eligibility: who may be drawn for each item, and why the others may not;
//! 3. the draw: tickets, per-stratum quotas, joint visits (进一次门、查多项事);
//! 4. joint teams: two or more certified officers, 回避, rotation, workload caps;
//! 5. the deadline for publishing the results, on China's working-day calendar.
//!
//! Run: `cargo run -p shuangsuiji-examples --bin county` (add `-- --all` to print every
//! visit). The seed here is a fixed demo value; `--bin ceremony` shows how a real seed is
//! produced in public.

use std::collections::BTreeMap;
use std::path::PathBuf;

use shuangsuiji::draw::{
    self, DrawInput, DrawMode, ItemDraw, Seed, StratumDraw, StratumKey, TaskId,
};
use shuangsuiji::enforcement::{Calendar, DeadlineKind, deadline};
use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::{Authority, CheckForm, ItemId};
use shuangsuiji::rules::{self, EligibilityReport, PlanRequest};
use shuangsuiji::teams::{self, Staffing};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/huolinguole")
}

fn read(name: &str) -> Result<(Vec<u8>, ReadOptions)> {
    let bytes = std::fs::read(data_dir().join(name))?;
    let opts = ReadOptions {
        file_name: Some(name.to_owned()),
        ..ReadOptions::default()
    };
    Ok((bytes, opts))
}

/// The authorities file is an envelope `{"synthetic": true, "authorities": [...]}`.
fn authority(id: &str) -> Result<Authority> {
    let text = std::fs::read_to_string(data_dir().join("authorities.json"))?;
    let doc: serde_json::Value = serde_json::from_str(&text)?;
    let list: Vec<Authority> = serde_json::from_value(doc["authorities"].clone())?;
    list.into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| format!("no authority {id}").into())
}

/// Maps the eligibility report onto the draw's input: every item with its department,
/// every stratum with its eligible enterprises and quota; forced-in enterprises form a
/// stratum of their own that is drawn in full.
fn draw_input(
    report: &EligibilityReport,
    catalog: &shuangsuiji::model::Catalog,
    task: &str,
    seed: Seed,
) -> Result<DrawInput> {
    let mut items = Vec::new();
    for item in report.draw_input() {
        let department = catalog
            .item(&item.item)
            .ok_or("item not in catalog")?
            .department
            .clone();
        let mut strata: Vec<StratumDraw> = item
            .strata
            .into_iter()
            .map(|s| {
                Ok(StratumDraw {
                    key: StratumKey::parse(&s.key)?,
                    eligible: s.eligible,
                    quota: Some(s.quota),
                    ratio: None,
                    max_substitutions: 2,
                })
            })
            .collect::<Result<_>>()?;
        if !item.forced_in.is_empty() {
            strata.push(StratumDraw {
                key: StratumKey::parse("forced")?,
                quota: Some(u64::try_from(item.forced_in.len())?),
                eligible: item.forced_in,
                ratio: None,
                max_substitutions: 0,
            });
        }
        items.push(ItemDraw {
            item_id: item.item,
            department,
            strata,
        });
    }
    Ok(DrawInput {
        algorithm: draw::AlgorithmVersion::V1,
        task_id: TaskId::parse(task)?,
        seed,
        mode: DrawMode::Fixed,
        items,
        adjustments: Vec::new(),
    })
}

fn main() -> Result<()> {
    let print_all = std::env::args().any(|a| a == "--all");

    // 1. Data, read the way data staff have it.
    let (bytes, opts) = read("catalog.json")?;
    let catalog = intake::read_catalog(&bytes, &opts)?;
    let (bytes, opts) = read("enterprises-gbk.csv")?;
    let roster = intake::read_enterprises(&bytes, &opts)?;
    let (bytes, opts) = read("inspectors.csv")?;
    let inspectors = intake::read_inspectors(&bytes, &opts)?;
    let (bytes, opts) = read("history.csv")?;
    let history = intake::read_history(&bytes, &opts)?;
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
        "authority": authority("huolinguole-market")?,
        "year": 2024,
        "date": "2024-09-02",
        "items": joint_items,
        "policy": {"preset": {"name": "henan_2021"}},
        "hierarchy": "same_year",
    }))?;
    let report = rules::eligibility(&request, &catalog, &roster, &history)?;
    println!(
        "\nEligibility ({}, cap {:?}, hierarchy {:?}):",
        report.policy.name,
        report.cap.as_ref().map(|c| c.limit),
        report.hierarchy
    );
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for item in &report.items {
        let strata: Vec<String> = item
            .strata
            .iter()
            .map(|s| format!("{} N={} n={}", s.key, s.population, s.quota))
            .collect();
        println!("  {:<32} {}", item.item.as_str(), strata.join(" | "));
        for ex in &item.excluded {
            for r in &ex.reasons {
                *reasons.entry(r.code.as_str().to_owned()).or_default() += 1;
            }
        }
    }
    println!("  exclusions by reason (item × enterprise): {reasons:?}");

    // 3. The draw. A demo seed: in a real task it comes from the public ceremony.
    let seed = Seed::parse("5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed")?;
    let result = draw::draw(draw_input(&report, &catalog, "HLGL-LH-2024-09", seed)?)?;
    let picks: usize = result
        .items
        .iter()
        .flat_map(|i| &i.strata)
        .map(|s| s.selected.len())
        .sum();
    println!(
        "\nDraw {} ({}): {} item selections merged into {} joint visits (进一次门、查多项事)",
        result.task_id.as_str(),
        result.algorithm.as_str(),
        picks,
        result.visits.len()
    );

    // 4. Joint teams.
    let staffing: Staffing = serde_json::from_value(serde_json::json!({
        "lead_department": "market",
        "sizes": {"market": 2},
        "config": {"max_per_inspector": 30, "visits_per_team_day": 4},
    }))?;
    let request = teams::team_request(&result, &roster, &inspectors, &history, &staffing)?;
    let assignment = teams::assign(&request)?;
    let teams_by_uscc: BTreeMap<_, _> = assignment.teams.iter().map(|t| (t.uscc, t)).collect();
    println!(
        "Teams: {} teams, {} route-days in the schedule hint",
        assignment.teams.len(),
        assignment.routes.len()
    );
    let shown = if print_all { result.visits.len() } else { 12 };
    println!(
        "\nVisit list (by ticket){}:",
        if print_all {
            ""
        } else {
            ", first 12 — use --all for every visit"
        }
    );
    for v in result.visits.iter().take(shown) {
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

    // 5. Publication deadline: results within 20 working days (企业信息公示暂行条例 Art. 6).
    let calendar = Calendar::national()?;
    let checks_end = chrono::NaiveDate::from_ymd_opt(2024, 9, 27).ok_or("date")?;
    let due = deadline(&calendar, DeadlineKind::ResultPublication, checks_end)?;
    println!(
        "\nChecks end {checks_end}; results must be published by {} (20 working days, across 国庆 and its make-up days)",
        due.due
    );
    Ok(())
}
