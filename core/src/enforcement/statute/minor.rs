//! 轻微不罚 — 行政处罚法 (2021 revision, in force 2021-07-15) Art. 33 ¶1, first sentence \[V\]:
//!
//! > 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。
//!
//! Mandatory. 及时改正 = corrected immediately or within the ordered period.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, Context, CorrectionRequirement, evaluate as check};
use crate::enforcement::facts::{CaseFacts, Harm};
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// Evaluates Art. 33 ¶1 first sentence.
pub(crate) fn evaluate(f: &CaseFacts, ctx: &Context<'_>) -> Result<RuleEvaluation> {
    let conditions = [
        Condition::MinorViolation,
        Condition::Corrected {
            requirement: CorrectionRequirement::InTime,
        },
        Condition::HarmAtMost { level: Harm::None },
    ]
    .iter()
    .map(|c| check(c, f, ctx))
    .collect::<Result<Vec<_>>>()?;
    Ok(RuleEvaluation {
        rule: RuleId::MinorViolation,
        provenance: super::penalty_law("第三十三条第一款"),
        combinator: Combinator::All,
        applies: conditions.iter().all(|c| c.met),
        outcome: Outcome::NotPunished,
        entry_id: None,
        conditions,
    })
}
