//! Codes of the `team` family: inspector assignment, day routes and the work plan.

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
        /// A route request is malformed (duplicate stop, no location and no matrix,
        /// a matrix of the wrong size, a zero capacity …) — see `routes`.
        RouteRequestInvalid = "route_request_invalid",
        /// A latitude or longitude is not a decimal number in range.
        RouteLocationInvalid = "route_location_invalid",
        /// Locations in one plan use different datums (WGS-84 and GCJ-02).
        RouteDatumMixed = "route_datum_mixed",
        /// A stop cannot be visited within one day even alone (out and back).
        RouteStopTooFar = "route_stop_too_far",
        /// A work-plan request is invalid: zero working days or teams per day, a window
        /// that starts on a day off, a lead department that takes no part — see
        /// `workplan`.
        WorkplanRequestInvalid = "workplan_request_invalid",
        /// The documents a work plan is built from do not belong together (another
        /// task's teams, a visit without a team or route, an enterprise, item,
        /// department name or inspector missing from its list).
        WorkplanInputsMismatch = "workplan_inputs_mismatch",
        /// The team-days do not fit into the check window (too few working days for the
        /// teams per day, or an inspector needed on two routes of every day).
        WorkplanWindowShort = "workplan_window_short",
        /// The day routes given to the per-route team assignment do not fit its request
        /// (a visit on no route or on two, a stop that is not a visit, an empty route,
        /// an index twice, two lead departments on one route, a route longer than an
        /// inspector's day) — see `teams::assign_by_route`.
        TeamRoutesInvalid = "team_routes_invalid",
    }
}
