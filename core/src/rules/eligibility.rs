//! The eligibility report: for every plan item and stratum, who is in the random pool,
//! the quota, and for every other enterprise all the reasons why not.
//!
//! Sources: the rules it combines — [`super::applicability`], [`super::status`],
//! [`super::cap`], [`super::hierarchy`], [`super::force`], [`super::policy`] — each cite
//! their own. The report exists because 国办发〔2015〕58号 (d) and 《优化营商环境条例》
//! Art. 54 \[V] require the process to be public: a regulator must be able to show, for
//! every enterprise, why it was or was not in the pool.
//!
//! The report is deterministic and independent of the order of the roster, the
//! history, the plan's items and the policy's rows: items are sorted by id, strata by
//! key text, enterprises by USCC, reasons by code, visits by date then key.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::applicability::{check_item_in_force, jurisdiction_reason, scope_reason};
use super::cap::CapConfig;
use super::cap_preset::cap_preset;
use super::coverage::{CoverageConfig, ItemCoverage, due_entry, item_frequency, window_from};
use super::force::{ForceInConfig, ForceWhy};
use super::hierarchy::{HierarchyMode, same_year_reason, three_month_reason};
use super::policy::{SamplingPolicy, StratumRule};
use super::preset::preset;
use super::reason::{Reason, ReasonCode, group_visits};
use super::status::status_reason;
use super::stratum::StratumKey;
use super::tag_effects::{Acting, TAG_STRATUM_PREFIX, TagEffect, TagPlan, TagsApplied};
use crate::model::{
    Authority, Catalog, CheckRecord, Enterprise, ItemId, ItemKind, Provenance, Ratio, Roster,
    SupervisionItem, Uscc,
};
use crate::profile::{ProfileEvent, Tag, TagSet, profile_and_tag};
use crate::{Error, Result, RulesCode};

/// A preset by name, taken as in force on `date` (default: the plan date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetRef {
    /// Preset name (see [`super::preset_names`]).
    pub name: String,
    /// Date the preset must be in force on; defaults to the plan date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// Where the plan's sampling policy comes from.
///
/// JSON: `{"preset": {"name": "henan_2021"}}` or `{"explicit": {…SamplingPolicy…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicySource {
    /// A bundled preset.
    Preset(PresetRef),
    /// A policy given in full.
    Explicit(SamplingPolicy),
}

fn default_cap() -> Option<CapConfig> {
    Some(CapConfig::default())
}

/// A plan request: who plans, for when, which items, under which rules.
///
/// `cap` defaults to [`CapConfig::default`] (2 visits, all authorities, random and
/// special); `"cap": null` turns the cap off; `cap_preset` names a bundled cap instead. `hierarchy` defaults to `same_year`,
/// `force_in` to nothing forced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// The planning authority.
    pub authority: Authority,
    /// The calendar year of the plan (caps and the `same_year` rule count this year).
    pub year: i32,
    /// The plan date (items, policy and the 3-month rule are evaluated on it). Must lie
    /// in `year` or the year before (a plan drawn up in December for next year).
    pub date: NaiveDate,
    /// The items to plan (unique).
    pub items: Vec<ItemId>,
    /// The sampling policy.
    pub policy: PolicySource,
    /// Yearly cap; `null` for none.
    #[serde(default = "default_cap")]
    pub cap: Option<CapConfig>,
    /// A bundled cap preset ([`cap_preset`](mod@super::cap_preset)) to use instead of `cap`, taken as in
    /// force on its `date` (default: the plan date). Give either this or `cap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_preset: Option<PresetRef>,
    /// Higher-level exclusion mode.
    #[serde(default)]
    pub hierarchy: HierarchyMode,
    /// Force-in triggers.
    #[serde(default)]
    pub force_in: ForceInConfig,
    /// Frequency and coverage (监管频次): report, per item, the enterprises due a check
    /// and optionally force them in ([`super::coverage`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<CoverageConfig>,
}

/// The policy that was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyUsed {
    /// Policy name.
    pub name: String,
    /// Policy provenance.
    pub provenance: Provenance,
}

