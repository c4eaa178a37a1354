//! 应当从轻或者减轻 — 行政处罚法 (2021 revision, in force 2021-07-15) Art. 32 \[V\]:
//!
//! > 当事人有下列情形之一，应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的；
//! > （二）受他人胁迫或者诱骗实施违法行为的；（三）主动供述行政机关尚未掌握的违法行为的；
//! > （四）配合行政机关查处违法行为有立功表现的；（五）法律、法规、规章规定其他应当从轻或者
//! > 减轻行政处罚的。
//!
//! Any one ground suffices.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, Context, evaluate as check};
use crate::enforcement::facts::CaseFacts;
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// Evaluates Art. 32.
pub(crate) fn evaluate(f: &CaseFacts, ctx: &Context<'_>) -> Result<RuleEvaluation> {
    let conditions = [
        Condition::EliminatedOrReducedHarm,
        Condition::CoercedOrDeceived,
        Condition::ConfessedUnknownViolation,
        Condition::MeritoriousCooperation,
        Condition::OtherStatutoryMitigation,
    ]
    .iter()
    .map(|c| check(c, f, ctx))
    .collect::<Result<Vec<_>>>()?;
    Ok(RuleEvaluation {
        rule: RuleId::Mitigation,
        provenance: super::penalty_law("第三十二条"),
        combinator: Combinator::Any,
        applies: conditions.iter().any(|c| c.met),
        outcome: Outcome::LighterOrMitigated,
        entry_id: None,
        conditions,
    })
}
