//! Named sampling-policy presets, selected by name and date.
//!
//! Presets are JSON data files in `core/data/presets/`, embedded at build time. None is
//! a verified national rule: every preset is `secondary` (\[S]) and documents in its
//! `notes` which numbers are the source's and which are the preset's own choices.
//!
//! | Name | Source | In force |
//! |---|---|---|
//! | `national_default` | 国市监信〔2019〕38号 二(一) \[S, confirmed] (重点 uncapped, 一般 严格限制); 3 % is the preset's choice — 令101 Art. 4's 3 % binds only 企业公示信息 checks | 2019-02-12 – |
//! | `neimenggu_bayannaoer_2022` | Inner Mongolia AMR, 巴彦淖尔 2022 (A 2 %, B 5 %, C 100 %, D 100 %) \[S] | 2022-01-01 – |
//! | `henan_2021` | 河南省局 2021 (A 1 %, B 2 %, C 10 %, D 30 %) \[S] | 2021-01-01 – |
//! | `heilongjiang_lindian_2024` | 林甸县 2024 ranges; lower bound of B–D; A 2 % (below B, 6号文 可合理降低; the preset's choice) \[S] | 2024-01-01 – |
//! | `ningxia_shizuishan_2023` | 石嘴山 (一般 ≤ 5 %, 重点 no cap) \[S] | 2023-01-01 – |
//!
//! Validity periods start on the date of the national document, or on 1 January of the
//! year of a local document, and have no end: a local document stays the best known
//! table until a newer one is added as a new preset. Credit-class presets put
//! unclassified enterprises with class B (按常规比例, 国市监信发〔2022〕6号 \[S]) so that
//! nobody silently falls out of the pool.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs` and the unit tests below.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::policy::SamplingPolicy;
use crate::model::{Validity, Verification};
use crate::{Error, Result, RulesCode};

const FILES: &[(&str, &str)] = &[
    (
        "national_default",
        include_str!("../../data/presets/national_default.json"),
    ),
    (
        "neimenggu_bayannaoer_2022",
        include_str!("../../data/presets/neimenggu_bayannaoer_2022.json"),
    ),
    (
        "henan_2021",
        include_str!("../../data/presets/henan_2021.json"),
    ),
    (
        "heilongjiang_lindian_2024",
        include_str!("../../data/presets/heilongjiang_lindian_2024.json"),
    ),
    (
        "ningxia_shizuishan_2023",
        include_str!("../../data/presets/ningxia_shizuishan_2023.json"),
    ),
];

/// A preset: a sampling policy with a title and notes on the choices it makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Display title.
    pub title: String,
    /// What is the source's and what is the preset's choice.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The policy (its `name` is the preset name).
    pub policy: SamplingPolicy,
}

impl Preset {
    /// The preset name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.policy.name
    }

    /// The period the preset is in force.
    #[must_use]
    pub const fn validity(&self) -> Validity {
        self.policy.provenance.validity()
    }

    /// Verification level of the preset's source.
    #[must_use]
    pub const fn verification(&self) -> Verification {
        self.policy.provenance.verification
    }
}

fn parse(name: &str, text: &str) -> Result<Preset> {
    let p: Preset = serde_json::from_str(text)
        .map_err(|e| Error::from_json(&e).with_file(format!("presets/{name}.json")))?;
    p.policy.validate()?;
    Ok(p)
}

/// Every bundled preset, sorted by name.
///
/// ```
/// let all = shuangsuiji::rules::presets().unwrap();
/// assert!(all.iter().any(|p| p.name() == "national_default"));
/// ```
///
/// # Errors
/// None in practice: the bundled files are checked by the test suite. A broken file
/// would give its JSON or policy error code.
pub fn presets() -> Result<Vec<Preset>> {
    let mut v = FILES
        .iter()
        .map(|(n, t)| parse(n, t))
        .collect::<Result<Vec<_>>>()?;
    v.sort_by(|a, b| a.name().cmp(b.name()));
    Ok(v)
}

/// The names of the bundled presets, sorted.
///
/// ```
/// assert!(shuangsuiji::rules::preset_names().contains(&"henan_2021"));
/// ```
#[must_use]
pub fn preset_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = FILES.iter().map(|(n, _)| *n).collect();
    v.sort_unstable();
    v
}

/// The policy of the preset `name`, checked to be in force on `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::rules::preset;
/// let d = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
/// assert_eq!(preset("henan_2021", d).unwrap().rows.len(), 5);
/// let early = NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
/// assert_eq!(preset("henan_2021", early).unwrap_err().code().as_str(), "preset_not_in_force");
/// assert_eq!(preset("nowhere", d).unwrap_err().code().as_str(), "preset_unknown");
/// ```
///
/// # Errors
/// `preset_unknown` for an unknown name; `preset_not_in_force` if `date` is outside
/// the preset's validity.
pub fn preset(name: &str, date: NaiveDate) -> Result<SamplingPolicy> {
    let (n, text) = FILES.iter().find(|(n, _)| *n == name).ok_or_else(|| {
        Error::new(
            RulesCode::PresetUnknown,
            format!(
                "no preset named {name:?}; known: {}",
                preset_names().join(", ")
            ),
        )
        .with_field("policy.preset.name")
        .with_value(name)
    })?;
    let p = parse(n, text)?;
    let v = p.validity();
    if !v.contains(date) {
        return Err(Error::new(
            RulesCode::PresetNotInForce,
            format!("preset {name} is not in force on {date}"),
        )
        .with_field("policy.preset.date")
        .with_value(date.to_string())
        .with_detail(
            "effective_from",
            v.effective_from
                .map_or_else(|| "-".to_owned(), |d| d.to_string()),
        )
        .with_detail(
            "effective_to",
            v.effective_to
                .map_or_else(|| "-".to_owned(), |d| d.to_string()),
        ));
    }
    Ok(p.policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_preset_parses_and_is_secondary() {
        let all = presets().unwrap();
        assert_eq!(all.len(), FILES.len());
        for (p, file_name) in all.iter().zip(preset_names()) {
            assert_eq!(p.name(), file_name);
            assert_eq!(p.verification(), Verification::Secondary);
            assert!(p.validity().effective_from.is_some());
            assert!(!p.notes.is_empty());
        }
    }

    #[test]
    fn validity_boundaries() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(preset("national_default", d("2019-02-12")).is_ok());
        assert_eq!(
            preset("national_default", d("2019-02-11"))
                .unwrap_err()
                .code()
                .as_str(),
            "preset_not_in_force"
        );
        for name in preset_names() {
            assert!(preset(name, d("2099-12-31")).is_ok(), "{name}");
        }
        let lindian = preset("heilongjiang_lindian_2024", d("2024-01-01")).unwrap();
        let ratios: Vec<String> = lindian.rows.iter().map(|r| r.ratio.to_string()).collect();
        assert_eq!(ratios, ["2/100", "5/100", "21/100", "61/100", "5/100"]);
        // Issue #15 item 9: class A is checked less than class B (6号文: A 可合理降低).
        assert!(lindian.rows[0].ratio < lindian.rows[1].ratio);
        // Issue #15 item 8: the preset's dates are those of the document it rests on.
        let national = presets().unwrap();
        let national = national
            .iter()
            .find(|p| p.name() == "national_default")
            .unwrap();
        let prov = &national.policy.provenance;
        assert!(prov.document.contains("38号") && !prov.document.contains("令第101号"));
        assert_eq!(prov.effective_from, Some(d("2019-02-12")));
    }
}
