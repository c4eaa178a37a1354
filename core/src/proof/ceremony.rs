//! The seed ceremony: party commitments, reveals, public beacons, and the seed.
//!
//! Sources: docs/verify-spec-v1.md §5–§6; design note DRAW.md "Recommended construction";
//! research note §5.2 P1–P2 (commit/reveal with a notary, beacons named in advance).
//!
//! * Each party `p` (a participating department, the notary …) draws a 32-byte secret
//!   `r_p` and publishes `C_p = H("commit"; party_id, r_p)` in the plan, *before* the
//!   plan hash is fixed.
//! * After the plan is published the parties reveal `r_p`; a reveal that does not match
//!   is `reveal_mismatch`, a missing one is `reveal_missing` — never skipped.
//! * `seed = H("seed"; plan_hash, u32_be(attempt), beacon_bytes, id_1, r_1, …, id_n, r_n)`
//!   with `beacon_bytes = LP(source_id) ‖ LP(value)` for every beacon sorted by source
//!   id, and the parties sorted by party id.
//!
//! ```
//! use shuangsuiji::proof::{Bytes32, Ceremony, PartyCommitment, Reveal, BeaconSpec,
//!     BeaconKind, BeaconValue, commitment};
//!
//! let secret = Bytes32([7; 32]);
//! let parties = vec![PartyCommitment { party_id: "notary".into(), commitment: commitment("notary", &secret)? }];
//! let sources = vec![BeaconSpec { source_id: "ssq".into(), kind: BeaconKind::CwlSsq,
//!     series: "cwl.ssq".into(), draw: "2026031".into() }];
//! let c = Ceremony { plan_hash: Bytes32([1; 32]), attempt: 0, sources: &sources, parties: &parties };
//! let seed = c.seed(
//!     &[Reveal { party: "notary".into(), secret }],
//!     &[BeaconValue { source: "ssq".into(), value: "03.07.11.19.26.31+09".into() }],
//! )?;
//! // A wrong secret is caught and the party is named:
//! let err = c.seed(&[Reveal { party: "notary".into(), secret: Bytes32([8; 32]) }],
//!     &[BeaconValue { source: "ssq".into(), value: "03.07.11.19.26.31+09".into() }]).unwrap_err();
//! assert_eq!(err.code().as_str(), "reveal_mismatch");
//! assert_eq!(err.details().extra["party"], "notary");
//! # let _ = seed;
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::beacon::{BeaconSpec, BeaconValue, validate_value};
use super::{Bytes32, check_id};
use crate::json::canonical::{lp, tagged_hash};
use crate::{Error, Result, VerifyCode};

/// A party and its published commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyCommitment {
    /// The party's opaque id (`[A-Za-z0-9._:-]{1,64}`).
    pub party_id: String,
    /// `H("commit"; party_id, secret)`.
    pub commitment: Bytes32,
}

/// A party's revealed secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reveal {
    /// The party id.
    pub party: String,
    /// The 32-byte secret.
    pub secret: Bytes32,
}

/// `H("commit"; party_id, secret)`.
///
/// # Errors
/// `id_invalid` if the party id is malformed.
///
/// ```
/// let c = shuangsuiji::proof::commitment("notary", &shuangsuiji::proof::Bytes32([0; 32]))?;
/// assert_eq!(c.to_hex().len(), 64);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn commitment(party_id: &str, secret: &Bytes32) -> Result<Bytes32> {
    check_id(party_id, "party")?;
    Ok(Bytes32(tagged_hash(
        "commit",
        &[party_id.as_bytes(), &secret.0],
    )?))
}

