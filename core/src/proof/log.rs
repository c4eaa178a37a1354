//! The draw log: an append-only hash chain that makes a silent re-draw visible.
//!
//! Sources: design note DRAW.md hard requirement 7 ("No silent re-roll"); research note
//! §3 item 7 and §5.2 P2.
//!
//! `G = H("log-genesis"; plan_hash)`, `L_0 = H("log"; G, json_0)`,
//! `L_i = H("log"; L_{i-1}, json_i)` where `json_i` is the canonical JSON of event `i`.
//! Event 0 is always `plan_published`. The published head `L_last` pins the whole log.
//!
//! Ordering rules (checked by [`verify_log`], `log_order` unless said otherwise):
//!
//! * exactly one `plan_published`, first;
//! * events of attempt `k` come after the start of attempt `k` (the plan for 0, the
//!   `redraw` for `k ≥ 1`) and before the start of `k + 1`;
//! * `commitment` events exist only for `k ≥ 1` (attempt 0's commitments are in the
//!   plan) and come before any reveal, beacon or draw of their attempt;
//! * plan `reveal_order = before_beacon`: every reveal before any beacon;
//!   `after_beacon`: every beacon before any reveal;
//! * `draw` after all reveals and beacons of its attempt (`reveal_missing`,
//!   `beacon_missing`), once per attempt; its seed is recomputed (`result_mismatch`,
//!   field `…seed`);
//! * `substitution` after the draw of its attempt;
//! * `revision` after at least one `substitution` of its attempt since the draw or the
//!   previous revision, numbered 1, 2, … within the attempt; it records the hash of the
//!   revised result, which becomes the attempt's current result;
//! * `outcomes` after the draw of its attempt, naming the attempt's current revision
//!   (field `revision`); it records the hash of the committed inspection outcomes;
//! * `redraw` names attempt `k + 1` and a reason, and brings new randomness of both
//!   kinds: at least one beacon (`beacon_missing`), one of them an instance
//!   `(series, draw)` no earlier attempt used (`redraw_invalid`), and a fresh
//!   commitment from every party of the plan before the attempt's first reveal, beacon
//!   or draw (`commitment_missing`), none equal to an earlier commitment
//!   (`redraw_invalid`). Nobody drops out of a re-draw and nobody joins it (a
//!   commitment from outside the plan is `party_unknown`). Earlier attempts stay in
//!   the log.
//!
//! ```
//! use shuangsuiji::verify::{Bytes32, DrawLog, Event};
//! let mut log = DrawLog::new(Bytes32([1; 32]))?;
//! log.append(Event::Reveal { attempt: 0, party: "notary".into(), secret: Bytes32([2; 32]) })?;
//! assert_eq!(log.entries.len(), 2);
//! log.check_chain()?;
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::beacon::{BeaconSpec, BeaconValue};
use super::ceremony::{Ceremony, PartyCommitment, Reveal};
use super::plan::{Plan, RevealOrder};
use super::{Bytes32, committed_json};
use crate::json::canonical::tagged_hash;
use crate::model::Uscc;
use crate::{Error, Result, VerifyCode};

