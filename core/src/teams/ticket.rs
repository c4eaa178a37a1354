//! Per visit–inspector tickets.
//!
//! `K = SHA-256(LP("SSJ/v1/inspector") ‖ LP(seed) ‖ LP(task_id) ‖ LP(USCC) ‖ LP(inspector_id))`
//! (= `canonical::tagged_hash("inspector", [seed, task_id, uscc, inspector_id])`), and the
//! ticket is the first 16 bytes of the raw ChaCha20 keystream (20 rounds, DJB layout,
//! 64-bit block counter 0, 64-bit stream id 0) under key `K`, read as a big-endian
//! `u128`. Smaller tickets win; ties (never seen in practice) go to the smaller
//! inspector id bytes.

use super::Seed;
use super::midstate::{ENDING_MAX, Midstate};
use crate::json::canonical::TAG_PREFIX;
use crate::model::{InspectorId, Uscc};
use crate::{Error, LimitCode, Result};

/// The ticket of one (visit, inspector) pair: 128 bits, compared as big-endian bytes.
pub type InspectorTicket = u128;

/// Hashes the fixed prefix once; tickets then only absorb the USCC and inspector id.
#[derive(Clone)]
pub(crate) struct TicketHasher {
    prefix: Midstate,
}

fn lp_update(h: &mut Midstate, bytes: &[u8]) -> Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| {
        Error::new(
            LimitCode::TooManyBytes,
            "a hashed field must be shorter than 4 GiB",
        )
    })?;
    h.update(&len.to_be_bytes());
    h.update(bytes);
    Ok(())
}

impl TicketHasher {
    /// Absorbs `LP(tag) ‖ LP(seed) ‖ LP(task_id)`.
    pub(crate) fn new(seed: &Seed, task_id: &str) -> Result<Self> {
        let mut prefix = Midstate::new();
        lp_update(&mut prefix, format!("{TAG_PREFIX}inspector").as_bytes())?;
        lp_update(&mut prefix, seed.as_bytes())?;
        lp_update(&mut prefix, task_id.as_bytes())?;
        Ok(Self { prefix })
    }

    /// The hasher state after the USCC, to be reused for every inspector of a visit.
    pub(crate) fn for_visit(&self, uscc: &Uscc) -> Midstate {
        let mut h = self.prefix.clone();
        // 18 bytes: the length always fits.
        h.update(&18u32.to_be_bytes());
        h.update(uscc.as_bytes());
        h
    }

    /// The ticket of `inspector` for the visit whose state `visit` came from
    /// [`TicketHasher::for_visit`].
    pub(crate) fn ticket(visit: &Midstate, inspector: &InspectorId) -> InspectorTicket {
        u128::from_be_bytes(keystream16(Self::key(visit, inspector)))
    }

    /// The ChaCha20 key `K` of `inspector` for the visit whose state `visit` came from
    /// [`TicketHasher::for_visit`].
    fn key(visit: &Midstate, inspector: &InspectorId) -> [u8; 32] {
        let id = inspector.as_str().as_bytes();
        let lp = u32::try_from(id.len()).unwrap_or(u32::MAX).to_be_bytes();
        // Inspector ids are at most 64 bytes (model invariant), so `LP(id)` fits.
        let mut ending = [0u8; ENDING_MAX];
        let Some(room) = ending.get_mut(..4 + id.len()) else {
            let mut h = visit.clone();
            h.update(&lp);
            h.update(id);
            return h.finish_with(&[]);
        };
        room[..4].copy_from_slice(&lp);
        room[4..].copy_from_slice(id);
        visit.finish_with(room)
    }

    /// The tickets of `inspectors` for one visit, in order: the values of
    /// [`TicketHasher::ticket`], with the ChaCha20 blocks computed several keys at a time
    /// (the lane-wise ChaCha20 of the draw's `rng` module). `scratch` keeps the buffers
    /// from one call to the next.
    pub(crate) fn tickets<'i, 's>(
        visit: &Midstate,
        inspectors: impl IntoIterator<Item = &'i InspectorId>,
        scratch: &'s mut TicketScratch,
    ) -> impl ExactSizeIterator<Item = InspectorTicket> + 's {
        scratch.keys.clear();
        scratch
            .keys
            .extend(inspectors.into_iter().map(|i| Self::key(visit, i)));
        scratch.blocks.clear();
        crate::draw::rng::block0_prefix16_keys(&scratch.keys, &mut scratch.blocks);
        scratch.blocks.iter().map(|&b| u128::from_be_bytes(b))
    }
}

/// Buffers reused by [`TicketHasher::tickets`] from one visit to the next.
#[derive(Default)]
pub(crate) struct TicketScratch {
    keys: Vec<[u8; 32]>,
    blocks: Vec<[u8; 16]>,
}

/// The first 16 bytes of the ChaCha20 keystream (block 0, stream 0) under `key`,
/// through the draw's single ChaCha module.
fn keystream16(key: [u8; 32]) -> [u8; 16] {
    crate::draw::rng::block_prefix16(&key, 0, 0)
}

/// The ticket of one (visit, inspector) pair, from public values.
///
/// # Errors
/// `too_many_bytes` if the task id is 4 GiB or longer.
///
/// ```
/// use shuangsuiji::model::{InspectorId, Uscc};
/// use shuangsuiji::teams::{ticket, Seed};
/// let t = ticket(&Seed::from_bytes([0; 32]), "task-1", &Uscc::parse("91350100M000100Y43").unwrap(),
///     &InspectorId::parse("A1").unwrap()).unwrap();
/// assert_eq!(t, ticket(&Seed::from_bytes([0; 32]), "task-1", &Uscc::parse("91350100M000100Y43").unwrap(),
///     &InspectorId::parse("A1").unwrap()).unwrap());
/// ```
pub fn ticket(
    seed: &Seed,
    task_id: &str,
    uscc: &Uscc,
    inspector: &InspectorId,
) -> Result<InspectorTicket> {
    let h = TicketHasher::new(seed, task_id)?;
    Ok(TicketHasher::ticket(&h.for_visit(uscc), inspector))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::canonical::tagged_hash;

    #[test]
    fn matches_tagged_hash_and_chacha_reference() {
        let seed = Seed::from_bytes([7; 32]);
        let uscc = Uscc::parse("91350100M000100Y43").unwrap();
        let id = InspectorId::parse("15058120240012").unwrap();
        let key = tagged_hash(
            "inspector",
            &[
                seed.as_bytes(),
                b"T-2026",
                uscc.as_bytes(),
                id.as_str().as_bytes(),
            ],
        )
        .unwrap();
        let t = ticket(&seed, "T-2026", &uscc, &id).unwrap();
        assert_eq!(t, u128::from_be_bytes(keystream16(key)));
        // RFC 8439 §2.3.2-style check of the raw keystream: the all-zero key and nonce
        // (block 0) start with 76 b8 e0 ad a0 f1 3d 90 40 5d 6a e5 53 86 bd 28.
        assert_eq!(
            hex::encode(keystream16([0; 32])),
            "76b8e0ada0f13d90405d6ae55386bd28"
        );
    }
}
