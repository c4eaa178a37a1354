//! Enterprises (监管对象): identity, location, credit class, food risk grade, status.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::label::labelled_enum;
use super::{Categories, DivisionCode, InspectorId, Uscc};
use crate::{ModelCode, Result};

labelled_enum! {
    /// Enterprise credit-risk class (企业信用风险分类, 国市监信发〔2022〕6号):
    /// A low, B general, C higher, D high, or not (yet) classified.
    pub enum CreditClass (ModelCode::CreditClassUnknown) {
        /// 信用风险低.
        A = "A" ["A类", "信用风险低", "低", "低风险"],
        /// 信用风险一般.
        B = "B" ["B类", "信用风险一般", "一般", "一般风险"],
        /// 信用风险较高.
        C = "C" ["C类", "信用风险较高", "较高", "较高风险"],
        /// 信用风险高.
        D = "D" ["D类", "信用风险高", "高", "高风险"],
        /// 未分类.
        Unclassified = "unclassified" ["未分类", "未评级", "无"],
    }
}

labelled_enum! {
    /// Food-safety risk grade (食品安全风险等级, 食品生产经营监督检查管理办法 Art. 21):
    /// A lowest to D highest.
    pub enum RiskGrade (ModelCode::RiskGradeUnknown) {
        /// A级风险.
        A = "A" ["A级", "A级风险"],
        /// B级风险.
        B = "B" ["B级", "B级风险"],
        /// C级风险.
        C = "C" ["C级", "C级风险"],
        /// D级风险.
        D = "D" ["D级", "D级风险"],
    }
}

labelled_enum! {
    /// Registration status (登记状态, 市场主体登记管理条例).
    pub enum RegistrationStatus (ModelCode::StatusUnknown) {
        /// 存续 / 在业 / 开业.
        Active = "active" ["存续", "在业", "开业", "存续（在营、开业、在册）"],
        /// 歇业 (suspended under 市场主体登记管理条例 Art. 30).
        Suspended = "suspended" ["歇业"],
        /// 迁出 (moved to another registration authority).
        MovedOut = "moved_out" ["迁出"],
        /// 吊销 (business licence revoked).
        Revoked = "revoked" ["吊销", "吊销未注销", "吊销，未注销"],
        /// 注销 (deregistered).
        Deregistered = "deregistered" ["注销", "已注销"],
    }
}

impl RegistrationStatus {
    /// Whether the enterprise still exists as an operating subject that can be checked
    /// (active or suspended).
    #[must_use]
    pub const fn is_operating(self) -> bool {
        matches!(self, Self::Active | Self::Suspended)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// An enterprise on the supervision roster (监管对象名录).
///
/// ```
/// use shuangsuiji::model::{CreditClass, Enterprise};
/// let e: Enterprise = serde_json::from_str(r#"{
///     "uscc": "91350100M000100Y43", "name": "示例食品有限公司",
///     "division": "150581", "credit_class": "B", "food_risk_grade": "C",
///     "categories": ["food_production"], "status": "active"
/// }"#).unwrap();
/// assert_eq!(e.credit_class, CreditClass::B);
/// e.validate().unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enterprise {
    /// 统一社会信用代码, canonical.
    pub uscc: Uscc,
    /// 企业名称 (display only, never hashed).
    pub name: String,
    /// Administrative division of the registered address (县级 code).
    pub division: DivisionCode,
    /// 乡镇/街道 code or name, used to group visits into routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// 信用风险分类.
    pub credit_class: CreditClass,
    /// 食品安全风险等级, if graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub food_risk_grade: Option<RiskGrade>,
    /// Industry / licence categories (e.g. `food_production`, `food_production:dairy`).
    /// An item whose scope names `food_production` applies to `food_production:dairy`.
    #[serde(default, skip_serializing_if = "Categories::is_empty")]
    pub categories: Categories,
    /// 登记状态.
    pub status: RegistrationStatus,
    /// Listed in the 经营异常名录.
    #[serde(default, skip_serializing_if = "is_false")]
    pub abnormal: bool,
    /// Listed in the 严重违法失信名单.
    #[serde(default, skip_serializing_if = "is_false")]
    pub serious_violation: bool,
    /// Complaints and reports (投诉举报) in the last 12 months.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub complaints: u32,
    /// Inspectors the enterprise has asked to withdraw (申请回避) or registered as kin
    /// or former employees.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub avoid_inspectors: BTreeSet<InspectorId>,
}

impl Enterprise {
    /// A minimal active enterprise with the given identity and class.
    ///
    /// ```
    /// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, Uscc};
    /// let e = Enterprise::new(
    ///     Uscc::parse("91350100M000100Y43").unwrap(), "示例",
    ///     DivisionCode::parse("150581").unwrap(), CreditClass::A,
    /// );
    /// assert!(e.status.is_operating());
    /// ```
    #[must_use]
    pub fn new(uscc: Uscc, name: &str, division: DivisionCode, credit_class: CreditClass) -> Self {
        Self {
            uscc,
            name: name.to_owned(),
            division,
            town: None,
            credit_class,
            food_risk_grade: None,
            categories: Categories::new(),
            status: RegistrationStatus::Active,
            abnormal: false,
            serious_violation: false,
            complaints: 0,
            avoid_inspectors: BTreeSet::new(),
        }
    }

    /// Checks the fields that serde cannot: a non-empty name and non-empty categories.
    ///
    /// # Errors
    /// `text_empty` naming the field.
    pub fn validate(&self) -> Result<()> {
        super::text::required_text(&self.name, "name")?;
        for c in &self.categories {
            super::text::required_text(c, "categories")?;
        }
        Ok(())
    }
}