/// One stratum of one item: the pool and its quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumEligibility {
    /// Canonical stratum key text (`all`, `credit=A`, …).
    pub key: String,
    /// The stratum.
    pub stratum: StratumKey,
    /// `N`: number of eligible enterprises.
    pub population: u64,
    /// `n = min(N, max(min, min(max, ceil(N·p/q))))`.
    pub quota: u64,
    /// Ratio used.
    pub ratio: Ratio,
    /// Minimum used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// Maximum used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// Where the numbers come from.
    pub provenance: Provenance,
    /// Note from the policy row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Eligible enterprises, sorted by USCC.
    pub eligible: Vec<Uscc>,
    /// A tag's stratum (`tag=<rule id>`, [`super::tag_effects`]): reason `tag_ratio` with
    /// the tag; absent for the policy's strata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

/// An enterprise outside an item's pool, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The enterprise.
    pub uscc: Uscc,
    /// All reasons, sorted by code.
    pub reasons: Vec<Reason>,
}

/// An enterprise forced into an item's check outside the random quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForcedIn {
    /// The enterprise.
    pub uscc: Uscc,
    /// Always `forced_in`.
    pub reason: ReasonCode,
    /// The triggers.
    pub why: Vec<ForceWhy>,
}

/// Eligibility for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemEligibility {
    /// The item.
    pub item: ItemId,
    /// 重点 / 一般.
    pub kind: ItemKind,
    /// Strata, sorted by key text.
    pub strata: Vec<StratumEligibility>,
    /// Forced-in enterprises, sorted by USCC.
    pub forced_in: Vec<ForcedIn>,
    /// Excluded enterprises, sorted by USCC.
    pub excluded: Vec<Exclusion>,
    /// With `coverage`: the item's frequency and the enterprises due a check (of those
    /// not excluded), whether forced in or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<ItemCoverage>,
    /// 重点检查 by a tag ([`super::tag_effects`]): checked on purpose, outside the random
    /// pool, each with reason `tag_focus` per tag; sorted by USCC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<Exclusion>,
}

/// The eligibility report of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityReport {
    /// The planning authority.
    pub authority: Authority,
    /// Plan year.
    pub year: i32,
    /// Plan date.
    pub date: NaiveDate,
    /// The policy applied.
    pub policy: PolicyUsed,
    /// The cap applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<CapConfig>,
    /// The hierarchy mode applied.
    pub hierarchy: HierarchyMode,
    /// The force-in triggers applied.
    pub force_in: ForceInConfig,
    /// The coverage options applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<CoverageConfig>,
    /// Per item, sorted by item id.
    pub items: Vec<ItemEligibility>,
    /// With [`eligibility_with_tags`]: the tag rules, effects and repair policy applied
    /// (their hash is the plan's `tags_hash`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<TagsApplied>,
}

/// What the draw consumes for one stratum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawStratum {
    /// Canonical stratum key text.
    pub key: String,
    /// Eligible enterprises, sorted by USCC.
    pub eligible: Vec<Uscc>,
    /// How many to draw.
    pub quota: u64,
}

/// What the draw consumes for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawItem {
    /// The item.
    pub item: ItemId,
    /// Strata, sorted by key text.
    pub strata: Vec<DrawStratum>,
    /// Always checked, outside the quota; sorted by USCC.
    pub forced_in: Vec<Uscc>,
}

impl EligibilityReport {
    /// The plain data the draw engine consumes: per item, the strata (key, eligible
    /// USCCs, quota) and the forced-in enterprises.
    #[must_use]
    pub fn draw_input(&self) -> Vec<DrawItem> {
        self.items
            .iter()
            .map(|it| DrawItem {
                item: it.item.clone(),
                strata: it
                    .strata
                    .iter()
                    .map(|s| DrawStratum {
                        key: s.key.clone(),
                        eligible: s.eligible.clone(),
                        quota: s.quota,
                    })
                    .collect(),
                forced_in: it.forced_in.iter().map(|f| f.uscc).collect(),
            })
            .collect()
    }
}

