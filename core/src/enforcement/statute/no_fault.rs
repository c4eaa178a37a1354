//! 无主观过错不罚 — 行政处罚法 (2021 revision, in force 2021-07-15) Art. 33 ¶2 \[V\]:
//!
//! > 当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。
//!
//! [`CaseFacts::no_fault_excluded_by`] cites a law or regulation that provides otherwise.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, Context, evaluate as check};
use crate::enforcement::facts::CaseFacts;
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// Evaluates Art. 33 ¶2.
pub(crate) fn evaluate(f: &CaseFacts, ctx: &Context<'_>) -> Result<RuleEvaluation> {
    let c = check(&Condition::NoFaultProven, f, ctx)?;
    Ok(RuleEvaluation {
        rule: RuleId::NoFault,
        provenance: super::penalty_law("第三十三条第二款"),
        combinator: Combinator::All,
        applies: c.met,
        outcome: Outcome::NotPunished,
        entry_id: None,
        conditions: vec![c],
    })
}
