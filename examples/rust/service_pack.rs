//! The printed matter of one visit — the enterprise service card (企业服务卡) with its
//! receipt's QR code, the 政策清单 and the 普法明白纸 — for the first visit of the bundled
//! county's work plan, as JSON and as one printable Chinese A4 document.
//!
//! **Synthetic sample.** The enterprise, the task and the contact come from the work plan
//! of the synthetic county 霍林郭勒市 (`workplan` example, names marked 示例); the policies
//! are made up (marked 示例 on the page); the law entries quote real articles of
//! 《中华人民共和国食品安全法》(2021) and 《中华人民共和国行政处罚法》(2021) in plain words
//! of this example; the leniency entries name the bundled menus. The page's address is
//! a placeholder (`https://example.gov.cn/ssj/`, give the real one as the second
//! argument), the task's published folder is `sample/` (what `county` publishes for the
//! page in `bindings-wasm/page/sample`).
//!
//! Run after the `workplan` example:
//! `cargo run -p shuangsuiji-examples --bin service_pack [-- OUT_DIR [PAGE_URL [WORKPLAN_JSON]]]`
//! (defaults `out/service`, the placeholder, `out/workplan/workplan.json`); writes
//! `visit.json` and `visit.html`. scripts/service-pdf.sh prints the page to PDF and checks it.

use std::fs;
use std::path::PathBuf;

use shuangsuiji::draw::TaskId;
use shuangsuiji::workplan::WorkPlan;
use shuangsuiji_present::visit::{self, LawEntryView, PolicyView, ServiceCardView, VisitPackView};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A placeholder: every platform serves the verification page at its own address.
const PLACEHOLDER_PAGE: &str = "https://example.gov.cn/ssj/";

/// Working days within which a demand not answered on site is answered (a preset of
/// this example; the county plan asks for an answer without fixing the days).
const DEMAND_TIME_LIMIT_DAYS: u32 = 5;

fn date(s: &str) -> Result<chrono::NaiveDate> {
    Ok(s.parse()?)
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("out/service"), PathBuf::from);
    let page = args.next().unwrap_or_else(|| PLACEHOLDER_PAGE.to_owned());
    let plan_path = args.next().map_or_else(
        || PathBuf::from("out/workplan/workplan.json"),
        PathBuf::from,
    );
    let plan: WorkPlan = serde_json::from_slice(&fs::read(&plan_path).map_err(|e| {
        format!(
            "{}: {e} (run `cargo run -p shuangsuiji-examples --bin workplan` first)",
            plan_path.display()
        )
    })?)?;

    // The first visit of the plan: its day, its enterprise, the departments that check it.
    let day = plan.team_days.first().ok_or("the plan has no team-day")?;
    let stop = day.stops.first().ok_or("the first team-day has no stop")?;
    let departments: Vec<String> = plan
        .departments
        .iter()
        .filter(|d| d.lead || stop.items.iter().any(|i| i.department == d.department))
        .map(|d| d.name.clone())
        .collect();
    let card = ServiceCardView {
        task_id: TaskId::parse(&plan.task_id)?,
        task_name: plan.title.clone(),
        visit_date: day.date,
        enterprise_name: stop.name.clone(),
        uscc: stop.uscc,
        lead_department: plan.lead.issuer.clone(),
        contact_name: plan.lead.contact.name.clone(),
        contact_phone: plan.lead.contact.phone.clone(),
        departments,
        demand_time_limit_days: DEMAND_TIME_LIMIT_DAYS,
        receipt_url: visit::receipt_url(&page, "sample/", &stop.uscc)?,
    };
    let pack = VisitPackView {
        card,
        policies: policies()?,
        law_entries: law_entries(),
    };

    fs::create_dir_all(&out)?;
    fs::write(
        out.join("visit.json"),
        serde_json::to_string_pretty(&pack)? + "\n",
    )?;
    fs::write(out.join("visit.html"), visit::render(&pack)?)?;
    println!(
        "{}: service card, {} policies, {} law entries for {} → {}",
        plan.task_id,
        pack.policies.len(),
        pack.law_entries.len(),
        pack.card.enterprise_name,
        out.join("visit.html").display()
    );
    Ok(())
}

