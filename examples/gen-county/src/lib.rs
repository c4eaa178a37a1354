//! Generator of the bundled **synthetic** sample county: 霍林郭勒市 (150581), 通辽市,
//! 内蒙古自治区 — the county whose 2024 "综合监管一件事" plan the project comes from.
//!
//! Everything is derived from one fixed seed ([`SEED`]) with a tiny SplitMix64 PRNG
//! ([`rng::SplitMix64`]); no clock, no OS randomness, no `rand` crate. Running
//! `cargo run -p shuangsuiji-gen-county` rewrites `examples/data/huolinguole/` and the
//! statistics block of `examples/data/README.md`; the crate's test regenerates the data
//! in memory and compares it byte for byte with the committed files.
//!
//! The data is SYNTHETIC: enterprise and inspector names end in （示例…）, town names are
//! invented, USCC organisation-code bodies start with `YX`, every JSON file carries
//! `"synthetic": true` (or, for the catalog, provenance verification `synthetic`).

pub mod authorities;
pub mod catalog;
pub mod enterprises;
mod files;
pub mod history;
pub mod inspectors;
pub mod locations;
pub mod rng;
mod stats;

use std::path::PathBuf;

use shuangsuiji::model::{Authority, Catalog, CheckRecord, Enterprise, Inspector, InspectorId};

pub use files::{GENERATED_FILES, STATS_BEGIN, STATS_END, envelope_key};

/// The fixed seed: the county code and the date of the county plan.
pub const SEED: u64 = 0x0015_0581_2024_0506;

/// Errors of the generator (model errors, CSV and encoding failures).
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// `examples/data/` in the workspace.
#[must_use]
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

/// `examples/data/huolinguole/` in the workspace.
#[must_use]
pub fn county_dir() -> PathBuf {
    data_dir().join("huolinguole")
}

/// The whole generated data set, as model values.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// Authorities (county departments, city and region authorities, a neighbour).
    pub authorities: Vec<Authority>,
    /// The joint-check item catalog.
    pub catalog: Catalog,
    /// Enterprises, sorted by USCC.
    pub enterprises: Vec<Enterprise>,
    /// Inspectors, sorted by id.
    pub inspectors: Vec<Inspector>,
    /// Check history of 2024, sorted by date.
    pub history: Vec<CheckRecord>,
    /// Synthetic coordinates of the enterprises and offices (`locations.json`).
    pub locations: locations::Locations,
}

/// Generates the data set from [`SEED`].
///
/// # Errors
/// Only if the generator itself is wrong (a model value it builds does not validate).
pub fn generate() -> Result<DataSet, Error> {
    let authorities = authorities::authorities()?;
    let catalog = catalog::catalog()?;
    let mut enterprises = enterprises::enterprises(SEED)?;
    let inspectors = inspectors::inspectors(SEED, &catalog, &enterprises)?;
    // A few enterprises have asked an inspector to withdraw (申请回避).
    let mut rng = rng::SplitMix64::stream(SEED, "avoid");
    let market: Vec<&InspectorId> = inspectors
        .iter()
        .filter(|i| i.department.as_str() == "market")
        .map(|i| &i.id)
        .collect();
    for _ in 0..6 {
        let k = rng.index(enterprises.len());
        let id = (*rng.pick(&market)).clone();
        if let Some(e) = enterprises.get_mut(k) {
            e.avoid_inspectors.insert(id);
        }
    }
    let mut history = history::history(SEED, &catalog, &authorities, &enterprises);
    history::assign_inspectors(SEED, &mut history, &inspectors);
    let locations = locations::locations(SEED, &authorities, &enterprises)?;
    Ok(DataSet {
        locations,
        authorities,
        catalog,
        enterprises,
        inspectors,
        history,
    })
}

impl DataSet {
    /// The files of `examples/data/huolinguole/`: `(file name, bytes)`, in
    /// [`GENERATED_FILES`] order.
    ///
    /// # Errors
    /// Serialisation or GBK encoding failures (none for the generated data).
    pub fn files(&self) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
        files::render(self)
    }

    /// The Markdown statistics block kept in `examples/data/README.md`.
    #[must_use]
    pub fn stats_markdown(&self) -> String {
        stats::markdown(self)
    }
}
