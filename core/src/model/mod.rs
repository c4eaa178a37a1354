//! The domain model: serde data types only, one JSON shape used everywhere.
//!
//! Every type here validates itself on deserialisation where it can (a [`Uscc`] that
//! deserialises is a valid one); cross-field checks live in `validate` methods.

mod authority;
mod catalog;
mod categories;
mod division;
mod enterprise;
mod history;
mod inspector;
mod item;
mod kind;
pub(crate) mod label;
mod provenance;
mod ratio;
mod roster;
pub(crate) mod text;
mod uscc;

pub use authority::{Authority, Department, DepartmentCode, Level};
pub use catalog::Catalog;
pub use categories::Categories;
pub use division::DivisionCode;
pub use enterprise::{CreditClass, Enterprise, RegistrationStatus, RiskGrade};
pub use history::{CheckKind, CheckRecord};
pub use inspector::{Inspector, InspectorId};
pub use item::{Applicability, CheckForm, Frequency, ItemId, ItemKind, SupervisionItem};
pub use kind::{ModelKind, validate_json};
pub use provenance::{LegalRef, Provenance, Validity, Verification};
pub use ratio::Ratio;
pub use roster::{InspectorRoster, Roster};
pub use text::normalize_width;
#[cfg(test)]
pub(crate) use uscc::test_code;
pub use uscc::{USCC_ALPHABET, Uscc, org_code_check_char, uscc_char_value, uscc_check_char};
