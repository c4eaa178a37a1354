//! The statutory rules built in (\[V\]), one per file, each a pure function of the facts.
//! They build on the leaf [`rule`](super::rule) vocabulary; their order is
//! [`PRECEDENCE`](super::rule::PRECEDENCE).
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` and the leniency vectors
//! (`tests/vectors/leniency/`).

pub(crate) mod first_offence;
pub(crate) mod minor;
pub(crate) mod mitigation;
pub(crate) mod no_fault;
pub(crate) mod serious_food;
pub(crate) mod time_bar;

use chrono::NaiveDate;

use crate::model::{Provenance, Verification};

/// Provenance of an article of the 行政处罚法 (2021 revision, in force 2021-07-15).
pub(crate) fn penalty_law(article: &str) -> Provenance {
    Provenance {
        document: "中华人民共和国行政处罚法（2021年1月22日修订）".to_owned(),
        article: Some(article.to_owned()),
        verification: Verification::Verified,
        effective_from: NaiveDate::from_ymd_opt(2021, 7, 15),
        effective_to: None,
        note: None,
    }
}

/// Provenance of an article of the 食品安全法实施条例 (国务院令第721号, in force 2019-12-01).
pub(crate) fn food_regulation(article: &str, note: &str) -> Provenance {
    Provenance {
        document: "中华人民共和国食品安全法实施条例（国务院令第721号）".to_owned(),
        article: Some(article.to_owned()),
        verification: Verification::Verified,
        effective_from: NaiveDate::from_ymd_opt(2019, 12, 1),
        effective_to: None,
        note: Some(note.to_owned()),
    }
}
