//! Matching per enterprise per task (seed §三(三)二: 精准推送涉企政策, 普法明白纸):
//! which policies of the merged list and which law-education entries go to each
//! enterprise, deterministic, each match with its reasons.
//!
//! Tested by `core/tests/all/service_matching.rs` and
//! `tests/vectors/service/matching.ops.json`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::law::{LawEntry, check_law_entries};
use super::policy::{PolicyList, merge_policies};
use crate::enforcement::Menu;
use crate::model::{Applicability, DepartmentCode, Enterprise, Uscc};
use crate::{Error, Result, ServiceCode};

/// The task the service goes with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTask {
    /// The task.
    pub task_id: String,
    /// The day of the visits (policies must be in force on it).
    pub on: NaiveDate,
    /// The departments of the joint check.
    pub departments: BTreeSet<DepartmentCode>,
}

/// What the lead department matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    /// The task.
    pub task: ServiceTask,
    /// The enterprises (roster records) to serve.
    pub enterprises: Vec<Enterprise>,
    /// Each department's policy list; merged first, and any conflict refuses the match.
    pub policies: Vec<PolicyList>,
    /// The law-education menu (absent: the bundled food-producer entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law_entries: Option<Vec<LawEntry>>,
    /// Enterprise sizes by USCC (`micro`, `small` …), where known.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sizes: BTreeMap<Uscc, String>,
    /// Profile tags by USCC (rule ids, e.g. from `profile_enterprises`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<Uscc, BTreeSet<String>>,
}

/// One reason of a match: the criterion, what the policy or entry asks, what the
/// enterprise or task has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchReason {
    /// `in_force`, `category`, `size`, `tag`, `department` or `trade`.
    pub criterion: String,
    /// What is asked (empty: no restriction).
    pub required: Vec<String>,
    /// What matched.
    pub matched: String,
}

/// A policy for the enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyMatch {
    /// The document number.
    pub document_no: String,
    /// The title.
    pub title: String,
    /// Made-up sample data (never hand it out).
    pub synthetic: bool,
    /// Why.
    pub because: Vec<MatchReason>,
}

/// A linked leniency menu entry and whether it binds the enterprise: its issuer's
/// territory covers the enterprise's division and it is in force on the task's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuLink {
    /// The menu entry.
    pub entry_id: String,
    /// Whether it binds where the enterprise is registered, on the task's day.
    pub applies: bool,
}

/// A law-education entry for the enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawMatch {
    /// The entry.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The law.
    pub document: String,
    /// The article.
    pub article: String,
    /// Why.
    pub because: Vec<MatchReason>,
    /// The leniency menu entries of its common violations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub menu_entries: Vec<MenuLink>,
}

/// What one enterprise receives at the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseServices {
    /// The enterprise.
    pub uscc: Uscc,
    /// Its name.
    pub name: String,
    /// Policies, by document number.
    pub policies: Vec<PolicyMatch>,
    /// Law-education entries, by id.
    pub law_entries: Vec<LawMatch>,
}

/// The matches of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceMatches {
    /// The task.
    pub task_id: String,
    /// Per enterprise, by USCC.
    pub enterprises: Vec<EnterpriseServices>,
}

fn category_reason(
    patterns: &BTreeSet<String>,
    e: &Enterprise,
    criterion: &str,
) -> Option<MatchReason> {
    let req: Vec<String> = patterns.iter().cloned().collect();
    if patterns.is_empty() {
        return Some(MatchReason {
            criterion: criterion.into(),
            required: req,
            matched: "any".into(),
        });
    }
    let scope = Applicability {
        categories: patterns.clone(),
        exclude_categories: BTreeSet::new(),
    };
    e.categories
        .iter()
        .find(|c| scope.matches_category(c))
        .map(|c| MatchReason {
            criterion: criterion.into(),
            required: req,
            matched: c.clone(),
        })
}

fn set_reason(
    criterion: &str,
    required: &BTreeSet<String>,
    have: &BTreeSet<String>,
) -> Option<MatchReason> {
    required
        .iter()
        .find(|r| have.contains(*r))
        .map(|m| MatchReason {
            criterion: criterion.into(),
            required: required.iter().cloned().collect(),
            matched: m.clone(),
        })
}

fn names(set: &BTreeSet<DepartmentCode>) -> BTreeSet<String> {
    set.iter().map(|d| d.as_str().to_owned()).collect()
}

