//! The plan document: everything the draw depends on, committed before the randomness.
//!
//! Sources: design note DRAW.md hard requirement 6 ("Committed before random"); research
//! note §3 item 1 and §5.2 P0.
//!
//! `plan_hash = H("plan"; canonical_json(canonical(plan)))`, where `canonical(plan)`
//! sorts `items` by `item_id`, each item's `strata` by `stratum_key`, `beacons` by
//! `source_id` and `parties` by `party_id` — so the hash does not depend on the order
//! lists were filled in. Canonical JSON is sorted-key, compact JSON; the plan holds only
//! strings and integers ≤ 2^53 − 1, so it equals RFC 8785 JCS.
//!
//! The per-stratum part ([`PlanStratum`]) is plain data: the integrator fills it from the
//! eligibility report. This module checks its shape (`min ≤ max`, `quota ≤ population`),
//! not the quota rule, which belongs to the draw engine.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::beacon::{BeaconSpec, BeaconValue};
use super::ceremony::{Ceremony, PartyCommitment, Reveal};
use super::merkle::TreeCommitment;
use super::{Bytes32, committed_json};
use crate::json::canonical::tagged_hash;
use crate::model::Ratio;
use crate::{DrawCode, Error, ModelCode, Result, VerifyCode};

/// The algorithm version this module implements.
pub const ALGORITHM: &str = "v1";

/// One stratum of one item: population, quota and the rule's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStratum {
    /// The stratum key (e.g. the credit/risk class code).
    pub stratum_key: String,
    /// `N`: eligible enterprises in the stratum.
    pub population: u64,
    /// The number to draw.
    pub quota: u64,
    /// The sampling ratio `p/q` (written `"p/q"` only: `value_not_canonical`).
    #[serde(deserialize_with = "super::published::ratio")]
    pub ratio: Ratio,
    /// Lower clamp of the quota.
    pub min: u64,
    /// Upper clamp of the quota; absent = no upper clamp (重点 items are uncapped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

/// One supervision item with its strata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// The supervision item id.
    pub item_id: String,
    /// Its strata.
    pub strata: Vec<PlanStratum>,
}

/// When the parties reveal relative to the beacons (research note §5.2 P1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevealOrder {
    /// Every party reveals before any beacon value is recorded. The beacon comes last,
    /// so nobody can withhold after seeing it; party secrets protect only against a
    /// beacon that is *predictable*, not one known to an insider.
    BeforeBeacon,
    /// Every beacon value is recorded before any reveal. Also protects against a beacon
    /// known in advance; a withholding party could bias by one bit, so each secret is
    /// escrowed sealed with the notary and a missing reveal is opened from escrow.
    /// Recommended when a notary takes part.
    AfterBeacon,
}

/// The plan document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Algorithm version; `"v1"`.
    pub algorithm: String,
    /// The task id.
    pub task_id: String,
    /// The organising authority's id.
    pub authority_id: String,
    /// The plan year.
    pub year: u16,
    /// The plan date (`YYYY-MM-DD`, zero-padded: `value_not_canonical` otherwise).
    #[serde(deserialize_with = "super::published::date")]
    pub plan_date: NaiveDate,
    /// Hash of the item catalog used.
    pub catalog_hash: Bytes32,
    /// Items with their strata.
    pub items: Vec<PlanItem>,
    /// Tree of eligible entries ([`super::EligibleLeaf`]).
    pub eligible: TreeCommitment,
    /// Tree of exclusions ([`super::ExcludedLeaf`]).
    pub excluded: TreeCommitment,
    /// Tree of the inspector pool ([`super::InspectorLeaf`]).
    pub inspectors: TreeCommitment,
    /// Reveal ordering.
    pub reveal_order: RevealOrder,
    /// Beacons named in advance for attempt 0.
    pub beacons: Vec<BeaconSpec>,
    /// Parties and their commitments for attempt 0.
    pub parties: Vec<PartyCommitment>,
    /// How many selected enterprises each stratum may replace after the draw
    /// (substitutions published as result revisions); 0 = none. Absent in the JSON
    /// when 0, so plans without substitutions keep their hash.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_substitutions: u32,
    /// The hash of the tag rules and tag effects that moved enterprises in or out of the
    /// random pool ([`crate::rules::TagsApplied::hash`], verify spec §6.4). Absent when
    /// no tags are used, so plans without tags keep their hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags_hash: Option<Bytes32>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &T
const fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn nonempty(value: &str, field: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::new(ModelCode::TextEmpty, "must not be empty").with_field(field))
    } else {
        Ok(())
    }
}

impl Plan {
    /// The canonical form: lists sorted by their ids.
    #[must_use]
    pub fn canonical(&self) -> Self {
        let mut p = self.clone();
        p.items.sort_by(|a, b| a.item_id.cmp(&b.item_id));
        for item in &mut p.items {
            item.strata
                .sort_by(|a, b| a.stratum_key.cmp(&b.stratum_key));
        }
        p.beacons.sort_by(|a, b| a.source_id.cmp(&b.source_id));
        p.parties.sort_by(|a, b| a.party_id.cmp(&b.party_id));
        p
    }

