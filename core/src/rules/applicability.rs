//! Jurisdiction, item scope and item validity.
//!
//! Sources: 《企业公示信息抽查办法》 (SAMR 令101, 2025-03-18) Art. 4 — draw "辖区内" enterprises
//! \[S]; 国办发〔2015〕58号 (a) — a catalog item states its 抽查对象, and nothing outside
//! the catalog may be checked \[S, 2015-08-05 onward]; 《优化营商环境条例》 Art. 54 \[V,
//! in force 2020-01-01].
//!
//! * An enterprise whose registered division is not covered by the planning authority
//!   ([`Authority::covers`]) gets `outside_jurisdiction`.
//! * An item applies only to enterprises in its scope ([`Applicability::applies_to`]);
//!   others get `not_in_item_scope` for that item.
//! * A plan that names an item not in force on the plan date (the item's own
//!   `effective_from`/`effective_to`) is rejected with `item_not_in_force`: checking
//!   under a repealed or not yet adopted item is a plan error, not a property of the
//!   enterprises, and silently emptying the item would hide it.
//!
//! [`Authority::covers`]: crate::model::Authority::covers
//! [`Applicability::applies_to`]: crate::model::Applicability::applies_to
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs`.

use chrono::NaiveDate;

use super::reason::{Reason, ReasonCode};
use crate::model::{Authority, Enterprise, SupervisionItem};
use crate::{Error, Result, RulesCode};

/// `outside_jurisdiction` if the authority does not cover the enterprise's division.
///
/// ```
/// use shuangsuiji::model::{Authority, CreditClass, DivisionCode, Enterprise, Uscc};
/// let a: Authority = serde_json::from_str(
///     r#"{"id":"c","department":"market","level":"county","jurisdiction":"150581"}"#).unwrap();
/// let e = Enterprise::new(Uscc::parse("91350100M000100Y43").unwrap(), "x",
///     DivisionCode::parse("150502").unwrap(), CreditClass::B);
/// assert!(shuangsuiji::rules::jurisdiction_reason(&a, &e).is_some());
/// ```
#[must_use]
pub fn jurisdiction_reason(authority: &Authority, enterprise: &Enterprise) -> Option<Reason> {
    (!authority.covers(enterprise.division)).then(|| {
        Reason::new(ReasonCode::OutsideJurisdiction)
            .with("division", enterprise.division.as_str().to_owned())
            .with("jurisdiction", authority.jurisdiction.as_str().to_owned())
    })
}

/// `not_in_item_scope` if the item does not apply to the enterprise.
#[must_use]
pub fn scope_reason(item: &SupervisionItem, enterprise: &Enterprise) -> Option<Reason> {
    (!item.applies_to.applies_to(enterprise)).then(|| {
        let cats = enterprise.categories.as_slice().join(",");
        Reason::new(ReasonCode::NotInItemScope).with("categories", cats)
    })
}

/// Checks the item is in force on `date`.
///
/// # Errors
/// `item_not_in_force`.
pub fn check_item_in_force(item: &SupervisionItem, date: NaiveDate) -> Result<()> {
    if item.validity().contains(date) {
        Ok(())
    } else {
        Err(Error::new(
            RulesCode::ItemNotInForce,
            format!("item {} is not in force on {date}", item.id.as_str()),
        )
        .with_value(item.id.as_str())
        .with_detail("date", date.to_string()))
    }
}
