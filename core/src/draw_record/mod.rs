//! Publication: the glue from eligibility, ceremony and draw to the published documents
//! that anyone can check with nothing but those files.
//!
//! Sources: issue 5 (public verifiability); design note DRAW.md hard requirements 6–7;
//! normative text in `docs/verify-spec-v1.md` §"Publication" and `docs/draw-spec-v1.md`
//! §"Published result and receipts".
//!
//! The flow:
//!
//! 1. [`plan_from_eligibility`] turns an [`EligibilityReport`] into a [`Plan`]: per item
//!    and stratum `N`, quota, ratio and clamps, the Merkle roots of the eligible entries
//!    ([`eligible_leaves`]), of the exclusions with reason codes ([`excluded_leaves`])
//!    and of the inspector pool ([`inspector_leaves`]). Enterprises forced into an item
//!    are committed in a stratum [`FORCED_STRATUM`] whose quota equals its population.
//! 2. The plan hash is published; the ceremony runs; the seed is derived
//!    ([`crate::proof::verify_ceremony`]).
//! 3. [`publish_draw`] runs the draw (fixed mode: the plan's quotas *are* the committed
//!    sample sizes), builds the [`ResultDocument`] and appends the `draw` event with the
//!    result hash to the log.
//! 4. [`receipts`] gives every enterprise a [`Receipt`] it can check alone with
//!    [`verify_receipt`]; [`verify_draw`] recomputes everything and names the first
//!    mismatch.
//!
//! A whole ceremony in miniature (one item, three enterprises, a notary and a 双色球
//! beacon); the sample-county version is `examples/rust/ceremony.rs`:
//!
//! ```
//! use shuangsuiji::model::{Catalog, Ratio, Uscc};
//! use shuangsuiji::draw_record;
//! use shuangsuiji::proof::{
//!     BeaconKind, BeaconSpec, BeaconValue, Bytes32, DrawLog, EligibleLeaf, Event, ExcludedLeaf,
//!     InspectorLeaf, MerkleTree, PartyCommitment, Plan, PlanItem, PlanStratum, Reveal,
//!     RevealOrder, commitment, verify_ceremony,
//! };
//!
//! let catalog = Catalog::from_json(r#"{"id": "demo", "version": "1", "name": "示例清单",
//!   "items": [{"id": "market.food_production", "name": "食品生产监督检查",
//!     "department": "market", "kind": "key", "form": "joint", "default_ratio": "1/2",
//!     "provenance": {"document": "示例", "verification": "verified"}}]}"#)?;
//! let eligible: Vec<EligibleLeaf> = ["91350100M000100Y43", "91350100MA00000155", "91350100MA00000230"]
//!     .iter()
//!     .map(|u| Ok(EligibleLeaf { uscc: Uscc::parse(u)?, item_id: "market.food_production".into(),
//!         stratum_key: "all".into() }))
//!     .collect::<shuangsuiji::Result<_>>()?;
//! let secret = Bytes32([7; 32]);
//! let plan = Plan {
//!     algorithm: "v1".into(), task_id: "2025-demo".into(), authority_id: "demo-market".into(),
//!     year: 2025, plan_date: "2025-03-01".parse().unwrap(),
//!     catalog_hash: Bytes32::from_hex(&catalog.content_hash()?)?,
//!     items: vec![PlanItem { item_id: "market.food_production".into(), strata: vec![PlanStratum {
//!         stratum_key: "all".into(), population: 3, quota: 2, ratio: Ratio::new(1, 2)?,
//!         min: 0, max: None }] }],
//!     eligible: MerkleTree::from_leaves(&eligible)?.commitment(),
//!     excluded: MerkleTree::from_leaves::<ExcludedLeaf>(&[])?.commitment(),
//!     inspectors: MerkleTree::from_leaves::<InspectorLeaf>(&[])?.commitment(),
//!     reveal_order: RevealOrder::BeforeBeacon,
//!     beacons: vec![BeaconSpec { source_id: "ssq".into(), kind: BeaconKind::CwlSsq,
//!         series: "cwl.ssq".into(), draw: "2025024".into() }],
//!     parties: vec![PartyCommitment { party_id: "notary".into(),
//!         commitment: commitment("notary", &secret)? }],
//!     max_substitutions: 0,
//!     tags_hash: None,
//! };
//! let plan_hash = plan.plan_hash()?; // published before any randomness exists
//!
//! let mut log = DrawLog::new(plan_hash)?;
//! let reveal = Reveal { party: "notary".into(), secret };
//! log.append(Event::Reveal { attempt: 0, party: "notary".into(), secret })?;
//! let value = "05.09.14.22.27.31+12".to_owned();
//! log.append(Event::Beacon { attempt: 0, source: "ssq".into(), value: value.clone() })?;
//! let seed = verify_ceremony(&plan, &[reveal], &[BeaconValue { source: "ssq".into(), value }], 0)?;
//!
//! let result = draw_record::publish_draw(&plan, &eligible, &catalog, &mut log, 0, &seed)?;
//! let head = log.head().unwrap();
//! let summary = draw_record::verify_draw(&plan, &plan_hash, &catalog, &log, &head, &eligible, &result)?;
//! assert_eq!(summary.visits, 2);
//!
//! let receipts = draw_record::receipts(&plan, &eligible, &[], &result)?;
//! let selected = receipts.iter()
//!     .map(|r| draw_record::verify_receipt(r, &plan, &result).map(|v| v.selected()))
//!     .collect::<shuangsuiji::Result<Vec<bool>>>()?;
//! assert_eq!(selected.iter().filter(|s| **s).count(), 2);
//!
//! // Tampering is caught and named:
//! let mut forged = receipts[0].clone();
//! forged.eligible[0].selected = !forged.eligible[0].selected;
//! let err = draw_record::verify_receipt(&forged, &plan, &result).unwrap_err();
//! assert_eq!(err.details().field.as_deref(), Some("eligible[0].selected"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use std::collections::BTreeMap;

