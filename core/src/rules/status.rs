//! Registration status: deregistered, revoked and moved-out enterprises are not checked.
//!
//! Source: 《市场主体登记管理条例》 (国务院令第746号, in force 2022-03-01) and its
//! 实施细则 (SAMR 令52, 2022-03-01) \[S for the status vocabulary; the 实施细则 text is in
//! the project's laws/ folder]: a 注销 enterprise no longer exists, a 吊销 one may not
//! operate, a 迁出 one belongs to another registration authority's roster. 国办发〔2015〕
//! 58号 (b) draws from the 市场主体名录库 of existing subjects \[S, 2015-08-05 onward].
//!
//! Choice: a 歇业 (suspended) enterprise still exists and stays eligible (it can be
//! checked, e.g. for unlicensed operation during suspension).
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use super::reason::{Reason, ReasonCode};
use crate::model::{Enterprise, RegistrationStatus};

/// The status reason that keeps the enterprise out of every pool, if any.
///
/// ```
/// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, RegistrationStatus, Uscc};
/// use shuangsuiji::rules::{status_reason, ReasonCode};
/// let mut e = Enterprise::new(Uscc::parse("91350100M000100Y43").unwrap(), "x",
///     DivisionCode::parse("150581").unwrap(), CreditClass::B);
/// assert!(status_reason(&e).is_none());
/// e.status = RegistrationStatus::Revoked;
/// assert_eq!(status_reason(&e).unwrap().code, ReasonCode::Revoked);
/// ```
#[must_use]
pub fn status_reason(enterprise: &Enterprise) -> Option<Reason> {
    let code = match enterprise.status {
        RegistrationStatus::Active | RegistrationStatus::Suspended => return None,
        RegistrationStatus::Deregistered => ReasonCode::Deregistered,
        RegistrationStatus::Revoked => ReasonCode::Revoked,
        RegistrationStatus::MovedOut => ReasonCode::MovedOut,
    };
    Some(Reason::new(code).with("status", enterprise.status.as_str()))
}
