//! One year (2024) of synthetic check history (检查记录).
//!
//! Shape of the year, chosen to exercise the rules:
//! * county random checks by 市场监管 (March–April) and 生态环境 (September);
//! * three joint "综合监管一件事" tasks (June, August, October) led by 市场监管 — tasks
//!   01 and 03 exported as ONE record per visit carrying every department's items,
//!   task 02 exported as one row per department sharing a `visit_id`;
//! * some enterprises drawn twice in the year (so a yearly cap of 2 bites);
//! * random checks by the city (通辽市, prefecture) and the region (内蒙古, provincial);
//! * checks by 科尔沁区 of producers registered there (outside the county);
//! * exception checks (投诉举报, 整改复查, 许可现场核查, 转办交办, 媒体曝光, 企业申请) and a
//!   专项检查 of dairy producers.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use shuangsuiji::model::{
    Authority, Catalog, CheckKind, CheckRecord, Enterprise, Inspector, InspectorId, ItemId, Uscc,
};

use crate::authorities::{COUNTY, by_id};
use crate::rng::SplitMix64;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap_or(NaiveDate::MIN)
}

/// A uniformly drawn weekday in `[from, to]` (weekends move to the next Monday, or
/// back to Friday at the end of the range).
fn weekday(rng: &mut SplitMix64, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = u64::try_from((to - from).num_days()).unwrap_or(0);
    let d = from + Days::new(rng.below(span + 1));
    let (to_monday, to_friday) = match d.weekday() {
        Weekday::Sat => (2, 1),
        Weekday::Sun => (1, 2),
        _ => return d,
    };
    let monday = d + Days::new(to_monday);
    if monday <= to {
        monday
    } else {
        d - Days::new(to_friday)
    }
}

/// The catalog items of `departments` that apply to `e`, in catalog order.
fn applicable(catalog: &Catalog, e: &Enterprise, departments: &[&str], joint: bool) -> Vec<ItemId> {
    catalog
        .items
        .iter()
        .filter(|i| departments.contains(&i.department.as_str()))
        .filter(|i| !joint || i.form == shuangsuiji::model::CheckForm::Joint)
        .filter(|i| i.applies_to.applies_to(e))
        .map(|i| i.id.clone())
        .collect()
}

fn item(id: &str) -> ItemId {
    ItemId::parse(id).unwrap_or_else(|_| panic!("generator bug: item id {id}"))
}

struct Builder<'a> {
    rng: SplitMix64,
    catalog: &'a Catalog,
    authorities: &'a [Authority],
    records: Vec<CheckRecord>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        task: &str,
        visit: Option<String>,
        (uscc, date): (Uscc, NaiveDate),
        authority: &str,
        items: Vec<ItemId>,
        kind: CheckKind,
    ) {
        self.records.push(CheckRecord {
            task_id: task.to_owned(),
            visit_id: visit,
            uscc,
            date,
            authority: by_id(self.authorities, authority).clone(),
            items,
            kind,
            inspectors: Vec::new(),
        });
    }

    /// A random draw of `k` enterprises from `pool`, with `forced` ones first.
    fn draw<'e>(
        &mut self,
        pool: &[&'e Enterprise],
        k: usize,
        forced: &[&'e Enterprise],
    ) -> Vec<&'e Enterprise> {
        let mut chosen: Vec<&Enterprise> = forced.to_vec();
        let mut have: BTreeSet<Uscc> = forced.iter().map(|e| e.uscc).collect();
        for i in self.rng.sample_indices(pool.len(), k) {
            if chosen.len() >= k {
                break;
            }
            if have.insert(pool[i].uscc) {
                chosen.push(pool[i]);
            }
        }
        chosen
    }
}