use crate::draw::{DrawInput, DrawMode, ItemDraw, Seed, StratumDraw, StratumKey, TaskId};
use crate::model::{Catalog, InspectorRoster, ItemId, Ratio, Uscc};
use crate::proof::{
    BeaconSpec, Bytes32, EligibleLeaf, ExcludedLeaf, InspectorLeaf, MerkleTree, PartyCommitment,
    Plan, PlanItem, PlanStratum, RevealOrder,
};
use crate::rules::{EligibilityReport, ReasonCode};
use crate::{Error, ModelCode, Result, VerifyCode};

mod ceremony;
mod compare;
mod document;
pub mod publication;
mod receipt;
mod receipt_parts;
mod recompute;
mod tags;

pub use ceremony::{ceremony_beacon, ceremony_log_seed, ceremony_reveal};
pub use compare::first_difference;
pub use document::{
    ResultDocument, publish_draw, publish_draw_from_candidates, publish_substitutions,
    result_document,
};
pub use publication::{Publication, PublicationCheck};
pub use receipt::{
    EligibleEntry, ExcludedEntry, ExcludedNeighbour, Neighbour, NotExcluded, Receipt,
    ReceiptChecker, ReceiptVerifier, Verdict, VerdictItem, receipt, receipts, verify_receipt,
};
pub use receipt_parts::{RunReceipts, run_receipts, seam_receipts};
pub use recompute::{DrawSummary, PublishedDraw, verify_draw, verify_draw_roots};
pub use tags::{TagMove, tag_moves, verify_tags};

/// The stratum key under which enterprises forced into an item (outside the random
/// quota) are committed; its quota equals its population, so all of them are drawn.
pub const FORCED_STRATUM: &str = "forced";

/// What the plan says about the task besides the eligibility report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeta {
    /// The (joint) task id; it enters every ticket.
    pub task_id: String,
    /// When the parties reveal relative to the beacons.
    pub reveal_order: RevealOrder,
    /// The beacons named in advance.
    pub beacons: Vec<BeaconSpec>,
    /// The parties with their commitments.
    pub parties: Vec<PartyCommitment>,
    /// How many selected enterprises each stratum may replace after the draw
    /// ([`Plan::max_substitutions`]); 0 (the default) = none.
    #[serde(default)]
    pub max_substitutions: u32,
}

/// Every eligible entry of the report as a Merkle leaf: one per (enterprise, item),
/// with the stratum key; forced-in enterprises under [`FORCED_STRATUM`].
#[must_use]
pub fn eligible_leaves(report: &EligibilityReport) -> Vec<EligibleLeaf> {
    let mut out = Vec::new();
    for item in &report.items {
        for s in &item.strata {
            out.extend(s.eligible.iter().map(|u| EligibleLeaf {
                uscc: *u,
                item_id: item.item.as_str().to_owned(),
                stratum_key: s.key.clone(),
            }));
        }
        out.extend(item.forced_in.iter().map(|f| EligibleLeaf {
            uscc: f.uscc,
            item_id: item.item.as_str().to_owned(),
            stratum_key: FORCED_STRATUM.to_owned(),
        }));
    }
    out.sort_by(|a, b| (a.uscc, &a.item_id).cmp(&(b.uscc, &b.item_id)));
    out
}

