//! Leniency menus (减罚免罚清单) as data: entries with legal basis, typed conditions and
//! outcome.
//!
//! Bundled menus (`core/data/leniency/*.json`, all \[S\] — the official attachments were
//! not available; see each entry's `verification`, `flags` and `note`):
//!
//! * `samr-2025-first-offence` — 《市场监管行政违法行为首违不罚清单（一）》, issued with
//!   国市监法〔2025〕10号 (dated 2025-01-27, published 2025-02-07). Entries 1–6 as relayed
//!   by 重庆市市场监管局; 7–8 `not_found`. Entry 5 (超过保质期) is placed here per the
//!   project's RULES-ADDENDUM §1.5 recommendation and flagged.
//! * `samr-2025-minor` — 《市场监管轻微行政违法行为不予处罚清单（一）》, same notice. One
//!   entry seen (特殊食品混放); three `not_found`.
//! * `shandong-2021-food` — food entries of 山东省《轻微违法行为不予行政处罚和一般违法行为
//!   减轻行政处罚事项清单（2021年版）》 (RULES.md R4.5): the four RULES names, including
//!   终止生产未申请注销 (its 处罚依据 articles were not seen: flagged `basis_not_found`).
//!
//! # Territory
//!
//! Every menu names its issuing authority and its territory ([`MenuScope`]): the SAMR
//! lists bind market regulators everywhere (`national`); a provincial list binds only the
//! authorities of that province (`{"division": "370000"}`: every division code starting
//! `37`). A list is an exercise of the issuer's discretion (行政处罚法 Art. 33 ¶1 and the
//! 裁量基准 it rests on), so it cannot reach a case outside the issuer's territory. Applying
//! an entry to a case whose [`CaseFacts::division`](super::CaseFacts::division) lies
//! outside is refused with `menu_out_of_territory`; a territorial entry on a case without
//! a division is `facts_invalid` (never guessed).
//!
//! Tested by `core/tests/all/enforcement_leniency.rs` (vectors in `tests/vectors/leniency/`).

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use crate::model::{DivisionCode, LegalRef, Provenance, Verification};
use crate::{EnforcementCode, Error, Result};

/// What a menu entry grants when every condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MenuOutcome {
    /// 不予处罚 (mandatory).
    NotPunished,
    /// 可以不予处罚 (discretionary).
    MayNotPunish,
    /// 从轻处罚.
    Lighter,
    /// 减轻处罚.
    Mitigated,
}

/// Whether an entry's content was found in the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Content seen in a source (see `verification`).
    Listed,
    /// The list has such an entry but its content was not found; never applied.
    NotFound,
}

/// Warnings attached to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryFlag {
    /// Must be checked against the official attachment before relying on it.
    NeedsOfficialAttachment,
    /// Sources disagree on which list holds the entry.
    ListMembershipDisputed,
    /// Some of the official conditions were not seen; the encoded set may be too loose.
    ConditionsIncomplete,
    /// The legal basis was not seen.
    BasisNotFound,
}

/// One entry of a menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    /// Stable id, e.g. `samr-2025-first-offence-5`.
    pub id: String,
    /// 序号 in the official list, when known.
    pub number: Option<u32>,
    /// Whether the content was found.
    pub status: EntryStatus,
    /// 违法行为类型 as written in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violation_type: Option<String>,
    /// 处罚依据.
    #[serde(default)]
    pub legal_basis: Vec<LegalRef>,
    /// 免罚条件: every one must hold.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Outcome when all conditions hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<MenuOutcome>,
    /// How well this entry was checked.
    pub verification: Verification,
    /// Warnings.
    #[serde(default)]
    pub flags: Vec<EntryFlag>,
    /// Note on sources and gaps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The menu's provenance (filled in from the menu when loaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The menu's issuer and territory (filled in from the menu when loaded; an entry
    /// without one cannot be applied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<MenuScope>,
}

