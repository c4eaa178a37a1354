//! Codes of the `profile` family: enterprise events (一企一档) and tag rules (标签化).

error_codes! {
    /// An enterprise event or a tag rule is invalid.
    pub enum ProfileCode {
        /// An event's `kind` is not one of the documented kinds.
        EventKindUnknown = "event_kind_unknown",
        /// An event lacks a field its kind requires (detail `kind`).
        EventFieldMissing = "event_field_missing",
        /// An event carries a field its kind does not have (detail `kind`).
        EventFieldUnexpected = "event_field_unexpected",
        /// An event's value is not allowed (e.g. a leniency that is not 首违不罚/轻微不罚).
        EventValueInvalid = "event_value_invalid",
        /// A tag condition names an indicator the profile does not have.
        TagIndicatorUnknown = "tag_indicator_unknown",
        /// A tag condition compares an indicator with a value or operator of another type.
        TagTypeMismatch = "tag_type_mismatch",
        /// A window on an indicator that has none, or outside 1 … 120 months / 1 … 3660 days.
        TagWindowInvalid = "tag_window_invalid",
        /// A tag condition is not one of the documented forms.
        TagConditionInvalid = "tag_condition_invalid",
        /// A tag condition nests deeper or has more parts than allowed.
        TagConditionTooLarge = "tag_condition_too_large",
        /// Two tag rules of one set have the same id.
        TagRuleDuplicate = "tag_rule_duplicate",
        /// A measure names a trigger that is no rule of the tag set (detail `tag_set`).
        MeasureTriggerUnknown = "measure_trigger_unknown",
        /// A measure without a trigger or without a legal basis.
        MeasureInvalid = "measure_invalid",
        /// Two measures of one set have the same id.
        MeasureDuplicate = "measure_duplicate",
        /// A referral case's dates are out of order or incomplete.
        ReferralInvalid = "referral_invalid",
        /// A tag effect names a tag that is no rule of the tag set (detail `tag_set`).
        TagEffectTagUnknown = "tag_effect_tag_unknown",
        /// A tag effect is malformed: a second effect for one tag, a spare period outside
        /// 1 … 5 years, a number of another kind of effect, a tag id unfit for a stratum key.
        TagEffectInvalid = "tag_effect_invalid",
        /// A ratio effect's ratio is 0 or outside the `min_ratio` … `max_ratio` its source allows.
        TagEffectRatioOutOfRange = "tag_effect_ratio_out_of_range",
    }
}
