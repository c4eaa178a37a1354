//! The seed ceremony step by step on the draw log, as the people in the room run it:
//! a beacon value is recorded (typed by hand, checked against the source the plan
//! named, written in its canonical form), each party reveals its secret (checked
//! against its commitment the moment it is recorded), and the seed follows from the
//! log. The parties' commitments are made before the plan exists
//! ([`commitment`](crate::proof::commitment)); the plan carries them.
//!
//! Every step takes the plan and the log so far (absent: the plan's new log, holding
//! only `plan_published`) and returns the longer log, checked whole
//! ([`verify_log`]): an event out of the plan's order, a wrong secret or an unknown
//! source is refused before it is recorded, and the log given is never changed.
//! The step works on the log's current attempt (0, or the last `redraw`'s).
//!
//! Sources: docs/verify-spec-v1.md §5–§6 (the ceremony and the log); the procedure of
//! the CLI's `ceremony beacon|reveal|seed` steps.
//!
//! ```
//! use shuangsuiji::publish::{ceremony_beacon, ceremony_log_seed, ceremony_reveal};
//! use shuangsuiji::verify::{Bytes32, Plan};
//! # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/publish/ceremony.json"))?;
//! // The plan of the publish vectors: a 双色球 beacon read first (after_beacon), then
//! // three departments and a notary reveal.
//! let plan: Plan = serde_json::from_value(v["ceremony"]["plan"].clone())?;
//! let mut log = ceremony_beacon(&plan, None, "ssq", "05 09 14 22 27 31 + 12")?;
//! for (party, byte) in [("dept-emergency", 0x11), ("dept-fire", 0x22), ("dept-market", 0x33), ("notary", 0x44)] {
//!     log = ceremony_reveal(&plan, Some(log), party, &Bytes32([byte; 32]))?;
//! }
//! assert_eq!(ceremony_log_seed(&plan, Some(&log))?.to_hex(), v["ceremony"]["seed"]);
//! // A secret that does not match its commitment is refused, naming the party.
//! let log = ceremony_beacon(&plan, None, "ssq", "05 09 14 22 27 31 + 12")?;
//! let e = ceremony_reveal(&plan, Some(log), "notary", &Bytes32([9; 32])).unwrap_err();
//! assert_eq!(e.code().as_str(), "reveal_mismatch");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::proof::{
    BeaconSpec, BeaconValue, Bytes32, Ceremony, DrawLog, Event, PartyCommitment, Plan, Reveal,
    canonicalize, verify_log,
};
use crate::{Error, Result, VerifyCode};

/// The current attempt of a log: 0, or the attempt of its last `redraw`, with the
/// beacons named for it (the plan's, or the `redraw`'s).
fn current_attempt<'a>(plan: &'a Plan, log: &'a DrawLog) -> (u32, &'a [BeaconSpec]) {
    log.entries
        .iter()
        .rev()
        .find_map(|e| match &e.event {
            Event::Redraw {
                attempt, beacons, ..
            } => Some((*attempt, beacons.as_slice())),
            _ => None,
        })
        .unwrap_or((0, plan.beacons.as_slice()))
}

/// The log given, or the plan's new log (only `plan_published`).
fn log_or_new(plan: &Plan, log: Option<DrawLog>) -> Result<DrawLog> {
    match log {
        Some(log) => Ok(log),
        None => DrawLog::new(plan.plan_hash()?),
    }
}

/// The log with one event of the ceremony appended, checked whole against the plan.
fn record(plan: &Plan, mut log: DrawLog, event: Event) -> Result<DrawLog> {
    log.append(event)?;
    verify_log(plan, &log, None)?;
    Ok(log)
}

/// Records the value of a beacon the plan named (`source`, its `source_id`), typed as
/// read from the draw announcement (`"03 07 11 19 26 31 + 09"`): written in its
/// canonical form and appended to the log of the current attempt.
///
/// # Errors
/// `beacon_unknown` (field `source`) if the plan (or the attempt's `redraw`) names no
/// such beacon; `beacon_invalid` (field `value`) if the value is not one of its kind;
/// `log_order` and the other errors of [`verify_log`] if the beacon comes out of the
/// plan's order (a second value of the source, before the reveals of a
/// `before_beacon` plan, after the draw).
///
/// ```
/// # use shuangsuiji::publish::ceremony_beacon;
/// # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/publish/ceremony.json"))?;
/// # let plan: shuangsuiji::verify::Plan = serde_json::from_value(v["ceremony"]["plan"].clone())?;
/// let log = ceremony_beacon(&plan, None, "ssq", "5 9 14 22 27 31 + 12")?;
/// assert_eq!(log.entries.len(), 2);
/// let e = ceremony_beacon(&plan, None, "dlt", "01 02 03 04 05 + 06 07").unwrap_err();
/// assert_eq!(e.code().as_str(), "beacon_unknown");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ceremony_beacon(
    plan: &Plan,
    log: Option<DrawLog>,
    source: &str,
    value: &str,
) -> Result<DrawLog> {
    let log = log_or_new(plan, log)?;
    let (attempt, sources) = current_attempt(plan, &log);
    let spec = sources
        .iter()
        .find(|b| b.source_id == source)
        .ok_or_else(|| {
            Error::new(
                VerifyCode::BeaconUnknown,
                format!("the plan names no beacon {source:?} for attempt {attempt}"),
            )
            .with_field("source")
            .with_value(source)
        })?;
    let value = canonicalize(spec.kind, value).map_err(|e| e.with_field("value"))?;
    let event = Event::Beacon {
        attempt,
        source: source.to_owned(),
        value,
    };
    record(plan, log, event)
}

