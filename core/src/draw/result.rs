//! The published result of a draw: deterministic, sorted by canonical ids.

use serde::{Deserialize, Serialize};

use super::input::SubstitutionReason;
use super::threshold::Threshold;
use super::ticket::Ticket;
use super::types::{AlgorithmVersion, DrawMode, Seed, StratumKey, TaskId};
use crate::model::{DepartmentCode, ItemId, Ratio, Uscc};

/// The whole result. Items are sorted by `item_id`, strata by `key`, selections and
/// visits by `(ticket, uscc)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawResult {
    /// The algorithm version that produced this result.
    pub algorithm: AlgorithmVersion,
    /// The task id.
    pub task_id: TaskId,
    /// The seed.
    pub seed: Seed,
    /// The draw mode.
    pub mode: DrawMode,
    /// Per item, per stratum outcome.
    pub items: Vec<ItemResult>,
    /// One visit per selected enterprise, with every item that selected it.
    pub visits: Vec<Visit>,
    /// Expansions made after the draw, in order.
    pub expansions: Vec<ExpansionRecord>,
    /// Substitutions made after the draw, in order.
    pub substitutions: Vec<SubstitutionRecord>,
}

/// The outcome of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemResult {
    /// The item.
    pub item_id: ItemId,
    /// Its department.
    pub department: DepartmentCode,
    /// Its strata, sorted by key.
    pub strata: Vec<StratumResult>,
}

/// A position in a stratum's ticket order: `(ticket, uscc)`, compared ticket first,
/// then USCC bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cutoff {
    /// The ticket.
    pub ticket: Ticket,
    /// The enterprise holding it (breaks ties; canonical text only when read).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub uscc: Uscc,
}

/// The outcome of one stratum.
///
/// Verification rules: drawn ⇔ eligible here and `(ticket, uscc) ≤ cutoff`;
/// currently selected ⇔ eligible here, `(ticket, uscc) ≤ boundary` and not in `replaced`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumResult {
    /// The stratum key.
    pub key: StratumKey,
    /// `N`: the number of eligible enterprises.
    pub eligible_count: u64,
    /// Fixed mode: the quota `n`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u64>,
    /// Bernoulli mode: the ratio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// Bernoulli mode: `floor(2^128·p/q)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// How many the draw itself selected (`quota` in fixed mode).
    pub drawn_count: u64,
    /// The largest drawn `(ticket, uscc)`; absent if nothing was drawn.
    pub cutoff: Option<Cutoff>,
    /// The largest `(ticket, uscc)` taken so far, including expansions and
    /// substitutes; equals `cutoff` without adjustments.
    pub boundary: Option<Cutoff>,
    /// The substitution limit of the stratum.
    pub max_substitutions: u32,
    /// Substitutions used.
    pub substitutions_used: u32,
    /// The current selection, sorted by `(ticket, uscc)`.
    pub selected: Vec<Pick>,
    /// Enterprises taken and later replaced, sorted by `(ticket, uscc)`.
    pub replaced: Vec<Pick>,
}

/// How an enterprise came to be selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// By the draw (ticket ≤ cutoff).
    Drawn,
    /// By an expansion.
    Expansion,
    /// As a substitute.
    Substitute,
}

/// One selected (or replaced) enterprise of a stratum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// The enterprise (canonical text only when read).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub uscc: Uscc,
    /// Its ticket.
    pub ticket: Ticket,
    /// How it was selected.
    pub basis: Basis,
}

/// One joint visit (进一次门、查多项事): an enterprise and every item to check there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The enterprise (canonical text only when read).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub uscc: Uscc,
    /// Its ticket (the visit order is by ticket, then USCC).
    pub ticket: Ticket,
    /// The items, sorted by item id.
    pub items: Vec<VisitItem>,
    /// The departments involved, sorted, without repeats.
    pub departments: Vec<DepartmentCode>,
}

/// One item of a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitItem {
    /// The item.
    pub item_id: ItemId,
    /// Its department.
    pub department: DepartmentCode,
    /// The stratum the enterprise is in for this item.
    pub stratum: StratumKey,
    /// How it was selected for this item.
    pub basis: Basis,
}

/// A recorded expansion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionRecord {
    /// 0-based position in the input's `adjustments`.
    pub step: u64,
    /// The item.
    pub item_id: ItemId,
    /// The stratum.
    pub stratum: StratumKey,
    /// The enterprises added, in ticket order (canonical text only when read).
    #[serde(deserialize_with = "crate::proof::published::uscc_list")]
    pub added: Vec<Uscc>,
}

/// A recorded substitution (one per item affected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubstitutionRecord {
    /// 0-based position in the input's `adjustments`.
    pub step: u64,
    /// The item.
    pub item_id: ItemId,
    /// The stratum.
    pub stratum: StratumKey,
    /// The enterprise replaced (canonical text only when read).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub replaced: Uscc,
    /// The substitute (the next untaken ticket of the stratum; canonical text only
    /// when read).
    #[serde(deserialize_with = "crate::proof::published::uscc")]
    pub substitute: Uscc,
    /// The substitute's ticket.
    pub substitute_ticket: Ticket,
    /// The reason code.
    pub reason: SubstitutionReason,
    /// The evidence reference, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}