/// One event of the draw log. JSON: an object with `"kind"` and the fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The plan was published; always event 0.
    PlanPublished {
        /// Its hash.
        plan_hash: Bytes32,
    },
    /// A fresh commitment for a re-draw attempt (`attempt ≥ 1`).
    Commitment {
        /// The attempt.
        attempt: u32,
        /// The party id.
        party: String,
        /// `H("commit"; party, secret)`.
        commitment: Bytes32,
    },
    /// A party revealed its secret.
    Reveal {
        /// The attempt.
        attempt: u32,
        /// The party id.
        party: String,
        /// The secret.
        secret: Bytes32,
    },
    /// A beacon value was recorded.
    Beacon {
        /// The attempt.
        attempt: u32,
        /// The source id.
        source: String,
        /// The canonical value text.
        value: String,
    },
    /// The draw of an attempt.
    Draw {
        /// The attempt.
        attempt: u32,
        /// The seed.
        seed: Bytes32,
        /// Hash of the result document.
        result_hash: Bytes32,
    },
    /// A selected enterprise was replaced after the draw.
    Substitution {
        /// The attempt.
        attempt: u32,
        /// The item.
        item_id: String,
        /// The stratum.
        stratum_key: String,
        /// The enterprise replaced (canonical text only when read).
        #[serde(deserialize_with = "super::published::uscc")]
        replaced: Uscc,
        /// The enterprise taking its place (canonical text only when read).
        #[serde(deserialize_with = "super::published::uscc")]
        substitute: Uscc,
        /// The reason code.
        reason: String,
        /// Evidence reference.
        evidence: String,
    },
    /// A new revision of the attempt's result: it applies every substitution logged
    /// since the draw or the previous revision and records the revised result's hash.
    Revision {
        /// The attempt.
        attempt: u32,
        /// The revision number (1 for the first revision of an attempt, then + 1).
        revision: u32,
        /// Hash of the revised result document.
        result_hash: Bytes32,
    },
    /// The inspection outcomes of the attempt's current result were committed (issue
    /// #19 §4; docs/outcomes-spec-v1.md). A later `outcomes` event of the attempt
    /// supersedes an earlier one.
    Outcomes {
        /// The attempt.
        attempt: u32,
        /// The revision of the result the outcomes answer to (0: the draw's own).
        revision: u32,
        /// `H("outcomes"; canonical_json(outcome set))`.
        outcomes_hash: Bytes32,
    },
    /// A new attempt starts.
    Redraw {
        /// The new attempt number (previous + 1).
        attempt: u32,
        /// Why (a reason code or text; not empty).
        reason: String,
        /// The beacons named in advance for the new attempt.
        beacons: Vec<BeaconSpec>,
    },
}

impl Event {
    /// The attempt the event belongs to (`None` for `plan_published`).
    #[must_use]
    pub const fn attempt(&self) -> Option<u32> {
        match self {
            Self::PlanPublished { .. } => None,
            Self::Commitment { attempt, .. }
            | Self::Reveal { attempt, .. }
            | Self::Beacon { attempt, .. }
            | Self::Draw { attempt, .. }
            | Self::Substitution { attempt, .. }
            | Self::Revision { attempt, .. }
            | Self::Outcomes { attempt, .. }
            | Self::Redraw { attempt, .. } => Some(*attempt),
        }
    }
}

/// An event with its chain hash `L_i`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// The event (a reading error names its field: `entries[i].event.<field>`).
    #[serde(deserialize_with = "event_located")]
    pub event: Event,
    /// `L_i`.
    pub hash: Bytes32,
}

/// Reads an event and, on error, names the field at fault (verify spec §11.5): serde's
/// tagged enums lose the path inside the event, so the event is read from a JSON value
/// and a failing field is found by reading `{kind, field}` alone for each field in
/// order (a field whose type or text is wrong fails on its own; a good one only misses
/// the others).
fn event_located<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Event, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    let e = match Event::deserialize(&v) {
        Ok(event) => return Ok(event),
        Err(e) => Error::from_json(&e),
    };
    let Some(map) = v.as_object() else {
        return Err(e.into_de());
    };
    let message = e.message_en().to_owned();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
            .map(str::to_owned)
    };
    let kind = map.get("kind");
    let field = if kind.and_then(serde_json::Value::as_str).is_none() {
        Some("kind".to_owned())
    } else if let Some(f) = quoted("unknown field `").or_else(|| quoted("missing field `")) {
        Some(f)
    } else if message.starts_with("unknown variant") {
        Some("kind".to_owned())
    } else {
        map.iter().filter(|(k, _)| *k != "kind").find_map(|(k, x)| {
            let alone = serde_json::json!({"kind": kind, k.as_str(): x});
            match Event::deserialize(&alone) {
                Err(err) if !err.to_string().starts_with("missing field") => Some(k.clone()),
                _ => None,
            }
        })
    };
    Err(match field {
        Some(f) => e.with_field(f),
        None => e,
    }
    .into_de_with_field())
}