/// Where a menu applies.
///
/// JSON: `"national"` or `{"division": "370000"}`.
///
/// ```
/// use shuangsuiji::enforcement::Territory;
/// use shuangsuiji::model::DivisionCode;
/// let shandong: Territory = serde_json::from_str(r#"{"division": "370000"}"#).unwrap();
/// assert!(shandong.contains(DivisionCode::parse("370102").unwrap()));
/// assert!(!shandong.contains(DivisionCode::parse("150581").unwrap()));
/// assert!(Territory::National.contains(DivisionCode::parse("150581").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Territory {
    /// The whole country (a national list).
    National,
    /// One division and everything inside it (by its significant digits: `370000` =
    /// every code starting `37`).
    Division(DivisionCode),
}

impl Territory {
    /// Whether a case in `division` lies inside the territory.
    #[must_use]
    pub fn contains(self, division: DivisionCode) -> bool {
        match self {
            Self::National => true,
            Self::Division(t) => t.contains(division),
        }
    }

    /// Whether every place of `inner` lies inside `self`.
    #[must_use]
    pub fn covers(self, inner: Self) -> bool {
        match (self, inner) {
            (Self::National, _) => true,
            (Self::Division(_), Self::National) => false,
            (Self::Division(o), Self::Division(i)) => {
                o.contains(i) && o.significant_digits() <= i.significant_digits()
            }
        }
    }
}

/// The issuing authority (制定机关) of a menu and the territory it binds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuScope {
    /// The issuing authority, as named by the source.
    pub issuer: String,
    /// Where the menu applies.
    pub territory: Territory,
    /// How the issuer and territory are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl MenuEntry {
    /// The entry with every 初次违法 look-back replaced, e.g. 36 months for 巴中's
    /// 《"首违不罚"清单适用规则（试行）》 (三年内首次违反 \[S\]) instead of SAMR's 24.
    ///
    /// ```
    /// use shuangsuiji::enforcement::{Condition, Menu};
    /// let e = Menu::bundled_entry("samr-2025-first-offence-5")?.with_first_offence_lookback(36);
    /// assert!(e.conditions.contains(&Condition::FirstOffence { lookback_months: 36 }));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn with_first_offence_lookback(mut self, months: u32) -> Self {
        for c in &mut self.conditions {
            if let Condition::FirstOffence { lookback_months } = c {
                *lookback_months = months;
            }
        }
        self
    }

    /// Checks the entry may be applied to a case in `division` (see the module
    /// docs on territory).
    ///
    /// # Errors
    /// `menu_invalid` when the entry carries no [`MenuScope`]; `facts_invalid` (field
    /// `division`) when the menu is territorial and the case has no division;
    /// `menu_out_of_territory` when the division lies outside the menu's territory.
    ///
    /// ```
    /// use shuangsuiji::enforcement::Menu;
    /// use shuangsuiji::model::DivisionCode;
    /// let e = Menu::bundled_entry("shandong-2021-food-label-flaw")?;
    /// assert!(e.check_territory(Some(DivisionCode::parse("370102")?)).is_ok());
    /// let err = e.check_territory(Some(DivisionCode::parse("150581")?)).unwrap_err();
    /// assert_eq!(err.code().as_str(), "menu_out_of_territory");
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn check_territory(&self, division: Option<DivisionCode>) -> Result<()> {
        let Some(scope) = &self.scope else {
            return Err(Error::new(
                EnforcementCode::MenuInvalid,
                format!(
                    "menu entry {} names no issuing authority and territory (load it with its menu)",
                    self.id
                ),
            )
            .with_field("scope")
            .with_value(&self.id));
        };
        let Territory::Division(t) = scope.territory else {
            return Ok(());
        };
        match division {
            None => Err(Error::new(
                EnforcementCode::FactsInvalid,
                format!(
                    "menu entry {} binds only {} ({}): record the case's division",
                    self.id, t, scope.issuer
                ),
            )
            .with_field("division")),
            Some(d) if t.contains(d) => Ok(()),
            Some(d) => Err(Error::new(
                EnforcementCode::MenuOutOfTerritory,
                format!(
                    "menu entry {} was issued by {} for {}; the case lies in {}",
                    self.id, scope.issuer, t, d
                ),
            )
            .with_value(d.as_str())
            .with_detail("expected", t.as_str())),
        }
    }
}

