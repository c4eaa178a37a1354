//! The closed set of conditions (typed predicates) menu entries and statutory rules are
//! made of, and their evaluation against [`CaseFacts`] with evidence.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::{CaseFacts, Correction, Harm, Stage, ViolationRecord, months_before};
use crate::{EnforcementCode, Error, Result};

/// How the party must have corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionRequirement {
    /// 立即自行改正 only.
    Immediately,
    /// 及时改正: immediately or within the ordered period.
    InTime,
}

/// One condition. JSON: `{"kind": "<snake_case>", …parameters}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// No earlier violation of the same type within `lookback_months` before the act
    /// (初次违法 / 首违).
    FirstOffence {
        /// Look-back in months (24 per SAMR 2025 \[S\]; 36 in 巴中 \[S\]).
        lookback_months: u32,
    },
    /// Corrected as required.
    Corrected {
        /// What counts.
        requirement: CorrectionRequirement,
    },
    /// Harm at most this level.
    HarmAtMost {
        /// `none` or `minor`.
        level: Harm,
    },
    /// 违法货值金额不超过 the limit (inclusive, 程序规定 Art. 84).
    GoodsValueAtMost {
        /// Limit in fen.
        fen: u64,
    },
    /// 未发生食品安全事故.
    NoFoodSafetyIncident,
    /// 未发生食源性疾病.
    NoFoodborneIllness,
    /// 非主观故意.
    NotIntentional,
    /// 能如实说明进货来源.
    SourceStated,
    /// 不包括餐饮环节.
    NotCatering,
    /// 属于食品经营环节 (sale or catering).
    FoodBusinessStage,
    /// 散装熟食销售除外.
    NotCookedBulkFood,
    /// 违法行为持续时间不足 `months` 个月.
    DurationLessThanMonths {
        /// Months.
        months: u32,
    },
    /// 实际具备取得许可证的条件.
    MeetsLicenceConditions,
    /// 许可证有效期内未发生食品安全事故.
    NoIncidentDuringLicence,
    /// 符合《食品经营许可和备案管理办法》第五十二条第三款规定情形之一.
    LicenceChangeArt52Para3,
    /// 不符合食品安全标准不是其造成的.
    NotCausedByOperator,
    /// 标签瑕疵不影响食品安全且不会对消费者造成误导.
    LabelDefectHarmless,
    /// 违法行为轻微 (officer's finding).
    MinorViolation,
    /// 有证据足以证明没有主观过错, and no law excludes the defence.
    NoFaultProven,
    /// Discovered within the time bar of 行政处罚法 Art. 36.
    WithinTimeBar,
    /// The menu entry is in force on the decision date.
    EntryInForce,
    /// Art. 32 (一).
    EliminatedOrReducedHarm,
    /// Art. 32 (二).
    CoercedOrDeceived,
    /// Art. 32 (三).
    ConfessedUnknownViolation,
    /// Art. 32 (四).
    MeritoriousCooperation,
    /// Art. 32 (五).
    OtherStatutoryMitigation,
    /// Art. 67(1): 货值金额 ≥ the limit.
    GoodsValueAtLeast {
        /// Limit in fen (2万元 = 2 000 000 fen).
        fen: u64,
    },
    /// Art. 67(1): 持续时间 ≥ `months` 个月.
    DurationAtLeastMonths {
        /// Months.
        months: u32,
    },
    /// Art. 67(2): deaths, or ≥ 30 ill.
    DeathsOrMassIllness,
    /// Art. 67(3).
    FalseInformation,
    /// Art. 67(4).
    RefusedInspection,
    /// Art. 67(5): same-nature food violation within 1 year after a food penalty, or after
    /// a food crime.
    RepeatAfterFoodPenalty,
    /// Art. 67(6).
    OtherSerious,
}

/// A condition with its result and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionCheck {
    /// The condition.
    pub condition: Condition,
    /// Whether it holds.
    pub met: bool,
    /// Why, in words an officer can put in a file.
    pub evidence: String,
}

fn missing(field: &str) -> Error {
    Error::new(
        EnforcementCode::FactsInvalid,
        format!("the condition needs the fact `{field}`, which was not recorded"),
    )
    .with_field(field)
}

fn need(v: Option<bool>, field: &str) -> Result<bool> {
    v.ok_or_else(|| missing(field))
}

fn yuan(fen: u64) -> String {
    format!("{}.{:02}元", fen / 100, fen % 100)
}

/// Context a condition needs beyond the facts.
pub(crate) struct Context<'a> {
    pub history: &'a [ViolationRecord],
    pub on: NaiveDate,
    pub entry_validity: Option<crate::model::Validity>,
    pub time_bar: Option<(bool, String)>,
}