/// The draw log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawLog {
    /// The entries, in order.
    pub entries: Vec<LogEntry>,
}

/// `H("log-genesis"; plan_hash)`.
///
/// # Errors
/// Never in practice (`too_many_bytes` is impossible for 32 bytes).
pub fn genesis(plan_hash: &Bytes32) -> Result<Bytes32> {
    Ok(Bytes32(tagged_hash("log-genesis", &[&plan_hash.0])?))
}

/// `H("log"; prev, canonical_json(event))`.
///
/// # Errors
/// `number_not_integer` / `json_shape` if the event cannot be put in canonical JSON.
pub fn chain_hash(prev: &Bytes32, event: &Event) -> Result<Bytes32> {
    let json = committed_json(event)?;
    Ok(Bytes32(tagged_hash("log", &[&prev.0, json.as_bytes()])?))
}

fn at(i: usize, field: &str) -> impl Fn(Error) -> Error {
    let path = format!("entries[{i}].event.{field}");
    move |e: Error| {
        e.with_field(path.clone())
            .with_detail("index", i.to_string())
    }
}

fn err(code: VerifyCode, i: usize, field: &str, msg: impl Into<String>) -> Error {
    at(i, field)(Error::new(code, msg))
}

/// `log_order` at entry `i`, field `kind`: the event comes where the log's order forbids it.
fn order_error(i: usize, msg: &str) -> Error {
    err(VerifyCode::LogOrder, i, "kind", msg)
}

impl DrawLog {
    /// A new log holding only `plan_published`.
    ///
    /// # Errors
    /// As [`chain_hash`].
    pub fn new(plan_hash: Bytes32) -> Result<Self> {
        let mut log = Self {
            entries: Vec::new(),
        };
        log.append(Event::PlanPublished { plan_hash })?;
        Ok(log)
    }

    /// The head `L_last` (the genesis value of an empty log is not defined: `None`).
    #[must_use]
    pub fn head(&self) -> Option<Bytes32> {
        self.entries.last().map(|e| e.hash)
    }

    /// Appends an event, computing its chain hash. Ordering is checked by
    /// [`verify_log`], not here — except that an attempt is drawn once: a second `draw`
    /// of the same attempt is refused here, where it is made, rather than by the
    /// verification of the published log.
    ///
    /// # Errors
    /// `log_order` when appending anything but `plan_published` to an empty log, or a
    /// `draw` of an attempt already drawn (field `entries[i].event.attempt`, detail
    /// `index` = where it would go); as [`chain_hash`].
    pub fn append(&mut self, event: Event) -> Result<Bytes32> {
        if let Event::Draw { attempt, .. } = &event {
            let drawn = self
                .entries
                .iter()
                .position(|e| matches!(&e.event, Event::Draw { attempt: a, .. } if a == attempt));
            if let Some(j) = drawn {
                return Err(err(
                    VerifyCode::LogOrder,
                    self.entries.len(),
                    "attempt",
                    format!(
                        "attempt {attempt} is already drawn (entry {j}): a second draw needs a redraw event and a new attempt"
                    ),
                ));
            }
        }
        let prev = match (self.entries.last(), &event) {
            (Some(last), _) => last.hash,
            (None, Event::PlanPublished { plan_hash }) => genesis(plan_hash)?,
            (None, _) => {
                return Err(err(
                    VerifyCode::LogOrder,
                    0,
                    "kind",
                    "a log starts with plan_published",
                ));
            }
        };
        let hash = chain_hash(&prev, &event)?;
        self.entries.push(LogEntry { event, hash });
        Ok(hash)
    }

