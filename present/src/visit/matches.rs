//! From the service core's matching ([`shuangsuiji::service::match_services`]) to the
//! printed matter of one visit: the policies and law entries matched to the card's
//! enterprise, in the words the enterprise reads.

use std::collections::{BTreeMap, BTreeSet};

use shuangsuiji::enforcement::{Menu, MenuOutcome};
use shuangsuiji::service::{
    LawEntry, LawMatch, MatchReason, MatchRequest, PolicyMatch, ServiceMatches, merge_policies,
};
use shuangsuiji::{Error, ModelCode};

use super::model::{LawEntryView, PolicyView, ServiceCardView, VisitPackView};

/// The printed matter of the visit on `card`: the policies and the law-education entries
/// that `matches` (made by [`match_services`](shuangsuiji::service::match_services) from
/// `request`) gave the card's enterprise, with the facts the matches only name looked up
/// in `request` — a policy's issuer, date and validity from the merged lists, an entry's
/// plain text and common violations from the law-education menu (the bundled food
/// entries when the request gives none).
///
/// * Policies keep the matcher's order (by document number); their reasons are the
///   matcher's, in sentences (`贵企业从事食品生产`, `贵企业为小型企业`, `本次联合检查有
///   卫生健康委员会参加` …; being in force is printed as the validity, not as a reason).
/// * Law entries keep the matcher's order, grouped on the sheet by the trade that
///   matched (an entry for every trade under 各行业通用); the law is cited in 《》.
///   Their leniency lines are the linked menu entries that bind the enterprise
///   ([`MenuLink::applies`](shuangsuiji::service::MenuLink::applies): territory and day),
///   as `outcome：violation（menu 第n项）`.
/// * `names` gives the Chinese names of the codes the matcher reports — category
///   patterns (`food_production` → 食品生产), sizes (`small` → 小型企业), tags, department
///   codes; a code without a name prints as itself.
///
/// # Errors
/// `reference_unknown` when the matches are of another task than the card (field
/// `card.task_id`), hold no entry for the card's enterprise (field `card.uscc`), or name a
/// policy or law entry that `request` does not hold (fields `policies`, `law_entries`: the
/// matches were made from another request); the errors of
/// [`merge_policies`] and [`LawEntry::food_producers`] on `request`.
///
/// ```
/// use std::collections::BTreeMap;
/// use shuangsuiji::service::{MatchRequest, PolicyList, match_services};
/// use shuangsuiji_present::visit::{self, ServiceCardView, pack_from_matches};
/// let request: MatchRequest = serde_json::from_value(serde_json::json!({
///   "task": {"task_id": "T1", "on": "2026-03-10", "departments": ["market", "health"]},
///   "enterprises": [{"uscc": "91350100M000100Y43", "name": "示例乳品厂", "division": "150581",
///     "credit_class": "A", "status": "active", "categories": ["food_production:dairy"]}],
///   "policies": PolicyList::food_producers_sample()?,
///   "sizes": {"91350100M000100Y43": "small"}
/// })).unwrap();
/// let matches = match_services(&request)?;
/// let uscc = "91350100M000100Y43".parse()?;
/// let card = ServiceCardView {
///     task_id: shuangsuiji::draw::TaskId::parse("T1")?,
///     task_name: "食品生产企业联合抽查".into(),
///     visit_date: chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
///     enterprise_name: "示例乳品厂".into(),
///     uscc,
///     lead_department: "某县市场监督管理局".into(),
///     contact_name: "王丽".into(),
///     contact_phone: "0475-2812345".into(),
///     departments: vec!["市场监督管理局".into(), "卫生健康委员会".into()],
///     demand_time_limit_days: 5,
///     receipt_url: visit::receipt_url("https://example.gov.cn/ssj/", "T1/", &uscc)?,
/// };
/// let names = BTreeMap::from([("food_production".to_owned(), "食品生产".to_owned()),
///                             ("small".to_owned(), "小型企业".to_owned())]);
/// let pack = pack_from_matches(&card, &request, &matches, &names)?;
/// let p = pack.policies.iter().find(|p| p.doc_number == "示例市监〔2026〕1号").unwrap();
/// assert_eq!(p.issuer, "（示例）某县市场监督管理局");
/// assert_eq!(p.reasons, ["贵企业从事食品生产", "贵企业为小型企业"]);
/// assert!(pack.law_entries.iter().any(|e| e.article == "第五十条" && e.trade == "食品生产"));
/// assert!(visit::render(&pack)?.contains("示例市监〔2026〕1号"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn pack_from_matches(
    card: &ServiceCardView,
    request: &MatchRequest,
    matches: &ServiceMatches,
    names: &BTreeMap<String, String>,
) -> Result<VisitPackView, Error> {
    if matches.task_id != card.task_id.as_str() {
        return Err(unknown(
            "card.task_id",
            card.task_id.as_str(),
            format!(
                "the matches are of task {}, the card of task {}",
                matches.task_id,
                card.task_id.as_str()
            ),
        ));
    }
    let services = matches
        .enterprises
        .iter()
        .find(|e| e.uscc == card.uscc)
        .ok_or_else(|| {
            unknown(
                "card.uscc",
                card.uscc.as_str(),
                format!("the matches hold no enterprise {}", card.uscc),
            )
        })?;
    let merged = merge_policies(&request.policies).map_err(|e| e.within("policies"))?;
    let law = match &request.law_entries {
        Some(l) => l.clone(),
        None => LawEntry::food_producers()?,
    };
    let menus = Menu::bundled()?;
    let name = |code: &str| names.get(code).cloned().unwrap_or_else(|| code.to_owned());
    let policies = services
        .policies
        .iter()
        .map(|m| {
            let p = merged
                .policies
                .iter()
                .map(|mp| &mp.policy)
                .find(|p| p.document_no.trim() == m.document_no.trim())
                .ok_or_else(|| not_in_request("policies", &m.document_no))?;
            Ok(PolicyView {
                title: p.title.clone(),
                issuer: p.issuer.clone(),
                doc_number: p.document_no.clone(),
                date: p.issued_on,
                valid_until: p.valid_to,
                synthetic: m.synthetic,
                reasons: policy_reasons(m, &name),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let law_entries = services
        .law_entries
        .iter()
        .map(|m| {
            let entry = law
                .iter()
                .find(|l| l.id == m.id)
                .ok_or_else(|| not_in_request("law_entries", &m.id))?;
            Ok(LawEntryView {
                law: cite(&m.document),
                article: m.article.clone(),
                explanation: entry.plain.clone(),
                violations: entry
                    .violations
                    .iter()
                    .map(|v| v.violation.clone())
                    .collect(),
                leniency: leniency(m, &menus),
                trade: m
                    .because
                    .iter()
                    .find(|r| r.criterion == "trade")
                    .map_or_else(|| "各行业通用".to_owned(), |r| trade(r, &name)),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(VisitPackView {
        card: card.clone(),
        policies,
        law_entries,
    })
}

fn unknown(field: &str, value: &str, message: String) -> Error {
    Error::new(ModelCode::ReferenceUnknown, message)
        .with_field(field)
        .with_value(value)
}

fn not_in_request(field: &str, id: &str) -> Error {
    unknown(
        field,
        id,
        format!(
            "the matches name {id}, which the request does not hold: were they made from another request?"
        ),
    )
}

/// The pattern of `r.required` that `r.matched` falls under (`food_production` for
/// `food_production:dairy`), else what matched.
fn covering(r: &MatchReason) -> &str {
    r.required
        .iter()
        .find(|p| {
            r.matched == **p
                || r.matched
                    .strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.starts_with(':'))
        })
        .map_or(r.matched.as_str(), String::as_str)
}

fn trade(r: &MatchReason, name: &impl Fn(&str) -> String) -> String {
    if r.required.is_empty() {
        "各行业通用".to_owned()
    } else {
        name(covering(r))
    }
}

/// The matcher's reasons in sentences; being in force is printed as the validity.
fn policy_reasons(m: &PolicyMatch, name: &impl Fn(&str) -> String) -> Vec<String> {
    m.because
        .iter()
        .filter_map(|r| match r.criterion.as_str() {
            "in_force" => None,
            "category" => Some(format!("贵企业从事{}", name(covering(r)))),
            "size" => Some(format!("贵企业为{}", name(&r.matched))),
            "tag" => Some(format!("贵企业具有“{}”标签", name(&r.matched))),
            "department" => Some(format!("本次联合检查有{}参加", name(&r.matched))),
            other => Some(format!("{other}：{}", name(&r.matched))),
        })
        .collect()
}

/// A law cited as 《title》 with its edition after it: `中华人民共和国食品安全法（2021年
/// 4月29日修正）` → `《中华人民共和国食品安全法》（2021年4月29日修正）`.
fn cite(document: &str) -> String {
    if document.starts_with('《') {
        return document.to_owned();
    }
    let (title, edition) = document.split_at(document.find('（').unwrap_or(document.len()));
    format!("《{title}》{edition}")
}

/// The linked menu entries that bind the enterprise, each once, in link order.
fn leniency(m: &LawMatch, menus: &[Menu]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    m.menu_entries
        .iter()
        .filter(|l| l.applies && seen.insert(l.entry_id.as_str()))
        .map(|l| {
            let found = menus.iter().find_map(|menu| {
                menu.entries
                    .iter()
                    .find(|e| e.id == l.entry_id)
                    .map(|e| (menu, e))
            });
            let Some((menu, e)) = found else {
                return l.entry_id.clone();
            };
            let outcome = match e.outcome {
                Some(MenuOutcome::NotPunished) => "不予处罚",
                Some(MenuOutcome::MayNotPunish) => "可以不予处罚",
                Some(MenuOutcome::Lighter) => "从轻处罚",
                Some(MenuOutcome::Mitigated) => "减轻处罚",
                None => "见清单",
            };
            let what = e.violation_type.as_deref().unwrap_or(&e.id);
            let number = e.number.map(|n| format!("第{n}项")).unwrap_or_default();
            format!("{outcome}：{what}（{}{number}）", menu.title)
        })
        .collect()
}
