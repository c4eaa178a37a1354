//! The printed matter of a visit made from the service core's matching
//! (`visit::pack_from_matches`): every matched policy and law entry is on the sheets with
//! the facts the matches only name, the reasons in sentences, the binding leniency
//! entries only; mismatched inputs are refused.

use std::collections::BTreeMap;

use serde_json::json;
use shuangsuiji::service::{MatchRequest, PolicyList, ServiceMatches, match_services};
use shuangsuiji_present::visit::{
    self, LawEntryView, ServiceCardView, VisitPackView, pack_from_matches,
};

const USCC: &str = "91350100M000100Y43";

fn request(on: &str, division: &str) -> MatchRequest {
    serde_json::from_value(json!({
        "task": {"task_id": "T1", "on": on, "departments": ["market", "health"]},
        "enterprises": [
            {"uscc": USCC, "name": "示例乳品厂", "division": division,
             "credit_class": "A", "status": "active", "categories": ["food_production:dairy"]},
            {"uscc": "91150581YX018YNJ72", "name": "示例添加剂厂", "division": division,
             "credit_class": "A", "status": "active", "categories": ["food_additive"]}
        ],
        "policies": PolicyList::food_producers_sample().unwrap(),
        "sizes": {USCC: "small"},
    }))
    .unwrap()
}

fn card(on: &str, uscc: &str) -> ServiceCardView {
    serde_json::from_value(json!({
        "task_id": "T1", "task_name": "食品生产企业联合抽查", "visit_date": on,
        "enterprise_name": "示例乳品厂", "uscc": uscc, "lead_department": "某县市场监督管理局",
        "contact_name": "王丽", "contact_phone": "0475-2812345",
        "departments": ["市场监督管理局", "卫生健康委员会"], "demand_time_limit_days": 5,
        "receipt_url": format!("https://example.gov.cn/ssj/?task=T1%2F&uscc={uscc}")
    }))
    .unwrap()
}

