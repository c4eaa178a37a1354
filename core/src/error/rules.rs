//! Codes of the `rules` family: sampling policies, presets and eligibility.

error_codes! {
    /// A sampling policy, preset or eligibility request is invalid.
    pub enum RulesCode {
        /// No preset has this name.
        PresetUnknown = "preset_unknown",
        /// The preset is not in force on the requested date.
        PresetNotInForce = "preset_not_in_force",
        /// A policy's minimum count is greater than its maximum.
        MinAboveMax = "min_above_max",
        /// A policy names a stratum that does not exist.
        StratumUnknown = "stratum_unknown",
        /// Two policy rows cover the same item and stratum.
        StratumDuplicate = "stratum_duplicate",
        /// A plan names an item that is not in the catalog.
        ItemUnknown = "item_unknown",
        /// A plan item has no sampling rule (no policy row and no default ratio).
        PolicyMissing = "policy_missing",
        /// The plan is internally inconsistent (authority, year, date …).
        PlanInvalid = "plan_invalid",
        /// A yearly-cap configuration is invalid (cap 0, unknown scope …).
        CapInvalid = "cap_invalid",
        /// Two rows of one policy group stratify by different fields, so their strata
        /// would overlap (e.g. `credit=A` beside `risk=C`).
        StratumOverlap = "stratum_overlap",
        /// A plan names an item that is not in force on the plan date.
        ItemNotInForce = "item_not_in_force",
        /// An explicit sampling policy is not in force on the plan date.
        PolicyNotInForce = "policy_not_in_force",
        /// A policy row names both an item and an item kind.
        PolicyTargetInvalid = "policy_target_invalid",
        /// A check record is dated after the plan date: a plan cannot count a check
        /// that had not happened when it was drawn up.
        HistoryAfterPlanDate = "history_after_plan_date",
    }
}