    /// Checks the plan's shape.
    ///
    /// # Errors
    /// `algorithm_unknown`; `text_empty`, `task_id_invalid` (empty ids);
    /// `item_duplicate`, `leaf_duplicate` (repeated stratum key); `count_invalid`
    /// (`min > max` or `quota > population`); `beacon_missing` (no beacon named);
    /// `id_invalid`, `party_duplicate`, `beacon_duplicate`, `beacon_invalid`.
    pub fn validate(&self) -> Result<()> {
        if self.algorithm != ALGORITHM {
            return Err(Error::new(
                DrawCode::AlgorithmUnknown,
                "this library verifies algorithm v1",
            )
            .with_field("algorithm")
            .with_value(&self.algorithm));
        }
        if self.task_id.trim().is_empty() {
            return Err(
                Error::new(DrawCode::TaskIdInvalid, "the task id is empty").with_field("task_id")
            );
        }
        nonempty(&self.authority_id, "authority_id")?;
        let mut items = BTreeSet::new();
        for (i, item) in self.items.iter().enumerate() {
            let at = |e: Error| e.within(&format!("items[{i}]"));
            nonempty(&item.item_id, "item_id").map_err(at)?;
            if !items.insert(item.item_id.as_str()) {
                return Err(at(Error::new(
                    ModelCode::ItemDuplicate,
                    "an item appears twice",
                )
                .with_field("item_id")
                .with_value(&item.item_id)));
            }
            let mut keys = BTreeSet::new();
            for (j, s) in item.strata.iter().enumerate() {
                let at = |e: Error| at(e.within(&format!("strata[{j}]")));
                nonempty(&s.stratum_key, "stratum_key").map_err(at)?;
                if !keys.insert(s.stratum_key.as_str()) {
                    return Err(at(Error::new(
                        VerifyCode::LeafDuplicate,
                        "a stratum appears twice in one item",
                    )
                    .with_field("stratum_key")
                    .with_value(&s.stratum_key)));
                }
                if s.max.is_some_and(|m| s.min > m) {
                    return Err(at(Error::new(ModelCode::CountInvalid, "min > max")
                        .with_field("min")
                        .with_value(s.min.to_string())));
                }
                if s.quota > s.population {
                    return Err(at(Error::new(
                        ModelCode::CountInvalid,
                        "quota > population",
                    )
                    .with_field("quota")
                    .with_value(s.quota.to_string())));
                }
            }
        }
        if self.beacons.is_empty() {
            return Err(Error::new(
                VerifyCode::BeaconMissing,
                "a plan names at least one public beacon",
            )
            .with_field("beacons"));
        }
        self.ceremony(Bytes32::default(), 0).validate()
    }

    fn ceremony(&self, plan_hash: Bytes32, attempt: u32) -> Ceremony<'_> {
        Ceremony {
            plan_hash,
            attempt,
            sources: &self.beacons,
            parties: &self.parties,
        }
    }

    /// The canonical JSON that is hashed.
    ///
    /// # Errors
    /// Those of [`Plan::validate`]; `number_not_integer` if a count exceeds 2^53 − 1.
    pub fn canonical_json(&self) -> Result<String> {
        self.validate()?;
        committed_json(&self.canonical())
    }

    /// `H("plan"; canonical_json(canonical(plan)))`.
    ///
    /// # Errors
    /// Those of [`Plan::canonical_json`].
    pub fn plan_hash(&self) -> Result<Bytes32> {
        Ok(Bytes32(tagged_hash(
            "plan",
            &[self.canonical_json()?.as_bytes()],
        )?))
    }
}

/// Checks a published plan against its published hash.
///
/// # Errors
/// `plan_hash_mismatch` (field `plan_hash`, details `expected`/`actual`) if they differ;
/// those of [`Plan::validate`] if the plan is malformed.
pub fn verify_plan(plan: &Plan, plan_hash: &Bytes32) -> Result<()> {
    let actual = plan.plan_hash()?;
    if actual == *plan_hash {
        Ok(())
    } else {
        Err(Error::new(
            VerifyCode::PlanHashMismatch,
            "the plan does not hash to the published plan hash",
        )
        .with_field("plan_hash")
        .with_detail("expected", plan_hash.to_hex())
        .with_detail("actual", actual.to_hex()))
    }
}

/// Runs the attempt's ceremony with the plan's parties and beacons and returns the seed.
/// (A re-draw that names new beacons or fresh commitments is verified through the draw
/// log, [`super::verify_log`].)
///
/// # Errors
/// Those of [`Plan::validate`] and [`Ceremony::seed`].
pub fn verify_ceremony(
    plan: &Plan,
    reveals: &[Reveal],
    beacons: &[BeaconValue],
    attempt: u32,
) -> Result<Bytes32> {
    let plan_hash = plan.plan_hash()?;
    plan.ceremony(plan_hash, attempt).seed(reveals, beacons)
}