fn plan_invalid(msg: String) -> Error {
    Error::new(RulesCode::PlanInvalid, msg)
}

impl PlanRequest {
    /// Checks the request on its own: a valid authority, a date in `year` or the year
    /// before, at least one item and no repeated item, a valid cap.
    ///
    /// # Errors
    /// `plan_invalid`, `cap_invalid`, and [`Authority::validate`]'s codes.
    pub fn validate(&self) -> Result<()> {
        self.authority
            .validate()
            .map_err(|e| e.within("authority"))?;
        let y = self.date.year();
        if y != self.year && y.checked_add(1) != Some(self.year) {
            return Err(plan_invalid(format!(
                "plan date {} is neither in plan year {} nor in the year before",
                self.date, self.year
            ))
            .with_field("date")
            .with_value(self.date.to_string()));
        }
        if self.items.is_empty() {
            return Err(plan_invalid("the plan names no items".to_owned()).with_field("items"));
        }
        let mut seen = BTreeSet::new();
        for (i, id) in self.items.iter().enumerate() {
            if !seen.insert(id) {
                return Err(plan_invalid(format!("item {} is named twice", id.as_str()))
                    .with_field(format!("items[{i}]"))
                    .with_value(id.as_str()));
            }
        }
        if let Some(c) = &self.cap {
            c.validate()?;
        }
        if self.cap_preset.is_some() && self.cap != default_cap() {
            return Err(plan_invalid(
                "the plan gives both a cap and a cap preset; give one".to_owned(),
            )
            .with_field("cap_preset"));
        }
        Ok(())
    }

    /// The yearly cap applied: the cap preset in force, else `cap`.
    ///
    /// # Errors
    /// `preset_unknown`, `preset_not_in_force` for the cap preset.
    pub fn resolve_cap(&self) -> Result<Option<CapConfig>> {
        match &self.cap_preset {
            Some(r) => cap_preset(&r.name, r.date.unwrap_or(self.date)).map(Some),
            None => Ok(self.cap.clone()),
        }
    }

    /// Resolves the policy: the preset in force, or the explicit policy checked.
    ///
    /// # Errors
    /// `preset_unknown`, `preset_not_in_force`, `policy_not_in_force`, the codes of
    /// [`SamplingPolicy::validate`] and `item_unknown` for a row naming an item not in
    /// the catalog.
    pub fn resolve_policy(&self, catalog: &Catalog) -> Result<SamplingPolicy> {
        let policy = match &self.policy {
            PolicySource::Preset(r) => preset(&r.name, r.date.unwrap_or(self.date))?,
            PolicySource::Explicit(p) => {
                p.validate().map_err(|e| e.within("policy.explicit"))?;
                if !p.in_force(self.date) {
                    return Err(Error::new(
                        RulesCode::PolicyNotInForce,
                        format!("policy {} is not in force on {}", p.name, self.date),
                    )
                    .with_field("policy.explicit.provenance")
                    .with_value(self.date.to_string()));
                }
                p.clone()
            }
        };
        policy
            .check_items(catalog)
            .map_err(|e| e.within("policy"))?;
        Ok(policy)
    }
}

/// Refuses a history that holds a check dated after the plan date.
///
/// A plan is drawn up on its date and can only count the checks made by then; a row
/// dated later is either a wrong plan date or a wrong record, and counting it (as
/// before 2026-12) or dropping it quietly would both publish a pool nobody could have
/// drawn on that date. The caller keeps the rows with `date ≤ plan date`.
fn check_history_dates(date: NaiveDate, history: &[CheckRecord]) -> Result<()> {
    let Some((i, first)) = history.iter().enumerate().find(|(_, r)| r.date > date) else {
        return Ok(());
    };
    let later = history.iter().filter(|r| r.date > date).count();
    Err(Error::new(
        RulesCode::HistoryAfterPlanDate,
        format!(
            "{later} check record(s) are dated after the plan date {date} (first: row {i}, {}); \
             give the history as known on the plan date",
            first.date
        ),
    )
    .with_field(format!("history[{i}].date"))
    .with_value(first.date.to_string())
    .with_detail("plan_date", date.to_string())
    .with_detail("rows_after", later.to_string()))
}

