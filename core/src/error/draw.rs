//! Codes of the `draw` family: algorithm versions, seeds, tickets, selection, substitution.

error_codes! {
    /// The draw cannot be performed as asked.
    pub enum DrawCode {
        /// The algorithm version is not known to this library.
        AlgorithmUnknown = "algorithm_unknown" {
            zh: "本库不认识该抽取算法版本",
            en: "The algorithm version is not known to this library",
        },
        /// A seed is not 32 bytes of lowercase hex.
        SeedInvalid = "seed_invalid" {
            zh: "种子不是 64 位小写十六进制（32 字节）",
            en: "A seed is not 32 bytes of lowercase hex",
        },
        /// A ticket is not 16 bytes of lowercase hex.
        TicketInvalid = "ticket_invalid" {
            zh: "签号不是 32 位小写十六进制（16 字节）",
            en: "A ticket is not 16 bytes of lowercase hex",
        },
        /// A task id is empty or malformed.
        TaskIdInvalid = "task_id_invalid" {
            zh: "任务编号为空或格式不正确",
            en: "A task id is empty or malformed",
        },
        /// A substitution names an enterprise that was not selected.
        SubstituteNotSelected = "substitute_not_selected" {
            zh: "替补所替换的企业并未被抽中",
            en: "A substitution names an enterprise that was not selected",
        },
        /// The stratum has no further ticket to substitute with.
        SubstituteExhausted = "substitute_exhausted" {
            zh: "该分层已无可用于替补的签号",
            en: "The stratum has no further ticket to substitute with",
        },
        /// The per-stratum substitution limit is reached; a new attempt is needed.
        SubstitutionLimit = "substitution_limit" {
            zh: "该分层的替补次数已达上限，需重新抽取",
            en: "The per-stratum substitution limit is reached; a new attempt is needed",
        },
        /// Unknown substitution reason.
        SubstitutionReasonUnknown = "substitution_reason_unknown" {
            zh: "替补原因不在规定范围内",
            en: "Unknown substitution reason",
        },
        /// An expansion asks for a negative or impossible number of extra picks.
        ExpansionInvalid = "expansion_invalid" {
            zh: "扩大抽取的追加数量为负数或无法满足",
            en: "An expansion asks for a negative or impossible number of extra picks",
        },
        /// The same enterprise is listed twice in one stratum.
        EligibleDuplicate = "eligible_duplicate" {
            zh: "同一分层中同一企业出现两次",
            en: "The same enterprise is listed twice in one stratum",
        },
        /// A stratum key is empty, too long or not printable ASCII.
        StratumKeyInvalid = "stratum_key_invalid" {
            zh: "分层键为空、过长或含不可打印字符",
            en: "A stratum key is empty, too long or not printable ASCII",
        },
        /// A fixed-quota stratum has no `quota`.
        QuotaMissing = "quota_missing" {
            zh: "定额抽取的分层缺少抽取数量",
            en: "A fixed-quota stratum has no quota",
        },
        /// A stratum's quota is larger than its number of eligible enterprises.
        QuotaExceedsEligible = "quota_exceeds_eligible" {
            zh: "分层的抽取数量大于其可抽企业数",
            en: "A stratum's quota is larger than its number of eligible enterprises",
        },
        /// A Bernoulli stratum has no `ratio`.
        RatioMissing = "ratio_missing" {
            zh: "按比例抽取的分层缺少抽取比例",
            en: "A Bernoulli stratum has no ratio",
        },
        /// A stratum carries a field that its draw mode does not use (`ratio` in fixed
        /// mode, `quota` in Bernoulli mode).
        ModeFieldUnexpected = "mode_field_unexpected" {
            zh: "分层含有其抽取方式不使用的字段",
            en: "A stratum carries a field that its draw mode does not use",
        },
        /// Parts of a draw kept too few candidates under their limit (or used different
        /// limits) to merge into the exact result: run them again without totals.
        CandidatesInsufficient = "candidates_insufficient" {
            zh: "分段抽取保留的候选不足，无法合并出准确结果，请不分段重新计算",
            en: "Parts of a draw kept too few candidates to merge into the exact result; run them again without totals",
        },
    }
}