/// Every exclusion of the report as a Merkle leaf: one per enterprise, its reasons
/// written `<item_id>:<reason_code>` (sorted, unique), evidence empty. A reason given by
/// a tag (`tag_spared`, and `tag_focus` for the enterprises of an item's `focus`, which
/// are outside the random pool too) is written `<item_id>:<reason_code>:<tag rule id>`.
#[must_use]
pub fn excluded_leaves(report: &EligibilityReport) -> Vec<ExcludedLeaf> {
    let mut by: BTreeMap<Uscc, Vec<String>> = BTreeMap::new();
    for item in &report.items {
        for x in item.excluded.iter().chain(&item.focus) {
            let reasons = by.entry(x.uscc).or_default();
            for r in &x.reasons {
                let text = match r.detail.get("tag") {
                    Some(tag) if matches!(r.code, ReasonCode::TagSpared | ReasonCode::TagFocus) => {
                        format!("{}:{}:{tag}", item.item.as_str(), r.code.as_str())
                    }
                    _ => format!("{}:{}", item.item.as_str(), r.code.as_str()),
                };
                reasons.push(text);
            }
        }
    }
    by.into_iter()
        .map(|(uscc, mut reasons)| {
            reasons.sort();
            reasons.dedup();
            ExcludedLeaf {
                uscc,
                reasons,
                evidence: String::new(),
            }
        })
        .collect()
}

/// The active inspectors as Merkle leaves (capacity absent = `u32::MAX`).
#[must_use]
pub fn inspector_leaves(inspectors: &InspectorRoster) -> Vec<InspectorLeaf> {
    inspectors
        .inspectors()
        .iter()
        .filter(|i| i.active)
        .map(|i| InspectorLeaf {
            id: i.id.as_str().to_owned(),
            department: i.department.as_str().to_owned(),
            certified: i.certified,
            qualifications: i.qualifications.iter().cloned().collect(),
            conflicts: i.conflicts.iter().map(ToString::to_string).collect(),
            capacity: i.capacity.unwrap_or(u32::MAX),
        })
        .collect()
}