/// Builds the eligibility report of a plan.
///
/// History rows about enterprises not on the roster are ignored. Every history row must
/// be dated on or before the plan date. The roster may hold
/// enterprises outside the authority's jurisdiction; they are reported as
/// `outside_jurisdiction`. A runnable example is in the [module docs](crate::rules);
/// the vectors in `tests/vectors/eligibility/` pin complete reports.
///
/// # Errors
/// The codes of [`PlanRequest::validate`], [`PlanRequest::resolve_cap`] and
/// [`PlanRequest::resolve_policy`];
/// `item_unknown` for a plan item not in the catalog; `item_not_in_force`;
/// `policy_missing` for an item with no policy row and no default ratio;
/// `history_after_plan_date` for a check record dated after the plan date.
pub fn eligibility(
    request: &PlanRequest,
    catalog: &Catalog,
    roster: &Roster,
    history: &[CheckRecord],
) -> Result<EligibilityReport> {
    eligibility_inner(request, catalog, roster, history, None, None)
}

/// Refuses an event dated after the plan date (as [`check_history_dates`] does for
/// checks): the tags are those known on the plan date.
fn check_event_dates(date: NaiveDate, events: &[ProfileEvent]) -> Result<()> {
    let Some((i, first)) = events.iter().enumerate().find(|(_, e)| e.date > date) else {
        return Ok(());
    };
    Err(Error::new(
        RulesCode::HistoryAfterPlanDate,
        format!(
            "event {i} is dated {} after the plan date {date}; give the events as known on the plan date",
            first.date
        ),
    )
    .with_field(format!("events[{i}].date"))
    .with_value(first.date.to_string())
    .with_detail("plan_date", date.to_string()))
}

/// The eligibility report with tag effects ([`super::tag_effects`]): the profiles are
/// built from `events` as of the plan date and tagged with `tags.set` (absent: the
/// bundled food set); each tag's effect in force on the plan date then moves its
/// carriers — into the tag's stratum, out as spared, or into the item's `focus`. The
/// report's `tags` echoes what was applied; its hash is the plan's `tags_hash`.
///
/// # Errors
/// Those of [`eligibility`]; `history_after_plan_date` (field `events[i].date`) for an
/// event after the plan date; those of [`super::TagEffects::check`] under `tags.effects`.
///
/// ```
/// use shuangsuiji::model::{Catalog, Roster};
/// use shuangsuiji::profile::ProfileEvent;
/// use shuangsuiji::rules::{eligibility_with_tags, PlanRequest, TagPlan};
/// let catalog = Catalog::from_json(r#"{"id":"c","version":"1","items":[{
///   "id":"market.food_production","name":"食品生产监督检查","department":"market",
///   "kind":"key","form":"joint","provenance":{"document":"令49","verification":"verified"}}]}"#)?;
/// let roster: Roster = serde_json::from_str(r#"[{"uscc":"91350100M000100Y43","name":"甲",
///   "division":"150581","credit_class":"B","status":"active"}]"#).unwrap();
/// let request: PlanRequest = serde_json::from_str(r#"{
///   "authority":{"id":"hlgl-market","department":"market","level":"county","jurisdiction":"150581"},
///   "year":2025,"date":"2025-03-01","items":["market.food_production"],
///   "policy":{"preset":{"name":"neimenggu_bayannaoer_2022"}}}"#).unwrap();
/// let events: Vec<ProfileEvent> = serde_json::from_str(r#"[{"uscc":"91350100M000100Y43",
///   "date":"2025-01-10","kind":"serious_violation_listed","source":"公示系统","reason":"食品安全严重违法"}]"#).unwrap();
/// let tags: TagPlan = serde_json::from_str(r#"{"effects": {"id": "local", "effects": [
///   {"tag": "food.serious_violation", "effect": "focus",
///    "provenance": {"document": "市场监督管理严重违法失信名单管理办法", "article": "第十五条", "verification": "verified"}}]}}"#).unwrap();
/// let report = eligibility_with_tags(&request, &catalog, &roster, &[], &events, &tags)?;
/// let item = &report.items[0];
/// assert_eq!(item.focus[0].reasons[0].code.as_str(), "tag_focus");
/// assert!(item.strata.iter().all(|s| s.eligible.is_empty())); // outside the random pool
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn eligibility_with_tags(
    request: &PlanRequest,
    catalog: &Catalog,
    roster: &Roster,
    history: &[CheckRecord],
    events: &[ProfileEvent],
    tags: &TagPlan,
) -> Result<EligibilityReport> {
    request.validate()?;
    check_event_dates(request.date, events)?;
    let set = match &tags.set {
        Some(s) => s.clone(),
        None => TagSet::food_producers()?,
    };
    tags.effects
        .check(&set)
        .map_err(|e| e.within("tags.effects"))?;
    let repair_policy = tags.repair_policy.unwrap_or_default();
    let by_uscc: BTreeMap<Uscc, Vec<Tag>> =
        profile_and_tag(events, request.date, &repair_policy, &set)
            .into_iter()
            .map(|t| (t.profile.uscc, t.tags))
            .collect();
    let applied = TagsApplied {
        set,
        effects: tags.effects.clone(),
        repair_policy,
    };
    let mut report = eligibility_inner(
        request,
        catalog,
        roster,
        history,
        Some((&applied, &by_uscc)),
        None,
    )?;
    report.tags = Some(applied);
    Ok(report)
}