fn names() -> BTreeMap<String, String> {
    [
        ("food_production", "食品生产"),
        ("small", "小型企业"),
        ("health", "卫生健康委员会"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// The printed law entry of an article.
fn entry<'a>(p: &'a VisitPackView, article: &str) -> &'a LawEntryView {
    p.law_entries.iter().find(|e| e.article == article).unwrap()
}

fn pack(on: &str, division: &str) -> (VisitPackView, ServiceMatches) {
    let req = request(on, division);
    let m = match_services(&req).unwrap();
    (
        pack_from_matches(&card(on, USCC), &req, &m, &names()).unwrap(),
        m,
    )
}

#[test]
fn every_match_is_printed_with_the_facts_of_the_lists() {
    let (p, m) = pack("2026-03-10", "370102");
    let ours = m
        .enterprises
        .iter()
        .find(|e| e.uscc.as_str() == USCC)
        .unwrap();
    // The matcher's policies and entries, in its order, nothing else.
    let docs: Vec<&str> = p.policies.iter().map(|p| p.doc_number.as_str()).collect();
    let matched: Vec<&str> = ours
        .policies
        .iter()
        .map(|p| p.document_no.as_str())
        .collect();
    assert_eq!(docs, matched);
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert_eq!(p.law_entries.len(), ours.law_entries.len());
    // Facts the matches only name come from the lists.
    let subsidy = &p.policies[docs
        .iter()
        .position(|d| *d == "示例市监〔2026〕1号")
        .unwrap()];
    assert_eq!(subsidy.issuer, "（示例）某县市场监督管理局");
    assert_eq!(subsidy.date.to_string(), "2026-01-15");
    assert_eq!(subsidy.valid_until.unwrap().to_string(), "2026-12-31");
    assert!(subsidy.synthetic);
    assert_eq!(subsidy.reasons, ["贵企业从事食品生产", "贵企业为小型企业"]);
    let health = &p.policies[docs
        .iter()
        .position(|d| *d == "示例卫健〔2026〕3号")
        .unwrap()];
    assert_eq!(health.reasons, ["本次联合检查有卫生健康委员会参加"]);
    // Law entries: the law in 《》, the plain text, the violations, the trade that matched.
    let purchase = entry(&p, "第五十条");
    assert_eq!(
        purchase.law,
        "《中华人民共和国食品安全法》（2021年4月29日修正）"
    );
    assert!(purchase.explanation.starts_with("采购原料"));
    assert_eq!(purchase.violations.len(), 1);
    assert_eq!(purchase.trade, "食品生产");
    let cooperation = entry(&p, "第二十六条");
    assert_eq!(cooperation.trade, "各行业通用");
    // In 370102 on 2026-03-10 both the 山东 entry and the SAMR list bind.
    let labels = entry(&p, "第七十一条");
    assert_eq!(labels.leniency.len(), 2, "{:?}", labels.leniency);
    assert!(labels.leniency[0].starts_with("不予处罚：食品、食品添加剂的标签、说明书存在瑕疵"));
    assert!(
        labels.leniency[1].ends_with("（市场监管行政违法行为首违不罚清单（一）第6项）"),
        "{}",
        labels.leniency[1]
    );
    // The card is the one given.
    assert_eq!(p.card, card("2026-03-10", USCC));
    let html = visit::render(&p).unwrap();
    for needle in [
        "示例市监〔2026〕1号",
        "（示例）某县市场监督管理局",
        "贵企业从事食品生产；贵企业为小型企业",
        "适用行业：食品生产",
        "适用行业：各行业通用",
        "可以不予处罚：经营标签不符合GB 7718和&#x2f;或GB 28050规定的预包装食品",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn only_leniency_entries_that_bind_there_and_then_are_printed() {
    // In Inner Mongolia the 山东 list does not bind; in 2024 the SAMR list of 2025 does
    // not yet: the label entry is printed without a leniency line. (No sample policy is
    // in force in 2024.)
    let (p, _) = pack("2024-09-10", "150581");
    assert!(p.policies.is_empty());
    let labels = entry(&p, "第七十一条");
    assert!(labels.leniency.is_empty(), "{:?}", labels.leniency);
    let (p, _) = pack("2026-03-10", "150581");
    let labels = entry(&p, "第七十一条");
    assert_eq!(labels.leniency.len(), 1, "{:?}", labels.leniency);
    assert!(labels.leniency[0].starts_with("可以不予处罚：经营标签不符合"));
}

#[test]
fn a_code_without_a_name_prints_as_itself() {
    let req = request("2026-03-10", "370102");
    let m = match_services(&req).unwrap();
    let p = pack_from_matches(&card("2026-03-10", USCC), &req, &m, &BTreeMap::new()).unwrap();
    let subsidy = p
        .policies
        .iter()
        .find(|p| p.doc_number == "示例市监〔2026〕1号")
        .unwrap();
    assert_eq!(
        subsidy.reasons,
        ["贵企业从事food_production", "贵企业为small"]
    );
}

#[test]
fn matches_of_another_enterprise_task_or_request_are_refused() {
    let req = request("2026-03-10", "370102");
    let m = match_services(&req).unwrap();
    // The code and field of refusing `card` with `request`'s matches `m`.
    let refused = |card: &ServiceCardView, request: &MatchRequest| {
        let e = pack_from_matches(card, request, &m, &names()).unwrap_err();
        assert_eq!(e.code().as_str(), "reference_unknown");
        e.details().field.clone().unwrap_or_default()
    };
    let ours = card("2026-03-10", USCC);
    let stranger = card("2026-03-10", "91150105YX2F3MRW59");
    assert_eq!(refused(&stranger, &req), "card.uscc");
    let mut other_task = ours.clone();
    other_task.task_id = shuangsuiji::draw::TaskId::parse("T2").unwrap();
    assert_eq!(refused(&other_task, &req), "card.task_id");
    let mut fewer = req.clone();
    fewer.policies[0].policies.remove(0);
    assert_eq!(refused(&ours, &fewer), "policies");
    let mut no_law = req.clone();
    no_law.law_entries = Some(Vec::new());
    assert_eq!(refused(&ours, &no_law), "law_entries");
}
