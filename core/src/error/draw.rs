//! Codes of the `draw` family: algorithm versions, seeds, tickets, selection, substitution.

error_codes! {
    /// The draw cannot be performed as asked.
    pub enum DrawCode {
        /// The algorithm version is not known to this library.
        AlgorithmUnknown = "algorithm_unknown",
        /// A seed is not 32 bytes of lowercase hex.
        SeedInvalid = "seed_invalid",
        /// A ticket is not 16 bytes of lowercase hex.
        TicketInvalid = "ticket_invalid",
        /// A task id is empty or malformed.
        TaskIdInvalid = "task_id_invalid",
        /// A substitution names an enterprise that was not selected.
        SubstituteNotSelected = "substitute_not_selected",
        /// The stratum has no further ticket to substitute with.
        SubstituteExhausted = "substitute_exhausted",
        /// The per-stratum substitution limit is reached; a new attempt is needed.
        SubstitutionLimit = "substitution_limit",
        /// Unknown substitution reason.
        SubstitutionReasonUnknown = "substitution_reason_unknown",
        /// An expansion asks for a negative or impossible number of extra picks.
        ExpansionInvalid = "expansion_invalid",
        /// The same enterprise is listed twice in one stratum.
        EligibleDuplicate = "eligible_duplicate",
        /// A stratum key is empty, too long or not printable ASCII.
        StratumKeyInvalid = "stratum_key_invalid",
        /// A fixed-quota stratum has no `quota`.
        QuotaMissing = "quota_missing",
        /// A stratum's quota is larger than its number of eligible enterprises.
        QuotaExceedsEligible = "quota_exceeds_eligible",
        /// A Bernoulli stratum has no `ratio`.
        RatioMissing = "ratio_missing",
        /// A stratum carries a field that its draw mode does not use (`ratio` in fixed
        /// mode, `quota` in Bernoulli mode).
        ModeFieldUnexpected = "mode_field_unexpected",
        /// Parts of a draw kept too few candidates under their limit (or used different
        /// limits) to merge into the exact result: run them again without totals.
        CandidatesInsufficient = "candidates_insufficient",
    }
}