type Tagging<'a> = (&'a TagsApplied, &'a BTreeMap<Uscc, Vec<Tag>>);

/// The report, the roster assessed in `parts` (`None`: as many as its size is worth
/// on this machine; always one with tags).
fn eligibility_inner(
    request: &PlanRequest,
    catalog: &Catalog,
    roster: &Roster,
    history: &[CheckRecord],
    tagging: Option<Tagging<'_>>,
    parts: Option<usize>,
) -> Result<EligibilityReport> {
    request.validate()?;
    check_history_dates(request.date, history)?;
    let cap = request.resolve_cap()?;
    let policy = request.resolve_policy(catalog)?;
    let plan_items = plan_items(request, catalog, &policy)?;

    let mut by_uscc: BTreeMap<Uscc, Vec<&CheckRecord>> = BTreeMap::new();
    for r in history {
        by_uscc.entry(r.uscc).or_default().push(r);
    }
    let none: Vec<&CheckRecord> = Vec::new();

    let skeleton: Vec<ItemEligibility> = plan_items
        .iter()
        .map(|(item, rules)| empty_item(request, item, rules))
        .collect();
    let force_due = request.coverage.is_some_and(|c| c.force_due);
    let effects: Vec<&TagEffect> = tagging
        .map(|(t, _)| t.effects.in_force(request.date).collect())
        .unwrap_or_default();
    let no_tags: Vec<Tag> = Vec::new();

    // One enterprise's entries in every item's lists.
    let assess = |e: &Enterprise, items: &mut [ItemEligibility]| {
        let hist = by_uscc.get(&e.uscc).unwrap_or(&none);
        let mut common: Vec<Reason> = Vec::new();
        common.extend(jurisdiction_reason(&request.authority, e));
        common.extend(status_reason(e));
        if let Some(cap) = &cap {
            common.extend(cap.reason(
                &request.authority,
                e.credit_class,
                request.year,
                hist.iter().copied(),
            ));
        }
        let why = request.force_in.why(e);
        let tags = tagging
            .and_then(|(_, m)| m.get(&e.uscc))
            .unwrap_or(&no_tags);
        let acting = Acting::of(&effects, tags);
        for ((item, _), out) in plan_items.iter().zip(items.iter_mut()) {
            let stratum = out
                .strata
                .iter()
                .position(|s| s.reason.is_none() && s.stratum.contains(e));
            let reasons = item_reasons(request, e, item, hist, &common, stratum.is_some());
            let mut why = why.clone();
            if let (true, Some(cov)) = (reasons.is_empty(), out.coverage.as_mut()) {
                if let Some(d) = due_entry(
                    e.uscc,
                    item,
                    cov.frequency,
                    request.date,
                    hist.iter().copied(),
                ) {
                    cov.due.push(d);
                    if force_due {
                        why.push(ForceWhy::FrequencyDue);
                    }
                }
            }
            let spared = if reasons.is_empty() && why.is_empty() && acting.focus.is_empty() {
                acting
                    .spare
                    .and_then(|(eff, tag)| spared_reason(eff, tag, request.date, hist))
            } else {
                None
            };
            match (reasons.is_empty(), stratum) {
                (true, _) if !acting.focus.is_empty() => out.focus.push(Exclusion {
                    uscc: e.uscc,
                    reasons: acting
                        .focus
                        .iter()
                        .map(|(_, t)| tag_reason(ReasonCode::TagFocus, t))
                        .collect(),
                }),
                (true, _) if !why.is_empty() => out.forced_in.push(ForcedIn {
                    uscc: e.uscc,
                    reason: ReasonCode::ForcedIn,
                    why,
                }),
                (true, _) if spared.is_some() => out.excluded.push(Exclusion {
                    uscc: e.uscc,
                    reasons: spared.into_iter().collect(),
                }),
                (true, Some(s)) => {
                    let s = acting
                        .ratio
                        .map_or(s, |(eff, tag)| tag_stratum(&mut out.strata, eff, tag));
                    if let Some(st) = out.strata.get_mut(s) {
                        st.eligible.push(e.uscc);
                    }
                }
                _ => out.excluded.push(Exclusion {
                    uscc: e.uscc,
                    reasons,
                }),
            }
        }
    };
    // The roster in consecutive parts, each assessed into lists of its own on a thread
    // where the `parallel` feature allows, the parts' lists then joined in roster
    // order: the lists of assessing every enterprise in turn. With tags, a ratio
    // effect may add strata as it goes, so the roster is one part.
    let enterprises = roster.enterprises();
    let parts = if tagging.is_some() {
        1
    } else {
        parts.unwrap_or_else(|| crate::parallel::threads_for_len(enterprises.len()))
    };
    let per = enterprises.len().div_ceil(parts.max(1)).max(1);
    let chunks: Vec<&[Enterprise]> = enterprises.chunks(per).collect();
    let assessed = crate::parallel::map_each(&chunks, |chunk| {
        let mut items = skeleton.clone();
        for e in *chunk {
            assess(e, &mut items);
        }
        items
    });
    let mut items = join_assessed(skeleton, assessed)?;

    if tagging.is_some() {
        for it in &mut items {
            it.strata.sort_by(|a, b| a.key.cmp(&b.key));
        }
    }
    fill_quotas(&mut items)?;

    Ok(EligibilityReport {
        authority: request.authority.clone(),
        year: request.year,
        date: request.date,
        policy: PolicyUsed {
            name: policy.name.clone(),
            provenance: policy.provenance.clone(),
        },
        cap,
        hierarchy: request.hierarchy,
        force_in: request.force_in,
        coverage: request.coverage,
        items,
        tags: None,
    })
}