/// The raw seed derivation (no checks besides sorting and uniqueness):
/// `H("seed"; plan_hash, u32_be(attempt), beacon_bytes, id_1, r_1, …, id_n, r_n)`.
///
/// # Errors
/// `beacon_duplicate` / `party_duplicate` if an id repeats; `too_many_bytes` for
/// oversized fields.
///
/// ```
/// use shuangsuiji::proof::{Bytes32, derive_seed};
/// let a = derive_seed(&Bytes32([0; 32]), 0, &[("ssq", "03.07.11.19.26.31+09")], &[("notary", Bytes32([1; 32]))])?;
/// let b = derive_seed(&Bytes32([0; 32]), 1, &[("ssq", "03.07.11.19.26.31+09")], &[("notary", Bytes32([1; 32]))])?;
/// assert_ne!(a, b);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn derive_seed(
    plan_hash: &Bytes32,
    attempt: u32,
    beacons: &[(&str, &str)],
    secrets: &[(&str, Bytes32)],
) -> Result<Bytes32> {
    let mut beacons = beacons.to_vec();
    beacons.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut beacon_bytes = Vec::new();
    for (i, (source, value)) in beacons.iter().enumerate() {
        if i > 0 && beacons.get(i - 1).map(|b| b.0) == Some(*source) {
            return Err(Error::duplicate(
                VerifyCode::BeaconDuplicate,
                "a beacon source",
                "source",
                *source,
            ));
        }
        lp(&mut beacon_bytes, source.as_bytes())?;
        lp(&mut beacon_bytes, value.as_bytes())?;
    }
    let mut secrets = secrets.to_vec();
    secrets.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let attempt_be = attempt.to_be_bytes();
    let mut fields: Vec<&[u8]> = vec![&plan_hash.0, &attempt_be, &beacon_bytes];
    for (i, (party, secret)) in secrets.iter().enumerate() {
        if i > 0 && secrets.get(i - 1).map(|s| s.0) == Some(*party) {
            return Err(Error::duplicate(
                VerifyCode::PartyDuplicate,
                "a party",
                "party",
                *party,
            ));
        }
        fields.push(party.as_bytes());
        fields.push(&secret.0);
    }
    Ok(Bytes32(tagged_hash("seed", &fields)?))
}

/// One attempt's ceremony: the plan hash, the attempt number, the beacons named for it
/// and the parties with their commitments.
#[derive(Debug, Clone, Copy)]
pub struct Ceremony<'a> {
    /// `plan_hash` of the committed plan.
    pub plan_hash: Bytes32,
    /// The attempt number (0 for the first draw).
    pub attempt: u32,
    /// The beacons named in advance for this attempt.
    pub sources: &'a [BeaconSpec],
    /// The parties and their commitments for this attempt.
    pub parties: &'a [PartyCommitment],
}

