//! SHA-256 part-way through a message, finished many times with different endings.
//!
//! Every ticket key of a visit hashes the same prefix (tag, seed, task id, USCC) and then
//! one inspector id. [`Midstate`] keeps the compressed full blocks and the bytes after
//! them, and [`Midstate::finish_with`] pads one ending on the stack and compresses only
//! the last block(s) — the value of `Sha256` on the whole message (FIPS 180-4 §5.1.1
//! padding), without cloning and finalising a hasher per inspector.
//! `finish_with_equals_sha256` holds it to the `sha2` hasher.

use sha2::block_api::compress256;

use crate::proof::SHA256_H0 as H0;

/// The longest ending [`Midstate::finish_with`] pads without absorbing it first:
/// 63 tail bytes + 120 + 9 bytes of padding fit in three blocks.
pub(crate) const ENDING_MAX: usize = 120;

/// A SHA-256 computation after some bytes: the state of the full 64-byte blocks and the
/// bytes after them.
#[derive(Clone)]
pub(crate) struct Midstate {
    state: [u32; 8],
    /// 64-byte blocks compressed into `state`.
    blocks: u64,
    tail: [u8; 64],
    tail_len: usize,
}

impl Midstate {
    /// The state before any byte.
    pub(crate) const fn new() -> Self {
        Self {
            state: H0,
            blocks: 0,
            tail: [0; 64],
            tail_len: 0,
        }
    }

    /// Absorbs `bytes`.
    pub(crate) fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let take = (64 - self.tail_len).min(bytes.len());
            self.tail[self.tail_len..self.tail_len + take].copy_from_slice(&bytes[..take]);
            self.tail_len += take;
            bytes = &bytes[take..];
            if self.tail_len == 64 {
                compress256(&mut self.state, &[self.tail]);
                self.blocks += 1;
                self.tail_len = 0;
            }
        }
    }

    /// The SHA-256 digest of the bytes so far followed by `ending`. Endings of up to
    /// [`ENDING_MAX`] bytes are padded on the stack (tail, ending and padding fit in three
    /// blocks); longer ones are absorbed into a copy first.
    pub(crate) fn finish_with(&self, ending: &[u8]) -> [u8; 32] {
        if ending.len() > ENDING_MAX {
            let mut m = self.clone();
            m.update(ending);
            return m.finish_with(&[]);
        }
        let mut buf = [[0u8; 64]; 3];
        let flat = buf.as_flattened_mut();
        let len = self.tail_len + ending.len();
        flat[..self.tail_len].copy_from_slice(&self.tail[..self.tail_len]);
        flat[self.tail_len..len].copy_from_slice(ending);
        flat[len] = 0x80;
        // The message length in bits, in the last 8 bytes of the last block.
        let end = (len + 9).div_ceil(64) * 64;
        let bits = (self.blocks * 64 + len as u64) * 8;
        flat[end - 8..end].copy_from_slice(&bits.to_be_bytes());
        let mut state = self.state;
        compress256(&mut state, &buf[..end / 64]);
        let mut out = [0u8; 32];
        for (chunk, word) in out.chunks_exact_mut(4).zip(state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sha2::{Digest, Sha256};

    proptest! {
        /// Any split of any message (lengths across the block and padding boundaries)
        /// gives the `sha2` digest.
        #[test]
        fn finish_with_equals_sha256(
            prefix in proptest::collection::vec(any::<u8>(), 0..200),
            middle in proptest::collection::vec(any::<u8>(), 0..80),
            ending in proptest::collection::vec(any::<u8>(), 0..140),
        ) {
            let mut m = Midstate::new();
            m.update(&prefix);
            m.update(&middle);
            let whole: Vec<u8> = [prefix, middle, ending.clone()].concat();
            let want: [u8; 32] = Sha256::digest(&whole).into();
            prop_assert_eq!(m.finish_with(&ending), want);
        }
    }

    #[test]
    fn every_length_near_the_padding_boundaries() {
        for n in 0..=200usize {
            let msg: Vec<u8> = (0..n).map(|i| u8::try_from(i * 7 % 251).unwrap()).collect();
            for cut in [0, n / 2, n] {
                let mut m = Midstate::new();
                m.update(&msg[..cut]);
                let want: [u8; 32] = Sha256::digest(&msg).into();
                assert_eq!(m.finish_with(&msg[cut..]), want, "length {n} cut {cut}");
            }
        }
    }
}