/// A leniency menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Menu {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Issuing document, article, effective dates, verification.
    pub provenance: Provenance,
    /// Issuing authority and territory (required: `menu_invalid` without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<MenuScope>,
    /// Entries.
    pub entries: Vec<MenuEntry>,
}

const BUNDLED: &[(&str, &str)] = &[
    (
        "samr-2025-first-offence.json",
        include_str!("../../data/leniency/samr-2025-first-offence.json"),
    ),
    (
        "samr-2025-minor.json",
        include_str!("../../data/leniency/samr-2025-minor.json"),
    ),
    (
        "shandong-2021-food.json",
        include_str!("../../data/leniency/shandong-2021-food.json"),
    ),
];

impl Menu {
    /// Parses and checks a menu (the schema of `core/data/leniency/*.json`).
    ///
    /// # Errors
    /// `json_syntax` / `json_shape`; `menu_invalid` for a menu without `scope` (issuer
    /// and territory), duplicate ids, a listed entry without outcome or violation type, a
    /// `not_found` entry with conditions, or an entry whose own scope reaches outside the
    /// menu's territory.
    pub fn parse(json: &str) -> Result<Self> {
        crate::json::limits::check_json_text(json)?;
        let mut m: Self = serde_json::from_str(json).map_err(|e| Error::from_json(&e))?;
        let Some(scope) = m.scope.clone() else {
            return Err(Error::new(
                EnforcementCode::MenuInvalid,
                "a menu needs its issuing authority and territory (scope)",
            )
            .with_field("scope")
            .with_value(&m.id));
        };
        let mut ids = std::collections::BTreeSet::new();
        for (i, e) in m.entries.iter_mut().enumerate() {
            let bad = |msg: &str| {
                Err(Error::new(EnforcementCode::MenuInvalid, msg.to_owned())
                    .with_field(format!("entries[{i}]"))
                    .with_value(&e.id))
            };
            if !ids.insert(e.id.clone()) {
                return bad("duplicate entry id");
            }
            match e.status {
                EntryStatus::Listed if e.outcome.is_none() || e.violation_type.is_none() => {
                    return bad("a listed entry needs an outcome and a violation type");
                }
                EntryStatus::NotFound if !e.conditions.is_empty() || e.outcome.is_some() => {
                    return bad("a not_found entry must not carry conditions or an outcome");
                }
                _ => {}
            }
            if e.provenance.is_none() {
                e.provenance = Some(m.provenance.clone());
            }
            match &e.scope {
                None => e.scope = Some(scope.clone()),
                Some(s) if !scope.territory.covers(s.territory) => {
                    return Err(Error::new(
                        EnforcementCode::MenuInvalid,
                        "an entry's territory must lie inside its menu's",
                    )
                    .with_field(format!("entries[{i}].scope"))
                    .with_value(&e.id));
                }
                Some(_) => {}
            }
        }
        Ok(m)
    }

    /// The menus bundled with the crate.
    ///
    /// # Errors
    /// Only if bundled data were corrupt (tested not to be).
    ///
    /// ```
    /// let menus = shuangsuiji::enforcement::Menu::bundled()?;
    /// assert_eq!(menus.len(), 3);
    /// assert_eq!(menus[0].entries.len(), 8);
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn bundled() -> Result<Vec<Self>> {
        BUNDLED
            .iter()
            .map(|(name, text)| Self::parse(text).map_err(|e| e.with_file(*name)))
            .collect()
    }

    /// Finds a bundled entry by id.
    ///
    /// # Errors
    /// `menu_entry_unknown` when no bundled entry has this id.
    pub fn bundled_entry(id: &str) -> Result<MenuEntry> {
        Self::bundled()?
            .into_iter()
            .flat_map(|m| m.entries)
            .find(|e| e.id == id)
            .ok_or_else(|| {
                Error::new(
                    EnforcementCode::MenuEntryUnknown,
                    format!("no bundled leniency entry {id:?}"),
                )
                .with_value(id)
            })
    }
}
