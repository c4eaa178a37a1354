//! 情节严重 (food) — 食品安全法实施条例 (国务院令第721号, in force 2019-12-01) Art. 67 \[V\]:
//!
//! > 有下列情形之一的，属于食品安全法第一百二十三条至第一百二十六条、第一百三十二条以及本条例
//! > 第七十二条、第七十三条规定的情节严重情形：（一）违法行为涉及的产品货值金额2万元以上或者
//! > 违法行为持续时间3个月以上；（二）造成食源性疾病并出现死亡病例，或者造成30人以上食源性
//! > 疾病但未出现死亡病例；（三）故意提供虚假信息或者隐瞒真实情况；（四）拒绝、逃避监督检查；
//! > （五）因违反食品安全法律、法规受到行政处罚后1年内又实施同一性质的食品安全违法行为，或者
//! > 因违反食品安全法律、法规受到刑事处罚后又实施食品安全违法行为；（六）其他情节严重的情形。
//! > 对情节严重的违法行为处以罚款时，应当依法从重从严。
//!
//! Only for acts penalised under the listed articles ([`CaseFacts::food_safety_law`]).
//! Any one ground suffices. 情节严重 is incompatible with 轻微 and 危害后果轻微, so it
//! excludes Art. 33 ¶1 and every menu entry; the outcome is 从重 consideration.
//! "同一性质" is read as the same violation type.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use crate::Result;
use crate::enforcement::condition::{Condition, Context, evaluate as check};
use crate::enforcement::facts::CaseFacts;
use crate::enforcement::rule::{Combinator, Outcome, RuleEvaluation, RuleId};

/// 2万元 in fen.
pub(crate) const GOODS_VALUE_FEN: u64 = 2_000_000;

/// Evaluates Art. 67; `applies` is false for acts outside its scope.
pub(crate) fn evaluate(f: &CaseFacts, ctx: &Context<'_>) -> Result<RuleEvaluation> {
    let conditions = [
        Condition::GoodsValueAtLeast {
            fen: GOODS_VALUE_FEN,
        },
        Condition::DurationAtLeastMonths { months: 3 },
        Condition::DeathsOrMassIllness,
        Condition::FalseInformation,
        Condition::RefusedInspection,
        Condition::RepeatAfterFoodPenalty,
        Condition::OtherSerious,
    ]
    .iter()
    .map(|c| check(c, f, ctx))
    .collect::<Result<Vec<_>>>()?;
    Ok(RuleEvaluation {
        rule: RuleId::SeriousFood,
        provenance: super::food_regulation(
            "第六十七条",
            "applies to 食品安全法第一百二十三条至第一百二十六条、第一百三十二条 and 条例第七十二条、第七十三条",
        ),
        combinator: Combinator::Any,
        applies: f.food_safety_law && conditions.iter().any(|c| c.met),
        outcome: Outcome::Heavier,
        entry_id: None,
        conditions,
    })
}
