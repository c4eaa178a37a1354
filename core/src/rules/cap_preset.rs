//! Named yearly-cap presets, selected by name and date: the documented local caps with
//! the kinds of check each one counts.
//!
//! Sources: each preset's own provenance and notes (JSON files in `core/data/caps/`,
//! embedded at build time); none is national — 国办发〔2024〕54号 leaves the number to
//! localities (RULES.md §7). All are `secondary` (\[S]).
//!
//! | Name | Source | Rule | In force |
//! |---|---|---|---|
//! | `huolinguole_2024` | the county plan (seed) 三、(二): "同一年度内同一企业抽查次数不超过2次" | 2 random checks, all authorities | 2024-01-01 – |
//! | `weijian_2025` | 卫健 2025 template (RULES.md §7) | each level ≤ 2, in total ≤ 4; ten 个案检查 kinds not counted | 2025-01-01 – |
//! | `guangdong_2025` | 粤市监信监〔2025〕111号 (RULES.md R2.3) | class A: 1 random check by the department; others 2 (the preset's choice) | 2025-01-01 – |
//!
//! A plan names one with `"cap_preset": {"name": …, "date"?: …}` instead of `cap`.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs` and the unit tests below.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cap::CapConfig;
use crate::{Error, Result, RulesCode};

const FILES: &[(&str, &str)] = &[
    (
        "guangdong_2025",
        include_str!("../../data/caps/guangdong_2025.json"),
    ),
    (
        "huolinguole_2024",
        include_str!("../../data/caps/huolinguole_2024.json"),
    ),
    (
        "weijian_2025",
        include_str!("../../data/caps/weijian_2025.json"),
    ),
];

/// A cap preset: a yearly cap with its title, notes and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapPreset {
    /// Display title.
    pub title: String,
    /// What is the source's and what is the preset's choice.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The cap (its `provenance` is set).
    pub cap: CapConfig,
}

fn parse(name: &str, text: &str) -> Result<CapPreset> {
    let p: CapPreset = serde_json::from_str(text)
        .map_err(|e| Error::from_json(&e).with_file(format!("caps/{name}.json")))?;
    p.cap.validate()?;
    Ok(p)
}

/// The names of the bundled cap presets, sorted.
///
/// ```
/// assert!(shuangsuiji::rules::cap_preset_names().contains(&"huolinguole_2024"));
/// ```
#[must_use]
pub fn cap_preset_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = FILES.iter().map(|(n, _)| *n).collect();
    v.sort_unstable();
    v
}

/// Every bundled cap preset, sorted by file name.
///
/// ```
/// assert_eq!(shuangsuiji::rules::cap_presets().unwrap().len(), 3);
/// ```
///
/// # Errors
/// None in practice: the bundled files are checked by the test suite.
pub fn cap_presets() -> Result<Vec<(&'static str, CapPreset)>> {
    FILES
        .iter()
        .map(|(n, t)| parse(n, t).map(|p| (*n, p)))
        .collect()
}

/// The cap of the preset `name`, checked to be in force on `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::model::CheckKind;
/// let d = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
/// let cap = shuangsuiji::rules::cap_preset("huolinguole_2024", d).unwrap();
/// assert_eq!(cap.counted_kinds.iter().collect::<Vec<_>>(), [&CheckKind::Random]);
/// let early = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let err = shuangsuiji::rules::cap_preset("weijian_2025", early).unwrap_err();
/// assert_eq!(err.code().as_str(), "preset_not_in_force");
/// ```
///
/// # Errors
/// `preset_unknown` for an unknown name; `preset_not_in_force` if `date` is outside
/// the preset's validity.
pub fn cap_preset(name: &str, date: NaiveDate) -> Result<CapConfig> {
    let (n, text) = FILES.iter().find(|(n, _)| *n == name).ok_or_else(|| {
        Error::new(
            RulesCode::PresetUnknown,
            format!(
                "no cap preset named {name:?}; known: {}",
                cap_preset_names().join(", ")
            ),
        )
        .with_field("cap_preset.name")
        .with_value(name)
    })?;
    let p = parse(n, text)?;
    let v = p
        .cap
        .provenance
        .as_ref()
        .map(|p| p.validity())
        .unwrap_or_default();
    if !v.contains(date) {
        return Err(Error::new(
            RulesCode::PresetNotInForce,
            format!("cap preset {name} is not in force on {date}"),
        )
        .with_field("cap_preset.date")
        .with_value(date.to_string()));
    }
    Ok(p.cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cap_preset_parses_cites_and_is_dated() {
        let all = cap_presets().unwrap();
        assert_eq!(all.len(), FILES.len());
        for (name, p) in &all {
            let prov = p.cap.provenance.as_ref().expect(name);
            assert!(prov.effective_from.is_some(), "{name}");
            assert!(!p.notes.is_empty(), "{name}");
        }
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, cap_preset_names());
    }
}