/// The lists of consecutive parts of the roster, each assessed from `skeleton`
/// (the items without entries), joined in order: `skeleton` itself without parts.
///
/// # Errors
/// `internal_invariant` if a part's items or strata do not line up with the first's
/// (only one part may add strata).
fn join_assessed(
    skeleton: Vec<ItemEligibility>,
    parts: Vec<Vec<ItemEligibility>>,
) -> Result<Vec<ItemEligibility>> {
    let mut parts = parts.into_iter();
    let Some(mut items) = parts.next() else {
        return Ok(skeleton);
    };
    for part in parts {
        if part.len() != items.len() {
            return Err(Error::internal("a part of the roster with other items"));
        }
        for (it, mut more) in items.iter_mut().zip(part) {
            if more.strata.len() != it.strata.len() {
                return Err(Error::internal("a part of the roster with other strata"));
            }
            for (s, mut m) in it.strata.iter_mut().zip(more.strata) {
                s.eligible.append(&mut m.eligible);
            }
            it.forced_in.append(&mut more.forced_in);
            it.excluded.append(&mut more.excluded);
            it.focus.append(&mut more.focus);
            if let (Some(c), Some(m)) = (it.coverage.as_mut(), more.coverage.as_mut()) {
                c.due.append(&mut m.due);
            }
        }
    }
    Ok(items)
}

