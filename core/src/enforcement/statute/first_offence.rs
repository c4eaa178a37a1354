//! 首违可不罚 — 行政处罚法 (2021 revision, in force 2021-07-15) Art. 33 ¶1, second sentence \[V\]:
//!
//! > 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。
//!
//! Discretionary. The law does not define 初次; the look-back is a preset of
//! [`DecisionPolicy`](crate::enforcement::DecisionPolicy) (24 months per SAMR's 2025
//! statements \[S\]; 36 months in 巴中 \[S\]), counted over records of the same violation type.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, Context, CorrectionRequirement, evaluate as check};
use crate::enforcement::facts::{CaseFacts, Harm};
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// Evaluates Art. 33 ¶1 second sentence.
pub(crate) fn evaluate(
    f: &CaseFacts,
    ctx: &Context<'_>,
    lookback_months: u32,
) -> Result<RuleEvaluation> {
    let conditions = [
        Condition::FirstOffence { lookback_months },
        Condition::HarmAtMost { level: Harm::Minor },
        Condition::Corrected {
            requirement: CorrectionRequirement::InTime,
        },
    ]
    .iter()
    .map(|c| check(c, f, ctx))
    .collect::<Result<Vec<_>>>()?;
    Ok(RuleEvaluation {
        rule: RuleId::FirstOffence,
        provenance: super::penalty_law("第三十三条第一款"),
        combinator: Combinator::All,
        applies: conditions.iter().all(|c| c.met),
        outcome: Outcome::MayNotPunish,
        entry_id: None,
        conditions,
    })
}
