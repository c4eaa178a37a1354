//! What the work-plan page shows, in the words and formats a clerk reads.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use shuangsuiji::model::{DepartmentCode, InspectorId};
use shuangsuiji::workplan::{TeamDay, WorkPlan};

use crate::format::{date_cn, short_working_day_cn, working_day_cn};

#[derive(Serialize)]
pub(super) struct View {
    title: String,
    issuer: String,
    issued: Option<String>,
    lead_name: String,
    partners: String,
    contact_name: String,
    contact_phone: String,
    contact_address: Option<String>,
    departments: Vec<Department>,
    first_day: String,
    last_day: String,
    working_days: u32,
    days: Vec<String>,
    visits: u32,
    inspectors: u32,
    team_day_count: usize,
    teams_per_day: u32,
    /// Every team-day is walked by one team (teams per route): one 组长 per team-day.
    one_team_per_day: bool,
    team_days: Vec<Day>,
    tech: Tech,
}

#[derive(Serialize)]
struct Department {
    name: String,
    lead: bool,
    items: Vec<Item>,
    visits: u32,
}

#[derive(Serialize)]
struct Item {
    name: String,
    content: String,
    visits: u32,
}

#[derive(Serialize)]
struct Day {
    number: u32,
    date: String,
    towns: String,
    leads: String,
    /// The team's lead when one team walks the whole route.
    lead: Option<String>,
    inspectors: Vec<Person>,
    stops: Vec<Stop>,
}

#[derive(Serialize)]
struct Person {
    name: String,
    id: String,
    department: String,
    certified: bool,
    leads: String,
}

#[derive(Serialize)]
struct Stop {
    order: u32,
    name: String,
    uscc: String,
    town: Option<String>,
    items: Vec<String>,
    lead: String,
    members: String,
}

#[derive(Serialize)]
struct Tech {
    task_id: String,
    seed: String,
    draw_algorithm: String,
    team_algorithm: String,
    catalog_id: String,
    catalog_version: String,
    catalog_hash: String,
}

impl View {
    pub(super) fn of(plan: &WorkPlan) -> Self {
        let dept: BTreeMap<&DepartmentCode, &str> = plan
            .departments
            .iter()
            .map(|d| (&d.department, d.name.as_str()))
            .collect();
        let partners: Vec<&str> = plan
            .departments
            .iter()
            .filter(|d| !d.lead)
            .map(|d| d.name.as_str())
            .collect();
        let lead = &plan.lead;
        Self {
            title: plan.title.clone(),
            issuer: lead.issuer.clone(),
            issued: plan.issued.map(date_cn),
            lead_name: lead.name.clone(),
            partners: if partners.is_empty() {
                "相关部门".to_owned()
            } else {
                partners.join("、")
            },
            contact_name: lead.contact.name.clone(),
            contact_phone: lead.contact.phone.clone(),
            contact_address: lead.contact.address.clone(),
            departments: plan
                .departments
                .iter()
                .map(|d| Department {
                    name: d.name.clone(),
                    lead: d.lead,
                    items: d
                        .items
                        .iter()
                        .map(|i| Item {
                            name: i.name.clone(),
                            content: i.content.clone(),
                            visits: i.visits,
                        })
                        .collect(),
                    visits: d.visits,
                })
                .collect(),
            first_day: working_day_cn(plan.window.first_day),
            last_day: working_day_cn(plan.window.last_day),
            working_days: plan.window.working_days,
            days: plan
                .window
                .days
                .iter()
                .map(|d| short_working_day_cn(*d))
                .collect(),
            visits: plan.visits,
            inspectors: plan.inspectors,
            team_day_count: plan.team_days.len(),
            teams_per_day: plan.teams_per_day,
            one_team_per_day: !plan.team_days.is_empty()
                && plan.team_days.iter().all(|t| t.lead.is_some()),
            team_days: plan.team_days.iter().map(|t| day(t, &dept)).collect(),
            tech: Tech {
                task_id: plan.task_id.clone(),
                seed: plan.technical.seed.to_hex(),
                draw_algorithm: plan.technical.draw_algorithm.as_str().to_owned(),
                team_algorithm: plan.technical.team_algorithm.clone(),
                catalog_id: plan.technical.catalog_id.clone(),
                catalog_version: plan.technical.catalog_version.clone(),
                catalog_hash: plan.technical.catalog_hash.clone(),
            },
        }
    }
}

fn day(t: &TeamDay, dept: &BTreeMap<&DepartmentCode, &str>) -> Day {
    let name: BTreeMap<&InspectorId, &str> = t
        .inspectors
        .iter()
        .map(|p| {
            (
                &p.inspector,
                p.name.as_deref().unwrap_or(p.inspector.as_str()),
            )
        })
        .collect();
    let who = |id: &InspectorId| name.get(id).copied().unwrap_or(id.as_str()).to_owned();
    let mut led: BTreeMap<&InspectorId, Vec<String>> = BTreeMap::new();
    if let Some(lead) = &t.lead {
        // One team walks the route: its lead leads at every stop.
        led.insert(lead, vec!["本组组长".to_owned()]);
    } else {
        for s in &t.stops {
            led.entry(&s.lead)
                .or_default()
                .push(format!("第{}户", s.order));
        }
    }
    let mut towns: Vec<&str> = Vec::new();
    for town in t
        .stops
        .iter()
        .filter_map(|s| s.town.as_deref())
        .chain(t.town.as_deref())
    {
        if !towns.contains(&town) {
            towns.push(town);
        }
    }
    let leads: BTreeSet<String> = t.stops.iter().map(|s| who(&s.lead)).collect();
    let dept_name = |d: &DepartmentCode| dept.get(d).copied().unwrap_or(d.as_str()).to_owned();
    Day {
        number: t.number,
        date: working_day_cn(t.date),
        towns: if towns.is_empty() {
            "—".to_owned()
        } else {
            towns.join("、")
        },
        leads: leads.into_iter().collect::<Vec<_>>().join("、"),
        lead: t.lead.as_ref().map(&who),
        inspectors: t
            .inspectors
            .iter()
            .map(|p| Person {
                name: who(&p.inspector),
                id: p.inspector.as_str().to_owned(),
                department: dept_name(&p.department),
                certified: p.certified,
                leads: led
                    .get(&p.inspector)
                    .map(|v| v.join("、"))
                    .unwrap_or_default(),
            })
            .collect(),
        stops: t
            .stops
            .iter()
            .map(|s| Stop {
                order: s.order,
                name: s.name.clone(),
                uscc: s.uscc.as_str().to_owned(),
                town: s.town.clone(),
                // The department of each item is in the plan's table and on the
                // inspectors' lines; the name alone keeps the row short.
                items: s.items.iter().map(|i| i.name.clone()).collect(),
                lead: who(&s.lead),
                members: s
                    .members
                    .iter()
                    .filter(|m| **m != s.lead)
                    .map(&who)
                    .collect::<Vec<_>>()
                    .join("、"),
            })
            .collect(),
    }
}