/// A reason naming the tag that gave it.
fn tag_reason(code: ReasonCode, tag: &Tag) -> Reason {
    Reason::new(code)
        .with("tag", tag.rule.as_str().to_owned())
        .with("label", tag.label.clone())
}

/// 无事不扰: the `tag_spared` reason if the enterprise was checked within the effect's
/// period (the visits in it as evidence), else `None`.
fn spared_reason(
    effect: &TagEffect,
    tag: &Tag,
    date: NaiveDate,
    hist: &[&CheckRecord],
) -> Option<Reason> {
    let years = effect.years?;
    let since = window_from(date, years);
    let visits = group_visits(hist.iter().copied().filter(|r| r.date >= since));
    if visits.is_empty() {
        return None;
    }
    let mut r = tag_reason(ReasonCode::TagSpared, tag)
        .with("years", years.to_string())
        .with("since", since.to_string());
    r.visits = visits;
    Some(r)
}

/// The index of the tag's stratum `tag=<rule id>` in `strata`, added on first use with
/// the effect's ratio and source.
fn tag_stratum(strata: &mut Vec<StratumEligibility>, effect: &TagEffect, tag: &Tag) -> usize {
    let key = format!("{TAG_STRATUM_PREFIX}{}", tag.rule);
    if let Some(i) = strata.iter().position(|s| s.key == key) {
        return i;
    }
    strata.push(StratumEligibility {
        key,
        stratum: StratumKey::ALL,
        population: 0,
        quota: 0,
        ratio: effect.ratio.unwrap_or(Ratio::ONE),
        min: None,
        max: None,
        provenance: effect.provenance.clone(),
        note: effect.note.clone(),
        eligible: Vec::new(),
        reason: Some(
            tag_reason(ReasonCode::TagRatio, tag)
                .with("ratio", effect.ratio.unwrap_or(Ratio::ONE).to_string()),
        ),
    });
    strata.len() - 1
}

/// Step 1: the plan's items in id order, each found in the catalog, in force on the plan
/// date, with its policy rows.
fn plan_items<'c>(
    request: &PlanRequest,
    catalog: &'c Catalog,
    policy: &SamplingPolicy,
) -> Result<Vec<(&'c SupervisionItem, Vec<StratumRule>)>> {
    let mut item_ids: Vec<&ItemId> = request.items.iter().collect();
    item_ids.sort();
    let mut plan_items = Vec::with_capacity(item_ids.len());
    for id in item_ids {
        let item = catalog.item(id).ok_or_else(|| {
            Error::new(
                RulesCode::ItemUnknown,
                format!("plan item {} is not in the catalog", id.as_str()),
            )
            .with_field("items")
            .with_value(id.as_str())
        })?;
        check_item_in_force(item, request.date)?;
        let rules = policy.rules_for(item)?;
        plan_items.push((item, rules));
    }
    Ok(plan_items)
}

