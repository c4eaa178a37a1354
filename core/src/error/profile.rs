//! Codes of the `profile` family: enterprise events (一企一档) and tag rules (标签化).

error_codes! {
    /// An enterprise event or a tag rule is invalid.
    pub enum ProfileCode {
        /// An event's `kind` is not one of the documented kinds.
        EventKindUnknown = "event_kind_unknown" {
            zh: "事件类型不在规定范围内",
            en: "An event's kind is not one of the documented kinds",
        },
        /// An event lacks a field its kind requires (detail `kind`).
        EventFieldMissing = "event_field_missing" {
            zh: "事件缺少其类型要求的字段",
            en: "An event lacks a field its kind requires",
        },
        /// An event carries a field its kind does not have (detail `kind`).
        EventFieldUnexpected = "event_field_unexpected" {
            zh: "事件含有其类型没有的字段",
            en: "An event carries a field its kind does not have",
        },
        /// An event's value is not allowed (e.g. a leniency that is not 首违不罚/轻微不罚).
        EventValueInvalid = "event_value_invalid" {
            zh: "事件的取值不允许",
            en: "An event's value is not allowed",
        },
        /// A tag condition names an indicator the profile does not have.
        TagIndicatorUnknown = "tag_indicator_unknown" {
            zh: "标签条件引用了不存在的指标",
            en: "A tag condition names an indicator the profile does not have",
        },
        /// A tag condition compares an indicator with a value or operator of another type.
        TagTypeMismatch = "tag_type_mismatch" {
            zh: "标签条件中指标与比较值或运算符的类型不符",
            en: "A tag condition compares an indicator with a value or operator of another type",
        },
        /// A window on an indicator that has none, or outside 1 … 120 months / 1 … 3660 days.
        TagWindowInvalid = "tag_window_invalid" {
            zh: "指标的统计时段无效",
            en: "A window on an indicator is invalid",
        },
        /// A tag condition is not one of the documented forms.
        TagConditionInvalid = "tag_condition_invalid" {
            zh: "标签条件不是规定的形式",
            en: "A tag condition is not one of the documented forms",
        },
        /// A tag condition nests deeper or has more parts than allowed.
        TagConditionTooLarge = "tag_condition_too_large" {
            zh: "标签条件嵌套过深或组成部分过多",
            en: "A tag condition nests deeper or has more parts than allowed",
        },
        /// Two tag rules of one set have the same id.
        TagRuleDuplicate = "tag_rule_duplicate" {
            zh: "同一标签集中两条标签规则编号相同",
            en: "Two tag rules of one set have the same id",
        },
        /// A measure names a trigger that is no rule of the tag set (detail `tag_set`).
        MeasureTriggerUnknown = "measure_trigger_unknown" {
            zh: "措施引用的触发标签不在标签集中",
            en: "A measure names a trigger that is no rule of the tag set",
        },
        /// A measure without a trigger or without a legal basis.
        MeasureInvalid = "measure_invalid" {
            zh: "措施缺少触发条件或法律依据",
            en: "A measure without a trigger or without a legal basis",
        },
        /// Two measures of one set have the same id.
        MeasureDuplicate = "measure_duplicate" {
            zh: "同一集合中两项措施编号相同",
            en: "Two measures of one set have the same id",
        },
        /// A referral case's dates are out of order or incomplete.
        ReferralInvalid = "referral_invalid" {
            zh: "移送案件的日期顺序错误或不完整",
            en: "A referral case's dates are out of order or incomplete",
        },
        /// A tag effect names a tag that is no rule of the tag set (detail `tag_set`).
        TagEffectTagUnknown = "tag_effect_tag_unknown" {
            zh: "标签效果引用的标签不在标签集中",
            en: "A tag effect names a tag that is no rule of the tag set",
        },
        /// A tag effect is malformed: a second effect for one tag, a spare period outside
        /// 1 … 5 years, a number of another kind of effect, a tag id unfit for a stratum key.
        TagEffectInvalid = "tag_effect_invalid" {
            zh: "标签效果格式不正确",
            en: "A tag effect is malformed",
        },
        /// A ratio effect's ratio is 0 or outside the `min_ratio` … `max_ratio` its source allows.
        TagEffectRatioOutOfRange = "tag_effect_ratio_out_of_range" {
            zh: "比例效果的比例为 0 或超出依据允许的范围",
            en: "A ratio effect's ratio is 0 or outside the range its source allows",
        },
    }
}
