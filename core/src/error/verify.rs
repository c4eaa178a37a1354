//! Codes of the `verify` family: commitments, ceremony, log, result and receipts.

error_codes! {
    /// A published document does not verify, or a ceremony step is invalid.
    pub enum VerifyCode {
        /// A revealed secret does not match its party's commitment.
        RevealMismatch = "reveal_mismatch",
        /// A committed party did not reveal.
        RevealMissing = "reveal_missing",
        /// A reveal comes from a party that made no commitment.
        PartyUnknown = "party_unknown",
        /// The same party appears twice.
        PartyDuplicate = "party_duplicate",
        /// A beacon value is not in its canonical text form.
        BeaconInvalid = "beacon_invalid",
        /// A beacon named in the plan has no value.
        BeaconMissing = "beacon_missing",
        /// The plan hash does not match the plan.
        PlanHashMismatch = "plan_hash_mismatch",
        /// A recomputed value differs from the published one.
        ResultMismatch = "result_mismatch",
        /// The draw log's hash chain is broken.
        LogChainBroken = "log_chain_broken",
        /// A log event is out of order or missing a required predecessor.
        LogOrder = "log_order",
        /// A re-draw lacks a reason or reuses randomness.
        RedrawInvalid = "redraw_invalid",
        /// A Merkle inclusion proof does not lead to the published root.
        MerkleProofInvalid = "merkle_proof_invalid",
        /// A receipt does not verify.
        ReceiptInvalid = "receipt_invalid",
        /// A Merkle root recomputed from the roster differs from the plan.
        RootMismatch = "root_mismatch",
        /// A 32-byte value (hash, secret, seed) is not 64 lowercase hex characters.
        HexInvalid = "hex_invalid",
        /// Two Merkle leaves have the same canonical id.
        LeafDuplicate = "leaf_duplicate",
        /// A Merkle leaf field is empty, unsorted or repeats an element.
        LeafInvalid = "leaf_invalid",
        /// A committed JSON document holds a number that is not a safe integer.
        NumberNotInteger = "number_not_integer",
        /// A party, source or series id is not 1–64 characters of `[A-Za-z0-9._:-]`.
        IdInvalid = "id_invalid",
        /// The same beacon source appears twice.
        BeaconDuplicate = "beacon_duplicate",
        /// A beacon value comes from a source the plan (or re-draw) did not name.
        BeaconUnknown = "beacon_unknown",
        /// A re-draw attempt lacks a fresh commitment from a party of the plan.
        CommitmentMissing = "commitment_missing",
        /// A published file holds a value in another spelling than its canonical text.
        ValueNotCanonical = "value_not_canonical",
        /// A publication folder lacks one of the files a published draw consists of.
        PublicationFileMissing = "publication_file_missing",
    }
}