/// Made-up policies (synthetic: titles, numbers and dates are invented for the example).
fn policies() -> Result<Vec<PolicyView>> {
    Ok(vec![
        PolicyView {
            title: "关于支持食品生产小微企业质量提升的若干措施".into(),
            issuer: "霍林郭勒市市场监督管理局（示例）".into(),
            doc_number: "霍市监发〔2024〕8号".into(),
            date: date("2024-03-15")?,
            valid_until: Some(date("2026-12-31")?),
            synthetic: true,
            reasons: vec![
                "贵企业从事食品生产（行业：食品制造业）".into(),
                "贵企业为小微企业".into(),
            ],
        },
        PolicyView {
            title: "食品生产许可证延续、变更“免申即办”服务指南".into(),
            issuer: "霍林郭勒市市场监督管理局（示例）".into(),
            doc_number: "霍市监办〔2024〕21号".into(),
            date: date("2024-06-01")?,
            valid_until: None,
            synthetic: true,
            reasons: vec!["贵企业持有食品生产许可证".into()],
        },
        PolicyView {
            title: "企业安全生产标准化建设奖补办法".into(),
            issuer: "霍林郭勒市应急管理局（示例）".into(),
            doc_number: "霍应急发〔2023〕5号".into(),
            date: date("2023-11-20")?,
            valid_until: Some(date("2025-11-19")?),
            synthetic: true,
            reasons: vec!["本次联合检查含应急管理局的安全生产检查事项".into()],
        },
    ])
}

/// Law entries for food producers: real articles, explained in this example's words; the
/// leniency entries name the bundled menus (core/data/leniency/).
fn law_entries() -> Vec<LawEntryView> {
    let trade = "食品生产";
    vec![
        LawEntryView {
            law: "《中华人民共和国食品安全法》".into(),
            article: "第五十条".into(),
            explanation: "采购食品原料、食品添加剂和食品相关产品时，要查验供货者的许可证和产品合格证明；拿不出合格证明的原料要按食品安全标准检验；不合格的不能采购、不能使用。".into(),
            violations: vec![
                "进货时未查验供货者许可证和产品合格证明".into(),
                "未建立进货查验记录制度，或者记录和凭证保存期限不足（保质期满后六个月；没有明确保质期的，不少于二年）".into(),
            ],
            leniency: vec![
                "首违不罚：初次违法且危害后果轻微并及时改正的，可以不予行政处罚（《中华人民共和国行政处罚法》第三十三条）".into(),
            ],
            trade: trade.into(),
        },
        LawEntryView {
            law: "《中华人民共和国食品安全法》".into(),
            article: "第五十一条".into(),
            explanation: "建立出厂检验记录制度：查验出厂食品的检验合格证和安全状况，如实记录名称、规格、数量、生产日期或批号、检验合格证号等，记录和凭证至少保存到保质期满后六个月，没有明确保质期的不少于二年。".into(),
            violations: vec!["未建立或者未执行出厂检验记录制度".into()],
            leniency: vec![
                "轻微不罚：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚（《中华人民共和国行政处罚法》第三十三条）".into(),
            ],
            trade: trade.into(),
        },
        LawEntryView {
            law: "《中华人民共和国食品安全法》".into(),
            article: "第七十一条".into(),
            explanation: "食品和食品添加剂的标签、说明书不能有虚假内容，不能宣称预防、治疗疾病的功能；标签、说明书的内容由生产经营者负责。".into(),
            violations: vec![
                "标签、说明书存在瑕疵（如字体、格式不规范）".into(),
                "标签宣称疾病预防、治疗功能".into(),
            ],
            leniency: vec![
                "轻微不罚：标签、说明书存在瑕疵但不影响食品安全且不会对消费者造成误导，及时改正的（《中华人民共和国食品安全法》第一百二十五条第二款；山东省食品领域轻微违法行为不予处罚清单）".into(),
            ],
            trade: trade.into(),
        },
    ]
}
