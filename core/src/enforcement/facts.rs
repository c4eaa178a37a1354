//! Typed case facts and the enterprise's violation history, as an officer records them.
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::DivisionCode;
use crate::{EnforcementCode, Error, Result};

/// Whether and when the party corrected the violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// 立即自行改正.
    Immediately,
    /// 在责令改正期限内改正.
    WithinOrderedPeriod,
    /// Not corrected (or too late).
    NotCorrected,
}

impl Correction {
    /// The canonical snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Immediately => "immediately",
            Self::WithinOrderedPeriod => "within_ordered_period",
            Self::NotCorrected => "not_corrected",
        }
    }
}

/// The harm caused (危害后果).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Harm {
    /// 没有造成危害后果.
    None,
    /// 危害后果轻微.
    Minor,
    /// Harmful consequences beyond minor.
    Harmful,
}

impl Harm {
    /// The canonical snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Minor => "minor",
            Self::Harmful => "harmful",
        }
    }
}

/// The food business stage the violation happened in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 食品生产.
    Production,
    /// 食品销售 (part of 食品经营).
    Sale,
    /// 餐饮服务 (part of 食品经营).
    Catering,
}

impl Stage {
    /// The canonical snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Sale => "sale",
            Self::Catering => "catering",
        }
    }
}

/// Facts for 食品安全法实施条例 Art. 67 (情节严重) that are not derived from other facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SeriousFacts {
    /// Deaths from foodborne disease caused (Art. 67(2)).
    pub deaths: u32,
    /// Persons with foodborne disease caused (Art. 67(2): ≥ 30).
    pub ill_persons: u32,
    /// 故意提供虚假信息或者隐瞒真实情况 (Art. 67(3)).
    pub false_information: bool,
    /// 拒绝、逃避监督检查 (Art. 67(4)).
    pub refused_inspection: bool,
    /// 因违反食品安全法律、法规受到刑事处罚后又实施食品安全违法行为 (Art. 67(5), second half).
    pub food_crime_before: bool,
    /// 其他情节严重的情形 (Art. 67(6)), as found by the officer.
    pub other_serious: bool,
}

/// Facts for 行政处罚法 Art. 32 (应当从轻或者减轻).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MitigationFacts {
    /// (一) 主动消除或者减轻违法行为危害后果.
    pub eliminated_or_reduced_harm: bool,
    /// (二) 受他人胁迫或者诱骗实施违法行为.
    pub coerced_or_deceived: bool,
    /// (三) 主动供述行政机关尚未掌握的违法行为.
    pub confessed_unknown_violation: bool,
    /// (四) 配合行政机关查处违法行为有立功表现.
    pub meritorious_cooperation: bool,
    /// (五) another law, regulation or rule requiring 从轻或者减轻: cite it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_legal_ground: Option<String>,
}

/// Facts only some menu entries ask about; `None` = not recorded. A condition that
/// needs an unrecorded fact is an error (`facts_invalid`), never a guess.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ItemFacts {
    /// The goods were 散装熟食.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cooked_bulk_food: Option<bool>,
    /// 实际具备取得食品经营许可证的条件.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets_licence_conditions: Option<bool>,
    /// A food-safety incident happened while the licence was valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident_during_licence: Option<bool>,
    /// 符合《食品经营许可和备案管理办法》第五十二条第三款规定情形之一.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence_change_art52_3: Option<bool>,
    /// The nonconformity was caused by the operator itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caused_by_operator: Option<bool>,
    /// The label flaw neither affects food safety nor misleads consumers
    /// (食品安全法 Art. 125 ¶2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_defect_harmless: Option<bool>,
}