    /// Recomputes the chain.
    ///
    /// # Errors
    /// `log_order` if the log is empty or does not start with `plan_published`;
    /// `log_chain_broken` naming the first entry whose hash differs (detail `index`,
    /// field `entries[i].hash`).
    pub fn check_chain(&self) -> Result<Bytes32> {
        let Some(Event::PlanPublished { plan_hash }) = self.entries.first().map(|e| &e.event)
        else {
            return Err(err(
                VerifyCode::LogOrder,
                0,
                "kind",
                "a log starts with plan_published",
            ));
        };
        let mut prev = genesis(plan_hash)?;
        for (i, entry) in self.entries.iter().enumerate() {
            let h = chain_hash(&prev, &entry.event)?;
            if h != entry.hash {
                return Err(Error::new(
                    VerifyCode::LogChainBroken,
                    "the hash chain is broken at this entry",
                )
                .with_field(format!("entries[{i}].hash"))
                .with_detail("index", i.to_string())
                .with_detail("expected", h.to_hex())
                .with_detail("actual", entry.hash.to_hex()));
            }
            prev = h;
        }
        Ok(prev)
    }
}

/// What a verified log says about each attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptSummary {
    /// The attempt number.
    pub attempt: u32,
    /// The verified seed, if the attempt was drawn.
    pub seed: Option<Bytes32>,
    /// The hash of its current result (the draw's, or the last revision's), if any.
    pub result_hash: Option<Bytes32>,
    /// The number of its last revision (0: the draw's result, unrevised).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// The reason of the re-draw that started it (`None` for attempt 0).
    pub redraw_reason: Option<String>,
    /// The hash of its last committed outcome set (`outcomes` event), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcomes_hash: Option<Bytes32>,
}

/// The outcome of [`verify_log`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogSummary {
    /// The head `L_last`.
    pub head: Bytes32,
    /// Every attempt, in order; the last one is current.
    pub attempts: Vec<AttemptSummary>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &T
const fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Default)]
struct Attempt {
    sources: Vec<BeaconSpec>,
    parties: Vec<PartyCommitment>,
    fresh: Vec<PartyCommitment>,
    reveals: Vec<Reveal>,
    beacons: Vec<BeaconValue>,
    /// Index of the redraw event that started it.
    start: Option<usize>,
    frozen: bool,
    drawn: bool,
    /// The last revision number.
    revision: u32,
    /// Substitutions logged since the draw or the last revision.
    pending: u32,
    summary: Option<AttemptSummary>,
}

struct Verifier<'p> {
    plan: &'p Plan,
    plan_hash: Bytes32,
    attempts: Vec<Attempt>,
}