/// Evaluates one condition.
pub(crate) fn evaluate(c: &Condition, f: &CaseFacts, ctx: &Context<'_>) -> Result<ConditionCheck> {
    let (met, evidence): (bool, String) = match c {
        Condition::FirstOffence { lookback_months } => first_offence(f, ctx, *lookback_months)?,
        Condition::Corrected { requirement } => {
            let ok = match requirement {
                CorrectionRequirement::Immediately => f.correction == Correction::Immediately,
                CorrectionRequirement::InTime => f.correction != Correction::NotCorrected,
            };
            (ok, format!("correction: {}", f.correction.as_str()))
        }
        Condition::HarmAtMost { level } => (f.harm <= *level, format!("harm: {}", f.harm.as_str())),
        Condition::GoodsValueAtMost { fen } => goods_value_at_most(f, *fen)?,
        Condition::NoFoodSafetyIncident => (
            !f.food_safety_incident,
            format!("food_safety_incident: {}", f.food_safety_incident),
        ),
        Condition::NoFoodborneIllness => (
            !f.foodborne_illness,
            format!("foodborne_illness: {}", f.foodborne_illness),
        ),
        Condition::NotIntentional => {
            let i = need(f.intentional, "intentional")?;
            (!i, format!("intentional: {i}"))
        }
        Condition::SourceStated => {
            let s = need(f.source_stated, "source_stated")?;
            (s, format!("source_stated: {s}"))
        }
        Condition::NotCatering => {
            let s = f.stage.ok_or_else(|| missing("stage"))?;
            (s != Stage::Catering, format!("stage: {}", s.as_str()))
        }
        Condition::FoodBusinessStage => {
            let s = f.stage.ok_or_else(|| missing("stage"))?;
            (
                matches!(s, Stage::Sale | Stage::Catering),
                format!("stage: {}", s.as_str()),
            )
        }
        Condition::NotCookedBulkFood => {
            let v = need(f.item.cooked_bulk_food, "item.cooked_bulk_food")?;
            (!v, format!("cooked_bulk_food: {v}"))
        }
        Condition::DurationLessThanMonths { months } => duration_less_than(f, *months)?,
        Condition::MeetsLicenceConditions => {
            let v = need(
                f.item.meets_licence_conditions,
                "item.meets_licence_conditions",
            )?;
            (v, format!("meets_licence_conditions: {v}"))
        }
        Condition::NoIncidentDuringLicence => {
            let v = need(
                f.item.incident_during_licence,
                "item.incident_during_licence",
            )?;
            (!v, format!("incident_during_licence: {v}"))
        }
        Condition::LicenceChangeArt52Para3 => {
            let v = need(f.item.licence_change_art52_3, "item.licence_change_art52_3")?;
            (v, format!("licence_change_art52_3: {v}"))
        }
        Condition::NotCausedByOperator => {
            let v = need(f.item.caused_by_operator, "item.caused_by_operator")?;
            (!v, format!("caused_by_operator: {v}"))
        }
        Condition::LabelDefectHarmless => {
            let v = need(f.item.label_defect_harmless, "item.label_defect_harmless")?;
            (v, format!("label_defect_harmless: {v}"))
        }
        Condition::MinorViolation => (
            f.minor_violation,
            format!("minor_violation (officer's finding): {}", f.minor_violation),
        ),
        Condition::NoFaultProven => no_fault_proven(f),
        Condition::WithinTimeBar => ctx
            .time_bar
            .clone()
            .unwrap_or((true, "time bar not evaluated".to_owned())),
        Condition::EntryInForce => entry_in_force(ctx),
        Condition::EliminatedOrReducedHarm => flag(
            f.mitigation.eliminated_or_reduced_harm,
            "主动消除或者减轻危害后果",
        ),
        Condition::CoercedOrDeceived => {
            flag(f.mitigation.coerced_or_deceived, "受他人胁迫或者诱骗")
        }
        Condition::ConfessedUnknownViolation => flag(
            f.mitigation.confessed_unknown_violation,
            "主动供述尚未掌握的违法行为",
        ),
        Condition::MeritoriousCooperation => {
            flag(f.mitigation.meritorious_cooperation, "配合查处有立功表现")
        }
        Condition::OtherStatutoryMitigation => match &f.mitigation.other_legal_ground {
            Some(g) => (true, format!("other legal ground: {g}")),
            None => (false, "no other legal ground cited".to_owned()),
        },
        Condition::GoodsValueAtLeast { fen } => goods_value_at_least(f, *fen),
        Condition::DurationAtLeastMonths { months } => duration_at_least(f, *months)?,
        Condition::DeathsOrMassIllness => (
            f.serious.deaths > 0 || f.serious.ill_persons >= 30,
            format!(
                "deaths {}, ill persons {}",
                f.serious.deaths, f.serious.ill_persons
            ),
        ),
        Condition::FalseInformation => flag(
            f.serious.false_information,
            "故意提供虚假信息或者隐瞒真实情况",
        ),
        Condition::RefusedInspection => flag(f.serious.refused_inspection, "拒绝、逃避监督检查"),
        Condition::RepeatAfterFoodPenalty => repeat_after_food_penalty(f, ctx)?,
        Condition::OtherSerious => flag(f.serious.other_serious, "其他情节严重的情形"),
    };
    Ok(ConditionCheck {
        condition: c.clone(),
        met,
        evidence,
    })
}

