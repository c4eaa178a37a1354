//! Policy lists (政策清单, seed §三(三)二): policies as data, each department's list for
//! a task, and the lead department's merge — duplicates by document number merged,
//! conflicts reported.
//!
//! Tested by `core/tests/all/service_matching.rs` and
//! `tests/vectors/service/policies.ops.json`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{DepartmentCode, Provenance};
use crate::{Error, Result, ServiceCode};

/// To whom a policy applies. Empty lists mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyScope {
    /// Industry / licence category patterns (`food_production` matches
    /// `food_production:dairy`, as in [`crate::model::Applicability`]).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub categories: BTreeSet<String>,
    /// Enterprise sizes (e.g. `micro`, `small`, `medium`, `large`), as given with the
    /// enterprise in the matching request.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub sizes: BTreeSet<String>,
    /// Profile tags (rule ids of a [`crate::profile::TagSet`]); the enterprise needs one.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub tags: BTreeSet<String>,
    /// Departments of the task; the task needs one of them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub departments: BTreeSet<DepartmentCode>,
}

impl PolicyScope {
    /// The union of two scopes: per criterion, "no restriction" wins, else both sets.
    fn union(&self, other: &Self) -> Self {
        fn u<T: Ord + Clone>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> BTreeSet<T> {
            if a.is_empty() || b.is_empty() {
                BTreeSet::new()
            } else {
                a.union(b).cloned().collect()
            }
        }
        Self {
            categories: u(&self.categories, &other.categories),
            sizes: u(&self.sizes, &other.sizes),
            tags: u(&self.tags, &other.tags),
            departments: u(&self.departments, &other.departments),
        }
    }
}

/// One policy (涉企政策).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The title.
    pub title: String,
    /// The issuing body.
    pub issuer: String,
    /// The document number (文号), the key of the merge.
    pub document_no: String,
    /// The day it was issued.
    pub issued_on: NaiveDate,
    /// First day in force.
    pub valid_from: NaiveDate,
    /// Last day in force, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// What it offers, in a sentence.
    pub summary: String,
    /// To whom it applies.
    #[serde(default)]
    pub applies_to: PolicyScope,
    /// Where it comes from (`verification: synthetic` for made-up sample data).
    pub provenance: Provenance,
}

impl Policy {
    /// Whether the policy is in force on `on`.
    #[must_use]
    pub fn in_force(&self, on: NaiveDate) -> bool {
        self.valid_from <= on && self.valid_to.is_none_or(|t| on <= t)
    }

    fn check(&self, at: &str) -> Result<()> {
        for (field, text) in [
            ("title", &self.title),
            ("issuer", &self.issuer),
            ("document_no", &self.document_no),
            ("summary", &self.summary),
        ] {
            if text.trim().is_empty() {
                return Err(Error::new(
                    ServiceCode::PolicyInvalid,
                    format!("a policy's {field} must not be empty"),
                )
                .with_field(format!("{at}.{field}")));
            }
        }
        if self.valid_to.is_some_and(|t| t < self.valid_from) {
            return Err(Error::new(
                ServiceCode::PolicyInvalid,
                format!("policy {} ends before it starts", self.document_no),
            )
            .with_field(format!("{at}.valid_to")));
        }
        Ok(())
    }
}

/// One department's policy list for a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyList {
    /// The department that gathered it.
    pub department: DepartmentCode,
    /// Its policies.
    pub policies: Vec<Policy>,
}

/// A policy of the merged list with the departments whose lists held it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedPolicy {
    /// The policy (scopes of duplicates united).
    pub policy: Policy,
    /// The departments that listed it, sorted.
    pub from: Vec<DepartmentCode>,
}

/// Two departments list one document number with different facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyConflict {
    /// The document number.
    pub document_no: String,
    /// The fields that differ (`title`, `issuer`, `issued_on`, `valid_from`,
    /// `valid_to`, `summary`, `provenance`).
    pub fields: Vec<String>,
    /// The departments whose lists disagree, sorted.
    pub departments: Vec<DepartmentCode>,
}

/// The lead department's merged 政策清单.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedPolicies {
    /// The policies without conflicts, by document number.
    pub policies: Vec<MergedPolicy>,
    /// The conflicts to settle, by document number (those policies are left out).
    pub conflicts: Vec<PolicyConflict>,
}

