//! 追责时效 — 行政处罚法 (2021 revision, in force 2021-07-15) Art. 36 \[V\]:
//!
//! > 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害
//! > 后果的，上述期限延长至五年。法律另有规定的除外。前款规定的期限，从违法行为发生之日起
//! > 计算；违法行为有连续或者继续状态的，从行为终了之日起计算。
//!
//! The period runs from the act, or the end of a continuing act, in whole years
//! (民法典 Art. 202: the corresponding day, or month end); a discovery on the last day
//! is within the period ("内" includes the day, 程序规定 Art. 84). The end is not moved
//! off holidays: discovery is not an act the party must perform on a working day.
//! "Harmful consequences" means [`Harm::Minor`] or [`Harm::Harmful`].
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, ConditionCheck};
use crate::enforcement::facts::{CaseFacts, Harm, months_after};
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// Evaluates the time bar: the rule "applies" when the act is time-barred.
pub(crate) fn evaluate(f: &CaseFacts) -> Result<RuleEvaluation> {
    let extended = f.life_health_safety && f.harm != Harm::None;
    let years: u32 = if extended { 5 } else { 2 };
    let from = f.ended_on();
    let last = months_after(from, years * 12)?;
    let within = f.discovered_on <= last;
    let evidence = format!(
        "{years}-year bar{} from {from}{}: last day {last}; discovered {}",
        if extended {
            " (life/health safety with harm)"
        } else {
            ""
        },
        if f.continuing_until.is_some() {
            " (end of the continuing act)"
        } else {
            ""
        },
        f.discovered_on
    );
    Ok(RuleEvaluation {
        rule: RuleId::TimeBar,
        provenance: super::penalty_law("第三十六条"),
        combinator: Combinator::All,
        // The rule applies (bars the penalty) when the discovery is NOT within the period.
        applies: !within,
        outcome: Outcome::TimeBarred,
        entry_id: None,
        conditions: vec![ConditionCheck {
            condition: Condition::WithinTimeBar,
            met: within,
            evidence,
        }],
    })
}
