//! Codes of the `team` family: inspector assignment, day routes and the work plan.

error_codes! {
    /// No valid inspector assignment exists, or the request is invalid.
    pub enum TeamCode {
        /// No assignment satisfies the constraints; details name the bottleneck.
        TeamInfeasible = "team_infeasible" {
            zh: "执法人员不足，无法组成满足要求的检查组",
            en: "No assignment satisfies the constraints",
        },
        /// Fewer certified officers are available than the law requires.
        CertifiedShort = "certified_short" {
            zh: "持证执法人员不足，达不到法定人数",
            en: "Fewer certified officers are available than the law requires",
        },
        /// A team size or requirement is invalid.
        TeamSizeInvalid = "team_size_invalid" {
            zh: "检查组人数或要求无效",
            en: "A team size or requirement is invalid",
        },
        /// The lead department has no inspector available.
        LeadMissing = "lead_missing" {
            zh: "牵头部门没有可派的持证执法人员",
            en: "The lead department has no inspector available",
        },
        /// The team algorithm id is not one this build implements.
        TeamAlgorithmUnknown = "team_algorithm_unknown" {
            zh: "此版本没有该分组算法",
            en: "The team algorithm id is not one this build implements",
        },
        /// The team request is malformed (duplicate visit, inspector or department,
        /// lead department not taking part, bad seed …).
        TeamRequestInvalid = "team_request_invalid" {
            zh: "分组请求格式不正确",
            en: "The team request is malformed",
        },
        /// The exact search for a split of the certified requirement exceeded its
        /// documented budget (no answer either way).
        TeamSearchLimit = "team_search_limit" {
            zh: "持证人员分配的搜索超出计算预算，无法得出结论",
            en: "The search for a split of the certified requirement exceeded its budget",
        },
        /// A route request is malformed (duplicate stop, no location and no matrix,
        /// a matrix of the wrong size, a zero capacity …) — see `routes`.
        RouteRequestInvalid = "route_request_invalid" {
            zh: "路线请求格式不正确",
            en: "A route request is malformed",
        },
        /// A latitude or longitude is not a decimal number in range.
        RouteLocationInvalid = "route_location_invalid" {
            zh: "经纬度不是范围内的十进制数",
            en: "A latitude or longitude is not a decimal number in range",
        },
        /// Locations in one plan use different datums (WGS-84 and GCJ-02).
        RouteDatumMixed = "route_datum_mixed" {
            zh: "同一计划中混用了不同坐标系（WGS-84 与 GCJ-02）",
            en: "Locations in one plan use different datums",
        },
        /// A stop cannot be visited within one day even alone (out and back).
        RouteStopTooFar = "route_stop_too_far" {
            zh: "该地点单独往返也无法在一天内完成",
            en: "A stop cannot be visited within one day even alone",
        },
        /// A work-plan request is invalid: zero working days or teams per day, a window
        /// that starts on a day off, a lead department that takes no part — see
        /// `workplan`.
        WorkplanRequestInvalid = "workplan_request_invalid" {
            zh: "工作计划请求无效",
            en: "A work-plan request is invalid",
        },
        /// The documents a work plan is built from do not belong together (another
        /// task's teams, a visit without a team or route, an enterprise, item,
        /// department name or inspector missing from its list).
        WorkplanInputsMismatch = "workplan_inputs_mismatch" {
            zh: "编制工作计划所用的文件彼此不对应",
            en: "The documents a work plan is built from do not belong together",
        },
        /// The team-days do not fit into the check window (too few working days for the
        /// teams per day, or an inspector needed on two routes of every day).
        WorkplanWindowShort = "workplan_window_short" {
            zh: "检查期限内的工作日不够安排全部检查组",
            en: "The team-days do not fit into the check window",
        },
        /// The day routes given to the per-route team assignment do not fit its request
        /// (a visit on no route or on two, a stop that is not a visit, an empty route,
        /// an index twice, two lead departments on one route, a route longer than an
        /// inspector's day) — see `teams::assign_by_route`.
        TeamRoutesInvalid = "team_routes_invalid" {
            zh: "按路线分组所给的路线与请求不符",
            en: "The day routes do not fit the per-route team request",
        },
    }
}
