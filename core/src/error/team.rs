//! Codes of the `team` family: inspector assignment.

error_codes! {
    /// No valid inspector assignment exists, or the request is invalid.
    pub enum TeamCode {
        /// No assignment satisfies the constraints; details name the bottleneck.
        TeamInfeasible = "team_infeasible",
        /// Fewer certified officers are available than the law requires.
        CertifiedShort = "certified_short",
        /// A team size or requirement is invalid.
        TeamSizeInvalid = "team_size_invalid",
        /// The lead department has no inspector available.
        LeadMissing = "lead_missing",
        /// The team algorithm id is not one this build implements.
        TeamAlgorithmUnknown = "team_algorithm_unknown",
        /// The team request is malformed (duplicate visit, inspector or department,
        /// lead department not taking part, bad seed …).
        TeamRequestInvalid = "team_request_invalid",
        /// The exact search for a split of the certified requirement exceeded its
        /// documented budget (no answer either way).
        TeamSearchLimit = "team_search_limit",
    }
}