fn differing(a: &Policy, b: &Policy) -> Vec<String> {
    let mut f = Vec::new();
    let mut diff = |name: &str, same: bool| {
        if !same {
            f.push(name.to_owned());
        }
    };
    diff("title", a.title == b.title);
    diff("issuer", a.issuer == b.issuer);
    diff("issued_on", a.issued_on == b.issued_on);
    diff("valid_from", a.valid_from == b.valid_from);
    diff("valid_to", a.valid_to == b.valid_to);
    diff("summary", a.summary == b.summary);
    diff("provenance", a.provenance == b.provenance);
    f
}

/// Merges the departments' lists: policies with one document number are one policy
/// (their scopes united, every listing department named) when their facts agree, and a
/// [`PolicyConflict`] naming the differing fields when they do not.
///
/// # Errors
/// `policy_invalid` (field `lists[i].policies[j].…`) for an empty title, issuer,
/// document number or summary, or a validity that ends before it starts.
///
/// ```
/// use shuangsuiji::service::{PolicyList, merge_policies};
/// let lists = PolicyList::food_producers_sample()?;
/// let merged = merge_policies(&lists)?;
/// assert!(merged.conflicts.is_empty());
/// assert!(merged.policies.iter().any(|p| p.from.len() > 1)); // a duplicate merged
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn merge_policies(lists: &[PolicyList]) -> Result<MergedPolicies> {
    let mut by_no: BTreeMap<&str, Vec<(&DepartmentCode, &Policy)>> = BTreeMap::new();
    for (i, l) in lists.iter().enumerate() {
        for (j, p) in l.policies.iter().enumerate() {
            p.check(&format!("lists[{i}].policies[{j}]"))?;
            by_no
                .entry(p.document_no.trim())
                .or_default()
                .push((&l.department, p));
        }
    }
    let mut policies = Vec::new();
    let mut conflicts = Vec::new();
    for (no, listed) in by_no {
        let (_, first) = listed[0];
        let mut fields = BTreeSet::new();
        for (_, p) in &listed[1..] {
            fields.extend(differing(first, p));
        }
        let departments: Vec<DepartmentCode> = listed
            .iter()
            .map(|(d, _)| (*d).clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if fields.is_empty() {
            let mut policy = first.clone();
            for (_, p) in &listed[1..] {
                policy.applies_to = policy.applies_to.union(&p.applies_to);
            }
            policies.push(MergedPolicy {
                policy,
                from: departments,
            });
        } else {
            conflicts.push(PolicyConflict {
                document_no: no.to_owned(),
                fields: fields.into_iter().collect(),
                departments,
            });
        }
    }
    Ok(MergedPolicies {
        policies,
        conflicts,
    })
}

/// The bundled sample lists (`core/data/service/food_policies.json`): SYNTHETIC
/// policies for food producers, made up to show the shape — every one has
/// `provenance.verification: synthetic`. Never hand them to an enterprise.
const SAMPLE: &str = include_str!("../../data/service/food_policies.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFile {
    synthetic: bool,
    #[serde(rename = "说明")]
    _note: String,
    lists: Vec<PolicyList>,
}

impl PolicyList {
    /// The bundled synthetic sample lists for food producers (a market and a health
    /// department list sharing one document).
    ///
    /// # Errors
    /// `internal` if the bundled file does not read (a bug).
    ///
    /// ```
    /// use shuangsuiji::model::Verification;
    /// let lists = shuangsuiji::service::PolicyList::food_producers_sample()?;
    /// assert!(lists.iter().flat_map(|l| &l.policies)
    ///     .all(|p| p.provenance.verification == Verification::Synthetic));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn food_producers_sample() -> Result<Vec<Self>> {
        let file: SampleFile = serde_json::from_str(SAMPLE)
            .map_err(|e| Error::internal(format!("bundled food_policies.json: {e}")))?;
        let all_synthetic = file.synthetic
            && file
                .lists
                .iter()
                .flat_map(|l| &l.policies)
                .all(|p| p.provenance.verification == crate::model::Verification::Synthetic);
        if !all_synthetic {
            return Err(Error::internal(
                "bundled food_policies.json: every sample policy must be marked synthetic",
            ));
        }
        Ok(file.lists)
    }
}
