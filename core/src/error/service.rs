//! Codes of the `service` family: the enterprise service (联企服务) — demands
//! (企业诉求) and follow-up visits (事后回访).

error_codes! {
    /// A demand event, a follow-up input, a policy list or a law-education entry is refused.
    pub enum ServiceCode {
        /// An event names a demand that was never recorded (detail `demand_id`).
        DemandUnknown = "demand_unknown" {
            zh: "事件引用了未登记的诉求",
            en: "An event names a demand that was never recorded",
        },
        /// Two `recorded` events for one demand id.
        DemandDuplicate = "demand_duplicate" {
            zh: "同一诉求编号登记了两次",
            en: "Two recorded events for one demand id",
        },
        /// The event is not allowed in the demand's state (e.g. a transfer after a reply,
        /// a second rating); details `state` and `event`.
        DemandTransitionInvalid = "demand_transition_invalid" {
            zh: "诉求当前状态下不允许该事件",
            en: "The event is not allowed in the demand's state",
        },
        /// An event other than the rating on a closed demand.
        DemandClosed = "demand_closed" {
            zh: "诉求已办结，只能评价",
            en: "An event other than the rating on a closed demand",
        },
        /// Closing (or rating) a demand that never got a reply (事事有回音).
        DemandReplyMissing = "demand_reply_missing" {
            zh: "诉求尚未答复，不能办结或评价（事事有回音）",
            en: "Closing or rating a demand that never got a reply",
        },
        /// A transfer's time limit is not a count of working days (1 … 366).
        DemandTimeLimitInvalid = "demand_time_limit_invalid" {
            zh: "转办时限不是 1 至 366 个工作日",
            en: "A transfer's time limit is not a count of working days (1 … 366)",
        },
        /// An event dated before the demand's previous event, or after the as-of date
        /// where one is required.
        DemandDateInvalid = "demand_date_invalid" {
            zh: "事件日期早于诉求的上一事件或晚于查询日期",
            en: "An event dated before the demand's previous event or after the as-of date",
        },
        /// A field is empty or out of range (text, unit, departments, rating 1 … 5).
        DemandFieldInvalid = "demand_field_invalid" {
            zh: "字段为空或超出范围",
            en: "A field is empty or out of range",
        },
        /// A follow-up source is malformed (a decision without a date, a working-day
        /// count outside 1 … 366).
        FollowUpInvalid = "follow_up_invalid" {
            zh: "回访来源格式不正确",
            en: "A follow-up source is malformed",
        },
        /// A policy lacks its title, issuer, document number or summary, or ends before
        /// it starts.
        PolicyInvalid = "policy_invalid" {
            zh: "政策缺少标题、发文机关、文号或摘要，或失效早于生效",
            en: "A policy lacks its title, issuer, number or summary, or ends before it starts",
        },
        /// Departments list one document number with different facts (title, issuer,
        /// dates …); details name the document.
        PolicyConflict = "policy_conflict" {
            zh: "不同部门对同一文号列出的政策内容不一致",
            en: "Departments list one document number with different facts",
        },
        /// A law-education entry lacks a field or an article, repeats an id, or links a
        /// leniency menu entry that is not bundled.
        LawEntryInvalid = "law_entry_invalid" {
            zh: "普法条目缺少字段或条款、编号重复或关联了不存在的清单条目",
            en: "A law-education entry is invalid",
        },
    }
}
