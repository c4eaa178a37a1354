//! The bundled synthetic county 霍林郭勒市 (examples/data/huolinguole), read the way data
//! staff have it: the catalog, the roster (the GBK spreadsheet export with Chinese
//! headers), the inspectors, a year of check history, and the synthetic data envelopes
//! (`{"synthetic", "provenance", <payload>}`: authorities, locations). Shared by the
//! `county` and `workplan` examples.

use std::fs;
use std::path::PathBuf;

use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::{Authority, Catalog, CheckRecord, InspectorRoster, Roster};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The sample's files, read and validated by the core's readers.
pub struct Sample {
    /// The catalog of check items.
    pub catalog: Catalog,
    /// The enterprise roster.
    pub roster: Roster,
    /// The inspectors.
    pub inspectors: InspectorRoster,
    /// The check history.
    pub history: Vec<CheckRecord>,
}

/// One file of the sample's folder, as bytes.
fn data(name: &str) -> Result<Vec<u8>> {
    Ok(fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../data/huolinguole")
            .join(name),
    )?)
}

/// Reads the catalog, roster, inspectors and history.
pub fn load() -> Result<Sample> {
    let read = |name: &str| -> Result<(Vec<u8>, ReadOptions)> {
        Ok((data(name)?, ReadOptions::named(name)))
    };
    let (bytes, opts) = read("catalog.json")?;
    let catalog = intake::read_catalog(&bytes, &opts)?;
    let (bytes, opts) = read("enterprises-gbk.csv")?;
    let roster = intake::read_enterprises(&bytes, &opts)?;
    let (bytes, opts) = read("inspectors.csv")?;
    let inspectors = intake::read_inspectors(&bytes, &opts)?;
    let (bytes, opts) = read("history.csv")?;
    let history = intake::read_history(&bytes, &opts)?;
    Ok(Sample {
        catalog,
        roster,
        inspectors,
        history,
    })
}

/// The payload of a synthetic data envelope `{"synthetic", "provenance", <key>: …}`.
pub fn payload(name: &str, key: &str) -> Result<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&data(name)?)?;
    Ok(v[key].clone())
}

/// One authority of the sample's authorities file, by id.
pub fn authority(id: &str) -> Result<Authority> {
    let list: Vec<Authority> = serde_json::from_value(payload("authorities.json", "authorities")?)?;
    list.into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| format!("no authority {id}").into())
}
