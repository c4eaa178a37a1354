//! Strata (抽查分层): credit class × food risk grade, either alone, or everything.
//!
//! Source: 国市监信发〔2022〕6号 (credit-risk classes A–D, \[S], 2022-01-13 onward) and
//! 《食品生产经营监督检查管理办法》 (SAMR 令49) Art. 21 (food risk grades A–D, \[V], in
//! force 2022-03-15). Neither document fixes how a plan stratifies; the stratum is an
//! explicit, serialisable part of each policy row.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs` and the unit tests below.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{CreditClass, Enterprise, RiskGrade};
use crate::{Error, Result, RulesCode};

/// A stratum: the enterprises with the given credit class and/or food risk grade.
/// `None` in a field means "any". The empty key is the stratum `all`.
///
/// Canonical text form (used in reports and by the draw): `all`, `credit=A`,
/// `risk=C`, `credit=A;risk=C` (credit first; values are the canonical enum strings).
///
/// ```
/// use shuangsuiji::model::{CreditClass, RiskGrade};
/// use shuangsuiji::rules::StratumKey;
/// let k = StratumKey { credit_class: Some(CreditClass::A), food_risk_grade: Some(RiskGrade::C) };
/// assert_eq!(k.to_string(), "credit=A;risk=C");
/// assert_eq!(StratumKey::parse("credit=A;risk=C").unwrap(), k);
/// assert_eq!(StratumKey::ALL.to_string(), "all");
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct StratumKey {
    /// Credit-risk class, or any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_class: Option<CreditClass>,
    /// Food-safety risk grade, or any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub food_risk_grade: Option<RiskGrade>,
}

/// Which fields a stratum key constrains; rows of one policy group must share it so
/// that their strata partition the enterprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    credit: bool,
    risk: bool,
}

impl StratumKey {
    /// The stratum of every enterprise.
    pub const ALL: Self = Self {
        credit_class: None,
        food_risk_grade: None,
    };

    /// Whether the enterprise belongs to this stratum. An enterprise without a food
    /// risk grade belongs to no stratum that names a grade.
    ///
    /// ```
    /// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, Uscc};
    /// use shuangsuiji::rules::StratumKey;
    /// let e = Enterprise::new(Uscc::parse("91350100M000100Y43").unwrap(), "x",
    ///     DivisionCode::parse("150581").unwrap(), CreditClass::B);
    /// assert!(StratumKey::parse("credit=B").unwrap().contains(&e));
    /// assert!(!StratumKey::parse("risk=A").unwrap().contains(&e));
    /// ```
    #[must_use]
    pub fn contains(&self, enterprise: &Enterprise) -> bool {
        self.credit_class
            .is_none_or(|c| c == enterprise.credit_class)
            && self
                .food_risk_grade
                .is_none_or(|g| enterprise.food_risk_grade == Some(g))
    }

    pub(crate) const fn shape(&self) -> Shape {
        Shape {
            credit: self.credit_class.is_some(),
            risk: self.food_risk_grade.is_some(),
        }
    }

    /// Parses the canonical text form (`all`, `credit=A`, `risk=C`, `credit=A;risk=C`).
    /// Values may be any label the enums accept.
    ///
    /// # Errors
    /// `stratum_unknown` for an unknown key, a repeated key or a bad value.
    pub fn parse(input: &str) -> Result<Self> {
        let t = input.trim();
        let unknown = |why: &str| {
            Error::new(
                RulesCode::StratumUnknown,
                format!("stratum {input:?}: {why}"),
            )
            .with_value(input)
        };
        let mut key = Self::ALL;
        if t == "all" {
            return Ok(key);
        }
        for part in t.split(';') {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| unknown("expected key=value"))?;
            match k.trim() {
                "credit" if key.credit_class.is_none() => {
                    key.credit_class = Some(
                        CreditClass::from_label(v).map_err(|_| unknown("unknown credit class"))?,
                    );
                }
                "risk" if key.food_risk_grade.is_none() => {
                    key.food_risk_grade =
                        Some(RiskGrade::from_label(v).map_err(|_| unknown("unknown risk grade"))?);
                }
                _ => return Err(unknown("unknown or repeated key")),
            }
        }
        Ok(key)
    }
}

impl fmt::Display for StratumKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.credit_class, self.food_risk_grade) {
            (None, None) => f.write_str("all"),
            (Some(c), None) => write!(f, "credit={}", c.as_str()),
            (None, Some(g)) => write!(f, "risk={}", g.as_str()),
            (Some(c), Some(g)) => write!(f, "credit={};risk={}", c.as_str(), g.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_every_key() {
        let mut credits: Vec<Option<CreditClass>> = vec![None];
        credits.extend(CreditClass::ALL.iter().copied().map(Some));
        let mut grades: Vec<Option<RiskGrade>> = vec![None];
        grades.extend(RiskGrade::ALL.iter().copied().map(Some));
        for c in &credits {
            for g in &grades {
                let k = StratumKey {
                    credit_class: *c,
                    food_risk_grade: *g,
                };
                assert_eq!(StratumKey::parse(&k.to_string()).unwrap(), k);
            }
        }
        for bad in ["credit=Z", "risk", "credit=A;credit=B", "x=A", ""] {
            assert_eq!(
                StratumKey::parse(bad).unwrap_err().code().as_str(),
                "stratum_unknown",
                "{bad}"
            );
        }
    }
}