/// The facts of one case.
///
/// ```
/// let f: shuangsuiji::enforcement::CaseFacts = serde_json::from_str(r#"{
///   "violation_type": "expired_food", "committed_on": "2025-03-01",
///   "discovered_on": "2025-03-03", "correction": "immediately", "harm": "none"
/// }"#).unwrap();
/// assert!(f.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFacts {
    /// The violation type, compared for equality with history records (同类).
    pub violation_type: String,
    /// Date of the act (or its start, for a continuing act).
    pub committed_on: NaiveDate,
    /// Last day of a continuing act (违法行为有连续或者继续状态); `None` = a single act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuing_until: Option<NaiveDate>,
    /// Date the authority discovered the act.
    pub discovered_on: NaiveDate,
    /// Correction.
    pub correction: Correction,
    /// Harm.
    pub harm: Harm,
    /// The officer finds the violation 轻微 (行政处罚法 Art. 33 ¶1 first sentence).
    #[serde(default)]
    pub minor_violation: bool,
    /// Value of the goods involved (货值金额), integer fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_value_fen: Option<u64>,
    /// A food-safety incident (食品安全事故) happened.
    #[serde(default)]
    pub food_safety_incident: bool,
    /// Foodborne disease (食源性疾病) was caused.
    #[serde(default)]
    pub foodborne_illness: bool,
    /// The act was intentional (主观故意); `None` = not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intentional: Option<bool>,
    /// The party can truthfully state the source of the goods (如实说明进货来源).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_stated: Option<bool>,
    /// The food business stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The act 涉及公民生命健康安全、金融安全 (行政处罚法 Art. 36: 5-year time bar with harm).
    #[serde(default)]
    pub life_health_safety: bool,
    /// The party has evidence sufficient to prove no fault (Art. 33 ¶2).
    #[serde(default)]
    pub no_fault_proven: bool,
    /// A law or administrative regulation provides that no-fault does not excuse this act
    /// (Art. 33 ¶2 second sentence). Cite it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_fault_excluded_by: Option<String>,
    /// The act is penalised under 食品安全法 Arts. 123–126, 132 or 实施条例 Arts. 72–73,
    /// so 实施条例 Art. 67 (情节严重) applies.
    #[serde(default)]
    pub food_safety_law: bool,
    /// Art. 67 facts.
    #[serde(default)]
    pub serious: SeriousFacts,
    /// Art. 32 facts.
    #[serde(default)]
    pub mitigation: MitigationFacts,
    /// Entry-specific facts.
    #[serde(default)]
    pub item: ItemFacts,
    /// 行政区划代码 of the place of the violation (行政处罚法 Art. 22: 由违法行为发生地的
    /// 行政机关管辖), which decides whose local leniency menus bind the case; `None` = not
    /// recorded (then only national menus can be applied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<DivisionCode>,
}

impl CaseFacts {
    /// The day the act ended (the last day of a continuing act, else the act date).
    #[must_use]
    pub fn ended_on(&self) -> NaiveDate {
        self.continuing_until.unwrap_or(self.committed_on)
    }

    /// Checks the facts do not contradict themselves.
    ///
    /// # Errors
    /// `facts_invalid` when the discovery or the end of a continuing act lies before the
    /// act, or `harm` is `none` while an incident, illness or death is recorded.
    pub fn validate(&self) -> Result<()> {
        let bad = |field: &str, msg: String| {
            Err(Error::new(EnforcementCode::FactsInvalid, msg).with_field(field))
        };
        if self.discovered_on < self.committed_on {
            return bad(
                "discovered_on",
                format!(
                    "discovered {} before the act of {}",
                    self.discovered_on, self.committed_on
                ),
            );
        }
        if self.ended_on() < self.committed_on {
            return bad(
                "continuing_until",
                format!("continuing act ends {} before it starts", self.ended_on()),
            );
        }
        if self.harm == Harm::None
            && (self.food_safety_incident
                || self.foodborne_illness
                || self.serious.deaths > 0
                || self.serious.ill_persons > 0)
        {
            return bad(
                "harm",
                "harm is none but an incident, illness or death is recorded".to_owned(),
            );
        }
        Ok(())
    }
}

/// One earlier violation of the same enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViolationRecord {
    /// The violation type (compared with [`CaseFacts::violation_type`]).
    pub violation_type: String,
    /// Date of the act.
    pub committed_on: NaiveDate,
    /// Date of the penalty decision, if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_decided_on: Option<NaiveDate>,
    /// The penalty was for violating food-safety laws or regulations.
    #[serde(default)]
    pub food_safety: bool,
}

/// `date` minus `months` (民法典 Art. 202 style: clamps to month end).
pub(crate) fn months_before(date: NaiveDate, months: u32) -> Result<NaiveDate> {
    date.checked_sub_months(Months::new(months)).ok_or_else(|| {
        Error::new(EnforcementCode::FactsInvalid, "date out of range").with_value(date.to_string())
    })
}

/// `date` plus `months` (民法典 Art. 202: clamps to month end).
pub(crate) fn months_after(date: NaiveDate, months: u32) -> Result<NaiveDate> {
    date.checked_add_months(Months::new(months)).ok_or_else(|| {
        Error::new(EnforcementCode::FactsInvalid, "date out of range").with_value(date.to_string())
    })
}