/// Builds the plan document from an eligibility report.
///
/// # Errors
/// `count_invalid` if the plan year does not fit 0–65535; `leaf_invalid`,
/// `leaf_duplicate` from the trees; `json_shape` from the catalog hash; `hex_invalid`
/// never in practice; and those of [`Plan::validate`].
///
/// ```no_run
/// # use shuangsuiji::draw_record::{PlanMeta, plan_from_eligibility};
/// # fn f(report: &shuangsuiji::rules::EligibilityReport, catalog: &shuangsuiji::model::Catalog,
/// #      inspectors: &shuangsuiji::model::InspectorRoster, meta: &PlanMeta) -> shuangsuiji::Result<()> {
/// let plan = plan_from_eligibility(report, catalog, inspectors, meta)?;
/// println!("{}", plan.plan_hash()?);
/// # Ok(()) }
/// ```
pub fn plan_from_eligibility(
    report: &EligibilityReport,
    catalog: &Catalog,
    inspectors: &InspectorRoster,
    meta: &PlanMeta,
) -> Result<Plan> {
    let year = u16::try_from(report.year).map_err(|_| {
        Error::new(ModelCode::CountInvalid, "plan year out of range")
            .with_field("year")
            .with_value(report.year.to_string())
    })?;
    let items = report
        .items
        .iter()
        .map(|item| -> Result<PlanItem> {
            let mut strata: Vec<PlanStratum> = item
                .strata
                .iter()
                .map(|s| PlanStratum {
                    stratum_key: s.key.clone(),
                    population: s.population,
                    quota: s.quota,
                    ratio: s.ratio,
                    min: s.min.unwrap_or(0),
                    max: s.max,
                })
                .collect();
            if !item.forced_in.is_empty() {
                let n = item.forced_in.len() as u64;
                strata.push(forced_stratum(n)?);
            }
            Ok(PlanItem {
                item_id: item.item.as_str().to_owned(),
                strata,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let plan = Plan {
        algorithm: crate::proof::plan::ALGORITHM.to_owned(),
        task_id: meta.task_id.clone(),
        authority_id: report.authority.id.clone(),
        year,
        plan_date: report.date,
        catalog_hash: Bytes32::from_hex(&catalog.content_hash()?)?,
        items,
        eligible: MerkleTree::from_leaves(&eligible_leaves(report))?.commitment(),
        excluded: MerkleTree::from_leaves(&excluded_leaves(report))?.commitment(),
        inspectors: MerkleTree::from_leaves(&inspector_leaves(inspectors))?.commitment(),
        reveal_order: meta.reveal_order,
        beacons: meta.beacons.clone(),
        parties: meta.parties.clone(),
        max_substitutions: meta.max_substitutions,
        tags_hash: report.tags.as_ref().map(|t| t.hash()).transpose()?,
    }
    .canonical();
    plan.validate()?;
    Ok(plan)
}

fn forced_stratum(n: u64) -> Result<PlanStratum> {
    Ok(PlanStratum {
        stratum_key: FORCED_STRATUM.to_owned(),
        population: n,
        quota: n,
        ratio: Ratio::new(1, 1)?,
        min: n,
        max: None,
    })
}

/// The draw input a plan and its eligible entries determine (fixed mode: each
/// stratum's quota is the plan's). Each item's department comes from the catalog.
///
/// # Errors
/// `item_unknown` (an item not in the catalog); `root_mismatch` (a leaf in an item or
/// stratum the plan does not list); `task_id_invalid`, `stratum_key_invalid`.
///
/// Used by [`publish_draw`] and [`verify_draw`]; see the [module example](self).
pub fn draw_input_from_plan(
    plan: &Plan,
    eligible: &[EligibleLeaf],
    catalog: &Catalog,
    seed: &Bytes32,
    max_substitutions: u32,
) -> Result<DrawInput> {
    let mut pool: BTreeMap<(&str, &str), Vec<Uscc>> = BTreeMap::new();
    for leaf in eligible {
        pool.entry((leaf.item_id.as_str(), leaf.stratum_key.as_str()))
            .or_default()
            .push(leaf.uscc);
    }
    draw_input_from_pool(plan, pool, catalog, seed, max_substitutions)
}

/// The draw input of a plan from its eligible USCCs pooled per (item id, stratum key),
/// each list in the leaves' order: the second half of [`draw_input_from_plan`], shared
/// with [`crate::rules::report_draw_input`], which pools an eligibility report's lists.
///
/// # Errors
/// As [`draw_input_from_plan`]; `root_mismatch` names the first pooled (item, stratum)
/// the plan does not list, in key order.
pub(crate) fn draw_input_from_pool<'a>(
    plan: &'a Plan,
    mut pool: BTreeMap<(&'a str, &'a str), Vec<Uscc>>,
    catalog: &Catalog,
    seed: &Bytes32,
    max_substitutions: u32,
) -> Result<DrawInput> {
    let mut items = Vec::with_capacity(plan.items.len());
    for (i, item) in plan.items.iter().enumerate() {
        let id = ItemId::parse(&item.item_id).map_err(|e| e.within(&format!("items[{i}]")))?;
        let department = catalog
            .item(&id)
            .ok_or_else(|| {
                Error::new(
                    crate::RulesCode::ItemUnknown,
                    "a plan item is not in the catalog",
                )
                .with_field(format!("items[{i}].item_id"))
                .with_value(&item.item_id)
            })?
            .department
            .clone();
        let mut strata = Vec::with_capacity(item.strata.len());
        for s in &item.strata {
            let eligible = pool
                .remove(&(item.item_id.as_str(), s.stratum_key.as_str()))
                .unwrap_or_default();
            strata.push(StratumDraw {
                key: StratumKey::parse(&s.stratum_key)?,
                eligible,
                quota: Some(s.quota),
                ratio: None,
                max_substitutions,
            });
        }
        items.push(ItemDraw {
            item_id: id,
            department,
            strata,
        });
    }
    if let Some(((item, stratum), _)) = pool.into_iter().next() {
        return Err(Error::new(
            VerifyCode::RootMismatch,
            "an eligible entry names an item or stratum the plan does not list",
        )
        .with_field("eligible")
        .with_detail("item", item)
        .with_detail("stratum", stratum));
    }
    Ok(DrawInput {
        algorithm: crate::draw::AlgorithmVersion::V1,
        task_id: TaskId::parse(&plan.task_id)?,
        seed: Seed::from_bytes(seed.0),
        mode: DrawMode::Fixed,
        items,
        adjustments: Vec::new(),
    })
}

/// The draw input straight from an eligibility report (same as building the plan's
/// eligible entries and calling [`draw_input_from_plan`]).
///
/// # Errors
/// Those of [`plan_from_eligibility`] and [`draw_input_from_plan`].
pub fn draw_input(
    report: &EligibilityReport,
    catalog: &Catalog,
    plan: &Plan,
    seed: &Bytes32,
    max_substitutions: u32,
) -> Result<DrawInput> {
    draw_input_from_plan(
        plan,
        &eligible_leaves(report),
        catalog,
        seed,
        max_substitutions,
    )
}