impl Verifier<'_> {
    fn current(&mut self) -> Result<&mut Attempt> {
        self.attempts
            .last_mut()
            .ok_or_else(|| Error::new(VerifyCode::LogOrder, "no attempt"))
    }

    fn check_attempt(&self, i: usize, attempt: u32) -> Result<()> {
        let current = self.attempts.len().saturating_sub(1);
        if u64::from(attempt) == current as u64 {
            Ok(())
        } else {
            Err(err(
                VerifyCode::LogOrder,
                i,
                "attempt",
                format!("event of attempt {attempt} while attempt {current} is current"),
            ))
        }
    }

    /// Fixes the party set of the current attempt: a re-draw attempt needs a fresh
    /// commitment from every party of the plan (checked in ascending party id).
    fn freeze(&mut self) -> Result<()> {
        let k = self.attempts.len().saturating_sub(1);
        let Some(cur) = self.attempts.last() else {
            return Ok(());
        };
        if cur.frozen {
            return Ok(());
        }
        if let Some(start) = cur.start {
            let fresh: BTreeSet<&str> = cur.fresh.iter().map(|p| p.party_id.as_str()).collect();
            let mut plan_parties: Vec<&str> = self
                .plan
                .parties
                .iter()
                .map(|p| p.party_id.as_str())
                .collect();
            plan_parties.sort_unstable();
            if let Some(missing) = plan_parties.iter().find(|p| !fresh.contains(*p)) {
                return Err(Error::new(
                    VerifyCode::CommitmentMissing,
                    format!(
                        "re-draw attempt {k} has no fresh commitment from party {missing}: every party of the plan commits afresh before the attempt's first reveal, beacon or draw"
                    ),
                )
                .with_field(format!("entries[{start}]"))
                .with_detail("index", start.to_string())
                .with_detail("party", *missing)
                .with_detail("attempt", k.to_string()));
            }
        }
        if let Some(a) = self.attempts.last_mut() {
            if a.start.is_some() {
                a.parties = a.fresh.clone();
            }
            a.frozen = true;
        }
        Ok(())
    }

    /// Checks one event against the state so far and applies it: one method per event
    /// kind.
    fn event(&mut self, i: usize, event: &Event) -> Result<()> {
        match event {
            Event::PlanPublished { .. } => {
                Err(order_error(i, "plan_published appears only once, first"))
            }
            Event::Commitment {
                attempt,
                party,
                commitment,
                ..
            } => self.on_commitment(i, attempt, party, commitment),
            Event::Reveal {
                attempt,
                party,
                secret,
                ..
            } => self.on_reveal(i, attempt, party, secret),
            Event::Beacon {
                attempt,
                source,
                value,
                ..
            } => self.on_beacon(i, attempt, source, value),
            Event::Draw {
                attempt,
                seed,
                result_hash,
                ..
            } => self.on_draw(i, attempt, seed, result_hash),
            Event::Substitution {
                attempt,
                item_id,
                stratum_key,
                reason,
                ..
            } => self.on_substitution(i, attempt, item_id, stratum_key, reason),
            Event::Revision {
                attempt,
                revision,
                result_hash,
                ..
            } => self.on_revision(i, attempt, revision, result_hash),
            Event::Redraw {
                attempt,
                reason,
                beacons,
                ..
            } => self.on_redraw(i, attempt, reason, beacons),
            Event::Outcomes {
                attempt,
                revision,
                outcomes_hash,
            } => self.on_outcomes(i, attempt, revision, outcomes_hash),
        }
    }

    /// A fresh commitment of a re-draw attempt: a plan party, before any reveal, new.
    fn on_commitment(
        &mut self,
        i: usize,
        attempt: &u32,
        party: &str,
        commitment: &Bytes32,
    ) -> Result<()> {
        self.check_attempt(i, *attempt)?;
        if *attempt == 0 {
            return Err(err(
                VerifyCode::LogOrder,
                i,
                "attempt",
                "attempt 0's commitments are in the plan",
            ));
        }
        if !self.plan.parties.iter().any(|p| p.party_id == party) {
            return Err(err(
                VerifyCode::PartyUnknown,
                i,
                "party",
                "a commitment from a party not in the plan",
            )
            .with_detail("party", party));
        }
        let cur = self.current()?;
        if cur.frozen {
            return Err(order_error(
                i,
                "commitments come before any reveal, beacon or draw of their attempt",
            ));
        }
        if cur.fresh.iter().any(|p| p.party_id == party) {
            return Err(err(
                VerifyCode::PartyDuplicate,
                i,
                "party",
                "a party committed twice in one attempt",
            )
            .with_detail("party", party));
        }
        let reused = self
            .attempts
            .iter()
            .flat_map(|a| a.parties.iter().chain(a.fresh.iter()))
            .any(|p| p.commitment == *commitment);
        if reused {
            return Err(err(
                VerifyCode::RedrawInvalid,
                i,
                "commitment",
                "a re-draw commitment repeats an earlier commitment: the secret must be new",
            )
            .with_detail("party", party));
        }
        if let Some(cur) = self.attempts.last_mut() {
            cur.fresh.push(PartyCommitment {
                party_id: party.to_owned(),
                commitment: *commitment,
            });
        }
        Ok(())
    }

    /// A reveal: in the plan's reveal order, before the draw, matching its commitment.
    fn on_reveal(&mut self, i: usize, attempt: &u32, party: &str, secret: &Bytes32) -> Result<()> {
        let order = self.plan.reveal_order;
        self.check_attempt(i, *attempt)?;
        self.freeze()?;
        let cur = self.current()?;
        if cur.drawn {
            return Err(order_error(i, "a reveal after the draw of its attempt"));
        }
        if order == RevealOrder::BeforeBeacon && !cur.beacons.is_empty() {
            return Err(order_error(
                i,
                "the plan has every reveal before any beacon",
            ));
        }
        if order == RevealOrder::AfterBeacon && cur.beacons.len() < cur.sources.len() {
            return Err(order_error(
                i,
                "the plan has every beacon before any reveal",
            ));
        }
        let r = Reveal {
            party: party.to_owned(),
            secret: *secret,
        };
        cur.reveals.push(r);
        let c = Ceremony {
            plan_hash: Bytes32::default(),
            attempt: *attempt,
            sources: &[],
            parties: &cur.parties,
        };
        // Check this reveal alone (duplicates, unknown party, mismatch).
        c.seed_unlabelled(&cur.reveals, &[])
            .map(|_| ())
            .or_else(|e| {
                if e.code() == VerifyCode::RevealMissing.into() {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| {
                let f = if e.code() == VerifyCode::RevealMismatch.into() {
                    "secret"
                } else {
                    "party"
                };
                at(i, f)(e)
            })
    }

    /// A beacon value: in the plan's order, before the draw, well-formed.
    fn on_beacon(&mut self, i: usize, attempt: &u32, source: &str, value: &str) -> Result<()> {
        let order = self.plan.reveal_order;
        self.check_attempt(i, *attempt)?;
        self.freeze()?;
        let cur = self.current()?;
        if cur.drawn {
            return Err(order_error(i, "a beacon after the draw of its attempt"));
        }
        if order == RevealOrder::BeforeBeacon && cur.reveals.len() < cur.parties.len() {
            return Err(order_error(
                i,
                "the plan has every reveal before any beacon",
            ));
        }
        cur.beacons.push(BeaconValue {
            source: source.to_owned(),
            value: value.to_owned(),
        });
        let c = Ceremony {
            plan_hash: Bytes32::default(),
            attempt: *attempt,
            sources: &cur.sources,
            parties: &[],
        };
        c.seed_unlabelled(&[], &cur.beacons)
            .map(|_| ())
            .or_else(|e| {
                if e.code() == VerifyCode::BeaconMissing.into() {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| {
                if e.code() == VerifyCode::BeaconInvalid.into() {
                    at(i, "value")(e.within(&format!("entries[{i}].event.value")))
                } else {
                    at(i, "source")(e)
                }
            })
    }

    /// The draw: once per attempt, its seed recomputed from the ceremony.
    fn on_draw(
        &mut self,
        i: usize,
        attempt: &u32,
        seed: &Bytes32,
        result_hash: &Bytes32,
    ) -> Result<()> {
        self.check_attempt(i, *attempt)?;
        self.freeze()?;
        let plan_hash = self.plan_hash;
        let cur = self.current()?;
        if cur.drawn {
            return Err(order_error(
                i,
                "an attempt is drawn once; draw again only through redraw",
            ));
        }
        let c = Ceremony {
            plan_hash,
            attempt: *attempt,
            sources: &cur.sources,
            parties: &cur.parties,
        };
        let expected = c.seed_unlabelled(&cur.reveals, &cur.beacons).map_err(|e| {
            let f = if e.code() == VerifyCode::BeaconMissing.into() {
                "beacons"
            } else {
                "reveals"
            };
            at(i, f)(e)
        })?;
        if expected != *seed {
            return Err(err(
                VerifyCode::ResultMismatch,
                i,
                "seed",
                "the recorded seed differs from the one recomputed from the ceremony",
            )
            .with_detail("attempt", attempt.to_string())
            .with_detail("expected", expected.to_hex())
            .with_detail("actual", seed.to_hex()));
        }
        cur.drawn = true;
        if let Some(s) = cur.summary.as_mut() {
            s.seed = Some(*seed);
            s.result_hash = Some(*result_hash);
        }
        Ok(())
    }

    /// A substitution: after the draw, naming its item, stratum and reason.
    fn on_substitution(
        &mut self,
        i: usize,
        attempt: &u32,
        item_id: &str,
        stratum_key: &str,
        reason: &str,
    ) -> Result<()> {
        self.check_attempt(i, *attempt)?;
        let cur = self.current()?;
        if !cur.drawn {
            return Err(order_error(
                i,
                "a substitution comes after the draw of its attempt",
            ));
        }
        for (f, v) in [
            ("item_id", item_id),
            ("stratum_key", stratum_key),
            ("reason", reason),
        ] {
            if v.trim().is_empty() {
                return Err(err(
                    VerifyCode::LogOrder,
                    i,
                    f,
                    "a substitution names its item, stratum and reason",
                ));
            }
        }
        cur.pending = cur.pending.saturating_add(1);
        Ok(())
    }

    /// A revision: after at least one substitution, numbered in sequence.
    fn on_revision(
        &mut self,
        i: usize,
        attempt: &u32,
        revision: &u32,
        result_hash: &Bytes32,
    ) -> Result<()> {
        self.check_attempt(i, *attempt)?;
        let cur = self.current()?;
        if !cur.drawn {
            return Err(order_error(
                i,
                "a revision comes after the draw of its attempt",
            ));
        }
        if cur.pending == 0 {
            return Err(order_error(
                i,
                "a revision follows at least one substitution",
            ));
        }
        let next = cur.revision.saturating_add(1);
        if *revision != next {
            return Err(err(
                VerifyCode::LogOrder,
                i,
                "revision",
                format!("this revision of attempt {attempt} is number {next}"),
            ));
        }
        cur.revision = next;
        cur.pending = 0;
        if let Some(s) = cur.summary.as_mut() {
            s.result_hash = Some(*result_hash);
            s.revision = next;
        }
        Ok(())
    }

    /// Committed outcomes: after the draw, for the attempt's current revision.
    fn on_outcomes(
        &mut self,
        i: usize,
        attempt: &u32,
        revision: &u32,
        outcomes_hash: &Bytes32,
    ) -> Result<()> {
        self.check_attempt(i, *attempt)?;
        let cur = self.current()?;
        if !cur.drawn {
            return Err(order_error(
                i,
                "outcomes come after the draw of their attempt",
            ));
        }
        if *revision != cur.revision {
            return Err(err(
                VerifyCode::LogOrder,
                i,
                "revision",
                format!(
                    "outcomes answer to the current result of attempt {attempt}, revision {}",
                    cur.revision
                ),
            ));
        }
        if let Some(s) = cur.summary.as_mut() {
            s.outcomes_hash = Some(*outcomes_hash);
        }
        Ok(())
    }

    /// A re-draw: the next attempt, with a reason and fresh beacons.
    fn on_redraw(
        &mut self,
        i: usize,
        attempt: &u32,
        reason: &str,
        beacons: &[BeaconSpec],
    ) -> Result<()> {
        self.freeze()?;
        let next = self.attempts.len() as u64;
        if u64::from(*attempt) != next {
            return Err(err(
                VerifyCode::RedrawInvalid,
                i,
                "attempt",
                format!("a re-draw starts attempt {next}"),
            ));
        }
        if reason.trim().is_empty() {
            return Err(err(
                VerifyCode::RedrawInvalid,
                i,
                "reason",
                "a re-draw records its reason",
            ));
        }
        Ceremony {
            plan_hash: Bytes32::default(),
            attempt: *attempt,
            sources: beacons,
            parties: &[],
        }
        .validate()
        .map_err(at(i, "beacons"))?;
        if beacons.is_empty() {
            return Err(err(
                VerifyCode::BeaconMissing,
                i,
                "beacons",
                "a re-draw names at least one beacon (fresh public randomness)",
            )
            .with_detail("attempt", attempt.to_string()));
        }
        let used: BTreeSet<(&str, &str)> = self
            .attempts
            .iter()
            .flat_map(|a| a.sources.iter().map(BeaconSpec::instance))
            .collect();
        if beacons.iter().all(|s| used.contains(&s.instance())) {
            return Err(err(
                VerifyCode::RedrawInvalid,
                i,
                "beacons",
                format!(
                    "attempt {attempt} reuses the public randomness of earlier attempts: it needs a beacon instance (series, draw) not used before"
                ),
            )
            .with_detail("attempt", attempt.to_string()));
        }
        self.attempts.push(Attempt {
            sources: beacons.to_vec(),
            start: Some(i),
            summary: Some(AttemptSummary {
                attempt: *attempt,
                seed: None,
                result_hash: None,
                revision: 0,
                redraw_reason: Some(reason.to_owned()),
                outcomes_hash: None,
            }),
            ..Attempt::default()
        });
        Ok(())
    }
}

/// Verifies a draw log against its plan: the chain, the plan hash, the ordering rules,
/// every reveal and beacon, each attempt's seed, and (if given) the published head.
///
/// # Errors
/// `log_chain_broken` (first bad index); `plan_hash_mismatch`; `log_order`;
/// `party_unknown`, `party_duplicate`, `reveal_mismatch`, `reveal_missing`;
/// `beacon_unknown`, `beacon_duplicate`, `beacon_invalid`, `beacon_missing`;
/// `redraw_invalid`, `commitment_missing` (field `entries[i]` of the re-draw);
/// `result_mismatch` (field `entries[i].event.seed`, or `head` when
/// the head differs from `expected_head`). Every error names the entry (detail
/// `index`, field `entries[i].event.<field>`).
pub fn verify_log(
    plan: &Plan,
    log: &DrawLog,
    expected_head: Option<&Bytes32>,
) -> Result<LogSummary> {
    let head = log.check_chain()?;
    let plan_hash = plan.plan_hash()?;
    let logged = match log.entries.first().map(|e| &e.event) {
        Some(Event::PlanPublished { plan_hash }) => *plan_hash,
        _ => plan_hash,
    };
    if logged != plan_hash {
        return Err(err(
            VerifyCode::PlanHashMismatch,
            0,
            "plan_hash",
            "the log's plan hash is not the plan's",
        )
        .with_detail("expected", plan_hash.to_hex())
        .with_detail("actual", logged.to_hex()));
    }
    let mut v = Verifier {
        plan,
        plan_hash,
        attempts: vec![Attempt {
            sources: plan.beacons.clone(),
            parties: plan.parties.clone(),
            summary: Some(AttemptSummary {
                attempt: 0,
                seed: None,
                result_hash: None,
                revision: 0,
                redraw_reason: None,
                outcomes_hash: None,
            }),
            ..Attempt::default()
        }],
    };
    for (i, entry) in log.entries.iter().enumerate().skip(1) {
        v.event(i, &entry.event)?;
    }
    v.freeze()?;
    if expected_head.is_some_and(|h| *h != head) {
        let expected = expected_head.copied().unwrap_or_default();
        return Err(Error::new(
            VerifyCode::ResultMismatch,
            "the log head differs from the published head",
        )
        .with_field("head")
        .with_detail("expected", expected.to_hex())
        .with_detail("actual", head.to_hex()));
    }
    Ok(LogSummary {
        head,
        attempts: v.attempts.into_iter().filter_map(|a| a.summary).collect(),
    })
}
