//! Forcing enterprises into the check, outside the random quota.
//!
//! Sources: 国办发〔2015〕58号 (c) \[S, 2015-08-05 onward]: "对投诉举报多、列入经营异常名录
//! 或有严重违法违规记录等情况的市场主体，要加大随机抽查力度"; 国市监信发〔2022〕6号 \[S,
//! 2022-01-13 onward]: D-class enterprises "必要时主动实施现场检查"; 《食品安全法》
//! Art. 113 \[V]: more checks for food producers with a bad credit record.
//!
//! None of these says "always check"; "加大力度" is met by higher ratios. Forcing is
//! therefore **off by default** and each trigger is switched on separately. A forced
//! enterprise must still be in the pool (in jurisdiction, operating, in the item's
//! scope, not capped or excluded by a higher level): forcing never overrides an
//! exclusion. It is then taken out of its stratum (so `N` and the quota do not count
//! it) and listed as `forced_in` with why.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use serde::{Deserialize, Serialize};

use crate::model::{CreditClass, Enterprise};

/// Why an enterprise was forced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForceWhy {
    /// Listed in the 经营异常名录.
    Abnormal,
    /// Listed in the 严重违法失信名单.
    SeriousViolation,
    /// Credit-risk class D.
    CreditClassD,
    /// At least `min_complaints` complaints in the last 12 months.
    Complaints,
    /// Due a check under the item's frequency (监管频次, 令49 Art. 22; see
    /// [`super::coverage`]); only with `coverage.force_due`.
    FrequencyDue,
}

/// Which triggers force an enterprise in. All off by default.
///
/// ```
/// let f: shuangsuiji::rules::ForceInConfig = serde_json::from_str(r#"{"abnormal":true}"#).unwrap();
/// assert!(f.abnormal && !f.credit_class_d);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceInConfig {
    /// Force in 经营异常 enterprises.
    #[serde(default)]
    pub abnormal: bool,
    /// Force in 严重违法失信 enterprises.
    #[serde(default)]
    pub serious_violation: bool,
    /// Force in D-class enterprises.
    #[serde(default)]
    pub credit_class_d: bool,
    /// Force in enterprises with at least this many complaints (≥ 1 to take effect).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_complaints: Option<u32>,
}

impl ForceInConfig {
    /// The triggers that force this enterprise in (empty = not forced).
    ///
    /// ```
    /// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, Uscc};
    /// use shuangsuiji::rules::{ForceInConfig, ForceWhy};
    /// let e = Enterprise::new(Uscc::parse("91350100M000100Y43").unwrap(), "x",
    ///     DivisionCode::parse("150581").unwrap(), CreditClass::D);
    /// assert!(ForceInConfig::default().why(&e).is_empty());
    /// let f = ForceInConfig { credit_class_d: true, ..Default::default() };
    /// assert_eq!(f.why(&e), vec![ForceWhy::CreditClassD]);
    /// ```
    #[must_use]
    pub fn why(&self, enterprise: &Enterprise) -> Vec<ForceWhy> {
        let mut v = Vec::new();
        if self.abnormal && enterprise.abnormal {
            v.push(ForceWhy::Abnormal);
        }
        if self.serious_violation && enterprise.serious_violation {
            v.push(ForceWhy::SeriousViolation);
        }
        if self.credit_class_d && enterprise.credit_class == CreditClass::D {
            v.push(ForceWhy::CreditClassD);
        }
        if let Some(m) = self.min_complaints {
            if m >= 1 && enterprise.complaints >= m {
                v.push(ForceWhy::Complaints);
            }
        }
        v
    }
}
