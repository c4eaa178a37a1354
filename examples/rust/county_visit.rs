//! Step 11 of the `county` example, the printed matter of one visit: the service card
//! (企业服务卡) with the receipt's address and QR code, the 政策清单 and the 普法明白纸, made
//! from the service core's matching (`service::match_services`) of the task's visited
//! enterprises by `visit::pack_from_matches`, written as `visit-<USCC>.json` and
//! `visit-<USCC>.html` (scripts/service-pdf.sh prints the page and checks the PDF).
//!
//! **Synthetic.** The policy lists below are made up for the example (marked
//! `verification: synthetic`, printed as 示例); the law entries are the bundled ones for
//! food producers (real articles); the contact is the sample county's (示例).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use shuangsuiji::draw::{DrawResult, Visit};
use shuangsuiji::model::{Catalog, Roster};
use shuangsuiji::service::{MatchRequest, PolicyList, ServiceTask, match_services};
use shuangsuiji_present::visit::{self, ServiceCardView, VisitPackView, pack_from_matches};

use crate::Result;

/// Working days within which a demand not answered on site is answered (a preset of
/// this example, the transfers of step 11 use 5 and 10; the county plan asks for an
/// answer without fixing the days).
const DEMAND_TIME_LIMIT_DAYS: u32 = 5;

/// What the lead department prints for one visit, and where.
pub struct VisitPrint<'a> {
    /// The output folder: the task's publication folder, which the page opens as
    /// `<folder name>/` (`sample/` when written to `bindings-wasm/page/sample`).
    pub out: &'a Path,
    /// The verification page's address (a placeholder unless `--page=URL` is given).
    pub page: &'a str,
    /// The day of the visit.
    pub on: chrono::NaiveDate,
}

/// Matches the task's policies and law entries to its visited enterprises and writes the
/// printed matter of `visit`; returns the HTML file's path.
pub fn write(
    print: &VisitPrint<'_>,
    draw: &DrawResult,
    visit: &Visit,
    catalog: &Catalog,
    roster: &Roster,
) -> Result<(PathBuf, VisitPackView)> {
    let departments: BTreeSet<_> = draw
        .visits
        .iter()
        .flat_map(|v| v.departments.iter().cloned())
        .collect();
    let request = MatchRequest {
        task: ServiceTask {
            task_id: draw.task_id.as_str().to_owned(),
            on: print.on,
            departments,
        },
        enterprises: draw
            .visits
            .iter()
            .filter_map(|v| roster.get(&v.uscc).cloned())
            .collect(),
        policies: policy_lists()?,
        law_entries: None,
        sizes: BTreeMap::new(),
        tags: BTreeMap::new(),
    };
    let matches = match_services(&request)?;

    // Names of the codes the matcher reports: the catalog's departments, the trades.
    let mut names: BTreeMap<String, String> = catalog
        .departments
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.name.clone()))
        .collect();
    names.insert("food_production".into(), "食品生产".into());
    names.insert("food_additive".into(), "食品添加剂生产".into());
    names.insert("food_business".into(), "食品经营".into());

    let enterprise = roster
        .get(&visit.uscc)
        .ok_or("the visit is not on the roster")?;
    let lead = crate::sample::authority("huolinguole-market")?;
    // The lead department first, then the others of the visit in the catalog's order.
    let mut team: Vec<String> = vec![names[lead.department.as_str()].clone()];
    team.extend(
        catalog
            .departments
            .iter()
            .filter(|d| d.code != lead.department && visit.departments.contains(&d.code))
            .map(|d| d.name.clone()),
    );
    let folder = print
        .out
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("the output folder has no name")?;
    let card = ServiceCardView {
        task_id: draw.task_id.clone(),
        task_name: "2024年第三季度食品生产企业“综合监管一件事”联合抽查".into(),
        visit_date: print.on,
        enterprise_name: enterprise.name.clone(),
        uscc: visit.uscc,
        lead_department: lead.name.clone().ok_or("the lead authority has no name")?,
        contact_name: "王丽（示例）".into(),
        contact_phone: "0475-2812345".into(),
        departments: team,
        demand_time_limit_days: DEMAND_TIME_LIMIT_DAYS,
        receipt_url: visit::receipt_url(print.page, &format!("{folder}/"), &visit.uscc)?,
    };
    let pack = pack_from_matches(&card, &request, &matches, &names)?;
    let stem = print.out.join(format!("visit-{}", visit.uscc));
    fs::write(
        stem.with_extension("json"),
        serde_json::to_string_pretty(&pack)? + "\n",
    )?;
    let html = stem.with_extension("html");
    fs::write(&html, visit::render(&pack)?)?;
    Ok((html, pack))
}

/// The departments' policy lists for the task: SYNTHETIC, made up for the example. The
/// market and health lists share one document (merged by the lead department); one
/// policy expired before the visits and is not printed.
fn policy_lists() -> Result<Vec<PolicyList>> {
    let synthetic = serde_json::json!({"document": "合成示例数据，不是真实文件",
        "verification": "synthetic"});
    let subsidy = serde_json::json!({
        "title": "（示例）食品生产企业质量安全提升奖补办法",
        "issuer": "（示例）霍林郭勒市人民政府办公室", "document_no": "示例霍政办发〔2024〕12号",
        "issued_on": "2024-03-15", "valid_from": "2024-04-01", "valid_to": "2026-12-31",
        "summary": "（示例）通过食品安全管理体系认证的食品生产企业给予一次性奖补。",
        "applies_to": {"categories": ["food_production", "food_additive"]},
        "provenance": synthetic});
    Ok(serde_json::from_value(serde_json::json!([
        {"department": "market", "policies": [
            subsidy,
            {"title": "（示例）食品生产许可证延续“免申即办”服务指南",
             "issuer": "（示例）霍林郭勒市市场监督管理局", "document_no": "示例霍市监办〔2024〕21号",
             "issued_on": "2024-06-01", "valid_from": "2024-06-01",
             "summary": "（示例）许可证到期前主动提醒，符合条件的免于提交申请材料直接延续。",
             "applies_to": {"categories": ["food_production"]}, "provenance": synthetic},
            {"title": "（示例）2023年度食品小作坊提升补助",
             "issuer": "（示例）霍林郭勒市市场监督管理局", "document_no": "示例霍市监发〔2023〕30号",
             "issued_on": "2023-05-10", "valid_from": "2023-05-10", "valid_to": "2024-06-30",
             "summary": "（示例）已到期，不再发放。",
             "applies_to": {"categories": ["food_production"]}, "provenance": synthetic}
        ]},
        {"department": "health", "policies": [subsidy]},
        {"department": "emergency", "policies": [
            {"title": "（示例）企业安全生产标准化建设奖补办法",
             "issuer": "（示例）霍林郭勒市应急管理局", "document_no": "示例霍应急发〔2024〕5号",
             "issued_on": "2024-02-20", "valid_from": "2024-02-20", "valid_to": "2025-12-31",
             "summary": "（示例）达到安全生产标准化三级以上的企业给予奖补。",
             "applies_to": {"departments": ["emergency"]}, "provenance": synthetic}
        ]}
    ]))?)
}
