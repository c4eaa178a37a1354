//! The leniency decision: which rule applies, which conditions hold, which article
//! says so.
//!
//! # Precedence
//!
//! Every rule is evaluated and reported; the first that applies, in this order, decides:
//!
//! 1. **Time bar** (行政处罚法 Art. 36) → `time_barred`. A barred act is not punished at all.
//! 2. **No fault** (Art. 33 ¶2) → `not_punished` (mandatory).
//! 3. **情节严重** (食品安全法实施条例 Art. 67, food acts only) → `heavier`; it excludes
//!    4–6 because a serious act is neither 轻微 nor of minor harm. Art. 32 grounds, if
//!    any, are reported in the notes for 综合裁量.
//! 4. **轻微不罚** (Art. 33 ¶1 first sentence) → `not_punished` (mandatory).
//! 5. **The menu entry**, if one is given, in force on the decision date and every
//!    condition holds → the entry's outcome.
//! 6. **首违可不罚** (Art. 33 ¶1 second sentence) → `may_not_punish`.
//! 7. **应当从轻或者减轻** (Art. 32) → `lighter_or_mitigated`.
//! 8. Otherwise → `ordinary` (一般, within the statutory range; see
//!    [`discretion_band`](crate::enforcement::discretion_band)).
//!
//! Whenever the outcome is `not_punished` or `may_not_punish`, the decision carries the
//! education duty of Art. 33 ¶3 (对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人
//! 进行教育) \[V\].
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::condition::{Condition, Context, evaluate as check};
use super::facts::{CaseFacts, ViolationRecord};
use super::menu::{EntryFlag, EntryStatus, MenuEntry, MenuOutcome};
use super::rule::PRECEDENCE;
use super::rule::{Combinator, Outcome, RuleEvaluation, RuleId};
use super::statute;
use crate::model::{LegalRef, Provenance};
use crate::{EnforcementCode, Error, Result};

impl From<MenuOutcome> for Outcome {
    fn from(o: MenuOutcome) -> Self {
        match o {
            MenuOutcome::NotPunished => Self::NotPunished,
            MenuOutcome::MayNotPunish => Self::MayNotPunish,
            MenuOutcome::Lighter => Self::Lighter,
            MenuOutcome::Mitigated => Self::Mitigated,
        }
    }
}

/// A decision an officer can defend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The outcome.
    pub outcome: Outcome,
    /// The rule that decided.
    pub deciding_rule: RuleId,
    /// The legal basis of the deciding rule (and the menu entry's 处罚依据).
    pub basis: Vec<LegalRef>,
    /// Every rule evaluated, in precedence order.
    pub rules: Vec<RuleEvaluation>,
    /// The education note of Art. 33 ¶3 when the party is (or may be) not punished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education_note: Option<String>,
    /// Further notes (flags of the menu entry, 综合裁量 hints …).
    pub notes: Vec<String>,
}

/// Presets of the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionPolicy {
    /// Look-back for 初次违法 under Art. 33 ¶1 (months). Default 24 \[S: SAMR 2025\].
    pub first_offence_lookback_months: u32,
}

impl Default for DecisionPolicy {
    fn default() -> Self {
        Self {
            first_offence_lookback_months: 24,
        }
    }
}

const EDUCATION_NOTE: &str = "对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育（行政处罚法第三十三条第三款）；并责令立即停止违法行为、督促整改、依法退赔消费者损失和履行召回义务（国市监法〔2025〕10号 [S]）。";

fn legal_ref(p: &Provenance) -> LegalRef {
    LegalRef {
        document: p.document.clone(),
        article: p.article.clone(),
        text: None,
    }
}

/// Decides with the default [`DecisionPolicy`].
///
/// # Errors
/// As [`decide_with`].
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::{decide, CaseFacts, Menu, Outcome};
/// let entry = Menu::bundled_entry("samr-2025-first-offence-5")?;
/// let facts: CaseFacts = serde_json::from_str(r#"{
///   "violation_type": "expired_food", "committed_on": "2025-05-01", "discovered_on": "2025-05-06",
///   "correction": "immediately", "harm": "minor", "goods_value_fen": 16050,
///   "stage": "sale", "source_stated": true
/// }"#).unwrap();
/// let d = decide(Some(&entry), &facts, &[], NaiveDate::from_ymd_opt(2025, 5, 6).unwrap())?;
/// assert_eq!(d.outcome, Outcome::MayNotPunish);
/// assert!(d.education_note.is_some());
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn decide(
    entry: Option<&MenuEntry>,
    facts: &CaseFacts,
    history: &[ViolationRecord],
    on: NaiveDate,
) -> Result<Decision> {
    decide_with(&DecisionPolicy::default(), entry, facts, history, on)
}

