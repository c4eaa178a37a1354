//! Codes of the `service` family: the enterprise service (联企服务) — demands
//! (企业诉求) and follow-up visits (事后回访).

error_codes! {
    /// A demand event, a follow-up input, a policy list or a law-education entry is refused.
    pub enum ServiceCode {
        /// An event names a demand that was never recorded (detail `demand_id`).
        DemandUnknown = "demand_unknown",
        /// Two `recorded` events for one demand id.
        DemandDuplicate = "demand_duplicate",
        /// The event is not allowed in the demand's state (e.g. a transfer after a reply,
        /// a second rating); details `state` and `event`.
        DemandTransitionInvalid = "demand_transition_invalid",
        /// An event other than the rating on a closed demand.
        DemandClosed = "demand_closed",
        /// Closing (or rating) a demand that never got a reply (事事有回音).
        DemandReplyMissing = "demand_reply_missing",
        /// A transfer's time limit is not a count of working days (1 … 366).
        DemandTimeLimitInvalid = "demand_time_limit_invalid",
        /// An event dated before the demand's previous event, or after the as-of date
        /// where one is required.
        DemandDateInvalid = "demand_date_invalid",
        /// A field is empty or out of range (text, unit, departments, rating 1 … 5).
        DemandFieldInvalid = "demand_field_invalid",
        /// A follow-up source is malformed (a decision without a date, a working-day
        /// count outside 1 … 366).
        FollowUpInvalid = "follow_up_invalid",
        /// A policy lacks its title, issuer, document number or summary, or ends before
        /// it starts.
        PolicyInvalid = "policy_invalid",
        /// Departments list one document number with different facts (title, issuer,
        /// dates …); details name the document.
        PolicyConflict = "policy_conflict",
        /// A law-education entry lacks a field or an article, repeats an id, or links a
        /// leniency menu entry that is not bundled.
        LawEntryInvalid = "law_entry_invalid",
    }
}