/// Matches the merged policies and the law-education entries to each enterprise:
/// a policy when it is in force on the task's day and each criterion it restricts
/// (category, size, tag, department of the task) is met; a law entry when one of its
/// trades matches (or it has none). Every match lists its reasons; the linked menu
/// entries say whether they bind at the enterprise's division on the task's day.
///
/// # Errors
/// `policy_invalid` / `policy_conflict` (the lists must merge without conflicts:
/// settle them first with [`merge_policies`]); `law_entry_invalid`.
///
/// ```
/// use shuangsuiji::service::{MatchRequest, PolicyList, match_services};
/// let req: MatchRequest = serde_json::from_value(serde_json::json!({
///   "task": {"task_id": "T1", "on": "2026-03-10", "departments": ["market", "health"]},
///   "enterprises": [{"uscc": "91350100M000100Y43", "name": "示例乳品厂", "division": "150581",
///     "credit_class": "A", "status": "active", "categories": ["food_production:dairy"]}],
///   "policies": PolicyList::food_producers_sample()?,
///   "sizes": {"91350100M000100Y43": "small"}
/// })).unwrap();
/// let m = match_services(&req)?;
/// let p = &m.enterprises[0].policies;
/// assert!(p.iter().all(|p| p.synthetic));
/// assert!(p.iter().any(|p| p.document_no == "示例市监〔2026〕1号"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn match_services(req: &MatchRequest) -> Result<ServiceMatches> {
    let merged = merge_policies(&req.policies).map_err(|e| e.within("policies"))?;
    if let Some(c) = merged.conflicts.first() {
        return Err(Error::new(
            ServiceCode::PolicyConflict,
            format!(
                "policy {} is listed with different {} by {}: settle it before matching",
                c.document_no,
                c.fields.join(", "),
                c.departments
                    .iter()
                    .map(DepartmentCode::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .with_field("policies")
        .with_value(&c.document_no));
    }
    let law = match &req.law_entries {
        Some(l) => {
            check_law_entries(l).map_err(|e| e.within("law_entries"))?;
            l.clone()
        }
        None => LawEntry::food_producers()?,
    };
    let no_tags = BTreeSet::new();
    let task_departments = names(&req.task.departments);
    let mut out = Vec::new();
    let mut enterprises: Vec<&Enterprise> = req.enterprises.iter().collect();
    enterprises.sort_by_key(|e| e.uscc);
    for e in enterprises {
        let tags = req.tags.get(&e.uscc).unwrap_or(&no_tags);
        let size: BTreeSet<String> = req.sizes.get(&e.uscc).cloned().into_iter().collect();
        let mut policies = Vec::new();
        for m in &merged.policies {
            let p = &m.policy;
            if !p.in_force(req.task.on) {
                continue;
            }
            let s = &p.applies_to;
            let mut because = vec![MatchReason {
                criterion: "in_force".into(),
                required: vec![match p.valid_to {
                    Some(to) => format!("{} … {to}", p.valid_from),
                    None => format!("{} …", p.valid_from),
                }],
                matched: req.task.on.to_string(),
            }];
            let Some(cat) = category_reason(&s.categories, e, "category") else {
                continue;
            };
            if !s.categories.is_empty() {
                because.push(cat);
            }
            let checks = [
                (
                    "size",
                    set_reason("size", &s.sizes, &size),
                    s.sizes.is_empty(),
                ),
                ("tag", set_reason("tag", &s.tags, tags), s.tags.is_empty()),
                (
                    "department",
                    set_reason("department", &names(&s.departments), &task_departments),
                    s.departments.is_empty(),
                ),
            ];
            let mut ok = true;
            for (_, reason, unrestricted) in checks {
                match reason {
                    Some(r) => because.push(r),
                    None if unrestricted => {}
                    None => ok = false,
                }
            }
            if ok {
                policies.push(PolicyMatch {
                    document_no: p.document_no.clone(),
                    title: p.title.clone(),
                    synthetic: p.provenance.verification == crate::model::Verification::Synthetic,
                    because,
                });
            }
        }
        let mut law_entries = Vec::new();
        for l in &law {
            let Some(reason) = category_reason(&l.trades, e, "trade") else {
                continue;
            };
            let menu_entries = l
                .violations
                .iter()
                .flat_map(|v| &v.menu_entries)
                .map(|id| {
                    // Binds where the enterprise is registered, on the task's day (a
                    // 2025 list does not bind a 2024 visit).
                    let applies = Menu::bundled_entry(id).is_ok_and(|m| {
                        m.check_territory(Some(e.division)).is_ok()
                            && m.provenance
                                .as_ref()
                                .is_none_or(|p| p.validity().contains(req.task.on))
                    });
                    MenuLink {
                        entry_id: id.clone(),
                        applies,
                    }
                })
                .collect();
            law_entries.push(LawMatch {
                id: l.id.clone(),
                title: l.title.clone(),
                document: l.provenance.document.clone(),
                article: l.provenance.article.clone().unwrap_or_default(),
                because: vec![reason],
                menu_entries,
            });
        }
        law_entries.sort_by(|a, b| a.id.cmp(&b.id));
        out.push(EnterpriseServices {
            uscc: e.uscc,
            name: e.name.clone(),
            policies,
            law_entries,
        });
    }
    Ok(ServiceMatches {
        task_id: req.task.task_id.clone(),
        enterprises: out,
    })
}