impl Ceremony<'_> {
    /// Checks the parties and sources themselves: valid ids, no repeats.
    ///
    /// # Errors
    /// `id_invalid`, `party_duplicate`, `beacon_duplicate`, `beacon_invalid`.
    pub fn validate(&self) -> Result<()> {
        let mut seen = BTreeMap::new();
        for p in self.parties {
            check_id(&p.party_id, "party")?;
            if seen.insert(p.party_id.as_str(), ()).is_some() {
                return Err(Error::duplicate(
                    VerifyCode::PartyDuplicate,
                    "a party",
                    "party",
                    &p.party_id,
                )
                .with_field("parties"));
            }
        }
        let mut seen = BTreeMap::new();
        let mut instances = BTreeMap::new();
        for s in self.sources {
            s.validate()?;
            if seen.insert(s.source_id.as_str(), ()).is_some()
                || instances.insert(s.instance(), ()).is_some()
            {
                return Err(Error::new(
                    VerifyCode::BeaconDuplicate,
                    "a beacon source or instance (series, draw) is listed twice",
                )
                .with_field("beacons")
                .with_detail("source", &s.source_id));
            }
        }
        Ok(())
    }

    /// Checks every reveal against its commitment and every beacon value against its
    /// spec, then derives the seed.
    ///
    /// Checks run in this order, each over ids sorted ascending: repeated reveal,
    /// reveal of an unknown party, mismatching reveal, missing reveal; repeated beacon,
    /// unknown source, non-canonical value, missing beacon.
    ///
    /// # Errors
    /// `party_duplicate`, `party_unknown`, `reveal_mismatch`, `reveal_missing` (detail
    /// `party`); `beacon_duplicate`, `beacon_unknown`, `beacon_invalid`,
    /// `beacon_missing` (detail `source`); and those of [`Ceremony::validate`].
    pub fn seed(&self, reveals: &[Reveal], beacons: &[BeaconValue]) -> Result<Bytes32> {
        self.seed_unlabelled(reveals, beacons).map_err(|e| {
            let beacon = [
                VerifyCode::BeaconDuplicate,
                VerifyCode::BeaconUnknown,
                VerifyCode::BeaconInvalid,
                VerifyCode::BeaconMissing,
            ]
            .iter()
            .any(|c| e.code() == (*c).into());
            e.with_field(if beacon { "beacons" } else { "reveals" })
        })
    }

    /// As [`Ceremony::seed`], without setting `field` on reveal and beacon errors (the
    /// draw log names its own entry).
    pub(crate) fn seed_unlabelled(
        &self,
        reveals: &[Reveal],
        beacons: &[BeaconValue],
    ) -> Result<Bytes32> {
        self.validate()?;
        let secrets = self.check_reveals(reveals)?;
        let values = self.check_beacons(beacons)?;
        derive_seed(&self.plan_hash, self.attempt, &values, &secrets)
    }

    fn check_reveals<'r>(&self, reveals: &'r [Reveal]) -> Result<Vec<(&'r str, Bytes32)>> {
        let attempt = self.attempt.to_string();
        let mut by_party: BTreeMap<&str, &Reveal> = BTreeMap::new();
        let mut sorted: Vec<&Reveal> = reveals.iter().collect();
        sorted.sort_by(|a, b| a.party.cmp(&b.party));
        for r in &sorted {
            if by_party.insert(r.party.as_str(), r).is_some() {
                return Err(Error::duplicate(
                    VerifyCode::PartyDuplicate,
                    "a party's reveal",
                    "party",
                    &r.party,
                )
                .with_detail("attempt", &attempt));
            }
        }
        let commitments: BTreeMap<&str, &Bytes32> = self
            .parties
            .iter()
            .map(|p| (p.party_id.as_str(), &p.commitment))
            .collect();
        for r in &sorted {
            if !commitments.contains_key(r.party.as_str()) {
                return Err(Error::new(
                    VerifyCode::PartyUnknown,
                    "a reveal from a party that made no commitment",
                )
                .with_detail("party", &r.party)
                .with_detail("attempt", &attempt));
            }
        }
        let mut out = Vec::with_capacity(sorted.len());
        for (party, expected) in &commitments {
            let Some(r) = by_party.get(party) else {
                continue;
            };
            let actual = commitment(party, &r.secret)?;
            if actual != **expected {
                return Err(Error::new(
                    VerifyCode::RevealMismatch,
                    "the revealed secret does not match the party's commitment",
                )
                .with_detail("party", *party)
                .with_detail("attempt", &attempt)
                .with_detail("expected", expected.to_hex())
                .with_detail("actual", actual.to_hex()));
            }
            out.push((r.party.as_str(), r.secret));
        }
        for party in commitments.keys() {
            if !by_party.contains_key(party) {
                return Err(Error::new(
                    VerifyCode::RevealMissing,
                    "a committed party has not revealed (a missing reveal is opened from escrow, never skipped)",
                )
                .with_detail("party", *party)
                .with_detail("attempt", &attempt));
            }
        }
        Ok(out)
    }

    fn check_beacons<'b>(&self, beacons: &'b [BeaconValue]) -> Result<Vec<(&'b str, &'b str)>> {
        let attempt = self.attempt.to_string();
        let mut sorted: Vec<&BeaconValue> = beacons.iter().collect();
        sorted.sort_by(|a, b| a.source.cmp(&b.source));
        let mut by_source: BTreeMap<&str, &BeaconValue> = BTreeMap::new();
        for b in &sorted {
            if by_source.insert(b.source.as_str(), b).is_some() {
                return Err(Error::duplicate(
                    VerifyCode::BeaconDuplicate,
                    "a beacon's value",
                    "source",
                    &b.source,
                )
                .with_detail("attempt", &attempt));
            }
        }
        let specs: BTreeMap<&str, &BeaconSpec> = self
            .sources
            .iter()
            .map(|s| (s.source_id.as_str(), s))
            .collect();
        let mut out = Vec::with_capacity(sorted.len());
        for b in &sorted {
            let Some(spec) = specs.get(b.source.as_str()) else {
                return Err(Error::new(
                    VerifyCode::BeaconUnknown,
                    "a beacon value from a source not named in advance",
                )
                .with_detail("source", &b.source)
                .with_detail("attempt", &attempt));
            };
            validate_value(spec.kind, &b.value).map_err(|e| {
                e.with_detail("source", &b.source)
                    .with_detail("attempt", &attempt)
            })?;
            out.push((b.source.as_str(), b.value.as_str()));
        }
        for source in specs.keys() {
            if !by_source.contains_key(source) {
                return Err(Error::new(
                    VerifyCode::BeaconMissing,
                    "a beacon named in advance has no value",
                )
                .with_detail("source", *source)
                .with_detail("attempt", &attempt));
            }
        }
        Ok(out)
    }
}