/// Generates the 2024 history, sorted by (date, task, enterprise, authority).
#[must_use]
#[allow(clippy::too_many_lines)]
pub fn history(
    seed: u64,
    catalog: &Catalog,
    authorities: &[Authority],
    enterprises: &[Enterprise],
) -> Vec<CheckRecord> {
    let mut b = Builder {
        rng: SplitMix64::stream(seed, "history"),
        catalog,
        authorities,
        records: Vec::new(),
    };
    let local: Vec<&Enterprise> = enterprises
        .iter()
        .filter(|e| e.division.as_str() == COUNTY && e.status.is_operating())
        .collect();
    let food = |e: &&Enterprise| e.categories.iter().any(|c| c.starts_with("food_"));
    let local_food: Vec<&Enterprise> = local.iter().copied().filter(food).collect();

    // 1. County market random check (single department), March–April.
    let task = "HLGL-SC-2024-01";
    let sc01 = b.draw(&local_food, 90, &[]);
    for e in &sc01 {
        let date = weekday(&mut b.rng, day(3, 11), day(4, 26));
        let items = applicable(b.catalog, e, &["market"], true)
            .into_iter()
            .filter(|i| matches!(i.as_str(), "market.food_production" | "market.food_label"))
            .collect();
        b.push(
            task,
            None,
            (e.uscc, date),
            "huolinguole-market",
            items,
            CheckKind::Random,
        );
    }

    // 2. Joint tasks led by 市场监管; some targets were already drawn in March.
    let joint_tasks: [(&str, [u32; 4], &[&str], bool); 3] = [
        (
            "HLGL-LH-2024-01",
            [6, 3, 6, 28],
            &["market", "eco_env", "emergency", "fire"],
            false,
        ),
        (
            "HLGL-LH-2024-02",
            [8, 1, 8, 30],
            &["market", "health", "hrss", "fire"],
            true,
        ),
        (
            "HLGL-LH-2024-03",
            [10, 8, 11, 15],
            &["market", "eco_env", "emergency", "health", "agri"],
            false,
        ),
    ];
    let mut joint_visits: Vec<(&Enterprise, NaiveDate)> = Vec::new();
    for (t, (task, [m1, d1, m2, d2], depts, per_department)) in joint_tasks.iter().enumerate() {
        let forced: Vec<&Enterprise> = sc01.iter().skip(t * 8).take(8).copied().collect();
        let targets = b.draw(&local_food, 55, &forced);
        for (v, e) in targets.iter().enumerate() {
            let date = weekday(&mut b.rng, day(*m1, *d1), day(*m2, *d2));
            let visit = format!("{task}-V{:03}", v + 1);
            if *per_department {
                for dept in *depts {
                    let items = applicable(b.catalog, e, &[dept], true);
                    if items.is_empty() {
                        continue;
                    }
                    let authority = format!("huolinguole-{dept}");
                    b.push(
                        task,
                        Some(visit.clone()),
                        (e.uscc, date),
                        &authority,
                        items,
                        CheckKind::Random,
                    );
                }
            } else {
                let items = applicable(b.catalog, e, depts, true);
                b.push(
                    task,
                    Some(visit),
                    (e.uscc, date),
                    "huolinguole-market",
                    items,
                    CheckKind::Random,
                );
            }
            joint_visits.push((e, date));
        }
    }

    // 3. County eco-environment random check, September.
    let task = "HLGL-HB-2024-01";
    for e in b.draw(&local_food, 20, &[]) {
        let date = weekday(&mut b.rng, day(9, 2), day(9, 27));
        b.push(
            task,
            None,
            (e.uscc, date),
            "huolinguole-eco_env",
            vec![item("eco_env.pollution_permit")],
            CheckKind::Random,
        );
    }

    // 4. City (通辽市) random checks.
    let task = "TL-SC-2024-03";
    let outside: Vec<&Enterprise> = enterprises
        .iter()
        .filter(|e| e.division.as_str() == "150502" && e.status.is_operating())
        .collect();
    let mut city_targets = b.draw(&local_food, 25, &sc01[..3]);
    city_targets.extend(outside.iter().take(3));
    for e in city_targets {
        let date = weekday(&mut b.rng, day(4, 15), day(5, 24));
        b.push(
            task,
            None,
            (e.uscc, date),
            "tongliao-market",
            vec![item("market.food_production")],
            CheckKind::Random,
        );
    }
    let task = "TL-HB-2024-02";
    for e in b.draw(&local_food, 8, &[]) {
        let date = weekday(&mut b.rng, day(7, 1), day(7, 31));
        b.push(
            task,
            None,
            (e.uscc, date),
            "tongliao-eco_env",
            vec![item("eco_env.pollution_permit")],
            CheckKind::Random,
        );
    }

    // 5. Region (内蒙古) random checks of dairy and meat producers, and eco checks.
    let task = "NMG-SC-2024-05";
    let high: Vec<&Enterprise> = local_food
        .iter()
        .copied()
        .filter(|e| {
            e.categories
                .iter()
                .any(|c| c == "food_production:dairy" || c == "food_production:meat")
        })
        .collect();
    for e in b.draw(&high, 12, &[]) {
        let date = weekday(&mut b.rng, day(9, 9), day(9, 30));
        b.push(
            task,
            None,
            (e.uscc, date),
            "neimenggu-market",
            vec![item("market.food_production")],
            CheckKind::Random,
        );
    }
    let task = "NMG-HB-2024-02";
    for e in b.draw(&local_food, 4, &[]) {
        let date = weekday(&mut b.rng, day(11, 4), day(11, 22));
        b.push(
            task,
            None,
            (e.uscc, date),
            "neimenggu-eco_env",
            vec![item("eco_env.pollution_prevention")],
            CheckKind::Random,
        );
    }

    // 6. 科尔沁区 checks its own producers.
    let task = "KEQ-SC-2024-02";
    for e in &outside {
        if b.rng.chance(350) {
            let date = weekday(&mut b.rng, day(5, 6), day(6, 28));
            b.push(
                task,
                None,
                (e.uscc, date),
                "kerqin-market",
                vec![item("market.food_production")],
                CheckKind::Random,
            );
        }
    }

    // 7. County 专项检查 of dairy producers, December.
    let task = "HLGL-ZX-2024-01";
    let dairy: Vec<&Enterprise> = local_food
        .iter()
        .copied()
        .filter(|e| e.categories.contains("food_production:dairy"))
        .collect();
    for e in b.draw(&dairy, 15, &[]) {
        let date = weekday(&mut b.rng, day(12, 2), day(12, 20));
        b.push(
            task,
            None,
            (e.uscc, date),
            "huolinguole-market",
            vec![item("market.food_production")],
            CheckKind::Special,
        );
    }

    // 8. Exception checks (个案检查).
    // Each case gets its own task number, counted per case type.
    let mut numbers: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    let mut case_task = |prefix: &str| {
        let n = numbers.entry(prefix.to_owned()).or_insert(0);
        *n += 1;
        format!("HLGL-{prefix}-2024-{n:03}")
    };
    let complained: Vec<&Enterprise> = local.iter().copied().filter(|e| e.complaints > 0).collect();
    for e in complained {
        if b.rng.chance(400) {
            let date = weekday(&mut b.rng, day(1, 8), day(12, 27));
            let task = case_task("TS");
            b.push(
                &task,
                None,
                (e.uscc, date),
                "huolinguole-market",
                vec![item("market.food_production")],
                CheckKind::Complaint,
            );
        }
    }
    for (e, date) in joint_visits.clone() {
        if b.rng.chance(200) {
            let later = date + Days::new(20 + b.rng.below(21));
            if later.year() == 2024 {
                let later = weekday(&mut b.rng, later, later + Days::new(4));
                let task = case_task("FC");
                b.push(
                    &task,
                    None,
                    (e.uscc, later),
                    "huolinguole-market",
                    vec![item("market.food_production")],
                    CheckKind::RectificationRecheck,
                );
            }
        }
    }
    let singles: [(&str, CheckKind, usize, &str); 4] = [
        (
            "XK",
            CheckKind::LicensingSiteCheck,
            12,
            "huolinguole-market",
        ),
        ("JB", CheckKind::ReferredCase, 3, "huolinguole-market"),
        ("YQ", CheckKind::MediaExposure, 1, "huolinguole-market"),
        ("SQ", CheckKind::EnterpriseRequest, 2, "huolinguole-fire"),
    ];
    for (prefix, kind, k, authority) in singles {
        for e in b.draw(&local_food, k, &[]) {
            let date = weekday(&mut b.rng, day(1, 8), day(12, 27));
            let dept = by_id(authorities, authority).department.clone();
            let items = applicable(b.catalog, e, &[dept.as_str()], false)
                .into_iter()
                .take(1)
                .collect();
            let task = case_task(prefix);
            b.push(&task, None, (e.uscc, date), authority, items, kind);
        }
    }

    let mut records = b.records;
    records.sort_by(|x, y| {
        (x.date, &x.task_id, x.uscc, &x.authority.id).cmp(&(
            y.date,
            &y.task_id,
            y.uscc,
            &y.authority.id,
        ))
    });
    records
}

/// Records who made each county-level visit: two certified inspectors of the checking
/// department, drawn from their own stream so that the rest of the history is
/// unchanged. Higher-level visits keep an empty list (their inspectors are not on the
/// county roster).
pub fn assign_inspectors(seed: u64, records: &mut [CheckRecord], inspectors: &[Inspector]) {
    let mut rng = SplitMix64::stream(seed, "history-inspectors");
    for r in records.iter_mut() {
        if r.authority.level != shuangsuiji::model::Level::County
            || !r.authority.id.starts_with("huolinguole-")
        {
            continue;
        }
        let pool: Vec<&Inspector> = inspectors
            .iter()
            .filter(|i| i.certified && i.department == r.authority.department)
            .collect();
        if pool.len() < 2 {
            continue;
        }
        let mut ids: Vec<InspectorId> = rng
            .sample_indices(pool.len(), 2)
            .into_iter()
            .map(|k| pool[k].id.clone())
            .collect();
        ids.sort();
        r.inspectors = ids;
    }
}
