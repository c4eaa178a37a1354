//! How a row of an events file becomes a [`ProfileEvent`]: every column into the flat
//! wire shape, then the kind's checks, an error located at the offending column.

use super::cells::{located, text, whole};
use super::headers::Table;
use super::table::{Record, RowReader};
use crate::enforcement::credit_repair::{PenaltyKind, Sector};
use crate::model::{CheckKind, Uscc};
use crate::profile::{EventWire, Leniency, ProfileEvent};
use crate::{Error, InputCode, Result};

/// A serde enum from its JSON string (for the kinds without spreadsheet labels).
fn snake<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_owned()))
        .map_err(|e| Error::new(InputCode::CellInvalid, e.to_string()))
}

fn fen(s: &str) -> Result<u64> {
    whole(s, "whole number of fen")
}

impl Record for ProfileEvent {
    const TABLE: Table = Table::Events;
    const LITERAL_FIELDS: &'static [&'static str] = &["uscc", "reference", "decision_no"];

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let uscc = r.req("uscc", Uscc::parse);
        let date = r.date("date");
        let kind = r.req("kind", text);
        let source = r.req("source", text);
        let reference = r.opt("reference", text);
        let licence_no = r.opt("licence_no", text);
        let expires = r.opt_date("expires");
        let check_kind = r.opt("check_kind", CheckKind::from_label);
        let result = r.opt("result", text);
        let product = r.opt("product", text);
        let batch = r.opt("batch", text);
        let passed = r.opt_flag("passed");
        let failed_items = r.multi("failed_items", text);
        let substantiated = r.opt_flag("substantiated");
        let reason = r.opt("reason", text);
        let decision_no = r.opt("decision_no", text);
        let basis = r.opt("basis", text);
        let leniency = r.opt("leniency", Leniency::from_label);
        let penalties = r.multi("penalties", snake::<PenaltyKind>);
        let fine_fen = r.opt("fine_fen", fen);
        let published_on = r.opt_date("published_on");
        let sector = r.opt("sector", snake::<Sector>);
        let duties_fulfilled = r.opt_flag("duties_fulfilled");
        let harm_eliminated = r.opt_flag("harm_eliminated");
        let failed_items = failed_items?;
        let penalties = penalties?;
        let wire = EventWire {
            uscc: uscc?,
            date: date?,
            kind: kind?,
            source: source?,
            reference: reference?,
            licence_no: licence_no?,
            expires: expires?,
            check_kind: check_kind?,
            result: result?,
            product: product?,
            batch: batch?,
            passed: passed?,
            failed_items: (!failed_items.is_empty()).then_some(failed_items),
            substantiated: substantiated?,
            reason: reason?,
            decision_no: decision_no?,
            basis: basis?,
            leniency: leniency?,
            penalties: (!penalties.is_empty()).then_some(penalties),
            fine_fen: fine_fen?,
            published_on: published_on?,
            sector: sector?,
            duties_fulfilled: duties_fulfilled?,
            harm_eliminated: harm_eliminated?,
        };
        located(r, ProfileEvent::try_from(wire), "kind")
    }
}
