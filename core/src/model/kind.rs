//! Validating any model value from JSON text by naming its type — the single entry
//! point the bindings use, so that no binding repeats the list of model types.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::label::labelled_enum;
use super::{
    Authority, Catalog, CheckRecord, Enterprise, Inspector, InspectorRoster, Ratio, Roster,
    SupervisionItem,
};
use crate::{Error, InputCode, ModelCode, Result};

labelled_enum! {
    /// The model types that can be validated from JSON by name.
    pub enum ModelKind (ModelCode::ReferenceUnknown) {
        /// [`Enterprise`].
        Enterprise = "enterprise" [],
        /// [`Roster`] (an array of enterprises).
        Roster = "roster" [],
        /// [`Inspector`].
        Inspector = "inspector" [],
        /// [`InspectorRoster`] (an array of inspectors).
        InspectorRoster = "inspector_roster" [],
        /// [`Authority`].
        Authority = "authority" [],
        /// [`CheckRecord`].
        CheckRecord = "check_record" [],
        /// An array of [`CheckRecord`].
        History = "history" [],
        /// [`Ratio`].
        Ratio = "ratio" [],
        /// [`SupervisionItem`].
        Item = "item" [],
        /// [`Catalog`].
        Catalog = "catalog" [],
    }
}

fn canon<T: DeserializeOwned + Serialize>(
    text: &str,
    check: impl Fn(&T) -> Result<()>,
) -> Result<String> {
    let v: T = crate::json::located::from_str(text)?;
    check(&v)?;
    serde_json::to_string(&v)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}

/// Parses JSON text as the named model type, validates it (including cross-field
/// checks) and returns it re-serialised in canonical field forms.
///
/// # Errors
/// `json_syntax`, `json_shape`, the limits' codes and the type's validation codes.
///
/// ```
/// use shuangsuiji::model::{ModelKind, validate_json};
/// assert_eq!(validate_json(ModelKind::Ratio, "\"5%\"").unwrap(), "\"5/100\"");
/// assert_eq!(validate_json(ModelKind::Ratio, "0.05").unwrap_err().code().as_str(), "ratio_float");
/// ```
pub fn validate_json(kind: ModelKind, text: &str) -> Result<String> {
    match kind {
        ModelKind::Enterprise => canon::<Enterprise>(text, Enterprise::validate),
        ModelKind::Roster => canon::<Roster>(text, |_| Ok(())),
        ModelKind::Inspector => canon::<Inspector>(text, |_| Ok(())),
        ModelKind::InspectorRoster => canon::<InspectorRoster>(text, |_| Ok(())),
        ModelKind::Authority => canon::<Authority>(text, Authority::validate),
        ModelKind::CheckRecord => canon::<CheckRecord>(text, |_| Ok(())),
        ModelKind::History => canon::<Vec<CheckRecord>>(text, |_| Ok(())),
        ModelKind::Ratio => canon::<Ratio>(text, |_| Ok(())),
        ModelKind::Item => canon::<SupervisionItem>(text, SupervisionItem::validate),
        ModelKind::Catalog => {
            let c = Catalog::from_json(text)?;
            serde_json::to_string(&c)
                .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
        }
    }
}
