//! What the event tables (a profile's events, a demand register) share in reading a row:
//! cell parsers for text and whole numbers, and a record built from the row's cells kept
//! or its error recorded at the column it names.

use std::str::FromStr;

use super::table::RowReader;
use crate::model::normalize_width;
use crate::{Error, InputCode, Result};

/// A text cell as written.
pub(super) fn text(s: &str) -> Result<String> {
    Ok(s.to_owned())
}

/// A whole number (ASCII or full-width digits only: no sign, no decimal point, no unit);
/// `what` names it in the error, e.g. `whole number of fen`.
pub(super) fn whole<T: FromStr>(s: &str, what: &str) -> Result<T> {
    let t = normalize_width(s);
    t.parse::<T>()
        .ok()
        .filter(|_| t.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| Error::new(InputCode::CellInvalid, format!("{s:?} is not a {what}")))
}

/// The record built from a row's cells, or `None` with its error recorded at the field
/// the error names (else at `fallback`), so that the error names the row and column.
pub(super) fn located<T>(r: &mut RowReader<'_>, built: Result<T>, fallback: &str) -> Option<T> {
    match built {
        Ok(record) => Some(record),
        Err(e) => {
            let field = e
                .details()
                .field
                .clone()
                .unwrap_or_else(|| fallback.to_owned());
            r.record_error(&field, e);
            None
        }
    }
}