fn flag(v: bool, what: &str) -> (bool, String) {
    (v, format!("{what}: {}", if v { "yes" } else { "no" }))
}

/// `GoodsValueAtMost`: the goods value (货值, required) is at most `fen`.
fn goods_value_at_most(f: &CaseFacts, fen: u64) -> Result<(bool, String)> {
    let v = f
        .goods_value_fen
        .ok_or_else(|| missing("goods_value_fen"))?;
    Ok((
        v <= fen,
        format!("货值 {} against a limit of {}", yuan(v), yuan(fen)),
    ))
}

/// `GoodsValueAtLeast`: the goods value is at least `fen` (not met when not recorded).
fn goods_value_at_least(f: &CaseFacts, fen: u64) -> (bool, String) {
    match f.goods_value_fen {
        Some(v) => (
            v >= fen,
            format!("货值 {} against {} (Art. 67(1))", yuan(v), yuan(fen)),
        ),
        None => (false, "货值 not recorded".to_owned()),
    }
}

/// `NoFaultProven`: no fault proven, unless a law excludes the defence.
fn no_fault_proven(f: &CaseFacts) -> (bool, String) {
    match (&f.no_fault_proven, &f.no_fault_excluded_by) {
        (true, Some(law)) => (
            false,
            format!("no fault proven, but the defence is excluded by {law}"),
        ),
        (p, _) => (*p, format!("no_fault_proven: {p}")),
    }
}

/// `FirstOffence`: no earlier violation of the same type within the look-back window.
fn first_offence(f: &CaseFacts, ctx: &Context<'_>, lookback_months: u32) -> Result<(bool, String)> {
    let from = months_before(f.committed_on, lookback_months)?;
    let mut earlier: Vec<NaiveDate> = ctx
        .history
        .iter()
        .filter(|r| {
            r.violation_type == f.violation_type
                && r.committed_on >= from
                && r.committed_on < f.committed_on
        })
        .map(|r| r.committed_on)
        .collect();
    earlier.sort();
    if earlier.is_empty() {
        return Ok((
            true,
            format!(
                "no earlier `{}` violation from {from} to {} ({lookback_months} months)",
                f.violation_type, f.committed_on
            ),
        ));
    }
    let list: Vec<String> = earlier.iter().map(ToString::to_string).collect();
    Ok((
        false,
        format!(
            "earlier `{}` violation(s) on {} within {lookback_months} months",
            f.violation_type,
            list.join(", ")
        ),
    ))
}

/// `DurationLessThanMonths`: the act ended before `months` were reached.
fn duration_less_than(f: &CaseFacts, months: u32) -> Result<(bool, String)> {
    let limit = super::facts::months_after(f.committed_on, months)?;
    let end = f.ended_on();
    Ok((
        end < limit,
        format!(
            "act from {} to {end}; {months} month(s) would be reached on {limit}",
            f.committed_on
        ),
    ))
}

/// `DurationAtLeastMonths`: the act lasted `months` or more.
fn duration_at_least(f: &CaseFacts, months: u32) -> Result<(bool, String)> {
    let limit = super::facts::months_after(f.committed_on, months)?;
    let end = f.ended_on();
    Ok((
        end >= limit,
        format!(
            "act from {} to {end}; {months} months reached on {limit}",
            f.committed_on
        ),
    ))
}

/// `EntryInForce`: the menu entry is in force on the decision date.
fn entry_in_force(ctx: &Context<'_>) -> (bool, String) {
    match ctx.entry_validity {
        Some(v) => (
            v.contains(ctx.on),
            format!(
                "entry in force {}..{} against decision date {}",
                v.effective_from.map_or("∞".to_owned(), |d| d.to_string()),
                v.effective_to.map_or("∞".to_owned(), |d| d.to_string()),
                ctx.on
            ),
        ),
        None => (true, "no validity limits".to_owned()),
    }
}

/// `RepeatAfterFoodPenalty`: a food-safety penalty for the same type in the year before
/// the act, or a food crime before.
fn repeat_after_food_penalty(f: &CaseFacts, ctx: &Context<'_>) -> Result<(bool, String)> {
    let mut hit: Option<NaiveDate> = None;
    for r in ctx.history {
        if let Some(p) = r.penalty_decided_on {
            let limit = super::facts::months_after(p, 12)?;
            if r.food_safety
                && r.violation_type == f.violation_type
                && p < f.committed_on
                && f.committed_on <= limit
            {
                hit = Some(hit.map_or(p, |h| h.max(p)));
            }
        }
    }
    Ok(match (hit, f.serious.food_crime_before) {
        (Some(p), _) => (
            true,
            format!(
                "food-safety penalty of {p} for the same type; act on {} within 1 year",
                f.committed_on
            ),
        ),
        (None, true) => (true, "food-safety criminal penalty before".to_owned()),
        (None, false) => (
            false,
            "no same-type food-safety penalty in the year before the act, no food crime".to_owned(),
        ),
    })
}