/// Decides a case: evaluates every rule and applies the first that applies in the
/// documented precedence order.
///
/// # Errors
/// `facts_invalid` when the facts contradict themselves, the decision date precedes the
/// discovery, or a condition needs a fact that was not recorded;
/// `menu_entry_not_found` when the entry's content was not found in the sources;
/// `menu_out_of_territory` when the entry's menu does not bind the case's division
/// (and `menu_invalid` / `facts_invalid` as [`MenuEntry::check_territory`] says).
pub fn decide_with(
    policy: &DecisionPolicy,
    entry: Option<&MenuEntry>,
    facts: &CaseFacts,
    history: &[ViolationRecord],
    on: NaiveDate,
) -> Result<Decision> {
    facts.validate()?;
    if on < facts.discovered_on {
        return Err(Error::new(
            EnforcementCode::FactsInvalid,
            format!(
                "decision date {on} is before the discovery on {}",
                facts.discovered_on
            ),
        )
        .with_field("on"));
    }
    if let Some(e) = entry {
        if e.status == EntryStatus::NotFound {
            return Err(Error::new(
                EnforcementCode::MenuEntryNotFound,
                format!(
                    "the content of menu entry {} was not found in the sources; it cannot be applied",
                    e.id
                ),
            )
            .with_value(&e.id));
        }
        e.check_territory(facts.division)?;
    }
    let time_bar = statute::time_bar::evaluate(facts)?;
    let ctx = Context {
        history,
        on,
        entry_validity: entry.and_then(|e| e.provenance.as_ref().map(Provenance::validity)),
        time_bar: time_bar
            .conditions
            .first()
            .map(|c| (c.met, c.evidence.clone())),
    };
    let mut time_bar = Some(time_bar);
    let mut rules = Vec::with_capacity(PRECEDENCE.len());
    let mut notes = Vec::new();
    for rule in PRECEDENCE {
        let evaluation = match rule {
            RuleId::TimeBar => time_bar.take(),
            RuleId::NoFault => Some(statute::no_fault::evaluate(facts, &ctx)?),
            RuleId::SeriousFood => Some(statute::serious_food::evaluate(facts, &ctx)?),
            RuleId::MinorViolation => Some(statute::minor::evaluate(facts, &ctx)?),
            RuleId::MenuEntry => match entry {
                Some(e) => Some(menu_entry_rule(e, facts, &ctx, &mut notes)?),
                None => None,
            },
            RuleId::FirstOffence => Some(statute::first_offence::evaluate(
                facts,
                &ctx,
                policy.first_offence_lookback_months,
            )?),
            RuleId::Mitigation => Some(statute::mitigation::evaluate(facts, &ctx)?),
            RuleId::Ordinary => None,
        };
        rules.extend(evaluation);
    }
    let mitigation_applies = rules
        .iter()
        .any(|r| r.rule == RuleId::Mitigation && r.applies);

    if !facts.food_safety_law
        && rules
            .iter()
            .any(|r| r.rule == RuleId::SeriousFood && r.conditions.iter().any(|c| c.met))
    {
        notes.push(
            "Art. 67 grounds are present, but the act is not penalised under the articles Art. 67 covers (food_safety_law = false)"
                .to_owned(),
        );
    }
    let decisive = rules.iter().find(|r| r.applies);
    let (outcome, deciding_rule, mut basis) = match decisive {
        Some(r) => (r.outcome, r.rule, vec![legal_ref(&r.provenance)]),
        None => (Outcome::Ordinary, RuleId::Ordinary, Vec::new()),
    };
    if deciding_rule == RuleId::MenuEntry {
        if let Some(e) = entry {
            basis.extend(e.legal_basis.iter().cloned());
            // Both SAMR lists (首违 and 轻微) implement Art. 33 ¶1; say so.
            basis.push(legal_ref(&statute::penalty_law("第三十三条第一款")));
        }
    }
    if deciding_rule == RuleId::SeriousFood && mitigation_applies {
        notes.push(
            "Art. 32 grounds are also present: 从重 and 从轻/减轻 factors must be weighed together (综合裁量)"
                .to_owned(),
        );
    }
    let education_note = matches!(outcome, Outcome::NotPunished | Outcome::MayNotPunish)
        .then(|| EDUCATION_NOTE.to_owned());
    if outcome == Outcome::MayNotPunish {
        notes.push(
            "可以不予处罚 is discretionary: if the authority punishes after all, the case falls to the next applicable rule"
                .to_owned(),
        );
    }
    Ok(Decision {
        outcome,
        deciding_rule,
        basis,
        rules,
        education_note,
        notes,
    })
}

/// The menu entry as a rule: in force on the decision date and every condition holds.
/// Its flags go to `notes`.
fn menu_entry_rule(
    e: &MenuEntry,
    facts: &CaseFacts,
    ctx: &Context<'_>,
    notes: &mut Vec<String>,
) -> Result<RuleEvaluation> {
    let mut conditions = vec![check(&Condition::EntryInForce, facts, ctx)?];
    for c in &e.conditions {
        conditions.push(check(c, facts, ctx)?);
    }
    for flag in &e.flags {
        notes.push(format!(
            "menu entry {} ({}): {}",
            e.id,
            e.verification.label(),
            match flag {
                EntryFlag::NeedsOfficialAttachment =>
                    "check against the official attachment before relying on it",
                EntryFlag::ListMembershipDisputed =>
                    "sources disagree on which list holds this entry",
                EntryFlag::ConditionsIncomplete =>
                    "some official conditions were not seen; the encoded set may be too loose",
                EntryFlag::BasisNotFound => "处罚依据 not seen",
            }
        ));
    }
    Ok(RuleEvaluation {
        rule: RuleId::MenuEntry,
        provenance: e.provenance.clone().unwrap_or_else(|| Provenance {
            document: e.id.clone(),
            article: None,
            verification: e.verification,
            effective_from: None,
            effective_to: None,
            note: None,
        }),
        combinator: Combinator::All,
        applies: conditions.iter().all(|c| c.met),
        outcome: e.outcome.map_or(Outcome::Ordinary, Outcome::from),
        entry_id: Some(e.id.clone()),
        conditions,
    })
}