/// Records a party's revealed secret for the current attempt, checked against the
/// party's commitment as it is recorded.
///
/// # Errors
/// `reveal_mismatch` (detail `party`) if the secret does not match the commitment;
/// `party_unknown` if the plan has no such party; `party_duplicate` for a second
/// reveal; `log_order` and the other errors of [`verify_log`] if the reveal comes out
/// of the plan's order.
///
/// ```
/// # use shuangsuiji::publish::{ceremony_beacon, ceremony_reveal};
/// # use shuangsuiji::verify::Bytes32;
/// # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/publish/ceremony.json"))?;
/// # let plan: shuangsuiji::verify::Plan = serde_json::from_value(v["ceremony"]["plan"].clone())?;
/// let log = ceremony_beacon(&plan, None, "ssq", "05 09 14 22 27 31 + 12")?;
/// let e = ceremony_reveal(&plan, Some(log), "notary", &Bytes32([9; 32])).unwrap_err();
/// assert_eq!(e.code().as_str(), "reveal_mismatch");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ceremony_reveal(
    plan: &Plan,
    log: Option<DrawLog>,
    party: &str,
    secret: &Bytes32,
) -> Result<DrawLog> {
    let log = log_or_new(plan, log)?;
    let (attempt, _) = current_attempt(plan, &log);
    let event = Event::Reveal {
        attempt,
        party: party.to_owned(),
        secret: *secret,
    };
    record(plan, log, event)
}

/// The seed of the log's current attempt (absent: the plan's new log), once every party
/// has revealed and every beacon is recorded: the log is checked whole, then the seed derived from the
/// attempt's reveals and beacons ([`Ceremony::seed`]).
///
/// # Errors
/// `reveal_missing` / `beacon_missing` (detail `party` / `source`) while the ceremony
/// is incomplete; the errors of [`verify_log`] for a log that does not belong to the
/// plan or breaks its order.
///
/// ```
/// # use shuangsuiji::publish::{ceremony_beacon, ceremony_log_seed};
/// # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/publish/ceremony.json"))?;
/// # let plan: shuangsuiji::verify::Plan = serde_json::from_value(v["ceremony"]["plan"].clone())?;
/// let log = ceremony_beacon(&plan, None, "ssq", "05 09 14 22 27 31 + 12")?;
/// let e = ceremony_log_seed(&plan, Some(&log)).unwrap_err();
/// assert_eq!(e.code().as_str(), "reveal_missing");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ceremony_log_seed(plan: &Plan, log: Option<&DrawLog>) -> Result<Bytes32> {
    let new;
    let log = match log {
        Some(log) => log,
        None => {
            new = DrawLog::new(plan.plan_hash()?)?;
            &new
        }
    };
    verify_log(plan, log, None)?;
    let (attempt, sources) = current_attempt(plan, log);
    let (mut reveals, mut beacons, mut fresh) = (Vec::new(), Vec::new(), Vec::new());
    for e in &log.entries {
        match &e.event {
            Event::Reveal {
                attempt: a,
                party,
                secret,
            } if *a == attempt => reveals.push(Reveal {
                party: party.clone(),
                secret: *secret,
            }),
            Event::Beacon {
                attempt: a,
                source,
                value,
            } if *a == attempt => beacons.push(BeaconValue {
                source: source.clone(),
                value: value.clone(),
            }),
            Event::Commitment {
                attempt: a,
                party,
                commitment,
            } if *a == attempt => fresh.push(PartyCommitment {
                party_id: party.clone(),
                commitment: *commitment,
            }),
            _ => {}
        }
    }
    let ceremony = Ceremony {
        plan_hash: plan.plan_hash()?,
        attempt,
        sources,
        parties: if attempt == 0 { &plan.parties } else { &fresh },
    };
    ceremony.seed(&reveals, &beacons)
}
