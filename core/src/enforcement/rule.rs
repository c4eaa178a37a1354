//! The shared vocabulary of the leniency rules: what a rule is called ([`RuleId`]), what it
//! gives ([`Outcome`]), how its conditions combine ([`Combinator`]), its evaluation
//! ([`RuleEvaluation`]) and the one precedence table ([`PRECEDENCE`]). A leaf module:
//! the statutes (`statute/*`) and the decision (`decide.rs`) both build on it, neither on
//! the other's internals.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` and the `tests` module below.

use serde::{Deserialize, Serialize};

use super::condition::ConditionCheck;
use crate::model::Provenance;

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 不再给予行政处罚 (Art. 36).
    TimeBarred,
    /// 不予行政处罚 (mandatory).
    NotPunished,
    /// 可以不予行政处罚 (discretionary).
    MayNotPunish,
    /// 从轻处罚.
    Lighter,
    /// 减轻处罚.
    Mitigated,
    /// 应当从轻或者减轻 (Art. 32).
    LighterOrMitigated,
    /// 一般: punish within the statutory range.
    Ordinary,
    /// 从重从严 consideration (实施条例 Art. 67).
    Heavier,
}

/// The rules. The variant order is the precedence order ([`PRECEDENCE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// 行政处罚法 Art. 36.
    TimeBar,
    /// Art. 33 ¶2.
    NoFault,
    /// 实施条例 Art. 67.
    SeriousFood,
    /// Art. 33 ¶1 first sentence.
    MinorViolation,
    /// A leniency menu entry.
    MenuEntry,
    /// Art. 33 ¶1 second sentence.
    FirstOffence,
    /// Art. 32.
    Mitigation,
    /// No leniency rule applies.
    Ordinary,
}

/// How a rule's conditions combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combinator {
    /// Every condition must hold.
    All,
    /// One condition suffices.
    Any,
}

/// One rule's evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEvaluation {
    /// The rule.
    pub rule: RuleId,
    /// Its source.
    pub provenance: Provenance,
    /// How the conditions combine.
    pub combinator: Combinator,
    /// Whether the rule applies.
    pub applies: bool,
    /// The outcome the rule gives when it applies.
    pub outcome: Outcome,
    /// The menu entry, for [`RuleId::MenuEntry`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_id: Option<String>,
    /// Every condition with its evidence.
    pub conditions: Vec<ConditionCheck>,
}

/// The precedence of the rules: every rule is evaluated and reported in this order, and
/// the first that applies decides (the list in the [`decide`](super::decide) docs).
/// [`RuleId::Ordinary`] is not in the table: it is what remains when none applies.
pub const PRECEDENCE: [RuleId; 7] = [
    RuleId::TimeBar,
    RuleId::NoFault,
    RuleId::SeriousFood,
    RuleId::MinorViolation,
    RuleId::MenuEntry,
    RuleId::FirstOffence,
    RuleId::Mitigation,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_follows_the_variant_order_and_ends_before_ordinary() {
        assert!(PRECEDENCE.windows(2).all(|w| w[0] < w[1]));
        assert!(!PRECEDENCE.contains(&RuleId::Ordinary));
    }
}