/// Step 2: an item's report before any enterprise is placed: its strata (with their
/// rules) and, when asked, its coverage window.
fn empty_item(
    request: &PlanRequest,
    item: &SupervisionItem,
    rules: &[StratumRule],
) -> ItemEligibility {
    ItemEligibility {
        item: item.id.clone(),
        kind: item.kind,
        strata: rules
            .iter()
            .map(|r| StratumEligibility {
                key: r.stratum.to_string(),
                stratum: r.stratum,
                population: 0,
                quota: 0,
                ratio: r.rule.ratio,
                min: r.rule.min,
                max: r.rule.max,
                provenance: r.provenance.clone(),
                note: r.note.clone(),
                eligible: Vec::new(),
                reason: None,
            })
            .collect(),
        forced_in: Vec::new(),
        excluded: Vec::new(),
        focus: Vec::new(),
        coverage: request.coverage.and_then(|c| {
            item_frequency(item, c.source).map(|(frequency, provenance)| ItemCoverage {
                frequency,
                provenance,
                window_from: window_from(request.date, frequency.years),
                due: Vec::new(),
            })
        }),
    }
}

/// Step 3: why enterprise `e` is excluded from `item`: the reasons common to all items
/// (jurisdiction, status, cap), the item's scope, the hierarchy rule, and no stratum.
/// Sorted by code; empty when eligible.
fn item_reasons(
    request: &PlanRequest,
    e: &Enterprise,
    item: &SupervisionItem,
    hist: &[&CheckRecord],
    common: &[Reason],
    in_a_stratum: bool,
) -> Vec<Reason> {
    let mut reasons = common.to_vec();
    reasons.extend(scope_reason(item, e));
    reasons.extend(match request.hierarchy {
        HierarchyMode::Off => None,
        HierarchyMode::SameYear => same_year_reason(
            &request.authority,
            e,
            item,
            request.year,
            hist.iter().copied(),
        ),
        HierarchyMode::SameItemsThreeMonths => three_month_reason(
            &request.authority,
            e,
            item,
            request.date,
            hist.iter().copied(),
        ),
    });
    if !in_a_stratum {
        let grade = e.food_risk_grade.map_or("none", |g| g.as_str());
        reasons.push(
            Reason::new(ReasonCode::NoStratum)
                .with("credit_class", e.credit_class.as_str())
                .with("food_risk_grade", grade),
        );
    }
    reasons.sort_by_key(|r| r.code);
    // Kept in the report, one list per exclusion: without the room a growing list
    // leaves (four reasons' worth for the first).
    reasons.shrink_to_fit();
    reasons
}

/// Step 4: each stratum's population and quota from its eligible enterprises.
fn fill_quotas(items: &mut [ItemEligibility]) -> Result<()> {
    for it in items {
        for s in &mut it.strata {
            s.population = u64::try_from(s.eligible.len()).unwrap_or(u64::MAX);
            s.quota = super::quota::quota(s.population, s.ratio, s.min, s.max)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod parts_tests {
    use super::eligibility_inner;
    use crate::model::{Catalog, CheckRecord, Roster};
    use crate::rules::PlanRequest;

    /// Every eligibility vector with an expected report gives that report with the
    /// roster assessed in any number of parts (more parts than enterprises included):
    /// the parts' lists are joined in roster order.
    #[test]
    fn any_parts_give_the_vectors_reports() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/eligibility");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("vectors")
            .map(|f| f.expect("entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".ops.json"))
            .collect();
        files.sort();
        let mut checked = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("vector");
            let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
            for case in doc["cases"].as_array().expect("cases") {
                let (Some(expect), input) = (case.get("expect"), &case["input"]) else {
                    continue;
                };
                let catalog: Catalog =
                    serde_json::from_value(input["catalog"].clone()).expect("catalog");
                let roster: Roster =
                    serde_json::from_value(input["roster"].clone()).expect("roster");
                let history: Vec<CheckRecord> =
                    serde_json::from_value(input["history"].clone()).expect("history");
                let request: PlanRequest =
                    serde_json::from_value(input["request"].clone()).expect("request");
                for parts in 1..=roster.len() + 2 {
                    let report =
                        eligibility_inner(&request, &catalog, &roster, &history, None, Some(parts))
                            .expect("report");
                    assert_eq!(
                        &serde_json::to_value(&report).expect("json"),
                        expect,
                        "{} in {parts} parts",
                        file.display()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 20, "{checked} vectors");
    }
}
